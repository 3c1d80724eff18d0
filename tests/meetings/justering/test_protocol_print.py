"""The printed protocol says exactly what happened: who decided, who was away, the namnupprop, one date form."""

import datetime
import io

from pypdf import PdfReader

from meetings.drafting import services
from meetings.justering import pdf, protocol
from meetings.models import Attendance
from meetings.printing.paragraphs import paragraph_range
from tests.meetings.factories import ready_to_send


def test_a_range_of_one_paragraph_is_written_as_one():
    assert paragraph_range([7]) == "§ 7"
    assert paragraph_range([3, 5, 8]) == "§ 3–8"
    assert paragraph_range([]) == ""


def header(cast):
    meeting = ready_to_send(cast, date=datetime.date(2026, 3, 1))
    member = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=member, status=Attendance.Status.EXCUSED)
    substitute = meeting.attendances.get(person=cast.substitute)
    services.attendance_save(
        actor=None, meeting=meeting, attendance=substitute, serving_for=member, status=Attendance.Status.PRESENT
    )
    services.attendance_save(actor=None, meeting=meeting, name="Per Frånvarande", role="ledamot", status="franvarande")
    return meeting


def test_the_header_groups_attendance_as_real_protocols_do(cast):
    meeting = header(cast)
    context = protocol.print_context(protocol.snapshot(meeting))
    assert [a["name"] for a in context["excused"]] == ["Maja Ledamot"]
    assert [a["name"] for a in context["absent"]] == ["Per Frånvarande"]
    assert "Maja Ledamot" not in [a["name"] for a in context["others"] + context["decision_makers"]]
    assert "Erik Ersättare" in [a["name"] for a in context["decision_makers"]]


def test_the_printed_protocol_reads_back_with_groups_namnupprop_and_swedish_dates(cast):
    meeting = header(cast)
    decision = meeting.items.get(number=3).decisions.get()
    deciding = {a.display_name: a for a in meeting.attendances.all()}
    services.votes_set(
        actor=None,
        decision=decision,
        choices={deciding["Cecilia Ordförande"].pk: "ja", deciding["Erik Ersättare"].pk: "nej"},
    )
    text = pdf_text(meeting)
    assert "Anmält förhinder" in text and "Frånvarande" in text and "Per Frånvarande" in text
    assert "ej närvarande" not in text
    assert "Namnupprop" in text and "Ja: Cecilia Ordförande" in text and "Nej: Erik Ersättare" in text
    assert "1 mars 2026" in text and "2026-03-01" not in text.split("Verifikat")[0]
    assert "Justerandes signatur" not in text
    assert "ersättare, tjänstgörande ersättare" not in text.lower()


def pdf_text(meeting):
    data = pdf.render_protocol(protocol.snapshot(meeting), revision_number=1, sha256="0" * 64, signatures=[])
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_draft_prints_marked_utkast_without_signatures(client_for, cast):
    meeting = ready_to_send(cast)
    response = client_for("secretary").get(f"/moten/{meeting.pk}/forhandsgranska/utkast.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert all("UTKAST" in page.extract_text() for page in reader.pages)
    assert "utkast, ej justerat" in text and "Styrelsen beslutar att godkänna." in text
    assert "Verifikat" not in text and "ANSLAG/BEVIS" not in text
    assert client_for("outsider").get(f"/moten/{meeting.pk}/forhandsgranska/utkast.pdf").status_code == 404
