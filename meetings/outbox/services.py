"""Queue e-mail: one outbox row per recipient, in the caller's transaction, delivered by a task after commit."""

from meetings.models import OutgoingMail
from meetings.outbox import tasks


def mail_queue(*, kind, recipients, subject, body, meeting=None, attachment_name="", attachment=""):
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
        )
        for address in sorted({a for a in recipients if a})
    )
    if rows:
        tasks.mail_deliver.delay_on_commit([row.pk for row in rows])
    return rows
