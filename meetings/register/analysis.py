"""Swedish text analysis for the decision register, run in Python at index time and at query time, so that
PostgreSQL (a 'simple' tsvector) and SQLite (FTS5) index and search the very same terms.

A word becomes its own lower-case form, its lemmas and, for a compound, its parts, all from hunspell's Swedish
dictionary (meetings.register.lexicon): its paradigms (beslutet -> beslut, godkändes -> godkänna, projektmedlen ->
projektmedel) and its compound rules (which forms begin, continue and end a compound: medlems|samråd, års|redovisning,
never hand + "ling"). A compound's head is indexed as a word (Medlemssamrådet is found by "samråd" and "samråden"), its
modifiers marked as modifiers (MODIFIER): the dictionary form "medlem" finds Medlemssamråd, an inflected
"medlemmarna" does not (it means the members). simplemma's lemma table answers only for the words the dictionary does
not have (names, newer words). Stop words come from the `stop-words` package's Swedish list, less the few words that
carry meaning in a decision register (beslut, kr, ...).
"""

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

import simplemma
from stop_words import get_stop_words

from meetings.register import lexicon

LANGUAGE = "sv"
# simplemma's memory-frugal lexicon: the same answers (checked word for word on the register's vocabulary) from its
# compressed stream instead of a dictionary in memory; a process that has searched holds about 25 MB of it rather
# than about 95 MB, which every web worker and every export would carry.
LOW_MEMORY = True

# The characters Swedish text puts between the digit groups of an amount: a space, a no-break space, a figure, thin
# or narrow no-break space (1 200 000, as word processors and Språkrådet's rules write it), or a full stop (1.200.000).
GROUP_SPACES = " \u00a0\u2007\u2009\u202f"
# A number: digits, or groups of three after a first group of one to three, joined by one of those characters (the
# same one throughout). "1 200 000" is the one number 1200000, as it is read; "2023 2024" stays two years (a group
# is three digits), and so does "Insats | 2027 | 2028", a table's cells.
NUMBER = rf"\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d+"
# Letters (å, ä, ö and the rest) or a number; "Finsam-medel" is two words, "2023–2025" two numbers.
WORD = re.compile(rf"[^\W\d_]+|{NUMBER}")
_GROUPING = re.compile(rf"[{GROUP_SPACES}.]")

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

# The mark of a compound's modifier among the terms: a digit, which a word typed never begins with (tokens are letters
# or digits, never both), and a term of one token for both databases' tokenisers.
MODIFIER = "0"

# The words of a query that are searched; more narrow nothing down and only cost time.
MAX_QUERY_WORDS = 8


def tokens(text):
    """The lower-case words of a text, in order: the one tokeniser of the index, the query and the suggestions. A
    number is its digits, however they are grouped."""
    return [token(found) for found in WORD.findall(text.lower())]


def token(found):
    """A word as WORD found it, as a term: a grouped number without its spaces or full stops."""
    return _GROUPING.sub("", found) if found[0].isdigit() else found


# An amount in millions or thousands ("1,2 miljoner", "1,5 mkr", "800 tkr", "2 miljarder") is also indexed and
# searched as kronor (1200000, 1500000, 800000, 2000000000), so that it finds and is found by the amount written out.
MULTIPLIERS = {
    "miljon": 10**6, "miljoner": 10**6, "milj": 10**6, "mkr": 10**6, "mnkr": 10**6, "msek": 10**6, "mn": 10**6,
    "miljard": 10**9, "miljarder": 10**9, "mdkr": 10**9, "mdr": 10**9,
    "tusen": 10**3, "tkr": 10**3, "ksek": 10**3,
}  # fmt: skip
# A currency word after an amount in a query says no more than the amount: "1 200 000 kr" finds "1 200 000 kronor".
CURRENCY = ("kr", "kronor", "krona", "sek")
AMOUNT = re.compile(
    rf"(?<![\w,.])({NUMBER})(?:[,.](\d+))?[{GROUP_SPACES}]*"
    rf"(?:({'|'.join(MULTIPLIERS)})\b\.?(?:[{GROUP_SPACES}]*(?:{'|'.join(CURRENCY)})\b)?|(?:{'|'.join(CURRENCY)})\b)?",
    re.IGNORECASE,
)


def amounts(text):
    """The amounts of a text in kronor, as terms: "1,2 miljoner" -> 1200000 ("1 200 000" is that number already)."""
    found = []
    for match in AMOUNT.finditer(text):
        value = _kronor(match)
        if value is not None:
            found.append(value)
    return found


def _kronor(match):
    """An amount's kronor as digits, or None when it names no multiplier or is not a whole number of kronor."""
    whole, decimals, unit = match.group(1), match.group(2) or "", match.group(3)
    if not unit:
        return None
    factor = MULTIPLIERS[unit.lower()]
    digits = token(whole) + decimals
    if len(decimals) > len(str(factor)) - 1:
        return None
    return str(int(digits) * factor // 10 ** len(decimals))


def query_amounts(text):
    """A query with each amount as one word of kronor: "1,2 miljoner" -> "1200000", "1 200 000 kr" -> "1200000"."""

    def kronor(match):
        value = _kronor(match)
        if value is None and match.group(2):
            return match[0]  # a decimal number with no multiplier stays as written
        return f" {value or token(match.group(1))} "

    return AMOUNT.sub(kronor, text)


@lru_cache(maxsize=200_000)
def lemmas(word):
    """The lemmas of a word on its own: the lexicon's (beslutet -> beslut and besluten, the adjective; godkändes ->
    godkänna) and simplemma's, if simplemma knows the word (a name, a newer word; and the verb of a strong verb's
    past forms, which the dictionary lists as stems of their own: antog, antagit, antagna -> anta; beslöt ->
    besluta; lade, lagt -> lägga); the lexicon's first, which is the word's phrase key. () for a word neither knows.
    An unknown word is not guessed at: a typo stays a typo and gets a suggestion."""
    found = _role(word, lexicon.WORD)
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


def _role(form, role):
    """The lemmas of which `form` is a form in that role (a word, or a compound's beginning, middle or end)."""
    return tuple(sorted(lemma for lemma, roles in lexicon.entries(form).items() if role in roles))


@dataclass(frozen=True)
class Compound:
    modifiers: tuple  # each modifier's lemmas, left to right: ((arbetsmarknad,),) for arbetsmarknads|insatser
    head: tuple  # the head's lemmas: (insats,)
    cut: int = 0  # where the head begins in the word as written


@lru_cache(maxsize=200_000)
def compound(word):
    """A compound's parts, or None: by the dictionary's compound rules (which forms begin, continue and end a
    compound) and, where they allow no cut, by a modifier that is a word of the dictionary in its own form, its
    genitive or its combining form (års|redovisning, gatu|belysning: the dictionary's flags miss a few).

    Swedish compounds are right-headed: the cut with the longest head that the dictionary allows to end a compound
    is the one (beslutsförslaget: besluts|förslaget, never beslutsförs|laget). A word inside a word that may not end
    a compound is never a part (handlingar: no "lingar"; årsredovisningen: no "visningen" after "års|redovisningen")."""
    if lexicon.FORBIDDEN in "".join(lexicon.entries(word).values()):
        return None
    as_word_modifier = partial(_word_as_modifier, whole=bool(_role(word, lexicon.WORD)))
    for modifiers_of in (_modifiers, as_word_modifier):
        for cut in range(_shortest_part(), len(word) - _shortest_part() + 1):
            head = _role(word[cut:], lexicon.END)
            if not head:
                continue
            for left in _left_parts(word[:cut], word[cut:]):
                modifiers = modifiers_of(left, _most_parts() - 1)
                if modifiers:
                    return Compound(modifiers, head, cut)
    return None


def _left_parts(left, head):
    """The first part of a cut as written, and as it is before a triple consonant was made double (SIMPLIFIEDTRIPLE:
    fall + lucka is written fallucka)."""
    yield left
    if len(left) >= 2 and left[-1] == left[-2] == head[0]:
        return
    if left[-1] == head[0]:
        yield left + head[0]


def _modifiers(left, room):
    """The modifiers before a compound's head, by the dictionary's flags: a beginning, or modifiers and a middle. A
    beginning that is also a word's genitive stands for that word too (besluts- begins a compound as besluta's, and
    is beslut's genitive)."""
    begins = _role(left, lexicon.BEGIN)
    if begins:
        return (tuple(dict.fromkeys((*begins, *_genitive_of(left), *_linked_word(left)))),)
    if room < 2:
        return None
    shortest = _shortest_part()
    for cut in range(shortest, len(left) - shortest + 1):
        middles = _role(left[cut:], lexicon.MIDDLE)
        if middles:
            rest = _modifiers(left[:cut], room - 1)
            if rest:
                return (*rest, middles)
    return None


def _linked_word(left):
    """The word before a linking -s (års: år, besluts: beslut), if it is one in its dictionary form."""
    stem = left[:-1]
    if left.endswith("s") and stem not in STOP_WORDS and stem in _role(stem, lexicon.WORD):
        return (stem,)
    return ()


def _genitive_of(form):
    """The words of which `form` is the dictionary form or the genitive (års: år)."""
    return tuple(lemma for lemma in _role(form, lexicon.WORD) if form in (lemma, lemma + "s"))


# A modifier read as a word of its own (not by the dictionary's compound flags) is at least this long: shorter words
# inside longer ones are too often a prefix that happens to spell a word.
MIN_WORD_MODIFIER = 3


def _word_as_modifier(left, room, *, whole=False):
    """A single modifier that the dictionary's flags do not give, never a stop word (för|bundet).

    In a word the dictionary does not know whole: a word in its own form or its genitive (medlems), or in its
    combining form (gatu-: gata). In a word it knows whole (`whole`) only a noun with its linking -s (års|redovisning):
    a word it knows is often a derivation whose first letters spell a word only by accident (redo|visning,
    gem|ensam, sam|ordning, förs|lag), which the dictionary's flags never allow."""
    if left in STOP_WORDS or len(left) < MIN_WORD_MODIFIER:
        return None
    if _linked_word(left):
        return (_linked_word(left),)
    if whole:
        return _combining_form(left)
    words = _genitive_of(left)
    if words:
        return (words,)
    word = as_word(left)
    return ((word,),) if word != left else None


def _combining_form(left):
    """A combining form in -u or -o (gatu-, kyrko-: gata, kyrka) before a head, also in a word the dictionary knows
    whole; one in -o only from five letters on (redo- is no "reda")."""
    if left.endswith("u") or (left.endswith("o") and len(left) >= 5):
        word = left[:-1] + "a"
        if word in _role(word, lexicon.WORD):
            return ((word,),)
    return None


@cache
def _shortest_part():
    return max(2, int(lexicon.options().get("COMPOUNDMIN", 3)))


@cache
def _most_parts():
    return int(lexicon.options().get("COMPOUNDWORDMAX", 4))


# The linking ends that a combining form listed on its own may have lost or changed: tjänste- is tjänst, fråge- and
# gatu- are fråga and gata, arbets- is arbete, samverkans- is samverkan.
COMBINING_FORMS = (("e", ""), ("s", ""), ("a", ""), ("s", "e"), ("e", "a"), ("u", "a"), ("o", "a"), ("e", "an"))


def as_word(lemma):
    """A modifier's lemma as a word on its own: the dictionary lists some combining forms as entries of their own
    (fråge-, tjänste-, gatu-), which are read back to their word; a form with no word behind it stays as it is."""
    if lemma in _role(lemma, lexicon.WORD):
        return lemma
    for ending, word_ending in COMBINING_FORMS:
        if lemma.endswith(ending):
            word = lemma[: len(lemma) - len(ending)] + word_ending
            if word in _role(word, lexicon.WORD):
                return word
    return lemma


@lru_cache(maxsize=200_000)
def compound_parts(word, depth=0):
    """(heads, modifiers) of a word: the lemmas of its head, and of its head's head when the head is a compound
    itself (delårsrapport: årsrapport, rapport); and the lemmas of its modifiers and of their own parts (del, år;
    arbetsmarknadsinsatser: arbetsmarknad, arbete, marknad). ((), ()) for a word that is no compound."""
    found = compound(word) if depth < MAX_DEPTH else None
    if found is None:
        return (), ()
    heads = list(found.head)
    modifiers = [as_word(lemma) for lemmas in found.modifiers for lemma in lemmas]
    for head in found.head:
        inner_heads, inner_modifiers = compound_parts(head, depth + 1)
        heads += inner_heads
        modifiers += inner_modifiers
    for modifier in list(modifiers):
        modifiers += [part for parts in compound_parts(modifier, depth + 1) for part in parts]
    return tuple(dict.fromkeys(heads)), tuple(dict.fromkeys(modifiers))


# Compounds within compounds are read this deep (medlems|förbunds|styrelse|ordförande is three).
MAX_DEPTH = 3


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
        modifiers = ((word,) if word in own or not own else ()) + tuple(map(as_word, _role(word, lexicon.BEGIN)))
        modifiers += adjective_of(word)
        modifier = tuple(MODIFIER + part for part in modifiers)
        stems = () if own else compound_stems(word) or genitive_stem(word)
        alternatives = tuple(dict.fromkeys((word, *own, *stems, *modifier)))
        last = index == len(searched) - 1
        # A number is never a prefix: "1 200 000" must not find 12 000 000.
        prefix = last and len(word) >= 3 and not own and not word.isdecimal()
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
    return stem in _role(stem, lexicon.WORD) and all(stem in _role(stem + end, lexicon.WORD) for end in ("t", "a"))


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
