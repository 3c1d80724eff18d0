"""From the cleaned lines of a minutes document to the structured dict (meetings.importing.schema.ParsedMinutes).

The steps, in the order they run: the walk over the lines (walk: the header, attendance lists by people, fields and
signatures by signatures, item headings); then the reading of what was found: people said in the text, the
document's kind, organisation and body (header), each item with its decisions (items, decisions), the chair and
the justerare (people), assembled here.
"""

import datetime
import re

from meetings.importing import attendance as att
from meetings.importing.cleanup import normalise
from meetings.importing.dates import find_date, find_times
from meetings.importing.lexicon import SUBSTITUTES
from meetings.importing.readers import UnreadableDocument, check_text_length
from meetings.importing.schema import NO_DATE, NO_SECRETARY, TEXT_BEFORE_FIRST_ITEM, Attendee, Item, ParsedMinutes

from . import contents, header, items, name_order, officers, people, signatures, stacked, unsure
from .document import Document
from .patterns import plausible_name
from .walk import TITLE_WORDS, walk


def parse_text(text: str) -> ParsedMinutes:
    # The same bound as a file's: a pasted or corrected text is read line by line, and the review page shows it.
    check_text_length(text or "")
    lines, warnings = normalise((text or "").replace("\x00", ""))
    if not any(lines):
        raise UnreadableDocument("empty")
    doc = Document(stacked.unstack(lines), warnings)
    walk(doc)
    result = _result(doc)
    name_order.turn_surnames_first(result)
    result["unsure"] = unsure.reasons(doc, result)
    if not (result["date"] or result["attendance"] or len(result["items"]) > 1 or _has_numbered(result)):
        raise UnreadableDocument("no_structure")
    return result


def _has_numbered(result: ParsedMinutes) -> bool:
    return any(item["number"] for item in result["items"])


# a field's cell that holds the next label's value in a flattened table: "Sammanträdesdatum Anslags uppsättande
# 2017-06-27" (the notice's date, an empty cell before it), "Datum Justeringen har tillkännagivits …"
NOTICE = re.compile(r"\s*(?:datum\s+för\s+)?anslag|\s*justering|\s*protokollet\s+(?:är\s+)?justerat", re.I)


# a date the justering or the notice is given ("Plats och tid för justering 2 juni 2017", "Anslaget den 2017-06-02")
NOTICE_DATE = re.compile(
    r"\b(?:justering\w*|justeras|anslag\w*|nedtas|nedtag\w*|uppsättande|tillkännag\w*)\b(?:(?!sammanträde|mötesdatum)[^\d]){0,60}?"
    r"(?:\d{4}-\d\d?-\d\d?|\d{1,2}\s+[a-zåäö]{3,9}\.?\s+\d{4})",
    re.I,
)


MEETING_DATE = re.compile(
    r"\b(?:sammanträdesdag(?:en)?|sammanträdesdatum|mötesdatum|datum\s*:)\s*:?\s*"
    r"((?:\w+dagen\s+(?:den\s+)?)?(?:\d{4}-\d\d?-\d\d?|\d{1,2}\s+[a-zåäö]{3,9}\.?\s+\d{4}))",
    re.I,
)


def _field_date(doc: Document, key: str) -> datetime.date | None:
    value = doc.fields.get(key, "")
    return None if NOTICE.match(value) else find_date(value)


def _result(doc: Document) -> ParsedMinutes:
    title = " ".join(doc.title_lines).strip()
    header_text = " ".join([title, *doc.fields.values(), *doc.header_rest])
    date = _field_date(doc, "sammanträdesdatum") or _field_date(doc, "datum")
    if date is None:  # no "Datum" field: the first date of the title and header that is not the justering's
        meeting_fields = [v for k, v in doc.fields.items() if not k.startswith("justering") and not NOTICE.match(v)]
        text = NOTICE_DATE.sub(" ", " ".join([title, *meeting_fields, *doc.header_rest]))
        labelled = MEETING_DATE.search(text)  # "Sammanträdesdag 2012-09-26" in a flattened notice
        date = find_date(labelled.group(1)) if labelled else find_date(text)
        doc.found_by["date"] = "header"
    if date is None:  # "Tid / Plats / Närvarande Onsdagen den 12 november 2014 …": a list took the header's values
        date = find_date(" ".join(doc.lines[: doc.header_end]))
    start, end = find_times(doc.fields.get("tid", "") or doc.fields.get("datum", "") or header_text)
    if date is None:
        doc.warnings.append(NO_DATE)
    contents.from_contents(doc)
    items.drop_agenda(doc)
    contents.complete_from_contents(doc)
    contents.agenda_above(doc)
    contents.standard_opening(doc)
    items.lost_first(doc)
    people.lead_words(doc)
    people.merge_repeated(doc)
    items.place_footnotes(doc)
    people.people_in_text(doc)
    items.immediate_marks(doc)
    body = header.with_modifier(header.body(doc, title), [title, *doc.header_rest, *doc.lines])
    own_body = (body or "").split()[-1] if body else ""
    read_items = [items.item(doc, raw, own_body) for raw in doc.items]
    signatures.signers_in_text(doc)
    chair = officers.chair(doc)
    said = None if doc.secretary else officers.secretary_in_text(doc)
    secretary = doc.secretary or said or _secretary_by_role(doc)
    if secretary and not doc.secretary:
        doc.found_by["secretary"] = "text" if said else "role"
    chair, secretary = _without_labels(chair), _without_labels(secretary)
    chair, secretary = _known_at_end(doc, chair), _known_at_end(doc, secretary)
    _mark_officers(doc, chair, secretary)
    adjusters = list(
        dict.fromkeys(_without_labels(name) or name for name in officers.adjusters(doc, read_items, chair))
    )
    # the names of an "Utses att justera" that ran on into the lists after it were there, justerare or not
    ran_on = doc.justerare if len(doc.justerare) > officers.MOST_ADJUSTERS else []
    listed = bool(doc.people)
    _add_signers(doc, chair, [*adjusters, *(_without_labels(name) or name for name in ran_on)], secretary)
    if not chair and not listed:  # no list: only those the text names (a list's "Leif Strand, ordförande Maja …")
        chair = _chair_named_in_text(doc)
    _place_header_leftovers(doc, read_items, body)
    kind = header.kind(doc, " ".join([title, *doc.header_rest[:5]]))
    if kind == "protokoll" and not secretary:
        doc.warnings.append(NO_SECRETARY)
    return {
        "kind": kind,
        "title": title,
        "date": date.isoformat() if date else None,
        "start_time": start.strftime("%H:%M") if start else None,
        "end_time": end.strftime("%H:%M") if end else None,
        "place": doc.fields.get("plats") or doc.fields.get("lokal") or None,
        "organisation": header.organisation(doc, title),
        "body": body,
        "attendance": doc.people,
        "chair": chair,
        "secretary": secretary,
        "secretary_title": doc.titles.get(secretary or "", ""),
        "adjusters": adjusters,  # the import schema's key (README), kept for its readers
        "signed_on_paper": doc.signed_on_paper,
        "items": read_items,
        "next_meeting": items.next_meeting(doc, read_items, date),
        "warnings": doc.warnings,
        "unsure": [],
    }


# a field's or a role's word a flattening ran onto a signer's name: "Göran Rosander Justeringen", "Miguel Odhner
# Vice", "Anna Hrdlicka Ledningskontoret", "Ordinarie Lennart Pettersson"
LABEL_TAIL = re.compile(
    r"\s+(?:[Vv]ice|[Oo]rdf\w*|[Ss]ekreterare|[Jj]uster\w*|[Ll]edamot|[Ee]rsättare|[Bb]evis|BEVIS|[Aa]nslag\w*|"
    r"ANSLAG\S*|[Uu]nderskrift\w*|[Pp]aragraf\w*|[\wåäö]*(?:kontoret|kansliet|förvaltningen))$"
)
LABEL_HEAD = re.compile(r"^(?:[Oo]rdinarie|[Uu]tses|[Jj]usterare|[Jj]usterande|[Ss]ekreterare|[Oo]rdförande)\s+")


def _without_labels(name: str | None) -> str | None:
    """The name without the label words around it, where what is left is still a name."""
    if not name:
        return name
    bare = LABEL_HEAD.sub("", LABEL_TAIL.sub("", name))
    return bare if bare != name and plausible_name(bare) else name


def _known_at_end(doc: Document, name: str | None) -> str | None:
    """ "Tomelilla Christian Björkqvist": a signer's name with a word of the cell before it (the justering's place,
    "Kommunhuset i Tomelilla"), where the lists know the name without it."""
    if not name or any(p["name"] == name for p in doc.people):
        return name
    known = [p["name"] for p in doc.people if name.endswith(" " + p["name"]) and plausible_name(p["name"])]
    return max(known, key=len) if known else name


def _secretary_by_role(doc: Document) -> str | None:
    """The one listed as "sekreterare"; failing that, the first whose title ends so ("nämndsekreterare"). An
    "ekonomisekreterare" listed before the meeting's "sekreterare" is not the one who keeps the minutes."""
    titled = [p for p in doc.people if re.search(r"sekreterare|protokollförare", p.get("role") or "", re.I)]
    exact = [p for p in titled if (p.get("role") or "").strip().casefold() in ("sekreterare", "protokollförare")]
    chosen = exact or titled
    return chosen[0]["name"] if chosen else None


def _mark_officers(doc: Document, chair: str | None, secretary: str | None) -> None:
    """The secretary and the chair, listed without a role or as ledamöter, are given theirs; an ersättare who serves
    for a member is a tjänstgörande ersättare, whichever list of a flattened table took the name."""
    for entry in doc.people:
        if entry.get("serving_for") and entry.get("role") in SUBSTITUTES:
            entry["role"] = "tjänstgörande ersättare"
        if entry["name"] == secretary and entry.get("role") in (None, "ledamot"):
            entry["role"] = "sekreterare"
        if entry["name"] == chair and entry.get("role") in (None, "ledamot"):
            entry["role"] = "ordförande"


def _add_signers(doc: Document, chair: str | None, adjusters: list[str], secretary: str | None) -> None:
    """Who chairs, keeps the minutes or justerar was there, though no list names them."""
    known = {p["name"] for p in doc.people}
    for name in [chair, secretary, *adjusters]:
        if name and name not in known and plausible_name(name):
            known.add(name)
            role = "ordförande" if name == chair else "sekreterare" if name == secretary else None
            doc.people.append(_present(name, role))


# "valdes ordförande Ulf Fridebäck och vice ordförande Barry Andersson": a role written before a name in the text
ROLE_THEN_NAME = re.compile(
    r"\b((?:(?:[12]:[ea]\s+|förste\s+|andre\s+)?[Vv]ice\s+)?ordförande(?:n)?|sekreterare(?:n)?)\s+"
    r"([A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?(?:\s+[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?){1,2})"
)


def _chair_named_in_text(doc: Document) -> str | None:
    """No list or signature says who chaired: the roles the text writes before the names of those present
    (justerare chosen in a sentence, say) are theirs, and the one it calls ordförande chaired."""
    roles = {name: role for line in doc.lines for role, name in ROLE_THEN_NAME.findall(line)}
    chair = None
    for entry in doc.people:
        role = roles.get(entry["name"], "")
        if role and not entry.get("role"):
            entry["role"] = att.normalise_role(re.sub(r"(?<=nde|are)n$", "", role))  # "ordföranden": the role
        if chair is None and entry.get("role") == "ordförande" and role:
            chair = entry["name"]
    if chair:
        doc.found_by["chair"] = "text"
    return chair


def _present(name: str, role: str | None) -> Attendee:
    return {"name": name, "status": "närvarande", "role": role, "organisation": None, "paragraphs": None}


# a header line that says only what kind of document this is and whose: read as the kind and the body
KIND_WORDS = {*TITLE_WORDS, "sammanträdesprotokoll"}


def _place_header_leftovers(doc: Document, read_items: list[Item], body: str | None) -> None:
    """A short header line that gave the date ("Måndagen den 2 juni 2021 kl 13-15") is placed, and one that is
    only the kind of document and the body ("PROTOKOLL", "Styrelsen"); the others go to the first item's text (an
    item of their own when there is none)."""
    read = KIND_WORDS | set((body or "").casefold().split())
    leftovers = [
        line
        for line in doc.header_rest
        if not (len(line) < 60 and find_date(line)) and not set(line.casefold().strip(" :").split()) <= read
    ]
    if not leftovers:
        return
    if not read_items:
        read_items.append(_introduction())
    first = read_items[0]
    first["text"] = "\n".join(leftovers + ([first["text"]] if first["text"] else []))
    doc.warnings.append(TEXT_BEFORE_FIRST_ITEM + " / ".join(leftovers)[:200])


def _introduction() -> Item:
    return {
        "number": None,
        "title": "Inledning",
        "text": "",
        "decisions": [],
        "assignments": [],
        "immediate": False,
        "recused": [],
    }
