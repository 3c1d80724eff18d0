"""Page marks of a flattened PDF's pages, known by what the pages repeat: a page of how many ("2 (23)", "1(23)",
"2/17"), a page head that kept only the count ("Kommunala Handikapprådet (19)"), a short line on every page."""

import re
from collections import Counter

PAGE_OF_COUNT = re.compile(r"^(\d{1,3}\s+)?(?P<page>\d{1,3})\s*\((?P<count>\d{1,3})\)(?=\s)")  # "[2 ]2 (23)", "1(23)"


PAGE_SLASH_COUNT = re.compile(r"^(?:\d{1,3}\s+)?(?P<page>\d{1,3})/(?P<count>\d{1,3})\s+(?=\S)")  # "[2 ]2/17 …"


def repeated_counts(marks):
    """The page counts that two or more page marks give ("2 (23)", "3 (23)"): a count one mark alone gives may be
    any number in brackets."""
    counts = Counter(m["count"] for m in marks if m and int(m["page"]) <= int(m["count"]))
    return {count for count, seen in counts.items() if seen >= 2}


def slashed_page_marks(lines):
    """ "2/17 Deltagarlista …": page 2 of 17, known by the count the other pages' marks repeat, is taken away."""
    marks = [PAGE_SLASH_COUNT.match(line) for line in lines]
    totals = repeated_counts(marks)
    return [line[m.end() :] if m and m["count"] in totals else line for line, m in zip(lines, marks, strict=True)]


def spaced_page_marks(lines):
    """ "1(23) Tid …" is the page mark "1 (23)" (page 1 of 23) whose space text recognition lost: known as one by
    its page count, which the marks of the other pages repeat ("2 (23)", "3 (23)"), and given its space back. Where
    the other pages carry a sharing site's page number before the document's own mark ("2 2 (17)"), a "11 (17)" is
    "1 1 (17)" read without its space."""
    marks = [PAGE_OF_COUNT.match(line) for line in lines]
    totals = repeated_counts(marks)
    doubled = {m.group(3) for m in marks if m and m.group(1) and m.group(1).strip() == m.group(2)}
    out = []
    for line, m in zip(lines, marks, strict=True):
        if not m or m.group(3) not in totals:
            out.append(line)
            continue
        number, half = m.group(2), len(m.group(2)) // 2
        if not m.group(1) and m.group(3) in doubled and half and number[:half] == number[half:]:
            number = f"{number[:half]} {number[half:]}"
        out.append(f"{m.group(1) or ''}{number} ({m.group(3)})" + line[m.end() :])
    return out


def repeated_page_lines(lines):
    """Short lines repeated on every page of a PDF (header or footer): only when the text has page breaks."""
    if sum(1 for line in lines if "\f" in line) < 2:
        return set()
    counts = Counter(line.strip() for line in lines if 0 < len(line.strip()) < 80)
    pages = sum(1 for line in lines if "\f" in line) + 1
    return {line for line, count in counts.items() if count >= max(3, pages - 1) and not line.startswith("§")}


# "Kommunala Handikapprådet (19)", "3 Kommunala Handikapprådet (19)": a page head with the count of pages (the page's
# own number lost; a sharing site's number before it)
COUNTED_HEAD = re.compile(r"^(?:\d{1,3}\s+)?(\S.{2,78}\s\(\d{1,3}\))$")


def counted_page_heads(lines):
    """A page head that kept only the count of pages, the same on two pages or more: the first stays (it may be all
    that names the body), the others go."""
    heads = [COUNTED_HEAD.match(line.strip()) for line in lines]
    counts = Counter(head[1] for head in heads if head)
    seen = set()
    out = []
    for line, head in zip(lines, heads, strict=True):
        if head and counts[head[1]] >= 2:
            if head[1] in seen:
                continue
            seen.add(head[1])
        out.append(line)
    return out
