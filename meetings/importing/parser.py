"""From the cleaned lines of a minutes document to the structured dict (see the package docstring)."""

import re

from . import attendance as att
from .cleanup import is_footnote, normalise, strip_footnote_markers
from .dates import find_date, find_times
from .readers import UnreadableDocument, check_text_length

# "§ 12", "§12 Titel", "KF § 266", "§ 63/20 Titel" (number/year)
ITEM_PARAGRAPH = re.compile(r"^(?:[A-ZÅÄÖ]{1,5}\s+)?§\s*(\d+)(?:/\d\d)?\s*[.:]?\s*(.*)$")
ITEM_NUMBERED = re.compile(r"^-?\s*(\d{1,2})\s*[.)]\s*(\S.{0,120})$")
ITEM_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+([A-ZÅÄÖ].{1,100})$")
ITEM_RUN_ON = re.compile(r"^(?:§\s*)?(\d{1,3})\s*[.)]?\s+([A-ZÅÄÖ].+)$")
ITEM_DNR = re.compile(r"^(?:[A-ZÅÄÖ][\wåäö-]+\s+)?\(\s*Dnr\b[^)]*\)\s+([A-ZÅÄÖ].+)$")
RUN_ON_LINE = 120  # a longer line is a flattened page: its heading ends where the first sentence starts
DNR = re.compile(
    r"^Dnr\.?\s*(?:[\w./:-]*\d[\w./:-]*|[A-ZÅÄÖ]{1,4})(?:\s+(?:[\w./:-]*\d[\w./:-]*|[A-ZÅÄÖ]{1,4}))*\s*", re.I
)
FIELD = re.compile(
    r"^(?:underskrift(?:er)?:?\s+)?(datum|sammanträdesdatum|dag|tid|plats och tid|plats|lokal|sekreterare|"
    r"vid protokollet|justeras|utses att justera|utses justera|utsågs|justerare|justerande|ordförande|paragrafer|"
    r"justeringens (?:plats och tid|tid och plats)|underskrift(?:er)?)(?![\wåäö])\s*[.…]*\s*:?\s*(.*)$",
    re.I,
)
SIGNATURE_KEYS = ("sekreterare", "vid protokollet", "justerare", "justerande", "ordförande")
DOT_LEADER = re.compile(r"\.{2,}|…+|_{3,}")
PARAGRAPHS_FIELD = re.compile(r"^paragrafer\s*:?\s*(?:§§?\s*)?[\d\s,–-]*", re.I)
WITH_CHAIR = re.compile(r"jämte\s+(?:mötes)?ordförande(?:n|na)?\b", re.I)
PERSON = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?:\s+[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2}"
PEOPLE = rf"{PERSON}(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?(?:\s*(?:,|och)\s*{PERSON}(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?)*"
ABSENT_IN_TEXT = re.compile(rf"({PEOPLE})\s+(?:har\s+)?(?:anmält|anmälde)\s+förhinder")
CHAIR_IN_TEXT = re.compile(
    rf"(?:\b[Oo]rdförande(?:n)?\s+({PERSON})\s+(?:öppna|hälsa|förklara))|(?:öppnades\s+av\s+ordförande(?:n)?\s+({PERSON}))"
)
SERVES_IN_TEXT = re.compile(rf"\b([A-ZÅÄÖ][a-zåäö]+)\s+är\s+(\w+)\s+och\s+ersätter\s+({PERSON})(?!\s+som)")
# "Förvaltningschef Pia Bornevi informerar": the role of an attendee listed without one
ROLE_BEFORE_NAME = re.compile(rf"\b(?=[A-ZÅÄÖ])((?i:[\wåäö]*{att.ROLE_STEMS}))\s+({PERSON})\b")
IMMEDIATE = re.compile(r"omedelbar(?:t|a)?\s+juster", re.I)
IMMEDIATE_MARK = re.compile(r"§\s*(\d+)\s+omedelbart\s+justerad", re.I)
RESERVATION = re.compile(
    rf"(?:({PEOPLE})\s+reserverar\s+sig)|(?:reserv(?:erar\s+sig|ation)\s*(?:mot\s+beslutet)?\s*:?\s*({PEOPLE}))"
)
RECUSED = re.compile(rf"({PEOPLE})\s+(?:anmäler|anmälde|deltar\s+inte[^.]*?på\s+grund\s+av)\s+jäv|jäv\s*:\s*({PEOPLE})")
DECISION_HEADING = re.compile(r"^(?:[\wåäöÅÄÖ-]+s\s+)?(?:beslut|förslag\s+till\s+beslut)\s*:?$", re.I)
DECIDES_COLON = re.compile(r"\b(?:beslutar|beslutade|beslöt|föreslår[^:]{0,60}?besluta)\s*:", re.I)
DECISION_VERB = re.compile(
    r"\b(?:beslutar|beslutade|beslöt|besluta|godkänn(?:s|er|es|des)|godkände|fastställ(?:s|es|er|des|de)|noteras|"
    r"noterar|överlämnas|antas|antogs|valdes|utses|bordläggs|bordlades|återremitteras|förklarades|"
    r"(?:läggs|lades|läggas|lägga)\b[^.]{0,60}\btill\s+handlingarna)\b",
    re.I,
)
SUBHEADING_STOP = re.compile(
    r"^(?:_{3,}|-{3,}|bakgrund|yrkande[n]?|sammanfattning|ärendet|ärendebeskrivning|beslutsunderlag|underlag|"
    r"särskilt yttrande|yttranden|reservation|protokollsanteckning|propositionsordning|omröstning|jäv|"
    r"expedieras|skickas till|beredning|föredragande)\b",
    re.I,
)
BODY_CORE = (
    r"(?:fullmäktige|nämnd(?:en)?|styrelse(?:n)?|utskott(?:et)?|beredning(?:en)?|beredningsgrupp(?:en)?|"
    r"grupp(?:en)?|råd(?:et)?|delegation(?:en)?|kommitté(?:n)?|presidi(?:um|et|erna))"
)
BODY_NOUN = r"[\wåäö]*" + BODY_CORE
ORGANISATION = [
    re.compile(
        r"\b((?:Samordningsförbundet|Kommunförbundet|Kommunalförbundet|Regionförbundet|Landstinget(?:\s+[iI])?|"
        r"Region)\s+(?:[A-ZÅÄÖ][\wåäö-]+)(?:\s+(?:[iI]\s+)?[A-ZÅÄÖ][\wåäö-]+)*)"
    ),
    re.compile(r"\b((?:[A-ZÅÄÖ][\wåäö-]+\s+){1,3}(?:[Ss]amordningsförbund|[Kk]ommunförbund))\b"),
    re.compile(r"\b([A-ZÅÄÖ][\wåäö-]+(?:förbundet|regionen))\b"),
]
KOMMUN = re.compile(r"\b([A-ZÅÄÖ][\wåäö-]+\s+(?:kommun|stad|landsting))\b")
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


def parse_text(text):
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


def _has_numbered(result):
    return any(item["number"] for item in result["items"])


class _Document:
    def __init__(self, lines, warnings):
        self.lines = lines
        self.warnings = list(warnings)
        self.title_lines = []
        self.header_rest = []
        self.fields = {}
        self.people = []
        self.secretary = None
        self.titles = {}  # the title printed under a signing name ("Förbundssekreterare")
        self.justerare = []
        self.signed_justerare = []
        self.chair = None
        self.with_chair = False
        self.immediate_numbers = set()
        self.signed_on_paper = False
        self.items = []
        self.footnotes = []  # (line, the item it was found under)
        self.numbered = any(ITEM_PARAGRAPH.match(line) or ITEM_NUMBERED.match(line) for line in lines if line)

    # Walking the lines ----------------------------------------------------------------------------------------------

    def parse(self):
        index, count = 0, len(self.lines)
        current = None
        while index < count:
            line = self.lines[index]
            if not line:
                if current is not None:
                    current["lines"].append("")
                index += 1
                continue
            label = att.label_of(line, header=current is None)
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
                title, rest = _split_heading(title)
                current = {
                    "number": number,
                    "title": title,
                    "lines": [rest] if rest else [],
                    "paragraph": bool(ITEM_PARAGRAPH.match(line)),
                }
                self.items.append(current)
                continue
            if current is not None and is_footnote(line):
                self.footnotes.append((line, current))
            elif current is None:
                self._header_line(line)
            else:
                current["lines"].append(line)
            index += 1

    def _attendance_block(self, index, label):
        status, role, rest = label
        index += 1
        if rest and att.label_of(rest, header=True):
            rest = ""  # "Ledamöter Närvarande": two column headings of one table
        collected = [rest] if rest else []
        if not rest:
            while index < len(self.lines) and not self.lines[index]:
                index += 1
        while index < len(self.lines):
            line = self.lines[index]
            if not line:
                following = self._next_nonblank(index)
                if following is None or not self._continues_list(self.lines[following]):
                    break
                index = following
                continue
            if att.label_of(line, header=True) or ITEM_PARAGRAPH.match(line) or FIELD.match(line):
                break
            if ITEM_NUMBERED.match(line) or ITEM_RUN_ON.match(line) and len(line) > RUN_ON_LINE:
                break
            collected.append(line)
            index += 1
        for line in collected:
            line = strip_footnote_markers(line)
            if re.match(r"^X\b", line):
                continue  # a presence mark of a table column whose names came first
            grouped = re.match(r"^[^:()]{2,60}?\s*:\s*\S", line)
            if not grouped and line.count("/") != 2:
                found = att.parse_run_on(line, status=status, role=role)
            else:
                found = att.parse_line(line, status=status, role=role)
            self.people.extend(p for p in found if _plausible_name(p["name"]))
        return index

    def _continues_list(self, line):
        """After a blank line a list goes on with "(Kansli) …" or "Name, role …"; a heading or label ends it."""
        if att.label_of(line, header=True) or FIELD.match(line) or ITEM_PARAGRAPH.match(line):
            return False
        return line.startswith("(") or bool(re.match(PERSON + r"\s*(?:\([^)]{1,4}\)|,)", line))

    def _signature_block(self, index):
        line = self.lines[index]
        match = FIELD.match(line)
        if line.strip().lower().rstrip(".") == "justerat":
            self.signed_on_paper = True
            return index + 1
        if not match:
            return 0
        key, rest = re.sub(r"\s+", " ", match.group(1).lower()), match.group(2).strip()
        if key in ("datum", "sammanträdesdatum", "dag", "tid", "plats", "plats och tid", "lokal", "paragrafer"):
            if self.items:
                return 0  # "Tid:" inside an item's text is text
            if key == "plats och tid" or key == "plats":
                rest = self._people_in_place(rest)
            for name in ("plats", "tid") if key == "plats och tid" else ("datum" if key == "dag" else key,):
                self.fields.setdefault(name, rest)
            return index + 1
        if key.startswith("justeringens") or key.startswith("underskrift"):
            if self.items and not rest:
                return 0
            self.fields.setdefault("justering", rest)
            return index + 1
        rest = PARAGRAPHS_FIELD.sub("", DOT_LEADER.sub(" .. ", rest).strip(" .")).strip(" .")
        if key in ("ordförande", "justerare", "justerande") and rest and not _names_only(rest):
            return 0  # "Ordförande Hanna Roberts hälsar …" is text
        if key == "utsågs":
            rest = re.split(r"\s+att\s+", rest)[0]
            if not _names_only(rest):
                return 0
        if WITH_CHAIR.search(match.group(2)):
            self.with_chair = True
        names, index = self._names_after(index + 1, rest)
        names = [n for part in names for n in _split_names(part)]
        if key in ("sekreterare", "vid protokollet"):
            self.secretary = self.secretary or (names[0] if names else None)
        elif key == "ordförande":
            self.chair = self.chair or (names[0] if names else None)
        else:
            target = self.signed_justerare if key in ("justerare", "justerande") else self.justerare
            for name in names:
                if name not in target:
                    target.append(name)
        return index

    def _people_in_place(self, rest):
        """A flattened header can run the attendance list into "Plats och tid": take the people out."""
        if len(rest) < 120 or not att.is_run_on(rest):
            return rest
        people = [p for p in att.parse_run_on(rest, status="närvarande", role=None) if _plausible_name(p["name"])]
        if len(people) < 3:
            return rest
        self.people.extend(people)
        return rest[: rest.find(people[0]["name"])].strip(" ,")

    def _names_after(self, index, rest):
        """Names on the rest of the line, or on the following lines (role lines under a name are skipped)."""
        if rest:
            return [rest], index
        names: list[str] = []
        while index < len(self.lines):
            line = self.lines[index]
            if not line:
                index += 1
                continue
            if names and not DOT_LEADER.search(line) and att._is_role(line):
                self.titles.setdefault(names[-1].strip(), line.strip(" ,.;()"))
                index += 1
                continue  # "Ordförande" under the name it signs for
            if re.match(PERSON + r"\s+(?=[A-ZÅÄÖ])" + r"(?i:\w*" + att.ROLE_STEMS + r")$", line):
                break  # "Olivia Gustafsson Sekreterare": the next signature, with its role after the name
            if re.match(r"^paragrafer\b", line, re.I):
                line = PARAGRAPHS_FIELD.sub("", line).strip()  # "Paragrafer: 1-18 Åsa Sturk"
                if not line:
                    index += 1
                    continue
            if ITEM_PARAGRAPH.match(line) or ITEM_NUMBERED.match(line):
                break
            line = re.sub(r"\s*§.*$", "", DOT_LEADER.sub(" ", line)).strip(" .")  # "Kerstin Frimodig § 36 …"
            if FIELD.match(line) or line.lower().rstrip(".") == "justerat" or is_footnote(line):
                break
            if att._is_role(line) or att.normalise_role(line) != line.strip(" ,.;()"):
                if names:
                    self.titles.setdefault(names[-1].strip(), line.strip(" ,.;()"))
                index += 1
                continue  # "Ordförande", "2:e vice ordförande", "Förbundssekreterare" under a name
            if not att._is_name(line) or (len(line.split()) > 1 and not _plausible_name(line)):
                break
            names.append(line.strip())
            index += 1
        return names, index

    def _item_heading(self, index):
        line = self.lines[index]
        previous_blank = index == 0 or not self.lines[index - 1]
        match = ITEM_PARAGRAPH.match(line)
        if match:
            title = DNR.sub("", match.group(2).strip()).strip()
            if not title:
                following = self._next_nonblank(index + 1)
                if following is not None and len(self.lines[following]) < 160:
                    return match.group(1), self.lines[following], following + 1
            return match.group(1), title or f"§ {match.group(1)}", index + 1
        match = ITEM_DNR.match(line)
        if match:  # a page of a flattened protocol whose § number was lost: "Arbetsutskottet (Dnr 12/08) Titel …"
            return None, match.group(1), index + 1
        flattened = len(line) > RUN_ON_LINE or (index > 0 and len(self.lines[index - 1]) > RUN_ON_LINE)
        run_on = ITEM_RUN_ON.match(line) if flattened else None
        if run_on and self._continues_numbering(int(run_on.group(1)), index):
            return run_on.group(1), run_on.group(2), index + 1
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

    def _continues_numbering(self, number, index):
        """A flattened page's "17. Mötets öppnande …" is a point when it follows the last point or the next one
        follows it."""
        numbers = [int(item["number"]) for item in self.items if (item["number"] or "").isdigit()]
        if numbers and number == numbers[-1] + 1:
            return True
        return any(
            (m := ITEM_RUN_ON.match(later)) and int(m.group(1)) == number + 1
            for later in self.lines[index + 1 :]
            if later
        )

    def _looks_like_heading(self, index):
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

    def _next_nonblank(self, index):
        while index < len(self.lines):
            if self.lines[index]:
                return index
            index += 1
        return None

    def _header_line(self, line):
        if len(self.title_lines) < 2 and (not self.title_lines or self._continues_title(line)):
            self.title_lines.append(line)
        else:
            self.header_rest.append(line)

    def _continues_title(self, line):
        first = self.title_lines[0].lower()
        return first in ("protokoll", "minnesanteckningar", "minnesanteckning", "anteckningar") and len(line) < 140

    # The result ------------------------------------------------------------------------------------------------

    def result(self):
        title = " ".join(self.title_lines).strip()
        header_text = " ".join([title, *self.fields.values(), *self.header_rest])
        date = (
            find_date(self.fields.get("sammanträdesdatum", ""))
            or find_date(self.fields.get("datum", ""))
            or find_date(header_text)
        )
        start, end = find_times(self.fields.get("tid", "") or self.fields.get("datum", "") or header_text)
        if date is None:
            self.warnings.append("Inget mötesdatum hittades.")
        self._drop_agenda()
        self._place_footnotes()
        self._people_in_text()
        body = self._body(title)
        self._own_body = (body or "").split()[-1] if body else ""
        items = [self._item(item, date) for item in self.items]
        chair = self._chair()
        secretary = self.secretary or next(
            (p["name"] for p in self.people if re.search(r"sekreterare", p.get("role") or "", re.I)), None
        )
        for entry in self.people:
            if entry["name"] == secretary and entry.get("role") in (None, "ledamot"):
                entry["role"] = "sekreterare"
            if entry["name"] == chair and entry.get("role") in (None, "ledamot"):
                entry["role"] = "ordförande"
        adjusters = self._adjusters(items, chair)
        known = {p["name"] for p in self.people}
        for name in [chair, *adjusters]:
            if name and name not in known and _plausible_name(name):  # who chairs or justerar was there
                known.add(name)
                self.people.append(
                    {"name": name, "status": "närvarande", "role": "ordförande" if name == chair else None,
                     "organisation": None, "paragraphs": None}
                )  # fmt: skip
        # A short header line that gave the date ("Måndagen den 2 juni 2021 kl 13-15") is placed; others are kept.
        leftovers = [line for line in self.header_rest if not (len(line) < 60 and find_date(line))]
        if leftovers:
            if not items:
                items.append(
                    {"number": None, "title": "Inledning", "text": "", "decisions": [], "assignments": [],
                     "immediate": False, "recused": []}
                )  # fmt: skip
            items[0]["text"] = "\n".join(leftovers + ([items[0]["text"]] if items[0]["text"] else []))
            self.warnings.append("Text före första ärendet lades i det första ärendet: " + " / ".join(leftovers)[:200])
        kind = self._kind(" ".join([title, *self.header_rest[:5]]))
        if kind == "protokoll" and not secretary:
            self.warnings.append("Ingen sekreterare hittades.")
        return {
            "kind": kind,
            "title": title,
            "date": date.isoformat() if date else None,
            "start_time": start.strftime("%H:%M") if start else None,
            "end_time": end.strftime("%H:%M") if end else None,
            "place": self.fields.get("plats") or self.fields.get("lokal") or None,
            "organisation": self._organisation(title),
            "body": body,
            "attendance": self.people,
            "chair": chair,
            "secretary": secretary,
            "secretary_title": self.titles.get(secretary or "", ""),
            "adjusters": adjusters,  # the import schema's key (README), kept for its readers
            "signed_on_paper": self.signed_on_paper,
            "items": items,
            "next_meeting": self._next_meeting(items, date),
            "warnings": self.warnings,
        }

    def _drop_agenda(self):
        """Numbered lines before the first "§" of a protocol are its agenda, not its items: they are kept as text."""
        first = next((n for n, item in enumerate(self.items) if item["paragraph"]), 0)
        agenda = [item for item in self.items[:first] if not item["lines"] or len(item["lines"]) <= 2]
        if first and len(agenda) == first:
            self.header_rest.extend(f"{item['number'] or ''} {item['title']}".strip() for item in agenda)
            self.items = self.items[first:]

    def _place_footnotes(self):
        """A footnote goes to the item whose text carries its marker; failing that, where it was found."""
        for line, found_under in self.footnotes:
            marker = line.strip()[0]
            pattern = re.compile(rf"(?<=[\w\"”’)]){marker}")
            home = next(
                (item for item in self.items if any(pattern.search(text) for text in item["lines"])), found_under
            )
            home["lines"].extend(["", line])

    def _kind(self, title):
        lowered = title.lower()
        if "minnesanteckning" in lowered or "anteckningar" in lowered:
            return "minnesanteckningar"
        if "protokoll" in lowered or self.justerare or self.signed_justerare:
            return "protokoll"
        if any("protokoll" in line.lower() for line in self.lines if line):
            return "protokoll"  # a body that writes "föregående sammanträdesprotokoll" keeps protokoll
        return "protokoll" if any(line.startswith("§") for line in self.lines if line) else "minnesanteckningar"

    def _organisation(self, title):
        """The federation, municipality or association: in the title or header first, then in the document."""
        header = "\n".join([title, *self.header_rest, *self.fields.values()])
        # an attendee's own organisation ("personalrepresentant Kommunalarbetareförbundet") is not the meeting's
        own = {(p.get(key) or "").lower() for p in self.people for key in ("organisation", "role")} - {""}
        for text in (_readable_case(title), _readable_case(header)):
            for pattern in ORGANISATION:
                for match in pattern.finditer(text):
                    if match.group(1).lower() not in own:
                        return _organisation_name(match.group(1))
        crumbs = self._breadcrumbs()
        for crumb in crumbs:
            if KOMMUN.search(crumb) or any(p.search(crumb) for p in ORGANISATION):
                return crumb
        everything = _readable_case("\n".join(line for line in self.lines if line))
        counts: dict[str, int] = {}
        for match in KOMMUN.finditer(everything):
            name = match.group(1)
            if name.lower() not in own:
                counts[name] = counts.get(name, 0) + 1
        if counts:
            return max(counts, key=lambda name: counts[name])
        for pattern in ORGANISATION:
            for match in pattern.finditer(everything):
                if match.group(1).lower() not in own:
                    return _organisation_name(match.group(1))
        first = next((line for line in self.lines if line), "")
        if 0 < len(first.split()) <= 2 and not re.search(r"\d|protokoll|anteckning", first, re.I):
            return first.strip()  # a letterhead: "Delta"
        return None

    def _breadcrumbs(self):
        for line in self.lines[:12]:
            if line.count(" > ") >= 1:
                return [part.strip() for part in line.split(">")][1:]
            if line.count(" - ") >= 2:
                return [part.strip() for part in line.split(" - ")]
        return []

    def _body(self, title):
        """The body that met: from a breadcrumb, "VU-sammanträde", "möte med X", "Socialnämndens arbetsutskott",
        the subject of the decisions, or a body word in the title, header or text."""
        for crumb in self._breadcrumbs():
            if re.search(BODY_NOUN, crumb, re.I) and not KOMMUN.search(crumb) and "protokoll" not in crumb.lower():
                return crumb
        head = "\n".join([title, *self.header_rest])
        match = re.search(r"\b([A-ZÅÄÖ][\wÅÄÖåäö]{0,12})-sammanträde", head) or re.search(
            r"\b(?:[Mm]öte|[Ss]ammanträde)\s+med\s+((?:[a-zåäö]+s\s+)?" + BODY_NOUN + r")\b", head
        )
        if match:
            return match.group(1)
        lowered = title.lower()
        for word, name in BODY_WORDS:
            if word in lowered:
                return name
        everything = "\n".join(line for line in self.lines if line)
        match = re.search(r"\b([A-ZÅÄÖ][a-zåäö]+s\s+(?:arbetsutskott|utskott|presidium|beredning)\w*)", everything)
        if match:
            return match.group(1)
        subjects = re.findall(
            r"(?:^|[.:]\s+|\n)((?:[A-ZÅÄÖ][\wåäö]*-\s+och\s+[\wåäö]*|(?=[A-ZÅÄÖ])[\wåäö]*)(?i:" + BODY_CORE + r"))\s+"
            r"(?:beslutar|beslutade|beslöt|godkänner|godkände|noterar|föreslår|diskuterar|diskuterade|enades|"
            r"konstaterade|konstaterar|anser|informerades)",
            everything,
        )
        if subjects:  # the body that acts most in the text (a report of another body's decision is outnumbered)
            lowered = everything.lower()
            return max(sorted(set(subjects)), key=lambda s: (lowered.count(s.lower()), subjects.count(s)))
        for text in (_readable_case(head), everything):
            match = re.search(r"\b((?=[A-ZÅÄÖ])[\wåäö]*(?i:" + BODY_CORE + r"))\b", text)
            if match and match.group(1).lower() not in ("gruppen", "rådet"):
                return match.group(1)
        words = re.findall(r"\b([\wåäö]*" + BODY_CORE + r")\b", everything.lower())
        words = [w for w in words if w not in ("gruppen", "grupp", "rådet", "råd")]
        return max(sorted(set(words)), key=words.count).capitalize() if words else None

    def _chair(self):
        """The chair: the attendee marked ordförande, or the one who signs as ordförande, or who opened."""
        for entry in self.people:
            role = (entry.get("role") or "").lower()
            if "ordförande" in role and not re.search(r"vice|v\.|1:e|2:e|kommunstyrelsens|ålders", role):
                return entry["name"]
        if self.chair:
            return self.chair
        for line in self.lines:
            match = CHAIR_IN_TEXT.search(line)
            if match:
                return match.group(1) or match.group(2)
        return None

    def _adjusters(self, items, chair):
        """Who justerar: named by "Utses att justera" (a signature block's names only when none is), by the
        decision of a "Val av justerare" item, and the chair(s) when the text says "jämte ordföranden"."""
        names = list(self.justerare) or list(self.signed_justerare)
        known = [p["name"] for p in self.people]
        for item in items:
            if re.search(r"juster", item["title"], re.I):
                texts = [d["text"] for d in item["decisions"]] or [item["text"]]
                for text in texts:
                    for name in known:
                        if name in text and name not in names:
                            names.append(name)
                    match = re.match(rf"({PERSON})\s+valdes\b", text)
                    if match and match.group(1) not in names:
                        names.append(match.group(1))
                    if WITH_CHAIR.search(text):
                        self.with_chair = True
        if self.with_chair:
            chairs = [
                p["name"]
                for p in self.people
                if "ordförande" in (p.get("role") or "").lower() and not re.search(r"vice|v\.", p["role"].lower())
            ] or ([chair] if chair else [])
            names.extend(c for c in chairs if c not in names)
        # a signature line with two names run together ("Annette Tagesson Jan Emanuel Johansson") is dropped when
        # the names it joins are already there
        return [n for n in names if not any(other != n and other in n for other in names)]

    def _people_in_text(self):
        """Absences and substitutes said in running text: "A, B och C har anmält förhinder", "Stefan är
        suppleant och ersätter Erik Degerman"."""
        known = {p["name"] for p in self.people}
        for line in self.lines:
            for match in ABSENT_IN_TEXT.finditer(line):
                for name in _split_names(match.group(1)):
                    if name not in known and _plausible_name(name):
                        known.add(name)
                        self.people.append(
                            {"name": name, "status": "anmält förhinder", "role": None, "organisation": None,
                             "paragraphs": None}
                        )  # fmt: skip
            for match in SERVES_IN_TEXT.finditer(line):
                first, role, serves = match.groups()
                for entry in self.people:
                    if entry["name"].split()[0] == first:
                        entry["serving_for"] = serves
                        entry["role"] = entry["role"] or att.normalise_role(role)
                        break
            for match in ROLE_BEFORE_NAME.finditer(line):
                role, name = match.groups()
                for entry in self.people:
                    if entry["name"] == name and not entry.get("role"):
                        entry["role"] = role.lower()
            for match in IMMEDIATE_MARK.finditer(line):
                self.immediate_numbers.add(match.group(1))

    def _item(self, item, date):
        paragraphs = [strip_footnote_markers(p) for p in _paragraphs(item["lines"])]
        decisions, consumed = _decisions(paragraphs, self._own_body)
        assignments = []
        for decision in decisions:
            match = ASSIGNMENT.search(decision["text"])
            if match:
                assignments.append({"who": match.group(1).strip(), "what": match.group(2).strip().rstrip(".")})
        text_parts = [p for p in paragraphs if p not in consumed]
        flat = " ".join(paragraphs)
        recused = [n for m in RECUSED.finditer(flat) for n in _split_names(m.group(1) or m.group(2))]
        return {
            "number": item["number"],
            "title": strip_footnote_markers(item["title"]),
            "text": "\n\n".join(text_parts),
            "decisions": decisions,
            "assignments": assignments,
            "immediate": bool(IMMEDIATE.search(flat)) or item["number"] in self.immediate_numbers,
            "recused": list(dict.fromkeys(recused)),
        }

    def _next_meeting(self, items, date):
        for item in items:
            if NEXT_MEETING.match(item["title"]):
                text = item["text"] or item["title"]
                return {"date": _iso(find_date(text, after=date)), "text": text}
        for line in self.lines:
            if NEXT_MEETING.match(line):
                return {"date": _iso(find_date(line, after=date)), "text": line}
        return None


def _iso(day):
    return day.isoformat() if day else None


def _paragraphs(lines):
    paragraphs, current = [], []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _outcome(text):
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


def _votes(text):
    counts = {"ja": 0, "nej": 0, "avstår": 0}
    found = False
    for number, choice in VOTE_COUNT.findall(text):
        counts[choice.lower()] = int(number)
        found = True
    abstain = ABSTAIN.search(text)
    if abstain:
        counts["avstår"] = int(abstain.group(1))
        found = True
    return counts if found else None


def _decisions(paragraphs, body_word=""):
    """(decisions, the paragraphs that are only decision text). A decision is the text under a "Beslut" heading
    (up to the next subheading), a "Beslut: …" line, "X beslutar:" with the "att …"/"- …" list after it; failing
    those, the first sentence of a paragraph that decides ("Dagordningen godkändes.", "Styrelsen beslutar att …")
    with the long sentences after it."""
    found, consumed = [], set()
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        flat = " ".join(paragraph.split())
        if DECISION_HEADING.match(flat):
            body = []
            index += 1
            while index < len(paragraphs) and not _subheading(paragraphs[index]):
                body.append(paragraphs[index])
                index += 1
            if body:
                found.append(_decision_of("\n".join(body)))
                consumed.update([paragraph, *body])
            continue
        label = re.search(r"(?:^|\s)(?:beslut|förslag till beslut som antogs)\s*:\s*(.+)", flat, re.I | re.S)
        colon = DECIDES_COLON.search(paragraph)
        index += 1
        if label:
            found.append(_decision_of(label.group(1).strip()))
            if flat.lower().startswith("beslut"):
                consumed.add(paragraph)
        elif colon:
            start = paragraph.rfind("\n", 0, colon.start()) + 1
            lines = [paragraph[start:].strip()]
            while index < len(paragraphs) and re.match(r"^(?:-|•|att\b)", paragraphs[index].strip()):
                lines.append(paragraphs[index].strip())
                index += 1
            found.append(_decision_of("\n".join(lines)))
        elif _votes(flat) is not None:
            found.append(_decision_of(flat))  # "7 röstade ja, 4 röstade nej": the vote, under its own heading
    if found:
        return found, consumed
    for paragraph in paragraphs:
        if _votes(" ".join(paragraph.split())) is not None:
            found.append(_decision_of(" ".join(paragraph.split())))
            continue
        sentences = re.split(r"(?<=[.!?])\s+", " ".join(paragraph.split()))
        for position, sentence in enumerate(sentences):
            if _decides(sentence, body_word):
                text = sentence
                for later in sentences[position + 1 :]:
                    if len(later.split()) < 8:
                        break
                    text += " " + later
                found.append(_decision_of(text))
                break
    return found, consumed


def _decides(sentence, body_word):
    """A sentence that records this meeting's decision; "Styrelsen beslutade …" in a working group's minutes
    reports another body's decision."""
    verb = DECISION_VERB.search(sentence)
    if not verb or re.match(r"(?:om|när|då|eftersom|på)\b", sentence, re.I):
        return False
    if not re.match(r"besl", verb.group(0), re.I):
        return True
    subject = sentence[: verb.start()].split()
    decider = (subject[-1] if subject else "").lower()
    own = decider in GENERIC_DECIDERS or (body_word and decider.startswith(body_word[:6].lower()))
    return bool(own or len(subject) > 1 and re.search(r"\b(?:och|omsorgs)", " ".join(subject[-3:])))


def _subheading(paragraph):
    line = paragraph.strip()
    if SUBHEADING_STOP.match(line):
        return True
    return (
        "\n" not in line
        and len(line) <= 40
        and not re.search(r"[.,:;]$", line)
        and not re.match(r"^(?:-|•|att\b)", line)
    )


def _decision_of(text):
    text = text.strip()
    votes = _votes(text)
    outcome = _outcome(text)
    if votes is not None and outcome is None:
        outcome = "avslag" if votes["nej"] > votes["ja"] else "bifall"
    reservations = [n for m in RESERVATION.finditer(text) for n in _split_names(m.group(1) or m.group(2))]
    return {
        "text": text,
        "outcome": outcome,
        "method": _method(text, votes),
        "votes": votes,
        "named_votes": _named_votes(text),
        "reservations": list(dict.fromkeys(reservations)),
    }


def _method(text, votes):
    lowered = text.lower()
    if "sluten omröstning" in lowered or "sluten votering" in lowered:
        return "sluten omröstning"
    if "omröstning" in lowered or "votering" in lowered or "namnupprop" in lowered or votes is not None:
        return "omröstning"
    if "acklamation" in lowered:
        return "acklamation"
    return None


def _named_votes(text):
    """A namnupprop: "Ja-röst: A, B. Nej-röst: C." → {"A": "ja", …}."""
    named = {}
    for choice, key in (("ja", "ja"), ("nej", "nej"), ("avst(?:år|od)", "avstår")):
        match = re.search(rf"\b{choice}(?:-röst(?:er)?)?\s*:\s*([^.:]+)", text, re.I)
        if match:
            for name in _split_names(match.group(1)):
                named[name] = key
    return named or None


def _split_heading(title):
    """A heading taken from a flattened line ends where the first sentence begins: "Dagordning Ordförande
    hälsar …" → ("Dagordning", "Ordförande hälsar …")."""
    title = DNR.sub("", title).strip()
    if len(title) <= 90 and not (title.endswith(".") and len(title.split()) > 4):
        return title, ""
    words = title.split()
    for position, word in enumerate(words[1:], start=1):
        previous = words[position - 1]
        if previous.endswith((".", ":")) and position > 1:
            return " ".join(words[:position]).rstrip(".:"), " ".join(words[position:])
        too_short = position == 1 and len(words[0]) <= 4  # "Info Bemanning kansliet": one short word is no heading
        if re.match(r"^[A-ZÅÄÖ][a-zåäö]", word) and not previous.endswith(("-", ",")) and not too_short:
            return " ".join(words[:position]), " ".join(words[position:])
    return " ".join(words[:12]), " ".join(words[12:])


def _organisation_name(text):
    """ "Organ Norra Västmanlands Samordningsförbund" → without the label; "Kommunförbundet Norrbotten
    Sammanträdesprotokoll Styrelsen" → up to the words that are the document's kind or its body."""
    text = re.sub(r"^(?:Organ|Nämnd|Beslutsinstans)\s+", "", text.strip())
    words = text.split()
    for position, word in enumerate(words[1:], start=1):
        if re.search(r"protokoll|anteckning|^sida$", word, re.I) or re.fullmatch(BODY_NOUN, word, re.I):
            return " ".join(words[:position])
    return text


def _names_only(text):
    text = re.sub(r"\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)", "", DOT_LEADER.sub(" ", text)).strip(" .")
    return bool(text) and all(_plausible_name(n) for n in _split_names(text))


def _split_names(text):
    text = re.sub(r"\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)", "", text or "")
    parts = re.split(r"\s+och\s+|,\s*|\s*\.{2,}\s*|\s+\.\.\s+", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _plausible_name(name):
    """Two to five words, at least two of them capitalised, no digits: "Kjell Sjun demark" (a broken word) is a
    name, "Enligt förteckning" is not."""
    words = (name or "").split()
    capitalised = [w for w in words if re.match(r"^[A-ZÅÄÖÉÜ][\wåäöéü'’-]*$", w) and (len(w) <= 14 or "-" in w)]
    return 2 <= len(words) <= 5 and len(capitalised) >= 2 and words[0] in capitalised and not re.search(r"\d", name)


def _readable_case(text):
    """ "KOMMUNFÖRBUNDET NORRBOTTEN" → "Kommunförbundet Norrbotten" (capitals-only words of a letterhead)."""
    return re.sub(r"\b[A-ZÅÄÖ]{4,}\b", lambda m: m.group(0).capitalize(), text)
