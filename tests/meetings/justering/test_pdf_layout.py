"""The printed protocol's layout: whole words (the PDF's text copies and searches as written) and a header whose
last rows never stand alone at the top of a page."""

import copy
import io

import pytest
from pypdf import PdfReader

from meetings.drafting import services
from meetings.justering import pdf, protocol
from meetings.printing.pdf import render_document
from tests.meetings.factories import ready_to_send

LONG_WORDS = "sammanträdesprotokollet verksamhetsplanen årsredovisningen försäkringskassan arbetsförmedlingen " * 40


def pages_text(document):
    return [page.extract_text() for page in PdfReader(io.BytesIO(document)).pages]


@pytest.fixture
def snapshot(cast):
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text=f"<p>{LONG_WORDS}</p>", base_version=item.version
    )
    return protocol.snapshot(meeting)


def test_the_printed_text_has_whole_words(snapshot):
    text = "".join(pages_text(pdf.render_protocol(snapshot, draft=True)))
    assert "\u2010" not in text and "\xad" not in text
    assert text.count("sammanträdesprotokollet") == 40


@pytest.mark.parametrize("attendees", range(31, 37))
def test_the_header_keeps_its_last_rows_together(snapshot, attendees):
    """Whatever the length of Beslutande, "Paragrafer" is printed on the page of "Justeringens plats och tid"."""
    full = copy.deepcopy(snapshot)
    person = dict(full["attendance"][0], status="narvarande", role="ledamot", serving_for="", paragraphs="")
    full["attendance"] = [dict(person, name=f"Ledamot Nummer{i} Efternamnsson") for i in range(attendees)]
    texts = pages_text(pdf.render_protocol(full, draft=True))

    def page_of(word):
        return next(i for i, text in enumerate(texts) if word in text)

    assert page_of("Paragrafer") == page_of("Justeringens plats") == page_of("Utses att justera")


# A compound longer than a line (a project's name, a pasted file name): 98 letters, no hyphen, no space.
LONGER_THAN_A_LINE = "Arbetsmarknadsintegrationssamverkansutvecklingsprojektledningsfunktionsomorganisationsutredningen"


def text_boxes(box):
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    for child in getattr(box, "children", ()):
        yield from text_boxes(child)


def test_a_word_longer_than_a_line_breaks_inside_the_page_rather_than_being_cut_off(snapshot):
    """A word wider than the text column ran past the right margin and was cut off at the page's edge: the sealed
    PDF printed "…omorganisationsutred" and lost the rest. It is broken where it must be, every letter on the page."""
    full = copy.deepcopy(snapshot)
    item = full["items"][2]
    item["heading"] = f"Rubrik {LONGER_THAN_A_LINE}"
    item["text"] = f"<p>Ansökan avser {LONGER_THAN_A_LINE} (bilaga).</p>"
    item["decisions"][0]["text"] = f"Styrelsen beslutar att godkänna {LONGER_THAN_A_LINE}."
    item["decisions"][0]["reservations"] = [{"name": "Mikael Dahl", "reason": LONGER_THAN_A_LINE}]
    full["meeting"]["place"] = LONGER_THAN_A_LINE
    document = render_document(pdf.render_protocol_html(full, draft=True))
    for page in document.pages:
        html = page._page_box.children[0]
        right = html.content_box_x() + html.width
        overflowing = [b.text for b in text_boxes(html) if b.position_x + b.width > right + 0.5]
        assert overflowing == []
    assert "".join("".join(pages_text(document.write_pdf())).split()).count(LONGER_THAN_A_LINE) == 5


def test_a_list_is_printed_with_the_numbers_the_signers_read(snapshot):
    """A list that starts at 4 with a sub-list a, b: the browser numbers it so on the justering page, and the PDF
    (WeasyPrint heeds neither attribute by itself) prints the same numbers."""
    full = copy.deepcopy(snapshot)
    full["items"][2]["text"] = (
        '<ol start="4"><li>Fjärde</li><li>Femte<ol type="a"><li>Under a</li><li>Under b</li></ol></li></ol>'
        '<ol type="I" start="12"><li>Tolfte</li></ol><ol><li>Ett</li></ol>'
    )
    text = "".join(pages_text(pdf.render_protocol(full, draft=True)))
    markers = [line.strip() for line in text.splitlines() if line.strip().endswith(".") and len(line.strip()) <= 4]
    assert markers == ["4.", "5.", "a.", "b.", "XII.", "1."]


def test_a_symbol_or_emoji_the_signers_read_is_drawn_in_a_font_that_has_it(snapshot):
    """Emoji and symbols written in a § ("👍", "✅", "☎") printed as empty boxes: the PDF's text had them, its page
    did not, as the only fonts were DejaVu's. Each is now drawn in a font that has its glyph (fonts-symbola)."""
    import shutil
    import subprocess

    import pdfplumber

    full = copy.deepcopy(snapshot)
    full["items"][2]["text"] = "<p>Bra jobbat 👍 och klart ✅, ring ☎ 08-123 45 67.</p>"
    with pdfplumber.open(io.BytesIO(pdf.render_protocol(full, draft=True))) as printed:
        drawn = {c["text"]: c["fontname"].split("+")[-1].replace("-", "") for page in printed.pages for c in page.chars}
    for symbol in "👍✅☎":
        covering = subprocess.run(
            [shutil.which("fc-list") or "fc-list", f":charset={ord(symbol):x}", "family"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        families = {
            name.replace(" ", "").replace("-", "") for line in covering.splitlines() for name in line.split(",")
        }
        font = drawn.get(symbol, "no font: the page lacks it")
        assert any(font.startswith(family) for family in families if family), (symbol, font)
