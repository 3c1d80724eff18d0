"""Finding register entries by the Swedish analyser's terms (meetings.register.analysis): a 'simple' tsvector with
a GIN index on PostgreSQL, an FTS5 table on SQLite, the same terms and the same query on both; the page and its true
count, by a plan chosen by the term counts. The snippets are meetings.register.snippets', "Menade du …?"
meetings.register.suggestions'."""

import math
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from meetings.models import RegisterTerm
from meetings.register import analysis

# A search whose words the term counts say match at most this many entries is answered from the word index: every
# match's sort key read and sorted here, the count exact. A commoner one is read newest first through the date index
# with the page's limit, and not counted (a count would read every match).
COUNT_CAP = 5000
# Several words are intersected in the word index on the guess that their conjunction is rare only while the rarest
# of them has at most this many matches: a wrong guess ("psykisk ohälsa", two words of one topic) then costs at most
# COUNT_CAP + 1 rows from a bounded intersection, not one that grows with the register.
PROBE_LIMIT = 4 * COUNT_CAP
# A prefix (the word being typed) that begins more terms than this is taken as common without adding them up.
PREFIX_TERMS = 500
# The walk of the date index for words with more than COUNT_CAP matches reads at most this many entries (of those
# the filters leave) from where the page starts. Words that are common each but rare together ("återremittera
# bevilja", which never meet) would otherwise walk the whole register to find nothing: 1.9-2.4 s at 480,000
# decisions. Past the window the page is read from the word index, which intersects the words and counts them.
# 2,000 rather than 8,000: the walk tests each entry's terms (26 ms for 8,000 at 480,000 decisions, a quiet
# machine), and words that fill no page of 25 in 2,000 entries match at most 1.25 % of the register, which the
# word index reads and sorts as cheaply (at 480,000: at most about 6,000 matches).
WALK_WINDOW: int | None = 2000  # None: no window (bench_register --plan-before, for comparison)
# A page number typed into the address (no link makes one without the key of the page before it) is read by
# offset, which costs what comes before it: ?sida=19200 read 480,000 rows (0.9-1.7 s). A typed number goes this
# deep at most (meetings.register.views); the page says so and offers the links, which read by key at any depth.
TYPED_PAGE_LIMIT = 10


# The analyser has done the Swedish; the database only matches its terms.
SEARCH_CONFIG = "simple"


def words(query):
    """The words of a query as typed, for the ILIKE scan (the benchmark's baseline of a search without an analyser
    or an index); the search and its suggestions read a query with the analyser's tokeniser."""
    return [w for w in re.findall(r"[\wåäöÅÄÖ-]+", query.lower()) if len(w) > 1][:8]


def estimated_matches(analysed):
    """How many entries match all the words, by the term counts (one query): (smallest, guess). `smallest` is the
    smallest of the words' counts, each the sum over its alternatives and, for the word being typed, the terms it
    begins: an upper bound while the counts are kept by indexing (a term without a count is taken as rare). `guess`
    is what the words' counts make if the words were independent; it only decides whether the word index is tried
    first for several common words whose conjunction may be rare ("Kiruna delårsrapport"). (None, None) for a
    prefix that begins too many terms to add up: common."""
    wanted = Q(term__in={term for word in analysed.words for term in word.alternatives}) | Q(term=RegisterTerm.ENTRIES)
    for word in analysed.words:
        for prefix in word.prefixes:
            wanted |= Q(term__startswith=prefix)
    counts = list(RegisterTerm.objects.filter(wanted).values_list("term", "entries")[: PREFIX_TERMS + 1])
    if len(counts) > PREFIX_TERMS:
        return None, None
    total = max(0, dict(counts).get(RegisterTerm.ENTRIES, 0))
    per_word = [
        sum(
            max(0, entries)
            for term, entries in counts
            if term and (term in word.alternatives or term.startswith(word.prefixes))
        )
        for word in analysed.words
    ]
    smallest = min(per_word)
    guess = total * math.prod(n / total for n in per_word) if total and len(per_word) > 1 else smallest
    return smallest, min(smallest, guess)


def tsquery(query):
    """A to_tsquery string: every word must match, as any of its alternatives; the word being typed also as a
    prefix. The terms are letters and digits only (tokeniser.WORD), so nothing in them is tsquery syntax."""
    parts = []
    analysed = analysis.analyse_query(query)
    for word in analysed.words:
        alternatives = list(word.alternatives) + [f"{prefix}:*" for prefix in word.prefixes]
        parts.append("(" + " | ".join(alternatives) + ")")
    parts += ["(" + " <-> ".join(phrase) + ")" for phrase in analysed.phrases]
    return " & ".join(parts)


def fts_query(query):
    """The same question in FTS5's query language, every term quoted."""
    parts = []
    analysed = analysis.analyse_query(query)
    for word in analysed.words:
        alternatives = [f'"{term}"' for term in word.alternatives] + [f'"{prefix}"*' for prefix in word.prefixes]
        parts.append("(" + " OR ".join(alternatives) + ")")
    parts += ['"' + " ".join(phrase) + '"' for phrase in analysed.phrases]
    return " AND ".join(parts)


def search(queryset, query, *, per_row=False):
    """Narrow the queryset to entries matching the query. Returns the queryset (still unordered).

    `per_row`: the queryset will be walked in the register's order until a page is full (page_and_count's walk),
    so each row is tested on its own. PostgreSQL does so anyway (the tsvector is on the row); SQLite would otherwise
    read every match out of FTS5 into a list first and sort them (150 ms for a word in 280,000 entries at 120,000
    decisions), where a lookup of the row's id in the FTS5 table costs microseconds a row (7 ms for the page). Not
    for the word being typed: FTS5 would expand the prefix again for every row (150 ms for a page), so its matches
    are read once."""
    analysed = analysis.analyse_query(query)
    if not analysed:
        return queryset.none() if analysed.only_stop_words or analysed.no_words else queryset
    if connection.vendor == "postgresql":
        return queryset.filter(search_vector=SearchQuery(tsquery(query), search_type="raw", config=SEARCH_CONFIG))
    if per_row and not any(word.prefixes for word in analysed.words):
        tested = RawSQL(  # noqa: S611 a constant statement; the query's terms are a parameter
            "EXISTS (SELECT 1 FROM meetings_registerentry_fts AS fts WHERE fts.rowid = "
            '"meetings_registerentry"."id" AND meetings_registerentry_fts MATCH %s)',
            [fts_query(query)],
            output_field=BooleanField(),
        )
        return queryset.alias(fts_hit=tested).filter(fts_hit=True)
    matching = RawSQL(
        "SELECT rowid FROM meetings_registerentry_fts WHERE meetings_registerentry_fts MATCH %s", [fts_query(query)]
    )
    return queryset.filter(pk__in=matching)


def scan_search(queryset, query):
    """Every word as typed somewhere in the heading, decision or § text, by a case-insensitive substring match:
    the benchmark's baseline (what a search without an index costs)."""
    for word in words(query):
        queryset = queryset.filter(Q(heading__ilike=word) | Q(decision_text__ilike=word) | Q(item_text__ilike=word))
    return queryset


def capped_count(queryset, cap=COUNT_CAP):
    """The number of rows, exact up to cap; cap + 1 ("över …") only when that many rows were really read."""
    return queryset.order_by()[: cap + 1].count()


# Without search words, the count is exact up to this many rows (read through an index, newest first).
FILTER_COUNT_CAP = 1000


@dataclass(frozen=True)
class Position:
    """Where a page of the register starts: an offset (a page number typed or linked), or the sort key (id, date,
    meeting, number) of the row next to it: `after` the previous page's last row (the "next page" link), `before`
    the next page's first row (the "previous page" link); or the last page (`last`), read from the other end."""

    offset: int = 0
    after: tuple | None = None
    before: tuple | None = None
    last: bool = False

    @property
    def backwards(self):
        return self.before is not None or self.last


def page_and_count(ordered, queryset, query, position, limit, *, bound=None, narrowed=None, walked=None):
    """One page of the register, in the register's order, and its count. A page read backwards (`before`, `last`)
    has its one extra row first, a page read forwards last. The plan is chosen by the term counts
    (estimated_matches) before an entry is read, not by the planner's guess of how common a word is (it has no
    statistics for a rare one and walks the whole date index hoping to meet it):

    - up to COUNT_CAP matches: their sort keys straight from the word index, sorted here, then the page's rows by id;
      the count exact. So too for several words whose conjunction the counts guess to be rare: the index intersects
      them and at most COUNT_CAP + 1 rows are read. Should there be more matches than COUNT_CAP (the guess was
      wrong, or the counts fell short), the page is read as below and the count is COUNT_CAP + 1, "över …": that
      many were read;
    - more: newest first (or, for the last page and a previous page, oldest first) through the date index with the
      limit, which meets a match every few rows; the count is None ("många träffar"): counting would read every
      match. The walk goes at most WALK_WINDOW entries of `narrowed` (the filtered entries before the search words,
      in the register's order) deep: words common each but rare together do not fill a page there, and then the
      word index answers as for a rare word, with a true count (and "över …" past COUNT_CAP, the page then sorted
      in the database from the index's matches).

    `walked` is `ordered` with each row tested on its own (search(..., per_row=True)), for the walks; `ordered` by
    default. `bound`, at most how many entries the filters leave (a project's or a person's, whose links were looked
    up), counts as an estimate too. Without search words and such a bound the count is exact up to FILTER_COUNT_CAP. A
    page by key costs what the first one does, however deep; so does the last page.
    """
    analysed = analysis.analyse_query(query)
    walked = ordered if walked is None else walked
    if not analysed and (bound is None or bound > COUNT_CAP):
        return _walk(ordered, position, limit, walk=_plain), capped_count(queryset, FILTER_COUNT_CAP)
    smallest, guess = estimated_matches(analysed) if analysed else (bound, bound)
    if smallest is not None and smallest > PROBE_LIMIT:
        guess = smallest  # too common to try the index first on a guess: its intersection would be read in vain
    if bound is not None:
        guess = bound if guess is None else min(guess, bound)
    if guess is not None and guess <= COUNT_CAP:
        keys = _matching_keys(queryset)
        if len(keys) <= COUNT_CAP:
            return _sorted_page(ordered, keys, position, limit), len(keys)
        return _walk(walked, position, limit, walk=_newest_first), COUNT_CAP + 1
    edge = _window_edge(narrowed, position, limit) if narrowed is not None and WALK_WINDOW else None
    if edge is None:  # the filters leave fewer entries than the window from here: the walk reads them all at most
        return _walk(walked, position, limit, walk=_newest_first), None
    within = Q(date__lte=edge) if position.backwards else Q(date__gte=edge)
    rows = _walk(walked.filter(within), position, limit, walk=_newest_first)
    if len(rows) >= limit:
        return rows, None
    keys = _matching_keys(queryset)
    if len(keys) <= COUNT_CAP:
        return _sorted_page(ordered, keys, position, limit), len(keys)
    return _walk(ordered, position, limit, walk=_by_word_index), COUNT_CAP + 1


def _window_edge(narrowed, position, limit):
    """The date of the WALK_WINDOW-th entry the filters leave from where the page starts, in the direction it is
    read, or None when fewer are left. A page by offset (a number typed or linked, TYPED_PAGE_LIMIT deep at most)
    starts where its offset's matches end, which the entries do not tell: its window is WALK_WINDOW entries for each
    page up to it, so that words which fill a first page in the window fill the n-th in n windows, and the word
    index is left what it reads cheaply (a density of at most limit / WALK_WINDOW). Read with the planner's own
    choice (a filter's index and a sort, if the filter is rare), not the walk's. Ordered by the date alone: the
    WALK_WINDOW-th date is the same whatever the order of entries of one date, and an index of a filter and the
    date (outcome, federation) then serves it without a sort of each date's entries (112 ms to 20 ms for an outcome
    at 120,000 decisions on SQLite)."""
    entries = narrowed.order_by("date" if position.backwards else "-date")
    if position.after:
        entries = entries.filter(after_key(position.after))
    elif position.before:
        entries = entries.filter(before_key(position.before))
    depth = WALK_WINDOW * -(-(position.offset + limit) // limit)  # the pages of `limit` rows up to this one's end
    return next(iter(entries.values_list("date", flat=True)[depth - 1 : depth]), None)


def _plain(ordered, limit):
    return list(ordered[:limit])


def _walk(ordered, position, limit, *, walk):
    """The page read through the date index from its start: forwards from the offset or the key after it, or
    backwards (the register's order reversed) from the key before it or from the end."""
    if not position.backwards:
        page = ordered.filter(after_key(position.after)) if position.after else ordered[position.offset :]
        return walk(page, limit)
    page = ordered.reverse()
    if position.before:
        page = page.filter(before_key(position.before))
    return walk(page, limit)[::-1]


def _sorted_page(ordered, keys, position, limit):
    """The page of the matches' keys in the register's order (NEWEST_FIRST: date and meeting descending, number and
    id ascending, a § without a number where the database puts a NULL: last on PostgreSQL, first on SQLite), its
    rows read by id."""
    null_rank = 1 if connection.vendor == "postgresql" else -1
    keys.sort(key=lambda k: (-k[1].toordinal(), -k[2], null_rank if k[3] is None else 0, k[3] or 0, k[0]))
    ids = [k[0] for k in keys]
    anchor = position.after or position.before
    index = ids.index(anchor[0]) if anchor and anchor[0] in ids else None
    if position.last or (position.before and index is not None):
        end = len(ids) if position.last else index
        page_ids = ids[max(0, end - limit) : end]
    else:
        start = index + 1 if position.after and index is not None else position.offset
        page_ids = ids[start : start + limit]
    rows = {row.pk: row for row in ordered.filter(pk__in=page_ids)} if page_ids else {}
    return [rows[pk] for pk in page_ids if pk in rows]


def after_key(key):
    """The rows after `key` (id, date, meeting, number) in the register's order, NEWEST_FIRST. The date bound comes
    first on its own, so that the date index starts there."""
    pk, date, meeting, number = key
    if number is None:
        later_in_meeting = Q(number__isnull=True, pk__gt=pk)
        if connection.vendor != "postgresql":
            later_in_meeting |= Q(number__isnull=False)  # SQLite sorts NULL first: every numbered § comes after
    else:
        later_in_meeting = Q(number__gt=number) | Q(number=number, pk__gt=pk)
        if connection.vendor == "postgresql":
            later_in_meeting |= Q(number__isnull=True)  # PostgreSQL sorts NULL last
    later = (
        Q(date__lt=date) | Q(date=date, meeting_id__lt=meeting) | (Q(date=date, meeting_id=meeting) & later_in_meeting)
    )
    return Q(date__lte=date) & later


def before_key(key):
    """The rows before `key` in the register's order: after_key mirrored."""
    pk, date, meeting, number = key
    if number is None:
        earlier_in_meeting = Q(number__isnull=True, pk__lt=pk)
        if connection.vendor == "postgresql":
            earlier_in_meeting |= Q(number__isnull=False)  # PostgreSQL sorts NULL last: every numbered § is before
    else:
        earlier_in_meeting = Q(number__lt=number) | Q(number=number, pk__lt=pk)
        if connection.vendor != "postgresql":
            earlier_in_meeting |= Q(number__isnull=True)  # SQLite sorts NULL first
    earlier = (
        Q(date__gt=date)
        | Q(date=date, meeting_id__gt=meeting)
        | (Q(date=date, meeting_id=meeting) & earlier_in_meeting)
    )
    return Q(date__gte=date) & earlier


def _matching_keys(queryset):
    """At most COUNT_CAP + 1 matching entries' (id, date, meeting, number), read from the word index (GIN on
    PostgreSQL, FTS5 on SQLite).

    On PostgreSQL only bitmap scans are allowed here: a guess that a word is common must not turn this into a
    sequential scan that stops after a thousand matches of a word that has ten, nor into a walk of the date index."""
    keys = queryset.order_by().values_list("pk", "date", "meeting_id", "number")[: COUNT_CAP + 1]
    with _planner_without("enable_seqscan", "enable_indexscan"):
        return list(keys)


def _newest_first(ordered, limit):
    """A page of a word with more than COUNT_CAP matches, read newest first through the date index: with that many
    matches the walk meets one every few rows, while a bitmap of every match would grow with the data. The planner
    multiplies the words' frequencies as if they were independent ("psykisk ohälsa": 76 estimated, 1 505 real) and
    would sort a full scan; without bitmaps and sorts (an incremental sort on the index order is still allowed)
    it walks the date index."""
    with _planner_without("enable_bitmapscan", "enable_sort"):
        return list(ordered[:limit])


def _by_word_index(ordered, limit):
    """A page of words that meet more than COUNT_CAP times, but not in the walk's window: every match from the word
    index (bitmap scans only), the page's rows picked by a top-N sort. It costs what the matches number, not what the
    register does."""
    with _planner_without("enable_seqscan", "enable_indexscan"):
        return list(ordered[:limit])


@contextmanager
def _planner_without(*methods):
    """PostgreSQL's planner without some scan methods for the queries inside; nothing on SQLite."""
    with planner_settings(**dict.fromkeys(methods, "off")):
        yield


@contextmanager
def planner_settings(**settings):
    """PostgreSQL's planner settings for the queries inside, back to the session's defaults after; nothing on SQLite.
    One query to set and one to reset (no transaction of its own, so that it also works inside the request's)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(["set_config(%s, %s, false)"] * len(settings)),
            [value for item in settings.items() for value in item],
        )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("; ".join(f"RESET {name}" for name in settings))
