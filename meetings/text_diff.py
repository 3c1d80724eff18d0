"""What changed between two versions of a text, line by line, for the people who compare them: the signers' change
list (meetings.justering.protocol) and the secretary's history of a § (meetings.drafting). Both need the same
answer, so it lives below both.

A line only moved in or out (its indent changed, its words not) is its own kind of change and is said in words: its
leading spaces alone, a screen reader does not read, and the eye easily misses."""

import difflib

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetings.sanitize import SPACES_A_LEVEL, html_to_lines

SAME, REMOVED, ADDED, MOVED = "same", "removed", "added", "moved"


def changed_lines(before, after):
    """(kind, line before, line after) for every line of the two: SAME and MOVED carry both, REMOVED the line before
    only, ADDED the line after only (the other is "")."""
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes():
        if tag == "equal":
            rows.extend((SAME, a, b) for a, b in zip(before[i1:i2], after[j1:j2], strict=True))
        else:
            rows.extend(_replaced(before[i1:i2], after[j1:j2]))
    return rows


def _replaced(old, new):
    words = difflib.SequenceMatcher(None, [line.strip() for line in old], [line.strip() for line in new])
    rows = []
    for tag, i1, i2, j1, j2 in words.get_opcodes():
        if tag == "equal":
            rows.extend((MOVED if a != b else SAME, a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True))
        else:
            rows.extend((REMOVED, line, "") for line in old[i1:i2])
            rows.extend((ADDED, "", line) for line in new[j1:j2])
    return rows


def moved_message():
    """The sentence saying a line moved in or out, with the places %(text)s, %(now)s and %(before)s."""
    return _("Indraget är ändrat: ”%(text)s” står nu %(now)s (förut %(before)s).")


def moved_parts(before, after):
    """The words of `moved_message` for a line that was `before` and is `after`."""
    return {"text": after.strip(), "now": indent_said(indent_of(after)), "before": indent_said(indent_of(before))}


def indent_of(line):
    return len(line) - len(line.lstrip())


def indent_said(columns):
    """An indent in words: in steps (a level of a §'s text, a tab or four spaces of a typed text, as they are shown)
    or, where it is not whole steps, in spaces."""
    if not columns:
        return _("utan indrag")
    steps, spaces = divmod(columns, SPACES_A_LEVEL)
    if spaces:
        return ngettext("indraget %(n)s mellanslag", "indraget %(n)s mellanslag", columns) % {"n": columns}
    return ngettext("indraget %(n)s steg", "indraget %(n)s steg", steps) % {"n": steps}


def indented(level, text):
    """A line as the diff shows it: indented as it is shown (a level of a §'s text is a step of four spaces)."""
    return " " * (SPACES_A_LEVEL * level) + text


def html_lines(html):
    """A §'s text (sanitised HTML) as lines, each indented by its paragraph's level."""
    return [indented(level, text) for level, text in html_to_lines(html)]


def typed_lines(text):
    """A typed text's lines with their indent as shown (pre-wrap, a tab four spaces wide): a line after a tab and the
    same line after four spaces look the same and are the same here; after two spaces it does not, and is not."""
    lines = []
    for line in text.splitlines():
        body = line.lstrip(" \t\u00a0")
        lines.append(line[: len(line) - len(body)].replace("\u00a0", " ").expandtabs(SPACES_A_LEVEL) + body)
    return lines
