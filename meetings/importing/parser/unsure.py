"""Where the parser is unsure: the values it found by a fallback rule rather than by their label, or whose words
the lexicons do not know. Each reason is a code (REASONS) the review page explains in words beside the value; the
rules are general (how a value was found, whether its words are known), never about one document."""

import re

from meetings.importing import attendance as att
from meetings.importing.columns import TITLE_STEMS
from meetings.importing.dates import dates_in
from meetings.importing.lexicon import ROLE, is_given_name, organisations_in
from meetings.importing.schema import Attendee, Item, ParsedMinutes, Unsure

from .document import Document
from .header import ORGANISATION
from .officers import MOST_ADJUSTERS

# The codes, in the order the review lists them. Their Swedish explanations are meetings.importing.review's.
REASONS = (
    "missing",  # not found at all
    "date_ambiguous",  # no "Datum" field, and the title and header hold more than one date
    "organisation_text",  # not in the title or header: guessed from the text
    "organisation_place",  # named nowhere: the municipality the meeting was held in
    "body_text",  # not in the title or header: guessed from the text
    "chair_in_text",  # from a sentence ("Ordförande NN öppnade mötet"), no list or signature
    "secretary_role",  # an attendee with the role, no signature or field
    "adjusters_signature",  # the names signed under "Justerare", no "Utses att justera"
    "adjusters_many",  # more justerare than a protocol has: a list that ran on
    "given_name_unknown",  # the name's first word is no given name the lexicon knows
    "list_cut",  # a run-on list cut into people where the names seemed to start (the list, not each row)
    "name_odd",  # a word no name has inside it (a label, a title, a colon), or two people run together
    "role_unknown",  # a role no role word of the lexicon names
    "organisation_unknown",  # (an attendee's) no municipality, region, agency or organisation word
    "item_number_without_paragraph",  # a number on a flattened page, no "§"
    "item_heading_guessed",  # no number: a short line that looks like a heading, or a "Dnr" line
    "item_only_in_contents",  # named by the table of contents, no heading of it found in the text
    "item_heading_odd",  # numbered, but the heading is a name, a body, a label or a scrap, not a matter's
    "items_none_found",  # no item at all: the text is kept as one "Inledning"
    "decision_sentence",  # no "Beslut" heading or "beslutar/beslöt": a sentence that approves or notes
)
MEETING_FIELDS = ("date", "organisation", "body", "chair", "secretary", "adjusters")
DECIDES = re.compile(r"\bbesl(?:ut|öt)", re.I)


def reasons(doc: Document, result: ParsedMinutes) -> list[Unsure]:
    marks = [
        *_missing(result),
        *_date(doc, result),
        *_organisation(doc, result),
        *_officers(doc, result),
        *_attendance(doc, result["attendance"]),
        *_items(doc, result["items"]),
    ]
    return [mark for mark in marks if mark["reason"] in REASONS]


def _mark(field: str, reason: str, index: int | None = None) -> Unsure:
    mark: Unsure = {"field": field, "reason": reason}
    if index is not None:
        mark["index"] = index
    return mark


def _missing(result: ParsedMinutes) -> list[Unsure]:
    """A protocol has a date, a chair, a secretary and justerare; any minutes an organisation and a body."""
    needed = ["date", "organisation", "body"]
    if result["kind"] == "protokoll":
        needed += ["chair", "secretary", "adjusters"]
    return [_mark(field, "missing") for field in needed if not result[field]]  # type: ignore[literal-required]


def _date(doc: Document, result: ParsedMinutes) -> list[Unsure]:
    if not result["date"] or doc.found_by.get("date") != "header":
        return []
    # one date in the title ("Protokoll 2011-03-01") is the meeting's, as sure as a "Datum" field's
    header = " ".join([*doc.title_lines, *doc.fields.values(), *doc.header_rest])
    return [_mark("date", "date_ambiguous")] if len(set(dates_in(header))) > 1 else []


def _organisation(doc: Document, result: ParsedMinutes) -> list[Unsure]:
    marks = []
    head = " ".join([*doc.title_lines, *doc.fields.values(), *doc.header_rest]).casefold()
    for field in ("organisation", "body"):
        value = result[field]
        # found by a rule that reads the whole text, and not written in the header either
        if value and doc.found_by.get(field) == "text" and value.casefold() not in head:
            marks.append(_mark(field, f"{field}_text"))
        elif value and doc.found_by.get(field) == "place":
            marks.append(_mark(field, "organisation_place"))
    name = result["organisation"]
    if name and not known_organisation(name):
        marks.append(_mark("organisation", "organisation_unknown"))
    return marks


def _officers(doc: Document, result: ParsedMinutes) -> list[Unsure]:
    marks = []
    if result["chair"] and doc.found_by.get("chair") == "text":
        marks.append(_mark("chair", "chair_in_text"))
    if result["secretary"] and doc.found_by.get("secretary") == "role":
        marks.append(_mark("secretary", "secretary_role"))
    if result["adjusters"] and doc.found_by.get("adjusters") == "signature":
        marks.append(_mark("adjusters", "adjusters_signature"))
    if len(result["adjusters"]) > MOST_ADJUSTERS:
        marks.append(_mark("adjusters", "adjusters_many"))
    for field in ("chair", "secretary"):
        name = result[field]
        if name and not _known_given_name(name):
            marks.append(_mark(field, "given_name_unknown"))
    marks += [
        _mark("adjusters", "given_name_unknown", index)
        for index, name in enumerate(result["adjusters"])
        if not _known_given_name(name)
    ]
    return marks


def _attendance(doc: Document, people: list[Attendee]) -> list[Unsure]:
    # one mark for the list as a whole: most names of a cut list are right, a mark on each would hide the doubtful
    marks = [_mark("attendance", "list_cut")] if doc.cut_from_run_on else []
    for index, entry in enumerate(people):
        if not _known_given_name(entry["name"]):
            marks.append(_mark("attendance", "given_name_unknown", index))
        elif _odd_name(entry["name"]):
            marks.append(_mark("attendance", "name_odd", index))
        if entry.get("role") and not known_role(entry["role"] or ""):
            marks.append(_mark("attendance", "role_unknown", index))
        if entry.get("organisation") and not known_organisation(entry["organisation"] or ""):
            marks.append(_mark("attendance", "organisation_unknown", index))
    return marks


def _items(doc: Document, read: list[Item]) -> list[Unsure]:
    if read and not doc.items:
        return [_mark("items", "items_none_found", 0)]
    marks = []
    for index, (raw, item) in enumerate(zip(doc.items, read, strict=False)):
        rule = raw.get("found_by")
        if _odd_heading(item["title"]):
            marks.append(_mark("items", "item_heading_odd", index))
        elif rule in ("run_on", "bare", "marked"):
            marks.append(_mark("items", "item_number_without_paragraph", index))
        elif rule in ("look", "dnr", "contents", "page", "labelled", "capitals"):
            marks.append(_mark("items", "item_heading_guessed", index))
        elif rule == "contents_only":
            marks.append(_mark("items", "item_only_in_contents", index))
        texts = [decision["text"] for decision in item["decisions"]]
        if raw.get("decided_by_sentence") and not any(DECIDES.search(text) for text in texts):
            marks.append(_mark("items", "decision_sentence", index))
    return marks


# what a matter's heading is not: a body alone ("Arbetsutskottet", "Kommunfullmäktige (38)"), a field's label
# ("Justeringens plats och tid"; "Justering" alone is the item that chooses the justerare), a page's running head
# ("269(319) PROTOKOLL FRÅN …"), a number, a date or a sign
ODD_HEADING = re.compile(
    r"^(?:[\w-]*(?:styrelsen|utskottet|nämnden|fullmäktige|direktionen|rådet)(?:\s*\(.*\))?|justeringens(?:\s.*)?|"
    r"underskrift(?:er)?|anslag(?:sbevis)?|bevis(?:\s+om\s+justering)?|paragrafer|sida\b.*|\W.*|\d.*|§.*)$",
    re.I,
)


def _odd_heading(title: str) -> bool:
    """A heading no matter has: too short to say anything ("A", "Ans"), a given name alone ("Malin"), or what
    ODD_HEADING lists."""
    words = title.strip().split()
    return (
        len(title.strip()) < 4
        or (len(words) == 1 and is_given_name(words[0]))
        or bool(ODD_HEADING.match(title.strip()))
        or bool(re.search(r"^\d+\s*\(\d+\)|\bPROTOKOLL\s+FRÅN\b", title))
    )


NAME_PARTICLES = {"von", "af", "de", "van", "der", "den", "la", "le", "du", "di", "da", "al", "el", "bin", "ben"}
# a table's label run into a name: "Inger Laren Tid", "Carina Övriga: Cardell"
LABEL_WORDS = {"tid", "plats", "övriga", "datum", "justering", "paragrafer", "sekreterare", "ordförande", "närvarande"}


def _odd_name(name: str) -> bool:
    """ "Karin högskoledirektör Hellström" (a title inside), "Carina Övriga: Cardell" (a label), "Kristina Alvendal
    Anna Lindberg" (two people: a second given name after a surname)."""
    words = name.split()
    inner = [w for w in words[1:] if w.casefold() not in NAME_PARTICLES]
    return (
        ":" in name
        or any(w[:1].islower() and len(w) > 3 for w in inner)
        or any(w.casefold().strip(".,") in LABEL_WORDS for w in words)
        or (len(words) >= 4 and is_given_name(words[2]) and not is_given_name(words[1]))
    )


def _known_given_name(name: str) -> bool:
    first = (name or "").split()[:1]
    return bool(first) and is_given_name(first[0])


def known_organisation(name: str) -> bool:
    """A municipality, region or agency of the lexicons, or a word that makes an organisation ("förbund", "kommun",
    "kansliet", "bolag")."""
    return bool(organisations_in(name) or att.ORG_WORDS.search(name) or any(p.search(name) for p in ORGANISATION))


def known_role(role: str) -> bool:
    """ "ordförande", "tjg ers", "förvaltningschef" (a role word ends it), "vice ordf."; not "Vakant" or "Ja"."""
    role = role.strip(" ,.;()")
    return bool(
        ROLE.match(role)
        or att.normalise_role(role) != role
        or re.search(r"\w*" + TITLE_STEMS + r"\b", role, re.I)
        or re.search(att.ROLE_WORDS, role, re.I)
    )
