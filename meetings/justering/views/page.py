"""The justering page, where a record under justering is read, commented, signed and followed to its sealed PDF;
the preview of a draft as it will be printed."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from federations.linking import allowed_providers, signing_of
from federations.permissions import roles_for
from finsam import oidc
from meetings.justering import pdf, protocol, selectors, services
from meetings.justering.views.common import kept_key
from meetings.models import Anslag, Correction, ItemComment, ProtocolRevision, Signature, SignedDocument
from meetings.permissions import READ, can_write, get_meeting_for_user, is_signer


@require_GET
def justering_page(request, pk):
    meeting = get_meeting_for_user(request.user, pk, READ)
    revision = services.current_revision(meeting)
    person = roles_for(request.user).person
    signatures = selectors.current_signatures(revision)
    comments = (
        ItemComment.objects.filter(revision=revision)
        .select_related("author", "item")
        .order_by("item__position", "created")
        if revision
        else []
    )
    document = SignedDocument.objects.filter(revision=revision).first() if revision else None
    context = {
        "meeting": meeting,
        "revision": revision,
        # A sealed record is shown as its sealed PDF prints it.
        "print": protocol.print_context(revision.snapshot, typed_layout=meeting.typed_layout) if revision else None,
        "signatures": signatures,
        "my_pending": [
            s for s in signatures if person and s.person_id == person.pk and s.status == Signature.Status.PENDING
        ],
        "comments": comments,
        "document": document,
        "notice": Anslag.objects.filter(meeting=meeting).first(),
        "writable": can_write(request.user, meeting),
        "is_signer": request.user.is_authenticated and is_signer(request.user, meeting),
        "earlier": list(
            meeting.revisions.filter(kind=ProtocolRevision.Kind.FULL)
            .exclude(pk=getattr(revision, "pk", None))
            .prefetch_related("signatures__person")
        ),
        "extracts": _extracts(meeting, person),
        "late_import": services.is_late_import(meeting),
        "immediate_items": meeting.items.filter(immediate_justering=True).count(),
        # A justerat record is corrected beside it, never in it: shown where its PDF is taken (justerat only).
        "corrections": (
            list(Correction.objects.filter(item__meeting=meeting).select_related("item").order_by("created"))
            if meeting.is_frozen
            else []
        ),
    }
    # What the signer wrote that could not be saved: in its form again, or shown to copy while no form is open.
    kept = request.session.get(kept_key(meeting), {}) if person else {}
    context["kept_reason"] = kept.get("reason", "")
    context["kept_comments"] = {
        int(field.removeprefix("comment-")): text for field, text in kept.items() if field.startswith("comment-")
    }
    if context["my_pending"]:
        context["since_last_read"] = selectors.since_last_read(revision, context["earlier"], person)
    to_sign = context["my_pending"] or any(extract.mine_pending for extract in context["extracts"])
    if to_sign and meeting.body.federation is not None:  # how this signer may justera
        context["eid_providers"] = allowed_providers(meeting.body.federation)
        context["password_allowed"] = signing_of(meeting.body.federation).password_allowed
    elif to_sign:
        context["password_allowed"] = True
    if context["writable"]:  # the addresses are the secretary's to see
        context["deliveries"] = selectors.extract_deliveries(meeting)
    response = render(request, "meetings/justering/page.html", context)
    return oidc.allowing_forms_to(response, context.get("eid_providers", []))


@require_GET
def preview(request, pk):
    """The record as it stands now, laid out as it will be printed: for the secretary before sending it."""
    meeting = get_meeting_for_user(request.user, pk, READ)
    context = {
        "meeting": meeting,
        "print": protocol.print_context(
            protocol.snapshot(meeting), on_paper=meeting.imported, typed_layout=meeting.typed_layout
        ),
    }
    return render(request, "meetings/justering/preview.html", context)


@require_GET
def preview_pdf(request, pk):
    """The draft as a PDF, marked UTKAST on every page: to print or send round before justering."""
    meeting = get_meeting_for_user(request.user, pk, READ)
    data = pdf.render_protocol(
        protocol.snapshot(meeting),
        revision_number=0,
        sha256="",
        signatures=[],
        draft=True,
        typed_layout=meeting.typed_layout,
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="utkast-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.pdf"'
    return response


def _extracts(meeting, person):
    extracts = list(
        meeting.revisions.filter(kind=ProtocolRevision.Kind.EXTRACT)
        .prefetch_related("signatures__person")
        .select_related("document")
        .order_by("number")
    )
    for extract in extracts:
        extract.mine_pending = bool(
            person
            and any(s.person_id == person.pk and s.status == Signature.Status.PENDING for s in extract.signatures.all())
        )
        extract.numbers = [item["number"] for item in extract.snapshot["items"]]
    return extracts


@require_GET
def document_status(request, pk):
    """htmx polling fragment: the PDF's progress."""
    meeting = get_meeting_for_user(request.user, pk, READ)
    document = (
        SignedDocument.objects.filter(meeting=meeting, revision__kind=ProtocolRevision.Kind.FULL)
        .order_by("-created")
        .first()
    )
    return render(
        request,
        "meetings/justering/_document.html",
        {"meeting": meeting, "document": document, "writable": can_write(request.user, meeting)},
    )
