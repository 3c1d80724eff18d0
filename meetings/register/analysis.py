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
# simplemma's memory-frugal lexicon: the same answers (checked word for word on the register's vocabulary) from its
# compressed stream instead of a dictionary in memory; a process that has searched holds about 25 MB of it rather
# than about 95 MB, which every web worker and every export would carry.
LOW_MEMORY = True

# Letters (å, ä, ö and the rest) or digits; "Finsam-medel" is two words, "2023–2025" two numbers.
WORD = re.compile(r"[^\W\d_]+|\d+")

# The `stop-words` package's Swedish list is made for general text: beside the function words it has words that a
# register of decisions is searched for. These are taken out of it, by kind, and stay searchable:
KEPT_FROM_STOP_LIST = {
    # votes and answers: "ja", "nej" are how a votering and a namnupprop are recorded
    "ja", "nej",
    # numerals and ordinals: amounts, counts, "tredje kvartalet"; "en", "ett" stay stop words (articles)
    "noll", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tretton", "fjorton",
    "femton", "sexton", "sjutton", "artonn", "nitton", "tjugo", "tjungo", "tjugoen", "tjugoett",
    "tjugotvå", "tjugotre", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio", "hundra",
    "hundraen", "hundraett", "tvåhundra", "ettusen", "första", "andra", "tredje", "fjärde", "femte", "sjätte",
    "sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde",
    "sjuttonde", "artonde", "adertonde", "aderton", "nittonde", "tjugonde", "trettionde", "fyrtionde", "femtionde",
    "sextionde", "sjuttionde", "åttionde", "nittionde",
    # judgements, sizes and directions that decisions are about: "god ekonomisk hushållning", "större insatser"
    "bra", "god", "goda", "godare", "godast", "gott", "viktig", "viktigare", "viktigast", "viktigt", "möjlig",
    "möjligt", "nödvändig", "nödvändiga", "nödvändigt", "stor", "stora", "stort", "större", "störst", "liten",
    "lilla", "mindre", "minst", "små", "smått", "enkel", "enkelt", "enkla", "hög", "högre", "högst", "höger",
    "vänster", "vänstra", "tidig", "tidigare", "tidigast", "tidigt", "långsam", "långsammare", "långsammast",
    "långsamt", "lätt", "lättare", "lättast", "sämre", "sämst", "bättre", "bäst", "värre", "likställd",
    "likställda", "övre", "nedre",
    # the register's own words: decisions, days, parts, amounts and numbers
    "beslut", "beslutat", "beslutit", "dag", "dagar", "dagarna", "dagen", "del", "delen", "kr", "nr", "nummer",
    # courtesy and days: "tack till", "idag"
    "tack", "förlåt", "ursäkt", "adjö", "varsågod", "idag", "igår", "imorgon", "övermorgon",
}  # fmt: skip
STOP_WORDS = frozenset(get_stop_words("swedish")) - KEPT_FROM_STOP_LIST

# A compound is split only when it is this long, into parts that are words of the lexicon on both sides: a head of
# at least MIN_HEAD letters and a modifier of at least MIN_PART. Shorter cuts find words inside words (för + bundet)
# rather than the parts of a compound.
MIN_COMPOUND = 8
MIN_HEAD = 4
MIN_PART = 3
# The linking morphemes (fogemorfem) that may end a modifier: arbetsmarknad (arbete + s), gästabud (gäst + a),
# barnefamilj (barn + e). A modifier may also end in its combining form (gatu-, kyrko-, kvinno- for gata, kyrka,
# kvinna), which the lexicon knows and leads back to the word.
LINKS = ("s", "e", "a")
# A word the lexicon knows is often a derivation, not a compound: ansvarig, genomföra, konstatera, redovisa,
# ansökning are a particle or prefix before a verb or its noun, and the short first "part" of a cut (ans|varig,
# gen|omföra, kon|statera, red|ovisa) is a word only by accident. Such a word is split only where its modifier is
# plainly a word of its own: at least this long, joined to the head by a linking morpheme (förbunds|möte,
# läns|styrelse), or before a head that is a compound itself (del|årsrapport). An unknown word, most often a compound
# the lexicon lacks (medlemssamråd), is split wherever the lexicon knows both sides.
MIN_KNOWN_MODIFIER = 4
# Swedish derivational suffixes that are also words on their own: närvar|ande, bild|andet, ingå|ende,
# medlem|skapet, fel|aktig, ägar|innan. A head that is one of these is the suffix of a derivation, never a compound's
# second word (SAG, Svenska Akademiens grammatik, on derivation: -ande/-ende, -skap, -aktig, -else, -erska, -inna,
# -ning, -het).
SUFFIX_HEADS = frozenset({"ande", "ende", "skap", "aktig", "else", "erska", "inna", "ning", "het"})

# The words of a query that are searched; more narrow nothing down and only cost time.
MAX_QUERY_WORDS = 8


def tokens(text):
    """The lower-case words of a text, in order: the one tokeniser of the index, the query and the suggestions."""
    return WORD.findall(text.lower())


@lru_cache(maxsize=100_000)
def lemma(word):
    """The word's lemma. For a word the lexicon knows, followed to its end (förbundet -> förbunden -> förbund); an
    unknown word is not guessed at (a typo "upphandlingg" stays a typo and gets a suggestion instead)."""
    return simplemma.lemmatize(word, lang=LANGUAGE, greedy=known(word), low_memory=LOW_MEMORY).lower()


@lru_cache(maxsize=100_000)
def known(word):
    return simplemma.is_known(word, lang=LANGUAGE, low_memory=LOW_MEMORY)


def _form_of(word, base):
    """Whether `base` can be the dictionary form of `word` inside a compound: it keeps the word's stem and changes at
    most its ending (medlems -> medlem, gatu -> gata, arbets -> arbete, samrådet -> samråd). The lexicon maps some
    short words to an unrelated verb (redo -> rida, sam -> simma); a part is never read as such."""
    return len(base) >= 2 and word.startswith(base[:-1])


def _part_lemma(word):
    """The dictionary form of a compound's part, or the part as written."""
    base = lemma(word)
    return base if _form_of(word, base) else word


def _modifier(left, head, *, strict=False):
    """The first part of a compound as written (with its linking morpheme or in its combining form), as the word it
    is: "medlems" -> "medlem", "verksamhets" -> "verksamhet" (never verksam + hets), "gatu" -> "gata", "redo" ->
    "redo"; None if it is neither a word of the lexicon nor a compound of such words.

    `strict`, for a word the lexicon knows whole (see MIN_KNOWN_MODIFIER): a shorter modifier without a linking
    morpheme (års|rapport) only before a head that is a compound itself (del|årsrapport: a chain of words, not a
    prefix before a derived word), and a modifier that is a compound only with its linking morpheme
    (långtids|sjukskriven)."""
    if left in STOP_WORDS:
        return None
    if known(left) and len(left) >= MIN_PART:
        linked = left.endswith(LINKS) and lemma(left) == left[:-1]  # års is år with its linking -s, ans is no "an"
        if not strict or linked or len(left) >= MIN_KNOWN_MODIFIER or compound_parts(_part_lemma(head)):
            return _part_lemma(left)
    if left.endswith(LINKS) and len(left) > MIN_PART:
        stem = left[:-1]
        if stem not in STOP_WORDS and ((known(stem) and len(stem) >= MIN_PART) or compound_parts(stem)):
            return _part_lemma(stem)
    if (not strict or left.endswith(LINKS)) and compound_parts(left):
        return left
    return None


@lru_cache(maxsize=100_000)
def compound_parts(word):
    """The parts of a compound, each a word of the lexicon in its dictionary form: the modifier and head of its first
    valid cut (the longest known head), then their own parts: "delårsrapport" -> ("del", "årsrapport", "år",
    "rapport"); () for a word that is not a compound."""
    if len(word) < MIN_COMPOUND:
        return ()
    strict = known(word)
    for cut in range(MIN_PART, len(word) - MIN_HEAD + 1):
        head = word[cut:]
        if not known(head) or head in STOP_WORDS or head in SUFFIX_HEADS or lemma(head) in SUFFIX_HEADS:
            continue
        left = word[:cut]
        modifier = _modifier(left, head, strict=strict)
        if modifier is None:
            continue
        # A modifier the lexicon knows as written is also indexed so (kurs-, for all that simplemma reads it as the
        # genitive of "kur"); it is split only in its dictionary form (verksamhets- is verksamhet, never verksam +
        # hets).
        written = (left,) if known(left) and left != modifier else ()
        # Swedish compounds are right-headed: the first valid cut has the longest known head, and is the one.
        # Other cuts of the same word find words inside words (beslutsförs + laget -> "lag"), not its parts.
        # The head carries the inflection (-insatser -> insats) and is split in its dictionary form: an inflected
        # simple word is long enough to hide words in it (förslaget -> förs + laget) where its lemma is not.
        base = _part_lemma(head)
        parts = (*written, modifier, head, base, *compound_parts(modifier), *compound_parts(base))
        return tuple(dict.fromkeys(parts))
    return ()


@lru_cache(maxsize=200_000)
def word_terms(word):
    """The index terms of one lower-case word: its form, its lemma and its compound's parts; () for a stop word."""
    if word in STOP_WORDS or len(word) < 2:
        return ()
    base = lemma(word)
    # A known word is split in its lemma (the head carries the inflection: -insatser -> -insats); an unknown one,
    # often a compound the lexicon lacks (medlemssamrådet), as written.
    parts = compound_parts(base if known(word) else word)
    return tuple(dict.fromkeys((word, base, *parts)))


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
