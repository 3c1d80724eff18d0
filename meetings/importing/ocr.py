"""Text recognition (OCR) of scanned PDF pages: each page is rendered to an image with pypdfium2 (PDFium, which
pdfplumber already brings) and read by Tesseract in Swedish (Debian's `tesseract-ocr` and `tesseract-ocr-swe`).

Tesseract is run as a program, one page at a time, with a time limit per page. It is slow (seconds a page), so it
runs only in the Celery worker, never in a web request. Without Tesseract or its Swedish data the portal still
imports every document that has text, and says so for a scanned one.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING

from . import layout

if TYPE_CHECKING:  # PDFium is loaded where a scan is read (in the worker), not with the web process
    import pypdfium2

LANGUAGE = "swe"
# Debian's Swedish model (tessdata_fast) has no section sign in its alphabet (its 101 characters), so it reads the
# "§" of "§ 12" as the nearest sign it has, "$". In Swedish text a dollar sign does not stand before a number (an
# amount is "12 kr", or "USD 12"), so there "$" is read back as "§". (Adding the English model, which has "§", makes
# Tesseract take some Swedish words from it, without their å, ä and ö.)
SECTION_SIGN_READ_AS = re.compile(r"^\$(\$?)(?=\d|$)")
# At the start of a line, before the number of a heading ("& 84 Mötets öppnande", "8 19 Val av justerare",
# "S 12 Budget", "&84"), Tesseract also reads "§" as "&", "8" or "S": a line does not start so otherwise.
LINE_START_SECTION_SIGN = re.compile(r"^[&$S8]$")
LINE_START_SECTION_GLUED = re.compile(r"^[&$S](\d{1,3})$")
# Tesseract reads body text best at about 300 dots an inch; a page rendered at that is some 2500 x 3500 pixels.
DPI = 300
# A page that takes Tesseract longer than this is not a page of minutes.
PAGE_TIMEOUT_SECONDS = 120


class OcrUnavailable(Exception):
    """Tesseract, or its Swedish language data, is not installed."""


class OcrFailed(Exception):
    """Tesseract ran but could not read a page."""


@functools.cache
def tesseract() -> str | None:
    """The Tesseract program, if it is installed with Swedish; None otherwise."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    languages = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()}
    return program if LANGUAGE in languages else None


def available() -> bool:
    return tesseract() is not None


def _page_image(document: pypdfium2.PdfDocument, index: int) -> bytes:
    page = document[index]
    try:
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        page.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _recognise(program: str, image: bytes) -> str:
    """The page's words with their boxes (Tesseract's TSV), laid out as a text PDF's page is: the parser reads
    blank lines and wrapped lines the same, whichever way the text came."""
    # One thread: the worker's concurrency is the parallelism; OpenMP threads on top only fight over the cores.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        result = subprocess.run(
            [program, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
            input=image,
            capture_output=True,
            timeout=PAGE_TIMEOUT_SECONDS,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed("timeout") from exc
    if result.returncode != 0:
        raise OcrFailed(result.stderr.decode("utf-8", "replace")[-500:])
    return layout.lay_out(_lines(result.stdout.decode("utf-8", "replace")))


def _lines(tsv: str) -> list[dict]:
    """Tesseract's words (level 5 rows of its TSV) gathered into lines with the box around them."""
    lines: dict[tuple[str, str, str], dict] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        left, top, width, height = (int(value) for value in fields[6:10])
        key = (fields[2], fields[3], fields[4])  # block, paragraph, line
        line = lines.setdefault(key, {"words": [], "top": top, "bottom": top + height, "x0": left, "x1": left})
        line["words"].append(fields[11].strip())
        line["top"] = min(line["top"], top)
        line["bottom"] = max(line["bottom"], top + height)
        line["x0"] = min(line["x0"], left)
        line["x1"] = max(line["x1"], left + width)
    return [{**line, "text": " ".join(_section_signs(line.pop("words")))} for line in lines.values()]


def _section_signs(words: list[str]) -> list[str]:
    """ "$ 12", "$12", "$$ 3-4" back to "§ 12", "§12", "§§ 3-4" (see SECTION_SIGN_READ_AS)."""
    out = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if index == 0 and _heading_number(words[1:]) and LINE_START_SECTION_SIGN.match(word):
            word = "§"
        elif index == 0 and LINE_START_SECTION_GLUED.match(word) and following[:1].isupper():
            word = "§ " + word[1:]
        elif SECTION_SIGN_READ_AS.match(word) and (word.lstrip("$") or following[:1].isdigit()):
            word = SECTION_SIGN_READ_AS.sub(lambda match: "§" + match.group(1).replace("$", "§"), word)
        out.append(word)
    return out


def _heading_number(words: list[str]) -> bool:
    """ "19 Val av justerare": a number of up to three digits, then a capitalised word."""
    return len(words) >= 2 and bool(re.fullmatch(r"\d{1,3}", words[0])) and words[1][:1].isupper()


def pdf_pages_text(data: bytes, pages: list[int], program: str | None = None) -> dict[int, str]:
    """The recognised text of the given pages (0-based) of a PDF, by `program` (by default the Tesseract installed).
    Raises OcrUnavailable or OcrFailed."""
    program = program or tesseract()
    if program is None:
        raise OcrUnavailable
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return {index: _recognise(program, _page_image(document, index)) for index in pages}
    finally:
        document.close()
