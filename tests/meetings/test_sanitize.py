"""A table pasted into a § keeps its rows and cells: stored as a table, read back as text with its cells apart."""

from meetings.sanitize import clean_html, html_to_lines, html_to_text

# What Excel and web pages put on the clipboard (the exploratory tester's budget table).
EXCEL_TABLE = (
    "<table><tr><td>Insats</td><td>2027</td><td>2028</td></tr>"
    "<tr><td>MIA vidare</td><td>1 200 000</td><td>800 000</td></tr></table>"
)
# Word: every cell a paragraph of its own, a header row, widths and styles on everything.
WORD_TABLE = (
    "<table class='MsoTableGrid' border='1' style='border-collapse:collapse'>"
    "<thead><tr><th width='200' style='border:solid windowtext 1.0pt'><p class='MsoNormal'>Insats</p></th>"
    "<th><p class='MsoNormal'>2027</p></th></tr></thead>"
    "<tbody><tr><td valign='top'><p class='MsoNormal'><b>MIA</b> vidare</p><p class='MsoNormal'>(ESF)</p></td>"
    "<td><p class='MsoNormal'>1 200 000</p></td></tr></tbody></table>"
)


def test_a_pasted_table_is_stored_as_a_table():
    assert clean_html(EXCEL_TABLE) == (
        "<table><tbody><tr><td>Insats</td><td>2027</td><td>2028</td></tr>"
        "<tr><td>MIA vidare</td><td>1 200 000</td><td>800 000</td></tr></tbody></table>"
    )


def test_a_word_table_keeps_its_header_row_and_loses_its_styles():
    assert clean_html(WORD_TABLE) == (
        "<table><thead><tr><th><p>Insats</p></th><th><p>2027</p></th></tr></thead>"
        "<tbody><tr><td><p><b>MIA</b> vidare</p><p>(ESF)</p></td><td><p>1 200 000</p></td></tr></tbody></table>"
    )


def test_a_cell_keeps_a_small_span_and_nothing_else():
    html = (
        '<table><tr><td colspan="2" rowspan="3" onclick="x()" style="color:red" class="c" id="i">a</td>'
        '<td colspan="1">b</td><td colspan="5000">c</td><td rowspan="-1">d</td><td colspan="2 onmouseover=x">e</td>'
        "</tr></table>"
    )
    assert clean_html(html) == (
        '<table><tbody><tr><td colspan="2" rowspan="3">a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr>'
        "</tbody></table>"
    )


def test_nothing_hostile_hides_in_a_table():
    html = (
        "<table background='javascript:x'><tr><td><script>alert(1)</script>ok<style>td{}</style>"
        "<img src=x onerror=alert(1)><a href='javascript:alert(1)'>l</a></td></tr></table>"
    )
    cleaned = clean_html(html)
    for hostile in ("script", "alert", "style", "img", "onerror", "javascript", "background"):
        assert hostile not in cleaned
    assert "<td>ok<a" in cleaned


def test_the_text_of_a_table_has_one_line_a_row_and_its_cells_apart():
    assert html_to_text(clean_html(EXCEL_TABLE)).splitlines() == [
        "Insats | 2027 | 2028",
        "MIA vidare | 1 200 000 | 800 000",
    ]


def test_the_text_of_a_word_table_keeps_a_cell_of_two_paragraphs_on_its_row():
    assert html_to_text(clean_html(WORD_TABLE)).splitlines() == ["Insats | 2027", "MIA vidare (ESF) | 1 200 000"]


def test_the_text_around_a_table_stays_on_lines_of_its_own():
    html = "<p>Budgeten:</p>" + EXCEL_TABLE + "<p>Styrelsen <strong>beslutar</strong> att godkänna.</p>"
    assert html_to_text(clean_html(html)).splitlines() == [
        "Budgeten:",
        "Insats | 2027 | 2028",
        "MIA vidare | 1 200 000 | 800 000",
        "Styrelsen beslutar att godkänna.",
    ]


def test_an_empty_cell_keeps_its_place():
    html = "<table><tr><td>Insats</td><td></td><td>2028</td></tr></table>"
    assert html_to_text(clean_html(html)) == "Insats |  | 2028"


def test_the_text_of_paragraphs_lists_and_breaks_is_as_before():
    html = (
        "<p>Rad ett.<br>Rad två.</p><ul><li><p>Punkt &amp; mer</p></li></ul><h3>Rubrik</h3>"
        "<blockquote>Citat</blockquote>"
    )
    assert html_to_text(html).splitlines() == ["Rad ett.", "Rad två.", "Punkt & mer", "Rubrik", "Citat"]


# A list as the editor writes it when it was pasted from a document that numbers on from 4, with a sub-list a, b.
NUMBERED_ON = '<ol start="4"><li><p>Fjärde</p></li><li><p>Femte</p><ol type="a"><li><p>under a</p></li></ol></li></ol>'


def test_a_list_keeps_the_number_it_starts_at_and_its_kind_of_numbering():
    """The editor showed 4., 5. and a. while the stored record (the justering page, the PDF) said 1., 2. and 1.:
    the start and the kind of numbering were stripped on the server."""
    assert clean_html(NUMBERED_ON) == NUMBERED_ON
    assert clean_html('<ol type="I" start="12"><li>x</li></ol>') == '<ol type="I" start="12"><li>x</li></ol>'


def test_a_list_loses_a_numbering_it_cannot_print():
    assert clean_html('<ol start="-3" type="disc" onclick="x()"><li>x</li></ol>') == "<ol><li>x</li></ol>"
    assert clean_html('<ol start="4x"><li>x</li></ol>') == "<ol><li>x</li></ol>"
    assert clean_html('<ul start="4" type="a"><li>x</li></ul>') == "<ul><li>x</li></ul>"


def test_each_line_of_the_text_keeps_the_indent_level_of_its_paragraph():
    html = '<p class="indent-2">Punkt<br>fortsätter</p><p>Slut</p><ul><li>Listan</li></ul><p class="indent-1">Sist</p>'
    assert html_to_lines(html) == [(2, "Punkt"), (2, "fortsätter"), (0, "Slut"), (0, "Listan"), (1, "Sist")]
