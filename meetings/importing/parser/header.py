"""What the document is and whose: protokoll or minnesanteckningar, the organisation (a federation, a municipality,
an association) and the body that met, from the title, the header, a breadcrumb or the text."""

import re

from meetings.importing.dates import find_date
from meetings.importing.lexicon import MUNICIPALITY_NAMES, municipality_name

from .document import Document

BODY_CORE = (
    r"(?:fullmäktige|nämnd(?:en)?|styrelse(?:n)?|utskott(?:et)?|beredning(?:en)?|beredningsgrupp(?:en)?|"
    r"grupp(?:en)?|råd(?:et)?|delegation(?:en)?|kommitté(?:n)?|presidi(?:um|et|erna)|direktion(?:en)?)"
)
# "Kommunstyrelsens arbetsutskott", "Kommunstyrelsens personalutskott": whose utskott, not only which kind
OWNED_BODY = r"\b([A-ZÅÄÖ][a-zåäö]+s\s+(?:[a-zåäö]*utskott|presidium|beredning)\w*)"
BODY_NOUN = r"[\wåäö]*" + BODY_CORE
ORGANISATION = [
    # "Regionförbundet i Kalmar län", "Samordningsförbundet Västra Skaraborg", "Region Halland"
    re.compile(
        r"\b((?:Samordningsförbundet|Kommunförbundet|Kommunalförbundet|Regionförbundet|Landstinget(?:\s+[iI])?|"
        r"Region)\s+(?:i\s+)?(?:[A-ZÅÄÖ][\wåäö-]+)(?:\s+(?:[iI]\s+)?[A-ZÅÄÖ][\wåäö-]+)*(?:\s+län\b)?)"
    ),
    # "Södra Lapplands Gymnasieförbund", "Göta älvs vattenvårdsförbund", "Söderåsens Miljöförbund": a förbund named
    # by its place (after a municipality's own letterhead: a protocol of the municipality may name a förbund)
    re.compile(r"\b((?:[A-ZÅÄÖ][\wåäö-]+\s+){1,3}(?:[a-zåäö]+s\s+)?[\wåäö]*(?:förbund|förbundet))\b"),
    # "Västra Götalandsregionen"; "Vätternvårdsförbundets styrelse": the owner in the genitive before its body
    re.compile(r"\b((?:(?:Västra|Östra|Norra|Södra)\s+)?[A-ZÅÄÖ][\wåäö-]+(?:förbundet|regionen))(?:s\b|\b)"),
    # "Högskolan i Borås", "Jämtlands läns landsting"
    re.compile(r"\b((?:Högskolan|Universitetet)\s+i\s+[A-ZÅÄÖ][\wåäö/-]+|[A-ZÅÄÖ][\wåäö]+s\s+läns\s+landsting)\b"),
]
NAMED_BY_PLACE = 1  # the index in ORGANISATION of the förbund named by its place
ASSOCIATION_KIND = (
    r"(?:förening|förbund|samfällighet|sällskap|gille|hembygdslag|byalag|idrottslag|skyttelag)(?![\wåäö])"
)
# Owners named only in a title or a header, never guessed from a mention in the text (a municipality's protocol names
# companies, universities and parishes it decides about): a company's board, a university's, a parish's council.
HEADER_ORGANISATION = re.compile(
    r"\b(AB(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,3}|(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,3}AB"
    r"|[A-ZÅÄÖ][\wåäö-]+s\s+(?i:universitet|högskola|brandkår|[a-zåäö]*myndighet)"
    # "Sametingets styrelse", "Hyresgästföreningens styrelse": an owner whose name says what it is, in the genitive
    r"|[A-ZÅÄÖ][\wåäö-]*(?:tinget|föreningen|stiftelsen|myndigheten)(?=s\s+[\wåäö]*(?:styrelse|direktion|nämnd))"
    # "Föreningen Nordens styrelsemöte", "Riksförbundet Hems årsmöte": an association named by its kind and a name
    r"|(?:Föreningen|Förbundet|Riksförbundet|Sällskapet|Stiftelsen)\s+[A-ZÅÄÖ][\wåäö-]+"
    r"(?=s\s+(?i:[\wåäö]*(?:styrelse|direktion|årsmöte|stämma)))"
    r"|(?:[A-ZÅÄÖ][\wåäö]+-)?(?:[A-ZÅÄÖ][\wåäö]+\s+)?[A-ZÅÄÖ][\wåäö]+\s+(?i:församling)"
    # "Adelsö Hembygdslag", "Medelpads Hembygdsförbund", "Östby Vägsamfällighet": an association named by its place
    # and its kind
    r"|[A-ZÅÄÖ][\wåäö-]+\s+(?=[A-ZÅÄÖ])(?i:[a-zåäö]*"
    + ASSOCIATION_KIND
    + r")"
    + r"|[A-ZÅÄÖ][\wåäö-]+s\s+[a-zåäö]*"  # "Långvikens vägsamfällighet": the place's genitive, the kind in lower case
    + ASSOCIATION_KIND
    + r"|(?:Räddningstjänsten|Brandkåren|Stiftelsen)\s+(?:för\s+)?(?:[A-ZÅÄÖ][\wåäö-]+)(?:\s+[A-ZÅÄÖ][\wåäö-]+)*)"
    + r"(?:\b|(?=s\s))"
)
LETTERHEAD_KOMMUN = re.compile(r"\b([A-ZÅÄÖ][\wåäö-]+\s+(?:kommun|stad))\b[^\n]*?(?i:protokoll)")
# "Upplands Väsby kommun": the municipalities of two words first
KOMMUN_NAME = (
    r"\b((?:(?:" + "|".join(name for name in MUNICIPALITY_NAMES if " " in name) + r")s?|[A-ZÅÄÖ][\wåäö-]+)"
    r"\s+(?:kommun|stad|landsting))"
)
KOMMUN = re.compile(KOMMUN_NAME + r"\b")
# "på Östersunds kommuns hemsida", "Mora kommuns verksamhetsuppföljning": the municipality in the genitive too
OWNING_KOMMUN = re.compile(KOMMUN_NAME + r"(?:s(?=\s))?\b")
# A header line that is only a body's name, maybe with the document's kind after it: "Miljö- och
# hälsoskyddsnämnden", "Kommunernas hjälpmedelsnämnd protokoll", "Språktolknämnden i Dalarna"
HEADER_BODY_LINE = re.compile(
    r"((?:[A-ZÅÄÖ][\wåäö]+s\s+)?(?:[A-ZÅÄÖ][\wåäö]*-(?:,\s*[\wåäö]+-)*\s+(?:och|&)\s+[\wåäö]*|[A-ZÅÄÖ][\wåäö-]*)"
    + BODY_CORE
    + r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö]+(?:\s+län)?)?)"
    r"(?:\s+(?:\d{1,3}\s*)?\(\d{1,3}\))?"  # "Kultur- och fritidsnämnden (16)": the page head's count of pages
    r"(?:\s+(?i:(?:sammanträdes)?protokoll)\b.*)?$"
)
# A body word in the title -> the body's name, as meetings.importing.matching.BODY_KINDS knows it.
# an association's meeting of its members: the body that decides there
MEMBERS_MEETINGS = [
    ("årsmöte", "Årsmötet"),
    ("årsstämma", "Årsstämman"),
    ("föreningsstämma", "Föreningsstämman"),
    ("medlemsmöte", "Medlemsmötet"),
    ("församlingsmöte", "Församlingsmötet"),
]
BODY_WORDS = [
    ("arbetsutskott", "Arbetsutskottet"),
    ("beredningsgrupp", "Beredningsgruppen"),
    ("styrgrupp", "Styrgruppen"),
    ("medlemssamråd", "Medlemssamrådet"),
    ("presidi", "Presidierna"),
    ("styrelse", "Styrelsen"),
    ("direktion", "Direktionen"),
    *MEMBERS_MEETINGS,
]


DECIDING_LABEL = re.compile(r"\bBeslutande\b(?!\s+(?:organ|politiker))|\bParagrafer\s*:?\s*\d")


def kind(doc: Document, title: str) -> str:
    lowered = title.lower()
    notes = re.search(r"minnesanteckning|anteckningar", lowered)
    minutes = re.search(r"protokoll", lowered)
    if notes and not (minutes and minutes.start() < notes.start()):
        return "minnesanteckningar"  # the first of the two words says what the document is; a later one is a column
    if "protokoll" in lowered or doc.justerare or doc.signed_justerare:
        return "protokoll"
    if any("protokoll" in line.lower() or DECIDING_LABEL.search(line) for line in doc.lines if line):
        # a body that writes "föregående sammanträdesprotokoll" keeps protokoll, and so does a header that names
        # who decided ("Beslutande") or the §§ the record holds ("Paragrafer 138-150"): notes have neither
        return "protokoll"
    return "protokoll" if any(line.startswith("§") for line in doc.lines if line) else "minnesanteckningar"


MEMBERS_OF = re.compile(
    r"\b(?:möte|årsmöte|medlemsmöte|stämma|årsstämma)\s+med\s+([A-ZÅÄÖ][\wÅÄÖåäö-]*?)(?::s|s)\s+medlemmar\b"
)


def organisation(doc: Document, title: str) -> str | None:
    """The federation, municipality or association: in the title or header first, then in the document."""
    header = "\n".join([title, *doc.header_rest, *doc.fields.values()])
    # an attendee's own organisation ("personalrepresentant Kommunalarbetareförbundet") is not the meeting's
    own = {(value or "").lower() for p in doc.people for value in (p.get("organisation"), p.get("role"))} - {""}
    whole = readable_case(header)
    for text in (readable_case(title), whole):
        for number, pattern in enumerate(ORGANISATION):
            if number == NAMED_BY_PLACE:
                letterhead = LETTERHEAD_KOMMUN.search(text)  # "ARBOGA KOMMUN SAMMANTRÄDESPROTOKOLL": the owner
                if letterhead:
                    return letterhead.group(1)
            names = [match.group(1) for match in pattern.finditer(text) if match.group(1).lower() not in own]
            if names:  # its fullest form: "Västra Götalandsregionen" after a letterhead's "GÖTALANDSREGIONEN"
                fuller = [m.group(1) for p in ORGANISATION for m in p.finditer(whole) if names[0] in m.group(1)]
                return organisation_name(max([names[0], *fuller], key=len))
    # a company, university or parish in the letterhead (a mention further down is what the meeting was about)
    for line in [title, *doc.header_rest[:3]]:
        company = HEADER_ORGANISATION.search(readable_case(line))
        if not company or company.group(1).lower() in own:
            continue
        before = readable_case(line)[: company.start()]
        # at the line's start ("Protokoll Nerikes Brandkår"), or named as the owner of the body or the meeting
        # ("sammanträdet med styrelsen för Stiftelsen för …", "fört vid styrelsesammanträde för Nora Fastigheter AB")
        owner = re.search(
            r"(?:" + BODY_NOUN + r"|sammanträde[nt]?|\w*möte[t]?|\w*stämma)\s+(?:för|i)\s+$", before, re.I
        )
        genitive = re.match(
            r"s\s+(?i:[\wåäö]*(?:styrelse|direktion|nämnd|årsmöte|stämma))", readable_case(line)[company.end() :]
        )
        if len(before.split()) <= 2 or owner or genitive:
            name = company.group(1)
            return (
                re.sub(r"\b(?:Universitet|Högskola|Församling)\b", lambda m: m.group(0).lower(), name)
                if line.isupper()
                else name
            )
    # "Protokoll fört vid årsmöte med PRO:s medlemmar": the association whose members met
    members = MEMBERS_OF.search(" ".join([title, *doc.header_rest[:3]]))
    if members:
        return members.group(1)
    crumbs = breadcrumbs(doc)
    for crumb in reversed(crumbs):  # "Hem > Stockholms stad > AB Svenska Bostäder": the company, not its owner
        if KOMMUN.search(crumb) or any(p.search(crumb) for p in [*ORGANISATION, HEADER_ORGANISATION]):
            return crumb
    doc.found_by["organisation"] = "text"  # not in the title, header or breadcrumb: the rules below guess
    everything = readable_case("\n".join(line for line in doc.lines if line))
    counts: dict[str, int] = {}
    for match in OWNING_KOMMUN.finditer(everything):
        name = match.group(1)
        if name.lower() not in own:
            counts[name] = counts.get(name, 0) + 1
    place = _meeting_place(" ".join([*doc.fields.values(), *doc.header_rest]))
    # of the municipalities the text names ("Gnosjö kommun tillsammans med Gislaveds kommun …"), the one whose town
    # the meeting was held in ("Kommunhuset, Gnosjö"); else the one named most
    at_home = [name for name in counts if place and re.match(rf"{re.escape(place)}s?\s", name)]
    if counts:
        return at_home[0] if at_home else max(counts, key=lambda name: counts[name])
    for pattern in ORGANISATION:
        for match in pattern.finditer(everything):
            if match.group(1).lower() not in own:
                return organisation_name(match.group(1))
    # a region's or a förbund's body meets in a town that is not its owner ("Rådhus Skåne, Kristianstad")
    if place and not re.search(r"region|landsting|förbund", header, re.I):
        doc.found_by["organisation"] = "place"
        return municipality_name(place)
    first = next((line for line in doc.lines if line), "")
    # (not a site's index of letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ": no word is that long)
    words = first.split()
    site = re.fullmatch(r"(?i:start(?:sida|sidan)?|hem|meny|home)", first.strip())  # a web site's first link
    short = 0 < len(words) <= 2 and max(map(len, words)) <= 20 and not site
    if short and not re.search(r"\d|protokoll|anteckning", first, re.I):
        return first.strip()  # a letterhead: "Delta"
    return None


# "Plats Nacka stadshus", "Kommunalhuset, Vallentuna", "Ö:a Esplanaden 5, Arvika, kl. 08.30": the town the meeting
# was held in, where no organisation is named at all
PLACE = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäö]+)\s+(?:stadshus|kommunhus|rådhus)\b"
    r"|,\s*([A-ZÅÄÖ][a-zåäö]+(?:[ -][A-ZÅÄÖ][a-zåäö]+)?)(?=\s*(?:,|\bkl(?:\b|(?=\d))|\d|$|[a-zåäö]+dagen\b))"
)


def _meeting_place(text: str) -> str | None:
    """The municipality a meeting was held in, from the place of the header: a municipality's own body meets there."""
    for match in PLACE.finditer(text):
        name = match.group(1) or match.group(2)
        if name in MUNICIPALITY_NAMES:
            return name
    return None


def breadcrumbs(doc: Document) -> list[str]:
    for line in doc.lines[:12]:
        if line.count(" > ") >= 1:
            crumbs = [part.strip() for part in line.split(">")][1:]
        elif line.count(" - ") >= 2:
            crumbs = [part.strip() for part in line.split(" - ")]
        else:
            continue
        if all(len(crumb.split()) <= 6 for crumb in crumbs):  # a crumb is a name, not a list of contents
            return crumbs
    return []


NOTICE_BODY = re.compile(
    r"\b(?:Organ|Nämnd|Beslutsinstans|Instans)\s*:?\s+((?:[A-ZÅÄÖ][\wåäö]*-\s*(?:och|&)\s+[\wåäö]*|[A-ZÅÄÖ][\wåäö]*)"
    + BODY_CORE
    + r"|(?:[A-ZÅÄÖ][a-zåäö]+s\s+)(?:[a-zåäö]*utskott|presidium|beredning)\w*)(?![\wåäö])"
)


def body(doc: Document, title: str) -> str | None:
    """The body that met: from a breadcrumb, "VU-sammanträde", "möte med X", "Socialnämndens arbetsutskott",
    the subject of the decisions, or a body word in the title, header or text."""
    for crumb in breadcrumbs(doc):
        if re.search(BODY_NOUN, crumb, re.I) and not KOMMUN.search(crumb) and "protokoll" not in crumb.lower():
            return crumb
    # a field whose value is no date holds the next cell of a flattened table ("Sammanträdesdatum Kommunfullmäktige")
    cells = [value for value in doc.fields.values() if value and not find_date(value)]
    head = "\n".join([title, *cells, *doc.header_rest])
    match = re.search(r"\b([A-ZÅÄÖ][\wÅÄÖåäö]{0,12})-(?i:sammanträde)", head) or re.search(
        r"\b(?:[Mm]öte|[Ss]ammanträde)\s+med\s+((?:[a-zåäö]+s\s+)?" + BODY_NOUN + r"(?:\s+för\s+[a-zåäö]+"
        r"(?:\s+(?:och\s+)?[a-zåäö]+){0,3}(?=\s*$|\s*\n))?)\b",
        head,
    )
    if match:
        return match.group(1)
    # "Protokoll fört vid Äldrenämndens sammanträde": the body in the genitive before the meeting
    match = re.search(
        r"\b((?:[A-ZÅÄÖ][\wåäö]*-\s*(?:och|&)\s+[\wåäö]*|(?=[A-ZÅÄÖ])(?:[\wåäö]+a\s+)?[\wåäö]*)"
        + BODY_CORE
        + r")s\s+(?:sammanträde|möte|protokoll)\b",
        readable_case(head),
    )
    if match:
        return match.group(1)
    # "Nämnden för folkhälsa och sjukvård", "Beredningen för hållbar utveckling": a body named by its field
    field = re.search(
        r"\b((?:Nämnden|Utskottet|Beredningen|Rådet|Delegationen|[A-ZÅÄÖ][\wåäö]*(?i:" + BODY_CORE + r")|Samråd(?:et)?)"
        r"\s+för\s+[\wåäö-]+(?:\s+[a-zåäö-]+)*?"
        r"(?:\s+och\s+[\wåäö-]+)?)(?=\s*(?:\d|$|[,.(]))",
        readable_case(head),
        re.M,
    )
    if field:
        return field.group(1)
    # "Sammanträdesprotokoll för miljö- och hälsoskyddsnämnden 2021": the body in lower case after the title's "för"
    lowered_body = re.search(
        r"(?i:protokoll)\s+(?:för|från)\s+((?:[a-zåäö]+-\s+(?:och|&)\s+|[a-zåäö]+a\s+|[a-zåäö]+s\s+)?[a-zåäö]*"
        + BODY_CORE
        + r")\b",
        title,
    )
    if lowered_body:
        return lowered_body.group(1)[:1].upper() + lowered_body.group(1)[1:]
    # "Kommunstyrelsen"; "Barn- och utbildningsnämnden", whose first part is written apart
    named = re.search(
        r"\b((?:[A-ZÅÄÖ][\wåäö]*-\s*(?:och|&)\s+[\wåäö]*|(?=[A-ZÅÄÖ])[\wåäö]+)" + BODY_CORE + r")\b",
        readable_case(title),
    )
    if named and named.group(1).lower() not in ("styrelse", "styrelsen"):
        return named.group(1)  # "Sammanträdesprotokoll Kommunstyrelsen", "Förbundsstyrelsen"
    owned = re.search(OWNED_BODY, readable_case(title))
    if owned:
        return owned.group(1)  # "Kommunstyrelsens arbetsutskott": whose utskott, not only which kind
    # "Protokoll från regionstyrelsens sammanträde", "Förteckning över kommunstyrelsens arbetsutskotts ärenden": the
    # body in the genitive, in lower case inside a sentence
    match = re.search(
        r"\b(?:från|vid|över)\s+((?:[a-zåäö]+s\s+)?[a-zåäö]*" + BODY_CORE + r")s\s+(?:sammanträde|möte|ärenden)\b", head
    )
    if match:
        return match.group(1)[:1].upper() + match.group(1)[1:]
    for line in doc.header_rest[:12]:
        alone = HEADER_BODY_LINE.match(readable_case(line).strip())
        if alone:  # "Miljö- och hälsoskyddsnämnden", "KOMMUNERNAS HJÄLPMEDELSNÄMND PROTOKOLL"
            name = alone.group(1)
            return name[:1] + name[1:].lower() if line.isupper() else name
    lowered = title.lower()
    for word, name in BODY_WORDS:
        if word in lowered:
            return name
    # an association's meeting of its members in a header line that names the protocol ("Årsmötesprotokoll" under a
    # site's line)
    for line in doc.header_rest[:3]:
        lowered = line.lower()
        for word, name in MEMBERS_MEETINGS:
            if word in lowered and "protokoll" in lowered:
                return name
    doc.found_by["body"] = "text"  # not in the title or header: the rules below guess from the text
    everything = "\n".join(line for line in doc.lines if line)
    match = re.search(OWNED_BODY, everything)
    if match:
        return match.group(1)
    # "ANSLAG/BEVIS … Nämnd Kommunfullmäktige Datum då anslaget …": the notice's cell names the body
    notice = NOTICE_BODY.search(readable_case(head))
    if notice:
        return notice.group(1)
    subjects = re.findall(
        r"(?:^|[.:]\s+|\n)((?:[A-ZÅÄÖ][\wåäö]*-\s*och\s+[\wåäö]*|(?=[A-ZÅÄÖ])[\wåäö]*)(?i:" + BODY_CORE + r"))\s+"
        r"(?:beslutar|beslutade|beslöt|godkänner|godkände|noterar|föreslår|diskuterar|diskuterade|enades|"
        r"konstaterade|konstaterar|anser|informerades)",
        everything,
    )
    if subjects:  # the body that acts most in the text (a report of another body's decision is outnumbered)
        lowered = everything.lower()
        return max(sorted(set(subjects)), key=lambda s: (lowered.count(s.lower()), subjects.count(s)))
    for text in (readable_case(head), everything):
        match = re.search(r"\b((?=[A-ZÅÄÖ])[\wåäö]*(?i:" + BODY_CORE + r"))\b", text)
        if match and match.group(1).lower() not in ("gruppen", "rådet"):
            return match.group(1)
    # "äldrenämndens delegationsordning": a body word in the genitive names the body too
    words = re.findall(r"\b([\wåäö]*" + BODY_CORE + r")s?\b", everything.lower())
    words = [w for w in words if w not in ("gruppen", "grupp", "rådet", "råd")]
    return max(sorted(set(words)), key=words.count).capitalize() if words else None


# Definite adjectives that are no part of a body's name: "denna nämnd", "samma utskott", "hela styrelsen"
NOT_MODIFIERS = {"denna", "samma", "hela", "första", "andra", "övriga", "båda", "alla", "nya", "gamla", "enda"}


def with_modifier(body: str | None, texts: list[str]) -> str | None:
    """ "Utvecklingsnämnden" that the text calls "Regionala utvecklingsnämnden", "Nämnden" of "Tekniska nämnden":
    the definite adjective before the body's one word, where the text first names it, is a part of its name."""
    if not body or " " in body:
        return body
    # "Arbetsutskott" of a text that says "Kommunstyrelsens arbetsutskott": an utskott is a part of its owner
    if re.fullmatch(r"(?i:arbetsutskott|utskott|presidium|beredning)\w*", body):
        owned = re.compile(rf"\b([\wåäö]*{BODY_CORE}s)\s+({re.escape(body)})\b", re.I)
        for text in texts:
            match = owned.search(readable_case(text or ""))
            if match:
                return f"{match.group(1).capitalize()} {match.group(2).lower()}"
    # "Fritidsnämnden" of a text that says "Kultur- och fritidsnämnden": the first part written apart
    first_parts = re.compile(
        rf"\b([A-ZÅÄÖa-zåäö][\wåäö]*-(?:,\s*[\wåäö]+-)*\s+(?:och|&)\s+)({re.escape(body)})\b", re.I
    )
    for text in texts:
        match = first_parts.search(readable_case(text or ""))
        if match:
            return match.group(1).capitalize() + match.group(2).lower()
    pattern = re.compile(rf"\b([A-ZÅÄÖa-zåäö][a-zåäö]{{3,}}a)\s+({re.escape(body)})\b", re.I)
    for text in texts:
        match = pattern.search(readable_case(text or ""))
        if match and match.group(1).lower() not in NOT_MODIFIERS:
            return f"{match.group(1).capitalize()} {match.group(2).lower()}"
    return body


def organisation_name(text: str) -> str:
    """ "Organ Norra Västmanlands Samordningsförbund" → without the label; "Kommunförbundet Norrbotten
    Sammanträdesprotokoll Styrelsen" → up to the words that are the document's kind or its body."""
    text = re.sub(r"^(?:Organ|Nämnd|Beslutsinstans)\s+", "", text.strip())
    words = text.split()
    for position, word in enumerate(words[1:], start=1):
        if re.search(r"protokoll|anteckning|^sida$", word, re.I) or re.fullmatch(BODY_NOUN, word, re.I):
            return " ".join(words[:position])
    return text


def readable_case(text: str) -> str:
    """ "KOMMUNFÖRBUNDET NORRBOTTEN" → "Kommunförbundet Norrbotten", "LYSEKILS KOMMUN" → "Lysekils kommun"
    (capitals-only words of a letterhead)."""
    text = re.sub(r"(?<=[A-ZÅÄÖ] )(KOMMUNS?|STADS?|LANDSTINGS?)\b", lambda m: m.group(0).lower(), text)
    return re.sub(r"\b[A-ZÅÄÖ]{4,}\b", lambda m: m.group(0).capitalize(), text)
