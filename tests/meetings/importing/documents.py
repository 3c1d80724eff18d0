"""Documents for the import tests, made here: a protocol as text, Word, PDF and as a scan (an image-only PDF, the
way a scanner makes one), and zip archives of them."""

import html
import io
import zipfile

import docx
import pypdfium2
import weasyprint


def protocol(number: int = 1, extra: str = "") -> str:
    return (
        f"Protokoll\n\nDatum: 2021-06-{number:02} kl 9-12\n\nNärvarande: Cecilia Ordförande, ordf\n\n"
        f"§ {number} Öppnande\n\nMötet öppnades.\n{extra}"
    )


def as_docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(text: str) -> bytes:
    """The text in a <pre> on A4: long lines wrap, as they do in a real PDF."""
    style = "@page { size: A4; margin: 15mm } pre { font: 9pt sans-serif; white-space: pre-wrap }"
    return weasyprint.HTML(string=f"<style>{style}</style><pre>{html.escape(text)}</pre>").write_pdf()


def as_scan(text: str, dpi: int = 200) -> bytes:
    """The PDF rasterised page by page (pypdfium2) and put back together as images only: no text layer at all."""
    document = pypdfium2.PdfDocument(as_pdf(text))
    try:
        images = [document[index].render(scale=dpi / 72, grayscale=True).to_pil() for index in range(len(document))]
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def as_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
