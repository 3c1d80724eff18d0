"""Justera with e-legitimation (finsam.oidc): the signer goes from the sign page to the provider and comes back to
`eid_return`, which also answers a person's "Koppla e-legitimation" (federations/trust_views.py). Nothing is
recorded unless the ID token verifies and the identity number is the signer's."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from federations import linking
from federations.permissions import roles_for
from finsam import oidc
from finsam.params import whole_number
from finsam.web import attempt, refusal_text
from meetings.justering import services
from meetings.models import Meeting, ProtocolRevision
from meetings.permissions import SIGN, get_meeting_for_user

SIGN_PURPOSE = "sign"
# How much of the revision's SHA-256 the provider's app shows beside the meeting.
SHOWN_HASH_CHARACTERS = 12


def _return_uri(request):
    return request.build_absolute_uri(reverse("meetings:eid_return"))


def binding_text(meeting: Meeting, sha256: str) -> str:
    """What the signer reads in the app: which protocol, and the start of the checksum the verifikat prints."""
    return _("Justera protokoll %(body)s %(date)s, kontrollsumma %(hash)s") % {
        "body": meeting.body.name,
        "date": meeting.date.isoformat(),
        "hash": sha256[:SHOWN_HASH_CHARACTERS],
    }


@login_required
@require_POST
def sign_eid(request, pk):
    """Start: the signer chose a provider the federation allows on the sign page."""
    meeting = get_meeting_for_user(request.user, pk, SIGN)
    federation = meeting.body.federation
    allowed = {p.slug: p for p in (linking.allowed_providers(federation) if federation else oidc.providers())}
    chosen = allowed.get(request.POST.get("provider", ""))
    number = whole_number(request.POST.get("revision"), 0)
    revision = meeting.revisions.filter(number=number).first()
    if chosen is None or revision is None:
        messages.error(request, _("Välj en e-legitimation som förbundet tillåter."))
        return redirect("meetings:justering", pk=meeting.pk)
    try:
        url = oidc.begin(
            request,
            chosen,
            purpose=SIGN_PURPOSE,
            redirect_uri=_return_uri(request),
            data={"meeting": meeting.pk, "revision": revision.number},
            binding_text=binding_text(meeting, revision.sha256),
        )
    except oidc.Refused as exc:
        messages.error(request, str(exc))
        return redirect("meetings:justering", pk=meeting.pk)
    return redirect(url)


@login_required
@require_GET
def eid_return(request):
    """The provider's answer, for signing or for linking. Every refusal is a message; the signer may try again."""
    try:
        identified = oidc.complete(request, redirect_uri=_return_uri(request))
    except oidc.Refused as exc:
        messages.error(request, str(exc))
        return redirect("home")
    pending = identified.pending
    if pending.purpose == linking.LINK_PURPOSE:
        person = roles_for(request.user).person
        if person is None or person.pk != pending.data.get("person"):
            messages.error(request, _("Ditt konto är inte kopplat till en person i registret."))
            return redirect("federations:eid_link")
        try:
            linking.identity_link_by_eid(actor=request.user, person=person, number=identified.number)
        except ValidationError as exc:
            messages.error(request, refusal_text(exc))
        else:
            messages.success(request, _("Din e-legitimation är kopplad."))
        return redirect("federations:eid_link")
    meeting = get_meeting_for_user(request.user, pending.data.get("meeting", 0), SIGN)
    proof = services.EidProof(
        keyed_hash=identified.number.keyed_hash(),
        provider=identified.provider.slug,
        provider_name=identified.provider.name,
        level=identified.acr,
        id_token=identified.id_token,
    )
    attempt(
        request,
        lambda: services.protocol_sign(
            actor=request.user,
            meeting=meeting,
            revision_number=pending.data.get("revision", 0),
            method=services.EID_METHOD,
            ip_address=request.META.get("REMOTE_ADDR"),
            user_agent=request.META.get("HTTP_USER_AGENT", "").replace("\x00", ""),
            eid=proof,
        ),
        partial(_signed_message, identified.provider.name),
        postponed=_("PDF:en skapas så snart bakgrundsarbetet är i gång igen."),
    )
    return redirect("meetings:justering", pk=meeting.pk)


def _signed_message(provider_name, signatures):
    """What a signer is told: the extract of the §§ justerade at the meeting is not the protocol."""
    if signatures and signatures[0].revision.kind == ProtocolRevision.Kind.EXTRACT:
        return _("Du har justerat protokollsutdraget med %(name)s.") % {"name": provider_name}
    return _("Du har justerat protokollet med %(name)s.") % {"name": provider_name}
