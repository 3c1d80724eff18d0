"""Queue e-mail: one outbox row per recipient, in the caller's transaction, delivered by a task after commit."""

from collections.abc import Iterable

from meetings.models import Decision, Meeting, OutgoingMail
from meetings.outbox import tasks


def mail_queue(
    *,
    kind: str,
    recipients: Iterable[str | None],
    subject: str,
    body: str,
    meeting: Meeting | None = None,
    attachment_name: str = "",
    attachment: str = "",
    attachment_file: str = "",
    decision: Decision | None = None,
) -> list[OutgoingMail]:
    """Record the e-mail for every distinct address. Call it inside the transaction of the change it tells about, so
    the e-mail exists exactly when the change does; if the broker is down, the sweep delivers it later."""
    rows = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            kind=kind,
            meeting=meeting,
            recipient=address,
            subject=subject,
            body=body,
            attachment_name=attachment_name,
            attachment=attachment,
            attachment_file=attachment_file,
            decision=decision,
        )
        for address in sorted({a for a in recipients if a})
    )
    if rows:
        tasks.mail_deliver.delay_on_commit([row.pk for row in rows])
    return rows
