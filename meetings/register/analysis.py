"""Swedish text analysis for the decision register, run in Python at index time and at query time, so that
PostgreSQL (a 'simple' tsvector) and SQLite (FTS5) index and search the very same terms.

A word becomes its lemma from simplemma's Swedish lexicon (beviljade -> bevilja, Skövdes -> skövde, förbundens and
förbundet -> one lemma), its own lower-case form (for the prefix of the word being typed) and, for a compound, the
lemmas of its parts, each checked against the lexicon, with the linking -s- or -e- (medlemssamråd -> medlem +
samråd, delårsrapport -> delår + rapport, långtidssjukskrivna -> ... + sjukskriven). Stop words come from the
`stop-words` package's Swedish list, less the few words that carry meaning in a decision register (beslut, kr, ...).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma
from stop_words import get_stop_words

LANGUAGE = "sv"

# Letters (å, ä, ö and the rest) or digits; "Finsam-medel" is two words, "2023–2025" two numbers.
WORD = re.compile(r"[^\W\d_]+|\d+")

# The package's list is for general text; in a register of decisions these are what people look for.
MEANINGFUL = {"beslut", "beslutat", "beslutit", "dag", "dagar", "dagarna", "dagen", "del", "delen", "kr", "nr"}
MEANINGFUL |= {"nummer"}
STOP_WORDS = frozenset(get_stop_words("swedish")) - MEANINGFUL

# A compound is split only when it is this long, into a head of at least MIN_HEAD letters and a modifier of at least
# MIN_PART: shorter cuts find words inside words (för + bundet) rather than the parts of a compound.
MIN_COMPOUND = 8
MIN_HEAD = 4
MIN_PART = 3
LINKS = ("s", "e")

# The words of a query that are searched; more narrow nothing down and only cost time.
MAX_QUERY_WORDS = 8


def tokens(text):
    """The lower-case words of a text, in order."""
    return WORD.findall(text.lower())


@lru_cache(maxsize=100_000)
def lemma(word):
    """The word's lemma. For a word the lexicon knows, followed to its end (förbundet -> förbunden -> förbund); an
    unknown word is not guessed at (a typo "upphandlingg" stays a typo and gets a suggestion instead)."""
    return simplemma.lemmatize(word, lang=LANGUAGE, greedy=known(word)).lower()


@lru_cache(maxsize=100_000)
def known(word):
    return simplemma.is_known(word, lang=LANGUAGE)


def _valid_modifier(left):
    """The modifier of a compound as written (with or without a linking letter), if it is a word of its own or a
    compound of such words: "medlems" -> "medlem", "delårs" -> "delår"; None if it is not."""
    candidates = [left]
    if left.endswith(LINKS) and len(left) > MIN_PART:
        candidates.append(left[:-1])
    for candidate in candidates:
        if len(candidate) < MIN_PART - 1 or candidate in STOP_WORDS:
            continue
        if (known(candidate) and len(candidate) >= MIN_PART) or compound_parts(candidate):
            return candidate
    return None


@lru_cache(maxsize=100_000)
def compound_parts(word):
    """The parts of a compound that the lexicon knows, as written: the modifier and head of its first valid cut (the
    longest known head), and their own parts: "delårsrapport" -> ("del", "årsrapport", "år", "rapport"); () for a
    word that is not a compound."""
    if len(word) < MIN_COMPOUND:
        return ()
    parts = []
    for cut in range(MIN_PART, len(word) - MIN_HEAD + 1):
        head = word[cut:]
        if not known(head) or head in STOP_WORDS:
            continue
        modifier = _valid_modifier(word[:cut])
        if modifier is None:
            continue
        # Swedish compounds are right-headed: the first valid cut has the longest known head, and is the one.
        # Other cuts of the same word find words inside words (beslutsförs + laget -> "lag"), not its parts.
        # The head is split in its lemma: an inflected simple word is long enough to hide words in it (förslaget ->
        # förs + laget) where its lemma (förslag) is not.
        for part in (modifier, head, *compound_parts(modifier), *compound_parts(lemma(head))):
            if part not in parts:
                parts.append(part)
        break
    return tuple(parts)


@lru_cache(maxsize=200_000)
def word_terms(word):
    """The index terms of one lower-case word: its form, its lemma and its compound parts' lemmas; () for a stop
    word."""
    if word in STOP_WORDS or len(word) < 2:
        return ()
    base = lemma(word)
    # A known word is split in its lemma (the head carries the inflection: -insatser -> -insats); an unknown one,
    # often a compound the lexicon lacks (medlemssamrådet), as written.
    parts = compound_parts(base if known(word) else word)
    # Parts are lemmatised when they can be heads; a short modifier is kept as written (sam- is not "simma").
    terms = [word, base, *parts, *(lemma(part) for part in parts if len(part) >= MIN_HEAD)]
    return tuple(dict.fromkeys(terms))


def index_terms(*texts):
    """The terms to index for some texts, each once, space-separated: what the register stores and searches."""
    terms = dict.fromkeys(term for text in texts for word in tokens(text) for term in word_terms(word))
    return " ".join(terms)


@dataclass
class QueryWord:
    """One searched word: any of its alternatives matches; the word being typed also as a prefix of its form."""

    form: str
    alternatives: tuple
    prefix: bool = False


@dataclass
class Query:
    words: list = field(default_factory=list)
    only_stop_words: bool = False  # the query had words, all too common to search

    def __bool__(self):
        return bool(self.words)


def analyse_query(text):
    """The words of a search: each must match, as its lemma or its form. The last word is taken as still being
    typed and also matches as a prefix, unless the lexicon knows it as a word (then "styrelsen" stays the word
    styrelse and never becomes "styr…", which would find "styrning")."""
    written = [w for w in tokens(text) if len(w) > 1]
    searched = [w for w in written if w not in STOP_WORDS][:MAX_QUERY_WORDS]
    words = []
    for index, word in enumerate(searched):
        alternatives = tuple(dict.fromkeys((lemma(word), word)))
        last = index == len(searched) - 1
        words.append(QueryWord(word, alternatives, prefix=last and len(word) >= 3 and not known(word)))
    return Query(words=words, only_stop_words=bool(written) and not searched)


def matches(query_text, text):
    """Whether a text matches a query, by the analyser alone: what both databases must agree with."""
    terms = set(index_terms(text).split())
    for word in analyse_query(query_text).words:
        if not terms.intersection(word.alternatives) and not (
            word.prefix and any(t.startswith(word.form) for t in terms)
        ):
            return False
    return True
