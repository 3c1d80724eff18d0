"""A page of a transcript that lost its "§" signs and its line breaks, whose item is known by the first label of the
account under its heading: "2 Samhällsbyggnadsnämnden [68] SBN 191 Val av justerare Ärendebeskrivning Nämnden ska
…", "Kommunstyrelsen KSAU 130/2014 Dnr 2014/ Ombudgetering 2014 Arbetsutskottets förslag till kommunstyrelsen …".
The heading is what stands between the page's references (its number, the letterhead, the case's number) and that
label."""

import re

from meetings.importing import attendance as att

from .header import BODY_CORE

# the labels an item's account opens with in Swedish minutes, each followed by the account's first sentence
# ("Ärendebeskrivning Nämnden ska …", "Arbetsutskottets förslag till kommunstyrelsen Arbetsutskottet föreslår …")
ACCOUNT_LABEL = re.compile(
    r"\s(?:Ärendebeskrivning|ÄRENDEBESKRIVNING|Ärendet|Sammanfattning(?:\s+av\s+ärendet)?|Bakgrund|Beslutsunderlag|"
    r"Förslag\s+till\s+beslut|Beslutsförslag|"
    r"[A-ZÅÄÖ][a-zåäö]+(?:-\s+och\s+[a-zåäö]+)?s\s+(?:förslag|beslut)(?:\s+till\s+(?:beslut|[a-zåäö]+))?)"
    r":?(?:\s+(?=[A-ZÅÄÖ][a-zåäö])|$)"
)
MOST_WORDS = 20  # a heading is shorter; more words before the label are the text of the page before
# a reference of the page or the case, never a heading's word: "130/2014", "Dnr04/Ks", "(SÄN/2012:3)", "(27)", "[68]"
REFERENCE = re.compile(r"^(?:(?=\S*\d)(?=\S*[/:])\S+|[Dd]nr\b.*|[(\[]\d{1,4}[)\]])$")
ABBREVIATION = re.compile(r"^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}$")  # "SBN", "Ksau", "Au": a body's mark before its number
LEADING = re.compile(
    r"^(?:[A-ZÅÄÖ]{2,}\b\s*|[A-ZÅÄÖ][\wåäö]*\.\w+\.\s*|"  # a letterhead's capitals, "Särsk.bil."
    r"(?:[A-ZÅÄÖ][a-zåäö]+-\s+och\s+[a-zåäö]*|[A-ZÅÄÖ][\wåäö]*)" + BODY_CORE + r"\s+)+"  # "Miljö- och byggnämnden"
)


def _after_references(words: list[str]) -> list[str]:
    """The words after the last reference: a case's or page's number, or a body's mark and its number ("SBN 191")."""
    while words and REFERENCE.match(words[-1]):
        words = words[:-1]  # "Informations- och frågestund (SÄN/2012:3) Ärendebeskrivning": the case's after it
    start = 0
    for position, word in enumerate(words):
        bare_number = re.fullmatch(r"\d{1,4}", word) is not None
        before = words[position - 1] if position else ""
        marked = bare_number and (not before or ABBREVIATION.match(before) or before[-1:].isdigit())
        if REFERENCE.match(word) or marked:
            start = position + 1
    return words[start:]


def heading_before_label(line: str) -> tuple[str, str] | None:
    """(the heading, the account from its label on) for a page's line whose heading the account's first label ends."""
    label = ACCOUNT_LABEL.search(line)
    if not label:
        return None
    words = _after_references(line[: label.start()].split())
    title = LEADING.sub("", " ".join(words)).strip().rstrip(".")
    sentence = re.search(r"[.!?]\s+[A-ZÅÄÖ]", title)  # the text before the label holds a sentence's end: no heading
    if not title or len(words) > MOST_WORDS or not re.match(r"[A-ZÅÄÖ]", title) or sentence:
        return None
    return title, line[label.start() :].strip()


# "DAGORDNINGEN Förslaget till dagordningen godkändes", "3 VAL AV PROTOKOLLJUSTERARE Gun Björnsberg och …": a heading
# typed in capitals, its text run on after it (the number, where there is one, before it)
CAPITALS = re.compile(
    r"^(?:(\d{1,2})[A-Z]?\s+)?((?:[A-ZÅÄÖ]{2,}[,-]?\s+){0,7}[A-ZÅÄÖ]{3,})(?:\s+([A-ZÅÄÖ][a-zåäö].*))?$"
)
# a letterhead's or the notice's capitals, never an item's heading: "SAMMANTRÄDESPROTOKOLL", "BEVIS OM ANSLAG"
NOT_A_HEADING = re.compile(
    r"^(?:\w*PROTOKOLL|\w*ANTECKNINGAR|KOMMUN|SAMMANTRÄDE\w*|ANSLAG\w*|BEVIS|JUSTERAS|JUSTERING\w*|UNDERSKRIFT\w*|"
    r"NÄRVARANDE|DATUM|PLATS|WORD|PNG|TXT|JPG|PDF|\w{21,})$"
)


def capitals_heading(line: str) -> tuple[str | None, str, str] | None:
    """(number, heading, text) for a line that opens with a heading in capitals."""
    match = CAPITALS.match(line.strip())
    if not match or any(NOT_A_HEADING.match(word) for word in re.findall(r"\w+", match[2])):
        return None
    if att.LABEL.match(match[2]):
        return None  # "LEDAMÖTER", "BESLUTANDE": a list's label
    return match[1], match[2], match[3] or ""


def capitals_headings(lines: list[str]) -> set[str]:
    """The headings in capitals of a document that writes three or more, each once (a label the pages repeat,
    "DIREKTIONEN BESLUTAR", a letterhead's "FOLKHÄLSORÅD", is none)."""
    found = [heading[1] for line in lines if (heading := capitals_heading(line))]
    once = {heading for heading in found if found.count(heading) == 1}
    return once if len(once) >= 3 else set()


# "Ks 1 Dnr 2012-KS Namninsamling med begäran …", "Kommunstyrelsen Dnr 2014:645/45 Ks 1 Medborgarförslag …", "Ksau 213
# Dnr Ks Svar på förfrågan …": a page whose "§" was lost, its item known by the body's mark and number beside the case's
# number, then the heading and its text
MARK = r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}"
CASE_REF = r"(?:Dnr|Diarienummer)\b\.?:?\s*(?:[\w:.-]*\d[\w/:.-]*|[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\b|[\w.-]*/)?"
MARKED_CASE = re.compile(
    rf"(?:^|\s)(?:(?P<mark>{MARK})\s+(?P<number>\d{{1,3}})\s+{CASE_REF}|{CASE_REF}\s+(?P<mark2>{MARK})\s+"
    rf"(?P<number2>\d{{1,3}})|^(?P<number3>\d{{1,3}})\s+{CASE_REF})\s+(?P<title>[A-ZÅÄÖ][a-zåäö].*)$"
)
NOT_A_MARK = {"Sida", "Sid", "Blad", "Kl", "Nr", "Dnr", "Bilaga", "Punkt", "Datum"}


def marked_case(line: str) -> tuple[str, str] | None:
    """(number, heading and text) of a page's item known by its mark and number beside the case's number, near the
    line's start."""
    match = MARKED_CASE.search(line)
    if not match or match.start() > 120:
        return None
    if (match["mark"] or match["mark2"]) in NOT_A_MARK:
        return None
    return match["number"] or match["number2"] or match["number3"], match["title"]
