"""The items: an agenda before the first "§" is set aside, footnotes go home, and each item's lines are read into
its text, decisions, assignments, jäv and omedelbar justering; "Nästa möte" is the next meeting."""

import datetime
import re

from meetings.importing.cleanup import strip_footnote_markers
from meetings.importing.dates import find_date
from meetings.importing.schema import Assignment, Item, NextMeeting

from .decisions import DECISION_HEADING, decisions
from .document import Document, RawItem
from .patterns import PEOPLE, split_names

IMMEDIATE = re.compile(r"omedelbar(?:t|a)?\s+juster", re.I)
IMMEDIATE_MARK = re.compile(r"§\s*(\d+)\s+omedelbart\s+justerad", re.I)
RECUSED = re.compile(rf"({PEOPLE})\s+(?:anmäler|anmälde|deltar\s+inte[^.]*?på\s+grund\s+av)\s+jäv|jäv\s*:\s*({PEOPLE})")
ASSIGNMENT = re.compile(r"\bge[r]?\s+(.+?)\s+i\s+uppdrag\s+att\s+(.+)", re.I | re.S)
NEXT_MEETING = re.compile(r"^nästa\s+(möte|samråd|sammanträde|träff)\b", re.I)
OPENING = re.compile(r"\b(?:Mötet|Sammanträdet)\s+öppnas\b|\b(?:Mötets|Sammanträdets)\s+öppnande\b")


def drop_agenda(doc: Document) -> None:
    """Numbered lines before the first "§" of a protocol are its agenda, not its items: they are kept as text."""
    first = next((n for n, item in enumerate(doc.items) if item["paragraph"]), 0)
    agenda = [item for item in doc.items[:first] if not item["lines"] or len(item["lines"]) <= 2]
    if first and len(agenda) == first and not _numbered_on_into(doc.items[: first + 1]):
        doc.header_rest.extend(f"{item['number'] or ''} {item['title']}".strip() for item in agenda)
        doc.items = doc.items[first:]


def _numbered_on_into(items: list[RawItem]) -> bool:
    """ "2 Upprop Upprop Närvarande ledamöter: …" … "5 Justering …", then "§ 7 Beslut som presidiet fattat": points
    with their text, whose numbers the first § goes on from (one lost between at most), are the first items, not an
    agenda of the §§ after them."""
    numbers = [int(item["number"] or 0) for item in items if (item["number"] or "").isdigit()]
    if len(numbers) != len(items) or numbers != sorted(numbers) or not 0 < numbers[-1] - numbers[-2] <= 2:
        return False
    return all(len(" ".join([item["title"], *item["lines"]])) > 60 for item in items[:-1])


def lost_first(doc: Document) -> None:
    """Items numbered from 2: the first one's number was lost, and its heading is the opening every protocol has
    ("Mötet öppnas", "Sammanträdets öppnande"), left in the header's text."""
    if not doc.items or doc.items[0]["number"] != "2":
        return
    for position, line in enumerate(doc.header_rest):
        match = OPENING.search(line)
        if match:
            before, after = line[: match.start()].strip(), line[match.end() :].strip(" .:")
            doc.header_rest[position : position + 1] = [before] if before else []
            first: RawItem = {"number": "1", "title": match.group(0), "lines": [after], "paragraph": False}
            first["found_by"] = "look"
            doc.items.insert(0, first)
            return


def place_footnotes(doc: Document) -> None:
    """A footnote goes to the item whose text carries its marker; failing that, where it was found."""
    for line, found_under in doc.footnotes:
        marker = line.strip()[0]
        pattern = re.compile(rf"(?<=[\w\"”’)]){marker}")
        home = next((item for item in doc.items if any(pattern.search(text) for text in item["lines"])), found_under)
        home["lines"].extend(["", line])


def immediate_marks(doc: Document) -> None:
    """ "§ 5 omedelbart justerad" anywhere in the text marks that item."""
    for line in doc.lines:
        for match in IMMEDIATE_MARK.finditer(line):
            doc.immediate_numbers.add(match.group(1))


def item(doc: Document, raw: RawItem, body_word: str) -> Item:
    """The item read: its text, and what in it is a decision (of the body `body_word` names), an assignment, jäv."""
    paragraphs = [strip_footnote_markers(p) for p in _paragraphs(raw["lines"])]
    found, consumed, by_sentence = decisions(paragraphs, body_word)
    raw["decided_by_sentence"] = by_sentence
    assignments: list[Assignment] = []
    for decision in found:
        match = ASSIGNMENT.search(decision["text"])
        if match:
            assignments.append({"who": match.group(1).strip(), "what": match.group(2).strip().rstrip(".")})
    # a paragraph that is all a decision ("Dagordningen godkändes.") is the decision, not text besides it: the
    # protocol would print it twice
    decided = {" ".join(d["text"].split()) for d in found}
    text_parts = [p for p in paragraphs if p not in consumed and " ".join(p.split()) not in decided]
    flat = " ".join(paragraphs)
    recused = [n for m in RECUSED.finditer(flat) for n in split_names(m.group(1) or m.group(2))]
    return {
        "number": raw["number"],
        "title": strip_footnote_markers(raw["title"]),
        "text": "\n\n".join(text_parts),
        "decisions": found,
        "assignments": assignments,
        "immediate": bool(IMMEDIATE.search(flat)) or raw["number"] in doc.immediate_numbers,
        "recused": list(dict.fromkeys(recused)),
    }


def next_meeting(doc: Document, items: list[Item], date: datetime.date | None) -> NextMeeting | None:
    for entry in items:
        if NEXT_MEETING.match(entry["title"]):
            text = entry["text"] or entry["title"]
            return {"date": _iso(find_date(text, after=date)), "text": text}
    for line in doc.lines:
        if NEXT_MEETING.match(line):
            return {"date": _iso(find_date(line, after=date)), "text": line}
    return None


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _paragraphs(lines: list[str]) -> list[str]:
    """The item's lines in paragraphs, split at blank lines and around a "Beslut" heading on a line of its own
    (a protocol written without blank lines: "… 1 234 567 kronor." / "Beslut" / "Styrelsen beslutar att …")."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        heading = bool(line) and DECISION_HEADING.match(line.strip()) is not None
        if line and not heading:
            current.append(line)
            continue
        if current:
            paragraphs.append("\n".join(current))
            current = []
        if heading:
            paragraphs.append(line)
    return paragraphs
