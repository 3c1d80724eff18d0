"""The demo: a register and meetings built from real public Swedish minutes (the seeds). `make run` loads it."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "seeds"
