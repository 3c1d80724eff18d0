"""Noise of exported documents: markdown residue, page numbers, broken words, footnote markers."""

import re
from collections import Counter

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTNOTE_LINE = re.compile(rf"^\s*[{SUPERSCRIPTS}]+\s*\S")
PAGE_NUMBER = re.compile(r"^\s*(?:sida\s+)?\d+\s*(?:\(\s*\d+\s*\)|av\s+\d+|/\s*\d+)?\s*$|^\s*-\s*\d+\s*-\s*$", re.I)
HYPHEN_BREAK = re.compile(r"(\w)-\n(?:[ \t]*\n)*[ \t]*(\w)")


def normalise(text):
    """Lines of the document, cleaned; blank lines kept as separators. Returns (lines, warnings)."""
    warnings = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    text = text.replace("**", "").replace("__", "")
    # A word broken at a line end by PDF extraction ("där-\nefter"); keep real hyphens inside a line.
    text = HYPHEN_BREAK.sub(lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), text)
    lines = [line.rstrip() for line in text.split("\n")]
    repeated = _repeated_page_lines(lines)
    cleaned = []
    for line in lines:
        stripped = line.strip()
        if stripped == "\f":
            cleaned.append("")
            continue
        stripped = stripped.replace("\f", "")
        if PAGE_NUMBER.match(stripped) and stripped:
            continue
        if stripped and stripped in repeated:
            continue
        cleaned.append(re.sub(r"\s{2,}", " ", stripped))
    if repeated:
        warnings.append("Sidhuvud eller sidfot togs bort: " + "; ".join(sorted(repeated)))
    return cleaned, warnings


def _repeated_page_lines(lines):
    """Short lines repeated on every page of a PDF (header or footer): only when the text has page breaks."""
    if sum(1 for line in lines if "\f" in line) < 2:
        return set()
    counts = Counter(line.strip() for line in lines if 0 < len(line.strip()) < 80)
    pages = sum(1 for line in lines if "\f" in line) + 1
    return {line for line, count in counts.items() if count >= max(3, pages - 1) and not line.startswith("§")}


def strip_footnote_markers(text):
    """ "incheckningsrunda¹" -> "incheckningsrunda"; footnote lines themselves are kept as text."""
    return re.sub(rf"(?<=[\w\"”’)])[{SUPERSCRIPTS}]+", "", text)


def is_footnote(line):
    return bool(FOOTNOTE_LINE.match(line))
