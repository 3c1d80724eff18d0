"""Who was there: the attendance lists under their labels ("Närvarande ledamöter", "Ersättare"), people said in
running text (absences, who serves for whom, a role before a name); the officers are in officers.py."""

import re

from meetings.importing import attendance as att
from meetings.importing import run_on
from meetings.importing.cleanup import strip_footnote_markers
from meetings.importing.columns import TITLE_STEMS, give_titles, title_column
from meetings.importing.lexicon import ROLE, SUBSTITUTES, is_given_name, is_organisation
from meetings.importing.schema import Attendee
from meetings.importing.segments import describe, is_title_phrase, segment_people

from .document import Document
from .patterns import (
    FIELD,
    ITEM_NUMBERED,
    ITEM_PARAGRAPH,
    ITEM_RUN_ON,
    PEOPLE,
    PERSON,
    RUN_ON_LINE,
    plausible_name,
    split_names,
)
from .stacked import party_run, place_then_people

# A group's label inside a list, in parentheses or before a colon: the role of the names after it
GROUP_ROLES = {
    "ledamöter": "ledamot",
    "ersättare": "ersättare",
    "tjänstgörande ersättare": "tjänstgörande ersättare",
    "suppleanter": "suppleant",
}
_GROUP = r"(?:Tjänstgörande\s+ersättare|Ledamöter|Ersättare|Suppleanter)"
GROUP_LABEL = re.compile(rf"(?:(?:^|(?<=\)\s))\(\s*(?P<paren>{_GROUP})\s*\)|\b(?P<colon>{_GROUP})\s*:)(?=\s*[A-ZÅÄÖ])")
PAGE_HEADING = re.compile(r"^[A-ZÅÄÖ ]{6,}$")
EMPTY_FIELD = re.compile(rf"^(?:Sammanträdesdatum|Datum)\s+(?={PERSON})")
ABSENT_IN_TEXT = re.compile(rf"({PEOPLE})\s+(?:har\s+)?(?:anmält|anmälde)\s+förhinder")
# "samtliga ordinarie ledamöter närvarande förutom Harald Bergström och Tryggve Svensson", "Daniel Ådin (S) var
# frånvarande": absent though a roll of all members may list them
ABSENT_SAID = re.compile(
    rf"\bnärvarande\s+(?:förutom|utom|med\s+undantag\s+(?:av|för))\s+({PEOPLE})"
    # not "var frånvarande under ärendet", "… vid § 12", "… från kl 15": absent for a part of the meeting
    rf"|({PEOPLE})\s+(?:var|är)\s+(?:frånvarande|ej\s+närvarande|inte\s+närvarande)\b"
    r"(?!\s+(?:under|vid|från|fr\.?\s*o\.?\s*m|efter|före|i|§|kl|t\.?\s*o\.?\s*m|till|när|då|medan)\b)"
)
# "Vid kommunfullmäktiges behandling av ärendet yttrar sig Martin Nilsson (S), Jerry Svensson (S) …"
SPEAKERS_IN_TEXT = re.compile(rf"\b(?:yttrar|yttrade)\s+sig:?\s+({PEOPLE})")
SERVES_IN_TEXT = re.compile(rf"\b([A-ZÅÄÖ][a-zåäö]+)\s+är\s+(\w+)\s+och\s+ersätter\s+({PERSON})(?!\s+som)")
# "Jessica Linde som vid dagens möte ersätter Helen Hägglund", "Britta Rydberg PRO ersätter Hasse Johansson"
NAMED_SERVES = re.compile(
    rf"({PERSON})\s+(?:\(?[A-ZÅÄÖ]{{1,4}}\)?\s+)?(?:som\s+(?:[a-zåäö]+\s+){{0,4}})?"
    rf"(?:ersätter|tjänstgör\s+för|tjänstgjorde\s+för)\s+({PERSON})(?![\wåäö-])(?!(?:\s+[A-ZÅÄÖ]\S*)?\s+som\b)"
)  # not "Monica Forsell ersätter Myrna Bilger som sekreterare": she stands in as the secretary, for no member
# "Förvaltningschef Pia Bornevi informerar": the role of an attendee listed without one
ROLE_BEFORE_NAME = re.compile(rf"\b(?=[A-ZÅÄÖ])((?i:[\wåäö]*{TITLE_STEMS}))\s+({PERSON})\b")


def attendance_block(doc: Document, index: int, label: tuple[str, str | None, str]) -> int:
    """Read the list under an attendance label at `index`; the index after it."""
    status, role, rest = label
    index += 1
    inner = att.label_of(rest, header=True) if rest else None
    if inner and not GROUP_LABEL.match(rest):
        parted = party_run(inner[2]) if (status, role) != inner[:2] else None
        if parted:  # "Ersättare Tjänstemän A (s) B (m) C omsorgschef, …": two columns' labels, then each its names
            _read_attendance_line(doc, parted[0], status, role)
            status, role, rest = inner[0], inner[1], parted[1]
        elif inner[2]:  # "Deltagarlista Beslutande Lars Larsson (M), …": the list's heading, then a label and its names
            status, role, rest = inner
        else:
            rest = ""  # "Ledamöter Närvarande": two column headings of one table
    rest = _without_place_and_time(doc, rest)
    collected = [rest] if rest else []
    roles = [role] if rest else []  # each collected line's role: a group's heading gives its own
    group = role
    if not rest:
        # a label at a page's foot: its list goes on after the next page's running header ("SAMMANTRÄDESPROTOKOLL",
        # an empty "Sammanträdesdatum" before the first name)
        while index < len(doc.lines) and (not doc.lines[index] or PAGE_HEADING.match(doc.lines[index])):
            index += 1
        if index < len(doc.lines):
            doc.lines[index] = EMPTY_FIELD.sub("", doc.lines[index])
    while index < len(doc.lines):
        line = doc.lines[index]
        if not line:
            following = doc.next_nonblank(index)
            if following is None or not (_continues_list(doc.lines[following]) or _group_over(doc, following)):
                break
            index = following
            continue
        if _group_over(doc, index):
            # "Företrädare för de studerande", "Rektor": a group's heading over its names, no person ("Ledamöterna",
            # "Suppleanterna": the role of each name under it)
            group = att.group_role(line) or role
            index += 1
            continue
        ends = att.label_of(line, header=True) or ITEM_PARAGRAPH.match(line) or FIELD.match(line)
        # "Ledamöter Jannike Hillding, M," then "Ordförande Astrid Lönn Jern, C, 1:e vice ordförande …": the row
        # before goes on with its role, which the line break put first
        goes_on = bool(collected) and collected[-1].rstrip().endswith(",") and bool(ROLE.match(line.split()[0]))
        if ends and not _row_with_role(line) and not goes_on:
            break
        if goes_on:
            collected[-1] = f"{collected[-1]} {line}"
            index += 1
            continue
        run_on = ITEM_RUN_ON.match(line)
        if ITEM_NUMBERED.match(line) or run_on and (len(line) > RUN_ON_LINE or not is_given_name(run_on[2].split()[0])):
            break  # "54 Godkännande av dagordning …": an item's heading, not a numbered row ("3 Eva Lind (S)")
        collected.append(line)
        roles.append(group)
        index += 1
    table = " ".join(collected)
    segmented = segment_people(table) if not re.search(r"[,()]", table) and not GROUP_LABEL.search(table) else []
    if len(collected) > 1 and len(segmented) >= 2:
        # a table's rows flattened, the role of one row at the start of the next ("Erik Berg S 1 / Ordförande …")
        _add_cut(doc, _read_segments(segmented, status, role))
        return index
    for line, line_role in zip(collected, roles, strict=True):
        _read_attendance_line(doc, strip_footnote_markers(line), status, line_role)
    return index


def _without_place_and_time(doc: Document, rest: str) -> str:
    """ "Beslutande: Net City, Örebro Torsdag den 1 juni :00 12:00 Mårten Blomquist (s), ordförande …": the value of
    an empty "Plats och tid" before it, run into the list, goes to the place (when none was read)."""
    place, people = place_then_people(rest, before_party_only=True)
    if place:
        doc.fields.setdefault("plats", place)
    return people


def _row_with_role(line: str) -> bool:
    """ "Ordförande Anders Ågren M 1 Hans Lindberg S 1": a table's rows, whose first role word ended the row
    before, not the chair's signature."""
    first, _space, rest = line.partition(" ")
    return bool(ROLE.match(first)) and len(segment_people(rest)) >= 2 and not re.search(r"[,()]", rest)


def _read_attendance_line(doc: Document, line: str, status: str, role: str | None) -> None:
    groups = list(GROUP_LABEL.finditer(line))
    if groups:
        # "(Ledamöter) A, B (Ersättare) C", "Ledamöter: A, B Ersättare: C": each group's names take its role
        if line[: groups[0].start()].strip(" ,;"):
            _read_group(doc, line[: groups[0].start()].strip(" ,;"), status, role)
        for group, following in zip(groups, [*groups[1:], None], strict=True):
            names = line[group.end() : following.start() if following else len(line)].strip(" ,;")
            if names:
                _read_group(
                    doc, names, status, GROUP_ROLES[re.sub(r"\s+", " ", (group["paren"] or group["colon"]).lower())]
                )
        return
    _read_group(doc, line, status, role)


def _read_group(doc: Document, line: str, status: str, role: str | None) -> None:
    if re.match(r"^X\b", line):
        return  # a presence mark of a table column whose names came first
    names, titles = title_column(line)
    if titles:  # "Mona Boström Rune Lejon landstingsdirektör personaldirektör": the names, then their titles
        before = len(doc.people)
        _read_group(doc, names, status, role)
        give_titles(doc.people[before:], titles, att.normalise_role)
        return
    grouped = re.match(r"^[^:()]{2,60}?\s*:(?![ea]\b)\s*\S", line)  # "Group: A, B"; not "1:e vice ordförande"
    segmented = segment_people(line) if not re.search(r"[,()]", line) else []
    if segmented and _title_opens(line, segmented[0][0]):
        segmented = []  # "Kommunchef Ingemar Karlsson Kommunsekreterare Astrid Edström": each title before its name
    if len(segmented) >= 2:
        _add_cut(doc, _read_segments(segmented, status, role))
        return
    # "Name / role / organisation": two slashes part a row's cells; "GIS-/kartingenjör", "handläggare/-inspektör"
    # (a word's part left out) part none
    if not grouped and len(re.findall(r"(?<!-)/(?!-)", line)) != 2:
        found = [p for p in run_on.parse_run_on(line, status=status, role=role) if plausible_name(p["name"])]
        if run_on.is_run_on(line):
            _add_cut(doc, found)  # cut where the names seemed to start, not at commas
            return
    else:
        found = att.parse_line(line, status=status, role=role)
    doc.people.extend(p for p in found if plausible_name(p["name"]))


def _title_opens(line: str, first_name: str) -> bool:
    head = line[: line.find(first_name)].split()
    return bool(head) and head[0][:1].isupper() and is_title_phrase(head)


def _add_cut(doc: Document, people: list[Attendee]) -> None:
    doc.people.extend(people)
    doc.cut_from_run_on.extend(people)


SERVES_FOR = re.compile(r"^(?:för|ersätter|(?:tjg|tjänstgör|ersättare|ers\.?)\s+för)$", re.I)


def _read_segments(segmented: list[tuple[str, list[str]]], status: str, role: str | None) -> list[Attendee]:
    """The people of a list cut by the language; "Jan-Olof Andersson för Kurt Edlund": the one after "för" is the
    member the one before serves for, no attendee of their own."""
    people: list[Attendee] = []
    serving = False
    for name, after in segmented:
        if serving and people:
            _serves(people[-1], name)
        else:
            people.append(_segmented(name, after, status, role))
        words = " ".join(after).strip(" ,").split()
        named = next((n for n in (1, 2) if SERVES_FOR.match(" ".join(words[:n]))), 0) if words else 0
        serving = bool(named) and named == len(words) and not serving  # the member served: the next name cut
        if named and len(words) - named >= 2 and all(w[:1].isupper() for w in words[named:]):
            _serves(people[-1], " ".join(words[named:]))  # "för MonaLisa Norrman": a given name the lists lack
    return people


def _serves(entry: Attendee, member: str) -> None:
    entry["serving_for"] = member
    if entry["role"] in (None, "ledamot"):
        entry["role"] = "tjänstgörande ersättare"


def _segmented(name: str, after: list[str], status: str, role: str | None) -> Attendee:
    said = describe(after)
    entry: Attendee = {
        "name": name,
        "status": said["status"] or status,
        "role": said["role"] or role,
        "organisation": said["organisation"],
        "paragraphs": None,
    }
    if said["party"]:
        entry["party"] = said["party"]
    return entry


def _group_over(doc: Document, index: int) -> bool:
    """A short line with no name over a line that is one ("Företrädare för allmänna intressen", blank, "Marie
    Sällström, ledamot"): a group's heading inside a list written a name a line."""
    line = doc.lines[index].strip()
    following = doc.next_nonblank(index + 1)
    if not line or following is None or len(line.split()) > 6 or re.search(r"[\d,.:;()]", line):
        return False
    if re.match(PERSON + r"\s*$", line) and not ROLE.match(line):
        return False  # a name alone is a person
    field = FIELD.match(line)
    if field and field.group(1).lower() not in ("ordförande", "sekreterare"):
        return False  # "Justerare" over "Anette Asplund (KD)": the next field, its value on the line below
    # ("Ledamöterna" over "Ann Mari Engel (v)", "Personalrepresentanten" over "Curt Öhrström": a name with its party,
    # or alone)
    alone = att.group_role(line) is not None  # a role's definite form heads a name alone
    named = re.match(PERSON + r"\s*(?:,|\([^)]{1,4}\)\s*$" + ("|$)" if alone else ")"), doc.lines[following])
    return bool(named) and not att.label_of(line, header=True)


TITLED_PERSON = re.compile(
    r"^(?:(?:[Vv]ice|[12]:[ea]\s+vice)\s+)?(?i:ordförande[n]?)\s+" + PERSON + r"\s*\([^)]{1,4}\)\s*$"
)


def _continues_list(line: str) -> bool:
    """After a blank line a list goes on with "(Kansli) …" or "Name, role …"; a heading or label ends it."""
    if att.label_of(line, header=True) or FIELD.match(line) or ITEM_PARAGRAPH.match(line):
        return False
    if line.startswith("(") or re.match(PERSON + r"\s*(?:\([^)]{1,4}\)|,)", line):
        return True
    if TITLED_PERSON.match(line):
        return True  # "Vice ordföranden Teres Lindberg (s)": a title, then a name and its party
    if re.fullmatch(PERSON, line.strip()) and is_given_name(line.split()[0]):
        return True  # "Roland Setterberg": a web page's list, a name a line, blank lines between
    # "Evy Annér Lennart Beijer Monica Bengtsson": a row of names the lists know, from the line's start
    people = segment_people(line)
    return len(people) >= 2 and line.startswith(people[0][0])


def people_in_place(doc: Document, rest: str) -> str:
    """A flattened header can run the attendance list into "Plats och tid": take the people out."""
    if len(rest) < 120 or not run_on.is_run_on(rest):
        return rest
    people = [p for p in run_on.parse_run_on(rest, status="närvarande", role=None) if plausible_name(p["name"])]
    if len(people) < 3:
        return rest
    _add_cut(doc, people)
    return rest[: rest.find(people[0]["name"])].strip(" ,")


def lead_words(doc: Document) -> None:
    """A flattened list runs the words before a name into it ("Göteborg Rune Hjälm", "Linneryd Marie-Louise
    Hilmersson"): a name starts at its given name. The words left over are the previous attendee's organisation
    when they name one (a municipality, a region, an agency) and that attendee has none."""
    previous: Attendee | None = None
    group: str | None = None  # "Göteborg Ingrid Andreae (S) Tord Karlsson (S) Mölndal Ove Dröscher (S)": the list
    for entry in doc.people:  # opens with an organisation, so each one heads the names after it
        words = entry["name"].split()
        start = next((i for i, word in enumerate(words) if is_given_name(word)), 0)
        if start == 0:  # "Tjörn Margita Björklund": a given name the lexicon lacks, after a municipality
            start = next(
                (size for size in (2, 1) if len(words) - size >= 2 and is_organisation(" ".join(words[:size]))), 0
            )
        if 0 < start <= len(words) - 2 and not any(is_given_name(word) for word in words[:start]):
            lead = " ".join(words[:start])
            entry["name"] = " ".join(words[start:])
            if is_organisation(lead) and (group is not None or previous is None):
                group = lead
            elif previous is not None and is_organisation(lead) and not previous.get("organisation"):
                previous["organisation"] = lead
        if group is not None and not entry.get("party"):
            group = None  # the delegations' members have parties: an entry without one ends them (staff, guests)
        if group is not None and not entry.get("organisation"):
            entry["organisation"] = group
        previous = entry


def merge_repeated(doc: Document) -> None:
    """A person listed twice (a serving substitute among the members, then again among the substitutes) is one
    attendee: the first entry, with what the later ones add."""
    first: dict[str, Attendee] = {}
    kept: list[Attendee] = []
    for entry in doc.people:
        earlier = first.get(entry["name"])
        if earlier is None:
            first[entry["name"]] = entry
            kept.append(entry)
            continue
        for key, value in entry.items():
            if value and not earlier.get(key):
                earlier[key] = value  # type: ignore[literal-required]
    doc.people = kept


def _absent(name: str) -> Attendee:
    return {"name": name, "status": "anmält förhinder", "role": None, "organisation": None, "paragraphs": None}


# a fullmäktige's roll call in prose: "Närvarande vid uppropet: ordföranden … samt övriga ledamöter utom A, B och C.",
# "Som ersättare för de frånvarande ledamöterna inträder: D för A, E för B …"
ROLL_CALL_EXCEPT = re.compile(r"\bövriga\s+ledamöter(?:na)?\s+utom\s+([^.]+)")
ROLL_CALL_SUBSTITUTES = re.compile(r"\binträder\s*:?\s+([^.]+)")


def roll_call(doc: Document) -> None:
    """No list read anyone: the roll call said in prose names who was not there and who served for whom."""
    if doc.people:
        return
    text = re.sub(r"(?<=\w)-\s+(?=[A-ZÅÄÖ])", "-", " ".join(line for line in doc.lines if line))  # "John- Jacob"
    absent = [n for m in ROLL_CALL_EXCEPT.finditer(text) for n in split_names(m[1]) if plausible_name(n)]
    doc.people.extend(_absent(name) for name in dict.fromkeys(absent))
    for served in ROLL_CALL_SUBSTITUTES.finditer(text):
        for pair in split_names(served[1]):
            who, _, member = pair.partition(" för ")
            if member and plausible_name(who.strip()) and plausible_name(member.strip()):
                entry: Attendee = {
                    "name": who.strip(),
                    "status": "närvarande",
                    "role": "ersättare",
                    "organisation": None,
                    "paragraphs": None,
                    "serving_for": member.strip(),
                }
                doc.people.append(entry)


def people_in_text(doc: Document) -> None:
    """Absences and substitutes said in running text: "A, B och C har anmält förhinder", "Stefan är
    suppleant och ersätter Erik Degerman"."""
    roll_call(doc)
    known = {p["name"] for p in doc.people}
    if not known:  # no list says who was there: who spoke in the debate was
        for match in SPEAKERS_IN_TEXT.finditer(" ".join(line for line in doc.lines if line)):
            for name in split_names(match.group(1)):
                if name not in known and plausible_name(name):
                    known.add(name)
                    doc.people.append(
                        {"name": name, "status": "närvarande", "role": None, "organisation": None, "paragraphs": None}
                    )
    for line in doc.lines:
        for match in ABSENT_IN_TEXT.finditer(line):
            for name in split_names(match.group(1)):
                if name not in known and plausible_name(name):
                    known.add(name)
                    doc.people.append(_absent(name))
        for match in ABSENT_SAID.finditer(line):
            for name in split_names(match.group(1) or match.group(2)):
                listed = next((entry for entry in doc.people if entry["name"] == name), None)
                if listed is not None and listed["status"] == "närvarande":
                    listed["status"] = "frånvarande"
                elif listed is None and plausible_name(name):
                    known.add(name)
                    doc.people.append(_absent(name))
        for match in SERVES_IN_TEXT.finditer(line):
            first, role, serves = match.groups()
            for entry in doc.people:
                if entry["name"].split()[0] == first:
                    entry["serving_for"] = serves
                    entry["role"] = entry["role"] or att.normalise_role(role)
                    break
        for match in NAMED_SERVES.finditer(line):
            for entry in doc.people:
                if entry["name"] == match.group(1) and not entry.get("serving_for") and match.group(2) != entry["name"]:
                    entry["serving_for"] = match.group(2)
                    if entry["role"] in (None, "ledamot", *SUBSTITUTES):
                        entry["role"] = "tjänstgörande ersättare"
        for match in ROLE_BEFORE_NAME.finditer(line):
            role, name = match.groups()
            for entry in doc.people:
                if entry["name"] == name and not entry.get("role"):
                    entry["role"] = role.lower()
                    doc.roles_from_text.append(entry)


# "TORSBY KOMMUN sid 2 Ann-Katrin Järåsen (S) …": the letterhead and the number of the page a list goes on on
PAGE_LEAD = re.compile(
    r"^(?:[A-ZÅÄÖ]{2,}(?:\s+[A-ZÅÄÖ]{2,}){0,3}\s+)?(?i:sid|sida|s\.)\s*\d{1,3}(?:\s*\(\d{1,3}\))?\s+(?=[A-ZÅÄÖ])"
)
PARTY = re.compile(r"\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)")
OTHERS_LABEL = re.compile(r"\s+(?i:övriga\s+(?:deltagare|deltagande|närvarande))\s+")


def list_on_next_page(doc: Document, index: int) -> int:
    """ "Övriga ledamöter redovisas på sidan 2", and the next page opens with its letterhead and the names ("TORSBY
    KOMMUN sid 2 Ann-Katrin Järåsen (S) Åke Gustavsson (S) …", on lines of their own after it): the list read on,
    an "övriga deltagare" run into it opening the officials'. The index after it; 0 where the line is no such page."""
    lead = PAGE_LEAD.match(doc.lines[index])
    rows = [doc.lines[index][lead.end() :]] if lead else []
    while rows and index + len(rows) < len(doc.lines) and _names_with_parties(doc.lines[index + len(rows)]):
        rows.append(doc.lines[index + len(rows)])
    if not rows or not _names_with_parties(rows[0]):
        return 0
    members, *others = OTHERS_LABEL.split(" ".join(rows))
    _read_attendance_line(doc, members, "närvarande", None)
    for officials in others:
        _read_attendance_line(doc, officials, "närvarande", None)
    return index + len(rows)


def _names_with_parties(line: str) -> bool:
    return bool(re.match(PERSON + r"\s*\(", line)) and len(PARTY.findall(line)) >= 3
