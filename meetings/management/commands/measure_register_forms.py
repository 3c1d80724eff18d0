"""How often a search with one form of a word finds a text with another form of it, on real Swedish text that the
analyser was not built on: the words of the decision texts in ../shared/seeds and ../shared/minutes-corpus (or the
paths given).

Forms of one word are told by two lexicons: hunspell's sv_SE paradigms (the analyser's own lexicon: a regression
guard) and simplemma's lemma table (built from other sources: it knows the strong verbs' forms, antog/antagit ->
anta, which the dictionary lists as stems of their own). Pairs of forms that neither lexicon relates and no compound
rule links are counted as unrelated matches: what a broader analyser costs in precision."""

import itertools
from collections import defaultdict
from pathlib import Path

import simplemma
from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.register import analysis, lexicon

CORPORA = ("seeds", "minutes-corpus")


def corpus_words(paths):
    words = set()
    for path in paths:
        for file in sorted(Path(path).rglob("*.txt")) if Path(path).is_dir() else [Path(path)]:
            words |= {w for w in analysis.tokens(file.read_text(encoding="utf-8", errors="replace")) if w.isalpha()}
    return sorted(w for w in words if len(w) >= 3 and w not in analysis.STOP_WORDS)


def hunspell_lemmas(word):
    return {lemma for lemma, roles in lexicon.entries(word).items() if lexicon.WORD in roles}


def simplemma_lemma(word):
    if not simplemma.is_known(word, lang="sv"):
        return set()
    return {simplemma.lemmatize(word, lang="sv", greedy=True).lower()}


def form_pairs(words, lemmas_of):
    groups = defaultdict(set)
    for word in words:
        for lemma in lemmas_of(word):
            groups[lemma].add(word)
    return {pair for forms in groups.values() for pair in itertools.permutations(sorted(forms), 2)}


class Command(BaseCommand):
    help = "Measure how often a register search with one form of a word finds a text with another form of it."

    def add_arguments(self, parser):
        shared = Path(settings.BASE_DIR).parent / "shared"
        parser.add_argument("paths", nargs="*", default=[str(shared / name) for name in CORPORA])
        parser.add_argument("--misses", type=int, default=15, help="how many missed pairs to print")

    def handle(self, *args, paths, misses, **options):
        words = corpus_words(paths)
        self.stdout.write(f"{len(words)} distinct words")
        terms = {word: set(analysis.index_terms(word).split()) for word in words}
        queries = {word: analysis.analyse_query(word).words for word in words}

        def finds(query, text):
            return all(analysis.term_matches(word, terms[text]) for word in queries[query]) if queries[query] else False

        for name, lemmas_of in (("hunspell", hunspell_lemmas), ("simplemma", simplemma_lemma)):
            pairs = sorted(form_pairs(words, lemmas_of))
            missed = [pair for pair in pairs if not finds(*pair)]
            found = len(pairs) - len(missed)
            self.stdout.write(f"{name}: {found}/{len(pairs)} pairs of forms found ({found / max(1, len(pairs)):.3f})")
            for query, text in missed[:misses]:
                self.stdout.write(f"  missed: {query} -> {text}")
        by_term = defaultdict(set)
        for word, its_terms in terms.items():
            for term in its_terms:
                by_term[term].add(word)
        related = {word: hunspell_lemmas(word) | simplemma_lemma(word) | {word} for word in words}
        unrelated = []
        for query in words:
            for word in queries[query]:
                for text in set().union(*(by_term.get(term, ()) for term in word.alternatives)) - {query}:
                    heads, modifiers = analysis.compound_parts(text)
                    if not related[query] & (related[text] | set(heads) | set(modifiers)):
                        unrelated.append((query, text))
        self.stdout.write(f"unrelated matches (no lemma or compound part in common): {len(unrelated)}")
        for query, text in sorted(unrelated)[:misses]:
            self.stdout.write(f"  {query} -> {text}")
