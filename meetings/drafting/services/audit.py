"""The audit entry every drafting write leaves, under the federation of the meeting it belongs to; and what it tells
of a form sent twice."""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from finsam.audit import log_action
from finsam.models import AuditEntry
from finsam.types import Actor
from meetings.models import Meeting

Row = TypeVar("Row", bound=Model)


def audit(action: str, actor: Actor, obj: Model, meeting: Meeting, **data: Any) -> None:
    log_action(action, actor=actor, obj=obj, federation=meeting.body.federation, **data)


class AlreadyAdded(Exception):
    """A form that adds a row (a §, a decision, an uppdrag, a signer's comment, a rättelse) was sent again: a
    double click, a resend after a slow answer, back and send again. Its row is already there (`added`), and nothing
    more was added."""

    def __init__(self, added: Model) -> None:
        super().__init__(f"{added._meta.label_lower} already added")
        self.added = added


def added_from_form(action: str, rows: "QuerySet[Row]", form_token: str) -> Row | None:
    """The row of `rows` an earlier post of this very form added, if one did: its audit entry (`action`, written in
    the same transaction as the row) keeps the form's one-time token. A row keeps no note of the form it came from (a
    column would need a migration). The caller holds the meeting's lock, so two posts at once meet one after the
    other and the second finds the first's entry. What was typed says nothing here: two §§ may share a heading, two
    decisions a text. Two queries (the audit's bounded by the rows' ids, on audit_object_idx), a third for the row
    found."""
    if not form_token:
        return None
    ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
    added = AuditEntry.objects.filter(
        action=action, object_type=rows.model._meta.label_lower, object_id__in=ids, data__form_token=form_token
    )
    object_id = added.values_list("object_id", flat=True).first()
    return rows.filter(pk=int(object_id)).first() if object_id else None


def sent_from(form_token: str) -> dict[str, str]:
    """What the audit entry of a row added keeps of the form it came from (nothing for a post without a token)."""
    return {"form_token": form_token} if form_token else {}
