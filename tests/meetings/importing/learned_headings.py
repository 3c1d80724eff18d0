"""An experiment, not part of the importer: would a learned item-heading classifier read minutes it was not trained
on better than the walk's rules? (docs/importing-corpus.md, "A learned heading classifier, tried".)

Each non-blank line the walk sees gets features of its shape and words and of its neighbours'; a logistic regression
(plain Python, no dependency) learns "an item's heading starts here" from the lines where a hand-made answer's item
title starts. It is trained leaving one set out (the blind sets unseen5 and unseen6 are never trained on) and then
used beside the rules: a line the rules pass over is a heading when the model is sure of it (--add), and a heading
the rules found (but a "§" heading) is dropped when the model is sure it is none (--veto). Prints, per set, the
line-level precision and recall of both, and the import score with and without the model.

usage: FINSAM_TESTING=1 PYTHONPATH=. .venv/bin/python tests/meetings/importing/learned_headings.py [--add 0.7]
[--veto 0]"""

import collections
import math
import os
import random
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).parent
SHARED = HERE.parents[2].parent / "shared"
SETS = ["dev", "test", "fresh", "batch2", "unseen", "batch3", "unseen2", "unseen3", "unseen4", "corpus"]
BLIND = ["unseen5", "unseen6"]
# what stands before an item's title: "§ 12", "KS § 4", "12 §", "& 84" (a scan's §), "3.", "Punkt 2"
LEAD = re.compile(
    r"^\W*(?:[A-ZÅÄÖ]{1,5}\s+)?(?:§\s*(\d+)(?:/\d\d)?|(\d{1,3})\s*§|[&8$S]\s*(\d{1,3})|(\d{1,3})\s*[.):]?|"
    r"(?:punkt|ärende)\s+(\d+))\s*[.:]?\s*",
    re.I,
)
CONTENTS = re.compile(r"(?:\.{2,}|…)\s*\d+$")
NUMBER = re.compile(r"^\D{0,6}(\d{1,3})")


def shape(line: str) -> str:
    text = line.strip()
    for name, pattern in (
        ("blank", r"^$"),
        ("par", r"^§\s*\d"),
        ("bodypar", r"^[A-ZÅÄÖ]{1,5}\s+§\s*\d"),
        ("numpar", r"^\d{1,3}\s*§"),
        ("numdot", r"^\d{1,3}\s*[.)]\s"),
        ("numcap", r"^\d{1,3}\s+[A-ZÅÄÖ]"),
        ("digit", r"^\d"),
        ("ocrpar", r"^[&$8S]\s*\d"),
        ("bullet", r"^[-•*–]"),
    ):
        if re.match(pattern, text):
            return name
    return "caps" if text.isupper() else "cap" if text[:1].isupper() else "low"


def words(line: str) -> list[str]:
    return re.findall(r"[a-zåäöéü]+", LEAD.sub("", line).lower())


def features(lines: list[str], i: int) -> list[str]:
    line, before, after = lines[i].strip(), lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""
    kind, own, length = shape(line), words(line), min(len(line) // 20, 8)
    found = [f"shape={kind}", f"len={length}", f"words={min(len(own), 12)}", f"{kind}/len={length}", "bias"]
    found += [f"end={line[-1] if line and not line[-1].isalnum() else 'alnum'}", f"pos={min(10 * i // len(lines), 9)}"]
    found += [f"w{k}={w}" for k, w in enumerate(own[:3])] + [f"bag={w}" for w in set(own[:8])]
    found += [f"before={shape(before)}", f"after={shape(after)}", f"{kind}/after={shape(after)}"]
    found += [f"{kind}/before={shape(before)}", f"repeated={min(lines.count(lines[i]), 3)}"]
    found += [f"after0={w}" for w in words(after)[:1]] + [f"before0={w}" for w in words(before)[:1]]
    if re.search(r"\b(?:beslutar|beslöt|beslutade|föreslår|godkänner|utses|att)\b", line):
        found.append("verb")
    if CONTENTS.search(line):
        found.append("contents")
    number = NUMBER.match(line)
    if number:  # the number before and after it in the lines around: a numbering that runs on
        n = int(number.group(1))
        near = [int(m.group(1)) for m in (NUMBER.match(x.strip()) for x in lines[max(0, i - 60) : i + 60] if x) if m]
        found.append(f"{kind}/sequence={n - 1 in near:d}{n + 1 in near:d}")
    return found


def probability(weights: dict[str, float], found: list[str]) -> float:
    z = sum(weights.get(f, 0.0) for f in found)
    return 1 / (1 + math.exp(-max(min(z, 30.0), -30.0)))


def train(documents: list[dict], epochs: int = 8, rate: float = 0.2) -> dict[str, float]:
    weights: dict[str, float] = collections.defaultdict(float)
    rows = [(features(d["lines"], i), d["labels"][i]) for d in documents for i, x in enumerate(d["lines"]) if x]
    shuffle = random.Random(1)
    for _ in range(epochs):
        shuffle.shuffle(rows)
        for found, label in rows:
            error = probability(weights, found) - label
            for f in found:
                weights[f] -= rate * (error + 1e-5 * weights[f])
    return weights


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
    import django

    django.setup()
    import importlib

    from meetings.importing import UnreadableDocument, parse_text
    from meetings.importing.cleanup import normalise
    from meetings.importing.parser import stacked
    from tools.bench import corpus as corpus_files

    walk = importlib.import_module("meetings.importing.parser.walk")
    scorer = corpus_files.load_scorer(SHARED / "tools" / "score_import.py")
    add = float(sys.argv[sys.argv.index("--add") + 1]) if "--add" in sys.argv else 0.7
    veto = float(sys.argv[sys.argv.index("--veto") + 1]) if "--veto" in sys.argv else 0.0
    rules_item_heading, found_by_rules, model = walk._item_heading, [], {"weights": None}

    def item_heading(doc, index):
        heading = rules_item_heading(doc, index)
        if heading is not None:
            found_by_rules.append(index)
        if model["weights"] is None:
            return heading
        sure = probability(model["weights"], features(doc.lines, index))
        if heading is not None and heading[3] != "paragraph" and sure < veto:
            return None
        title = LEAD.sub("", doc.lines[index]).strip().rstrip(":")
        if heading is None and sure > add and title:
            lead = LEAD.match(doc.lines[index])
            number = next((g for g in lead.groups() if g), None) if lead else None
            return number, title, index + 1, "learned"
        return heading

    walk._item_heading = item_heading

    def folder(name: str) -> Path:
        return SHARED / "minutes-corpus" if name == "corpus" else HERE / "heldout" / name

    def starts_title(title: str, line: str) -> bool:
        text = scorer.norm(LEAD.sub("", line))
        return bool(text) and (
            text.startswith(title) or SequenceMatcher(None, title, text[: len(title) + 5]).ratio() >= 0.8
        )

    def load(name: str) -> list[dict]:
        documents = []
        for _name, text, answer in corpus_files.documents(folder(name)):
            lines = stacked.unstack(normalise(text.replace("\x00", ""))[0])
            found_by_rules.clear()
            try:
                parse_text(text)
            except UnreadableDocument:
                pass
            labels = [0] * len(lines)
            for title in filter(None, map(scorer.norm, answer.get("items") or [])):
                starts = [i for i, x in enumerate(lines) if x and starts_title(title, x) and not CONTENTS.search(x)]
                if starts:
                    labels[starts[-1]] = 1  # the last: a table of contents names it first
            documents.append(
                {"lines": lines, "labels": labels, "rules": set(found_by_rules), "answer": answer, "text": text}
            )
        return documents

    def line_scores(documents: list[dict], key: str) -> tuple[float, float]:
        hits = sum(len(d[key] & {i for i, y in enumerate(d["labels"]) if y}) for d in documents)
        return hits / max(sum(len(d[key]) for d in documents), 1), hits / max(
            sum(map(sum, (d["labels"] for d in documents))), 1
        )

    def import_score(documents: list[dict]) -> float:
        scores = []
        for d in documents:
            try:
                scores.append(scorer.score(parse_text(d["text"]), d["answer"])[0])
            except UnreadableDocument:
                scores.append(0.0)
        return sum(scores) / len(scores)

    sets = {name: load(name) for name in SETS + BLIND}
    labelled = sum(map(sum, (d["labels"] for s in sets.values() for d in s)))
    wanted = sum(len(d["answer"].get("items") or []) for s in sets.values() for d in s)
    print(f"item titles found at a line's start: {labelled} of {wanted} (the others run on inside a line)")
    for held, documents in sets.items():
        model["weights"] = train([d for name in SETS if name != held for d in sets[name]])
        for d in documents:
            d["model"] = {
                i
                for i, x in enumerate(d["lines"])
                if x and probability(model["weights"], features(d["lines"], i)) > add
            }
        with_model = import_score(documents)
        model["weights"] = None
        (rp, rr), (mp, mr) = line_scores(documents, "rules"), line_scores(documents, "model")
        print(
            f"{held:8} lines: rules P {rp:.2f} R {rr:.2f}, model P {mp:.2f} R {mr:.2f}; "
            f"import score: rules {import_score(documents):.3f}, rules and model {with_model:.3f}"
        )


if __name__ == "__main__":
    main()
