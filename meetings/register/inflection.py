"""Swedish inflection that hunspell's dictionary lists as words of their own: gemensamt, höga, högre, högst,
fullmäktiges are stems in sv_SE.dic, each its own lemma, so that they found neither their word nor its other forms.

The rule, for any word: a form the dictionary lists without a paradigm of its own (no plural, definite or verb forms
made from it; an adjective's agreeing -a or -e aside: högst, högsta) that is a word of the dictionary plus a regular
ending of Swedish inflection is also read as that word. The endings are the grammar's, by kind:

- an adjective's agreement, comparison and superlative: -t (-tt after a vowel), -a, -re, -are, -st, -ast, -sta,
  -aste, after a word with adjective forms of its own in the dictionary (höga, högt: hög; gemensamma: gemensam);
- a noun's definite -n, -en, -et, -na, -arna, -erna, -orna, after a word with a noun's forms in the dictionary;
- the genitive -s after any word of the dictionary (fullmäktiges: fullmäktige).

A final consonant doubled before an ending is single in the word (gemensammare: gemensam). A form with a paradigm
of its own is a word of its own, never read as another (hals is no genitive of hal, port no -t form of "por", the verb
plana no form of plan): the dictionary tells them apart by giving them their own forms.
"""

from functools import lru_cache

from meetings.register import lexicon
from meetings.register.lexicon import lemmas_as
from meetings.register.tokeniser import STOP_WORDS

ADJECTIVE_ENDINGS = ("aste", "ast", "are", "sta", "st", "re", "tt", "t", "a")
DEFINITE_ENDINGS = ("arna", "erna", "orna", "en", "et", "na", "n")
GENITIVE = "s"
# A word's adjective forms, the evidence that a word is an adjective: one of -a, -t, -are, -ast, -re, -st besides
# the form read (also with the final consonant doubled: gemensamma), its own or listed on their own (höga, högt).
ADJECTIVE_FORMS = ("a", "t", "are", "ast", "re", "st")
# A noun's plural and definite forms, the evidence that a word is a noun (besvär: besvären; not begära: begäran).
NOUN_FORMS = ("ar", "er", "or", "en", "et", "n")
# The definite endings that follow a vowel only (gata-n, frö-na, dilemma-na); the others follow a consonant too.
AFTER_A_VOWEL = ("n", "na")
VOWELS = "aeiouyåäö"
# The shortest word read as the base of a listed form: shorter ones are mostly names and abbreviations ("ad", "arn").
MIN_BASE = 3
# Switched off only by the measure (measure_register_inflection), which prints the figures without and with the rule.
ENABLED = True


@lru_cache(maxsize=200_000)
def base_lemmas(word):
    """The lemmas of the word of which `word` is a regular inflected form that the dictionary lists on its own: the
    word's own lemmas and the word (fullmäktiges: fullmäktig, fullmäktige). The longest ending that leaves a word of the
    right kind is the one (högst: hög + st, not "högs" + t). () for a word with a paradigm of its own, or none of
    whose endings leaves such a word."""
    if not ENABLED or _has_paradigm(word):
        return ()
    kinds = ((ADJECTIVE_ENDINGS, _is_adjective), (DEFINITE_ENDINGS, _is_noun), ((GENITIVE,), _is_lemma))
    for endings, fits in kinds:
        for ending in endings:
            if not word.endswith(ending) or len(word) - len(ending) < MIN_BASE:
                continue
            for base in _bases(word[: -len(ending)]):
                if base not in STOP_WORDS and _is_lemma(base) and fits(base, word, ending):
                    return tuple(dict.fromkeys((*lemmas_as(base, lexicon.WORD), base)))
    return ()


def _bases(stem):
    """The word before an ending: as written, and with a doubled final consonant made single (gemensamm-)."""
    yield stem
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        yield stem[:-1]


def _is_lemma(word, _form=None, _ending=None):
    """Whether the word is a lemma of the dictionary, and no name (Johanna is no form of Johan)."""
    return word in lemmas_as(word, lexicon.WORD) and not (lexicon.stem(word) or (0, False))[1]


def _has_paradigm(word):
    """Whether the dictionary makes forms of the word's own (beside an adjective's agreeing -a and -e), or lists it
    as a name: then it is a word in its own right, not a listed form."""
    own_forms, name = lexicon.stem(word) or (0, False)
    return own_forms > 0 or name


def _is_noun(base, form, ending):
    """Whether the dictionary gives the word a noun's plural or definite form other than `form`, and the ending may
    follow the word's last sound (knutna is no knut + na, företagna no företag + na)."""
    if ending in AFTER_A_VOWEL and base[-1] not in VOWELS:
        return False
    return any(base in lemmas_as(base + end, lexicon.WORD) for end in NOUN_FORMS if base + end != form)


def _is_adjective(base, form, _ending=None):
    """Whether the dictionary has adjective forms of the word other than `form`: its own, or listed on their own
    (höga, högt: hög)."""
    forms = {stem + end for stem in (base, base + base[-1]) for end in ADJECTIVE_FORMS} - {form}
    return any(lexicon.entries(other) for other in forms)
