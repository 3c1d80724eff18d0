"""Demo meetings; filled in by the drafting and import work."""

LOADERS: list = []
