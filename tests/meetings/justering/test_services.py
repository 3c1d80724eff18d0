"""Justering: sending, comments, sending back, revising, signing with re-authentication, the sealed PDF."""

import datetime
import io
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core.exceptions import ValidationError
from django.utils import timezone
from pypdf import PdfReader

from meetings.drafting import services
from meetings.justering import protocol, tasks
from meetings.justering import services as justering
from meetings.models import Anslag, Meeting, ProtocolRevision, Signature, SignedDocument
from meetings.printing import seal
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting, ready_to_send

pytestmark = on_the_tests_day


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    item = meeting.items.get(number=3)
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Dagordningen.</p>", base_version=1
    )
    services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna dagordningen.")
    return meeting


@pytest.fixture
def sign_all(django_capture_on_commit_callbacks):
    """Every signer signs; the work that leaves after commit (the PDF task) runs."""

    def sign(cast, meeting, keys=("chair", "member", "secretary")):
        revision = justering.current_revision(meeting)
        with django_capture_on_commit_callbacks(execute=True):
            for key in keys:
                justering.protocol_sign(
                    actor=cast.user(key), meeting=meeting, revision_number=revision.number, method="password"
                )

    return sign


def test_the_signers_are_the_chair_the_justerare_and_the_secretary(
    cast, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        revision = justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    assert [(s.person, s.role) for s in revision.signatures.all()] == [
        (cast.chair, "ordforande"),
        (cast.member, "justerare"),
        (cast.secretary, "sekreterare"),
    ]
    assert revision.deadline == meeting.date + datetime.timedelta(days=14)
    assert revision.sha256 == protocol.digest(revision.snapshot)
    assert sorted(m.to[0] for m in mailoutbox) == ["chair@example.se", "member@example.se", "secretary@example.se"]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.IN_JUSTERING


def test_sending_needs_a_chair_a_justerare_and_a_secretary(cast):
    bare = services.meeting_create(actor=None, body=cast.board, date=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        justering.protocol_send_for_justering(actor=None, meeting=bare)
    assert "Ange mötets ordförande." in error.value.messages
    assert not ProtocolRevision.objects.exists()


def test_minnesanteckningar_are_approved_not_signed(cast):
    notes = plan_meeting(cast, record_kind="minnesanteckningar")
    with pytest.raises(ValidationError, match="läggs till handlingarna"):
        justering.protocol_send_for_justering(actor=None, meeting=notes)
    justering.notes_approve(actor=None, meeting=notes)
    notes.refresh_from_db()
    assert notes.status == Meeting.Status.APPROVED and notes.is_frozen


def test_a_revision_under_justering_cannot_be_edited(cast, meeting):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    item = meeting.items.get(number=1)
    with pytest.raises(ValidationError, match="skickat på justering"):
        services.item_save_text(actor=None, item_id=item.pk, heading="X", text="Y", base_version=item.version)


def test_a_signer_comments_and_sends_back_then_the_secretary_revises(
    cast, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    first = justering.protocol_send_for_justering(actor=None, meeting=meeting)
    item = meeting.items.get(number=3)
    justering.comment_add(actor=cast.user("member"), meeting=meeting, item=item, text="Stavfel i beslutet.")
    justering.protocol_sign(actor=cast.user("chair"), meeting=meeting, revision_number=1, method="password")
    with django_capture_on_commit_callbacks(execute=True):
        justering.protocol_send_back(actor=cast.user("member"), meeting=meeting, reason="Rätta stavfelet i § 3.")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT
    assert mailoutbox[-1].to == ["secretary@example.se"] and "Rätta stavfelet" in mailoutbox[-1].body
    assert set(first.signatures.values_list("status", flat=True)) == {"void", "returned"}

    item.refresh_from_db()
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Rättad.</p>", base_version=item.version
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = justering.protocol_send_for_justering(actor=None, meeting=meeting)
    assert second.number == 2 and second.sha256 != first.sha256
    assert "Ändrat: § 3 Godkännande av dagordningen" in second.changes
    assert "+Rättad." in second.changes
    assert all("Ändrat: § 3" in message.body for message in mailoutbox)
    assert list(second.signatures.values_list("status", flat=True)) == ["pending"] * 3


def test_signing_a_stale_revision_is_refused_with_a_clear_message(cast, meeting):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    justering.protocol_reopen(actor=None, meeting=meeting)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with pytest.raises(ValidationError, match="Protokollet har ändrats sedan du öppnade det"):
        justering.protocol_sign(actor=cast.user("chair"), meeting=meeting, revision_number=1, method="password")


def test_a_second_tap_on_sign_says_it_is_signed_not_that_the_protocol_changed(cast, meeting):
    """The last signer taps "Jag justerar protokollet" twice: the browser shows the answer to the second tap, which
    read "Protokollet har ändrats sedan du öppnade det" (the record was justerat by the first): as if it had failed."""
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    for key in ("member", "secretary", "chair"):
        justering.protocol_sign(actor=cast.user(key), meeting=meeting, revision_number=1, method="password")
    with pytest.raises(ValidationError) as refusal:
        justering.protocol_sign(actor=cast.user("chair"), meeting=meeting, revision_number=1, method="password")
    assert refusal.value.messages == ["Du har redan justerat revision 1."]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    with pytest.raises(ValidationError, match="Du har redan justerat revision 1."):  # not the last signer either
        justering.protocol_sign(actor=cast.user("member"), meeting=meeting, revision_number=1, method="password")


def test_only_a_required_signer_can_sign(cast, meeting):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with pytest.raises(ValidationError, match="ingen justering kvar"):
        justering.protocol_sign(actor=cast.user("substitute"), meeting=meeting, revision_number=1, method="password")


def test_when_everyone_has_signed_the_protocol_is_justerat_posted_and_rendered(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.justerad_at
    signature = Signature.objects.get(person=cast.chair)
    assert signature.sha256 == justering.current_revision(meeting).sha256 and signature.method == "password"
    notice = Anslag.objects.get(meeting=meeting)
    assert notice.appeal_until >= notice.posted_on + datetime.timedelta(weeks=3)
    document = SignedDocument.objects.get(meeting=meeting)
    assert document.status == SignedDocument.Status.DONE and len(document.sha256) == 64


def read_pdf(meeting):
    document = SignedDocument.objects.get(meeting=meeting)
    with document.file.open("rb") as handle:
        return document, handle.read()


def test_the_pdf_reads_back_page_by_page_and_its_seal_validates(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    document, data = read_pdf(meeting)
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert all(f"Sida {n} av {total}" in text for n, text in enumerate(pages, start=1))
    assert "Protokoll" in pages[0] and "Beslutande" in pages[0] and "Cecilia Ordförande" in pages[0]
    assert any("Styrelsen beslutar att godkänna dagordningen." in text for text in pages)
    assert any("ANSLAG/BEVIS" in text for text in pages)
    assert "Verifikat" in pages[-1] and document.revision.sha256 in pages[-1].replace("\n", "")
    assert reader.metadata.title.startswith("Protokoll Styrelse")
    check = seal.check_seal(data)
    assert check.signed and check.intact and check.trusted


def test_a_changed_byte_breaks_the_seal(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    _document, data = read_pdf(meeting)
    changed = bytearray(data)
    changed[len(changed) // 3] ^= 0x01
    assert not seal.check_seal(bytes(changed)).intact


def test_the_render_task_is_idempotent(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    document = SignedDocument.objects.get(meeting=meeting)
    assert tasks.render_signed_pdf.delay(document.pk).get() == "nothing to do"
    assert SignedDocument.objects.count() == 1
    assert SignedDocument.objects.get().attempts == 1


def test_a_transient_failure_is_retried(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with mock.patch.object(tasks.render_signed_pdf, "delay"):  # the worker is slow to pick it up
        sign_all(cast, meeting)
    document = SignedDocument.objects.get()
    # The retry is scheduled (not run at once, as in-process Celery would): a worker picks it up after its back-off.
    with (
        mock.patch.object(tasks, "build_signed_pdf", side_effect=OSError("disk full")),
        mock.patch.object(tasks.render_signed_pdf, "retry", side_effect=Retry("scheduled")) as retry,
    ):
        first = tasks.render_signed_pdf.apply(args=[document.pk], throw=False)
    assert retry.call_args.kwargs["countdown"] == tasks.PDF_RETRY_BACKOFF[0]
    assert first.state == "RETRY"
    document.refresh_from_db()
    assert (document.status, document.attempts) == (SignedDocument.Status.PENDING, 1)
    assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "done"  # the retry, after its back-off
    document.refresh_from_db()
    assert (document.status, document.attempts) == (SignedDocument.Status.DONE, 2)


def test_a_permanent_failure_is_shown_and_can_be_tried_again(
    cast, meeting, sign_all, django_capture_on_commit_callbacks
):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with mock.patch.object(seal, "seal", side_effect=seal.SigningUnavailable("Inget signeringscertifikat")):
        sign_all(cast, meeting)
    document = SignedDocument.objects.get()
    assert document.status == SignedDocument.Status.FAILED and "Inget signeringscertifikat" in document.error
    with django_capture_on_commit_callbacks(execute=True):
        justering.document_retry(actor=None, document=document)
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.DONE


def test_a_correction_is_a_new_visible_record(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    item = meeting.items.get(number=3)
    correction = justering.correction_add(actor=None, item=item, text="Datumet i § 3 ska vara 2 mars.")
    item.refresh_from_db()
    assert item.text == "<p>Dagordningen.</p>" and correction.item == item


def test_signing_at_the_same_moment_records_both(cast, meeting):
    """Sequentially here; the meeting row is locked with select_for_update on PostgreSQL (see the e2e test)."""
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    justering.protocol_sign(actor=cast.user("chair"), meeting=meeting, revision_number=1, method="password")
    justering.protocol_sign(actor=cast.user("member"), meeting=meeting, revision_number=1, method="mfa")
    assert Signature.objects.filter(status="signed").count() == 2


def test_omedelbar_justering_signs_the_marked_paragraphs_on_their_own(
    cast, meeting, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError, match="Markera först"):
        justering.extract_send_for_justering(actor=None, meeting=meeting)
    item = meeting.items.get(number=3)
    services.item_update_details(actor=None, item=item, immediate_justering=True)
    extract = justering.extract_send_for_justering(actor=None, meeting=meeting)
    assert extract.kind == "extract" and extract.item_ids == [item.pk]
    assert [i["number"] for i in extract.snapshot["items"]] == [3]
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(
                actor=cast.user(key), meeting=meeting, revision_number=extract.number, method="password"
            )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT  # the rest of the protocol is still being written
    document = SignedDocument.objects.get(revision=extract)
    with document.file.open("rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Protokollsutdrag" in text and "§ 3 Godkännande av dagordningen" in text and "§ 1" not in text
    with pytest.raises(ValidationError, match="omedelbart justerad"):
        services.item_save_text(actor=None, item_id=item.pk, heading="X", text="Y", base_version=item.version)
    other = meeting.items.get(number=1)
    services.item_save_text(actor=None, item_id=other.pk, heading=other.heading, text="<p>Ok</p>", base_version=1)
    full = justering.protocol_send_for_justering(actor=None, meeting=meeting)
    assert full.kind == "full" and full.number == extract.number + 1
    assert len(full.snapshot["items"]) == 4


def test_a_timestamp_authority_that_does_not_answer_is_retried(cast, meeting, sign_all):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with mock.patch.object(tasks.render_signed_pdf, "delay"):
        sign_all(cast, meeting)
    document = SignedDocument.objects.get()
    with (
        mock.patch.object(seal, "seal", side_effect=seal.TimestampUnavailable("Tidsstämpeltjänsten svarade inte")),
        mock.patch.object(tasks.render_signed_pdf, "retry", side_effect=Retry("scheduled")) as retry,
    ):
        assert tasks.render_signed_pdf.apply(args=[document.pk], throw=False).state == "RETRY"
    assert retry.call_args.kwargs["countdown"] == tasks.PDF_RETRY_BACKOFF[0]
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.PENDING and not document.error


def test_a_meeting_that_has_not_been_held_cannot_be_sent_for_justering(cast):
    meeting = ready_to_send(cast, date=timezone.localdate() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="har inte hållits än"):
        justering.protocol_send_for_justering(actor=None, meeting=meeting)
    meeting.items.filter(number=3).update(immediate_justering=True)
    with pytest.raises(ValidationError, match="har inte hållits än"):
        justering.extract_send_for_justering(actor=None, meeting=meeting)
    assert not meeting.revisions.exists()


def test_a_meeting_of_today_can_be_sent(cast):
    meeting = ready_to_send(cast, date=timezone.localdate())
    assert justering.protocol_send_for_justering(actor=None, meeting=meeting).number == 1
