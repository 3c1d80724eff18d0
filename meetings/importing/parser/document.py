"""What the steps of the parser share while they read one document: its lines, and what has been found so far."""

from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

from meetings.importing.schema import Attendee

from .patterns import ITEM_NUMBERED, ITEM_PARAGRAPH


class RawItem(TypedDict):
    """An item as the walk over the lines found it: its heading and the lines under it, not yet read."""

    number: str | None
    title: str
    lines: list[str]
    paragraph: bool  # headed "§ n"
    found_by: NotRequired[str]  # which rule took the line for a heading (walk.HEADING_RULES), for the review
    decided_by_sentence: NotRequired[bool]  # its decision is a sentence that decides, not under "Beslut"


@dataclass
class Document:
    lines: list[str]
    warnings: list[str]
    title_lines: list[str] = field(default_factory=list)
    header_rest: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    people: list[Attendee] = field(default_factory=list)
    secretary: str | None = None
    titles: dict[str, str] = field(
        default_factory=dict
    )  # the title printed under a signing name ("Förbundssekreterare")
    justerare: list[str] = field(default_factory=list)
    signed_justerare: list[str] = field(default_factory=list)
    chair: str | None = None
    with_chair: bool = False
    immediate_numbers: set[str] = field(default_factory=set)
    signed_on_paper: bool = False
    items: list[RawItem] = field(default_factory=list)
    footnotes: list[tuple[str, RawItem]] = field(default_factory=list)  # (line, the item it was found under)
    numbered: bool = False  # the document numbers its items ("§ 3", "3.")
    header_end: int | None = None  # the line the first item starts on
    capitals_headings: set[str] = field(default_factory=set)  # headings in capitals (case_heads.capitals_headings)
    paragraphs_in_text: set[int] = field(default_factory=set)  # "Justerade paragrafer 1-12" anywhere (walk.py)
    page_items: dict[int, tuple[str | None, str]] = field(default_factory=dict)  # pages.page_items: a page's item
    # How a value was found, where the rule that found it is a fallback the review should point out (unsure.py):
    # {"chair": "opened", "date": "header", ...}; and the attendees a run-on list was cut into by heuristics.
    found_by: dict[str, str] = field(default_factory=dict)
    cut_from_run_on: list[Attendee] = field(default_factory=list)
    roles_from_text: list[Attendee] = field(default_factory=list)  # a role said before the name in a sentence

    def __post_init__(self) -> None:
        self.warnings = list(self.warnings)
        self.numbered = any(ITEM_PARAGRAPH.match(line) or ITEM_NUMBERED.match(line) for line in self.lines if line)

    def next_nonblank(self, index: int) -> int | None:
        while index < len(self.lines):
            if self.lines[index]:
                return index
            index += 1
        return None
