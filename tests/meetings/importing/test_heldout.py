"""The importer on minutes collected apart from the corpus (tests/meetings/importing/heldout, README there): every set
but unseen13 has had rules built on it (unseen11 and unseen12 since the session of 7 December, late night); unseen13,
collected in that session by a helper who had not read the importer, was only measured (its mean, its per-field means
and how many of its documents rose or fell, at the session's start and after each rule; nothing of its documents was
read).
Floors are the means measured when the last rules landed, so a change that loses on documents it was not made for
shows here."""

from pathlib import Path

import pytest

from meetings.importing import UnreadableDocument, parse_text
from tools.bench import corpus as corpus_files

HELD_OUT = Path(__file__).parent / "heldout"
# measured when the last rules landed (docs/importing-corpus.md)
FLOORS = {
    "dev": 0.90,
    "test": 0.83,
    "fresh": 0.87,
    "batch2": 0.79,
    "unseen": 0.81,
    "batch3": 0.81,
    "unseen2": 0.76,
    "unseen3": 0.78,
    "unseen4": 0.74,
    "unseen5": 0.79,
    "unseen6": 0.75,
    "unseen7": 0.87,
    "unseen8": 0.85,
    "unseen9": 0.90,
    "unseen10": 0.86,
    "unseen11": 0.85,
    "unseen12": 0.71,
    "unseen13": 0.57,
}


def mean_score(scorer, half):
    scores = []
    for _name, text, answer in corpus_files.documents(HELD_OUT / half):
        try:
            parsed = parse_text(text)
        except UnreadableDocument:
            scores.append(0.0)  # as score_import.py counts a document the importer refuses
            continue
        scores.append(scorer.score(parsed, answer)[0])
    return sum(scores) / len(scores)


@pytest.mark.parametrize("half", sorted(FLOORS))
def test_held_out_minutes_score_at_least_their_floor(scorer, half):
    assert len(corpus_files.documents(HELD_OUT / half)) >= 12
    assert mean_score(scorer, half) >= FLOORS[half]
