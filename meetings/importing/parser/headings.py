"""Where a heading taken from a flattened line ends and its text begins: "Dagordning Ordförande hälsar …", "Val av
två justerare Uno Nilsson och Siv Jacobsen utses …", "Delårsrapport 2017 Kommunfullmäktiges beslut …"."""

import re

from .decisions import DECISION_VERB
from .header import BODY_CORE

DNR = re.compile(
    r"^(?i:Dnr)\.?:?\s*(?:(?:[\w./:-]*\d[\w./:-]*|[A-ZÅÄÖ]{1,4}\b)(?:\s+(?:[\w./:-]*\d[\w./:-]*|[A-ZÅÄÖ]{1,4}\b))*\s*"
    r"|(?=[A-ZÅÄÖ][a-zåäö]))"
)  # "Dnr 2011/186", "DNR: KPU", "Dnr Ej verkställda …": the case's number, a register's letters, or nothing left
PAGE_BODY = re.compile(BODY_CORE + r"$", re.I)  # "Tekniska nämnden", "Styrelsen": a body's name


def _subject_left_out(title: str) -> tuple[str, str] | None:
    """ "Protokollsjustering beslutar att utse NN …": a heading run on into its decision whose deciding body the
    transcript left out, cut before the verb."""
    verb = re.search(r"\s(?:beslutar|beslutade|beslöt)\s+att\b", title[:80])
    heading = title[: verb.start()].strip() if verb else ""
    last = heading.split()[-1] if heading else ""
    # "Val av justerare Styrelsen beslutar att …", "… och nämnden beslutar att …": the body that decides is there
    subject = PAGE_BODY.search(last) or (" " in heading and last[:1].isupper())
    if heading[:1].isupper() and not subject and last.lower() not in PREPOSITIONS | {"som", "att", "och"}:
        return heading, title[verb.end() - len(verb.group(0)) + 1 :] if verb else ""
    return None


def _decided_inside(title: str) -> tuple[str, str] | None:
    """ "Val av två justerare Uno Nilsson och Siv Jacobsen utses att justera protokollet": a heading run on into
    its decision, cut before the capitalised word that opens the deciding sentence."""
    verb = DECISION_VERB.search(title)
    if not verb:
        return _att_clause(title)
    words = title[: verb.start()].split()
    # "Föredragningslistan Godkändes upprättad föredragningslista.": the sentence opens with its verb
    if len(words) >= 1 and verb.group(0)[:1].isupper() and not words[-1].endswith(("-", ",")):
        return " ".join(words), title[verb.start() :]
    for position in range(2, len(words)):
        if re.match(r"^[A-ZÅÄÖ][a-zåäö]", words[position]) and not words[position - 1].endswith(("-", ",")):
            return " ".join(words[:position]), " ".join(words[position:]) + " " + title[verb.start() :]
    return None


def _body_decides(words: list[str]) -> bool:
    """ "Kommunfullmäktiges beslut …", "Kultur- och fritidsutskottets beslut …": a body's name in the genitive, then
    "beslut"."""
    for end in range(1, min(5, len(words))):
        if words[end].rstrip(":") == "beslut":
            return words[end - 1].endswith("s") and all(
                word.endswith("-") or word == "och" or word.islower() for word in words[1 : end - 1]
            )
    return False


ATT_CLAUSE = re.compile(r"\s(att\s+[a-zåäö]+a\b.*)$")  # "… dagordning att fastställa dagordningen"


def _att_clause(title: str) -> tuple[str, str] | None:
    """ "Fastställande av dagordning att fastställa dagordningen": a heading run on into its decision written as an
    "att" clause (not "Motion om att införa …", "Uppdrag att utreda …")."""
    clause = ATT_CLAUSE.search(title)
    if not clause:
        return None
    words = title[: clause.start()].split()
    if len(words) < 2 or words[-1].lower() in PREPOSITIONS | {"uppdrag", "förslag", "beslut", "begäran", "rätt"}:
        return None
    return " ".join(words), clause.group(1)


# no sentence begins right after one of these
PREPOSITIONS = {"för", "av", "i", "till", "med", "om", "från", "inom", "kring", "vid", "på", "mot", "över", "under"}
PREPOSITIONS |= {"hos", "mellan", "enligt", "angående", "gällande", "och"}


# "Godkännande av dagordningen s beslut godkänner dagordningen": the deciding body's name before its genitive's "s"
# lost in the transcript (set apart on the page); the heading ends there, and the label with its decision, in the
# source's own words, opens the text (decisions.LOST_GENITIVE_LABEL reads it)
LOST_GENITIVE = re.compile(r"^(\S.*?)\s+(s\s+beslut\s*:?\s+\S.*)$")


def split_heading(title: str) -> tuple[str, str]:
    """A heading taken from a flattened line ends where the first sentence begins: "Dagordning Ordförande
    hälsar …" → ("Dagordning", "Ordförande hälsar …")."""
    title = re.sub(r"(?<=\w)\s+:\s+", ": ", DNR.sub("", title).strip())  # "Bidragsansökan : Musik Direkt"
    lost = LOST_GENITIVE.match(title)
    if lost:
        return lost[1], lost[2]
    left_out = _subject_left_out(title)
    if left_out:
        return left_out
    if len(title) <= 90 and not (title.endswith(".") and len(title.split()) > 4):
        return _decided_inside(title) or (title, "")
    words = title.split()
    for position, word in enumerate(words[1:], start=1):
        previous = words[position - 1]
        if re.fullmatch(r"\d{1,2}\.", previous) and position > 2:  # "Rapport 1. Snabbrapport …": a point begins
            return " ".join(words[: position - 1]), " ".join(words[position - 1 :])
        if previous.endswith((".", ":")) and position > 1:
            return " ".join(words[:position]).rstrip(".:"), " ".join(words[position:])
        too_short = position == 1 and len(words[0]) <= 4  # "Info Bemanning kansliet": one short word is no heading
        # "Kommunförbundet Blekinges anhållan", "i Blekinge Turisms styrelse": a name inside the heading
        in_name = re.match(r"^[A-ZÅÄÖ][a-zåäö]", previous) and position > 1 or re.match(r"^\w+s$", word)
        # "Verksamhetsberättelse 2011 för Högskolan i Borås": no sentence begins right after a preposition
        after_preposition = previous.lower() in PREPOSITIONS
        starts = re.match(r"^[A-ZÅÄÖ][a-zåäö]", word) and not previous.endswith(("-", ","))
        # "… i Borås Styrelsen godkänner …": the body deciding opens the sentence, even after a name
        body_acts = PAGE_BODY.search(word) and position + 1 < len(words) and re.match(r"^[a-zåäö]", words[position + 1])
        # "Delårsrapport 2017 Kommunfullmäktiges beslut Rapporten godkänns", "… Kultur- och fritidsutskottets beslut
        # …": the body's decision follows its label
        labelled = _body_decides(words[position:])
        # "Information: Ansökningar om …": a heading's first word, its colon, and what it is about
        about = position == 1 and previous.endswith(":")
        # "Bidragsansökan: Musik Direkt Musik Direkt är ett av …": the text opens with the name its heading ends with
        repeated = any(
            position >= n and words[position - n : position] == words[position : position + n] for n in (2, 3)
        )
        if repeated and word[:1].isupper():
            return " ".join(words[:position]), " ".join(words[position:])
        # "Föredragningslistan Godkändes upprättad föredragningslista.": a sentence that opens with its verb
        verb_opens = starts and DECISION_VERB.fullmatch(word) is not None
        if (
            starts
            and not too_short
            and not about
            and (body_acts or labelled or verb_opens or not in_name and not after_preposition)
        ):
            return " ".join(words[:position]), " ".join(words[position:])
    return " ".join(words[:12]), " ".join(words[12:])
