"""Attendance lists in the layouts Swedish minutes use."""

import re

from meetings.importing.columns import TITLE_END, TITLE_STEMS

STATUS_LABELS = [
    # (label pattern, status, role implied by the label)
    (r"digitalt\s+närvarande", "närvarande", None),
    (r"(?:närvarande,?\s+)?ej\s+tjänstgörande(?:\s+ersättare)?", "närvarande", "ej tjänstgörande ersättare"),
    (r"närvarolista", "närvarande", None),
    (r"ledamöter", "närvarande", "ledamot"),
    (r"suppleanter", "närvarande", "suppleant"),
    (r"personalrepresentanter|arbetstagarrepresentanter", "närvarande", "personalrepresentant"),
    (
        r"sekretariatet|i\s+tjänsten|särskilt\s+inbjudna|(?:övriga\s+|närvarande\s+)?tjänste(?:män|personer)(?:\s+m\s*fl)?|"
        r"fackliga\s+(?:organisationer|företrädare|representanter)|personalföreträdare|insynsplatser|gäster|"
        r"inbjudna|föredragande|deltagarlista|närvaroförteckning|kansliet|övriga\s+förtroendevalda",
        "närvarande",
        None,
    ),
    (r"ej\s+närvarande", "frånvarande", None),
    (r"(?:närvarande,?\s+)?ej\s+beslutande", "närvarande", None),  # present, not deciding
    # "Beslutande (ledamöter)", "Närvarande beslutande", "Beslutande, närvarande" (before the bare "närvarande")
    (r"(?:närvarande,?\s+)?beslutande(?:\s+ledamöter|,?\s+närvarande)?", "närvarande", "ledamot"),
    (r"närvarande\s+ledamöter|ordinarie\s+ledamöter|deltagande\s+ledamöter", "närvarande", "ledamot"),
    (r"närvarande\s+(?:ersättare|suppleanter)", "närvarande", "ersättare"),
    # an association's board: who votes, and who takes part without a vote
    (r"närvarande\s+med\s+rösträtt", "närvarande", "ledamot"),
    (r"närvarande\s+utan\s+rösträtt", "närvarande", None),
    (r"närvarande", "närvarande", None),
    # "Frånvarande ledamöter Helena Peilot …", "Övriga frånvarande": those absent, of a group (before the bare word)
    (r"(?:övriga\s+)?frånvarande(?:\s+(?:ledamöter|ledamot|ersättare|suppleanter))?", "frånvarande", None),
    (r"frånvarande", "frånvarande", None),
    (r"anmält\s+förhinder|anmälda\s+förhinder|förhinder", "anmält förhinder", None),
    (r"närvara(?:nde|de)\s+och\s+beslutande|beslutande\s+och\s+närvarande|närvarade", "närvarande", None),
    (r"tjänstgörande\s+ersättare", "närvarande", "tjänstgörande ersättare"),
    (r"ersättare", "närvarande", "ersättare"),
    (r"övriga\s+deltagande|övriga\s+deltagare|övriga\s+närvarande|övriga", "närvarande", None),
    (r"adjungerande|adjungerade|adjungerad", "närvarande", "adjungerad"),
    (r"deltagare\s+från\s+[a-zåäö]+", "närvarande", None),  # "Deltagare från kansliet Staffan Normark, VD"
    (r"deltagare", "närvarande", None),
]
LABELS = "|".join(pattern for pattern, _s, _r in STATUS_LABELS)
COUNT = r"(?:\s*\(\d+\))?"  # "Ledamöter (7)": a table's heading with its count
# "Direktionens ledamöter", "Styrelsens ersättare": the body's name in the genitive before the label
BODY_GENITIVE = r"(?:[A-ZÅÄÖ][a-zåäö-]{3,}s\s+)?"
LABEL = re.compile(r"^\s*" + BODY_GENITIVE + r"(" + LABELS + r")" + COUNT + r"\s*(?::|$)\s*(.*)$", re.IGNORECASE)
# In the header a label may be followed by its first entry on the same line ("Beslutande Tuva Lund (S)").
LABEL_RUN_ON = re.compile(
    r"^\s*" + BODY_GENITIVE + r"(" + LABELS + r")\.?" + COUNT + r"(?::|\s+(?=[A-ZÅÄÖ(])|$)\s*(.*)$",
    re.IGNORECASE,
)

ROLES = [
    (r"(?:1:?[ea]|förste|första)\s*v(?:ice)?\.?\s*ordf(?:örande)?\.?", "1:e vice ordförande"),
    (r"(?:2:?[ea]|andre|andra)\s*v(?:ice)?\.?\s*ordf(?:örande)?\.?", "2:e vice ordförande"),
    (r"v(?:ice)?\.?\s*ordf(?:örande)?\.?", "vice ordförande"),
    (r"ordf(?:örande)?\.?", "ordförande"),
    (r"tf\.?\s*fc|tf\.?\s*förbundschef", "tf förbundschef"),
    (r"fc|förbundschef", "förbundschef"),
    (r"ers\.?|ersättare", "ersättare"),
    (r"tjg?\.?\s*ers\.?|tjänstgörande(?:\s+ersättare)?|tjg", "tjänstgörande ersättare"),
    (r"ledamot", "ledamot"),
    (r"sekr\.?|sekreterare|förbundssekreterare", "sekreterare"),
    (r"adjungerad|adj\.?", "adjungerad"),
    (r"revisor", "revisor"),
]
ROLE_WORDS = rf"{TITLE_STEMS}|kansli"  # a title's ending anywhere in a word, or the secretariat
ORG_WORDS = re.compile(
    r"kommun|region|landsting|försäkringskassan|arbetsförmedlingen|\bfk\b|\baf\b|stad\b|förbund|samordningsförbund|"
    r"förening|verket\b|styrelsen\b|förvaltning|kansliet\b|bolag|\bAB\b",
    re.IGNORECASE,
)
PARTIES = "S|M|C|L|V|KD|MP|SD|FP|Fi"
PARTY = re.compile(rf"\(({PARTIES})\)")
OTHER_PARENTHESES = re.compile(rf"\((?!(?:{PARTIES})\))[^)]*\)")
PARAGRAPHS = re.compile(r"(?:tjg\.?\s*)?§{1,2}\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)", re.I)


LIST_TITLE = re.compile(r"närvarolista|närvaroförteckning|deltagarlista|deltagarförteckning", re.I)


SEE_LIST = re.compile(
    r"(?:se|enligt)\s+(?:(?:bifogad|bilagd|separat)e?a?\s+)?(?:närvarolista|närvaroförteckning|deltagarlista|bilaga)"
    r"(?:\s*\d+)?[\s,.;]*",
    re.I,
)


def label_of(line, *, header=False):
    """(status, implied role, rest of the line) when the line starts an attendance list, else None. In the header
    (before the first item) the label needs no colon before a name."""
    match = LABEL.match(line) or (header and LABEL_RUN_ON.match(line))
    if not match:
        return None
    label = match.group(1).lower()
    rest = match.group(2).strip()
    # "Ledamöter: Se närvarolista Övriga: Magnus Nordström, kommunchef …": a list kept elsewhere, then the next label
    elsewhere = SEE_LIST.match(rest)
    if elsewhere and rest[elsewhere.end() :] and (following := label_of(rest[elsewhere.end() :], header=header)):
        return following
    if elsewhere and rest[elsewhere.end() :]:
        rest = rest[elsewhere.end() :]  # "Övriga deltagare Enligt separat närvaroförteckning Kommunsekreterare …"
    # "Beslutande: Ej beslutande: A (C) B (M) …": two columns' labels, then the names of both (the first column's
    # first, as a table reads); "Övriga Ledamöter: A, B Ersättare: C" names a role for the names after it
    inner = LABEL.match(rest) if rest.split(":")[0].count(" ") < 3 else None
    second = label_of(rest) if inner and inner.group(2).strip() else None
    if second and second[1] is None:
        rest = second[2]
    if LIST_TITLE.fullmatch(label):  # "Närvaroförteckning landstingsfullmäktige Margareta Winberg (S) …": whose list
        rest = re.sub(r"^(?:[a-zåäö][\wåäö-]*\s+){1,3}(?=[A-ZÅÄÖ])", "", rest)
    # "Beslutande kommunrepresentanter Britta …", "Beslutande partirepresentanter": which members, part of the label
    rest = re.sub(r"^[a-zåäö]+(?:representanter|ledamöter|företrädare)\s*:?\s*(?=[A-ZÅÄÖ(]|$)", "", rest)
    if not rest and not line.rstrip().endswith(":") and len(line.split()) > 3:
        return None
    if header and rest and not re.match(r"[A-ZÅÄÖ(]", rest) and not line[match.end(1) :].lstrip().startswith(":"):
        return None
    for pattern, status, role in STATUS_LABELS:
        if re.fullmatch(pattern, label, re.IGNORECASE):
            return status, role, rest
    return None


def normalise_role(text):
    text = (text or "").strip(" ,.;()")
    for pattern, role in ROLES:
        if re.fullmatch(pattern, text, re.IGNORECASE):
            return role
    return text or None


def _is_role(text):
    text = text.strip(" ,.;()")
    if not text:
        return False
    if any(re.fullmatch(pattern, text, re.IGNORECASE) for pattern, _role in ROLES):
        return True
    return bool(re.search(ROLE_WORDS, text, re.IGNORECASE)) and not ORG_WORDS.search(text)


def _is_org(text):
    return bool(ORG_WORDS.search(text))


def _is_name(text):
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.lower() in ("von", "af", "de", "van") for w in words)


def _paragraphs(text):
    match = PARAGRAPHS.search(text)
    if not match:
        return text, None
    value = re.sub(r"\s+", "", match.group(1)).replace("–", "-").replace(",", ", ")
    return (text[: match.start()] + text[match.end() :]).strip(" ,"), value


def person(entry, *, status, role=None, organisation=None):
    """One attendee from "Name", "Name, role", "Name (role)", "Name, role, organisation", "Org/Name/Role"."""
    entry, paragraphs = _paragraphs(entry.strip(" ,;"))
    result = {"name": "", "status": status, "role": role, "organisation": organisation, "paragraphs": paragraphs}
    if "/" in entry and entry.count("/") == 2:
        org, name, role_text = (part.strip() for part in entry.split("/"))
        result.update(name=name, organisation=org or organisation, role=normalise_role(role_text) or role)
        return result
    party = PARTY.search(entry)
    if party:
        result["party"] = party.group(1)
        entry = entry[: party.start()] + entry[party.end() :]
    extras = re.findall(r"\(([^)]*)\)", entry)
    name_part = re.sub(r"\([^)]*\)", "", entry)
    parts = [part.strip() for part in name_part.split(",") if part.strip()]
    result["name"] = parts[0] if parts else entry
    # "rektor Bitte Åström", "lär- och kulturchef Ingela Rauhala": the title first, in lower case
    lead = re.match(r"^((?:[a-zåäö][\wåäö-]*\s+){1,4})(?=[A-ZÅÄÖ])", result["name"])
    if lead and TITLE_END.match(lead.group(1).split()[-1]):
        result["name"], result["role"] = result["name"][lead.end() :], lead.group(1).strip()
    for extra in parts[1:] + extras:
        extra, more_paragraphs = _paragraphs(extra)
        result["paragraphs"] = result["paragraphs"] or more_paragraphs
        if not extra:
            continue
        if _is_org(extra) and not _is_role(extra):
            result["organisation"] = extra
        elif result["role"] in (None, role):
            result["role"] = normalise_role(extra)
        else:
            result["organisation"] = result["organisation"] or extra
    return result


def split_entries(text):
    """Split "A (ordf), B (v. ordf) C (FC)" and "A, B, C" into entries; a "Name, role" line stays one entry."""
    text = text.strip()
    if not text:
        return []
    if OTHER_PARENTHESES.search(text):
        entries = re.findall(r"[^,()]+?\s*\([^)]*\)(?:\s*§+\s*[\d\s,–-]+)?|[^,()]+", text)
        return [e.strip(" ,") for e in entries if e.strip(" ,")]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    second = _paragraphs(parts[1])[0] if len(parts) >= 2 else ""
    if (
        len(parts) >= 2
        and _is_name(PARTY.sub("", parts[0]).strip())
        and (_is_role(second) or _is_org(second) or not second)
    ):
        return [text]  # "Marie Svensson, ordf" or "Anna-Lena Karlsson, Försäkringskassan"
    return parts


def parse_line(line, *, status, role):
    """The attendees on one line of a list, including a "Group: A (role), B" line grouped per federation."""
    group = None
    match = re.match(r"^([^:()]{2,60}?)\s*:(?!e\b)\s*(.+)$", line)
    if match and not _is_name_with_role(match.group(1)):
        group, line = match.group(1).strip(), match.group(2)
    people = [person(entry, status=status, role=role, organisation=group) for entry in split_entries(line)]
    return [p for p in people if p["name"]]


def _is_name_with_role(text):
    return "," in text


# a list's group heading in the plural or the definite form, and the role of each name under it
GROUP_PLURALS = {
    "ledamöter": "ledamot",
    "suppleanter": "suppleant",
    "ersättare": "ersättare",
    "ersättarna": "ersättare",
}


def group_role(heading):
    """ "Ledamöterna" -> "ledamot", "Suppleanterna" -> "suppleant", "Personalrepresentanten" -> "personalrepresentant",
    "Verkställande direktören" -> "verkställande direktör"; None for a heading that names no role ("Företrädare för de
    studerande", "Rektor")."""
    words = heading.strip(" :").lower().split()
    if not words or len(words) > 2:
        return None
    *before, last = words
    for plural in (last, last.removesuffix("na")):
        if plural in GROUP_PLURALS:
            return GROUP_PLURALS[plural]
    # the definite form names one person's role ("Ordföranden"); a bare title ("Rektor") may head a category whose
    # names have roles of their own
    for bare in {last.removesuffix("en"), last.removesuffix("n")} - {last}:
        if TITLE_END.match(bare):
            return " ".join([*before, bare])
    return None
