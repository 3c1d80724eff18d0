"""Printing, shared by every job that prints: HTML to PDF/A (`pdf.py`), the seal (`seal.py`), § ranges
(`paragraphs.py`). Imports no job."""
