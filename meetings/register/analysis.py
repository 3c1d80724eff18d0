"""Swedish text analysis for the decision register, run in Python at index time and at query time, so that
PostgreSQL (a 'simple' tsvector) and SQLite (FTS5) index and search the very same terms.

A word becomes its own lower-case form, its lemmas and, for a compound, its parts, all from hunspell's Swedish
dictionary (meetings.register.lexicon): its paradigms (beslutet -> beslut, godkändes -> godkänna, projektmedlen ->
projektmedel) and its compound rules (which forms begin, continue and end a compound: medlems|samråd, års|redovisning,
never hand + "ling"). A compound's head is indexed as a word (Medlemssamrådet is found by "samråd" and "samråden"), its
modifiers marked as modifiers (MODIFIER): the dictionary form "medlem" finds Medlemssamråd, an inflected
"medlemmarna" does not (it means the members). simplemma's lemma table answers only for the words the dictionary does
not have (names, newer words). The words themselves, the amounts and the stop words are the tokeniser's
(meetings.register.tokeniser); the compounds' cuts are meetings.register.compounds'.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from meetings.register import inflection, lexicon
from meetings.register.compounds import as_word, compound, compound_parts
from meetings.register.lexicon import lemmas_as
from meetings.register.tokeniser import STOP_WORDS, amounts, is_number, query_amounts, tokens

LANGUAGE = "sv"
# simplemma's memory-frugal lexicon: the same answers (checked word for word on the register's vocabulary) from its
# compressed stream instead of a dictionary in memory; a process that has searched holds about 25 MB of it rather
# than about 95 MB, which every web worker and every export would carry.
LOW_MEMORY = True

# The mark of a compound's modifier among the terms: a digit, which a word typed never begins with (tokens are letters
# or digits, never both), and a term of one token for both databases' tokenisers.
MODIFIER = "0"

# The words of a query that are searched; more narrow nothing down and only cost time.
MAX_QUERY_WORDS = 8


@lru_cache(maxsize=200_000)
def lemmas(word):
    """The lemmas of a word on its own: the lexicon's (beslutet -> beslut and besluten, the adjective; godkändes ->
    godkänna) and simplemma's, if simplemma knows the word (a name, a newer word; and the verb of a strong verb's
    past forms, which the dictionary lists as stems of their own: antog, antagit, antagna -> anta; beslöt ->
    besluta; lade, lagt -> lägga); the lexicon's first, which is the word's phrase key. () for a word neither knows.
    An unknown word is not guessed at: a typo stays a typo and gets a suggestion. A form the dictionary lists as a
    word of its own (gemensamt, högst, fullmäktiges) has its word's lemmas first (meetings.register.inflection)."""
    found = lemmas_as(word, lexicon.WORD)
    if found in ((), (word,)):
        found = tuple(dict.fromkeys((*inflection.base_lemmas(word), *found)))
    if simplemma.is_known(word, lang=LANGUAGE, low_memory=LOW_MEMORY):
        other = simplemma.lemmatize(word, lang=LANGUAGE, greedy=True, low_memory=LOW_MEMORY).lower()
        if not found or not _regular_ending(word, other):
            return tuple(dict.fromkeys((*found, other)))
    return found


def _regular_ending(word, lemma):
    """Whether a word is the lemma with an ending of one or two letters: the regular endings, which the dictionary's
    own paradigms give. Where it gives the word another lemma, simplemma's is a homograph's (plana, the verb, is
    no plan + a) and is not taken; a strong verb changes its stem (antog, lade) or adds more (antagit, tagit)."""
    return word.startswith(lemma) and len(word) - len(lemma) <= 2


def known(word):
    return bool(lemmas(word))


@lru_cache(maxsize=200_000)
def word_terms(word):
    """The index terms of one lower-case word, () for a stop word: its form, its lemmas, a compound's heads as words
    and its modifiers marked as such (MODIFIER), so that "förbund" finds Förbundschefen and "förbundet" does not."""
    if word in STOP_WORDS or len(word) < 2:
        return ()
    heads, modifiers = compound_parts(word)
    return tuple(dict.fromkeys((word, *lemmas(word), *heads, *(MODIFIER + part for part in modifiers))))


# Between the terms and each text's sequence of words: a token that no query has (a query's words are two
# characters or more), so that a phrase never runs from one text, or from the terms, into the next.
PHRASE_BREAK = "0"


def index_terms(*texts):
    """The terms to index for some texts, space-separated: what the register stores and searches. Each term once,
    then each text's words in order, one term each (its key), between PHRASE_BREAKs: what a phrase is matched
    against, on PostgreSQL (<->) and SQLite (FTS5 "…") alike."""
    terms = dict.fromkeys(term for text in texts for word in tokens(text) for term in word_terms(word))
    terms.update(dict.fromkeys(amount for text in texts for amount in amounts(text)))
    if not terms:
        return ""
    sequences = [" ".join(phrase_keys(text)) for text in texts]
    return " ".join([*terms, PHRASE_BREAK, *(f"{sequence} {PHRASE_BREAK}" for sequence in sequences if sequence)])


def phrase_keys(text):
    """A text's searched words in order, each as one term: its first lemma, or its form (budgeten 2027 -> budget
    2027). Stop words are left out on both sides, so "beslut om budget" is the phrase beslut budget."""
    return [key(word) for word in tokens(text) if word_terms(word)]


def key(word):
    own = lemmas(word)
    return own[0] if own else word


@dataclass
class QueryWord:
    """One searched word: any of its alternatives matches; the word being typed also as a prefix of its form, and a
    compound the dictionary does not know whole as a prefix of its dictionary form (its `stems`)."""

    form: str
    alternatives: tuple
    prefix: bool = False
    stems: tuple = ()

    @property
    def prefixes(self):
        return ((self.form,) if self.prefix else ()) + self.stems


@dataclass
class Query:
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # the keys of each quoted phrase of two words or more, in order
    only_stop_words: bool = False  # the query had words, all too common to search
    no_words: bool = False  # the query had something, but no word to search: "%", "b", "😀", "§ 5"

    def __bool__(self):
        return bool(self.words)


def analyse_query(text):
    """The words of a search: each must match, as its form, one of its lemmas or, when it is typed in its dictionary
    form (or is a word the lexicon does not have), as a compound's modifier too ("förbund" finds Förbundschefen,
    "förbundet" does not). The last word is taken as still being typed and also matches as a prefix, unless the
    lexicon knows it as a word (then "styrelsen" stays the word styrelse and never becomes "styr…", which would find
    "styrning")."""
    written = [w for w in tokens(query_amounts(text)) if len(w) > 1]
    searched = [w for w in written if w not in STOP_WORDS][:MAX_QUERY_WORDS]
    words = []
    for index, word in enumerate(searched):
        own = lemmas(word)
        # A modifier as the index has it: the word in its dictionary form, or a form the dictionary lets begin a
        # compound (bygg-, beställar-), read as a word as the index reads it.
        modifiers = ((word,) if word in own or not own else ()) + tuple(map(as_word, lemmas_as(word, lexicon.BEGIN)))
        modifiers += adjective_of(word)
        modifier = tuple(MODIFIER + part for part in modifiers)
        stems = () if own else compound_stems(word) or genitive_stem(word)
        alternatives = tuple(dict.fromkeys((word, *own, *stems, *modifier)))
        last = index == len(searched) - 1
        # A number is never a prefix: "1 200 000" must not find 12 000 000.
        prefix = last and len(word) >= 3 and not own and not is_number(word)
        words.append(QueryWord(word, alternatives, prefix=prefix, stems=stems))
    phrases = [keys for keys in (phrase_keys(quoted) for quoted in PHRASE.findall(text)) if len(keys) > 1]
    no_words = bool(text.strip()) and not written
    return Query(words=words, phrases=phrases, only_stop_words=bool(written) and not searched, no_words=no_words)


# The endings an adjective takes to agree with its noun: ung, ungt, unga, unge.
AGREEMENT = ("t", "a", "e")


def adjective_of(word):
    """The adjective of which a query word is an agreeing form (unga, ungt: ung), as the modifier of a compound
    (ungdomar, storstad): an adjective's form changes with the noun it goes with, never its meaning, unlike a
    noun's plural or definite form ("medlemmarna" does not find Medlemssamråd). An adjective is a lemma whose own
    -t and -a forms the dictionary has (ung: ungt, unga), as every regular Swedish adjective's are; () otherwise."""
    for ending in AGREEMENT:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2 and stem not in STOP_WORDS and _is_adjective(stem):
            return (stem,)
    return ()


def _is_adjective(stem):
    forms = (stem, stem + "t", stem + "a")
    return all(stem in lemmas_as(form, lexicon.WORD) for form in forms)


def compound_stems(word):
    """A compound the dictionary does not know whole, in its dictionary form: as written up to its head, then the
    head's lemmas (förbundsordningen: förbundsordning, medlemssamråden: medlemssamråd). The text's own forms of it
    (Förbundsordning, Medlemssamrådet) are the index's terms, which the search meets as their prefix: the index has
    no lemma of a word the dictionary does not know, and a compound's head and modifier alone would find the parts
    apart ("medlemmarnas samråd")."""
    found = compound(word)
    return tuple(dict.fromkeys(word[: found.cut] + head for head in found.head)) if found else ()


def genitive_stem(word):
    """A name that neither the dictionary nor simplemma knows, in the genitive (Studio Ludums, Finsams): the name as
    the text has it, matched as a prefix as a compound's stem is. The index reads the genitive of the names they know
    (Skövdes: skövde), not of these."""
    stem = word[:-1]
    if word.endswith("s") and len(stem) >= 4 and not stem.endswith("s") and stem not in STOP_WORDS:
        return (stem,)
    return ()


# A phrase is quoted: "2027 budget" finds its words in that order, next to each other (stop words aside).
PHRASE = re.compile(r'"([^"]*)"')


def matches(query_text, text):
    """Whether a text matches a query, by the analyser alone: what both databases must agree with, the one answer
    the view's highlighting and the tests share. A query of stop words only matches nothing."""
    query = analyse_query(query_text)
    if not query:
        return False
    terms = set(index_terms(text).split())
    keys = " ".join(phrase_keys(text))
    return all(term_matches(word, terms) for word in query.words) and all(
        f" {' '.join(phrase)} " in f" {keys} " for phrase in query.phrases
    )


def term_matches(word, terms):
    """Whether one word of a query matches a set of index terms."""
    return not terms.isdisjoint(word.alternatives) or (
        word.prefixes and any(term.startswith(word.prefixes) for term in terms)
    )
