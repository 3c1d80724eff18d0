"""What the signers read is what is printed: the header rows of the print preview, the justering page and the sealed
PDF (read back) are the same, for a meeting with every kind of attendance."""

import io
import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from federations.models import Mandate
from meetings.drafting import services
from meetings.importing import parse_text
from meetings.importing.services import save_parsed
from meetings.justering import services as justering
from meetings.models import Attendance, SignedDocument
from tests.meetings.factories import ready_to_send, sign_all


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


class HeaderRows(HTMLParser):
    """The rows of the first table.header on a page: {label: [lines of the value]}."""

    def __init__(self):
        super().__init__()
        self.rows, self.depth, self.cell, self.label, self.done = {}, 0, None, "", False

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == "table" and ("class", "header") in attrs:
            self.depth += 1
        elif self.depth and tag in ("th", "td"):
            self.cell = tag
            if tag == "td":
                self.rows[self.label] = [""]
        elif self.depth and tag == "li" and self.cell == "td":
            self.rows[self.label].append("")

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth, self.done = 0, True
        elif tag in ("th", "td"):
            self.cell = None

    def handle_data(self, data):
        if self.cell == "th":
            self.label = " ".join(data.split())
        elif self.cell == "td":
            self.rows[self.label][-1] += data

    def lines(self):
        return {label: [" ".join(v.split()) for v in values if v.strip()] for label, values in self.rows.items()}


def header_rows(html):
    parser = HeaderRows()
    parser.feed(html)
    return parser.lines()


@pytest.fixture
def meeting(cast):
    """A board meeting where one ledamot has förhinder, one is absent, one leaves after § 2 and an ersättare serves
    for her from § 3, another ersättare attends without serving, and the förbundschef takes part."""
    meeting = ready_to_send(cast)
    save = services.attendance_save
    excused = save(actor=None, meeting=meeting, name="Eva Förhinder", role=Mandate.Role.MEMBER,
                   status=Attendance.Status.EXCUSED, organisation=cast.kommun)  # fmt: skip
    save(actor=None, meeting=meeting, name="Olle Frånvaro", role=Mandate.Role.MEMBER,
         status=Attendance.Status.ABSENT, organisation=cast.fk)  # fmt: skip
    leaving = save(actor=None, meeting=meeting, name="Lisa Lämnar", role=Mandate.Role.MEMBER, paragraphs="1-2")
    save(actor=None, meeting=meeting, name="Sara Ersätter", role=Mandate.Role.SUBSTITUTE, serving_for=excused)
    save(actor=None, meeting=meeting, name="Nils Senare", role=Mandate.Role.SUBSTITUTE, serving_for=leaving,
         paragraphs="3-4")  # fmt: skip
    save(actor=None, meeting=meeting, name="Kim Lyssnar", role=Mandate.Role.SUBSTITUTE)
    save(actor=None, meeting=meeting, name="Ola Chef", role=Mandate.Role.DIRECTOR)
    return meeting


def test_the_preview_the_justering_page_and_the_sealed_pdf_print_the_same_header(
    client_for, cast, meeting, django_capture_on_commit_callbacks
):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    client = client_for("member")
    page = header_rows(client.get(f"/moten/{meeting.pk}/justering/").content.decode())
    preview = header_rows(client.get(f"/moten/{meeting.pk}/forhandsgranska/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        sign_all(cast, meeting)
    document = SignedDocument.objects.get(meeting=meeting, status=SignedDocument.Status.DONE)
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    printed = " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    assert page == preview
    for label in ("Beslutande", "Ersättare", "Övriga deltagande", "Anmält förhinder", "Frånvarande",
                  "Utses att justera", "Justeringens plats och tid", "Paragrafer"):  # fmt: skip
        assert label in page, label
    assert any("Eva Förhinder" in line for line in page["Anmält förhinder"])
    assert any("Olle Frånvaro" in line for line in page["Frånvarande"])
    assert any("Sara Ersätter" in line and "Eva Förhinder" in line for line in page["Beslutande"])
    for label, lines in page.items():
        assert label in printed, label
        for line in lines:
            assert line in printed, (label, line)
    # The PDF prints no header row that the signers did not see.
    for label in re.findall(r"Anmält förhinder|Frånvarande|Övriga deltagande|Ersättare ", printed):
        assert label.strip() in page


def test_while_waiting_the_justering_page_says_by_when(client_for, meeting):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    assert "justeras senast" in client_for("chair").get(f"/moten/{meeting.pk}/justering/").content.decode()


def test_an_imported_paper_protocol_does_not_claim_digital_justering(client_for, cast):
    text = (
        "Protokoll\n\nDatum: 2021-06-02\n\nNärvarande: Cecilia Ordförande, ordf\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\nJusterare\nCecilia Ordförande\n"
    )
    meeting = save_parsed(parse_text(text), body=cast.board, keep_as_draft=True)
    html = client_for("secretary").get(f"/moten/{meeting.pk}/forhandsgranska/").content.decode()
    assert "Justeringens plats och tid" in html and "Digital justering i Finsamportalen" not in html
