"""Who chaired the meeting, who kept the minutes and who justerar, where no field or signature says so: the one a
list marks, the one who opened the meeting, a sentence or a decision that names them ("Till sekreterare valdes …",
"att välja … till justeringsperson")."""

import re

from meetings.importing.lexicon import NAME_LOWER, NAME_UPPER
from meetings.importing.schema import Attendee, Item

from .document import Document
from .patterns import PEOPLE, PERSON, RESERVE, WITH_CHAIR, plausible_name, split_names

# No protocol of the 229 with answers (corpus and held-out) has more than three justerare: more is a list that ran on
MOST_ADJUSTERS = 3
# "Ordförande NN öppnade …", "Ordföranden, NN (M), hälsar välkommen …", "… öppnades av ordföranden NN", "Dagens
# ordförande är styrelsens vice ordförande NN", "Till mötesordförande utses NN": who chaired, said in the text
# "för dagens sammanträde", "för årsmötet", "för stämman": the meeting a chair or a secretary is chosen for
FOR_THE_MEETING = (
    r"för\s+(?:(?:dagens|kvällens|detta|årets)\s+)?(?:sammanträde[t]?|möte[t]?|årsmöte[t]?|stämman|årsstämman|"
    r"föreningsstämman)"
)
# "årsmötets sekreterare", "stämmans ordförande": the meeting's own officer, named by the meeting in the genitive
MEETINGS = r"(?:(?:års|medlems|förenings)?mötets|(?:års|förenings)?stämmans|dagens|kvällens)\s+"
CHAIR_IN_TEXT = re.compile(
    rf"(?:\b[Oo]rdförande(?:n)?,?\s+({PERSON})(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?,?\s+(?:öppna|hälsa|förklara))|(?:öppna\w*\s+av\s+ordförande(?:n)?\s+({PERSON}))|"
    rf"(?:\b(?:[Dd]agens|[Mm]ötets)\s+ordförande\s+(?:är|var)\s+(?:[\wåäö]+\s+){{0,4}}?({PERSON}))|"
    rf"(?:\b[Tt]ill\s+(?:mötes|dagens\s+)?ordförande\s+(?:{FOR_THE_MEETING}\s+)?(?:utses|valdes|utsågs)\s+({PERSON}))"
)
# "enhälligt", "med acklamation": how the choice was made, between the verb and what was chosen to
UNANIMOUSLY = r"(?:\s+(?:enhälligt|enigt|med\s+acklamation))?"
# "Britta Burreau hälsar alla välkomna och förklarar styrelsemötet för öppnat", "Pär Nuder öppnade mötet": the one who
# opened the meeting, named without a role
OPENED_BY = re.compile(
    rf"(?<!av )({PERSON})(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?,?\s+(?:öppna(?:r|de)\s+(?:\w+\s+)?"
    r"(?:mötet|sammanträdet|styrelsemötet|årsmötet|möte)|förklara(?:r|de)\s+(?:\w+\s+)?(?:\w*mötet|sammanträdet)\s+"
    r"(?:för\s+)?öppnat|hälsa(?:r|de)\s+(?:alla\s+|samtliga\s+|de\s+närvarande\s+)?välkomn?[ae]?\b)"
)
# "Sekreterare är Catarina Andersson.", "Till sekreterare valdes Eva Lind", "Eva Lind utsågs till sekreterare"
SECRETARY_IN_TEXT = re.compile(
    rf"\b(?:[Ss]ekreterare(?:\s+(?:vid|för)\s+(?:sammanträdet|mötet))?\s+(?:är|var)\s+({PERSON})|"
    rf"[Tt]ill\s+(?:mötes|protokoll)?sekreterare\s+(?:{FOR_THE_MEETING}\s+)?(?:valdes|utsågs|utses|väljs)\s+({PERSON})|"
    rf"({PERSON})\s+(?:valdes|utsågs|utses|väljs){UNANIMOUSLY}\s+till\s+(?:{MEETINGS})?(?:mötes|protokoll)?sekreterare|"
    rf"\b(?:välja|utse|valde|utsåg)\s+({PERSON})\s+(?:till|som)\s+(?:mötes|protokoll)?sekreterare)\b"
)  # "… att välja Jonas Nygren till mötessekreterare"


# "Till ordförande för årsmötet valdes Björn Sjö", "Anton Nordenfur valdes enhälligt till mötesordförande", "…
# till ordförande för kvällens möte", "… till årsmötets ordförande": the meeting's own chair (an association's chair
# may open the meeting and hand it over), wherever the sentence stands
MEETING_CHAIR = rf"(?:mötesordförande|ordförande\s+{FOR_THE_MEETING}|{MEETINGS}ordförande)"
CHOSEN_TO_CHAIR = re.compile(
    rf"\b[Tt]ill\s+{MEETING_CHAIR}\s+(?:utses|valdes|utsågs|väljs)\s+({PERSON})|"
    rf"({PERSON})\s+(?:utses|valdes|utsågs|väljs){UNANIMOUSLY}\s+till\s+{MEETING_CHAIR}"
)
CHOSEN_TO_SECRETARY = re.compile(CHOSEN_TO_CHAIR.pattern.replace("ordförande", "sekreterare"))


def _first_items_text(doc: Document) -> list[str]:
    """The header's lines and each of the first items' heading and text, a line each (a sentence may run over
    the transcript's lines)."""
    # and an item that chooses the meeting's officers further down ("1.2 Val av mötesordförande" after the agenda)
    chosen = [raw for raw in doc.items[4:] if re.search(r"ordförande|sekreterare", raw["title"], re.I)]
    items = [" ".join([raw["title"], *raw["lines"]]) for raw in [*doc.items[:4], *chosen]]
    return doc.header_rest + items


SENTENCE_OPENERS = {"till", "att", "och", "som", "samt", "för", "med", "vid", "på", "av", "i", "mötet", "sekreterare"}


def _before_next_sentence(name: str) -> str:
    """ "Björn Sjö Till" (… valdes Björn Sjö Till sekreterare …): the name, without the next sentence's first word."""
    words = name.split()
    while len(words) > 2 and words[-1].lower() in SENTENCE_OPENERS:
        words.pop()
    return " ".join(words)


def chair(doc: Document) -> str | None:
    """The chair: the one chosen to chair the meeting, the attendee marked ordförande, or the one who signs as
    ordförande, or who opened."""
    for text in _first_items_text(doc):
        chosen = CHOSEN_TO_CHAIR.search(text)
        name = _before_next_sentence(chosen[1] or chosen[2]) if chosen else ""
        if name and plausible_name(name):
            doc.found_by["chair"] = "text"
            return name
    for line in doc.lines:  # "Nina Högberg väljs till mötesordförande." anywhere: the word names this meeting's
        chosen = CHOSEN_TO_CHAIR.search(line)
        if chosen and plausible_name(name := _before_next_sentence(chosen[1] or chosen[2])):
            doc.found_by["chair"] = "text"
            return name
    for entry in doc.people:
        role = (entry.get("role") or "").lower()
        if not (entry.get("status") or "närvarande").startswith("närvar"):
            continue  # the chair listed among the absent does not chair this meeting
        if "ordförande" in role and not re.search(r"vice|v\.|[12]:[ea]|kommunstyrelsens|ålders", role):
            # a role the list gives; one from a sentence ("Ordförande NN öppnade mötet") is the text's word only
            doc.found_by["chair"] = "text" if any(entry is said for said in doc.roles_from_text) else "list"
            return entry["name"]
    if doc.chair:
        doc.found_by["chair"] = "signature"
        return doc.chair
    written = in_full(doc, doc.lines)  # given names alone written in full, where the lists know them
    for line in written:
        match = CHAIR_IN_TEXT.search(line)
        if match:
            doc.found_by["chair"] = "text"  # "Ordförande NN öppnade mötet": no list or signature says it
            return next(name for name in match.groups() if name)
    listed = {entry["name"] for entry in doc.people}
    for line in written:
        for opened in OPENED_BY.finditer(line):  # who opened the meeting chaired it; one the lists know, if any
            if not listed or opened.group(1) in listed:
                doc.found_by["chair"] = "text"
                return opened.group(1)
    return _titled_chair(doc)


# "Ordförande Therese Carlborg (M) och vice ordförande …", "lämnade ordförande Therese Carlborg förslag": the name
# the text writes after the title; not a vice chair's, nor another body's ("kommunstyrelsens ordförande NN")
TITLED_CHAIR = re.compile(rf"(?:^|(?<=\s))(\S+\s+)?[Oo]rdförande(?:n)?\s+({PERSON})")


def _titled_chair(doc: Document) -> str | None:
    """No list, signature or sentence says who chaired: the one the text calls ordförande most often."""
    counts: dict[str, int] = {}
    for line in doc.lines:
        for match in TITLED_CHAIR.finditer(line):
            before = (match[1] or "").strip().lower()
            if before in ("vice", "förste", "andre", "1:e", "2:e") or re.fullmatch(r"[\wåäö]+s", before):
                continue
            if before.endswith(","):  # "Per-Erik Andersson (S), ordförande Karin …": the title of the name before
                continue
            name = _before_next_sentence(match[2])
            if plausible_name(name):
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    doc.found_by["chair"] = "text"
    return max(counts, key=lambda name: counts[name])


def adjusters(doc: Document, items: list[Item], chair: str | None) -> list[str]:
    """Who justerar: named by "Utses att justera" (a signature block's names only when none is), by the
    decision of a "Val av justerare" item, and the chair(s) when the text says "jämte ordföranden"."""
    names = list(doc.justerare) or list(doc.signed_justerare)
    if len(names) > MOST_ADJUSTERS and doc.signed_justerare:
        # "Utses att justera" ran on into the lists after it (the officials, their titles): who signs under
        # "Justerande" is who was chosen
        names = [name for name in names if name in doc.signed_justerare] or list(doc.signed_justerare)
    if not doc.justerare and doc.signed_justerare:
        doc.found_by["adjusters"] = "signature"  # who signs under "Justerare" may sign for another reason
    known = [p["name"] for p in doc.people]
    for item in items:
        if re.search(r"juster", item["title"], re.I):
            texts = [RESERVE.sub("", d["text"]) for d in item["decisions"]] or [RESERVE.sub("", item["text"])]
            for text in texts:
                # the sentences that choose ("… valdes till att, jämte ordförande, justera …"), not the rest of the
                # item's text ("Frånvarande ordinarie ledamot och dennes ersättare: …")
                choosing = " ".join(s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text) if CHOOSING.search(s))
                said = [name for name in known if name in (choosing or text)]
                names.extend(name for name in said if name not in names)
                if said and doc.found_by.get("adjusters") == "signature":
                    del doc.found_by["adjusters"]  # the § says who was chosen, not only who signed
                match = re.match(rf"({PERSON})\s+valdes\b", text)
                if match and match.group(1) not in names:
                    names.append(match.group(1))
                if not said and not match and re.search(rf"\b{CHOSEN}\b", text):
                    # "Mötet föreslog Laila Andersson och Lennart Erlandsson, som valdes av mötet.": no list to know
                    # them by, the names the choosing sentence gives
                    chosen = [n for found in re.findall(PEOPLE, text) for n in split_names(found) if plausible_name(n)]
                    if len(chosen) <= MOST_ADJUSTERS:
                        names.extend(n for n in chosen if n not in names)
                if WITH_CHAIR.search(text) or WITH_CHAIR.search(item["title"]):
                    doc.with_chair = True
    if not names:
        names = _adjusters_said(doc)
        if names:
            doc.found_by["adjusters"] = "text"
    if doc.with_chair:
        # the chair(s) there: one listed absent justerar nothing ("Daniel Ådin (S) var frånvarande")
        present = [p for p in doc.people if (p.get("status") or "närvarande").startswith("närvar")]
        chairs = [p["name"] for p in present if _is_chair(p)] or ([chair] if chair else [])
        names.extend(c for c in chairs if c not in names)
    # a signature line with two names run together ("Annette Tagesson Jan Emanuel Johansson") is dropped when
    # the names it joins are already there
    return [n for n in names if not any(other != n and other in n for other in names)]


CHOSEN_VERBS = r"utses|utsågs|utsåges|valdes|väljs|uppdras"  # "NN och NN uppdras att justera"
CHOSEN = rf"(?:{CHOSEN_VERBS})"
CHOOSING = re.compile(rf"\b(?:{CHOSEN_VERBS}|juster\w*|utse|välja)\b", re.I)  # a sentence that chooses
WITH_THE_CHAIR = r"(?:(?:jämte|tillsammans\s+med)\s+(?:mötes)?ordförande[a-z]*\s+)"
# The justerare chosen in a sentence: "Margareta Lövgren (M) utses att jämte ordförande justera dagens protokoll",
# "Att jämte ordföranden justera dagens protokoll utsågs Mikael Wickberg (M)", "Till justerare valdes Eva Lind",
# "Direktionen beslutar: Utse Kenneth Johansson att justera"
ADJUSTERS_SAID = [
    re.compile(
        rf"({PEOPLE})\s+{CHOSEN}\s+(?:att\s+|till\s+att\s+)?{WITH_THE_CHAIR}?(?:justera|signera|till\s+justerar)"
    ),
    re.compile(
        rf"\b(?:[Aa]tt|[Tt]ill\s+att)\s+{WITH_THE_CHAIR}?(?:{PERSON}(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?\s+)?"
        rf"(?:justera|signera)\s+(?:dagens\s+)?(?:protokoll(?:et)?\s+)?{CHOSEN}\s+({PEOPLE})"
    ),
    re.compile(
        rf"\b[Tt]ill\s+(?:protokoll)?juster(?:are|arna|ande|ingsperson(?:er)?|ingsm[äa]n(?:nen)?)\s+{CHOSEN}\s+({PEOPLE})"
    ),
    # "Utsågs ordföranden Jonas Nilsson (M) att jämte tjänstgörande suppleanten Lars-Erik Backman (V) justera dagens
    # protokoll": the verb first, two names, each with its title before it
    re.compile(
        rf"\b(?:[Uu]tsågs|[Uu]tses|[Vv]aldes)\s+({PERSON})(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?\s+att\s+"
        rf"(?:jämte|tillsammans\s+med)\s+(?:[a-zåäö]+\s+){{0,2}}({PERSON})(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?\s+"
        r"(?:justera|signera)"
    ),
    # "Utse Kenneth Johansson att justera", "att välja Oscar Sundås till justeringsperson"
    re.compile(
        rf"\b(?:[Uu]tse[sr]?|[Uu]tsåg|[Vv]älja|[Vv]äljer|[Vv]alde)\s+({PEOPLE})\s+(?:att|till|som)\s+"
        rf"{WITH_THE_CHAIR}?(?:protokoll)?justera"
    ),
]


ROLE_BEFORE = re.compile(r"\b(?:(?:[12]:[ea]\s+|förste\s+|andre\s+)?vice\s+)?ordförande(?:n)?\s+(?=[A-ZÅÄÖ][a-zåäö])")


def _adjusters_said(doc: Document) -> list[str]:
    """The justerare a sentence of the header or of the first items names, when no field or signature does."""
    lines = doc.header_rest + [line for raw in doc.items[:4] for line in raw["lines"]]
    lines += [raw["title"] for raw in doc.items[:4]]
    for line in in_full(doc, lines):
        # "… valdes ordförande Ulf Fridebäck och vice ordförande Barry Andersson": the names, without their roles
        line = ROLE_BEFORE.sub("", RESERVE.sub("", line))
        for pattern in ADJUSTERS_SAID:
            match = pattern.search(line)
            if not match:
                continue
            names = [name for said in match.groups() if said for name in split_names(said) if plausible_name(name)]
            if names:
                if WITH_CHAIR.search(line):
                    doc.with_chair = True
                return names
    return []


# a capitalised word, not followed by another (a surname): a given name written alone
GIVEN_ALONE = re.compile(rf"\b[{NAME_UPPER}][{NAME_LOWER}]+(?:-[{NAME_UPPER}][{NAME_LOWER}]+)?\b(?!\s+[{NAME_UPPER}])")


def in_full(doc: Document, lines: list[str]) -> list[str]:
    """ "Ordförande Sven-Inge hälsar alla välkomna", "Sven-Inge och Eva väljs att justera": an association's minutes
    name those its list gave in full by their given names; each such name, where one attendee alone has it, is
    written in full."""
    given: dict[str, list[str]] = {}
    for entry in doc.people:
        words = entry["name"].split()
        if len(words) >= 2:
            given.setdefault(words[0], []).append(entry["name"])
    if not given:
        return lines

    def full(match: re.Match[str]) -> str:
        names = given.get(match[0], [])
        return names[0] if len(names) == 1 else match[0]

    return [GIVEN_ALONE.sub(full, line) for line in lines]


def _is_chair(entry: Attendee) -> bool:
    role = (entry.get("role") or "").lower()
    # not "landstingsfullmäktiges ordförande", "revisionens ordförande": another body's chair
    return "ordförande" in role and not re.search(r"vice|v\.|\w+s\s+ordförande", role)


def secretary_in_text(doc: Document) -> str | None:
    """The secretary a sentence names ("Sekreterare är Catarina Andersson."), when no field or signature does."""
    chosen = [raw for n, raw in enumerate(doc.items) if n < 2 or re.search(r"sekreterare", raw["title"], re.I)]
    # an item's heading and text as one line: "Till sekreterare" / "för årsmötet valdes …" over two of the transcript's
    for line in doc.header_rest + [" ".join([raw["title"], *raw["lines"]]) for raw in chosen]:
        match = SECRETARY_IN_TEXT.search(line)
        if match:
            name = next(group for group in match.groups() if group)
            if plausible_name(name):
                return name
    for line in doc.lines:  # "Anneli Henriksson väljs till mötessekreterare." anywhere, as the meeting's chair
        said = CHOSEN_TO_SECRETARY.search(line)
        if said and plausible_name(name := _before_next_sentence(said[1] or said[2])):
            return name
    return None
