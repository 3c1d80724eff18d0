"""Finding register entries: Swedish full text on PostgreSQL (stored tsvector, GIN index), a word scan on SQLite;
counts, snippets and suggestions."""

import html
import json
import re
import secrets

from django.contrib.postgres.search import SearchQuery
from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.utils.safestring import mark_safe

COUNT_CAP = 1000


SEARCH_CONFIG = "swedish"


# The Snowball stemmer does not join every inflection of the domain's words (ansökningarna -> ansökan).
# Each group is searched as one word: any of its forms matches.
WORD_FORMS = [
    {"ansökan", "ansökningar", "ansökningarna", "ansökningen", "ansökans"},
    {"beslut", "beslutet", "besluten", "beslutade", "beslutar", "besluta"},
    {"återremiss", "återremitterad", "återremitterades", "återremittera", "återremitteras"},
    {"uppdrag", "uppdraget", "uppdragen"},
    {"insats", "insatser", "insatsen", "insatserna"},
    {"kartläggning", "kartläggningen", "kartläggningar", "kartlägga"},
    {"budget", "budgeten", "budgetar"},
    {"protokoll", "protokollet", "protokollen"},
]


FORMS = {form: group for group in WORD_FORMS for form in group}


def words(query):
    return [w for w in re.findall(r"[\wåäöÅÄÖ-]+", query.lower()) if len(w) > 1][:8]


def tsquery(query):
    """A to_tsquery string: every word must match (any of its forms); the last word also as a prefix."""
    terms = words(query)
    parts = []
    for index, word in enumerate(terms):
        forms = sorted(FORMS.get(word, {word}))
        # A hyphenated word is a phrase of its parts; a stray hyphen ("-1", "a-") leaves no empty operand behind.
        safe = [" <-> ".join(p for p in re.sub(r"[^\wåäö-]", "", form).split("-") if p) for form in forms]
        safe = [form for form in safe if form]
        if not safe:
            continue
        if index == len(terms) - 1:
            safe = [f"{form}:*" if "<->" not in form else form for form in safe]
        parts.append("(" + " | ".join(safe) + ")")
    return " & ".join(parts)


def search(queryset, query):
    """Narrow the queryset to entries matching the query. Returns the queryset (still newest first)."""
    if not words(query):
        return queryset
    if connection.vendor == "postgresql":
        raw = tsquery(query)
        if not raw:  # only hyphens: nothing to search for
            return queryset
        return queryset.filter(search_vector=SearchQuery(raw, search_type="raw", config=SEARCH_CONFIG))
    return scan_search(queryset, query)


def scan_search(queryset, query):
    """The same question without an index: every word (any of its forms) somewhere in the heading, decision or §
    text, by a case-insensitive substring match. SQLite's search, and on PostgreSQL the benchmark's baseline."""
    for word in words(query):
        match = Q()
        for form in sorted(FORMS.get(word, {word})):
            match |= Q(heading__ilike=form) | Q(decision_text__ilike=form) | Q(item_text__ilike=form)
        queryset = queryset.filter(match)
    return queryset


def capped_count(queryset, cap=COUNT_CAP):
    """The number of hits, counted no further than cap + 1 (an exact count of a common word grows with the data).

    On PostgreSQL the planner's estimate comes first: when it is far above the cap, the answer is "over the cap"
    without reading a thousand rows of a table the size of the country's decision history.
    """
    queryset = queryset.order_by()
    if connection.vendor == "postgresql" and planner_estimate(queryset) > cap * 5:
        return cap + 1
    return queryset[: cap + 1].count()


# Words more common than this are read newest first through the date index instead of a bitmap of all their matches.
COMMON_WORD_ROWS = 2000


NEWEST_FIRST_TIMEOUT_MS = 150


def page_and_count(ordered, queryset, query, offset, limit):
    """One page of the register and its capped count (None: many, not counted).

    PostgreSQL estimates "all of these words" as if the words were independent; in minutes they are not ("psykisk
    ohälsa"), so a search of common words is under-estimated and answered by a bitmap of every match. When every
    word on its own is common, read newest first through the date index instead, within a time limit, and fall
    back to the planner's choice if that was a bad bet (common words that rarely meet).
    """
    if connection.vendor == "postgresql" and _all_words_common(queryset.model.objects.all(), query):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
                cursor.execute(f"SET LOCAL statement_timeout = {NEWEST_FIRST_TIMEOUT_MS}")
                rows = list(ordered[offset : offset + limit])
            # Counting every match of common words is what this path avoids: a full page says "many".
            return rows, (None if len(rows) == limit else offset + len(rows))
        except OperationalError:
            pass  # the time limit: the words rarely meet, let the planner use the index of words
    return list(ordered[offset : offset + limit]), capped_count(queryset)


def _all_words_common(base, query):
    terms = words(query)
    if len(terms) < 2:
        return False
    return all(planner_estimate(search(base, term).order_by()) > COMMON_WORD_ROWS for term in terms)


def planner_estimate(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return plan[0]["Plan"]["Plan Rows"]


def headlines(entries, query):
    """Highlighted snippets for the rows shown, as safe HTML: ts_headline on PostgreSQL, an excerpt on SQLite.

    The headings and decisions are text that anyone with a pen wrote; the snippet is escaped first and only then
    are the matches marked, so a decision saying <meta http-equiv=refresh> shows those words and does nothing.
    """
    if not entries or not words(query):
        return {}
    if connection.vendor == "postgresql":
        return _postgres_headlines(entries, query)
    return {entry.pk: _excerpt(entry, words(query)) for entry in entries}


def _postgres_headlines(entries, query):
    # ts_headline puts StartSel/StopSel into the raw text. Letters and digits no text will contain by chance (new
    # ones for every search) survive html.escape unchanged and become <mark> tags after it.
    token = secrets.token_hex(8)
    start, stop = f"hlstart{token}", f"hlstop{token}"
    options = f"StartSel={start}, StopSel={stop}, MaxWords=35, MinWords=15"
    with connection.cursor() as cursor:
        cursor.execute(
            # Headings and decisions only: ts_headline re-parses the text it is given, and the § texts are long.
            "SELECT id, ts_headline(%s, heading || ' — ' || coalesce(nullif(decision_text, ''), item_text), "
            "to_tsquery(%s, %s), %s) FROM meetings_registerentry WHERE id = ANY(%s)",
            [SEARCH_CONFIG, SEARCH_CONFIG, tsquery(query), options, [e.pk for e in entries]],
        )
        rows = cursor.fetchall()
    return {
        pk: mark_safe(html.escape(raw).replace(start, "<mark>").replace(stop, "</mark>"))  # noqa: S308 escaped above
        for pk, raw in rows
    }


EXCERPT_LENGTH = 240


def _excerpt(entry, terms):
    """About 240 characters around the first match, escaped, with every match of a word marked."""
    text = f"{entry.heading} — {entry.decision_text} {entry.item_text}".strip()
    lowered = text.lower()
    position = min((lowered.find(t) for t in terms if t in lowered), default=0)
    start = max(0, position - 80)
    window = text[start : start + EXCERPT_LENGTH]
    # Matches are found in the raw text and each piece escaped on its own: marking the escaped text would find
    # "lt" inside "&lt;" or a word inside an earlier <mark>.
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(window):
        pieces.append(html.escape(window[last : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    pieces.append(html.escape(window[last:]))
    snippet = ("…" if start else "") + "".join(pieces) + ("…" if start + EXCERPT_LENGTH < len(text) else "")
    return mark_safe(snippet)  # noqa: S308 every piece is escaped above


def suggestion(query, visible):
    """On PostgreSQL, when nothing matched: the heading word closest to the query (pg_trgm), for "Menade du …?".

    Drawn only from `visible`, the entries the asking user may see: a suggestion must never reveal a heading of a
    protocol that is not public to them."""
    terms = words(query)
    if connection.vendor != "postgresql" or len(terms) != 1:
        return None
    # The subquery is SQL compiled by Django from `visible`; every value in it is passed as a parameter.
    candidates, params = visible.values("heading").query.sql_with_params()
    sql = (
        "SELECT w FROM (SELECT DISTINCT lower(regexp_split_to_table(v.heading, '[^[:alnum:]åäöÅÄÖ-]+')) AS w "  # noqa: S608
        f"FROM ({candidates}) v WHERE %s <%% v.heading LIMIT 200) words WHERE length(w) > 3 "
        "ORDER BY similarity(w, %s) DESC LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*params, terms[0], terms[0]],
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] != terms[0] else None
