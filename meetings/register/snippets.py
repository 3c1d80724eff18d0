"""The register's snippets: a highlighted excerpt of each row shown, every word the analyser matches to the query
marked, made in Python on both databases."""

import functools
import html

from django.utils.safestring import mark_safe

from meetings.register import analysis, tokeniser


def headlines(entries, query):
    """Highlighted snippets for the rows shown, as safe HTML, made in Python on both databases: every word the
    analyser matches to the query is marked (beviljade for "bevilja", Medlemssamråd for "samråd").

    The headings and decisions are text that anyone with a pen wrote; every piece of the snippet is escaped on its
    own and only the marks are added, so a decision saying <meta http-equiv=refresh> shows those words and does
    nothing."""
    analysed = analysis.analyse_query(query)
    if not entries or not analysed:
        return {}
    matches = functools.lru_cache(maxsize=None)(functools.partial(_matches, analysed=analysed))  # a word once a page
    return {entry.pk: _excerpt(entry, matches) for entry in entries}


EXCERPT_LENGTH = 240


def _matches(word, analysed):
    """Whether one word of a text matches a word of the query."""
    terms = set(analysis.word_terms(tokeniser.token(word.lower())))
    return any(analysis.term_matches(query_word, terms) for query_word in analysed.words)


def _excerpt(entry, matches):
    """About 240 characters around the first match, escaped, with every matching word marked (`matches` tells a
    word of the text that matches the query)."""
    text = f"{entry.heading} — {entry.decision_text} {entry.item_text}".strip()
    first = next((m.start() for m in tokeniser.WORD.finditer(text) if matches(m.group())), 0)
    start = max(0, first - 80)
    if start:  # begin at a word, not inside one
        start = next((m.start() for m in tokeniser.WORD.finditer(text, start) if m.start() > start), start)
    window = text[start : start + EXCERPT_LENGTH]
    pieces, last = [], 0
    for match in tokeniser.WORD.finditer(window):
        if matches(match.group()):
            pieces.append(html.escape(window[last : match.start()]))
            pieces.append(f"<mark>{html.escape(match.group())}</mark>")
            last = match.end()
    pieces.append(html.escape(window[last:]))
    snippet = ("…" if start else "") + "".join(pieces) + ("…" if start + EXCERPT_LENGTH < len(text) else "")
    return mark_safe(snippet)  # noqa: S308 every piece is escaped above
