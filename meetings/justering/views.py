"""Justering and the signed PDF. Thin views over meetings.justering.services."""

import datetime
import functools
from functools import partial

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from federations.linking import allowed_providers, signing_of
from federations.permissions import roles_for
from finsam import oidc, storage
from finsam.accounts import last_authentication_method, strongest_factor_required
from finsam.params import whole_number
from finsam.web import REFUSED, attempt, attempt_form
from meetings.justering import pdf, protocol, selectors, services
from meetings.justering.forms import CommentForm, CorrectionForm, SendBackForm
from meetings.models import (
    AgendaItem,
    Anslag,
    Correction,
    ItemComment,
    Meeting,
    ProtocolRevision,
    Signature,
    SignedDocument,
)
from meetings.permissions import READ, SIGN, WRITE, can_write, get_meeting_for_user, is_signer


def _back(meeting):
    return redirect("meetings:justering", pk=meeting.pk)


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
    kept = request.session.get(_kept_key(meeting), {}) if person else {}
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


@login_required
@require_POST
def send_extract(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.extract_send_for_justering(actor=request.user, meeting=meeting),
        _("De omedelbart justerade paragraferna är skickade på justering."),
    )
    return _back(meeting)


@require_GET
def extract_pdf(request, pk, number):
    meeting = get_meeting_for_user(request.user, pk, READ)
    document = get_object_or_404(
        SignedDocument, meeting=meeting, revision__number=number, revision__kind=ProtocolRevision.Kind.EXTRACT,
        status=SignedDocument.Status.DONE,
    )  # fmt: skip
    return _sealed_pdf(request, document, f"protokollsutdrag-{meeting.body.slug}-{meeting.date:%Y-%m-%d}-{number}.pdf")


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


@login_required
@require_POST
def send(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    deadline = request.POST.get("deadline") or None
    try:
        deadline = datetime.date.fromisoformat(deadline) if deadline else None
    except ValueError:
        messages.error(request, _("Sista dag för justering är inget giltigt datum (skriv det som ÅÅÅÅ-MM-DD)."))
        return _back(meeting)
    attempt(
        request,
        lambda: services.protocol_send_for_justering(
            actor=request.user, meeting=meeting, deadline=deadline, late_confirmed=request.POST.get("late") == "1"
        ),
        lambda revision: _("Revision %(n)s är skickad på justering.") % {"n": revision.number},
    )
    return _back(meeting)


@login_required
@require_POST
def reopen(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.protocol_reopen(actor=request.user, meeting=meeting),
        _("Protokollet är tillbaka som utkast. Skicka det på justering igen när du är klar."),
    )
    return redirect(meeting)


def _kept_key(meeting):
    return f"justering:kept:{meeting.pk}"


def _keep(request, meeting, field, text):
    """What a signer wrote that could not be saved (the protocol taken back, changed, or sent back by another
    signer since the page was loaded): kept in their session and shown in its form again until it is saved."""
    kept = request.session.get(_kept_key(meeting), {})
    if text and text.strip():
        kept[field] = text.replace("\x00", "")  # refused for it, maybe: the rest is theirs
    else:
        kept.pop(field, None)
    if kept:
        request.session[_kept_key(meeting)] = kept
    else:
        request.session.pop(_kept_key(meeting), None)


def _posted_by_signer(request, meeting, field, form, action, success):
    """Run a signer's comment or send-back; what they wrote is kept when it is refused, forgotten once saved."""
    result = attempt_form(request, form, action, success)
    text = request.POST.get(form.text_field, "")
    if result is REFUSED and text.strip():
        _keep(request, meeting, field, text)
        meeting.refresh_from_db(fields=["status"])
        if meeting.status == Meeting.Status.IN_JUSTERING:  # a new revision: to read, then to save it on
            messages.info(request, _("Det du skrev är inte sparat, men det står kvar i formuläret."))
        else:
            messages.info(
                request,
                _(
                    "Det du skrev är inte sparat, men det står kvar i formuläret. Spara det när protokollet är på "
                    "justering igen."
                ),
            )
    elif result is not REFUSED:
        _keep(request, meeting, field, "")
    return result


@login_required
@require_POST
def comment(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, SIGN)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    field = f"comment-{item.pk}"
    try:
        saved = _posted_by_signer(
            request,
            meeting,
            field,
            CommentForm(request.POST),
            partial(services.comment_add, actor=request.user, meeting=meeting, item=item),
            _("Kommentaren är sparad."),
        )
    except services.CommentAlreadyAdded as sent_twice:  # the comment the first post added is what they get
        _keep(request, meeting, field, "")
        messages.info(request, _("Formuläret skickades två gånger: kommentaren är bara sparad en gång."))
        return redirect(f"{reverse('meetings:justering', args=[meeting.pk])}#k{sent_twice.comment.pk}")
    if saved is REFUSED:  # to the top, where the focus goes to why: a fragment would scroll it away and blur it
        return _back(meeting)
    return redirect(f"{reverse('meetings:justering', args=[meeting.pk])}#c{item.pk}")


@login_required
@require_POST
def send_back(request, pk):
    meeting = get_meeting_for_user(request.user, pk, SIGN)
    _posted_by_signer(
        request,
        meeting,
        "reason",
        SendBackForm(request.POST),
        partial(services.protocol_send_back, actor=request.user, meeting=meeting),
        _("Protokollet är skickat tillbaka till sekreteraren."),
    )
    return _back(meeting)


def _client_ip(request):
    return request.META.get("REMOTE_ADDR")


def signers_only(view):
    """The right to sign is checked before re-authentication: nobody else is asked for a password first. So is the
    revision the signer read: a signer whose page shows a revision the secretary has since replaced reads the new one
    first, and is not asked for a password on a page that names a revision nobody can sign any more; one who has
    signed it already (the back button after signing) is told so instead of being shown the sign form again."""

    @functools.wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        meeting = get_meeting_for_user(request.user, pk, SIGN)
        if request.method == "GET":
            read = selectors.revision_read(meeting, whole_number(request.GET.get("revision")))
            if _replaced(read, services.current_revision(meeting)):
                messages.error(
                    request, _("Protokollet har ändrats sedan du öppnade det. Läs den nya versionen innan du justerar.")
                )
                return _back(meeting)
            if _signed_already(read, roles_for(request.user).person):
                # The back button after signing: the sign form again would look as if the signature had not taken.
                messages.info(request, _("Du har redan justerat revision %(n)s.") % {"n": read.number})
                return _back(meeting)
        return view(request, pk, *args, **kwargs)

    return wrapped


def _signed_already(revision, person):
    """The person has signed the revision and has no signature left to give in it."""
    if revision is None or person is None:
        return False
    statuses = set(revision.signatures.filter(person=person).values_list("status", flat=True))
    return Signature.Status.SIGNED in statuses and Signature.Status.PENDING not in statuses


@login_required
@signers_only
@reauthentication_required
@strongest_factor_required
@require_http_methods(["GET", "POST"])
def sign(request, pk):
    """Justera: needs a fresh re-authentication (password, or TOTP where the user has it)."""
    meeting = get_meeting_for_user(request.user, pk, SIGN)
    revision = selectors.revision_read(meeting, whole_number(request.GET.get("revision")))
    if request.method == "POST":
        sign_revision = partial(
            services.protocol_sign,
            actor=request.user,
            meeting=meeting,
            revision_number=whole_number(request.POST.get("revision"), 0),
            method=last_authentication_method(request),
            ip_address=_client_ip(request),
            # A header is text from the client too: PostgreSQL cannot store a NUL in it.
            user_agent=request.META.get("HTTP_USER_AGENT", "").replace("\x00", ""),
        )
        attempt(
            request,
            sign_revision,
            _signed_message,
            postponed=_("PDF:en skapas så snart bakgrundsarbetet är i gång igen."),
        )
        return _back(meeting)
    is_extract = revision is not None and revision.kind == ProtocolRevision.Kind.EXTRACT
    if revision is None or (not is_extract and meeting.status != Meeting.Status.IN_JUSTERING):
        messages.error(request, _("Protokollet är inte under justering."))
        return _back(meeting)
    context = {"meeting": meeting, "revision": revision}
    if is_extract:  # which §§ the extract holds, as its page lists them
        numbers = [item["number"] for item in revision.snapshot["items"] if item["number"]]
        context["paragraphs"] = ", ".join(f"§ {number}" for number in numbers)
    return render(request, "meetings/justering/sign.html", context)


def _signed_message(signatures):
    """What a signer is told: the extract of the §§ justerade at the meeting is not the protocol."""
    if signatures and signatures[0].revision.kind == ProtocolRevision.Kind.EXTRACT:
        return _("Du har justerat protokollsutdraget.")
    return _("Du har justerat protokollet.")


def _replaced(revision, current):
    return (
        revision is not None
        and current is not None
        and revision.kind == ProtocolRevision.Kind.FULL
        and revision.number != current.number
    )


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
    return _back(meeting)


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
