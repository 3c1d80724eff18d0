"""The importer's result, typed: what `parse_text` returns. They are dicts at run time, so the JSON that
`import_minutes --json` prints and the corpus scorer reads keeps exactly these keys (docs/import-schema.md)."""

from typing import NotRequired, TypedDict


class Attendee(TypedDict):
    name: str
    status: str  # "present", "absent", ... (attendance.STATUS_LABELS)
    role: str | None
    organisation: str | None
    paragraphs: str | None  # "31-34", "-15", "16-": the §§ attended
    party: NotRequired[str]
    serving_for: NotRequired[str]  # the ledamot an ersättare serves for


class Votes(TypedDict):
    ja: int
    nej: int
    avstår: int


class Decision(TypedDict):
    text: str
    outcome: str | None
    method: str | None
    votes: Votes | None
    named_votes: dict[str, str] | None  # a namnupprop: {name: "ja" | "nej" | "avstår"}
    reservations: list[str]


class Assignment(TypedDict):
    who: str
    what: str


class Item(TypedDict):
    number: str | None
    title: str
    text: str
    decisions: list[Decision]
    assignments: list[Assignment]
    immediate: bool  # omedelbart justerad
    recused: list[str]  # names with jäv


class NextMeeting(TypedDict):
    date: str | None
    text: str


class Unsure(TypedDict):
    """A value the parser found by a rule it cannot be sure of: the review marks it (parser/unsure.py)."""

    field: str  # a key of ParsedMinutes: "date", "chair", "attendance", "items", ...
    index: NotRequired[int]  # the row of "attendance", "items" or "adjusters"
    reason: str  # a code, explained in words by the review page (meetings.importing.review)


class ParsedMinutes(TypedDict):
    kind: str  # "protokoll" or "minnesanteckningar"
    title: str
    date: str | None  # ISO 8601
    start_time: str | None  # "13:00"
    end_time: str | None
    place: str | None
    organisation: str | None
    body: str | None
    attendance: list[Attendee]
    chair: str | None
    secretary: str | None
    secretary_title: str  # as printed under the name, "Förbundssekreterare"
    adjusters: list[str]  # the justerare; the schema's key
    signed_on_paper: bool
    items: list[Item]
    next_meeting: NextMeeting | None
    warnings: list[str]
    unsure: list[Unsure]  # what was parsed before the marks existed has none: readers use .get("unsure")


# The parser's remarks (ParsedMinutes["warnings"]), stored in Swedish with an import; the review translates them by
# these same words (meetings.importing.review.WARNINGS), the detail after a colon kept as the document wrote it.
NO_DATE = "Inget mötesdatum hittades."
NO_SECRETARY = "Ingen sekreterare hittades."
TEXT_BEFORE_FIRST_ITEM = "Text före första ärendet lades i det första ärendet: "
PAGE_LINES_REMOVED = "Sidhuvud eller sidfot togs bort: "
