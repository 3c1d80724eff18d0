"""The § editor keeps the structure of the minutes: paragraphs, lists, bold, links and tables survive typing, pasting
from Word or Excel, saving, reloading, the justering view and the sealed PDF."""

import io

import pdfplumber
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.justering import pdf, protocol
from meetings.justering import services as justering
from meetings.models import AgendaItem
from meetings.sanitize import html_to_text

from ..meetings.factories import ready_to_send
from .conftest import assert_accessible, sign_in

# What Word puts on the clipboard: namespaces, a style sheet, classes, spans with fonts, <o:p>, comments.
WORD_CLIPBOARD = (
    "<html xmlns:o='urn:schemas-microsoft-com:office:office' xmlns:w='urn:schemas-microsoft-com:office:word'>"
    "<head><meta charset='utf-8'><style>p.MsoNormal { margin: 0; font-family: Calibri; }</style></head>"
    "<body lang='SV'><!--StartFragment-->"
    "<p class='MsoNormal'><span style='font-family:Calibri;mso-fareast-language:SV'>Styrelsen diskuterade "
    "<b style='mso-bidi-font-weight:normal'>budgeten</b> för 2027.<o:p></o:p></span></p>"
    "<p class='MsoNormal'><span style='font-size:11.0pt'>Se <a href='https://example.se/budget'>underlaget</a>."
    "<o:p></o:p></span></p>"
    "<ul style='margin-top:0cm' type='disc'>"
    "<li class='MsoNormal' style='mso-list:l0 level1 lfo1'><span>Punkt ett</span></li>"
    "<li class='MsoNormal' style='mso-list:l0 level1 lfo1'><span>Punkt <i>två</i></span></li></ul>"
    "<p class='MsoNormal'><a href='javascript:alert(1)'>farlig länk</a><script>alert(1)</script></p>"
    "<!--EndFragment--></body></html>"
)
# Word on the desktop: a list is paragraphs styled mso-list, the bullet or number a span marked mso-list:Ignore.
WORD_DESKTOP_LISTS = (
    "<html><body><!--StartFragment-->"
    "<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Budgeten<o:p></o:p></p>"
    "<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
    "<span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Verksamhetsplanen<o:p></o:p></p>"
    "<p class=MsoNormal>Därefter:<o:p></o:p></p>"
    "<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]>"
    "<span><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span>"
    "</span></span><![endif]>Beslut om <b>budget</b><o:p></o:p></p>"
    "<!--EndFragment--></body></html>"
)


def word_list_paragraph(level, marker, text, list_id="l0"):
    """One paragraph of a Word (desktop) list at `level`, its number or bullet `marker` as Word writes it."""
    return (
        f"<p class=MsoListParagraphCxSpMiddle style='margin-left:{36 * level}.0pt;text-indent:-18.0pt;"
        f"mso-list:{list_id} level{level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>{marker}"
        "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"
        f"{text}<o:p></o:p></p>"
    )


# A decision's points pasted from Word: 1, its sub-points a and b, 2, 3, then a bulleted list with a sub-bullet.
WORD_MULTILEVEL_LIST = (
    "<html><body><!--StartFragment-->"
    + word_list_paragraph(1, "1.", "Individinriktade insatser")
    + word_list_paragraph(2, "a.", "Steg för steg")
    + word_list_paragraph(2, "b.", "MIA vidare")
    + word_list_paragraph(1, "2.", "Strukturövergripande insatser")
    + word_list_paragraph(1, "3.", "Administration")
    + "<p class=MsoNormal>Därefter:<o:p></o:p></p>"
    + word_list_paragraph(1, "·", "Punkt", "l1")
    + word_list_paragraph(2, "o", "Underpunkt", "l1")
    + "<!--EndFragment--></body></html>"
)
# Excel and web pages: a bare table, every cell a <td>, the figures with spaces in them.
EXCEL_TABLE = (
    "<html><body><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0 width=320>"
    "<col width=128><col width=96 span=2>"
    "<tr height=20><td height=20 class=xl65 width=128>Insats</td><td class=xl66 align=right>2027</td>"
    "<td class=xl66 align=right>2028</td></tr>"
    "<tr height=20><td height=20>MIA vidare</td><td align=right x:num='1200000'>1 200 000</td>"
    "<td align=right x:num='800000'>800 000</td></tr><!--EndFragment--></table></body></html>"
)
# Word: a header row in <thead>, every cell a paragraph (or two), widths and borders in styles.
WORD_TABLE = (
    "<html><body><!--StartFragment--><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0"
    " style='border-collapse:collapse;border:none'><thead><tr>"
    "<td width=200 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Insats</b><o:p></o:p>"
    "</p></td><td width=100 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>2027</b><o:p>"
    "</o:p></p></td>"
    "</tr></thead><tbody><tr>"
    "<td width=200 valign=top><p class=MsoNormal>MIA vidare<o:p></o:p></p><p class=MsoNormal>(ESF)<o:p></o:p></p></td>"
    "<td width=100 valign=top><p class=MsoNormal>1 200 000<o:p></o:p></p></td>"
    "</tr></tbody></table><p class=MsoNormal>Därefter.<o:p></o:p></p><!--EndFragment--></body></html>"
)

PASTE = """([html, text]) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", text);
    document.activeElement.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
    );
}"""

# Collects what the Content-Security-Policy blocked on the page (the editor must inject no inline style or script).
WATCH_CSP = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture
def meeting(cast):
    return ready_to_send(cast)


@pytest.fixture
def watched(page):
    """The page, with a record of CSP violations and script errors that must both stay empty."""
    errors = []
    page.add_init_script(WATCH_CSP)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == []
    assert page.evaluate("window.cspViolations || []") == []


def section(page, number):
    return page.locator(f"section.item:has(h3 .para:text-is('§ {number}'))")


def body(page, number):
    return section(page, number).locator("[data-body]")


def status(page, number):
    return section(page, number).locator("[data-status]")


def wait_saved(page, number):
    expect(status(page, number)).to_contain_text("Sparat", timeout=10_000)
    page.wait_for_function("!(window.finsamEditors || []).some(e => e.inFlight || e.dirty())")


def stored(meeting, number):
    return AgendaItem.objects.get(meeting=meeting, number=number).text


def test_enter_makes_a_new_paragraph_that_survives_a_reload(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 1).click()
    page.keyboard.type("Rad ett.")
    page.keyboard.press("Enter")
    page.keyboard.type("Rad två.")
    wait_saved(page, 1)
    assert html_to_text(stored(meeting, 1)).splitlines() == ["Rad ett.", "Rad två."]
    page.reload()
    expect(body(page, 1).locator("p")).to_have_text(["Rad ett.", "Rad två."])
    assert_accessible(page)


def test_lists_bold_and_links_survive_typing_saving_and_reloading(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    tools = section(page, 1).get_by_role("toolbar", name="Textformat")
    body(page, 1).click()
    page.keyboard.type("Beslutet är ")
    tools.get_by_role("button", name="fetstil").click()
    page.keyboard.type("viktigt")
    tools.get_by_role("button", name="fetstil").click()
    page.keyboard.type(". Läs stadgarna")
    page.keyboard.press("Shift+Control+ArrowLeft")
    page.once("dialog", lambda dialog: dialog.accept("https://example.se/stadgar"))
    tools.get_by_role("button", name="Länk").click()
    expect(body(page, 1).locator("a")).to_have_text("stadgarna")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    tools.get_by_role("button", name="• Lista").click()
    page.keyboard.type("Första punkten")
    page.keyboard.press("Enter")
    page.keyboard.type("Andra punkten")
    wait_saved(page, 1)
    text = stored(meeting, 1)
    assert "<strong>viktigt</strong>" in text
    assert '<a href="https://example.se/stadgar"' in text and ">stadgarna</a>" in text
    assert "<ul><li><p>Första punkten</p></li><li><p>Andra punkten</p></li></ul>" in text
    page.reload()
    expect(body(page, 1).locator("strong")).to_have_text("viktigt")
    expect(body(page, 1).locator("a")).to_have_attribute("href", "https://example.se/stadgar")
    expect(body(page, 1).locator("ul li")).to_have_text(["Första punkten", "Andra punkten"])


def test_the_keyboard_alone_formats_the_text(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 2).click()
    page.keyboard.press("Control+b")
    page.keyboard.type("Fetstil")
    page.keyboard.press("Control+b")
    page.keyboard.type(" och ")
    page.keyboard.press("Control+i")
    page.keyboard.type("kursiv")
    page.keyboard.press("Control+i")
    page.keyboard.type(" med mer")
    page.keyboard.press("Shift+Control+ArrowLeft")
    page.once("dialog", lambda dialog: dialog.accept("mailto:sekreterare@example.se"))
    page.keyboard.press("Control+k")
    expect(body(page, 2).locator("a")).to_have_text("mer")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+Shift+7")
    page.keyboard.type("Ett")
    page.keyboard.press("Enter")
    page.keyboard.type("Två")
    expect(section(page, 2).get_by_role("button", name="1. Lista")).to_have_attribute("aria-pressed", "true")
    wait_saved(page, 2)
    assert stored(meeting, 2) == (
        "<p><strong>Fetstil</strong> och <em>kursiv</em> med "
        '<a href="mailto:sekreterare@example.se" rel="noopener noreferrer">mer</a></p>'
        "<ol><li><p>Ett</p></li><li><p>Två</p></li></ol>"
    )


def test_a_paste_from_word_keeps_the_structure_and_drops_the_rest(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 4).click()
    page.evaluate(PASTE, [WORD_CLIPBOARD, "Styrelsen diskuterade budgeten för 2027."])
    wait_saved(page, 4)
    text = stored(meeting, 4)
    assert "<p>Styrelsen diskuterade <strong>budgeten</strong> för 2027.</p>" in text
    assert '<a href="https://example.se/budget"' in text
    assert "<ul><li><p>Punkt ett</p></li><li><p>Punkt <em>två</em></p></li></ul>" in text
    for junk in ("style", "class", "Mso", "span", "o:p", "script", "javascript", "<!--"):
        assert junk not in text
    page.reload()
    expect(body(page, 4).locator("> * > p, > * > ul")).to_have_count(4)


def test_paragraphs_reach_the_justering_view_and_the_pdf(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 1).click()
    page.keyboard.type("Rad ett.")
    page.keyboard.press("Enter")
    page.keyboard.type("Rad två.")
    page.keyboard.press("Enter")
    section(page, 1).get_by_role("button", name="1. Lista").click()
    page.keyboard.type("Numrerad punkt")
    wait_saved(page, 1)
    justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)

    page.goto(f"/moten/{meeting.pk}/justering/")
    paragraph = page.locator(".preview-item", has_text="Rad ett.")
    expect(paragraph.locator(".minutes-text p")).to_have_text(["Rad ett.", "Rad två.", "Numrerad punkt"])
    expect(paragraph.locator(".minutes-text ol li")).to_have_text("Numrerad punkt")

    data = pdf.render_protocol(protocol.snapshot(meeting), revision_number=1, sha256="0" * 64, signatures=[])
    lines = [line.strip() for page_ in PdfReader(io.BytesIO(data)).pages for line in page_.extract_text().splitlines()]
    assert "Rad ett." in lines and "Rad två." in lines
    assert "Rad ett.Rad två." not in "\n".join(lines)


def test_a_paste_of_word_desktop_lists_becomes_real_lists(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 4).click()
    page.evaluate(PASTE, [WORD_DESKTOP_LISTS, "Budgeten"])
    wait_saved(page, 4)
    assert stored(meeting, 4) == (
        "<ul><li><p>Budgeten</p></li><li><p>Verksamhetsplanen</p></li></ul>"
        "<p>Därefter:</p>"
        "<ol><li><p>Beslut om <strong>budget</strong></p></li></ol>"
    )


def test_a_paste_of_a_word_list_with_sub_points_keeps_its_levels_and_numbers(watched, cast, meeting):
    """Word's sub-points a and b became points 2 and 3 of the list, and its point 2 became point 4: the record
    numbered the decision's points otherwise than the document it came from."""
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 4).click()
    page.evaluate(PASTE, [WORD_MULTILEVEL_LIST, "Individinriktade insatser"])
    wait_saved(page, 4)
    assert stored(meeting, 4) == (
        "<ol><li><p>Individinriktade insatser</p>"
        '<ol type="a"><li><p>Steg för steg</p></li><li><p>MIA vidare</p></li></ol></li>'
        "<li><p>Strukturövergripande insatser</p></li><li><p>Administration</p></li></ol>"
        "<p>Därefter:</p>"
        "<ul><li><p>Punkt</p><ul><li><p>Underpunkt</p></li></ul></li></ul>"
    )


def test_a_local_copy_left_by_the_old_editor_comes_back_with_its_paragraphs(page, cast, meeting):
    """The hand-written editor kept Chrome's <div> lines in the browser; after the upgrade they become paragraphs."""
    item = meeting.items.get(number=4)
    sign_in(page, "secretary@example.se", cast.password)
    page.evaluate(
        "([key, copy]) => localStorage.setItem(key, JSON.stringify(copy))",
        [
            f"finsam:item:{item.pk}",
            {"version": item.version, "heading": item.heading, "text": "Rad ett.<div>Rad två.</div>"},
        ],
    )
    page.goto(f"/moten/{meeting.pk}/")
    expect(body(page, 4).locator("p")).to_have_text(["Rad ett.", "Rad två."])
    wait_saved(page, 4)
    assert stored(meeting, 4) == "<p>Rad ett.</p><p>Rad två.</p>"


def test_a_pasted_excel_table_is_stored_as_a_table_with_its_cells_apart(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 4).click()
    page.evaluate(PASTE, [EXCEL_TABLE, "Insats\t2027\t2028\nMIA vidare\t1 200 000\t800 000"])
    wait_saved(page, 4)
    text = stored(meeting, 4)
    assert (
        "<table><tbody><tr><td><p>Insats</p></td><td><p>2027</p></td><td><p>2028</p></td></tr>"
        "<tr><td><p>MIA vidare</p></td><td><p>1 200 000</p></td><td><p>800 000</p></td></tr></tbody></table>"
    ) in text
    for junk in ("xl65", "align", "width", "height", "x:num", "col", "style"):
        assert junk not in text
    assert html_to_text(text).splitlines() == ["Insats | 2027 | 2028", "MIA vidare | 1 200 000 | 800 000"]
    page.reload()
    expect(body(page, 4).locator("tr")).to_have_count(2)
    expect(body(page, 4).locator("tr").nth(1).locator("td")).to_have_text(["MIA vidare", "1 200 000", "800 000"])
    assert_accessible(page)


def test_a_pasted_word_table_keeps_its_header_row_and_reaches_the_justering_view_and_the_pdf(watched, cast, meeting):
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 4).click()
    page.evaluate(PASTE, [WORD_TABLE, "Insats\t2027"])
    wait_saved(page, 4)
    text = stored(meeting, 4)
    assert (
        "<table><tbody><tr><th><p><strong>Insats</strong></p></th><th><p><strong>2027</strong></p></th></tr>"
        "<tr><td><p>MIA vidare</p><p>(ESF)</p></td><td><p>1 200 000</p></td></tr></tbody></table>"
    ) in text
    assert "<p>Därefter.</p>" in text
    for junk in ("Mso", "style", "width", "valign", "o:p"):
        assert junk not in text
    justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)

    page.goto(f"/moten/{meeting.pk}/justering/")
    table = page.locator(".preview-item .minutes-text table")
    expect(table.get_by_role("columnheader")).to_have_text(["Insats", "2027"])
    expect(table.get_by_role("cell")).to_have_text(["MIA vidare(ESF)", "1 200 000"])
    assert_accessible(page)

    data = pdf.render_protocol(protocol.snapshot(meeting), revision_number=1, sha256="0" * 64, signatures=[])
    with pdfplumber.open(io.BytesIO(data)) as printed:  # the ruled cells read back as a table
        tables = [table for page_ in printed.pages for table in page_.extract_tables()]
    assert [["Insats", "2027"], ["MIA vidare\n(ESF)", "1 200 000"]] in tables


# Indented as Word, Outlook and Gmail indent: a left margin in points, inches or pixels, or block quotes nested.
INDENTED_CLIPBOARD = (
    "<html><body><!--StartFragment-->"
    "<p class=MsoNormal>Styrelsen beslutar<o:p></o:p></p>"
    "<p class=MsoNormal style='margin-left:36.0pt'>att godkänna budgeten,<o:p></o:p></p>"
    "<p class=MsoNormal style='margin-left:72.0pt'>med ett tillägg,<o:p></o:p></p>"
    "<div style='margin-left:.5in'>att uppdra åt förbundschefen,</div>"
    "<blockquote style='margin:0 0 0 40px;border:none'><blockquote><p>Citat i två nivåer</p></blockquote></blockquote>"
    "<!--EndFragment--></body></html>"
)


def test_an_indent_pasted_or_typed_keeps_its_level_to_the_justering_view(watched, cast, meeting):
    """A pasted margin was dropped with its style, and leading tabs of pasted plain text were collapsed by the pages
    and the PDF: an indented point read as a paragraph of its own."""
    page = watched
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    body(page, 4).click()
    page.evaluate(PASTE, [INDENTED_CLIPBOARD, "Styrelsen beslutar"])
    wait_saved(page, 4)
    assert stored(meeting, 4) == (
        '<p>Styrelsen beslutar</p><p class="indent-1">att godkänna budgeten,</p>'
        '<p class="indent-2">med ett tillägg,</p><p class="indent-1">att uppdra åt förbundschefen,</p>'
        '<p class="indent-2">Citat i två nivåer</p>'
    )
    body(page, 1).click()
    page.evaluate(PASTE, ["", "Punkter:\n\tett\n\t\ttvå"])
    wait_saved(page, 1)
    assert stored(meeting, 1) == '<p>Punkter:</p><p class="indent-1">ett</p><p class="indent-2">två</p>'
    page.reload()
    levels = body(page, 4).locator("p.indent-2").first
    expect(levels).to_have_text("med ett tillägg,")
    assert levels.evaluate("p => getComputedStyle(p).paddingInlineStart") != "0px"
    justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)

    page.goto(f"/moten/{meeting.pk}/justering/")
    text = page.locator(".preview-item .minutes-text")
    flush = text.locator("p").get_by_text("Punkter:", exact=True).evaluate("p => p.getBoundingClientRect().left")
    indented = text.locator("p").get_by_text("två", exact=True)
    start = indented.evaluate("p => p.getBoundingClientRect().left + parseFloat(getComputedStyle(p).paddingLeft)")
    assert start > flush + 40


def test_a_colleagues_unsaved_copy_on_a_shared_computer_is_not_taken_into_ones_own_editor(page, cast, meeting):
    item = meeting.items.get(number=4)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    page.route("**/text/", lambda route: route.abort())  # the saves do not reach the server: the copy stays local
    body(page, 4).click()
    page.keyboard.type(" Saras osparade mening.")
    page.wait_for_timeout(2500)
    page.unroute_all()
    page.context.clear_cookies(name="sessionid")  # Sara leaves the shared computer; Adam signs in
    sign_in(page, "admin@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    expect(body(page, 4)).not_to_contain_text("Saras osparade mening.")
    page.wait_for_timeout(2500)
    item.refresh_from_db()
    assert "Saras osparade mening." not in item.text
    page.context.clear_cookies(name="sessionid")
    sign_in(page, "secretary@example.se", cast.password)  # Sara, back: her copy is hers still
    page.goto(f"/moten/{meeting.pk}/")
    expect(body(page, 4)).to_contain_text("Saras osparade mening.")
