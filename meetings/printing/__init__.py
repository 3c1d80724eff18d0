"""Printing, shared by every job that prints: HTML to PDF/A (`pdf.py`), the seal (`seal.py`), § ranges
(`paragraphs.py`), how a sealed record lays out its typed text (`typed_text.py`). Imports no job."""
