"""From the cleaned lines of a minutes document to the structured dict (see the package docstring)."""

import datetime
import re
from typing import TypedDict

from . import attendance as att
from .cleanup import is_footnote, normalise, strip_footnote_markers
from .dates import find_date, find_times
from .readers import UnreadableDocument, check_text_length
from .schema import Assignment, Attendee, Decision, Item, NextMeeting, ParsedMinutes, Votes

ITEM_PARAGRAPH = re.compile(r"^§\s*(\d+)\s*[.:]?\s*(.*)$")
ITEM_NUMBERED = re.compile(r"^-?\s*(\d{1,2})\s*[.)]\s*(\S.{0,120})$")
ITEM_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+([A-ZÅÄÖ].{1,100})$")
FIELD = re.compile(
    r"^(datum|tid|plats|lokal|sekreterare|vid protokollet|justeras|utses att justera|justerare)\s*:?\s*(.*)$", re.I
)
DECISION_LABEL = re.compile(r"^(?:beslut|förslag till beslut som antogs)\s*:\s*(.*)$", re.I | re.S)
DECIDED = re.compile(r"\b([A-ZÅÄÖ][\wåäö-]+)\s+(?:beslutade|beslutar|beslöt)\s+att\b", re.S)
ASSIGNMENT = re.compile(r"\bge[r]?\s+(.+?)\s+i\s+uppdrag\s+att\s+(.+)", re.I | re.S)
VOTE_COUNT = re.compile(r"(\d+)\s+(?:personer\s+)?röstade\s+(ja|nej)", re.I)
ABSTAIN = re.compile(r"(\d+)\s+(?:personer\s+)?(?:valde\s+att\s+(?:inte|avstå)|avstod|avstår|lade\s+ned)", re.I)
NEXT_MEETING = re.compile(r"^nästa\s+(möte|samråd|sammanträde|träff)\b", re.I)
BODY_WORDS = [
    ("arbetsutskott", "Arbetsutskottet"),
    ("beredningsgrupp", "Beredningsgruppen"),
    ("styrgrupp", "Styrgruppen"),
    ("medlemssamråd", "Medlemssamrådet"),
    ("presidi", "Presidierna"),
    ("styrelse", "Styrelsen"),
]
GENERIC_DECIDERS = {"mötet", "sammanträdet", "gruppen"}


class _RawItem(TypedDict):
    """An item while its lines are collected."""

    number: str | None
    title: str
    lines: list[str]


def parse_text(text: str | None) -> ParsedMinutes:
    # The same bound as a file's: a pasted or corrected text is read line by line, and the review page shows it.
    check_text_length(text or "")
    lines, warnings = normalise((text or "").replace("\x00", ""))
    if not any(lines):
        raise UnreadableDocument("empty")
    doc = _Document(lines, warnings)
    doc.parse()
    result = doc.result()
    if not (result["date"] or result["attendance"] or len(result["items"]) > 1 or _has_numbered(result)):
        raise UnreadableDocument("no_structure")
    return result


def _has_numbered(result: ParsedMinutes) -> bool:
    return any(item["number"] for item in result["items"])


class _Document:
    def __init__(self, lines: list[str], warnings: list[str]) -> None:
        self.lines = lines
        self.warnings = list(warnings)
        self.title_lines: list[str] = []
        self.header_rest: list[str] = []
        self.fields: dict[str, str] = {}
        self.people: list[Attendee] = []
        self.secretary: str | None = None
        self.justerare: list[str] = []
        self.signed_on_paper = False
        self.items: list[_RawItem] = []
        self.footnotes: list[tuple[str, _RawItem]] = []  # (line, the item it was found under)
        self.numbered = any(ITEM_PARAGRAPH.match(line) or ITEM_NUMBERED.match(line) for line in lines if line)

    # Walking the lines ----------------------------------------------------------------------------------------------

    def parse(self) -> None:
        index, count = 0, len(self.lines)
        current: _RawItem | None = None
        while index < count:
            line = self.lines[index]
            if not line:
                if current is not None:
                    current["lines"].append("")
                index += 1
                continue
            label = att.label_of(line)
            if label is not None:
                index = self._attendance_block(index, label)
                continue
            consumed = self._signature_block(index)
            if consumed:
                index = consumed
                continue
            heading = self._item_heading(index)
            if heading is not None:
                number, title, index = heading
                current = {"number": number, "title": title, "lines": []}
                self.items.append(current)
                continue
            if current is not None and is_footnote(line):
                self.footnotes.append((line, current))
            elif current is None:
                self._header_line(line)
            else:
                current["lines"].append(line)
            index += 1

    def _attendance_block(self, index: int, label: tuple[str, str | None, str]) -> int:
        status, role, rest = label
        index += 1
        collected = [rest] if rest else []
        if not rest:
            while index < len(self.lines) and not self.lines[index]:
                index += 1
        while index < len(self.lines) and self.lines[index]:
            line = self.lines[index]
            if att.label_of(line) or ITEM_PARAGRAPH.match(line) or FIELD.match(line):
                break
            collected.append(line)
            index += 1
        for line in collected:
            self.people.extend(att.parse_line(strip_footnote_markers(line), status=status, role=role))
        return index

    def _signature_block(self, index: int) -> int:
        line = self.lines[index]
        match = FIELD.match(line)
        if line.strip().lower().rstrip(".") == "justerat":
            self.signed_on_paper = True
            return index + 1
        if not match:
            return 0
        key, rest = match.group(1).lower(), match.group(2).strip()
        if key in ("datum", "tid", "plats", "lokal"):
            if self.items:
                return 0  # "Tid:" inside an item's text is text
            self.fields[key] = rest
            return index + 1
        names, index = self._names_after(index + 1, rest)
        if key in ("sekreterare", "vid protokollet"):
            self.secretary = self.secretary or (names[0] if names else None)
        else:
            for name in names:
                for part in re.split(r"\s+och\s+|,\s*", name):
                    if part.strip() and part.strip() not in self.justerare:
                        self.justerare.append(part.strip())
        return index

    def _names_after(self, index: int, rest: str) -> tuple[list[str], int]:
        """Names on the rest of the line, or on the following lines (role lines under a name are skipped)."""
        if rest:
            return [rest], index
        names: list[str] = []
        while index < len(self.lines):
            line = self.lines[index]
            if not line:
                index += 1
                continue
            if FIELD.match(line) or line.lower().rstrip(".") == "justerat" or is_footnote(line):
                break
            if att._is_role(line) or att.normalise_role(line) != line.strip(" ,.;()"):
                index += 1
                continue  # "Ordförande", "2:e vice ordförande", "Förbundssekreterare" under a name
            if not att._is_name(line):
                break
            names.append(line.strip())
            index += 1
        return names, index

    def _item_heading(self, index: int) -> tuple[str | None, str, int] | None:
        line = self.lines[index]
        previous_blank = index == 0 or not self.lines[index - 1]
        match = ITEM_PARAGRAPH.match(line)
        if match:
            title = match.group(2).strip()
            if not title:
                following = self._next_nonblank(index + 1)
                if following is not None and len(self.lines[following]) < 100:
                    return match.group(1), self.lines[following], following + 1
            return match.group(1), title or f"§ {match.group(1)}", index + 1
        if not previous_blank:
            return None
        match = ITEM_NUMBERED.match(line) or ITEM_BARE_NUMBER.match(line)
        # "3. Rapport" is a heading; "9 röstade nej." or "12 personer deltog." is a sentence.
        short_numbered = ITEM_NUMBERED.match(line) and len(line) < 60
        is_sentence = line.rstrip().endswith((".", ",")) and not short_numbered
        quantity = VOTE_COUNT.search(line) or re.match(r"^\d+\s+(?:st|personer|kr|%)", line)
        if match and not is_sentence and not quantity:
            return match.group(1), match.group(2).strip().rstrip(":"), index + 1
        if not self.numbered and self._looks_like_heading(index):
            return None, line.strip().rstrip(":"), index + 1
        return None

    def _looks_like_heading(self, index: int) -> bool:
        line = self.lines[index].strip()
        if not self.title_lines or len(line) > 80 or line.endswith((".", ",", ";")) or line.startswith(("<", "-", "•")):
            return False
        if not line[:1].isupper() or line.count(" ") > 9:
            return False
        following = self._next_nonblank(index + 1)
        if following is None:
            return False
        next_line = self.lines[following]
        blank_between = following > index + 1
        return blank_between and (len(next_line) > len(line) or next_line.endswith("."))

    def _next_nonblank(self, index: int) -> int | None:
        while index < len(self.lines):
            if self.lines[index]:
                return index
            index += 1
        return None

    def _header_line(self, line: str) -> None:
        if len(self.title_lines) < 2 and (not self.title_lines or self._continues_title(line)):
            self.title_lines.append(line)
        else:
            self.header_rest.append(line)

    def _continues_title(self, line: str) -> bool:
        first = self.title_lines[0].lower()
        return first in ("protokoll", "minnesanteckningar", "minnesanteckning", "anteckningar") and len(line) < 140

    # The result ------------------------------------------------------------------------------------------------

    def result(self) -> ParsedMinutes:
        title = " ".join(self.title_lines).strip()
        header_text = " ".join([title, *self.fields.values(), *self.header_rest])
        date = find_date(self.fields.get("datum", "")) or find_date(header_text)
        start, end = find_times(self.fields.get("tid", "") or self.fields.get("datum", "") or header_text)
        if date is None:
            self.warnings.append("Inget mötesdatum hittades.")
        self._place_footnotes()
        items = [self._item(item, date) for item in self.items]
        # A short header line that gave the date ("Måndagen den 2 juni 2021 kl 13-15") is placed; others are kept.
        leftovers = [line for line in self.header_rest if not (len(line) < 60 and find_date(line))]
        if leftovers:
            if not items:
                items.append({"number": None, "title": "Inledning", "text": "", "decisions": [], "assignments": []})
            items[0]["text"] = "\n".join(leftovers + ([items[0]["text"]] if items[0]["text"] else []))
            self.warnings.append("Text före första ärendet lades i det första ärendet: " + " / ".join(leftovers)[:200])
        kind = self._kind(title)
        if kind == "protokoll" and not self.secretary:
            self.warnings.append("Ingen sekreterare hittades.")
        return {
            "kind": kind,
            "title": title,
            "date": date.isoformat() if date else None,
            "start_time": start.strftime("%H:%M") if start else None,
            "end_time": end.strftime("%H:%M") if end else None,
            "place": self.fields.get("plats") or self.fields.get("lokal") or None,
            "organisation": self._organisation(title),
            "body": self._body(title),
            "attendance": self.people,
            "secretary": self.secretary,
            "adjusters": self.justerare,  # the import schema's key (README), kept for its readers
            "signed_on_paper": self.signed_on_paper,
            "items": items,
            "next_meeting": self._next_meeting(items, date),
            "warnings": self.warnings,
        }

    def _place_footnotes(self) -> None:
        """A footnote goes to the item whose text carries its marker; failing that, where it was found."""
        for line, found_under in self.footnotes:
            marker = line.strip()[0]
            pattern = re.compile(rf"(?<=[\w\"”’)]){marker}")
            home = next(
                (item for item in self.items if any(pattern.search(text) for text in item["lines"])), found_under
            )
            home["lines"].extend(["", line])

    def _kind(self, title: str) -> str:
        lowered = title.lower()
        if "minnesanteckning" in lowered or "anteckningar" in lowered:
            return "minnesanteckningar"
        if "protokoll" in lowered or self.justerare:
            return "protokoll"
        return "protokoll" if any(line.startswith("§") for line in self.lines if line) else "minnesanteckningar"

    def _organisation(self, title: str) -> str | None:
        match = re.search(r"(Samordningsförbunde[nt]\s+[^,.;:()\n]+?)(?:\s+[-–]\s+|$|,|\.)", title)
        if match:
            return match.group(1).strip()
        match = re.search(r"\b(Samordningsförbund\s+[A-ZÅÄÖ][^,.;:()\n]*)", title)
        return match.group(1).strip() if match else None

    def _body(self, title: str) -> str | None:
        lowered = title.lower()
        for word, name in BODY_WORDS:
            if word in lowered:
                return name
        return None

    def _item(self, item: _RawItem, date: datetime.date | None) -> Item:
        paragraphs = _paragraphs(item["lines"])
        decisions: list[Decision] = []
        assignments: list[Assignment] = []
        text_parts: list[str] = []
        body_word = (self._body(" ".join(self.title_lines)) or "").lower()
        for paragraph in paragraphs:
            paragraph = strip_footnote_markers(paragraph)
            decision = _decision(paragraph, body_word)
            if decision is not None:
                decisions.append(decision)
                match = ASSIGNMENT.search(decision["text"])
                if match:
                    assignments.append({"who": match.group(1).strip(), "what": match.group(2).strip().rstrip(".")})
                if DECISION_LABEL.match(paragraph):
                    continue  # the decision is stored as a decision; a narrative paragraph stays text too
            text_parts.append(paragraph)
        return {
            "number": item["number"],
            "title": strip_footnote_markers(item["title"]),
            "text": "\n\n".join(text_parts),
            "decisions": decisions,
            "assignments": assignments,
        }

    def _next_meeting(self, items: list[Item], date: datetime.date | None) -> NextMeeting | None:
        for item in items:
            if NEXT_MEETING.match(item["title"]):
                text = item["text"] or item["title"]
                return {"date": _iso(find_date(text, after=date)), "text": text}
        for line in self.lines:
            if NEXT_MEETING.match(line):
                return {"date": _iso(find_date(line, after=date)), "text": line}
        return None


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _outcome(text: str) -> str | None:
    lowered = text.lower()
    if "återremi" in lowered:
        return "återremiss"
    if "bordlägg" in lowered:
        return "bordläggning"
    if "till handlingarna" in lowered:
        return "lägga till handlingarna"
    if "i uppdrag" in lowered:
        return "uppdrag"
    if re.search(r"\bavslå|\bavslag", lowered):
        return "avslag"
    if re.search(r"\b(bevilja|godkänn|anta|fastställ|bifall|utse|välja)", lowered):
        return "bifall"
    return None


def _votes(text: str) -> Votes | None:
    counts: Votes = {"ja": 0, "nej": 0, "avstår": 0}
    found = False
    for number, choice in VOTE_COUNT.findall(text):
        if choice.lower() == "ja":
            counts["ja"] = int(number)
        else:
            counts["nej"] = int(number)
        found = True
    abstain = ABSTAIN.search(text)
    if abstain:
        counts["avstår"] = int(abstain.group(1))
        found = True
    return counts if found else None


def _decision(paragraph: str, body_word: str) -> Decision | None:
    flat = " ".join(paragraph.split())
    labelled = DECISION_LABEL.match(flat)
    votes = _votes(flat)
    if labelled:
        text = labelled.group(1).strip()
    else:
        decided = DECIDED.search(flat)
        decider = decided.group(1).lower() if decided else ""
        own = decided and (decider in GENERIC_DECIDERS or (body_word and decider.startswith(body_word[:6])))
        if not own and votes is None:
            return None
        text = flat
    outcome = _outcome(text)
    if votes is not None and outcome is None:
        outcome = "avslag" if votes["nej"] > votes["ja"] else "bifall"
    return {"text": text, "outcome": outcome, "votes": votes}
