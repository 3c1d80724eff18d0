"""The walk over the lines: each line is an attendance list's label, a field or signature, an item's heading, a
line of the current item, or, before the first item, a line of the header."""

import re

from meetings.importing import attendance as att
from meetings.importing.cleanup import is_footnote
from meetings.importing.dates import find_date

from .case_heads import capitals_heading, capitals_headings, heading_before_label, marked_case
from .decisions import DECISION_VERB
from .document import Document, RawItem
from .headings import DNR, PAGE_BODY, split_heading
from .pages import listed_paragraphs, page_items
from .patterns import CONTENTS_ENTRY, FIELD, ITEM_NUMBERED, ITEM_PARAGRAPH, ITEM_RUN_ON, RUN_ON_LINE, VOTE_COUNT
from .people import attendance_block, list_on_next_page
from .signatures import sign_row, signature_block, signed_row

ITEM_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+([A-ZÅÄÖ].{1,100})$")
ITEM_WITHOUT_MARK = re.compile(r"^(\d{1,3})\s+([A-ZÅÄÖ][a-zåäö].{1,100})$")  # "208 Aktuella frågor", § lost
ITEM_DNR = re.compile(r"^(?:[A-ZÅÄÖ][\wåäö-]+\s+)?\(\s*Dnr\b[^)]*\)\s+([A-ZÅÄÖ].+)$")
# "§ 2 09/TN 0044 Mål och resursplan", "§ 6 KS/2011:286 Ändring …": a case's number without "Dnr" before the title
CASE_NUMBER = re.compile(
    r"^(?:\d{2,4}/[A-ZÅÄÖ]{1,4}\s*\d{1,5}|[A-ZÅÄÖ]{1,4}\s*/?\s*\d{2,4}[:/.-]\d{1,5}(?:[:/.-]\d{1,5})*|"
    r"[A-ZÅÄÖ]{1,4}\s*/\s*\d{2,4}:)\s+(?=[A-ZÅÄÖ])"  # "ON/2012: Information …": the case's own number lost
)
# "§ 2 AU 1 Dnr Kommunförbundets anhållan …": the preparing body's own number and an empty Dnr before the title
OTHER_NUMBERS = re.compile(r"^(?:[A-ZÅÄÖ][A-Za-zåäö]{1,3}\s+\d{1,4}\s+)+(?:Dnr\s+(?=[A-ZÅÄÖ][a-zåäö]{3,}))?")
# "… MINNESANTECKNINGAR 2(8) Dagordning", "Utsänd föredragningslista", then "1. Mötets öppnande": a line that ends
# by naming the agenda below it
AGENDA_LABEL = re.compile(r"\b(?:dagordning|föredragningslista|ärendelista)\s*:?$", re.I)
TITLE_WORDS = ("protokoll", "minnesanteckningar", "minnesanteckning", "anteckningar")


def walk(doc: Document) -> None:
    index, count = 0, len(doc.lines)
    current: RawItem | None = None
    doc.page_items = page_items(doc.lines)
    doc.paragraphs_in_text = listed_paragraphs(" ".join(doc.lines))
    doc.capitals_headings = capitals_headings(doc.lines)
    while index < count:
        line = doc.lines[index]
        if not line:
            if current is not None:
                current["lines"].append("")
            index += 1
            continue
        # the header, or a list after a table of contents that opened as items, before any list was read
        # (or a table's heading in capitals: "LEDAMÖTER S Kristina Zakrisson I …")
        header = current is None or not doc.people or bool(re.match(r"[A-ZÅÄÖ]{6,}\s+[A-ZÅÄÖ]{1,3}\s+[A-ZÅÄÖ]", line))
        # "Sammanträdesdatum s. 3 (57) MBN 27 Dnr MB Information …": a page's letterhead, then a numbered item, is
        # the item, though the letterhead's word is a field's label on the first page
        label = None if _numbered_page_item(doc, index) else att.label_of(line, header=header)
        if label is not None:
            index = attendance_block(doc, index, label)
            continue
        consumed = 0 if _numbered_page_item(doc, index) else signature_block(doc, index)
        if consumed or (current is None and doc.people and (consumed := list_on_next_page(doc, index))):
            index = consumed
            continue
        signers = signed_row(line)
        # a row of signatures, each name with the role it signs in, no label before it: at the end, after the last
        # heading (inside a § the same words are its text: "Kerstin Dahl, ordförande, Maja Björk, sekreterare")
        if len(signers) >= 2 and not any(ITEM_PARAGRAPH.match(later) for later in doc.lines[index + 1 :]):
            sign_row(doc, signers)
            index += 1
            continue
        heading = _item_heading(doc, index)
        if heading is not None:
            at = index
            number, title, index, rule = heading
            above = _heading_above(doc, current, at) if rule == "paragraph" and _is_sentence(title) else None
            if rule == "labelled":
                title, rest = heading_before_label(title) or (title, "")
            elif rule == "capitals":
                _number, title, rest = capitals_heading(title) or (None, title, "")
            else:
                title, rest = (above, title) if above else split_heading(title)
            current = {
                "number": number,
                "title": title,
                "lines": [rest] if rest else [],
                "paragraph": bool(ITEM_PARAGRAPH.match(line)) or rule == "sub",  # a part of a § is one's too
                "found_by": rule,
            }
            if not doc.items:
                doc.header_end = index
            doc.items.append(current)
            continue
        if current is not None and is_footnote(line):
            doc.footnotes.append((line, current))
        elif current is None:
            _header_line(doc, line)
        else:
            current["lines"].append(line)
        index += 1


def _labelled_page(doc: Document, index: int) -> tuple[str, str] | None:
    """A flattened page, after the header, in a text with no "§" heading: its heading before its account's label."""
    line = doc.lines[index]
    if index == 0 or doc.lines[index - 1] or not (doc.items or doc.people or doc.fields):
        return None
    if any(item["paragraph"] for item in doc.items):
        return None
    return heading_before_label(line)


def _numbered_page_item(doc: Document, index: int) -> bool:
    """A page's letterhead, then an item of a number not read before, after the header's lists or fields."""
    number = doc.page_items[index][0] if index in doc.page_items else None
    return bool(number and not _read_before(doc, int(number)) and (doc.items or doc.people or doc.fields))


def _read_before(doc: Document, number: int) -> bool:
    """ "Sida 3 71 Rapport …" after a table of contents read as items 71-76: an item of that number was read, and the
    numbering would go back to it."""
    numbers = _numbers(doc)
    return number in numbers and number < numbers[-1]


def _is_sentence(text: str) -> bool:
    """ "Ylva Svenberg väljs att tillsammans med ordförande justera dagens protokoll.": text, no heading."""
    return len(text.split()) > 6 and text.rstrip().endswith((".", ":"))


def _heading_above(doc: Document, current: RawItem | None, index: int) -> str | None:
    """A "§ 3" whose line opens the item's text has its heading on the line above, after a blank line ("Val av
    justerare", then "§ 3 Ylva Svenberg väljs att …"): the § in the margin, the heading over the text. The line is
    taken from the text before it."""
    if current is None:
        before, blank_above = doc.header_rest, True  # the header keeps no blank lines
    else:
        before = current["lines"]
        while before and not before[-1]:
            before.pop()  # the blank lines that end the text before
        blank_above = len(before) < 2 or not before[-2]
    line = before[-1].strip() if before else ""
    # the header's last line is over the first § only when no field or list came between ("Beslutande organ …",
    # then "Sammanträdesdatum Sida", then "§ 26 Handlingar att anmäla …": the heading is the § line's own)
    above = doc.lines[index - 2] if index >= 2 and not doc.lines[index - 1] else doc.lines[index - 1] if index else ""
    heading_like = (
        line
        and (current is not None or above.strip() == line)
        and blank_above
        and len(line) <= 80
        and len(line.split()) <= 10
        and line[:1].isupper()
        and not line.endswith((".", ",", ":", ";"))
        and not FIELD.match(line)
        and not line.startswith("Beslut:")  # the decision of the item before, after its label
        and att.label_of(line, header=True) is None
        and not LETTERHEAD.search(line)  # a page's letterhead
        and not PAGE_BODY.search(line)  # "Tekniska nämnden": the body's name over each page
    )
    if not heading_like:
        return None
    before.pop()
    return line


def _item_heading(doc: Document, index: int) -> tuple[str | None, str, int, str] | None:
    """(number, title, the index after the heading, the rule that found it: "paragraph", "dnr", "labelled", "run_on",
    "bare", "numbered", "look") when an item starts at `index`."""
    line = doc.lines[index]
    previous_blank = index == 0 or not doc.lines[index - 1]
    match = ITEM_PARAGRAPH.match(line)
    if match and PAGE_MARK_FIRST.match(match.group(3)) and not doc.items:
        return None  # "§ 9 269(319) PROTOKOLL FRÅN SAMMANTRÄDE …": an extract's letterhead, its page of how many
    if match:
        number = match.group(1) or match.group(2)
        title = CASE_NUMBER.sub("", DNR.sub("", OTHER_NUMBERS.sub("", match.group(3).strip()))).strip()
        if not title:
            following = doc.next_nonblank(index + 1)
            if following is not None and not DNR.sub("", doc.lines[following]).strip():
                following = doc.next_nonblank(following + 1)  # "§ 146" / "Dnr 8-2015" / "Meddelanden om …"
            if following is not None and len(doc.lines[following]) < 160:
                return number, doc.lines[following], following + 1, "paragraph"
        return number, title or f"§ {number}", index + 1, "paragraph"
    # "Kommunstyrelsen Dnr Information om …": the letterhead, then the page's item (after the header: a list, a field)
    if index in doc.page_items and (doc.items or doc.people or doc.fields):
        number, title = doc.page_items[index]
        if number is None or not _read_before(doc, int(number)):
            return number, title, index + 1, "page"
    # "2 SVALÖVS KOMMUN … SAMMANTRÄDESPROTOKOLL Sammanträdesdatum 7 Dnr Igångsättningstillstånd …": a page's
    # letterhead, then an item whose "§" was lost, known by the header's "Paragrafer 7-16"
    headed = LETTERHEAD_THEN_NUMBER.search(line)
    # (or the page's number twice, the site's and the letterhead's, then another: "2 SKELLEFTEÅ KOMMUN PROTOKOLL 2 54
    # Dnr KN Val av justerare …")
    paged = headed and re.match(r"^(\d{1,3})\s.*?(?:PROTOKOLL|[Ss]ammanträdesprotokoll)\s+\1\s+\d", line)
    listed = headed and (int(headed[1]) in _paragraphs_listed(doc) or paged)
    if headed and listed and int(headed[1]) > max(_numbers(doc), default=0):
        return headed[1], headed[2].strip(), index + 1, "listed"
    # (a page mark before it, "3 (21) Ksau 213 Dnr Ks …", is a later page's)
    case = marked_case(line) if previous_blank and not any(raw["paragraph"] for raw in doc.items) else None
    if case and (doc.people or doc.fields) and int(case[0]) > max(_numbers(doc), default=0):
        return case[0], case[1], index + 1, "marked"  # "Ks 1 Dnr 2012-KS Namninsamling med begäran …", § lost
    if not doc.items and LETTERHEAD.search(line):
        return None  # "11 Hultsfreds kommun SAMMANTRÄDESPROTOKOLL 1 (251) …": the first page's head, no item
    # "DAGORDNINGEN Förslaget till dagordningen godkändes": a heading in capitals, its text after it
    capitals = capitals_heading(line) if doc.capitals_headings else None
    if capitals and capitals[1] in doc.capitals_headings:
        return capitals[0], line, index + 1, "capitals"
    labelled = _labelled_page(doc, index)
    if labelled:  # "2 Samhällsbyggnadsnämnden [68] SBN 191 Val av justerare Ärendebeskrivning Nämnden ska …"
        return None, line, index + 1, "labelled"
    match = ITEM_DNR.match(line)
    if match:  # a page of a flattened protocol whose § number was lost: "Arbetsutskottet (Dnr 12/08) Titel …"
        return None, match.group(1), index + 1, "dnr"
    meeting_numbered = MEETING_AND_ITEM.match(line)
    if meeting_numbered and meeting_numbered[1] not in {raw["number"] for raw in doc.items}:
        return meeting_numbered[1], meeting_numbered[2].strip(), index + 1, "meeting"  # "AU 9:1 Upprop, …"
    listed = ITEM_LISTED.match(line)
    if (
        listed
        and int(listed.group(1)) in _paragraphs_listed(doc)
        and int(listed.group(1)) > max(_numbers(doc), default=0)
    ):
        return listed.group(1), listed.group(2).strip(), index + 1, "listed"  # "KFN 1 Föredragningslista", § lost
    sub = SUB_ITEM.match(line)
    if sub and previous_blank and doc.items and sub[1] == (doc.items[-1]["number"] or "").split(".")[0]:
        # "3.1 Arbetsordning 2009" under "§ 3 Beslutspunkter": a numbered part of the item, with its own decision
        return f"{sub[1]}.{sub[2]}", sub[3].strip().rstrip(":"), index + 1, "sub"
    if doc.items and doc.items[-1]["paragraph"]:
        return None  # "1. Snabbrapport …" under "§ 51 Landstingsdirektörens rapport": a point of that item
    flattened = len(line) > RUN_ON_LINE or (index > 0 and len(doc.lines[index - 1]) > RUN_ON_LINE)
    # "188 Justering Landstingsstyrelsen beslutar utse …" over "189 Godkännande …": a heading run on into its decision
    run_on = ITEM_RUN_ON.match(line) if flattened or DECISION_VERB.search(line) else None
    if run_on and _continues_numbering(doc, int(run_on.group(1)), index):
        return run_on.group(1), run_on.group(2), index + 1, "run_on"
    bare = ITEM_WITHOUT_MARK.match(line)
    if bare:
        number = int(bare.group(1))
        # "3 Val av justerare Margareta Lövgren (M) utses att …": a heading run on into its sentence is one when it
        # stands between the numbers before and after it; "9 röstade nej." is not
        sentence = line.rstrip().endswith((".", ",")) and not _between_numbers(doc, number, index)
        if not sentence and _continues_numbering(doc, number, index):
            return bare.group(1), bare.group(2).strip(), index + 1, "bare"  # numbered in a run, each on its line
    point = ITEM_NUMBERED.match(line)
    first_point = point and point.group(1) == "1" and AGENDA_LABEL.search(doc.lines[index - 1] if index else "")
    if point and not previous_blank and len(line) < 100 and (_next_number(doc) == int(point.group(1)) or first_point):
        # "2. Dagordningen godkändes" right under "1. Mötets öppnande …": points one a line, no blank between
        return point.group(1), point.group(2).strip().rstrip(":"), index + 1, "numbered"
    if point and not doc.items and len(line) < 100 and _point_follows(doc, int(point.group(1)), index):
        return point.group(1), point.group(2).strip().rstrip(":"), index + 1, "numbered"  # "1. Mötets öppnande" …
    if not previous_blank:
        return None
    match = ITEM_NUMBERED.match(line) or ITEM_BARE_NUMBER.match(line)
    # "3. Rapport" is a heading; "9 röstade nej." or "12 personer deltog." is a sentence.
    short_numbered = ITEM_NUMBERED.match(line) and len(line) < 60
    # "1. Val av ordförande …", "1. Val av sekreterare …": a list whose numbers a web page lost, every point a "1."
    all_ones = (
        match is not None
        and match.group(1) == "1"
        and len(doc.items) >= 2
        and {r["number"] for r in doc.items} == {"1"}
    )
    is_sentence = line.rstrip().endswith((".", ",")) and not short_numbered and not all_ones
    quantity = VOTE_COUNT.search(line) or re.match(r"^\d+\s+(?:st|personer|kr|%)", line)
    if match and not is_sentence and not quantity:
        return match.group(1), match.group(2).strip().rstrip(":"), index + 1, "numbered"
    if not doc.numbered and _looks_like_heading(doc, index):
        return None, line.strip().rstrip(":"), index + 1, "look"
    return None


PAGE_MARK_FIRST = re.compile(r"^\d{1,4}\s*\(\d{1,4}\)\s+(?:[A-ZÅÄÖ]{3,}|\S*[Pp]rotokoll)")
SUB_ITEM = re.compile(r"^(\d{1,3})\.(\d{1,2})\.?\s+([A-ZÅÄÖ][^.]{1,100})$")  # "3.2 Tertialbokslut augusti 2009"
# a page's letterhead: "HÖGSBY KOMMUN SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum", a page mark "1 (251)" or "(19)"
LETTERHEAD = re.compile(
    r"PROTOKOLL|ANTECKNINGAR|[Ss]ammanträdesprotokoll|\bSammanträdesdatum\b|\b\d{1,3}\s*\(\d{1,3}\)|"
    r"\s\(\d{1,3}\)$"  # "Kommunala Handikapprådet (19)": the page's number lost, the pages in all kept
)
LETTERHEAD_THEN_NUMBER = re.compile(
    r"(?:PROTOKOLL|[Ss]ammanträdesprotokoll|\bSammanträdesdatum)\s+(?:\d{4}-\d\d-\d\d\s+)?"
    r"(?:\d{1,3}(?:\s*\(\d{1,3}\))?\s+)?(\d{1,3})\s+"  # "PROTOKOLL 2 1 Dnr …": the page, then the item
    r"(?:Dnr\b\.?:?\s*(?:[\w/:.-]*\d[\w/:.-]*\s+)?)?([A-ZÅÄÖ][a-zåäö].+)$"
)
# "AU 9:1 Upprop, fastställande av dagordning …": the body's mark, the meeting's number and the item's (no clock:
# the mark comes first, and the item's number has no leading zero)
MEETING_AND_ITEM = re.compile(r"^[A-ZÅÄÖ][A-Za-zÅÄÖ]{0,4}\s+(\d{1,3}:[1-9]\d{0,2})\s+([A-ZÅÄÖ][a-zåäö].+)$")
# "KFN 1 Föredragningslista …": a heading whose "§" the transcript lost, known by the header's "Paragrafer 1-10"
ITEM_LISTED = re.compile(r"^(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,4}\s+)?(\d{1,3})\s+([A-ZÅÄÖ][a-zåäö].+)$")  # "Ff 1 …" too


def _paragraphs_listed(doc: Document) -> set[int]:
    """The § numbers the header gives: its "Paragrafer" field ("1-10", "§§ 63-73", "88-101"), or "Justerade
    paragrafer 1-12" inside another field (read once, when the walk begins)."""
    field = doc.fields.get("paragrafer", "")
    return listed_paragraphs(field, labelled=False) if field else doc.paragraphs_in_text


def _between_numbers(doc: Document, number: int, index: int) -> bool:
    """The item before is number - 1, or the next line opens number + 1."""
    following = doc.next_nonblank(index + 1)
    after = ITEM_WITHOUT_MARK.match(doc.lines[following]) if following is not None else None
    return _next_number(doc) == number or bool(after and int(after.group(1)) == number + 1)


def _next_number(doc: Document) -> int | None:
    last = doc.items[-1]["number"] if doc.items else None
    return int(last) + 1 if last and last.isdigit() else None


def _point_follows(doc: Document, number: int, index: int) -> bool:
    """The first of points one a line ("1. Mötets öppnande" … "2. Tidigare minnesanteckningar"), no blank lines
    between the items: the next number opens a short line further on."""
    return any(
        (m := ITEM_NUMBERED.match(later)) and int(m.group(1)) == number + 1 and len(later) < 100
        for later in doc.lines[index + 1 :]
        if later
    )


def _numbers(doc: Document) -> list[int]:
    return [int(item["number"]) for item in doc.items if item["number"] and item["number"].isdigit()]


def _continues_numbering(doc: Document, number: int, index: int) -> bool:
    """A flattened page's "17. Mötets öppnande …" is a point when it follows the last point or the next one
    follows it."""
    numbers = _numbers(doc)
    if numbers and number == numbers[-1] + 1:
        return True
    return any(
        (m := ITEM_RUN_ON.match(later)) and int(m.group(1)) == number + 1 for later in doc.lines[index + 1 :] if later
    )


def _looks_like_heading(doc: Document, index: int) -> bool:
    line = doc.lines[index].strip()
    if not doc.title_lines or len(line) > 80 or line.endswith((".", ",", ";")) or line.startswith(("<", "-", "•")):
        return False
    if CONTENTS_ENTRY.search(line):
        return False
    if not (doc.items or doc.people or doc.fields):
        return False  # no list or field read yet: a short line is still the header ("REGIONUTVECKLING 2007-04-10")
    if not line[:1].isupper() or line.count(" ") > 9:
        return False
    if not doc.items and find_date(line) and re.search(r"protokoll|anteckning", line, re.I):
        return False  # "LYSEKILS KOMMUN Sammanträdesprotokoll Kommunstyrelsen 2014-04-09": the header again
    title = " ".join(doc.title_lines).casefold().split()
    if not doc.items and find_date(line) and title and line.casefold().split()[: len(title)] == title:
        return False  # "Förbundsfullmäktige 2015-01-07" under the title "Förbundsfullmäktige": the title with its date
    following = doc.next_nonblank(index + 1)
    if following is None:
        return False
    next_line = doc.lines[following]
    if AGENDA_LABEL.search(line) and re.match(r"^(?:§\s*)?1\.?\s", next_line):
        return False  # "Dagordning" over "1 Mötets öppnande": the points below are the items, the word no heading
    blank_between = following > index + 1
    return blank_between and (len(next_line) > len(line) or next_line.endswith("."))


POSTING = re.compile(r"^(?:ANSLAG\s*/\s*BEVIS|BEVIS\s+OM\s+ANSLAG|ANSLAGSBEVIS)\b", re.I)  # the notice of posting


def _header_line(doc: Document, line: str) -> None:
    if POSTING.match(line):
        doc.header_rest.append(line)  # never the document's title, even where it comes first
    elif len(doc.title_lines) < 2 and (not doc.title_lines or _continues_title(doc, line)):
        doc.title_lines.append(line)
    else:
        doc.header_rest.append(line)


def _continues_title(doc: Document, line: str) -> bool:
    return doc.title_lines[0].lower() in TITLE_WORDS and len(line) < 140
