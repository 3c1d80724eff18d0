"""The shapes of lines and names that more than one step of the parser recognises: an item's heading, a field of
the header or a signature, a person's name."""

import re

from meetings.importing.lexicon import NAME_LOWER, NAME_UPPER

# "§ 12", "§12 Titel", "KF § 266", "§ 63/20 Titel" (number/year), "§ 27A Titel" (a § added between two)
# "33 § Titel": the number before the sign, as some municipalities write it
# "§ 12 …", "KS § 12", "Kf § 17", "Bun § 3" (the body's short name before the sign; not "Se § 12", "Enl § 3")
ITEM_PARAGRAPH = re.compile(
    r"^(?:(?:(?:[A-ZÅÄÖ]{1,5}|(?!(?:Se|Enl|Jfr|Av|Ur|Om|Vid|Med|Och|Till|Från|Kap|Lag|Enligt)\s)[A-ZÅÄÖ][a-zåäö]{1,4})\s+)?"
    r"§\s*(\d+(?:[A-Za-z](?=[\s.:]))?)(?:/\d\d)?|(\d{1,3})\s*§(?=\s))\s*[.:]?\s*(.*)$"
)
ITEM_NUMBERED = re.compile(r"^-?\s*(\d{1,2})\s*[.)]\s*(\S.{0,120})$")
ITEM_RUN_ON = re.compile(r"^(?:§\s*)?(\d{1,3})\s*[.)]?\s+([A-ZÅÄÖ].+)$")
RUN_ON_LINE = 120  # a longer line is a flattened page: its heading ends where the first sentence starts
# a field of the header or a signature ("Datum för anslags uppsättande" is the notice's date, not the meeting's)
FIELD = re.compile(
    r"^(?:underskrift(?:er)?:?\s+)?(datum(?!\s+(?:för|då|när)\s+anslag)|sammanträdesdatum|dag|tid och plats|tid|"
    r"plats och tid|plats|lokal|"
    r"sekreterare|"
    r"vid protokollet|justeras|utses att justera|utses justera|utsågs|protokollsjusterare|protokolljusterare|"
    r"justerare|justerande|ordförande|paragrafer|"
    r"justeringens (?:plats och tid|tid och plats)|justeringsdag|justeringsdatum|underskrift(?:er)?)"
    r"(?![\wåäö])\s*[.…]*\s*[:=]?\s*(.*)$",  # "Ordförande = Tom Sundelin (s)": a signature's line drawn with "="
    re.I,
)
CONTENTS_ENTRY = re.compile(r"(?:\.{2,}|…+)\s*\d{1,3}$")  # "Ekonomiskt bistånd... 6": a table of contents' line
DOT_LEADER = re.compile(r"\.{2,}|…+|_{3,}")
# "Finn Stavnsbo (SD) med Lena Stensgård (M) som ersättare": a justerare's reserve, no justerare
# "… med Eva Lind som ersättare", "… och ersättare Per Jakobsson (M).": the one who justerar only if another cannot
RESERVE = re.compile(
    r",?\s+(?:med|och)\s+[^,]+?\s+som\s+(?:ersättare|reserv)\b[^,]*?(?=\s+[A-ZÅÄÖ]|$)"
    r"|,?\s+(?:med|och)\s+(?:som\s+)?(?:ersättare|reserv)\s+(?=[A-ZÅÄÖ])[^,.]*"
)
WITH_CHAIR = re.compile(r"jämte\s+(?:mötes)?ordförande(?:n|na)?\b", re.I)
# a time or a date: "12:00", ":00" (its hour lost), "kl 9.30", "25 mars 2004 kl", "2006-06-01"
TIME_OR_DATE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*(?:\s+\d{4})?(?:\s+kl\.?)?",
    re.I,
)
VOTE_COUNT = re.compile(r"(\d+)\s+(?:personer\s+)?röstade\s+(ja|nej)", re.I)
# (a middle initial: "Mats E Nilsson", "Bengt G. Gustavsson")
PERSON = (
    rf"[{NAME_UPPER}][{NAME_LOWER}]+(?:-[A-ZÅÄÖ][{NAME_LOWER}]+)?(?:\s+[A-ZÅÄÖ]\.?(?=\s+[{NAME_UPPER}][{NAME_LOWER}]))?"
    rf"(?:\s+[{NAME_UPPER}][{NAME_LOWER}]+(?:-[A-ZÅÄÖ][{NAME_LOWER}]+)?){{1,2}}"
)
PEOPLE = rf"{PERSON}(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?(?:\s*(?:,|och)\s*{PERSON}(?:\s*\([A-Za-zÅÄÖåäö]{{1,4}}\))?)*"


# Words of a table's column headings and of votes, never a person: "Ja Nej", "Namn Parti".
NOT_NAMES = {"ja", "nej", "avstår", "avstod", "namn", "parti", "närvaro", "närvarande", "frånvarande", "ersättare"}


def names_only(text: str) -> bool:
    text = re.sub(r"\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)", "", DOT_LEADER.sub(" ", text)).strip(" .")
    return bool(text) and all(plausible_name(n) for n in split_names(text))


def split_names(text: str | None) -> list[str]:
    text = re.sub(r"\(\s*[A-Za-zÅÄÖåäö]{1,4}\s*\)", "", text or "")
    parts = re.split(r"\s+och\s+|,\s*|\s*\.{2,}\s*|\s+\.\.\s+", text)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def plausible_name(name: str | None) -> bool:
    """Two to five words, at least two of them capitalised, no digits: "Kjell Sjun demark" (a broken word) is a
    name, "Enligt förteckning" is not."""
    words = (name or "").split()
    capitalised = [w for w in words if re.match(rf"^[{NAME_UPPER}][\w'’-]*$", w) and (len(w) <= 14 or "-" in w)]
    return (
        2 <= len(words) <= 5
        and len(capitalised) >= 2
        and words[0] in capitalised
        and not re.search(r"\d", name or "")
        and not all(word.casefold() in NOT_NAMES for word in words)
        and not NOT_IN_NAMES.search(name or "")
    )


# Words of an organisation, a body or the document, never part of a person's name: "TJÖRNS KOMMUN
# SAMMANTRÄDESPROTOKOLL Socialnämnden" is a letterhead, not a secretary.
NOT_IN_NAMES = re.compile(
    r"kommun|region\b|regionen|landsting|protokoll|nämnd|styrelse|förbund|fullmäktige|utskott|förvaltning|"
    r"sammanträde|anslag|justera|paragraf|underskrift",
    re.IGNORECASE,
)
