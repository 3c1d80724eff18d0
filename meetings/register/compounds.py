"""Swedish compounds for the register's analyser: where a word the dictionary does not know whole, or knows as a
compound, is cut into its modifiers and its head, by hunspell's compound rules (meetings.register.lexicon), and
which lemmas each part has."""

from dataclasses import dataclass
from functools import cache, lru_cache, partial

from meetings.register import lexicon
from meetings.register.lexicon import lemmas_as
from meetings.register.tokeniser import STOP_WORDS


@dataclass(frozen=True)
class Compound:
    modifiers: tuple  # each modifier's lemmas, left to right: ((arbetsmarknad,),) for arbetsmarknads|insatser
    head: tuple  # the head's lemmas: (insats,); () for a derivation (ung|dom: _derivation)
    cut: int = 0  # where the head begins in the word as written


@lru_cache(maxsize=200_000)
def compound(word):
    """A compound's parts, or None: by the dictionary's compound rules (which forms begin, continue and end a
    compound) and, where they allow no cut, by a modifier that is a word of the dictionary in its own form, its
    genitive or its combining form (års|redovisning, gatu|belysning: the dictionary's flags miss a few).

    Swedish compounds are right-headed: the cut with the longest head that the dictionary allows to end a compound
    is the one (beslutsförslaget: besluts|förslaget, never beslutsförs|laget). A word inside a word that may not end
    a compound is never a part (handlingar: no "lingar"; årsredovisningen: no "visningen" after "års|redovisningen").
    Nor is a derivational suffix that spells a word, after a word in its base form (ung|dom: see _derivation): such a
    word has its base as its modifier (the word begins with it: "ung" finds Ungdomar) and no head."""
    if lexicon.FORBIDDEN in "".join(lexicon.entries(word).values()):
        return None
    as_word_modifier = partial(_word_as_modifier, whole=bool(lemmas_as(word, lexicon.WORD)))
    for modifiers_of in (_modifiers, as_word_modifier):
        for cut in range(_shortest_part(), len(word) - _shortest_part() + 1):
            head = lemmas_as(word[cut:], lexicon.END)
            if not head:
                continue
            for left in _left_parts(word[:cut], word[cut:]):
                modifiers = modifiers_of(left, _most_parts() - 1)
                if modifiers:
                    return Compound(modifiers, () if _derivation(left, head) else head, cut)
    return None


# Swedish derivational suffixes that also spell a word the dictionary lets end a compound: -dom (ungdom, sjukdom,
# barndom; the noun dom, a court's ruling), -het (het, hot), -lös, -full, -bar, -sam, -vis, -rik. Derivation is a
# closed class of the grammar (Svenska Akademiens grammatik, vol. 2, "Avledning"), not a list of the words it makes.
DERIVATIONAL_SUFFIXES = frozenset({"dom", "het", "lös", "full", "bar", "sam", "vis", "rik"})


def _derivation(left, head):
    """Whether a cut is a derivation rather than a compound: a derivational suffix straight after a word in its own
    base form (ung|dom, sjuk|dom, respekt|full). The suffix means nothing on its own ("dom" must not find Ungdomar);
    a compound of the noun has its modifier in a linking form (tingsrätts|dom, skilje|dom), which stays a compound
    and is found by "dom"."""
    return not DERIVATIONAL_SUFFIXES.isdisjoint(head) and left in lemmas_as(left, lexicon.WORD)


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
    begins = lemmas_as(left, lexicon.BEGIN)
    if begins:
        return (tuple(dict.fromkeys((*begins, *_genitive_of(left), *_linked_word(left)))),)
    if room < 2:
        return None
    shortest = _shortest_part()
    for cut in range(shortest, len(left) - shortest + 1):
        middles = lemmas_as(left[cut:], lexicon.MIDDLE)
        if middles:
            rest = _modifiers(left[:cut], room - 1)
            if rest:
                return (*rest, middles)
    return None


def _linked_word(left):
    """The word before a linking -s (års: år, besluts: beslut), if it is one in its dictionary form."""
    stem = left[:-1]
    if left.endswith("s") and stem not in STOP_WORDS and stem in lemmas_as(stem, lexicon.WORD):
        return (stem,)
    return ()


def _genitive_of(form):
    """The words of which `form` is the dictionary form or the genitive (års: år)."""
    return tuple(lemma for lemma in lemmas_as(form, lexicon.WORD) if form in (lemma, lemma + "s"))


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
        if word in lemmas_as(word, lexicon.WORD):
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
    if lemma in lemmas_as(lemma, lexicon.WORD):
        return lemma
    for ending, word_ending in COMBINING_FORMS:
        if lemma.endswith(ending):
            word = lemma[: len(lemma) - len(ending)] + word_ending
            if word in lemmas_as(word, lexicon.WORD):
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
