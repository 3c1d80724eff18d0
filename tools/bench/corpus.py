"""The shared minutes corpus (../shared/minutes-corpus: NAME.txt documents, hand-made answers in expected/NAME.json)
and its scorer (../shared/tools/score_import.py), read one way for the tests and the benchmarks."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

PROVENANCE = "# source:"


def document_text(folder: Path, name: str) -> str:
    """A corpus document's text: its first line, "# source: …", is provenance, not part of the document."""
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    if text.startswith(PROVENANCE):
        return text.split("\n", 1)[1] if "\n" in text else ""
    return text


def documents(folder: Path) -> list[tuple[str, str, dict]]:
    """(name, text, answer) for every document with an answer, in the order of their names."""
    return [
        (answer.stem, document_text(folder, answer.stem), json.loads(answer.read_text(encoding="utf-8")))
        for answer in sorted((folder / "expected").glob("*.json"))
    ]


def load_scorer(path: Path) -> ModuleType:
    """score_import.py loaded as a module: `score(parsed, answer)` gives (total, {field: score})."""
    spec = importlib.util.spec_from_file_location("score_import", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
