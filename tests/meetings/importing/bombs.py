"""Files built to fill the memory when they are read, made here, small: a PDF whose one page's content stream
inflates to hundreds of MB (once, or twice over so that the first inflation looks harmless), a PDF whose page takes
the time instead, and a Word document whose text part inflates hugely."""

import io
import zipfile
import zlib

import docx

MB = 1024 * 1024


def _deflated(megabytes: int, pattern: bytes) -> bytes:
    """`megabytes` MB of the repeated pattern, deflated a megabyte at a time (never held whole)."""
    packer = zlib.compressobj(9)
    chunk = pattern * (MB // len(pattern))
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def pdf_with_content(stream: bytes, filters: str) -> bytes:
    """A one-page PDF whose content stream is `stream`, encoded by `filters` (e.g. "/FlateDecode")."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_bomb(megabytes: int = 500) -> bytes:
    """A page whose content stream inflates to `megabytes` MB of zeros (500: about 0.5 MB of PDF)."""
    return pdf_with_content(_deflated(megabytes, b"0 "), "/FlateDecode")


def pdf_double_bomb(megabytes: int = 500) -> bytes:
    """The same page deflated twice: the first inflation gives half a megabyte, the second the whole. No size a
    reader checks before it decodes says what the page holds; only the memory limit stops it."""
    return pdf_with_content(zlib.compress(_deflated(megabytes, b"0 "), 9), "[/FlateDecode /FlateDecode]")


def pdf_slow(megabytes: int = 4) -> bytes:
    """A page of `megabytes` MB of the cheapest operators (save and restore the state: nothing is drawn, nothing
    kept), within every size limit: pdfminer parses 4 MB of it for about 25 s."""
    return pdf_with_content(_deflated(megabytes, b"q Q "), "/FlateDecode")


def docx_bomb(megabytes: int = 1024) -> bytes:
    """A real .docx (python-docx) whose word/document.xml inflates to `megabytes` MB (about 1 MB of file per GB)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
                continue
            with target.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(source.read(info)[: -len(b"</w:body></w:document>")])
                paragraph = b"<w:p><w:r><w:t>" + b"0" * (MB - 32) + b"</w:t></w:r></w:p>"
                for _ in range(megabytes):
                    part.write(paragraph)
                part.write(b"</w:body></w:document>")
    return out.getvalue()
