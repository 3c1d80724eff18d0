"""Writes of federations/trust.py: link an identity number to a person, choose a federation's signing methods,
upload its sealing certificate. Atomic and audited; an audit entry names at most the last four digits."""

import datetime

from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from finsam import encryption, identity, oidc
from finsam.audit import log_action
from finsam.types import Actor, signed_in

from .models import Federation, Person, StaffRole
from .permissions import people_in_scope, roles_for
from .trust import FederationSeal, FederationSigning, PersonIdentity

# The purpose of an e-legitimation request that links the number to the person (meetings/justering/eid.py answers).
LINK_PURPOSE = "link"


def get_federation_for_administration(user, slug: str) -> Federation:
    """The federation's own administrator (or a superuser): 404 without a role there, 403 without this one."""
    federation = get_object_or_404(Federation, slug=slug)
    roles = roles_for(user)
    if not roles.has_role_in(federation.pk):
        raise Http404
    admin = StaffRole.objects.filter(person=roles.person, federation=federation, role=StaffRole.Role.ADMIN)
    if not (roles.superuser or (roles.person is not None and admin.exists())):
        raise PermissionDenied
    return federation


def signing_of(federation: Federation) -> FederationSigning:
    """The federation's signing methods; a federation that never chose has the built-in method only."""
    try:
        return federation.signing
    except FederationSigning.DoesNotExist:
        return FederationSigning(federation=federation)


def allowed_providers(federation: Federation) -> list[oidc.Provider]:
    chosen = set(signing_of(federation).providers)
    return [p for p in oidc.providers() if p.slug in chosen]


@transaction.atomic
def signing_save(*, actor: Actor, federation: Federation, providers: list[str], eid_required: bool) -> None:
    known = {p.slug for p in oidc.providers()}
    if unknown := sorted(set(providers) - known):
        raise ValidationError({"providers": _("Okänd leverantör: %(names)s.") % {"names": ", ".join(unknown)}})
    if eid_required and not providers:
        raise ValidationError({"eid_required": _("Välj minst en e-legitimation för att kunna kräva den.")})
    FederationSigning.objects.update_or_create(
        federation=federation, defaults={"providers": sorted(providers), "eid_required": eid_required}
    )
    log_action(
        "federations.signing.changed",
        actor=actor,
        obj=federation,
        federation=federation,
        providers=sorted(providers),
        eid_required=eid_required,
    )


def _link(actor: Actor, person: Person, number: identity.IdentityNumber, source: str) -> PersonIdentity:
    taken = PersonIdentity.objects.filter(keyed_hash=number.keyed_hash()).exclude(person=person)
    if taken.exists():
        raise ValidationError({"number": _("Numret är redan kopplat till en annan person.")})
    try:
        with transaction.atomic():
            link, _created = PersonIdentity.objects.update_or_create(
                person=person,
                defaults={"keyed_hash": number.keyed_hash(), "last_four": number.last_four, "source": source},
            )
    except IntegrityError as exc:  # linked to someone else a moment ago
        raise ValidationError({"number": _("Numret är redan kopplat till en annan person.")}) from exc
    log_action("federations.identity.linked", actor=actor, obj=person, source=source, last_four=number.last_four)
    return link


@transaction.atomic
def identity_enter(*, actor: Actor, federation: Federation, person: Person, number: str) -> PersonIdentity:
    """The federation's administrator types a signer's number (checked with Luhn; never stored as typed)."""
    if not people_in_scope(federation).filter(pk=person.pk).exists():
        raise ValidationError(_("Personen hör inte till förbundet."))
    return _link(actor, person, identity.parse(number), PersonIdentity.Source.ADMIN)


@transaction.atomic
def identity_link_by_eid(*, actor: Actor, person: Person, number: identity.IdentityNumber) -> PersonIdentity:
    """The person identified themselves with e-legitimation ("Koppla e-legitimation"): the number is theirs."""
    existing = PersonIdentity.objects.filter(person=person).first()
    if existing is not None and existing.keyed_hash != number.keyed_hash():
        raise ValidationError(
            _("Ett annat personnummer är redan kopplat till dig. Be förbundets administratör att ändra det.")
        )
    return _link(actor, person, number, PersonIdentity.Source.EID)


def read_pkcs12(data: bytes, password: str):
    """(key, certificate, chain) of a PKCS#12 file, or a ValidationError in Swedish."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, password.encode() or None)
    except (ValueError, TypeError) as exc:
        raise ValidationError({"certificate": _("Filen kunde inte läsas som PKCS#12 med det lösenordet.")}) from exc
    if key is None or certificate is None:
        raise ValidationError({"certificate": _("Filen saknar nyckel eller certifikat.")})
    return key, certificate, chain


@transaction.atomic
def seal_upload(*, actor: Actor, federation: Federation, certificate: bytes, password: str) -> FederationSeal:
    _key, cert, _chain = read_pkcs12(certificate, password)
    not_after = cert.not_valid_after_utc
    if not_after <= datetime.datetime.now(datetime.UTC):
        raise ValidationError({"certificate": _("Certifikatet har gått ut.")})
    subject = cert.subject.rfc4514_string()[:300]
    seal, _created = FederationSeal.objects.update_or_create(
        federation=federation,
        defaults={
            "pkcs12": encryption.encrypt(certificate),
            "password": encryption.encrypt(password.encode()),
            "subject": subject,
            "not_after": not_after,
            "uploaded_by": signed_in(actor),
        },
    )
    log_action("federations.seal.uploaded", actor=actor, obj=federation, federation=federation, subject=subject)
    return seal


@transaction.atomic
def seal_remove(*, actor: Actor, federation: Federation) -> None:
    FederationSeal.objects.filter(federation=federation).delete()
    log_action("federations.seal.removed", actor=actor, obj=federation, federation=federation)
