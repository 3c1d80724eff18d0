"""A table of people flattened column by column: the names first, then their titles ("Mona Boström Anette Henriksson
Rune Lejon landstingsdirektör ekonomidirektör personaldirektör", "… Fredrik Zethraeus Funktion Kommundirektör
Ekonomichef Sekreterare"). The titles are told apart by the language: a title is a role word or a word that ends in
one (-chef, -direktör, -sekreterare …), with the words that lead into it ("förste vice", "tf", a genitive
"landstingsfullmäktiges", "marknadsförings- och")."""

import re
from collections.abc import Callable, Sequence

from .lexicon import ROLE
from .schema import Attendee

# The endings of Swedish titles and roles ("förvaltningschef", "nämndsekreterare", "verksamhetsutvecklare")
TITLE_STEMS = (
    r"(?:ordförande|ledamot|ersättare|suppleant|sekreterare|chef|direktör|ledare|samordnare|utvecklare|handläggare|"
    r"ekonom|strateg|controller|jurist|assistent|koordinator|inspektör|arkitekt|tekniker|administratör|konsult|"
    r"praktikant|rådgivare|kommunalråd|revisor|adjungerad|vd|notarie|registrator|informatör|kommunikatör|planerare|"
    r"ingenjör|specialist|intendent|kamrer|föredragande|rektor|lärare|kurator|kyrkoherde|ombud|ombudsman|kassör|"
    r"observatör|representant|stödjare|resursperson|tjänsteman|gäst|professor|lektor|adjunkt|doktorand|docent|"
    r"prefekt|dekan|forskare|studerande|student|utredare|analytiker|läkare|sjuksköterska|psykolog|pedagog|"
    r"bibliotekarie|socionom|vaktmästare|styrelsemedlem)"
)
TITLE_END = re.compile(r"^[a-zåäö-]*" + TITLE_STEMS + r"$")
LEADING = {
    "vice",
    "förste",
    "andre",
    "tredje",
    "1:e",
    "2:e",
    "3:e",
    "1:a",
    "2:a",
    "3:a",
    "tf",
    "t.f.",
    "bitr",
    "bitr.",
    "biträdande",
}
LEADING |= {"ställföreträdande", "avgående", "tillträdande", "och"}
PAGE_MARK = re.compile(r"\s+\d{1,3}\s*\(\d{1,3}\)\s*$")  # "… sekreterare 1 (16)": the page's mark after the column
COLUMN_LABEL = re.compile(r"\s+(?:Funktion|Befattning|Titel|Roll)\s*:?\s+(?=[A-ZÅÄÖ])")  # a column's own heading


def _word(word: str, *, capitalised: bool) -> str | None:
    """The word as a part of a title (lower case), or None where it can be no part of one."""
    bare = word.strip(",")
    if capitalised and bare[:1].isupper():
        bare = bare.lower()
    if not re.fullmatch(r"[a-zåäö0-9:.-]+", bare):
        return None
    if TITLE_END.match(bare) or ROLE.match(bare) or bare in LEADING or bare.endswith(("-", "s")):
        return bare + ("," if word.endswith(",") else "")
    return None


def title_column(line: str) -> tuple[str, list[str]]:
    """(the line without its column of titles, the titles in order) where the line ends in two titles or more;
    (line, []) otherwise."""
    line = PAGE_MARK.sub("", line)
    labelled = COLUMN_LABEL.search(line)
    head, column = (line[: labelled.start()], line[labelled.end() :]) if labelled else (line, "")
    words = (column or head).split()
    parts: list[str] = []
    while words:
        part = _word(words[-1], capitalised=bool(column))
        if part is None:
            break
        parts.insert(0, part)
        words.pop()
    if column and words:
        return line, []  # a labelled column holds titles only
    titles: list[str] = []
    attach = False
    for part in parts:
        if (attach or part == "och") and titles:
            titles[-1] = f"{titles[-1]} {part}"
        else:
            titles.append(part)
        bare = part.rstrip(",")
        # the next word goes on this title after a leading word, a genitive, a "marknadsförings-", or a comma
        attach = bare in LEADING or bare.endswith("-") or part.endswith(",") or _genitive(bare)
    titles = [title.rstrip(",") for title in titles]
    # the column's first words must end a title ("… Olsson (S) förste vice ordförande" begins with "förste")
    if len(titles) < 2 or not all(TITLE_END.match(title.split()[-1]) or ROLE.match(title) for title in titles):
        return line, []
    rest = head if column else " ".join(words)
    return rest, titles


def _genitive(word: str) -> bool:
    """ "landstingsfullmäktiges", "kommunstyrelsens": a word that leads into the title after it."""
    return word.endswith("s") and not TITLE_END.match(word) and len(word) > 4


def give_titles(people: Sequence[Attendee], titles: list[str], normalise: Callable[[str], str | None]) -> None:
    """The titles of a column to the people read from the names before it: a column of the chair's roles
    ("ordförande 1:e vice ordförande") to the first rows, as a table lists the chair first; any other column to the
    last rows (the staff a table lists last, or, where the column is longer, the rows it began with in the list
    before)."""
    if not titles or not people:
        return
    if len(titles) < len(people) and all(re.fullmatch(r"(?:\S+\s+){0,2}ordförande", title) for title in titles):
        pairs = zip(people, titles, strict=False)
    else:
        count = min(len(people), len(titles))
        pairs = zip(people[len(people) - count :], titles[len(titles) - count :], strict=True)
    for entry, title in pairs:
        entry["role"] = normalise(title)
