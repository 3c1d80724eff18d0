"""The printed protocol says exactly what happened: who decided, who was away, the namnupprop, one date form."""

import datetime
import io

import pdfplumber
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


BUDGET = (
    "<p>Budgeten:</p><table><thead><tr><th>Insats</th><th>2027</th><th>2028</th></tr></thead>"
    "<tr><td>MIA vidare</td><td>1 200 000</td><td>800 000</td></tr>"
    "<tr><td><p>Stoppa</p><p>våldet</p></td><td>150 000</td><td>0</td></tr></table>"
)


def test_a_table_in_a_paragraph_prints_with_its_cells_apart(cast):
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text=BUDGET, base_version=item.version)
    data = pdf.render_protocol(protocol.snapshot(meeting), revision_number=1, sha256="0" * 64, signatures=[])
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    with pdfplumber.open(io.BytesIO(data)) as printed:  # the ruled cells read back as a table
        tables = [table for page in printed.pages for table in page.extract_tables()]
    assert [
        ["Insats", "2027", "2028"],
        ["MIA vidare", "1 200 000", "800 000"],
        ["Stoppa\nvåldet", "150 000", "0"],
    ] in tables
    assert "Insats 2027 2028" in lines
    assert "MIA vidare 1 200 000 800 000" in lines
    for fused in ("Insats2027", "20272028", "vidare1 200", "000800"):
        assert fused not in text


def test_a_protocol_sent_from_the_english_interface_is_recorded_in_swedish(cast):
    """The secretary used the portal in English and sent the protocol for justering: the frozen revision (and with it
    the hash, the justering page and the sealed PDF) said "Maja Ledamot, member", "Decision item", "Referred back",
    "Show of hands" in a Swedish protocol. The record's words are Swedish whoever freezes it."""
    from django.utils import translation

    from meetings.justering import services as justering
    from meetings.models import Decision

    meeting = header(cast)
    decision = meeting.items.get(number=3).decisions.get()
    services.decision_save(
        actor=None,
        item=meeting.items.get(number=3),
        decision=decision,
        text=decision.text,
        outcome=Decision.Outcome.REFERRED_BACK,
        method=Decision.Method.SHOW_OF_HANDS,
        version=decision.version,
    )
    with translation.override("en"):
        revision = justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    assert revision.snapshot == protocol.snapshot(meeting)  # as it is read in Swedish
    excused = next(a for a in revision.snapshot["attendance"] if a["name"] == "Maja Ledamot")
    assert excused["role_label"] == "Ledamot"
    item = next(i for i in revision.snapshot["items"] if i["number"] == 3)
    assert item["kind"] == "Beslutsärende"
    assert (item["decisions"][0]["outcome"], item["decisions"][0]["method_label"]) == ("Återremiss", "Handuppräckning")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.render_protocol(revision.snapshot))).pages)
    assert "Maja Ledamot, ledamot" in text and "member" not in text


def test_the_signers_read_each_decisions_outcome_and_how_it_was_taken(client_for, cast):
    """The register (public once justerat) files a decision under its outcome, and the meeting page shows it with
    its method; the justering page and the PDF showed neither, so a decision written 'att avslå' but filed as
    bifall, or one taken by handuppräckning, was signed without the signers ever reading it."""
    from meetings.models import Decision

    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    decision = item.decisions.get()
    services.decision_save(
        actor=None,
        item=item,
        decision=decision,
        text="Styrelsen beslutar att återremittera ärendet.",
        outcome=Decision.Outcome.REFERRED_BACK,
        method=Decision.Method.SHOW_OF_HANDS,
        version=decision.version,
    )
    assert "BESLUT: ÅTERREMISS (HANDUPPRÄCKNING)" in pdf_text(meeting)  # the label is printed in capitals
    page = client_for("secretary").get(f"/moten/{meeting.pk}/forhandsgranska/").content.decode()
    assert "Beslut: Återremiss (handuppräckning)" in page


def test_a_reservation_and_a_note_keep_the_lines_they_were_written_in(client_for, cast):
    """A reason written as points ("Vi föreslog i stället:", "1. …", "2. …") ran together into one line on the
    justering page and in the PDF, as the decision's own text does not."""
    meeting = ready_to_send(cast)
    decision = meeting.items.get(number=3).decisions.get()
    member = meeting.attendances.get(person=cast.member)
    reason = "Budgeten är för snål.\r\nVi föreslog i stället:\r\n1. 4 000 tkr till insatser\r\n2. en översyn"
    services.reservation_set(actor=None, decision=decision, attendance=member, reserved=True, reason=reason)
    services.decision_save(
        actor=None,
        item=decision.item,
        decision=decision,
        text=decision.text,
        notes="Första raden.\nAndra raden.",
        version=decision.version,
    )
    lines = [line.strip() for line in pdf_text(meeting).splitlines()]
    assert "1. 4 000 tkr till insatser" in lines and "2. en översyn" in lines and "Andra raden." in lines
    page = client_for("secretary").get(f"/moten/{meeting.pk}/forhandsgranska/").content.decode()
    assert "Vi föreslog i stället:<br>1. 4 000 tkr till insatser<br>2. en översyn" in page
    assert "Första raden.<br>Andra raden." in page
    page = client_for("secretary").get(f"/moten/{meeting.pk}/").content.decode()  # the meeting page says the same
    assert "Maja Ledamot reserverar sig mot beslutet: Budgeten är för snål.<br>Vi föreslog i stället:<br>1." in page
    assert "Första raden.<br>Andra raden." in page


def test_the_meeting_page_names_the_votes_and_the_recipients_the_protocol_prints(client_for, cast):
    """The justering page and the PDF printed the namnupprop and every recipient of the decision (the people picked,
    besides what the secretary wrote); the meeting page (the record's page once justerat) showed neither."""
    meeting = header(cast)
    decision = meeting.items.get(number=3).decisions.get()
    services.decision_save(
        actor=None,
        item=decision.item,
        decision=decision,
        text=decision.text,
        recipients="Medlemmarna",
        recipient_people=[cast.chair],
        version=decision.version,
    )
    deciding = {a.display_name: a for a in meeting.attendances.all()}
    services.votes_set(
        actor=None,
        decision=decision,
        choices={deciding["Cecilia Ordförande"].pk: "ja", deciding["Erik Ersättare"].pk: "nej"},
    )
    printed = pdf_text(meeting)
    assert "Ja: Cecilia Ordförande. Nej: Erik Ersättare." in " ".join(printed.split())
    assert f"Beslutet skickas till: Medlemmarna, {cast.chair.name}" in printed
    page = " ".join(client_for("secretary").get(f"/moten/{meeting.pk}/").content.decode().split())
    assert "Namnupprop: Ja: Cecilia Ordförande. Nej: Erik Ersättare." in page
    assert f"Beslutet skickas till: Medlemmarna, {cast.chair.name}" in page


def test_the_verifikat_names_the_roles_in_swedish_whoever_signed_last(cast, settings, tmp_path):
    """Without a broker the PDF is rendered in the request of the last signer: one using the portal in English had
    the sealed verifikat say 'Chair', 'Minute checker', 'Recorded by' in a Swedish protocol."""
    from django.utils import translation

    from meetings.justering import tasks
    from meetings.models import SignedDocument
    from tests.meetings.factories import justera

    settings.MEDIA_ROOT = tmp_path
    meeting = justera(cast, ready_to_send(cast))
    document = SignedDocument.objects.get(meeting=meeting)
    with translation.override("en"):
        rows = tasks.signature_rows(document.revision)
    assert [row["role"] for row in rows] == ["Ordförande", "Justerare", "Vid protokollet"]
