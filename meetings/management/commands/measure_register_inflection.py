"""How well the register's analyser joins the inflected forms that hunspell's dictionary lists as stems of their own
(gemensamt beside gemensam, högst beside hög, fullmäktiges beside fullmäktige), and how often it joins words that
only look alike (hals and hal, port and "por"), on a lexicon it was not built on: Debian's sv_SE dictionary
(`hunspell-sv-se`, /usr/share/hunspell), read by the `hunspell` program itself.

The pairs: every stem of the .dic that is another stem plus an ending of Swedish inflection (meetings.register.
inflection's endings: an adjective's -t, -a, -re, -are, -st, -ast, ..., a genitive -s, a definite -en, -et, -na,
...), a random sample of them. Each pair is judged by what neither the analyser nor its rule wrote:

- `hunspell -s` (Debian's stemmer) stems the longer to the shorter: a form of the dictionary's own paradigm;
- otherwise simplemma's lemma table (another source): the longer form's lemma is the shorter word (or the shorter
  word's lemma): an inflection the dictionary lists apart; simplemma knows the longer form and gives another lemma:
  unrelated; simplemma does not know it: not judged.

Printed for the analyser without and with the rule: of the related pairs, how many find each other both ways (a
search for either finds a text with the other); of the unrelated pairs, how many are merged (either finds the
other). simplemma errs too (it gives hals the lemma hal): the unrelated pairs it calls related are listed among the
misses, so the figures are read with the examples printed under them."""

import random
import subprocess
from pathlib import Path

import simplemma
from django.core.management.base import BaseCommand

from meetings.register import analysis, compounds, inflection

DEBIAN_DICTIONARY = Path("/usr/share/hunspell/sv_SE.dic")
ALL_ENDINGS = {*inflection.ADJECTIVE_ENDINGS, *inflection.DEFINITE_ENDINGS, inflection.GENITIVE}
ENDINGS = tuple(sorted(ALL_ENDINGS, key=len, reverse=True))


def debian_stems(path):
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    stems = {line.split("/")[0].split("\t")[0].strip().lower() for line in lines}
    return {stem for stem in stems if stem.isalpha() and len(stem) >= 2}


def candidate_pairs(stems):
    """(shorter, longer): a stem that is another stem plus an inflectional ending (with a doubled consonant too)."""
    pairs = set()
    for form in stems:
        for ending in ENDINGS:
            if form.endswith(ending) and len(form) - len(ending) >= 2:
                stem = form[: -len(ending)]
                for base in (stem, stem[:-1] if len(stem) >= 3 and stem[-1] == stem[-2] else None):
                    if base and base in stems and base not in analysis.STOP_WORDS and form not in analysis.STOP_WORDS:
                        pairs.add((base, form))
    return sorted(pairs)


def hunspell_stems(words, dictionary="sv_SE"):
    """{word: set of stems} by the hunspell program (`-s`), on Debian's dictionary."""
    result = subprocess.run(  # noqa: S603 a fixed program; the words go through its standard input
        ["hunspell", "-d", dictionary, "-s", "-i", "utf-8"],  # noqa: S607 the Debian package's program on PATH
        input="\n".join(words) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    stems = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            stems.setdefault(parts[0].lower(), set()).add(parts[1].lower())
    return stems


def simplemma_lemma(word):
    if not simplemma.is_known(word, lang="sv"):
        return None
    return simplemma.lemmatize(word, lang="sv", greedy=True).lower()


def judge(base, form, stems):
    if base in stems.get(form, ()):
        return "paradigm"
    lemma = simplemma_lemma(form)
    if lemma is None:
        return None
    return "related" if lemma in (base, simplemma_lemma(base)) else "unrelated"


def clear_caches():
    for cached in (inflection.base_lemmas, analysis.lemmas, analysis.word_terms, compounds.compound_parts):
        cached.cache_clear()


class Command(BaseCommand):
    help = "Measure how the register's analyser joins inflected forms listed apart in Debian's sv_SE dictionary."

    def add_arguments(self, parser):
        parser.add_argument("--dictionary", default=str(DEBIAN_DICTIONARY))
        parser.add_argument("--sample", type=int, default=3000, help="how many candidate pairs to judge")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--examples", type=int, default=12, help="how many misses and merges to print")

    def handle(self, *args, dictionary, sample, seed, examples, **options):
        stems = debian_stems(Path(dictionary))
        pairs = candidate_pairs(stems)
        chosen = sorted(random.Random(seed).sample(pairs, min(sample, len(pairs))))
        self.stdout.write(f"{len(stems)} stems in {dictionary}; {len(pairs)} pairs of a stem and stem + ending")
        hunspell = hunspell_stems(sorted({word for pair in chosen for word in pair}))
        judged = {pair: judge(*pair, hunspell) for pair in chosen}
        kinds = {kind: [pair for pair, verdict in judged.items() if verdict == kind] for kind in set(judged.values())}
        self.stdout.write(
            f"sample of {len(chosen)}: {len(kinds.get('paradigm', []))} of hunspell's own paradigms, "
            f"{len(kinds.get('related', []))} related by simplemma only, {len(kinds.get('unrelated', []))} unrelated, "
            f"{len(kinds.get(None, []))} not judged"
        )
        merged_before = set()
        try:
            for rule in (False, True):
                inflection.ENABLED = rule
                clear_caches()
                name = "with the rule" if rule else "without the rule"
                merged = self.report(name, kinds, examples if rule else 0, merged_before)
                merged_before = merged_before or set(merged)
        finally:
            inflection.ENABLED = True
            clear_caches()

    def report(self, name, kinds, examples, merged_before):
        def both_ways(pair):
            return analysis.matches(pair[0], pair[1]) and analysis.matches(pair[1], pair[0])

        def either_way(pair):
            return analysis.matches(pair[0], pair[1]) or analysis.matches(pair[1], pair[0])

        self.stdout.write(f"{name}:")
        for kind in ("paradigm", "related"):
            pairs = kinds.get(kind, [])
            found = [pair for pair in pairs if both_ways(pair)]
            share = len(found) / max(1, len(pairs))
            self.stdout.write(f"  {kind}: {len(found)}/{len(pairs)} find each other both ways ({share:.3f})")
            for base, form in [pair for pair in pairs if pair not in found][:examples]:
                self.stdout.write(f"    missed: {base} / {form}")
        unrelated = kinds.get("unrelated", [])
        merged = [pair for pair in unrelated if either_way(pair)]
        share = len(merged) / max(1, len(unrelated))
        self.stdout.write(f"  unrelated: {len(merged)}/{len(unrelated)} merged ({share:.3f})")
        for base, form in [pair for pair in merged if pair not in merged_before][:examples]:
            self.stdout.write(f"    merged by the rule: {base} / {form} (simplemma: {simplemma_lemma(form)})")
        return merged
