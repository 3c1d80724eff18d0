"""Hostile text in decisions: escaped in the search snippets, never a formula in the exports."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from tests.meetings.register.test_register import frozen_meeting

REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example">'
# PostgreSQL's text parser drops a well-formed tag from ts_headline's output but passes these through as they are.
BARE_REFRESH = "<meta http-equiv=refresh content=0;url=https://evil.example>"
IMAGE = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile(cast):
    frozen_meeting(
        cast,
        date=datetime.date(2024, 5, 2),
        decisions=[
            (
                f"Budget {SCRIPT}",
                f"Styrelsen beslutar att fastställa budgeten. {REFRESH} {BARE_REFRESH} {IMAGE}",
                "bifall",
                "acklamation",
            ),
            ('=HYPERLINK("https://evil.example","Klicka")', "+1+2", "bifall", "acklamation"),
            ("@SUM(A1:A2)", "-2+3", "bifall", "acklamation"),
        ],
    )


@pytest.mark.parametrize("query", ["budget", "budgeten", "meta", "refresh"])
def test_a_search_snippet_shows_hostile_text_as_text_and_still_marks_the_match(client_for, hostile, query):
    response = client_for(None).get("/beslut/", {"q": query})
    html = response.content.decode()
    snippet = next(row.snippet for row in response.context["rows"] if row.snippet and "Budget" in row.heading)
    assert "<mark>" in snippet
    assert "<" not in snippet.replace("<mark>", "").replace("</mark>", "")
    assert "&lt;" in snippet or "&gt;" in snippet
    for tag in ("<meta http-equiv", "<script>alert", "<img src=x"):
        assert tag not in html


def test_the_snippet_shows_the_hostile_text_escaped(client_for, hostile):
    snippet = client_for(None).get("/beslut/", {"q": "refresh"}).context["rows"][0].snippet
    assert "http-equiv=<mark>refresh</mark> content=0;url=https://evil.example&gt;" in snippet
    assert "&lt;img src=x onerror=alert(1)&gt;" in snippet


def test_a_word_that_is_also_an_entity_is_marked_in_the_text_not_in_the_escaping(client_for, cast):
    frozen_meeting(cast, date=datetime.date(2024, 5, 3), decisions=[("Lt och gt", "a < b & c > d", "bifall", "")])
    snippet = client_for(None).get("/beslut/", {"q": "lt"}).context["rows"][0].snippet
    assert "&lt;" in snippet and "&<mark>" not in snippet
    assert "<mark>Lt</mark>" in snippet


def test_the_csv_export_neutralises_formulas(client_for, hostile):
    for who in (None, "member"):
        response = client_for(who).get("/beslut/export.csv")
        rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
        cells = [cell for row in rows[1:] for cell in row]
        assert '\'=HYPERLINK("https://evil.example","Klicka")' in cells
        assert {"'+1+2", "'@SUM(A1:A2)", "'-2+3"} <= set(cells)
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_spreadsheet_export_has_no_formula(client_for, hostile):
    for who in (None, "member"):
        response = client_for(who).get("/beslut/export.xlsx")
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        values = {cell.value for cell in cells}
        assert {'=HYPERLINK("https://evil.example","Klicka")', "+1+2", "@SUM(A1:A2)", "-2+3"} <= values
        assert all(cell.quotePrefix for cell in cells if str(cell.value).startswith(("=", "+", "-", "@")))


def test_a_nul_character_in_the_assignments_filter_is_no_filter(client_for, cast):
    response = client_for("member").get("/uppdrag/", {"forbund": "test\x00"})
    assert response.status_code == 200 and response.context["federation"] == ""
