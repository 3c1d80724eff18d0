"""Justering pages for every persona; signing needs re-authentication; the notice board and verification."""

import datetime
import io
from html.parser import HTMLParser

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from finsam.models import AuditEntry
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.justering.tasks import signature_rows
from meetings.models import Correction, ItemComment, Meeting, Signature, SignedDocument
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting

pytestmark = on_the_tests_day


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    services.decision_save(actor=None, item=meeting.items.get(number=3), text="Styrelsen beslutar att godkänna.")
    return meeting


@pytest.fixture
def sent(meeting):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    return meeting


@pytest.fixture
def justerat(cast, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(actor=cast.user(key), meeting=sent, revision_number=1, method="password")
    sent.refresh_from_db()
    return sent


@pytest.mark.parametrize(("key", "status"), [("chair", 200), ("member", 200), ("secretary", 200), ("outsider", 404)])
def test_the_justering_page_follows_the_roles(client_for, sent, key, status):
    assert client_for(key).get(f"/moten/{sent.pk}/justering/").status_code == status


def test_a_signer_sees_the_protocol_and_the_forms(client_for, sent):
    html = client_for("member").get(f"/moten/{sent.pk}/justering/").content.decode()
    assert "Justera protokollet" in html and "Skicka tillbaka" in html and "Kommentar till § 3" in html


@pytest.mark.parametrize("page", ["justering", "forhandsgranska"])
def test_an_english_reader_reads_the_protocol_as_it_will_be_printed_in_swedish_and_marked_so(client_for, sent, page):
    """The preview is the protocol the PDF prints, which is Swedish: its rows said "Body", "Decision", "Assignments"
    around Swedish text and role names, and nothing told a screen reader the text was Swedish (WCAG 3.1.2)."""
    client = client_for("member")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(f"/moten/{sent.pk}/{page}/").content.decode()
    article = html[html.index('<article class="protocol-preview card"') : html.index("</article>")]
    assert article.startswith('<article class="protocol-preview card" lang="sv">')
    assert '<th scope="row">Organ</th>' in article and '<th scope="row">Body</th>' not in article
    assert "1 mars 2026" in article
    if page == "justering":  # what the signer does here is in the reader's language
        assert 'class="comment-form" lang="en"' in article and "Comment on § 3" in article


def test_the_start_page_lists_what_waits_for_a_signer(client_for, sent):
    html = client_for("chair").get("/").content.decode()
    assert "Att justera senast" in html


@pytest.mark.parametrize(("key", "status"), [("substitute", 403), ("outsider", 404), ("admin", 403)])
def test_only_signers_may_comment_or_send_back(client_for, sent, key, status):
    item = sent.items.get(number=3)
    client = client_for(key)
    assert (
        client.post(f"/moten/{sent.pk}/justering/paragrafer/{item.pk}/kommentar/", {"text": "x"}).status_code == status
    )
    assert client.post(f"/moten/{sent.pk}/justering/skicka-tillbaka/", {"reason": "x"}).status_code == status


def test_signing_asks_for_the_password_again(client_for, cast, sent):
    client = client_for("chair")  # signed in without an authentication record: not fresh
    response = client.get(f"/moten/{sent.pk}/justering/signera/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")
    assert client.post(f"/moten/{sent.pk}/justering/signera/", {"revision": 1}).status_code == 302
    assert not Signature.objects.filter(status="signed").exists()
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    assert client.get(f"/moten/{sent.pk}/justering/signera/").status_code == 200
    client.post(
        f"/moten/{sent.pk}/justering/signera/", {"revision": 1}, REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="Testläsare"
    )
    signature = Signature.objects.get(person=cast.chair)
    assert signature.status == "signed" and signature.method == "password"
    assert (signature.ip_address, signature.user_agent) == ("10.1.2.3", "Testläsare")


def test_a_stale_revision_gets_a_clear_message(client_for, cast, sent):
    client = client_for("chair")
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    response = client.post(f"/moten/{sent.pk}/justering/signera/", {"revision": 7}, follow=True)
    assert "Protokollet har ändrats sedan du öppnade det" in response.content.decode()


def test_a_signer_who_read_a_replaced_revision_is_sent_back_to_read_the_new_one(client_for, cast, sent):
    """The chair read revision 1 and left the page open; the secretary took it back, changed a decision and sent
    revision 2. The chair's "Justera protokollet" leads back to the protocol with a message, not to signing
    revision 2 unread, and before any password is asked: the re-authentication page would name revision 1 as what
    the chair is about to sign, a revision nobody can sign any more."""
    client = client_for("chair")
    page = client.get(f"/moten/{sent.pk}/justering/").content.decode()
    link = f"/moten/{sent.pk}/justering/signera/?revision=1"
    assert link in page
    justering.protocol_reopen(actor=cast.user("secretary"), meeting=sent)
    decision = sent.items.get(number=3).decisions.get()
    services.decision_save(actor=None, item=decision.item, decision=decision, text="Styrelsen beslutar att avslå.")
    justering.protocol_send_for_justering(actor=None, meeting=sent)
    response = client.get(link, follow=True)  # no password asked: the revision read is gone
    assert [url for url, _status in response.redirect_chain] == [f"/moten/{sent.pk}/justering/"]
    assert "Protokollet har ändrats sedan du öppnade det" in response.content.decode()
    assert f"/moten/{sent.pk}/justering/signera/?revision=2" in response.content.decode()
    password_page = client.get(f"/moten/{sent.pk}/justering/signera/?revision=2", follow=True).content.decode()
    assert "revision 2," in password_page and "revision 1," not in password_page

    client.post("/accounts/reauthenticate/", {"password": cast.password})
    response = client.get(link, follow=True)  # re-authenticated: still sent back to read revision 2
    assert response.redirect_chain[-1][0] == f"/moten/{sent.pk}/justering/"
    assert not Signature.objects.filter(person=cast.chair, status="signed").exists()
    current = client.get(f"/moten/{sent.pk}/justering/signera/?revision=2")
    assert current.status_code == 200 and "revision 2." in current.content.decode()


def test_the_back_button_after_signing_says_it_is_signed_rather_than_showing_the_form_again(client_for, cast, sent):
    """On a phone the back button after "Jag justerar protokollet" reloads the sign page: the form again, with its
    button, read as if the signature had not taken (and a second tap was refused as 'nothing left to sign')."""
    client = client_for("chair")
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    client.post(f"/moten/{sent.pk}/justering/signera/?revision=1", {"revision": 1})
    assert Signature.objects.get(person=cast.chair, revision__number=1).status == "signed"

    response = client.get(f"/moten/{sent.pk}/justering/signera/?revision=1", follow=True)
    assert response.redirect_chain[-1][0] == f"/moten/{sent.pk}/justering/"
    html = response.content.decode()
    assert "Du har redan justerat revision 1." in html and "Jag justerar protokollet" not in html
    # Whoever has not signed yet still gets the form.
    member = client_for("member")
    member.post("/accounts/reauthenticate/", {"password": cast.password})
    assert "Jag justerar protokollet" in member.get(f"/moten/{sent.pk}/justering/signera/?revision=1").content.decode()


def test_the_secretary_sends_and_takes_back(client_for, meeting):
    client = client_for("secretary")
    client.post(f"/moten/{meeting.pk}/justering/skicka/", {"deadline": "2026-03-20"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.IN_JUSTERING
    assert meeting.revisions.get().deadline.isoformat() == "2026-03-20"
    client.post(f"/moten/{meeting.pk}/justering/ta-tillbaka/")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_a_member_cannot_send_for_justering(client_for, meeting):
    assert client_for("member").post(f"/moten/{meeting.pk}/justering/skicka/").status_code == 403


def test_the_pdf_is_downloaded_and_public_after_review(client_for, justerat):
    """The public is refused by the fetcher (a justerat record is public only once reviewed): 404, then the PDF."""
    assert client_for("member").get(f"/moten/{justerat.pk}/protokoll.pdf").status_code == 200
    assert client_for(None).get(f"/moten/{justerat.pk}/protokoll.pdf").status_code == 404
    client_for("secretary").post(f"/moten/{justerat.pk}/justering/granskad/")
    response = client_for(None).get(f"/moten/{justerat.pk}/protokoll.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_pdf_status_fragment_polls_until_done(client_for, sent):
    html = client_for("secretary").get(f"/moten/{sent.pk}/justering/pdf-status/").content.decode()
    assert "Ingen PDF ännu." in html


def test_the_notice_board_shows_the_notice_and_the_pdf_only_after_review(
    client_for, justerat, django_assert_num_queries
):
    html = client_for(None).get("/anslagstavla/").content.decode()
    assert "Styrelse" in html and "§ 1–4" in html
    assert "Protokollet kan begäras från förbundet." in html
    Meeting.objects.filter(pk=justerat.pk).update(reviewed_at=timezone.now())
    # notices with meetings, bodies and owners; their numbered items; their finished documents
    with django_assert_num_queries(3):
        html = Client().get("/anslagstavla/").content.decode()
    assert f"/moten/{justerat.pk}/protokoll.pdf" in html


def pdf_of(meeting):
    with SignedDocument.objects.get(meeting=meeting).file.open("rb") as handle:
        return handle.read()


def test_verifying_by_checksum_and_bad_input(client_for, justerat):
    digest = SignedDocument.objects.get(meeting=justerat).sha256
    assert "Känt protokoll" in client_for(None).post("/verifiera/", {"sha256": digest.upper()}).content.decode()
    assert "64 tecken" in client_for(None).post("/verifiera/", {"sha256": "nej"}).content.decode()
    html = client_for(None).post("/verifiera/", {"file": SimpleUploadedFile("x.pdf", b"hello")}).content.decode()
    assert "Filen är inte en PDF." in html
    assert client_for(None).get("/verifiera/").status_code == 200


def test_a_correction_is_added_to_a_justerat_protocol(client_for, justerat):
    item = justerat.items.get(number=3)
    client_for("secretary").post(
        f"/moten/{justerat.pk}/paragrafer/{item.pk}/rattelse/", {"text": "Rätt datum är 2 mars."}
    )
    assert "Rätt datum är 2 mars." in client_for("member").get(f"/moten/{justerat.pk}/").content.decode()
    assert (
        client_for("member").post(f"/moten/{justerat.pk}/paragrafer/{item.pk}/rattelse/", {"text": "x"}).status_code
        == 403
    )


@pytest.mark.bench
def test_the_bench_pdf_command_prints_its_figures():
    import gc

    from django.core.management import call_command

    out = io.StringIO()
    # A test before this one in the same process may have settled it (finsam.startup), and a frozen object that dies
    # lowers the count: start unsettled, as a management command does.
    gc.unfreeze()
    call_command("bench_pdf", "--runs", "1", stdout=out)
    assert out.getvalue().strip().splitlines()[-1].startswith("pdf render+seal ")
    assert gc.get_freeze_count() == 0  # settled as a worker only while it measured


def test_the_secretary_sends_the_immediate_paragraphs_and_a_signer_signs_the_extract(
    client_for, cast, meeting, django_capture_on_commit_callbacks
):
    item = meeting.items.get(number=3)
    services.item_update_details(actor=None, item=item, immediate_justering=True)
    secretary = client_for("secretary")
    html = secretary.get(f"/moten/{meeting.pk}/justering/").content.decode()
    assert "Skicka de omedelbart justerade paragraferna på justering" in html
    secretary.post(f"/moten/{meeting.pk}/justering/utdrag/")
    extract = meeting.revisions.get(kind="extract")
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("chair", "member", "secretary"):
            client = client_for(key)
            client.post("/accounts/reauthenticate/", {"password": cast.password})
            assert (
                "revision "
                in client.get(f"/moten/{meeting.pk}/justering/signera/?revision={extract.number}").content.decode()
            )
            client.post(f"/moten/{meeting.pk}/justering/signera/", {"revision": extract.number})
    response = client_for("member").get(f"/moten/{meeting.pk}/protokollsutdrag-{extract.number}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert client_for("outsider").get(f"/moten/{meeting.pk}/protokollsutdrag-{extract.number}.pdf").status_code == 404


def test_a_signer_reads_what_will_be_printed_attendance_reservations_and_assignments(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    decision = item.decisions.get()
    services.reservation_set(
        actor=None,
        decision=decision,
        attendance=meeting.attendances.get(person=cast.member),  # a decision maker: only they may reserve
        reason="Frågan borde ha beretts först.",
    )
    services.assignment_create(actor=None, item=item, what="Ta fram en ny tidplan.", owner=cast.secretary)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    html = client_for("member").get(f"/moten/{meeting.pk}/justering/").content.decode()
    for printed in [
        "Beslutande",
        "Cecilia Ordförande",
        "Utses att justera",
        "Maja Ledamot reserverar sig mot beslutet",
        "Frågan borde ha beretts först.",
        "Uppdrag",
        "Ta fram en ny tidplan.",
    ]:
        assert printed in html, printed


def test_decisions_win_legal_force_the_day_after_the_last_day_to_appeal(justerat):
    notice = justerat.anslag
    assert justerat.legal_standing(today=notice.appeal_until) == ("anslaget", notice.appeal_until)
    after = notice.appeal_until + datetime.timedelta(days=1)
    assert justerat.legal_standing(today=after) == ("laga_kraft", after)


def test_a_secretary_records_an_appeal_and_the_protocol_shows_it(client_for, justerat):
    client = client_for("secretary")
    url = f"/moten/{justerat.pk}/overklagande/"
    assert client.get(url).status_code == 200
    today = timezone.localdate().isoformat()
    response = client.post(url, {"paragraphs": "§ 3", "received_on": today, "court": "Förvaltningsrätten i Linköping"})
    assert response.status_code == 302
    assert justerat.legal_standing() == ("overklagat", None)
    page = client_for("member").get(f"/moten/{justerat.pk}/").content.decode()
    assert "Överklagat" in page and "Förvaltningsrätten i Linköping" in page


def test_an_appeal_received_in_the_future_is_refused_and_the_form_keeps_the_text(client_for, justerat):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client_for("secretary").post(
        f"/moten/{justerat.pk}/overklagande/", {"paragraphs": "§ 3", "received_on": tomorrow, "note": "Kom per post."}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "kan inte ligga i framtiden" in html and "Kom per post." in html
    assert not justerat.appeals.exists()


def test_a_draft_cannot_be_appealed(client_for, meeting):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/overklagande/", {"paragraphs": "§ 3", "received_on": "2026-03-02"}
    )
    assert "Bara ett justerat och anslaget protokoll kan överklagas." in response.content.decode()
    assert not meeting.appeals.exists()


@pytest.mark.parametrize(("key", "status"), [("member", 403), ("chair", 403), ("outsider", 404), (None, 302)])
def test_only_the_secretary_records_appeals(client_for, justerat, key, status):
    assert client_for(key).get(f"/moten/{justerat.pk}/overklagande/").status_code == status


@pytest.mark.parametrize("size", [1, 6])
def test_the_justering_page_runs_a_fixed_number_of_queries(client_for, cast, meeting, django_assert_num_queries, size):
    for i in range(size):
        item = services.item_add(actor=None, meeting=meeting, heading=f"Ärende {i}")
        services.decision_save(actor=None, item=item, text=f"Styrelsen beslutar {i}.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    for item in meeting.items.all()[:size]:
        justering.comment_add(actor=cast.user("member"), meeting=meeting, item=item, text="Stavfel.")
    client = client_for("member")
    # meeting; session, user, person, staff roles, mandates (roles); current revision; its signatures; document;
    # notice; is a signer; earlier revisions; extracts; §§ marked for immediate justering; comments with authors;
    # the federation's signing methods (the member has a justering to do).
    # The protocol itself is read from the revision's snapshot, however many §§ and comments it has.
    with django_assert_num_queries(16):
        assert client.get(f"/moten/{meeting.pk}/justering/").status_code == 200


@pytest.mark.parametrize(("key", "status"), [("secretary", 200), ("member", 200), ("outsider", 404), (None, 404)])
def test_the_print_preview_of_a_draft_follows_the_roles(client_for, meeting, key, status):
    response = client_for(key).get(f"/moten/{meeting.pk}/forhandsgranska/")
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Beslutande" in html and "Styrelsen beslutar att godkänna." in html


@pytest.mark.parametrize("size", [1, 6])
def test_the_print_preview_runs_a_fixed_number_of_queries(client_for, meeting, django_assert_num_queries, size):
    for i in range(size):
        item = services.item_add(actor=None, meeting=meeting, heading=f"Ärende {i}")
        services.decision_save(actor=None, item=item, text=f"Styrelsen beslutar {i}.")
    client = client_for("secretary")
    # meeting; session, user, person, staff roles, mandates (roles); the snapshot: justerare, attendance, items
    # with their decisions, reservations, assignments, recusals and the rest, the named votes of every votering (with
    # the voters), the people each decision is sent to, each one query however many §§
    with django_assert_num_queries(21):
        assert client.get(f"/moten/{meeting.pk}/forhandsgranska/").status_code == 200


NUL = "Bra\x00 text"


def test_a_nul_character_in_a_comment_is_refused_with_a_message(client_for, sent):
    item = sent.items.get(number=3)
    response = client_for("member").post(
        f"/moten/{sent.pk}/justering/paragrafer/{item.pk}/kommentar/", {"text": NUL}, follow=True
    )
    assert response.status_code == 200
    assert "Null-tecken är inte tillåtna." in response.content.decode()
    assert not ItemComment.objects.exists()


def test_a_nul_character_in_a_send_back_reason_is_refused_and_nothing_changes(client_for, sent):
    response = client_for("member").post(f"/moten/{sent.pk}/justering/skicka-tillbaka/", {"reason": NUL}, follow=True)
    assert "Null-tecken är inte tillåtna." in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == Meeting.Status.IN_JUSTERING
    assert not Signature.objects.exclude(status=Signature.Status.PENDING).exists()
    assert not AuditEntry.objects.filter(action="meetings.minutes.sent_back").exists()


def test_a_nul_character_in_a_correction_is_refused(client_for, justerat):
    item = justerat.items.get(number=3)
    response = client_for("secretary").post(
        f"/moten/{justerat.pk}/paragrafer/{item.pk}/rattelse/", {"text": NUL}, follow=True
    )
    assert "Null-tecken är inte tillåtna." in response.content.decode()
    assert not Correction.objects.exists()


def test_a_nul_character_in_the_user_agent_does_not_stop_a_signature(client_for, cast, sent):
    client = client_for("chair")
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    client.post(f"/moten/{sent.pk}/justering/signera/", {"revision": 1}, HTTP_USER_AGENT="Läsare\x00/1.0")
    assert Signature.objects.get(person=cast.chair).user_agent == "Läsare/1.0"


@pytest.fixture
def sent_back(cast, sent):
    item = sent.items.get(number=3)
    justering.comment_add(actor=cast.user("member"), meeting=sent, item=item, text="Stryk andra meningen.")
    justering.protocol_send_back(actor=cast.user("member"), meeting=sent, reason="Beslutet saknar belopp.")
    return sent


def test_the_start_page_tells_the_secretary_who_sent_the_protocol_back_and_why(client_for, cast, sent_back):
    html = client_for("secretary").get("/").content.decode()
    assert f"Skickat tillbaka av {cast.member.name}" in html
    assert "Beslutet saknar belopp." in html


def test_a_send_back_of_an_earlier_revision_is_not_shown_once_a_new_one_is_taken_back(client_for, sent_back):
    justering.protocol_send_for_justering(actor=None, meeting=sent_back)
    justering.protocol_reopen(actor=None, meeting=sent_back)
    html = client_for("secretary").get("/").content.decode()
    assert "Beslutet saknar belopp." not in html and "Utkast att skriva" in html


def test_the_editor_shows_each_comment_beside_its_paragraph(client_for, cast, sent_back):
    html = client_for("secretary").get(f"/moten/{sent_back.pk}/").content.decode()
    section = html[html.index(f'id="p{sent_back.items.get(number=3).pk}"') :]
    section = section[: section.index("</section>")]
    assert f"Kommentar från {cast.member.name}" in section and "Stryk andra meningen." in section


def test_lapsed_signatures_say_why_before_any_new_revision_exists(client_for, sent_back):
    html = client_for("secretary").get(f"/moten/{sent_back.pk}/justering/").content.decode()
    assert "Upphävd (ny revision)" not in html
    assert "Upphävd (protokollet skickades tillbaka)" in html


def test_signatures_of_a_replaced_revision_say_a_new_revision_exists(client_for, sent_back):
    justering.protocol_send_for_justering(actor=None, meeting=sent_back)
    html = client_for("secretary").get(f"/moten/{sent_back.pk}/justering/").content.decode()
    assert "upphävd (ny revision)" in html


@pytest.mark.parametrize("size", [1, 6])
def test_a_sent_back_draft_runs_a_fixed_number_of_queries(client_for, cast, sent_back, django_assert_num_queries, size):
    for i in range(size):
        item = services.item_add(actor=None, meeting=sent_back, heading=f"Ärende {i}")
        ItemComment.objects.create(item=item, revision=sent_back.revisions.get(), author=cast.member, text=f"K {i}")
    client = client_for("secretary")
    # The meeting page's 23 (test_the_meeting_page_runs_a_fixed_number_of_queries) and, for a draft only, the
    # signers' comments on the latest revision with their authors (one query).
    with django_assert_num_queries(24):
        assert client.get(f"/moten/{sent_back.pk}/").status_code == 200


def test_a_signature_at_half_past_eleven_utc_reads_as_swedish_time(client_for, cast, sent):
    """23:30 UTC on 4 December is 00:30 on 5 December in Stockholm: the page and the verifikat print Swedish time."""
    with time_machine.travel(datetime.datetime(2026, 12, 4, 23, 30, 5, tzinfo=datetime.UTC), tick=False):
        justering.protocol_sign(actor=cast.user("chair"), meeting=sent, revision_number=1, method="password")
    html = client_for("chair").get(f"/moten/{sent.pk}/justering/").content.decode()
    assert "5 december 2026 00:30:05" in html and "Tid (svensk tid)" in html and "23:30" not in html
    [row] = signature_rows(sent.revisions.get(number=1))
    assert row["signed_at"] == "5 december 2026 kl. 00:30:05"


def test_the_deadline_is_shown_only_while_the_protocol_waits_for_justering(client_for, sent, justerat):
    html = client_for("chair").get(f"/moten/{justerat.pk}/justering/").content.decode()
    assert "Revision 1." in html and "justeras senast" not in html


@pytest.mark.parametrize(
    "typed, message",
    [
        ("2026-02-31", "Sista dag för justering är inget giltigt datum (skriv det som ÅÅÅÅ-MM-DD)."),
        ("2000-01-01", "Sista dag för justering kan inte vara före mötet"),
    ],
)
def test_a_deadline_that_is_no_date_or_before_the_meeting_is_refused(client_for, meeting, typed, message):
    response = client_for("secretary").post(f"/moten/{meeting.pk}/justering/skicka/", {"deadline": typed}, follow=True)
    assert message in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status != Meeting.Status.IN_JUSTERING and not meeting.revisions.exists()


def test_a_signer_renamed_in_the_register_afterwards_keeps_the_name_they_signed_with(client_for, cast, sent):
    """The verifikat is printed (and may be printed again) from the record: a marriage or a typo mended in the
    register later does not change who signed."""
    justering.protocol_sign(actor=cast.user("chair"), meeting=sent, revision_number=1, method="password")
    signed_as = cast.chair.name
    cast.chair.name = "Karin Nyttnamn"
    cast.chair.save()
    [row] = signature_rows(sent.revisions.get(number=1))
    assert row["name"] == signed_as
    html = client_for("chair").get(f"/moten/{sent.pk}/justering/").content.decode()
    assert signed_as in html


def test_a_signer_asked_again_two_revisions_later_sees_every_change_since_they_sent_it_back(
    client_for, cast, sent_back
):
    """The page showed only the changes from revision 2 to 3: what the secretary changed after the send-back, in
    revision 2, was nowhere, nor the comment that asked for it."""
    decision = sent_back.items.get(number=3).decisions.get()
    services.decision_save(actor=None, item=decision.item, decision=decision, text="Styrelsen beslutar att avslå.")
    justering.protocol_send_for_justering(actor=None, meeting=sent_back)  # revision 2
    justering.protocol_reopen(actor=cast.user("secretary"), meeting=sent_back)
    services.item_add(actor=None, meeting=sent_back, heading="Övriga frågor")
    justering.protocol_send_for_justering(actor=None, meeting=sent_back)  # revision 3
    html = client_for("member").get(f"/moten/{sent_back.pk}/justering/").content.decode()
    assert "Ändringar sedan revision 1, den du senast justerade eller skickade tillbaka" in html
    mine = html.split("Ändringar sedan revision 1")[1].split("</details>")[0]
    assert "avslå" in mine and "Övriga frågor" in mine and "Stryk andra meningen." in mine
    chair = client_for("chair").get(f"/moten/{sent_back.pk}/justering/").content.decode()
    assert "Ändringar sedan revision 1" not in chair  # the chair did not act on revision 1


def test_a_rättelse_is_shown_where_the_justerat_protocol_is_downloaded(client_for, cast, justerat):
    """A rättelse was shown on the meeting page only: whoever took the sealed PDF from the justering page (it does
    not change) never learned that a § of it had been corrected."""
    item = justerat.items.get(number=3)
    justering.correction_add(actor=cast.user("secretary"), item=item, text="Beloppet ska vara 4 000 tkr.\nInte 40.")
    html = client_for("member").get(f"/moten/{justerat.pk}/justering/").content.decode()
    assert "Rättelser" in html
    assert f"§ 3 {item.heading}" in html and "Beloppet ska vara 4 000 tkr.<br>Inte 40." in html


def test_a_signer_of_an_extract_is_told_it_is_the_extract_and_of_which_paragraphs(client_for, cast, meeting):
    """Signing the extract of the §§ justerade at the meeting, the page said 'Du justerar protokollet …' over a
    button 'Jag justerar protokollet', and then 'Du har justerat protokollet.': the whole protocol, not yet signed."""
    item = meeting.items.get(number=3)
    services.item_update_details(actor=None, item=item, immediate_justering=True)
    justering.extract_send_for_justering(actor=None, meeting=meeting)
    extract = meeting.revisions.get(kind="extract")
    client = client_for("member")
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    page = client.get(f"/moten/{meeting.pk}/justering/signera/?revision={extract.number}").content.decode()
    assert f"Du justerar protokollsutdraget från Styrelse 1 mars 2026, revision {extract.number}: § 3." in page
    assert "Jag justerar protokollsutdraget" in page and "Jag justerar protokollet" not in page
    response = client.post(f"/moten/{meeting.pk}/justering/signera/", {"revision": extract.number}, follow=True)
    said = [str(m) for m in response.context["messages"]]
    assert said == ["Du har justerat protokollsutdraget."]


def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


class _Languages(HTMLParser):
    """The language of each piece of text of a page: that of the nearest element around it that says one."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, lang or None) of the open elements
        self.texts = []  # (language, text)

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        self.texts.append((next((lang for _tag, lang in reversed(self.stack) if lang), ""), data))


def languages_of(html, text):
    """The language each place `text` stands in on the page is marked with."""
    parser = _Languages()
    parser.feed(html)
    return [language for language, data in parser.texts if text in data]


def test_an_english_signer_is_told_the_headings_and_changes_quoted_on_the_justering_page_are_swedish(
    client_for, cast, sent
):
    """'Your comments on that revision: § 3 Godkännande av dagordningen: …' and the list of changes, on a page in
    English: a screen reader read the Swedish heading and the stored changes with English pronunciation (WCAG 3.1.2)."""
    item = sent.items.get(number=3)
    justering.comment_add(actor=cast.user("member"), meeting=sent, item=item, text="Stavfel i rubriken.")
    justering.protocol_send_back(actor=cast.user("member"), meeting=sent, reason="Se kommentaren.")
    services.item_update_details(actor=None, item=item, heading="Budget 2027")
    justering.protocol_send_for_justering(actor=None, meeting=sent)
    justering.protocol_reopen(actor=None, meeting=sent)
    services.item_update_details(actor=None, item=item, heading="Budget för 2027")
    justering.protocol_send_for_justering(actor=None, meeting=sent)
    html = english(client_for("member")).get(f"/moten/{sent.pk}/justering/").content.decode()
    listed = html[html.index("<details open>") : html.index("</details>")]
    assert '<html lang="en"' in html
    assert '<span class="content-heading" lang="sv">Budget för 2027</span>' in listed
    assert languages_of(html, "Ändrat: § 3") == ["sv", "sv"]  # since the member's revision 1, and since revision 2
    # wherever the heading stands: the list, the changes, the protocol, the comment button's name for a screen reader
    assert len(languages_of(html, "Budget för 2027")) >= 4 and set(languages_of(html, "Budget för 2027")) == {"sv"}


def test_an_english_secretary_is_told_a_correction_and_the_extracts_headings_are_swedish(client_for, cast, meeting):
    """The rättelser ('Correction 2026-03-02, § 3 Godkännande av dagordningen: …') and the extracts by e-mail, one
    row a §, quoted the record's Swedish in English rows, unmarked."""
    item = meeting.items.get(number=3)
    decision = item.decisions.get()
    services.decision_save(
        actor=None, item=item, decision=decision, text=decision.text, recipient_emails=["registrator@testby.se"]
    )
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    for key in ("chair", "member", "secretary"):
        justering.protocol_sign(actor=cast.user(key), meeting=meeting, revision_number=1, method="password")
    justering.correction_add(actor=cast.user("secretary"), item=item, text="Beloppet ska vara 4 000 tkr.")
    html = english(client_for("secretary")).get(f"/moten/{meeting.pk}/justering/").content.decode()
    assert '<html lang="en"' in html
    assert languages_of(html, "Beloppet ska vara 4 000 tkr.") == ["sv"]
    deliveries = html[html.index('id="extracts-mail-heading"') :]
    assert '§ 3 <span class="content-heading" lang="sv">Godkännande av dagordningen</span>' in deliveries
    assert set(languages_of(html, "Godkännande av dagordningen")) == {"sv"}
    corrections = html[html.index("<ul><li><strong>") :]
    assert '<span class="content-heading" lang="sv">Godkännande av dagordningen</span>:</strong>' in corrections
