"""After justering: minnesanteckningar filed, the sealed PDF tried again and served, a rättelse beside the record."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from finsam import storage
from finsam.web import attempt, attempt_form
from meetings.justering import services
from meetings.justering.forms import CorrectionForm
from meetings.justering.views.common import back
from meetings.models import AgendaItem, ProtocolRevision, SignedDocument
from meetings.permissions import READ, WRITE, get_meeting_for_user


@login_required
@require_POST
def approve(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.notes_approve(actor=request.user, meeting=meeting),
        _("Minnesanteckningarna är lagda till handlingarna."),
    )
    return redirect(meeting)


@login_required
@require_POST
def retry(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    document = get_object_or_404(SignedDocument, meeting=meeting, revision__kind=ProtocolRevision.Kind.FULL)
    attempt(
        request,
        lambda: services.document_retry(actor=request.user, document=document),
        None,
        postponed=_("PDF:en skapas så snart bakgrundsarbetet är i gång igen."),
    )
    return back(meeting)


@login_required
@require_POST
def correction(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    try:
        attempt_form(
            request,
            CorrectionForm(request.POST),
            partial(services.correction_add, actor=request.user, item=item),
            _("Rättelsen är registrerad."),
        )
    except services.CorrectionAlreadyAdded as sent_twice:  # the rättelse the first post registered is what they get
        messages.info(request, _("Formuläret skickades två gånger: rättelsen är bara registrerad en gång."))
        return redirect(f"{meeting.get_absolute_url()}#r{sent_twice.correction.pk}")
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@require_GET
def extract_pdf(request, pk, number):
    meeting = get_meeting_for_user(request.user, pk, READ)
    document = get_object_or_404(
        SignedDocument, meeting=meeting, revision__number=number, revision__kind=ProtocolRevision.Kind.EXTRACT,
        status=SignedDocument.Status.DONE,
    )  # fmt: skip
    return _sealed_pdf(request, document, f"protokollsutdrag-{meeting.body.slug}-{meeting.date:%Y-%m-%d}-{number}.pdf")


@require_GET
def protocol_pdf(request, pk):
    meeting = get_meeting_for_user(request.user, pk, READ)
    document = (
        SignedDocument.objects.filter(
            meeting=meeting, status=SignedDocument.Status.DONE, revision__kind=ProtocolRevision.Kind.FULL
        )
        .order_by("-created")
        .first()
    )
    if document is None:
        raise Http404
    return _sealed_pdf(request, document, f"protokoll-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.pdf")


def _sealed_pdf(request, document, filename):
    """The sealed PDF, after the permission check, as the file store returns it, but only if its SHA-256 is the one
    recorded when it was sealed: other bytes (altered or truncated in the store, or missing) are refused and the
    refusal audited. It is read into a temporary copy as it is checked (a few MB at most), removed once sent."""
    try:
        copy = storage.verified_copy(document.file, document.sha256)
    except (FileNotFoundError, storage.DigestMismatch) as exc:
        found = exc.found if isinstance(exc, storage.DigestMismatch) else "missing"
        services.signed_document_damaged(actor=request.user, document=document, found=found)
        return render(request, "meetings/justering/document_damaged.html", {"meeting": document.meeting}, status=500)
    return storage.download(copy, filename=filename, content_type="application/pdf")
