"""The analyser held against the dictionary it reads, through another reader: spylls, a pure-Python hunspell, reads
the same sv_SE dictionary and says, for every word of real minutes (shared/minutes-corpus and shared/seeds), its
stems and the compounds it splits itself. The cases are generated from it, not written by hand:

- every form of a paradigm finds every other (the corpus words that spylls gives one stem), recall >= 0.98;
- a compound that hunspell splits is found by its last part's lemma, and by its first part's (a modifier), >= 0.95;
- words inside words that are not parts (a list from real minutes) are never found.
"""

import itertools
import re
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings

from meetings.register import analysis, lexicon

SHARED = Path(settings.BASE_DIR).parent / "shared"
CORPUS = [*sorted((SHARED / "minutes-corpus").glob("*.txt")), *sorted((SHARED / "seeds").glob("*.txt"))]

# Skips, saying so, where ../shared is missing; fails there under FINSAM_REQUIRE_SERVICES=1 (tests.conftest).
pytestmark = pytest.mark.usefixtures("shared_corpus")

INFLECTION_RECALL = 0.98
COMPOUND_RECALL = 0.95


@cache
def hunspell():
    from spylls.hunspell import Dictionary

    aff, _dic = lexicon.dictionary_files()
    return Dictionary.from_files(str(aff.with_suffix("")))


@cache
def corpus_words():
    text = " ".join(path.read_text(encoding="utf-8") for path in CORPUS).lower()
    words = set(re.findall(r"[^\W\d_]+", text))
    return sorted(w for w in words if len(w) > 1 and w not in analysis.STOP_WORDS)


@cache
def readings():
    """{word: (stems of its simple readings, [(first part's stem, last part's stem)] of its compound readings)}."""
    found = {}
    for word in corpus_words():
        stems, compounds = set(), []
        for form in hunspell().lookuper.good_forms(word):
            if hasattr(form, "parts"):
                compounds.append((form.parts[0].stem.lower(), form.parts[-1].stem.lower()))
            else:
                stems.add(form.stem.lower())
        found[word] = (stems, compounds)
    return found


def paradigm_pairs():
    """Every ordered pair of corpus words that the dictionary reads as forms of one stem (the stem itself among
    them when it is a word of the corpus)."""
    paradigms = {}
    for word, (stems, _compounds) in readings().items():
        for stem in stems:
            paradigms.setdefault(stem, set()).add(word)
    return sorted({pair for forms in paradigms.values() for pair in itertools.permutations(sorted(forms), 2)})


def test_every_form_of_a_paradigm_finds_every_other():
    pairs = paradigm_pairs()
    missed = [(query, text) for query, text in pairs if not analysis.matches(query, text)]
    recall = 1 - len(missed) / len(pairs)
    assert len(pairs) > 1000
    assert recall >= INFLECTION_RECALL, (recall, missed[:30])


def test_a_compound_is_found_by_its_last_part_and_by_its_first():
    compounds = [(word, parts[0]) for word, (_stems, parts) in readings().items() if parts]
    by_head = [word for word, (_modifier, head) in compounds if not analysis.matches(head, word)]
    by_modifier = [
        word for word, (modifier, _head) in compounds if not analysis.matches(analysis.as_word(modifier), word)
    ]
    assert len(compounds) > 100
    assert 1 - len(by_head) / len(compounds) >= COMPOUND_RECALL, by_head
    assert 1 - len(by_modifier) / len(compounds) >= COMPOUND_RECALL, by_modifier


# Words inside words that no Swedish speaker reads as parts, found in real minutes.
NOT_PARTS = [
    ("handlingar", "ling"),
    ("sammanträdesprotokoll", "träda"),
    ("årsredovisningen", "redo"),
    ("årsredovisningen", "visning"),
    ("verksamhetsplanen", "plana"),
    ("försäkringskassan", "kass"),
    ("internkontroll", "roll"),
    ("kvaliteten", "lite"),
    ("förbundschefen", "förbundet"),  # the federation, not a compound's modifier
    ("medlemssamrådet", "medlemmarna"),
]


@pytest.mark.parametrize(("word", "part"), NOT_PARTS)
def test_a_word_inside_a_word_that_is_no_part_does_not_find_it(word, part):
    assert not analysis.matches(part, word)
