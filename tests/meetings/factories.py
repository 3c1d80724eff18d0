"""Meetings for tests, made through the same services a secretary uses."""

import datetime

from meetings.drafting import services


def plan_meeting(cast, *, date=datetime.date(2026, 3, 1), body=None, **extra):
    return services.meeting_create(
        actor=cast.user("secretary"),
        body=body or cast.board,
        date=date,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        chair=cast.chair,
        secretary=cast.secretary,
        **extra,
    )


def ready_to_send(cast, **extra):
    """A planned board meeting with the member elected justerare and a decision in § 3."""
    meeting = plan_meeting(cast, **extra)
    meeting.justerare.add(cast.member)
    services.decision_save(actor=None, item=meeting.items.get(number=3), text="Styrelsen beslutar att godkänna.")
    return meeting


def sign_all(cast, meeting, revision_number=1):
    """The chair, the justerare and the secretary sign: the protocol is justerat."""
    from meetings.justering import services as justering

    for key in ("chair", "member", "secretary"):
        justering.protocol_sign(
            actor=cast.user(key), meeting=meeting, revision_number=revision_number, method="password"
        )


def justera(cast, meeting):
    """Sent for justering (the member as justerare, unless the meeting has some) and signed by everyone, through the
    services: the protocol is justerat, indexed and posted. Its sealed PDF is queued on commit, which a test's
    transaction never reaches: it waits, pending, unless the test runs the callbacks
    (django_capture_on_commit_callbacks(execute=True)). The meeting must have been held (its date not after today)."""
    from meetings.justering import services as justering

    if not meeting.justerare.exists():
        services.meeting_update(actor=None, meeting=meeting, justerare=[cast.member])
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    meeting.refresh_from_db()
    return meeting
