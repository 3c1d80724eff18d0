"""Queue e-mail: one outbox row per recipient, in the caller's transaction, delivered by a task after commit.

The rate of outgoing mail: a federation, and a user, send at most FINSAM_MAIL_PER_FEDERATION_HOUR and
FINSAM_MAIL_PER_USER_HOUR e-mails in any hour. What is over waits in the outbox with a later `send_after` and the sweep
sends it then. It is never dropped and the write that caused it is never refused: the e-mail follows from work that is
already done (a kallelse ordered, a protocol justerat and sealed), and a secretary expects that work to stand and its
e-mail to arrive, late rather than not at all. The cap on one decision's recipients is where a typed list is refused.
"""

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from federations.models import Federation
from federations.selectors import languages_by_address
from finsam.audit import log_action
from finsam.types import Actor, signed_in
from meetings.models import Decision, Meeting, OutgoingMail
from meetings.outbox import tasks

HOUR = datetime.timedelta(hours=1)


def mail_queue(
    *,
    kind: str,
    recipients: Iterable[str | None],
    subject: str,
    body: str,
    actor: Actor = None,
    meeting: Meeting | None = None,
    attachment_name: str = "",
    attachment: str = "",
    attachment_file: str = "",
    decision: Decision | None = None,
) -> list[OutgoingMail]:
    """Record the e-mail for every distinct address. Call it inside the transaction of the change it tells about, so
    the e-mail exists exactly when the change does; if the broker is down, the sweep delivers it later. `actor` is
    the user whose action causes the e-mail (None for the system): it counts against that user's rate."""
    addresses = sorted({a for a in recipients if a})
    if not addresses:
        return []
    user = signed_in(actor)
    federation = _federation_locked(meeting)
    now = timezone.now()
    times = send_times(federation=federation, user=user, count=len(addresses), now=now)
    rows = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            kind=kind,
            meeting=meeting,
            federation=federation,
            queued_by=user,
            send_after=send_after,
            recipient=address,
            subject=subject,
            body=body,
            attachment_name=attachment_name,
            attachment=attachment,
            attachment_file=attachment_file,
            decision=decision,
        )
        for address, send_after in zip(addresses, times, strict=True)
    )
    due = [row.pk for row in rows if row.send_after <= now]
    if due:
        tasks.mail_deliver.delay_on_commit(due)
    if len(rows) > 1:  # a bulk send: who sent how much, and how much the rate holds back
        log_action(
            "meetings.mail.queued",
            actor=actor,
            obj=decision or meeting,
            federation=federation,
            kind=kind,
            recipients=len(rows),
            held_back=len(rows) - len(due),
            last_send_after=max(times).isoformat(),
        )
    return rows


def mail_queue_translated(
    *, recipients: Iterable[str | None], compose: Callable[[str], tuple[str, str]], **fields: Any
) -> list[OutgoingMail]:
    """mail_queue for recipients who read different languages: `compose(language)` gives (subject, body) in that
    language, once for each language among the recipients: each person's chosen one
    (federations.selectors.languages_by_address), else the portal's own. `fields` are mail_queue's others."""
    rows: list[OutgoingMail] = []
    for language, group in addresses_by_language(recipients):
        with translation.override(language):
            subject, body = compose(language)
        rows += mail_queue(recipients=group, subject=subject, body=body, **fields)
    return rows


def addresses_by_language(recipients: Iterable[str | None]) -> list[tuple[str, list[str]]]:
    """(language, addresses) for each language among the recipients: each person's chosen one
    (federations.selectors.languages_by_address), else the portal's own; in order, each address once."""
    addresses = sorted({a for a in recipients if a})
    chosen = languages_by_address(addresses)
    by_language: dict[str, list[str]] = {}
    for address in addresses:
        by_language.setdefault(chosen.get(address.lower(), settings.LANGUAGE_CODE), []).append(address)
    return sorted(by_language.items())


def _federation_locked(meeting: Meeting | None) -> Federation | None:
    """The federation the e-mail is sent for, locked until commit: two transactions queueing for one federation take
    their turns, so neither schedules into the hour the other just filled."""
    federation_id = meeting.body.federation_id if meeting is not None else None
    if federation_id is None:
        return None
    return Federation.objects.select_for_update().get(pk=federation_id)


def send_times(
    *, federation: Federation | None, user: object | None, count: int, now: datetime.datetime
) -> list[datetime.datetime]:
    """When each of `count` new e-mails may go: now, or as soon as the federation's and the user's last hour has room.

    Each sender's send times are kept in order (a new e-mail never goes before one queued earlier), so "at most N in
    any hour" holds when each new e-mail goes no earlier than an hour after the N-th last one of each sender. A user
    held back in one federation is held back in the next as well; that is the price of the ordering, and rare."""
    senders = []
    if federation is not None:
        senders.append((Q(federation=federation), settings.FINSAM_MAIL_PER_FEDERATION_HOUR))
    if user is not None:
        senders.append((Q(queued_by=user), settings.FINSAM_MAIL_PER_USER_HOUR))
    schedules = []
    for sent_by, limit in senders:
        recent = (
            OutgoingMail.objects.filter(sent_by, send_after__gt=now - HOUR)
            .order_by("-send_after")
            .values_list("send_after", flat=True)[:limit]
        )
        schedules.append((sorted(recent), limit))
    times = []
    for _ in range(count):
        at = now
        for scheduled, limit in schedules:
            if scheduled:
                at = max(at, scheduled[-1])
            if len(scheduled) >= limit:
                at = max(at, scheduled[-limit] + HOUR)
        for scheduled, _limit in schedules:
            scheduled.append(at)
        times.append(at)
    return times
