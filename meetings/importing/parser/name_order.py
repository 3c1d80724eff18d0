"""Names written surname first ("Nordbeck Carolina", "Rugsveen Astrid"), as some registers and the Åland bodies print
them: turned round to the order the portal and the answers use, where the document writes most of its names so."""

from meetings.importing.lexicon import is_given_name
from meetings.importing.schema import ParsedMinutes

FEWEST = 3  # names enough to tell the document's order from one odd name


def _reversed(name: str) -> bool:
    """ "Nordbeck Carolina": a surname, then a given name (no given name first)."""
    words = name.split()
    return len(words) == 2 and is_given_name(words[1]) and not is_given_name(words[0])


def _in_order(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and is_given_name(words[0])


def turn_surnames_first(result: ParsedMinutes) -> None:
    """Where most of the attendance's names are written surname first, each such name (and the chair's, the
    secretary's, the justerare's and the served member's) turned round: "Nordbeck Carolina" → "Carolina Nordbeck"."""
    names = [entry["name"] for entry in result["attendance"]]
    turned = [name for name in names if _reversed(name)]
    if len(turned) < FEWEST or len(turned) <= 2 * sum(_in_order(name) for name in names):
        return

    def turn(name: str | None) -> str | None:
        return " ".join(reversed(name.split())) if name and _reversed(name) else name

    for entry in result["attendance"]:
        entry["name"] = turn(entry["name"]) or entry["name"]
        if entry.get("serving_for"):
            entry["serving_for"] = turn(entry["serving_for"]) or entry["serving_for"]
    result["chair"], result["secretary"] = turn(result["chair"]), turn(result["secretary"])
    result["adjusters"] = [turn(name) or name for name in result["adjusters"]]
