"""A header table flattened column by column: its labels first, a line each and empty, then all their values run
together after the last label ("Plats och tid / Beslutande / Övriga deltagare / Utses att justera / Justeringens
plats och tid Bällstarummet … 25 mars 2004 kl Sten-Åke Adlivankin (m), ordförande … Kommundirektör Kjell Johansson
…"). The values are given back to the labels they belong to: the place and time before the first person to the
place's label, the people to the first attendance label, so that the walk reads each as it would the table. The
cuts of such a run of values (the place and time before the people, the members with party marks before the others)
serve the attendance lists too (people.py)."""

import re

from meetings.importing import attendance as att
from meetings.importing.segments import segment_people

from .patterns import FIELD, TIME_OR_DATE

FOR_MEETING = re.compile(r"\s+för\s+sammanträdet\s*$", re.I)  # "Plats och tid för sammanträdet"
PARTY_IN_BRACKETS = re.compile(rf"\((?:{att.PARTIES})\)", re.I)
PLACE_LABELS = ("plats och tid", "tid och plats", "plats", "tid")


def _empty_label(line: str) -> str | None:
    """ "attendance" or the field's name for a label alone on its line; None for anything else."""
    label = att.label_of(line, header=True)
    if label is not None:
        return "attendance" if not label[2] else None
    field = FIELD.match(FOR_MEETING.sub("", line))
    if field and not field.group(2).strip(" .:…"):
        return re.sub(r"\s+", " ", field.group(1).lower())
    return None


def _value(line: str) -> tuple[str, str] | None:
    """(the label, its value) of a label line with a value."""
    label = att.label_of(line, header=True)
    if label is not None and label[2]:
        return line[: len(line) - len(label[2])].strip(), label[2]
    field = FIELD.match(line)
    if field and field.group(2).strip():
        return line[: field.start(2)].strip(), field.group(2).strip()
    return None


def _has_people(text: str) -> bool:
    return len(PARTY_IN_BRACKETS.findall(text)) >= 2 or len(segment_people(text)) >= 3


def unstack(lines: list[str]) -> list[str]:
    """The lines with a header table's values given back to their labels; unchanged where no table was flattened
    so (a run of two empty labels or more, one an attendance list's, then a label whose value holds people)."""
    out = list(lines)
    index = 0
    while index < len(out):
        run, kinds = [], []
        while index < len(out) and out[index] and (kind := _empty_label(out[index])):
            run.append(index)
            kinds.append(kind)
            index += 1
        found = _value(out[index]) if len(run) >= 2 and index < len(out) and out[index] else None
        if not found or "attendance" not in kinds or not _has_people(found[1]):
            index += 1 if not run else 0
            continue
        label, value = found
        place, people = place_then_people(value)
        if not _has_people(people):
            index += 1
            continue
        if place and kinds[0] in PLACE_LABELS:
            out[run[0]] = f"{FOR_MEETING.sub('', out[run[0]])} {place}"
        own = att.label_of(out[index], header=True)
        lists = [at for at, kind in zip(run, kinds, strict=True) if kind == "attendance"]
        before = att.label_of(out[lists[-1]], header=True)
        parted = party_run(people) if own is not None and before is not None and before[1] else None
        if parted:  # "Närvarande ledamöter / Övriga närvarande A (M) B (S) C, kultursamordnare": each its names
            out[lists[-1]] = f"{out[lists[-1]]} {parted[0]}"
            out[index] = f"{label} {parted[1]}"
        elif own is not None:
            out[index] = f"{label} {people}"  # "Närvarande / Ledamöter <place> <people>": a heading
            # over the list, whose own people they are
        else:
            first_list = run[kinds.index("attendance")]
            out[first_list] = f"{out[first_list]} {people}"
            out[index] = label  # its own value was not told apart from the others': the label stays, empty
        index += 1
    return out


def place_then_people(text: str, *, before_party_only: bool = False) -> tuple[str, str]:
    """(the place and time, the list after it): the list starts after the last time or date before its first party
    mark (before the text's end when it has none, unless `before_party_only`)."""
    party = PARTY_IN_BRACKETS.search(text)
    end = party.start() if party else (0 if before_party_only else len(text))
    times = list(TIME_OR_DATE.finditer(text[:end]))
    if not times:
        return "", text
    # "… den 15 mars 2010, kl Per Adolfsson": the hour lost, its "kl" stays with the place
    hour = re.match(r"\s*,?\s*(?:kl\.?|klockan)(?=\s)", text[times[-1].end() :])
    end = times[-1].end() + (hour.end() if hour else 0)
    return text[:end].strip(" ,"), text[end:].strip(" ,")


def party_run(text: str) -> tuple[str, str] | None:
    """The names with party marks that open `text`, and the names after them that have none; None unless both."""
    marks = list(PARTY_IN_BRACKETS.finditer(text))
    if not marks:
        return None
    first, second = text[: marks[-1].end()].strip(" ,;"), text[marks[-1].end() :].strip(" ,;")
    if not second or PARTY_IN_BRACKETS.search(second) or not segment_people(second):
        return None
    return first, second
