"""Files attached to a meeting or one of its §§, checked by type, content and size before they are kept."""

import hashlib
import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from finsam.types import Actor, signed_in
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, audit, sent_from
from meetings.guards import meeting_for_writing
from meetings.models import AgendaItem, Attachment, Meeting

ALLOWED_ATTACHMENTS = {
    ".pdf": ("application/pdf", b"%PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ".png": ("image/png", b"\x89PNG"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".txt": ("text/plain", None),
}
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def check_upload(upload: UploadedFile) -> str:
    """The file's type (by extension and by its first bytes) and size; returns the content type."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in ALLOWED_ATTACHMENTS:
        raise ValidationError(_("Filtypen är inte tillåten. Tillåtna: PDF, Word, Excel, PNG, JPEG och text."))
    size = upload.size or 0
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("Filen är för stor (högst 10 MB)."))
    if size == 0:
        raise ValidationError(_("Filen är tom."))
    content_type, magic = ALLOWED_ATTACHMENTS[extension]
    head = upload.read(8)
    upload.seek(0)
    if magic is not None and not head.startswith(magic):
        raise ValidationError(_("Filens innehåll stämmer inte med filtypen %(ext)s.") % {"ext": extension})
    if magic is None and b"\x00" in upload.read(4096):
        raise ValidationError(_("Filen ser inte ut att vara text."))
    upload.seek(0)
    return content_type


class AttachmentAlreadyAdded(AlreadyAdded):
    """The form that uploads an attachment was sent again: its attachment (`attachment`) is already there, and
    nothing more was kept."""

    def __init__(self, attachment: Attachment) -> None:
        super().__init__(attachment)
        self.attachment = attachment


ATTACHMENT_ADDED = "meetings.attachment.added"


@transaction.atomic
def attachment_add(
    *, actor: Actor, meeting: Meeting, upload: UploadedFile, item: AgendaItem | None = None, form_token: str = ""
) -> Attachment:
    """Keep a file attached to the meeting or one of its §§. `form_token`, the one the form was shown with: if a
    post of the same form already kept its file, raise AttachmentAlreadyAdded with it instead of keeping it twice."""
    meeting = meeting_for_writing(meeting.pk, items=[item])
    if earlier := added_from_form(ATTACHMENT_ADDED, meeting.attachments.all(), form_token):
        raise AttachmentAlreadyAdded(earlier)
    content_type = check_upload(upload)
    name = upload.name or ""  # check_upload refused a file without a name (it has no type)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        meeting=meeting,
        item=item,
        name=name[:255],
        content_type=content_type,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        uploaded_by=signed_in(actor),
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit(ATTACHMENT_ADDED, actor, attachment, meeting, name=attachment.name, **sent_from(form_token))
    return attachment
