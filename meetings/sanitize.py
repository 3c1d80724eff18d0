"""Minutes text is HTML from a rich-text editor: keep the formatting secretaries use, drop everything else."""

import re
from html.parser import HTMLParser

import nh3

# Tables are kept: a budget pasted from Excel or Word lost its cells as a stripped tag and its figures ran together
# ("Insats20272028"). A cell keeps only a span; widths, borders and colours come from our style sheets.
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "blockquote", "h3", "h4", *TABLE_TAGS}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
# A span of one is the default and is left out, as the editor leaves it out; past 50 it is no table anyone pastes.
SPANS = {str(n) for n in range(2, 51)}
CELL_ATTRIBUTE_VALUES = {cell: {"colspan": SPANS, "rowspan": SPANS} for cell in ("td", "th")}
# A numbered list keeps where it starts and how it numbers (1, a, A, i, I): the editor shows both, and a record that
# printed "1., 2." where the secretary wrote "4., 5." (or "1." for a sub-item "a.") would number its points otherwise.
LIST_STARTS = {str(n) for n in range(1, 1000)}
LIST_TYPES = {"1", "a", "A", "i", "I"}
LIST_ATTRIBUTE_VALUES = {"ol": {"start": LIST_STARTS, "type": LIST_TYPES}}
# A paragraph keeps how far it is indented, as a level from a short list (a class each page and the PDF style the
# same way), never as a style of its own: an indented point of a decision ("att 1. …", a quoted passage) read flush
# left on every page and in the sealed PDF. The editor gives the level of a pasted margin (Word, Outlook) or block
# quote; leading spaces and tabs typed or pasted as plain text are turned into it here.
MAX_INDENT = 6
INDENT_CLASSES = {f"indent-{level}" for level in range(1, MAX_INDENT + 1)}
SPACES_A_LEVEL = 4
_LEADING_SPACE = re.compile(r'<p(?: class="indent-(\d)")?>((?:[ \t\u00a0]|&nbsp;)+)')


def clean_html(html):
    """Sanitise with an allow-list: no script, style, event handler or javascript: URL ever survives."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values={**CELL_ATTRIBUTE_VALUES, **LIST_ATTRIBUTE_VALUES},
        allowed_classes={"p": INDENT_CLASSES},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    # A class not on the list leaves an empty attribute behind.
    return _LEADING_SPACE.sub(_indent_level, cleaned.replace('<p class="">', "<p>"))


def _indent_level(match):
    """A paragraph's leading spaces and tabs as its indent: a tab is a level, and so are four spaces (two or three
    as well: a level is what was meant); a lone space is no indent. Beyond the last level it stays at the last."""
    run = match.group(2).replace("&nbsp;", " ").replace("\u00a0", " ")
    spaces = run.count(" ")
    level = int(match.group(1) or 0) + run.count("\t") + (spaces + SPACES_A_LEVEL - 1) // SPACES_A_LEVEL * (spaces > 1)
    level = min(level, MAX_INDENT)
    return f'<p class="indent-{level}">' if level else "<p>"


def html_to_text(html):
    """Plain text of sanitised HTML, one paragraph per line (for diffs and search); a table row is a line with its
    cells apart ("Insats | 2027 | 2028"), never run together."""
    return "\n".join(text for _level, text in html_to_lines(html))


def html_to_lines(html):
    """The lines of `html_to_text`, each with the indent level of its paragraph (0 for none): what a signer compares
    between two revisions, where a point moved in or out is a change to the record as much as a word is."""
    writer = _TextWriter()
    writer.feed(html or "")
    writer.close()
    return writer.lines_read()


CELL_SEPARATOR = " | "
LINE_ENDS = {"p", "li", "h3", "h4", "blockquote", "table"}


class _TextWriter(HTMLParser):
    """Text in reading order: a line per paragraph, list item and table row. Inside a cell a paragraph or break is a
    space, so a cell stays on its row."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = [[]]  # each line a list of pieces of text
        self.levels = [0]  # each line's indent level: that of the paragraph it is in
        self.level = 0  # the indent level of the paragraph being read
        self.row = None  # the cells of the table row being read
        self.cell = None  # the pieces of the cell being read
        self.depth = 0  # cells open: a table inside a cell is read as that cell's text

    def handle_starttag(self, tag, attrs):
        if self.depth:
            if tag in ("td", "th"):
                self.depth += 1
            elif tag == "br" or tag in LINE_ENDS:
                self.cell.append(" ")
            return
        if tag == "br":
            self._end_line()
        elif tag == "p":
            self.level = _level_of(dict(attrs).get("class") or "")
            self.levels[-1] = self.level
        elif tag == "tr":
            self._end_line()
            self.row = []
        elif tag in ("td", "th"):
            self.depth = 1
            self.cell = []
            if self.row is None:
                self.row = []

    def handle_endtag(self, tag):
        if self.depth:
            if tag in ("td", "th"):
                self.depth -= 1
                if not self.depth:
                    self.row.append(" ".join("".join(self.cell).split()))
                    self.cell = None
                    return
            if tag in LINE_ENDS or tag in ("td", "th", "tr"):
                self.cell.append(" ")
            return
        if tag == "tr" and self.row is not None:
            self.lines[-1].append(CELL_SEPARATOR.join(self.row))
            self.row = None
            self._end_line()
        elif tag in LINE_ENDS:
            if tag == "p":
                self.level = 0
            self._end_line()

    def handle_data(self, data):
        (self.cell if self.depth else self.lines[-1]).append(data)

    def _end_line(self):
        self.lines.append([])
        self.levels.append(self.level)

    def lines_read(self):
        """[(indent level, text)], a line per paragraph, item and row; blank lines left out."""
        if self.row:  # a row the HTML never closed
            self.lines[-1].append(CELL_SEPARATOR.join(self.row))
        return [
            (level, line.strip())
            for pieces, level in zip(self.lines, self.levels, strict=True)
            for line in "".join(pieces).splitlines()
            if line.strip()
        ]


def _level_of(classes):
    """The indent level a paragraph's class gives (`clean_html` allows only indent-1 .. indent-MAX_INDENT)."""
    found = re.search(r"\bindent-(\d)\b", classes)
    return min(int(found.group(1)), MAX_INDENT) if found else 0


def trim_typed_text(text):
    """Text typed in a plain box (a decision, a reservation's reason) with its indentation: the blank lines before
    it and the spaces after it go, the spaces and tabs that indent its first line stay, as those of the others do."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").rstrip().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(line.rstrip() for line in lines)
