"""Signing (justera) with the password again, or TOTP where the user has it; e-legitimation is eid.py."""

import functools
from functools import partial

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from federations.permissions import roles_for
from finsam.accounts import last_authentication_method, strongest_factor_required
from finsam.params import whole_number
from finsam.web import attempt
from meetings.justering import selectors, services
from meetings.justering.views.common import back
from meetings.models import Meeting, ProtocolRevision, Signature
from meetings.permissions import SIGN, get_meeting_for_user


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
                return back(meeting)
            if _signed_already(read, roles_for(request.user).person):
                # The back button after signing: the sign form again would look as if the signature had not taken.
                messages.info(request, _("Du har redan justerat revision %(n)s.") % {"n": read.number})
                return back(meeting)
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
        return back(meeting)
    is_extract = revision is not None and revision.kind == ProtocolRevision.Kind.EXTRACT
    if revision is None or (not is_extract and meeting.status != Meeting.Status.IN_JUSTERING):
        messages.error(request, _("Protokollet är inte under justering."))
        return back(meeting)
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
