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
SECTION_SIGN_READ_AS = re.compile(r"^(\(?)\$(\$?)(?=\d|$)")
# At the start of a line, before the number of a heading ("& 84 Mötets öppnande", "8 19 Val av justerare",
# "S 12 Budget", "&84"), Tesseract also reads "§" as "&", "8" or "S": a line does not start so otherwise.
LINE_START_SECTION_SIGN = re.compile(r"^[&$S8]$")
LINE_START_SECTION_GLUED = re.compile(r"^[&$S](\d{1,3})$")
# "&" for "§" where nothing else fits: alone before a number on its line ("& 31", the heading's text on the next) and
# at the end of a range begun with "§" ("§ 94 - & 106"). Elsewhere "&" before a number may be a name's ("Per & 12").
AMPERSAND_BEFORE_NUMBER = re.compile(r"\d{1,3}(?:/\d\d)?(?:-\d{1,3})?[,.:)]?")
# A heading's "§" read as a digit or a letter, glued or not ("815 Inlämnande", "KF 8 267"), known by its number: the
# one after the previous heading's.
SECTION_IN_SEQUENCE = re.compile(r"^((?:[A-ZÅÄÖ]{1,5}\s+)?)[8S5&$s]\s?(\d{1,3})\b")
# A speck or a mark of the margin read before a heading's "§" ("- §2 Psykisk ohälsa", "> §6 Roller"): no heading starts
# so, and no line of text starts with a "§" after such a sign.
JUNK_BEFORE_SECTION = re.compile(r"^[-–—>«»*•·.,:;|~_]+\s*(?=§\s*\d)")
SECTION_HEADING = re.compile(r"^(?:[A-ZÅÄÖ]{1,5}\s+)?§\s*(\d{1,3})\b")
# A speck read as punctuation is much lower than the letters beside it (a full stop or a comma is too, but sits
# close to its word).
SPECK_HEIGHT = 0.4
# A colon, a semicolon, a bar or a bracket is at least half as high as the letters, a quotation mark a third: one
# under a quarter of them is a speck, however close to a word; so is a letter or a digit that low, far from the words
# ("sammanträde.      z").
TALL_SIGNS = set(":;|!?()[]{}\"'”“‘’")
TALL_SPECK_HEIGHT = 0.25
# A speck glued to the front of a word (".tilläggsärenden", "«2", ";Budget"): no Swedish word starts with these before a
# letter or a digit. (":" is left: "kl :05" is written.) A quotation mark is not, unless a speck follows it
# ('".$1'): ”Psykisk ohälsa”.
LEADING_SPECK = re.compile(r"^[\"'”“]?[.,;|«]+(?=[^\W_]|\$)")
# The page's skew is measured on lines of at least this many words, and corrected up to about 3 degrees.
LEVEL_MIN_WORDS = 4
LEVEL_MAX_SLOPE = 0.05
# A party's letters after a name, and the "(S)" read as "(5)" after a name among them.
PARTY_MARK = re.compile(r"\((?:S|M|C|V|L|KD|MP|SD|FP|PP)\)")
PARTY_MARKS_AT_LEAST = 3
PARTY_S_READ_AS_5 = re.compile(r"\b([A-ZÅÄÖ][\w-]+ [A-ZÅÄÖ][\w-]+) \(5\)")  # a name: given name and surname
# A date's two digits read apart ("2001-1 1-09"): Tesseract leaves a space between two narrow ones.
DATE_SPLIT = re.compile(r"\b(\d{4})-(\d) ?(\d)-(\d) ?(\d)\b")
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


def _recognise(program: str, image: bytes) -> list[dict]:
    """The page's lines with their boxes, from its words (Tesseract's TSV)."""
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
    return _lines(result.stdout.decode("utf-8", "replace"))


def _lines(tsv: str) -> list[dict]:
    """Tesseract's words (level 5 rows of its TSV) gathered into lines with the box around them, without specks."""
    words: dict[tuple[str, str, str], list[dict]] = {}
    rows = tsv.splitlines()
    for row in rows[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        left, top, width, height = (int(value) for value in fields[6:10])
        key = (fields[2], fields[3], fields[4])  # block, paragraph, line
        words.setdefault(key, []).append(
            {"text": fields[11].strip(), "x0": left, "x1": left + width, "top": top, "bottom": top + height}
        )
    kept = [line for line in (_without_specks(line_words) for line_words in words.values()) if line]
    return [
        {
            "text": " ".join(_section_signs([word["text"] for word in line])),
            **_height(line),
            "x0": min(word["x0"] for word in line),
            "x1": max(word["x1"] for word in line),
        }
        for line in _levelled(kept)
    ]


def _levelled(lines: list[list[dict]]) -> list[list[dict]]:
    """The words' boxes turned back by the page's skew, so that a line's top is where a straight page would have it
    and a margin is straight: on a page fed a degree crooked, the end of a long line stands a line's height above or
    below its start, and the layout would read gaps, indents and wrapped lines wrong. The skew is the median slope
    of the long lines' words (bottom edge from the first word's middle to the last's)."""
    slopes = sorted(
        (line[-1]["bottom"] - line[0]["bottom"]) / (_middle(line[-1]) - _middle(line[0]))
        for line in lines
        if len(line) >= LEVEL_MIN_WORDS and _middle(line[-1]) > _middle(line[0])
    )
    if not slopes:
        return lines
    slope = slopes[len(slopes) // 2]
    if abs(slope) > LEVEL_MAX_SLOPE:  # not a crooked feed: leave the page as read
        return lines
    levelled = []
    for line in lines:
        levelled_line = []
        for word in line:
            shift_x, shift_y = slope * (word["top"] + word["bottom"]) / 2, -slope * _middle(word)
            levelled_line.append(
                {
                    **word,
                    "x0": word["x0"] + shift_x,
                    "x1": word["x1"] + shift_x,
                    "top": word["top"] + shift_y,
                    "bottom": word["bottom"] + shift_y,
                }
            )
        levelled.append(levelled_line)
    return levelled


def _height(line: list[dict]) -> dict:
    """Where the line stands: its words' middle line and height, the median of theirs. The extremes would move it
    by the one word with a speck on it, an accent, or the skew left over at the end of a long line; and the layout
    reads a blank line from the distance between two lines' tops."""
    middle = _median([(word["top"] + word["bottom"]) / 2 for word in line])
    height = _median([word["bottom"] - word["top"] for word in line])
    return {"top": middle - height / 2, "bottom": middle + height / 2}


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _middle(word: dict) -> float:
    return (word["x0"] + word["x1"]) / 2


def _without_specks(words: list[dict]) -> list[dict]:
    """The line's words less those Tesseract made of a speck of dust or toner: a "word" of no letter or digit, far
    lower than the line's letters (under SPECK_HEIGHT of them) and farther from its neighbours than a line is high;
    a sign that is tall in print (TALL_SIGNS) read from a dot; a letter or digit as low as that, far from the words.
    Kept, a speck in the margin stretches the line to the margin, where the layout reads it as wrapped."""
    line_height = _median([word["bottom"] - word["top"] for word in words])
    kept = []
    for index, word in enumerate(words):
        gaps = [word["x0"] - words[index - 1]["x1"]] if index else []
        gaps += [words[index + 1]["x0"] - word["x1"]] if index + 1 < len(words) else []
        height = word["bottom"] - word["top"]
        far = min(gaps, default=0) > line_height
        if any(character.isalnum() or character == "§" for character in word["text"]):
            speck = far and height < TALL_SPECK_HEIGHT * line_height
        else:
            speck = (far and height < SPECK_HEIGHT * line_height) or (
                set(word["text"]) <= TALL_SIGNS and height < TALL_SPECK_HEIGHT * line_height
            )
        if not speck:
            kept.append(word)
    return kept


def _section_signs(words: list[str]) -> list[str]:
    """ "$ 12", "$12", "$$ 3-4" back to "§ 12", "§12", "§§ 3-4" (see SECTION_SIGN_READ_AS and the patterns after
    it); a speck glued to a word's front dropped first (LEADING_SPECK), a date's digits read apart joined
    (DATE_SPLIT)."""
    words = DATE_SPLIT.sub(r"\1-\2\3-\4\5", " ".join(LEADING_SPECK.sub("", word) for word in words)).split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if index == 0 and _heading_number(words[1:]) and LINE_START_SECTION_SIGN.match(word):
            word = "§"
        elif index == 0 and LINE_START_SECTION_GLUED.match(word) and following[:1].isupper():
            word = "§ " + word[1:]
        elif word == "&" and AMPERSAND_BEFORE_NUMBER.fullmatch(following) and _alone_or_range_end(out, words):
            word = "§"
        elif SECTION_SIGN_READ_AS.match(word) and (word.lstrip("($") or following[:1].isdigit()):
            word = SECTION_SIGN_READ_AS.sub(lambda match: match.group(1) + "§" + match.group(2).replace("$", "§"), word)
        out.append(word)
    return out


def _alone_or_range_end(before: list[str], words: list[str]) -> bool:
    """ "&" (before a number) alone with it on its line, or after "§ 94 -"."""
    if not before:
        return len(words) == 2
    return before[-3:-2] == ["§"] and before[-2].isdigit() and before[-1] in ("-", "–")


def _section_sequence(lines: list[dict]) -> list[dict]:
    """Lines in reading order, a heading's "§" read as "8", "S", "s", "5", "&" or "$" put back where the number after
    it is the one after the previous heading's: "§ 14 Frågestund" then "815 Inlämnande" is "§ 15 Inlämnande"; a speck
    before a heading's "§" taken away."""
    previous = None
    out: list[dict] = []
    for line in lines:
        text = JUNK_BEFORE_SECTION.sub("", line["text"])
        line = {**line, "text": text}
        match = SECTION_IN_SEQUENCE.match(text)
        if match and previous is not None and int(match.group(2)) == previous + 1:
            text = f"{match.group(1)}§ {match.group(2)}{text[match.end() :]}"
            line = {**line, "text": text}
        heading = SECTION_HEADING.match(text)
        if heading:
            previous = int(heading.group(1))
        out.append(line)
    return out


def _party_letters(lines: list[dict]) -> list[dict]:
    """ "Hans Karlsson (5)" is "(S)" in a document whose names carry party letters ("(S)", "(M)", "(KD)", at least
    PARTY_MARKS_AT_LEAST of them): Tesseract reads the S in brackets as a 5 now and then."""
    marks = sum(len(PARTY_MARK.findall(line["text"])) for line in lines)
    if marks < PARTY_MARKS_AT_LEAST:
        return lines
    return [{**line, "text": PARTY_S_READ_AS_5.sub(r"\1 (S)", line["text"])} for line in lines]


def _heading_number(words: list[str]) -> bool:
    """ "19 Val av justerare", "63/20 Fastställande": a number of up to three digits (and the year's two), then a
    capitalised word."""
    return len(words) >= 2 and bool(re.fullmatch(r"\d{1,3}(?:/\d\d)?", words[0])) and words[1][:1].isupper()


def pdf_pages_text(data: bytes, pages: list[int], program: str | None = None) -> dict[int, str]:
    """The recognised text of the given pages (0-based) of a PDF, by `program` (by default the Tesseract installed).
    Raises OcrUnavailable or OcrFailed."""
    program = program or tesseract()
    if program is None:
        raise OcrUnavailable
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return _laid_out({index: _recognise(program, _page_image(document, index)) for index in pages})
    finally:
        document.close()


def _laid_out(pages: dict[int, list[dict]]) -> dict[int, str]:
    """The pages' lines laid out as a text PDF's pages are (the parser reads blank lines and wrapped lines the same,
    whichever way the text came), after the corrections that need the lines before."""
    ordered = [sorted(pages[index], key=lambda line: (round(line["top"]), line["x0"])) for index in sorted(pages)]
    corrected = iter(_party_letters(_section_sequence([line for lines in ordered for line in lines])))
    return {
        index: layout.lay_out([next(corrected) for _line in lines])
        for index, lines in zip(sorted(pages), ordered, strict=True)
    }
