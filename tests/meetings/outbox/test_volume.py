"""Mail volume: a decision's protokollsutdrag goes to at most the cap of recipients, and a federation and a user send
at most their hour's worth of e-mail; what is over waits in the outbox for the sweep, and is never dropped."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from finsam.models import AuditEntry
from meetings import tasks as sweeping
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import DecisionRecipient, OutgoingMail
from meetings.outbox.services import mail_queue
from tests.meetings.factories import plan_meeting

NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def decision(cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    item = meeting.items.get(number=3)
    return services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna dagordningen.")


def addresses(count, domain="testby.se"):
    return [f"mottagare{n}@{domain}" for n in range(count)]


def test_a_decision_takes_no_more_recipients_than_the_cap(cast, decision, settings):
    settings.FINSAM_EXTRACT_RECIPIENTS_MAX = 3
    save = {"actor": None, "item": decision.item, "decision": decision, "text": decision.text}
    with pytest.raises(ValidationError) as refused:
        services.decision_save(**save, recipient_emails=addresses(4))
    assert "högst 3 mottagare per beslut, inte 4" in str(refused.value)
    with pytest.raises(ValidationError):  # people and addresses count together
        services.decision_save(**save, recipient_people=[cast.chair, cast.member], recipient_emails=addresses(2))
    services.decision_save(**save, recipient_people=[cast.chair], recipient_emails=addresses(2))
    with pytest.raises(ValidationError):  # the addresses kept count when only people are given
        services.decision_save(**save, recipient_people=[cast.chair, cast.member])
    assert decision.addressees.count() == 3


def test_the_decision_form_says_how_many_recipients_it_takes(cast, decision, client):
    client.force_login(cast.user("secretary"))
    url = f"/moten/{decision.item.meeting_id}/paragrafer/{decision.item_id}/beslut/{decision.pk}/"
    form = {"text": decision.text, "outcome": "bifall", "method": "acklamation", "version": decision.version}
    response = client.post(url, {**form, "recipient_emails": "\n".join(addresses(3000))})
    page = response.content.decode()
    assert response.status_code == 200 and "högst 50 mottagare per beslut, inte 3000" in page
    assert not decision.addressees.exists()
    response = client.post(url, {**form, "recipient_emails": "\n".join(addresses(50))})
    assert response.status_code == 302 and decision.addressees.count() == 50


def test_an_older_decision_with_more_recipients_is_sent_to_the_cap_only(
    cast, decision, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.FINSAM_EXTRACT_RECIPIENTS_MAX = 4
    DecisionRecipient.objects.bulk_create(DecisionRecipient(decision=decision, email=a) for a in addresses(30))
    meeting = decision.item.meeting
    justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(actor=cast.user(key), meeting=meeting, revision_number=1, method="password")
    extracts = OutgoingMail.objects.filter(kind=OutgoingMail.Kind.EXTRACT)
    assert extracts.count() == 4 and {row.queued_by for row in extracts} == {cast.user("secretary")}
    assert len([m for m in mailoutbox if m.subject.startswith("Protokollsutdrag")]) == 4
    audit = AuditEntry.objects.get(action="meetings.mail.queued", data__kind="extract")
    assert audit.object_id == str(decision.pk) and audit.data["recipients"] == 4
    assert audit.actor == cast.user("secretary") and audit.federation == cast.federation


def _queue(meeting, count, actor=None, domain="testby.se"):
    return mail_queue(
        kind=OutgoingMail.Kind.SENT_BACK,
        meeting=meeting,
        recipients=addresses(count, domain),
        subject="Ämne",
        body="Text",
        actor=actor,
    )


def _no_hour_holds_more_than(limit, times):
    times = sorted(times)
    return all(later - earlier >= HOUR for earlier, later in zip(times, times[limit:], strict=False))


def test_a_federation_over_its_hourly_rate_waits_for_the_sweep_and_loses_nothing(
    cast, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.FINSAM_MAIL_PER_FEDERATION_HOUR = 5
    settings.FINSAM_SWEEP_AFTER_SECONDS = 0
    meeting = plan_meeting(cast)
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            rows = _queue(meeting, 8)
        assert [row.send_after for row in rows] == [NOW] * 5 + [NOW + HOUR] * 3
        assert len(mailoutbox) == 5  # the five due now went after commit (in-process here)
        assert sweeping.sweep()["mail"] == 0  # the sweep does not hurry the rest
        later = _queue(meeting, 3, domain="annan.se")  # queued later never goes before what waits
        assert [row.send_after for row in later] == [NOW + HOUR] * 2 + [NOW + 2 * HOUR]
    audit = AuditEntry.objects.get(action="meetings.mail.queued", data__recipients=8)
    assert audit.data["held_back"] == 3 and audit.federation == cast.federation
    with time_machine.travel(NOW + HOUR, tick=False):
        assert sweeping.sweep()["mail"] == 5
    with time_machine.travel(NOW + 2 * HOUR, tick=False):
        assert sweeping.sweep()["mail"] == 1
    assert len(mailoutbox) == 11 and not OutgoingMail.objects.filter(sent_at__isnull=True).exists()
    assert _no_hour_holds_more_than(5, OutgoingMail.objects.values_list("sent_at", flat=True))


def test_a_user_over_the_hourly_rate_waits_in_every_federation(cast, settings):
    settings.FINSAM_MAIL_PER_USER_HOUR = 3
    secretary = cast.user("secretary")
    ours = plan_meeting(cast)
    theirs = plan_meeting(cast, body=cast.other_board)
    with time_machine.travel(NOW, tick=False):
        first = _queue(ours, 2, actor=secretary)
        second = _queue(theirs, 2, actor=secretary, domain="annan.se")
        others = _queue(ours, 2, actor=cast.user("chair"), domain="tredje.se")  # not the secretary's rate
    assert [row.send_after for row in first + second] == [NOW, NOW, NOW, NOW + HOUR]
    assert [row.send_after for row in others] == [NOW, NOW]


def test_the_rate_holds_in_any_hour_as_mail_is_queued_over_the_day(cast, settings):
    settings.FINSAM_MAIL_PER_FEDERATION_HOUR = 7
    meeting = plan_meeting(cast)
    for minutes, count in [(0, 3), (10, 3), (25, 4), (50, 6), (70, 2), (130, 9), (135, 1)]:
        with time_machine.travel(NOW + datetime.timedelta(minutes=minutes), tick=False):
            _queue(meeting, count, domain=f"m{minutes}.se")
    assert _no_hour_holds_more_than(7, OutgoingMail.objects.values_list("send_after", flat=True))
    assert OutgoingMail.objects.count() == 28
