"""Text of Word and PDF documents as they are laid out: the reading order, line breaks and blank lines that the
parser uses to tell a list from a paragraph. Pure functions over the file's bytes or python-docx's document."""

from __future__ import annotations

import io
import statistics
from typing import TYPE_CHECKING

from . import wrapping

if TYPE_CHECKING:  # python-docx and pdfplumber are loaded where a document is read, not with the web process
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# A vertical gap larger than this many times the usual line distance is a blank line in the text.
PDF_BLANK_GAP = 1.6
# A line that reaches this share of the page's text width, and after which the next line's first word would not have
# fitted, was wrapped by the layout and goes on on the next line.
PDF_WRAPPED = 0.9
# Short of that it went on unless the text says a new element starts (a label, a role word, a § heading); short of
# this share too, only where the text says it goes on (a name, a sentence, a comma list cut short:
# `wrapping.continues`).
PDF_MAYBE_WRAPPED = 0.75


def docx_text(document: Document) -> str:
    """Paragraphs and tables in the order they stand in the document. Blank lines come from empty paragraphs when
    the author made them; a document without any (one paragraph per block, spacing by style) gets a blank line
    between paragraphs, so both ways of writing read the same."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[list[str]] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_paragraph_lines(Paragraph(element, document)))
        elif tag == "tbl":
            blocks.append(_table_lines(Table(element, document)))
    has_blank_paragraphs = any(block == [""] for block in blocks)
    separator = "\n" if has_blank_paragraphs else "\n\n"
    return separator.join("\n".join(block) for block in blocks)


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    text = paragraph.text.replace("\r", "\n").replace("\v", "\n")
    return text.split("\n") if text.strip() else [""]


def _table_lines(table: Table) -> list[str]:
    """A row of a header table ("Beslutande" | names, one a line) is its label and then its cells' lines."""
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):  # a merged cell is repeated for every column it spans
                cells.append(text)
        if not cells:
            continue
        first, rest = cells[0], cells[1:]
        if rest and "\n" not in first:
            rest_lines = "\n".join(rest).split("\n")
            lines.append(f"{first} {rest_lines[0]}".strip())
            lines.extend(rest_lines[1:])
        else:
            lines.extend("\n".join(cells).split("\n"))
    return lines


def pdf_text(data: bytes) -> str:
    """The text of every page with its lines and blank lines (pages separated by a form feed)."""
    return PAGE_BREAK.join(text for text, _scanned in pdf_pages(data))


PAGE_BREAK = "\n\f\n"


def pdf_pages(data: bytes) -> list[tuple[str, bool]]:
    """Each page's text, and whether the page is a scan: no text, but an image to read it from."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = []
        for page in pdf.pages:
            text = _page_text(page)
            pages.append((text, not text.strip() and bool(page.images)))
            page.close()  # pdfplumber keeps every page's objects until the document closes
        return pages


def _page_text(page) -> str:
    words = page.extract_words()
    gutter = column_gutter(words, page.width)
    if gutter is None:
        lines = page.extract_text_lines(layout=False, strip=True, return_chars=False)
        return lay_out(_with_heads(lines, words), page_width=page.width)
    # two columns: the left one read down to its end, then the right one (not across the page line by line)
    halves = [page.crop((0, 0, gutter, page.height)), page.crop((gutter, 0, page.width, page.height))]
    return "\n\n".join(
        lay_out(
            _with_heads(half.extract_text_lines(layout=False, strip=True, return_chars=False), half.extract_words())
        )
        for half in halves
    )


def _with_heads(lines: list[dict], words: list[dict]) -> list[dict]:
    """Each line with the right edge of its first word ("head"): whether that word would have fitted at the end of
    the line before tells a wrap from a line the author ended."""
    starts = {}
    for word in words:
        starts.setdefault((round(word["top"]), round(word["x0"])), word["x1"])
    for line in lines:
        head = starts.get((round(line["top"]), round(line["x0"])))
        if head is not None:
            line["head"] = head
    return lines


# A page is in two columns when a vertical strip near its middle is crossed by almost no word while most rows have
# words on both sides of it.
GUTTER_CROSSED = 0.03
GUTTER_ROWS = 0.5


def column_gutter(words: list[dict], width: float) -> float | None:
    """The x of the gutter between two columns of text, or None for a page in one column."""
    if len(words) < 30:
        return None
    rows: dict[int, list[dict]] = {}
    for word in words:
        rows.setdefault(round(word["top"]), []).append(word)
    best: tuple[int, float, float] | None = None
    for tenth in range(35, 66):
        x = width * tenth / 100
        crossed = sum(1 for word in words if word["x0"] < x < word["x1"])
        both = sum(
            1 for row in rows.values() if any(word["x1"] <= x for word in row) and any(word["x0"] >= x for word in row)
        )
        if crossed <= GUTTER_CROSSED * len(words) and both >= GUTTER_ROWS * len(rows):
            # the fewest words crossed, then the widest clearance on either side (not against a column's edge)
            clearance = min(
                min(x - w["x1"] for w in words if w["x1"] <= x), min(w["x0"] - x for w in words if w["x0"] >= x)
            )
            if best is None or (crossed, -clearance) < best[:2]:
                best = (crossed, -clearance, x)
    return best[2] if best else None


def lay_out(lines: list[dict], page_width: float | None = None) -> str:
    """A page's text from its lines, each a dict with its text and box (top, bottom, x0, x1, in any one unit): in
    reading order, a blank line where the gap is wide, a line wrapped at the right edge joined to the next. The
    lines of a text layer (pdfplumber) and of text recognition (Tesseract's words) are laid out alike."""
    if not lines:
        return ""
    lines.sort(key=lambda line: (round(line["top"]), line["x0"]))
    heights = [line["bottom"] - line["top"] for line in lines]
    distances = [b["top"] - a["top"] for a, b in zip(lines, lines[1:], strict=False) if b["top"] > a["top"]]
    # the distance of two lines with nothing between: the lower quartile, as blank lines may be many
    # (or a single-spaced line when every line has a blank one after it)
    single = 1.25 * statistics.median(heights)
    step = min(sorted(distances)[len(distances) // 4], single) if distances else single
    left = min(line["x0"] for line in lines)
    right = _right_edge(lines, left, page_width)
    width = max(right - left, 1.0)
    page = {"left": left, "right": right, "width": width, "height": statistics.median(heights)}
    out: list[str] = []
    previous = None
    for line in lines:
        text = line["text"]
        if previous is not None:
            gap = line["top"] - previous["top"]
            if gap > PDF_BLANK_GAP * step:
                out.append("")
            elif gap > 0 and out and out[-1] and _wrapped(previous, line, out[-1], page):
                out[-1] = wrapping.joined(out[-1], text)
                previous = line
                continue
        out.append(text)
        previous = line
    return "\n".join(out)


def _right_edge(lines: list[dict], left: float, page_width: float | None) -> float:
    """Where the lines end when they run full: the longest line's end, unless no line comes near the margin that
    mirrors the left one (a page of short lines: a signature page, a table), whose lines then wrapped nowhere."""
    longest = max(line["x1"] for line in lines)
    if page_width is None or longest - left >= PDF_WRAPPED * (page_width - 2 * left):
        return longest
    return page_width - left


def _wrapped(previous: dict, line: dict, before: str, page: dict) -> bool:
    """Whether `line` goes on from `previous` (whose text so far is `before`), broken by the layout. Never if the
    line's first word would have fitted after the line before: the author broke the line there. Then always if the
    line before runs to the right edge (a page flattened into one paragraph wraps into its labels too), else as the
    text says (`wrapping.continues`), and where it cannot tell, by how far the line reaches."""
    if _first_word_fits(previous, line, page):
        return False
    reach = (previous["x1"] - page["left"]) / page["width"]
    if reach >= PDF_WRAPPED:
        return True
    says = wrapping.continues(before, line["text"])
    return says is True or (says is None and reach >= PDF_MAYBE_WRAPPED)


def _first_word_fits(previous: dict, line: dict, page: dict) -> bool:
    """The first word of `line`, and a space, fit between the end of `previous` and the right edge (`_right_edge`:
    on a page whose lines run full, the longest line, so a real wrap is never taken for a fit). A word's width is
    measured where the reader gives it ("head"), else guessed from the line's average letter, generously; a space
    is taken as wide as a wide font's (0.35 of the line's height), again so as not to take a wrap for a fit."""
    words = line["text"].split()
    if not words:
        return True
    if "head" in line:
        word = line["head"] - line["x0"]
    else:
        letter = (line["x1"] - line["x0"]) / max(len(line["text"]), 1)
        word = 1.2 * letter * len(words[0])
    # a line may break after a hyphen without a space ("Hisings-" "gemensam"); else a space comes between
    space = 0.0 if previous["text"].endswith("-") else 0.35 * page["height"]
    return word + space < page["right"] - previous["x1"]
