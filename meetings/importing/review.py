"""The parser's doubts (parsed["unsure"], parser/unsure.py) as the review page shows them: each reason in words
beside the value it concerns, and a summary at the top linking to each marked value."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from meetings.importing import schema

# What each reason code means, said to the secretary; a code the page does not know (from a newer parser) is
# shown with the general sentence.
REASONS = {
    "missing": _("hittades inte i texten"),
    "date_ambiguous": _("inget datumfält; sidhuvudet har flera datum och det första togs"),
    "organisation_text": _("står inte i rubriken eller sidhuvudet; gissad ur texten"),
    "organisation_place": _("ingen organisation nämns; kommunen där mötet hölls togs"),
    "organisation_unknown": _("är ingen kommun, region, myndighet eller organisation som importen känner till"),
    "body_text": _("står inte i rubriken eller sidhuvudet; gissat ur texten"),
    "chair_in_text": _(
        "hittad bara i en mening (”Ordförande NN öppnade mötet”), inte i närvarolistan eller underskrifterna"
    ),
    "secretary_role": _("hittad bara som roll i närvarolistan, inte i underskrifterna"),
    "adjusters_signature": _("tagna ur underskrifterna; texten säger inte vem som utsågs att justera"),
    "adjusters_many": _("fler justerare än ett protokoll brukar ha; listan har troligen fått med andra namn"),
    "given_name_unknown": _("förnamnet är inte ett känt förnamn; kontrollera att namnet är rätt avgränsat"),
    "list_cut": _(
        "listan saknar kommatecken och delades där namnen verkade börja; kontrollera namn, roller och organisationer"
    ),
    "name_odd": _("namnet innehåller ord som inget namn har, eller två personer; kontrollera hur det är avgränsat"),
    "role_unknown": _("rollen är inget känt rollord"),
    "item_number_without_paragraph": _("numret står utan §; kontrollera att ärendet verkligen börjar här"),
    "item_heading_guessed": _("rubriken saknar nummer och är gissad utifrån radens utseende"),
    "item_only_in_contents": _("ärendet står bara i innehållsförteckningen; dess text hittades inte i dokumentet"),
    "item_heading_odd": _(
        "rubriken ser inte ut som ett ärendes (ett namn, ett organ, en etikett eller ett sidhuvud); kontrollera att "
        "ärendet börjar här"
    ),
    "items_none_found": _("inga ärenden hittades; dokumentets text ligger samlad under ”Inledning”"),
    "decision_sentence": _(
        "inget ”Beslut” eller ”beslutar” hittades; beslutet är en mening som godkänner eller noterar"
    ),
}
UNKNOWN_REASON = _("tolkningen är osäker")
# The values of the meeting the page shows, in its order, with their names on the page.
MEETING_FIELDS = {
    "organisation": _("Organisation"),
    "body": _("Organ"),
    "date": _("Datum och tid"),
    "chair": _("Ordförande"),
    "secretary": _("Sekreterare"),
    "adjusters": _("Justerare"),
}


@dataclass
class Marks:
    """The reasons in words by the value they concern, and the summary's links, in the page's order."""

    meeting: dict[str, list[str]] = field(default_factory=dict)  # "chair" -> reasons
    attendance: list[str] = field(default_factory=list)  # the list as a whole
    attendees: dict[int, list[str]] = field(default_factory=dict)
    items: dict[int, list[str]] = field(default_factory=dict)
    summary: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, what, reasons)

    def __bool__(self) -> bool:
        return bool(self.summary)


def marks(parsed: dict) -> Marks:
    found = Marks()
    for mark in parsed.get("unsure") or []:
        _place(found, parsed, mark)
    for name, label in MEETING_FIELDS.items():
        if name in found.meeting:
            found.summary.append((f"parsed-{name}", str(label), "; ".join(found.meeting[name])))
    if found.attendance:
        found.summary.append(("attendance-heading", str(_("Närvaron")), "; ".join(found.attendance)))
    for index, reasons in sorted(found.attendees.items()):
        name = parsed["attendance"][index]["name"]
        found.summary.append((f"attendee-{index}", name, "; ".join(reasons)))
    for index, reasons in sorted(found.items.items()):
        found.summary.append((f"item-{index}", _item_name(parsed["items"][index]), "; ".join(reasons)))
    return found


def _place(found: Marks, parsed: dict, mark: dict) -> None:
    reason = str(REASONS.get(mark.get("reason"), UNKNOWN_REASON))
    where, index = mark.get("field"), mark.get("index")
    rows = parsed.get(where) if where in ("attendance", "items", "adjusters") else None
    if index is not None and not (isinstance(index, int) and isinstance(rows, list) and 0 <= index < len(rows)):
        return  # a row that is no longer there
    if where == "attendance" and index is not None:
        found.attendees.setdefault(index, []).append(reason)
    elif where == "attendance":
        found.attendance.append(reason)
    elif where == "items" and index is not None:
        found.items.setdefault(index, []).append(reason)
    elif where == "adjusters" and index is not None:
        found.meeting.setdefault("adjusters", []).append(f"{parsed['adjusters'][index]}: {reason}")
    elif where in MEETING_FIELDS:
        found.meeting.setdefault(where, []).append(reason)


def _item_name(item: dict) -> str:
    number = f"§ {item['number']} " if item.get("number") else ""
    return f"{number}{item.get('title') or ''}".strip()


def describe_fields(form, found: Marks) -> None:
    """The form's date and body fields, where the secretary sets what the parser was unsure of, are described by
    the mark beside the value (a screen reader reads it on reaching the field)."""
    for name in ("date", "body"):
        if name in found.meeting and name in form.fields:
            form.fields[name].widget.attrs["aria-describedby"] = f"parsed-{name}-unsure"


# The parser's remarks (parsed["warnings"], stored in Swedish with the import) in the reader's language: a known
# remark's fixed words are translated and its detail (the text it concerns) kept as the document wrote it.
WARNINGS = (
    (schema.NO_DATE, _("Inget mötesdatum hittades.")),
    (schema.NO_SECRETARY, _("Ingen sekreterare hittades.")),
    (schema.TEXT_BEFORE_FIRST_ITEM, _("Text före första ärendet lades i det första ärendet: %(text)s")),
    (schema.PAGE_LINES_REMOVED, _("Sidhuvud eller sidfot togs bort: %(text)s")),
)


def warnings(parsed: dict) -> list[str]:
    shown = []
    for warning in parsed.get("warnings") or []:
        for swedish, words in WARNINGS:
            if warning == swedish:
                shown.append(str(words))
                break
            if swedish.endswith(": ") and warning.startswith(swedish):
                shown.append(str(words) % {"text": warning[len(swedish) :]})
                break
        else:
            shown.append(warning)
    return shown


# Words, for comparing the document with what was read from it: letters only, three or more (numbers, "§" and short
# words are written differently in the meeting: "§ 12" as 12, "kl 9-15" as 09:00).
WORD = re.compile(r"[^\W\d_]{3,}")
# A line is cut into sentences, so that a long run-on line (a flattened web page) is judged a sentence at a time.
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÅÄÖ0-9])")
# At most this many passages are listed; the page says how many more there are.
LEFT_OUT_SHOWN = 50


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def left_out(text: str, parsed: dict) -> list[str]:
    """The passages of the document that are not in what was read from it: each sentence of three words or more of
    which fewer than half are anywhere in the parsed meeting (its values, its items' texts, the parser's own
    warnings, which name what was removed). Saving keeps only what was read (and the original file), so what is
    listed here is not in the record unless the secretary puts it back in the text; the page shows it, so that no
    text is dropped unseen."""
    known = {word.lower() for value in _strings(parsed) for word in WORD.findall(value)}
    passages = []
    for line in text.splitlines():
        for sentence in SENTENCE_END.split(line.strip()):
            words = [word.lower() for word in WORD.findall(sentence)]
            if len(words) >= 3 and 2 * sum(word in known for word in words) < len(words):
                passages.append(sentence)
    return passages
