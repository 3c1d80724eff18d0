"""Attachments of a meeting or a §: adding them and reading them, always through the permission check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from finsam import storage
from finsam.web import attempt
from meetings.drafting import services
from meetings.drafting.forms import (
    AttachmentForm,
)
from meetings.drafting.views.common import item_in
from meetings.models import Attachment
from meetings.permissions import (
    READ,
    WRITE,
    get_meeting_for_user,
)


@login_required
@require_POST
def attachment_add(request, pk, item_pk=None):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk) if item_pk else None
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Välj en fil att bifoga."))
    else:
        try:
            attempt(
                request,
                lambda: services.attachment_add(
                    actor=request.user,
                    meeting=meeting,
                    item=item,
                    upload=form.cleaned_data["file"],
                    form_token=form.cleaned_data["form_token"],
                ),
                _("Bilagan är sparad."),
            )
        except services.AttachmentAlreadyAdded as sent_twice:
            messages.info(
                request,
                _("Formuläret skickades två gånger: bilagan ”%(name)s” är bara sparad en gång.")
                % {"name": sent_twice.attachment.name},
            )
    anchor = f"#p{item.pk}" if item else ""
    return redirect(f"{meeting.get_absolute_url()}{anchor}")


@require_GET
def attachment_download(request, pk, attachment_pk):
    meeting = get_meeting_for_user(request.user, pk, READ)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, meeting=meeting)
    try:
        source = storage.stream(attachment.file)
    except FileNotFoundError as exc:
        raise Http404 from exc
    return storage.download(source, as_attachment=True, filename=attachment.name, content_type=attachment.content_type)
