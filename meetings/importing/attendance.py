"""Attendance lists in the layouts Swedish minutes use."""

import re

STATUS_LABELS = [
    # (label pattern, status, role implied by the label)
    (r"digitalt\s+närvarande", "närvarande", None),
    (r"ej\s+närvarande", "frånvarande", None),
    (r"närvarande\s+ledamöter", "närvarande", "ledamot"),
    (r"närvarande", "närvarande", None),
    (r"frånvarande", "frånvarande", None),
    (r"anmält\s+förhinder|anmälda\s+förhinder|förhinder", "anmält förhinder", None),
    (r"beslutande", "närvarande", "ledamot"),
    (r"tjänstgörande\s+ersättare", "närvarande", "tjänstgörande ersättare"),
    (r"ersättare", "närvarande", "ersättare"),
    (r"övriga\s+deltagande|övriga\s+närvarande|övriga", "närvarande", None),
    (r"adjungerande|adjungerade|adjungerad", "närvarande", "adjungerad"),
    (r"deltagare", "närvarande", None),
]
LABEL = re.compile(
    r"^\s*(" + "|".join(pattern for pattern, _s, _r in STATUS_LABELS) + r")\s*(?::|$)\s*(.*)$", re.IGNORECASE
)

ROLES = [
    (r"1:?e\s*v(?:ice)?\.?\s*ordf(?:örande)?\.?", "1:e vice ordförande"),
    (r"2:?e\s*v(?:ice)?\.?\s*ordf(?:örande)?\.?", "2:e vice ordförande"),
    (r"v(?:ice)?\.?\s*ordf(?:örande)?\.?", "vice ordförande"),
    (r"ordf(?:örande)?\.?", "ordförande"),
    (r"tf\.?\s*fc|tf\.?\s*förbundschef", "tf förbundschef"),
    (r"fc|förbundschef", "förbundschef"),
    (r"ers\.?|ersättare", "ersättare"),
    (r"tjg\.?\s*ers\.?|tjänstgörande\s+ersättare", "tjänstgörande ersättare"),
    (r"ledamot", "ledamot"),
    (r"sekr\.?|sekreterare|förbundssekreterare", "sekreterare"),
    (r"adjungerad|adj\.?", "adjungerad"),
    (r"revisor", "revisor"),
]
ROLE_WORDS = (
    "ordförande|ledamot|ersättare|förbundschef|sekreterare|adjungerad|revisor|processtödjare|verksamhetsutvecklare|"
    "projektchef|projektledare|samordnare|ekonom|handläggare|chef|utvecklare|strateg|kansli|koordinator|gäst"
)
ORG_WORDS = re.compile(
    r"kommun|region|landsting|försäkringskassan|arbetsförmedlingen|\bfk\b|\baf\b|stad\b|förbund|samordningsförbund",
    re.IGNORECASE,
)
PARTIES = "S|M|C|L|V|KD|MP|SD|FP|Fi"
PARTY = re.compile(rf"\(({PARTIES})\)")
OTHER_PARENTHESES = re.compile(rf"\((?!(?:{PARTIES})\))[^)]*\)")
PARAGRAPHS = re.compile(r"(?:tjg\.?\s*)?§{1,2}\s*(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)", re.I)


def label_of(line):
    """(status, implied role, rest of the line) when the line starts an attendance list, else None."""
    match = LABEL.match(line)
    if not match:
        return None
    label = match.group(1).lower()
    rest = match.group(2).strip()
    if not rest and not line.rstrip().endswith(":") and len(line.split()) > 3:
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
    match = re.match(r"^([^:()]{2,60}?)\s*:\s*(.+)$", line)
    if match and not _is_name_with_role(match.group(1)):
        group, line = match.group(1).strip(), match.group(2)
    people = [person(entry, status=status, role=role, organisation=group) for entry in split_entries(line)]
    return [p for p in people if p["name"]]


def _is_name_with_role(text):
    return "," in text
