"""A plain office scanner, for measuring text recognition: a PDF's pages printed and scanned back as a copier's
"scan to PDF" does it, at 200 dpi in grey, each sheet fed a little crooked, with the grey paper, sensor noise,
dust specks, the optics' slight blur and JPEG compression a real scan has. No text layer is left.

Nothing here knows the importer: the page is made worse the same way whatever is on it. Deterministic for a seed
(Python's own random numbers, not Pillow's), so a score measured on it can be measured again.
"""

from __future__ import annotations

import html
import io
import random

import pypdfium2
import weasyprint
from PIL import Image, ImageChops, ImageDraw, ImageFilter

DPI = 200
# The sheet's tilt: an office feeder keeps most pages within a degree, rarely exactly straight.
SKEW_DEGREES = (0.3, 0.8)
PAPER = (228, 242)  # grey of the scanned paper (white is 255)
INK = (18, 40)  # grey of the scanned toner (black is 0)
NOISE = 10  # sensor noise: at most this many grey levels either way, most pixels much less
SPECKS = (60, 160)  # dust and toner specks a page
BLUR = 0.6  # pixels, the optics and the sensor
JPEG_QUALITY = 75


def plain_pdf(text: str) -> bytes:
    """The text in a <pre> on A4, long lines wrapping at the margin: a plain text PDF, as test_corpus.pdf() makes."""
    style = "@page { size: A4; margin: 15mm } pre { font: 9pt sans-serif; white-space: pre-wrap }"
    return weasyprint.HTML(string=f"<style>{style}</style><pre>{html.escape(text)}</pre>").write_pdf()


def scan(pdf: bytes, *, seed: int = 0, dpi: int = DPI) -> bytes:
    """The PDF's pages as a scanner returns them: one grey JPEG image a page in a PDF, no text."""
    rng = random.Random(seed)
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            try:
                pages.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
            finally:
                page.close()
    finally:
        document.close()
    images = [scanned_page(image, rng) for image in pages]
    out = io.BytesIO()
    # Pillow writes a grey image into a PDF as JPEG (DCTDecode), as a scanner does.
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=JPEG_QUALITY)
    return out.getvalue()


def scanned_page(image: Image.Image, rng: random.Random) -> Image.Image:
    """One page image (grey, "L") as it comes back from the scanner."""
    paper, ink = rng.randint(*PAPER), rng.randint(*INK)
    # Toner on paper: black becomes dark grey and white light grey.
    image = image.point(lambda value: ink + (paper - ink) * value // 255)
    # Fed crooked: turned about the centre, the corners the scanner's lid (paper grey).
    angle = rng.uniform(*SKEW_DEGREES) * rng.choice((-1, 1))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper)
    image = image.filter(ImageFilter.GaussianBlur(BLUR))
    image = _specks(image, rng)
    image = _noise(image, rng)
    # Through JPEG once, as the scanner stores it (the PDF stores it so again, at the same quality).
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=JPEG_QUALITY)
    return Image.open(io.BytesIO(out.getvalue())).convert("L")


def _specks(image: Image.Image, rng: random.Random) -> Image.Image:
    draw = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(rng.randint(*SPECKS)):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.choice((0.5, 0.5, 1, 1, 1.5))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.randint(60, 160))
    return image


def _noise(image: Image.Image, rng: random.Random) -> Image.Image:
    """Grey noise, about bell-shaped (the mean of two uniform draws), added to every pixel."""
    size, count = image.size, image.size[0] * image.size[1]
    first = Image.frombytes("L", size, rng.randbytes(count))
    second = Image.frombytes("L", size, rng.randbytes(count))
    spread = ImageChops.add(first, second, scale=2).point(lambda value: 128 + (value - 128) * NOISE // 128)
    return ImageChops.add(image, spread, offset=-128)
