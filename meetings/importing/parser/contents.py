"""The table of contents, or a list of the cases handled, naming the items: where the walk found no "§"
headings, where an excerpt ends before the items it names, and an agenda over the first "§"."""

import itertools
import re

from meetings.importing import attendance as att
from meetings.importing.lexicon import is_given_name, is_organisation

from .document import Document, RawItem
from .patterns import CONTENTS_ENTRY

# "Innehåll" alone on its line or before a colon ("Innehåll i avtalet …" is a sentence); "Innehållsförteckning" anywhere
# ("2 Innehåll 106 Godkännande av dagordning …": a page's number before it, the first § and heading after it);
# a phrase that names the items handled ("Ärenden vid dagens sammanträde", "Följande ärenden behandlades …")
CONTENTS = re.compile(
    r"(?:^(?:\d{1,3}\s+)?(?:Innehåll|INNEHÅLL)\s*(?::|$|(?=(?:§\s*)?\d{1,3}\s+[A-ZÅÄÖ]))|"
    r"^(?:Ärenden|ÄRENDEN)\s*:?\s*(?=(?:§\s*)?\d{1,3}\s+[A-ZÅÄÖ])|"  # "Ärenden 13 Parentation 14 Anmälan av …"
    r"\b(?:(?i:följande\s+ärenden\s+(?:som\s+)?behandla(?:des|s)\s+(?:på|vid)\s+sammanträdet)|"
    r"Ärenden\s+vid\s+dagens\s+sammanträde|Behandlade\s+(?:besluts|informations)?ärenden)\b|"
    r"\b(?:Innehållsförteckning|INNEHÅLLSFÖRTECKNING|Ärendeförteckning|"
    r"ÄRENDEFÖRTECKNING|(?:[Bb]eslutad|[Ff]astställd)\s+ärendelista|Ärendelista|ÄRENDELISTA|Förteckning\s+över\s+[\wåäö]+\s+ärenden)\b)\s*:?\s*(.*)$"
)

# a diarienummer whose number the flattening lost ("ÄLN 2017/"), between two headings of the contents
# ("Dnr 2017/00086 Kommunstyrelsens budget Kostnadsökningar och äskanden Dnr 2017/00087 …": each entry's own)
CONTENTS_DNR = re.compile(r"\s*\b(?:[A-ZÅÄÖ]{2,5}|Dnr\.?)\s+\d{4}/[\d:-]*\s*")
# a heading of the contents ends at its page number (dot leaders before it), before the next heading or the end
# (a page is no part of a case's number: "Dnr 2017/00065")
CONTENTS_HEADING = re.compile(
    r"([A-ZÅÄÖ].{2,100}?)[\s.]*(?:§\s*)?(?<![\d/:-])\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?=\s+[A-ZÅÄÖ§]|\s*$)"
)


LEADER_PAGE = re.compile(r"(?:\.{2,}|…+)\s*\d{1,3}\b")


def _leader_entries(doc: Document, index: int) -> bool:
    """ "Sammanträdet öppnas... 3 Upprop... 3 Val av två protokolljusterare... 4": a table of contents, headings with
    dot leaders and pages run together over the lines of a block, whether or not a word names it. The block starts
    at its first heading: the line before has no dot leaders."""
    line, before = doc.lines[index], doc.lines[index - 1] if index else ""
    if not DOT_LEADER_END.search(line) and len(LEADER_PAGE.findall(line)) < 2:
        return False
    if DOT_LEADER_END.search(before) or LEADER_PAGE.search(before):
        return False
    block = list(itertools.takewhile(bool, doc.lines[index:]))
    return len(LEADER_PAGE.findall(" ".join(block))) >= 3


DOT_LEADER_END = re.compile(r"(?:\.{2,}|…+)\s*$")


def _entry_follows(doc: Document, index: int) -> bool:
    following = doc.next_nonblank(index + 1)
    return following is not None and bool(CONTENTS_ENTRY.search(doc.lines[following]))


def from_contents(doc: Document) -> None:
    """No "§" heading found: a table of contents ("Innehållsförteckning", then the headings with their pages) names
    the items, and each item is the text from its heading's next occurrence to the next heading's."""
    headed = sum(raw["paragraph"] for raw in doc.items)
    # one "§" heading alone may be the page an excerpt ends on: unnumbered contents still name the items
    if headed > 1 or (headed and len(_contents_entries(doc)[0]) >= 3):
        return
    starts = [n for n, line in enumerate(doc.lines) if line and (CONTENTS.search(line) or _leader_entries(doc, n))]
    if not starts:
        return
    # the contents whose lines follow with dot leaders and pages, not a title that only names it
    start = next((n for n in starts if _entry_follows(doc, n)), starts[0])
    named = CONTENTS.search(doc.lines[start])
    entries = [named[1] if named else doc.lines[start]]
    index = start + 1
    while not entries[0] and index < len(doc.lines) and doc.lines[index]:
        entries.append(doc.lines[index])  # the contents one heading a line, up to a blank line
        index += 1
    while entries[-1].rstrip().endswith(("..", "…")) and index < len(doc.lines) and doc.lines[index]:
        entries.append(doc.lines[index])  # a heading's dot leaders end its line: its page number opens the next
        index += 1
    if entries == [""]:  # one heading a line with its dot leaders and page, blank lines between
        while index < len(doc.lines) and (not doc.lines[index] or CONTENTS_ENTRY.search(doc.lines[index])):
            entries.append(doc.lines[index])
            index += 1
    entries = [CONTENTS_COLUMNS.sub("", entry) for entry in entries]
    # "… Preliminära sammanträdestider 2013 Närvarande Ledamöter …": the contents end where the header's lists begin
    entries = [LISTS_BEGIN.split(entry)[0] for entry in entries]
    entries[-1] = re.sub(r"\s+[Ss]id(?:a|an)?\.?$", "", entries[-1])  # "… Mötets avslutning sid": a column's head
    paged = list(CONTENTS_HEADING.finditer(" ".join(entries)))
    headings = [m[1].strip(" .") for m in paged]
    headings = [h for h in headings if not att.label_of(h + ":")]  # "Beslutande… 2": the attendance page, no item
    # in an excerpt, the entries after the last page that lost theirs ("… Kommunala AB... 9 Upphandling av särskilt
    # boende Införande av valfrihetssystem …"): headings still, parted by their sentence case
    unpaged = _sentence_case(" ".join(entries)[paged[-1].end() :]) if paged and _rising(paged) else []
    if len(headings) < 2 or not _rising(paged):
        unpaged = []
        parts = [part for entry in entries for part in CONTENTS_DNR.split(entry)]
        # a case's number before each heading parts them, a heading of two lines whole; else their sentence case
        numbered = sum(len(CONTENTS_DNR.findall(entry)) for entry in entries) >= 3
        headings = [
            h.rstrip(" .…")
            for part in parts
            for h in ([part.strip()] if numbered and part.strip()[:1].isupper() else _sentence_case(part))
        ]  # "Delegeringsbeslut... 21": the last heading's dot leaders are no part of it
    if len(headings) < 2:
        return
    text = "\n".join(doc.lines[index:])
    found: list[tuple[str, int, int]] = []
    position = 0
    for heading in headings:
        match = re.search(r"\s+".join(map(re.escape, heading.split())), text[position:], re.I)
        if match:
            found.append((heading, position + match.start(), position + match.end()))
            position += match.end()
    # an excerpt cut after its first items: their bodies are in the text, in the contents' order, the later ones
    # are named by the contents only (as are the contents' entries the next page carried on: "35 Valärenden
    # Avslutning Information... 30")
    continued = [raw for raw in doc.items if CONTENTS_ENTRY.search(raw["title"])]
    more = [
        h
        for raw in continued
        for h in _sentence_case(LEADER_PAGE.sub("", raw["title"]))
        if not _a_heading(h, [*headings, *unpaged])  # not the lines the contents were read from
    ]
    first_ones = len(found) >= 2 and [heading for heading, _start, _end in found] == headings[: len(found)]
    if len(found) < max(2, len(headings) // 2) and not first_ones:
        # the bodies are not in the text (an excerpt, a page cut off): the contents still name the items handled
        # (lines of the contents that the walk took for numbered headings are none)
        # (the walk may have taken the contents' own name for a heading: "Ärenden vid dagens sammanträde"; or its
        # entries on the next page for an item: "35 Valärenden Avslutning Information... 30")
        # an excerpt that reached its first "§" or two: those are items with their text, the other headings of the
        # contents items named there only, each in the contents' order
        if doc.items and all(raw["paragraph"] and _a_heading(raw["title"], headings) for raw in doc.items):
            walked = list(doc.items)
            doc.items = [
                next((raw for raw in walked if _same_heading(h, raw["title"])), None)
                or {"number": None, "title": h, "lines": [], "paragraph": False, "found_by": "contents_only"}
                for h in headings
            ]
            doc.items += [raw for raw in walked if raw not in doc.items]
            return
        # (or numbers inside the text no heading of the contents is: "… verksamhetschef miljö- och byggkontoret p 5
        # Tommy Klaar (V) …", a person there for an item; their lines stay the header's text)
        stray = [raw for raw in doc.items if not raw["paragraph"] and not _a_heading(raw["title"], headings)]
        if all(
            raw["title"] in " ".join(entries)
            or _only_contents_name(raw["title"])
            or raw in continued
            and not raw["lines"]
            for raw in doc.items
        ) or (len(headings) >= 3 and stray == doc.items):
            for raw in stray if stray == doc.items else []:
                doc.header_rest.extend(
                    line for line in [f"{raw['number'] or ''} {raw['title']}", *raw["lines"]] if line
                )
            doc.items = [
                {"number": None, "title": h, "lines": [], "paragraph": False, "found_by": "contents"}
                for h in [*headings, *unpaged, *more]
            ]
            doc.header_rest = [line for line in doc.header_rest if line not in doc.lines[start:index]]
        return
    doc.items = []
    for (heading, _start, end), following in zip(found, [*found[1:], None], strict=True):
        body = text[end : following[1] if following else len(text)].strip()
        number = re.search(r"(?:^|\s)§\s*(\d{1,3})\s*$", body)
        if number and following:  # the next heading's "§ 12" stayed at the end of this one's text
            body = body[: number.start()].strip()
        doc.items.append({"number": None, "title": heading, "lines": body.split("\n"), "paragraph": False})
        doc.items[-1]["found_by"] = "contents"
    if len(found) < max(2, len(headings) // 2):
        doc.items.extend(
            {"number": None, "title": h, "lines": [], "paragraph": False, "found_by": "contents_only"}
            for h in [*headings[len(found) :], *unpaged, *more]
        )
    kept = set(doc.lines[start:index]) | set(text[: found[0][1]].split("\n"))
    doc.header_rest = [line for line in doc.header_rest if line not in kept and line not in text[found[0][1] :]]


# the contents' column heads before its first heading: "Sid nr 141 Gatubelysning …", "Paragraf Ärende Sida"
CONTENTS_COLUMNS = re.compile(r"^(?:(?:Sid(?:a|an)?|nr|Nr|Paragraf|§|Ärende|Dnr|Rubrik)\.?\s+)+(?=\S)")


LISTS_BEGIN = re.compile(r"\s+(?=(?:Närvarande|Beslutande|Ledamöter|Närvarolista|Tjänstgörande\s+ersättare)\b)")


def _a_heading(title: str, headings: list[str]) -> bool:
    return any(_same_heading(heading, title) for heading in headings)


def _only_contents_name(title: str) -> bool:
    named = CONTENTS.match(title)
    return named is not None and not named[1]


def _rising(paged: list[re.Match[str]]) -> bool:
    """The pages after the headings never go back ("… Budget 2013 KLK 2014": "013" read as a page is no page); the
    last may be the page's own number at its foot."""
    pages = [int(re.findall(r"\d+", m[0][len(m[1]) :])[0]) for m in paged][:-1]
    return all(a <= b for a, b in zip(pages, pages[1:], strict=False))


# where the contents end: the header's fields and lists, after the contents on the first page
CONTENTS_END = re.compile(
    r"^(?:Plats\s+och\s+tid|Tid\s+och\s+plats|Sammanträdesdatum|Beslutande|Närvarande|Ledamöter|Utses\s+att\s+justera)\b",
    re.I,
)
NOT_AN_ITEM = re.compile(r"^(?:närvarolista|bilagor?|anslagsbevis|anslag|underskrifter)$", re.I)
CONTENTS_NUMBER = re.compile(r"(?:(?<=\s)|^)(?:§\s*)?(\d{1,3})\.?(?=\s+[A-ZÅÄÖ])")  # "71 Rapport …", "17. Laga ordning"


def complete_from_contents(doc: Document) -> None:
    """The items a table of contents names that no heading of the text was found for (an excerpt cut before them,
    a heading the flattening lost): each is added with its number, marked as found only in the contents. The
    entries are the text between a rising run of numbers ("71 Rapport från verksamheten 3 72 Digital teknik … 4
    73 Ekonomisk rapport"); a page's number before the next entry's is no entry. The contents' own lines are no
    text of the first item."""
    entries, lines = _contents_entries(doc)
    if len(entries) < 3:
        return
    doc.header_rest = [line for line in doc.header_rest if line not in lines]
    for number, title in entries:
        if any(_same_heading(title, raw["title"]) for raw in doc.items):
            continue
        added: RawItem = {
            "number": number,
            "title": title,
            "lines": [],
            "paragraph": False,
            "found_by": "contents_only",
        }
        after = [n for n, raw in enumerate(doc.items) if _number(raw) < int(number)]
        doc.items.insert(after[-1] + 1 if after else len(doc.items), added)
    if doc.items and doc.items[0]["title"] == "Inledning" and not doc.items[0]["lines"]:
        doc.items.pop(0)


# lines of an agenda that name no item: a group's heading ("Remissärenden"), a case's number, a lettered point, a
# list of attachments
AGENDA_NOT_ITEM = re.compile(
    r"^(?:(?:Övriga\s+)?[\wåäö]*ärenden|Dnr\b.*|[a-zåäö]\)\s.*|Bilagor?\b.*|.*\.(?:pdf|docx?)\b.*)$", re.I
)


ANSWERS = re.compile(r"^(?:Svar\s+på|Yttrande\s+över|Remiss\s+från)\b")


def agenda_above(doc: Document) -> None:
    """A page that lists the meeting's agenda, one heading a line, before the first "§" whose heading opens the
    list ("Sammanträdets öppnande …", then the other headings, then "§1 Sammanträdets öppnande …"): the headings
    the text has no "§" for (an excerpt cut after the first) are added, marked as found only in the agenda."""
    if not doc.items or not doc.items[0]["paragraph"]:
        return
    first = _folded(doc.items[0]["title"])
    start = next((n for n, line in enumerate(doc.header_rest) if _folded(line) == first), None)
    if start is None:
        return
    lines = [line.strip() for line in doc.header_rest[start + 1 :] if line.strip()]
    # "Svar på remiss från kommunstyrelsen" over the case's number: what the heading above it answers, no heading
    answers = {n for n, line in enumerate(lines[:-1]) if ANSWERS.match(line) and lines[n + 1].startswith("Dnr")}
    headings = [
        h
        for n, h in enumerate(lines)
        if n not in answers and h[:1].isupper() and len(h) <= 250 and not AGENDA_NOT_ITEM.match(h)
    ]
    if len(headings) < 2 or any(_is_label(h) for h in headings):
        return
    doc.header_rest = doc.header_rest[:start]
    for heading in headings:
        if not any(_same_heading(heading, raw["title"]) for raw in doc.items):
            doc.items.append(
                {"number": None, "title": heading, "lines": [], "paragraph": False, "found_by": "contents_only"}
            )


def _is_label(line: str) -> bool:
    return att.label_of(line, header=True) is not None


def _number(raw: RawItem) -> int:
    """The item's number; an item without one sorts after every number."""
    return int(raw["number"]) if raw["number"] and raw["number"].isdigit() else 10**6


def _contents_entries(doc: Document) -> tuple[list[tuple[str, str]], set[str]]:
    """(number, heading) of each entry of the table of contents, and the lines it was read from."""
    start = next((n for n, line in enumerate(doc.lines) if line and CONTENTS.search(line)), None)
    if start is None:
        return [], set()
    pieces = [CONTENTS.search(doc.lines[start])[1]]  # type: ignore[index]
    lines = {doc.lines[start]}
    for line in doc.lines[start + 1 : start + 80]:
        if line and (CONTENTS_END.match(line) or att.label_of(line, header=True)):
            break
        pieces.append(line)
        lines.add(line)
    text = re.sub(r"\.{2,}|…+", " ", " ".join(p for p in pieces if p))
    numbers = list(CONTENTS_NUMBER.finditer(text))
    chain: list[re.Match[str]] = []
    for first in range(len(numbers)):
        run = [numbers[first]]
        for later in numbers[first + 1 :]:
            if int(run[-1][1]) < int(later[1]) <= int(run[-1][1]) + 4:
                run.append(later)
        if len(run) > len(chain):
            chain = run
    entries: list[tuple[str, str]] = []
    for match, following in zip(chain, [*chain[1:], None], strict=False):
        title = text[match.end() : following.start() if following else len(text)]
        title = re.sub(r"\s+\d{1,3}\s*$", "", " ".join(title.split())).strip(" .,:;")
        if following is None:  # the last entry ends where the contents do: "Övriga frågor 2 Laholms kommun …"
            title = re.split(r"\s\d{1,3}\s+(?=[A-ZÅÄÖ§])|\s(?:[A-ZÅÄÖ][A-Za-zåäö]{0,4}\s+)?§", title)[0][:150]
        if 3 < len(title) <= 250 and title[:1].isupper() and not NOT_AN_ITEM.match(title):
            entries.append((match[1], title))
    return entries, lines


def _same_heading(entry: str, title: str) -> bool:
    a, b = _folded(entry), _folded(title)
    return bool(a and b) and (a[:40] in b or (len(b) >= 4 and b[:40] in a))


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


# a word after which a heading goes on with a name: "Medlemskap i Age-friendly cities", "Östersunds kommuns
# Kulturstrategi", "Yttrande till Länsstyrelsen", "Sveriges Ekokommuner", "Kommunens Kulturplan" (a name's genitive)
LEADS_ON = re.compile(
    r"i|av|för|och|med|om|till|på|från|vid|mot|inom|enligt|över|under|mellan|samt|eller|"
    r"(?:kommun|kommunen|region|regionen|landstinget|förbundet|nämnden|styrelsen|staden|länet)s|"
    r"[A-ZÅÄÖ][a-zåäö-]{2,}[^s]s"
)


SHORT_HEADING = re.compile(r"[A-ZÅÄÖ][a-zåäö]{2}")


def _sentence_case(text: str) -> list[str]:
    """Headings of contents without page numbers, run together: a heading is in sentence case, so a capitalised
    word after a lower-case one starts the next ("Adjungering Fastställande av föredragningslista Välfärdsteknik")."""
    headings: list[list[str]] = []
    # "63. Fastställande av dagordning", "Informationsärenden 76 77 78 Förändringar …": the numbers the contents
    # kept, before a heading or in a run of their own, part of none
    text = re.sub(r"(?:(?:^|\s)§?\s*\d{1,3}[.)]?(?=\s|$))+", " | ", text)
    for word in text.split():
        if word == "|":
            headings.append([])
            continue
        starts = re.match(r"[A-ZÅÄÖ][a-zåäö]", word) and (
            not headings
            or not headings[-1]
            or re.search(r"[a-zåäö][\"”’]?$", headings[-1][-1])
            and not LEADS_ON.fullmatch(headings[-1][-1])
            # "Motion från Maj-Britt Tönners och Helena Brink (C)": a given name goes on with the surname
            and not (len(headings[-1]) > 1 and is_given_name(headings[-1][-1]))
            # "… fjärrvärmeverket i centrala Ljusdal": a place a heading names, not a heading's first word
            and not is_organisation(word.rstrip(","))
        )
        if starts or not headings:
            headings.append([word])
        else:
            headings[-1].append(word)
    # a heading of one short word ("Val", "Mål") is one; a shorter scrap ("Nr", "S.") is none
    return [
        " ".join(words)
        for words in headings
        if words and words[0][:1].isupper() and (len(" ".join(words)) > 3 or SHORT_HEADING.fullmatch(words[0]))
    ]


# the headings nearly every protocol opens with, in the words protocols use: one of them opening a line, with its
# text after it, is an item where the walk found none
STANDARD_HEADING = re.compile(
    r"^(?:(\d{1,3})\s+)?((?:Mötets|Sammanträdets)\s+öppnande|(?:Mötet|Sammanträdet)\s+öppnas|"
    r"Föredragningslista(?:n)?|Dagordning(?:en)?|Fastställande\s+av\s+(?:dagordning|föredragningslista)(?:en)?|"
    r"Val\s+av\s+(?:protokoll)?justerare|Upprop)\s+(?=[A-ZÅÄÖ][a-zåäö])"
)


def standard_opening(doc: Document) -> None:
    """No item found: a line of the header's text that opens with a standard first heading ("27 Föredragningslista
    Ett nytt ärende tillkommer …", "Mötets öppnande Ordföranden hälsade …") opens an item, and the text after it is
    the item's."""
    if doc.items:
        return
    for position, line in enumerate(doc.header_rest):
        opening = STANDARD_HEADING.match(line)
        if opening:
            rest = [line[opening.end() :], *doc.header_rest[position + 1 :]]
            doc.items = [{"number": opening[1], "title": opening[2], "lines": rest, "paragraph": False}]
            doc.items[0]["found_by"] = "look"
            doc.header_rest = doc.header_rest[:position]
            return
