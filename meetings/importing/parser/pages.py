"""Pages that open with the document's letterhead and then an item: "Kommunstyrelsen Dnr Information om …",
"RÄDDNINGSTJÄNSTEN SAMMANTRÄDESPROTOKOLL 1 Dnr. 2011/186 042 Redovisning …", "Kommunfullmäktige 2017-10-23 2 132
Delårsrapport …". A transcript that lost the "§" keeps the body's name (or "protokoll") over each page, and a new
item begins a page; the letterhead is known as one because it opens several lines."""

import re
from collections import Counter

from .header import BODY_CORE

# the words of a letterhead: a body's name, or a title ending in "protokoll" ("RÄDDNINGSTJÄNSTEN SAMMANTRÄDESPROTOKOLL")
HEAD_WORD = re.compile(r"(?i)^[\wåäöÅÄÖ-]*(?:" + BODY_CORE + r"|protokoll|sammanträdesdatum)$")
JUNK = re.compile(r"^(?:\W+|\w{1,2}|\w*\W\w*)$")  # "^>", "fl", "O", "fe?l": a scan's specks before the letterhead
DATE = r"(?:\d{4}-\d{2}-\d{2}\s+)?"
# after the letterhead: [page] [the pages in all] [number] [a body's mark and number] [Dnr …], then the heading
# ("s. 3 (57) MBN 27 Dnr MB Information …": the page, of how many, the item, its case's register)
AFTER_HEAD = re.compile(
    DATE + r"(?:(?i:s\.|sid\.?|sida)\s*(?=\d))?(?:(?P<first>\d{1,3})\s+)?(?:(?<=\d\s)\(\d{1,3}\)\s+)?"
    r"(?:(?P<second>\d{1,3})\s+)?"
    r"(?:§\s*(?P<paragraph>\d{1,3})\s+)?(?:[A-ZÅÄÖ][A-Za-zåäö]{0,3}\s+(?P<marked>\d{1,3})\s+)?"
    r"(?P<dnr>Dnr\b\.?:?\s*(?:[\w/:.-]*\d[\w/:.-]*\s+(?:\d{3}\s+)?|[A-ZÅÄÖ]{1,4}\s+(?=[A-ZÅÄÖ][a-zåäö]))?)?"
    r"(?P<title>[A-ZÅÄÖ][a-zåäö]+\s.*)$"
)
NOT_TITLE = re.compile(
    r"(?i)^(?:sammanträdes|protokoll|plats|tid\b|datum|beslutande|närvarande|ledamöter|justera|underskrift|blad|sida|"
    r"sid\b|organ\b|bevis\b|anslag)"  # "Sid 86 (101)", "Organ BEVIS Justeringen …": the page's mark, the notice
)
RANGE = r"(\d{1,3})\s*[-–]\s*§?\s*(\d{1,3})"
PARAGRAPHS = re.compile(r"(?i)\bparagraf(?:er)?\s*:?\s*§*\s*" + RANGE)  # "Justerade paragrafer 132-142"


def listed_paragraphs(text: str, *, labelled: bool = True) -> set[int]:
    """The § numbers the ranges of a text give: after "Paragrafer" anywhere ("Justerade paragrafer 1-12"), or any
    range in a "Paragrafer" field's own value ("§§ 63-73", "88-101") when not `labelled`."""
    found = (PARAGRAPHS if labelled else re.compile(RANGE)).findall(text)
    return {n for low, high in found if int(low) <= int(high) <= int(low) + 200 for n in range(int(low), int(high) + 1)}


def _letterhead(line: str) -> tuple[int, str] | None:
    """(where the text after the letterhead begins, the letterhead's words folded) for a line that opens with one."""
    words = list(re.finditer(r"\S+", line))
    start = 0
    while start < min(2, len(words)) and JUNK.match(words[start].group()):
        start += 1
    for end in range(start, min(start + 3, len(words))):
        if HEAD_WORD.match(words[end].group()):
            return words[end].end(), " ".join(word.group() for word in words[start : end + 1]).casefold()
    return None


def page_items(lines: list[str]) -> dict[int, tuple[str | None, str]]:
    """{line index: (the item's number or None, its heading and text)} for the lines that open with a letterhead
    two lines or more open with, then a heading (the walk takes them after the header, whose head it may be)."""
    heads = {index: _letterhead(line) for index, line in enumerate(lines) if line}
    counts = Counter(head[1] for head in heads.values() if head)
    # a title that is the body's name alone ("Valnämnden") makes a letterhead only of a page whose item has a number
    texts = Counter(head[1] for index, head in heads.items() if head and lines[index][head[0] :].strip())
    listed = listed_paragraphs(" ".join(lines))
    found: dict[int, tuple[str | None, str]] = {}
    for index, head in heads.items():
        if not head or counts[head[1]] < 2:
            continue
        match = AFTER_HEAD.match(lines[index][head[0] :].strip())
        if not match or NOT_TITLE.match(match["title"]):
            continue
        numbers = [match[key] for key in ("paragraph", "marked") if match[key]]
        if not numbers and match["second"]:
            numbers = [match["second"]]  # "2 132 Återredovisningar": the page, then the item
        elif not numbers and match["first"] and int(match["first"]) in listed:
            numbers = [match["first"]]  # "1 Dnr. 2011/186 …" under "Paragrafer 1-7"
        if numbers or texts[head[1]] >= 2:
            found[index] = (numbers[0] if numbers else None, match["title"])
    return found
