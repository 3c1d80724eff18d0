"""Bytes to text: .txt (UTF-8, UTF-16 with its mark, or Windows-1252), .docx (python-docx) and .pdf (pdfplumber),
laid out as on the page; the pages of a scanned PDF by text recognition (OCR, `ocr.py`), where the caller allows it
(the worker does).

Every file is someone else's: it is measured before it is opened. A .docx is a zip whose parts may expand a
thousandfold and whose XML may hold millions of empty paragraphs; a text may be longer than any protocol. What is
too much is refused with a message saying so, before the memory and the time are spent. What no measure foresees
is bounded by where the reading runs: in a child process with a memory and a time limit (`bounded.py`).
"""

import io
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import layout, ocr

# python-docx, pypdf, pdfplumber and PDFium are imported where a document is read (in the worker), not when a web
# process loads its URLs: they weigh some 30 MB that a process serving pages would carry for nothing.

MAX_BYTES = 20 * 1024 * 1024

# A long protocol is 100,000-300,000 characters; the review page shows the whole text in a textarea.
MAX_TEXT_CHARS = 1_000_000
# UTF-8 takes at most four bytes a character: a text file larger than this cannot be short enough.
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS

# A .docx: the parts it may have, what they may expand to, and how much the XML of its text may hold. Real minutes
# have a few dozen parts, a word/document.xml of 0.1-3 MB and 20,000-100,000 tags; python-docx holds the whole XML
# tree in memory (about 150 bytes a node), so the number of tags bounds the memory it takes.
DOCX_MAX_PARTS = 1000
DOCX_MAX_UNPACKED = 60 * 1024 * 1024
DOCX_MAX_RATIO = 200  # XML deflates 5-20 times; a part that claims more than this is a bomb
DOCX_MAX_DOCUMENT_XML = 15 * 1024 * 1024
DOCX_MAX_TAGS = 200_000
DOCX_DOCUMENT = "word/document.xml"

PDF_MAX_PAGES = 500
# What one stream of a PDF that pdfminer parses (a page's content, a form, a font, a character map) may inflate to.
# A page of minutes is 10-200 KB of content, a dense table or a map a few MB; pdfminer inflates a stream whole and
# parses it in Python (4 MB of the cheapest operators took it 26 s here): what passes is left to the time limit.
# Images are left to PDFium (OCR), under the child's memory limit: a scanned page inflates to tens of MB.
PDF_MAX_STREAM = 16 * 1024 * 1024

MESSAGES = {
    "empty": _("Filen är tom."),
    "binary": _("Filen är inte en textfil, trots filändelsen."),
    "too_large": _("Filen är större än 20 MB."),
    "too_much_text": _("Dokumentet har mer än en miljon tecken text. Dela upp det i flera filer."),
    "docx_too_large": _(
        "Word-filen packas upp till mer än 60 MB eller har ovanligt många delar. Spara den på nytt i Word, utan "
        "inbäddade filer, eller spara den som PDF."
    ),
    "docx_too_complex": _(
        "Word-dokumentets innehåll är orimligt stort (fler än 200 000 element). Spara det på nytt i Word eller som "
        "PDF och försök igen."
    ),
    "too_many_pages": _("PDF-filen har fler än 500 sidor. Dela upp den i flera filer."),
    "no_text_layer": _("PDF-filen saknar text (den är troligen inskannad). Kör textigenkänning (OCR) först."),
    "ocr_unavailable": _(
        "Dokumentet saknar text och OCR är inte installerat på servern, så den inskannade texten kan inte läsas. "
        "Originalet är sparat: försök igen när textigenkänning (Tesseract) är installerad."
    ),
    "ocr_failed": _("Textigenkänningen (OCR) kunde inte läsa dokumentet. Originalet är sparat: försök igen."),
    "not_pdf": _("Filen är inte en PDF, trots filändelsen."),
    "encrypted": _(
        "PDF-filen är skyddad med lösenord och kan inte läsas. Spara den utan lösenord (eller skriv ut den till en ny "
        "PDF) och ladda upp den igen."
    ),
    "not_docx": _("Filen är inte ett Word-dokument (.docx), trots filändelsen."),
    "no_structure": _("Dokumentet har ingen igenkännbar struktur: varken datum, närvaro eller ärenden hittades."),
    "unsupported_type": _("Filtypen stöds inte. Använd .txt, .docx eller .pdf."),
    "unreadable": _("Filen kunde inte läsas. Den kan vara skadad."),
    "too_large_unpacked": _(
        "Filen kunde inte läsas (för stor när den packas upp). Spara den på nytt som PDF eller Word och försök igen."
    ),
    "too_slow": _(
        "Filen kunde inte läsas (läsningen tog för lång tid; den kan vara för stor när den packas upp eller skadad)."
    ),
    "reader_died": _(
        "Filen kunde inte läsas: läsningen avbröts gång på gång (filen är troligen för stor när den packas upp)."
    ),
}


SUPPORTED_EXTENSIONS = (".txt", ".text", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class Reading:
    """A document's text, and the part of it that text recognition read from scanned pages (empty if none)."""

    text: str
    ocr_text: str = ""


class UnreadableDocument(Exception):
    """A document that cannot be imported; `code` says why, `message` says it in the user's language."""

    def __init__(self, code):
        self.code = code
        super().__init__(code)

    @property
    def message(self):
        # Translated when asked for, not when raised: the reading's child process has no translations loaded.
        return str(MESSAGES[self.code])

    def __str__(self):
        return self.message


# A text saved as "Unicode" by Notepad or Word is UTF-16 with its byte order mark; every other character is a NUL.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _is_utf16(data):
    return data.startswith(UTF16_BOMS)


def _looks_binary(data):
    sample = data[:8192]
    if _is_utf16(sample):
        sample = sample.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control > len(sample) * 0.05


def decode_text(data):
    """UTF-8 (with or without its mark), UTF-16 with its byte order mark, else Windows-1252."""
    if _is_utf16(data):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def check_text_length(text):
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument("too_much_text")


def _txt_text(data):
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableDocument("too_much_text")
    if _looks_binary(data):
        raise UnreadableDocument("binary")
    return decode_text(data)


def _out_of_memory(exc):
    """Whether the error is, or was raised while handling, a MemoryError: the memory limit of the reading's child
    process (bounded.py) reached by a file that inflates past it (pdfplumber wraps it in its own exception)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, MemoryError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _chunks(file):
    """A seekable binary file's content, from its start, a megabyte at a time."""
    file.seek(0)
    while chunk := file.read(1024 * 1024):
        yield chunk


def _count(file, needle):
    """How often `needle` occurs in the file (read in chunks; an occurrence across two chunks counted too)."""
    count = 0
    tail = b""  # the end of what was read, shorter than the needle: it cannot hold one, and is not counted twice
    for chunk in _chunks(file):
        window = tail + chunk
        count += window.count(needle)
        tail = window[-(len(needle) - 1) :]
    return count


def _check_docx_package(file):
    """Refuse a .docx (a seekable binary file) by what its zip directory says, before a byte of it is inflated."""
    # zipfile builds an object for every entry of the central directory: count the entries' signatures first.
    if _count(file, b"PK\x01\x02") > DOCX_MAX_PARTS:
        raise UnreadableDocument("docx_too_large")
    try:
        package = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadableDocument("unreadable") from exc
    with package:
        parts = package.infolist()
        if len(parts) > DOCX_MAX_PARTS or sum(part.file_size for part in parts) > DOCX_MAX_UNPACKED:
            raise UnreadableDocument("docx_too_large")
        if any(part.file_size > 1024 * 1024 and part.file_size > DOCX_MAX_RATIO * part.compress_size for part in parts):
            raise UnreadableDocument("docx_too_large")
        try:
            document = package.getinfo(DOCX_DOCUMENT)
        except KeyError as exc:
            raise UnreadableDocument("unreadable") from exc
        if document.file_size > DOCX_MAX_DOCUMENT_XML:
            raise UnreadableDocument("docx_too_complex")
        # zipfile reads no further than the size the directory declares (a part that lies fails its CRC), so
        # this reads at most DOCX_MAX_DOCUMENT_XML bytes, in pieces, counting tags whatever their prefix.
        tags = 0
        try:
            with package.open(document) as stream:
                while chunk := stream.read(1024 * 1024):
                    tags += chunk.count(b"<")
                    if tags > DOCX_MAX_TAGS:
                        raise UnreadableDocument("docx_too_complex")
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise UnreadableDocument("unreadable") from exc


def _docx_text(data):
    import docx

    _check_docx_package(io.BytesIO(data))
    try:
        document = docx.Document(io.BytesIO(data))
        return layout.docx_text(document)  # paragraphs and tables in the order they stand
    except Exception as exc:  # python-docx raises several kinds for a broken zip or XML
        raise UnreadableDocument("too_large_unpacked" if _out_of_memory(exc) else "unreadable") from exc


def _inflated_size(raw, limit):
    """What a Flate stream inflates to, counted a megabyte at a time (nothing kept), up to just past `limit`."""
    inflater = zlib.decompressobj()
    size = 0
    pending = raw
    try:
        while size <= limit:
            out = inflater.decompress(pending, 1024 * 1024)
            size += len(out)
            pending = inflater.unconsumed_tail
            if not out and not pending:
                break
    except zlib.error:
        pass  # a broken stream is pdfminer's to refuse or pass over, as it does for every other fault
    return size


def _check_pdf_streams(reader):
    """Refuse a PDF one of whose streams, other than an image's, inflates past PDF_MAX_STREAM, before pdfminer
    inflates it whole. Every stream of the file is counted: pdfminer reaches them by many paths (contents, forms,
    fonts, patterns, annotations), a stream that no page uses costs a count. Only the first Flate stage is measured;
    what a second stage or another filter makes of it is bounded by the child's memory limit."""
    from pypdf.generic import ArrayObject, StreamObject

    for generation, numbers in reader.xref.items():
        for number in numbers:
            try:
                stream = reader.get_object(number) if generation == 0 else None
            except Exception:  # pypdf raises several kinds for an object it cannot parse; pdfminer judges it
                stream = None
            if not isinstance(stream, StreamObject) or stream.get("/Subtype") == "/Image":
                continue
            filters = stream.get("/Filter")
            first = filters[0] if isinstance(filters, ArrayObject) and filters else filters
            if first in ("/FlateDecode", "/Fl") and _inflated_size(stream._data, PDF_MAX_STREAM) > PDF_MAX_STREAM:
                raise UnreadableDocument("too_large_unpacked")


def _pdf_reading(data, use_ocr, ocr_program, ocr_started):
    from pypdf import PdfReader

    if not data.startswith(b"%PDF"):
        raise UnreadableDocument("unreadable")
    try:
        # Counting the pages (pypdf) costs little; laying them out (pdfplumber) is the expensive part.
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # an owner password alone (no printing...) is read
            raise UnreadableDocument("encrypted")
        if len(reader.pages) > PDF_MAX_PAGES:
            raise UnreadableDocument("too_many_pages")
        _check_pdf_streams(reader)
        del reader
        pages = layout.pdf_pages(data)  # lines and blank lines as laid out
    except UnreadableDocument:
        raise
    except Exception as exc:  # pypdf and pdfminer raise several kinds for a broken file
        raise UnreadableDocument("too_large_unpacked" if _out_of_memory(exc) else "unreadable") from exc
    texts = [text for text, _scanned in pages]
    scanned = [index for index, (_text, is_scan) in enumerate(pages) if is_scan]
    recognised = {}
    program = (ocr.tesseract() if ocr_program is None else ocr_program or None) if use_ocr else None
    if scanned and not any(text.strip() for text in texts):  # a scan through and through
        if not use_ocr:
            raise UnreadableDocument("no_text_layer")
        recognised = _recognise(data, scanned, program, ocr_started)
    elif scanned and program:  # text pages with a scanned page or two (an appended signature page)
        recognised = _recognise(data, scanned, program, ocr_started)
    for index, text in recognised.items():
        texts[index] = text
    text = layout.PAGE_BREAK.join(texts)
    if len(text) > MAX_TEXT_CHARS:
        raise UnreadableDocument("too_much_text")
    if not text.replace("\f", "").strip():
        raise UnreadableDocument("no_text_layer")
    return Reading(text, layout.PAGE_BREAK.join(recognised[index] for index in sorted(recognised)))


def _recognise(data, pages, program, ocr_started):
    if program is None:
        raise UnreadableDocument("ocr_unavailable")
    if ocr_started is not None:
        ocr_started(len(pages))
    try:
        return ocr.pdf_pages_text(data, pages, program)
    except ocr.OcrUnavailable as exc:
        raise UnreadableDocument("ocr_unavailable") from exc
    except (ocr.OcrFailed, OSError) as exc:
        raise UnreadableDocument("ocr_failed") from exc
    except Exception as exc:  # pypdfium2 raises its own kinds for a page it cannot render
        raise UnreadableDocument("too_large_unpacked" if _out_of_memory(exc) else "ocr_failed") from exc


def check_file(data, filename):
    """`check_upload` of bytes."""
    check_upload(io.BytesIO(data), filename)


def check_upload(file, filename):
    """The checks that cost nothing, made when a file arrives (in the web request, for every file and every member
    of a zip archive): its size, that it has content, a type the importer reads, and that its content is of that type.
    `file` is binary and seekable (a temporary file: it is read a megabyte at a time, never whole). Raises
    UnreadableDocument. Reading it is the worker's."""
    size = file.seek(0, os.SEEK_END)
    if size > MAX_BYTES:
        raise UnreadableDocument("too_large")
    if not any(chunk.strip() for chunk in _chunks(file)):
        raise UnreadableDocument("empty")
    file.seek(0)
    head = file.read(64 * 1024)
    extension = os.path.splitext(filename.lower())[1]
    if extension not in (*SUPPORTED_EXTENSIONS, ""):
        raise UnreadableDocument("unsupported_type")
    if extension == ".pdf" and not head.lstrip(b"\r\n\t ").startswith(b"%PDF"):
        raise UnreadableDocument("not_pdf")
    if extension == ".docx":
        if not head.startswith(b"PK\x03\x04"):
            raise UnreadableDocument("not_docx")
        _check_docx_package(file)  # its zip directory and the size of its text, nothing inflated but the XML counted
    if extension not in (".pdf", ".docx"):
        if size > MAX_TEXT_BYTES:
            raise UnreadableDocument("too_much_text")
        if _looks_binary(head):
            raise UnreadableDocument("binary")
    file.seek(0)


def read(
    data,
    filename,
    *,
    use_ocr=False,
    ocr_program: str | None = None,
    ocr_started: Callable[[int], None] | None = None,
):
    """The document's text, with text recognition of scanned PDF pages when `use_ocr` (slow: the worker's), by
    `ocr_program` (Tesseract's path; None: the one installed, `ocr.tesseract()`; "": none). `ocr_started(pages)` is
    told how many pages are to be recognised before it begins.

    This reads in the calling process, without a limit: uploads are read through `bounded.read`, which calls this in
    a child process with a memory and a time limit."""
    if len(data) > MAX_BYTES:
        raise UnreadableDocument("too_large")
    if not data.strip():
        raise UnreadableDocument("empty")
    extension = os.path.splitext(filename.lower())[1]
    recognised = ""
    if extension in (".txt", ".text", ".md", ""):
        text = _txt_text(data)
    elif extension == ".docx":
        text = _docx_text(data)
    elif extension == ".pdf":
        reading = _pdf_reading(data, use_ocr, ocr_program, ocr_started)
        text, recognised = reading.text, reading.ocr_text
    else:
        raise UnreadableDocument("unsupported_type")
    check_text_length(text)
    # PostgreSQL cannot store a NUL character, and no protocol needs one (a text file may hide one past the part
    # _looks_binary samples, a PDF's text layer may have them).
    text = text.replace("\x00", "")
    if not text.strip():
        raise UnreadableDocument("empty")
    return Reading(text, recognised.replace("\x00", ""))
