"""Bytes to text: .txt (UTF-8 or Windows-1252), .docx (python-docx) and .pdf with a text layer (pdfplumber)."""

import io
import os

from . import layout

MAX_BYTES = 20 * 1024 * 1024

MESSAGES = {
    "empty": "Filen är tom.",
    "binary": "Filen är inte en textfil, trots filändelsen.",
    "too_large": "Filen är större än 20 MB.",
    "no_text_layer": "PDF-filen saknar text (den är troligen inskannad). Kör textigenkänning (OCR) först.",
    "no_structure": "Dokumentet har ingen igenkännbar struktur: varken datum, närvaro eller ärenden hittades.",
    "unsupported_type": "Filtypen stöds inte. Använd .txt, .docx eller .pdf.",
    "unreadable": "Filen kunde inte läsas. Den kan vara skadad.",
}


class UnreadableDocument(Exception):
    """A document that cannot be imported; `code` says why, `message` says it in Swedish."""

    def __init__(self, code):
        self.code = code
        self.message = MESSAGES[code]
        super().__init__(self.message)


def _looks_binary(data):
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control > len(sample) * 0.05


def decode_text(data):
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _docx_text(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    return layout.docx_text(document)  # paragraphs and tables in the order they stand


def _pdf_text(data):
    return layout.pdf_text(data)  # lines and blank lines as laid out (pdfplumber), pages split by a form feed


def read_document(data, filename):
    """The document's text. Raises UnreadableDocument for an empty, binary, too large or textless file."""
    if len(data) > MAX_BYTES:
        raise UnreadableDocument("too_large")
    if not data.strip():
        raise UnreadableDocument("empty")
    extension = os.path.splitext(filename.lower())[1]
    if extension in (".txt", ".text", ".md", ""):
        if _looks_binary(data):
            raise UnreadableDocument("binary")
        text = decode_text(data)
    elif extension == ".docx":
        try:
            text = _docx_text(data)
        except Exception as exc:  # python-docx raises several kinds for a broken zip or XML
            raise UnreadableDocument("unreadable") from exc
    elif extension == ".pdf":
        if not data.startswith(b"%PDF"):
            raise UnreadableDocument("unreadable")
        try:
            text = _pdf_text(data)
        except Exception as exc:  # pdfminer raises several kinds for a broken file
            raise UnreadableDocument("unreadable") from exc
        if not text.replace("\f", "").strip():
            raise UnreadableDocument("no_text_layer")
    else:
        raise UnreadableDocument("unsupported_type")
    if not text.strip():
        raise UnreadableDocument("empty")
    return text
