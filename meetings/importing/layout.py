"""Text of Word and PDF documents as they are laid out: the reading order, line breaks and blank lines that the
parser uses to tell a list from a paragraph. Pure functions over the file's bytes or python-docx's document."""

from __future__ import annotations

import io
import statistics
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-docx and pdfplumber are loaded where a document is read, not with the web process
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# A vertical gap larger than this many times the usual line distance is a blank line in the text.
PDF_BLANK_GAP = 1.6
# A line that reaches this share of the page's text width was wrapped by the layout and goes on on the next line.
PDF_WRAPPED = 0.9


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
    return lay_out(page.extract_text_lines(layout=False, strip=True, return_chars=False))


def lay_out(lines: list[dict]) -> str:
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
    right = max(line["x1"] for line in lines)
    width = max(right - left, 1.0)
    out: list[str] = []
    previous = None
    for line in lines:
        text = line["text"]
        if previous is not None:
            gap = line["top"] - previous["top"]
            if gap > PDF_BLANK_GAP * step:
                out.append("")
            elif (previous["x1"] - left) / width >= PDF_WRAPPED and gap > 0 and out:
                out[-1] = f"{out[-1]}{'' if out[-1].endswith('-') else ' '}{text}"
                previous = line
                continue
        out.append(text)
        previous = line
    return "\n".join(out)
