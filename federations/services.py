"""Every write to the register: atomic, validated, audited."""

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from finsam.audit import log_action
from finsam.types import Actor

from .models import Body, Federation, Mandate, MemberOrganisation, Membership, Person

SINGLE_HOLDER_ROLES = (Mandate.Role.CHAIR, Mandate.Role.FIRST_VICE_CHAIR, Mandate.Role.SECOND_VICE_CHAIR)

Period = TypeVar("Period", Mandate, Membership)

# What other apps keep of a person's name, brought up to date in the same transaction when it changes (the meetings
# app's attendance lists of records still being written, added when it starts): the register need not know them.
_name_followers: list[Callable[[Person], None]] = []


def follow_person_names(follower: Callable[[Person], None]) -> Callable[[Person], None]:
    if follower not in _name_followers:
        _name_followers.append(follower)
    return follower


def _overlapping(queryset: QuerySet[Period], start: datetime.date, end: datetime.date | None) -> QuerySet[Period]:
    """Rows of the queryset whose period overlaps [start, end] (None = open-ended)."""
    overlaps = Q(end__isnull=True) | Q(end__gte=start)
    if end is not None:
        overlaps &= Q(start__lte=end)
    return queryset.filter(overlaps)


def validate_mandate(*, person: Person, body: Body, role: str, start: datetime.date | None,
                     end: datetime.date | None = None, organisation: MemberOrganisation | None = None,
                     substitute_order: int | None = None, substitute_for: Mandate | None = None,
                     instance: Mandate | None = None) -> None:  # fmt: skip
    """Raise ValidationError (per field) unless the mandate fits the register as it stands."""
    errors: dict[str, str] = {}
    if end is not None and start is not None and end < start:
        errors["end"] = _("Slutdatum måste vara samma dag som eller efter startdatum.")
    if role == Mandate.Role.SUBSTITUTE and substitute_order is None and substitute_for is None:
        errors["substitute_order"] = _("En ersättare behöver en inkallelseordning eller en ledamot att ersätta.")
    if substitute_for is not None and substitute_for.body_id != body.pk:
        errors["substitute_for"] = _("Den ersatta ledamoten måste sitta i samma organ.")
    elif substitute_for is not None and role != Mandate.Role.SUBSTITUTE:
        errors["substitute_for"] = _("Bara en ersättare kan vara personlig ersättare för en ledamot.")
    elif substitute_for is not None and substitute_for.role not in Mandate.VOTING_ROLES:
        errors["substitute_for"] = _(
            "En personlig ersättare ersätter en ledamot (eller ordförande), inte en %(role)s."
        ) % {"role": substitute_for.get_role_display().lower()}
    if substitute_order is not None and substitute_order < 1:
        errors["substitute_order"] = _("Inkallelseordningen börjar på 1.")
    if organisation is not None and body.federation_id is not None and start is not None:
        member = _overlapping(
            Membership.objects.filter(federation_id=body.federation_id, organisation=organisation), start, end or start
        )
        if not member.exists():
            errors["organisation"] = _("%(organisation)s är inte medlem i förbundet under den perioden.") % {
                "organisation": organisation
            }
    if start is not None and not errors:
        others = Mandate.objects.filter(body=body)
        if instance is not None:
            others = others.exclude(pk=instance.pk)
        if person.pk is not None and _overlapping(others.filter(person=person), start, end).exists():
            errors["start"] = _("%(person)s har redan ett uppdrag i %(body)s under den perioden.") % {
                "person": person.name,
                "body": body.name,
            }
        elif role in SINGLE_HOLDER_ROLES and _overlapping(others.filter(role=role), start, end).exists():
            errors["role"] = _("Någon annan är redan %(role)s i %(body)s under den perioden.") % {
                "role": Mandate.Role(role).label.lower(),
                "body": body.name,
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def mandate_create(
    *,
    actor: Actor,
    person: Person | None = None,
    new_person_name: str = "",
    body: Body,
    role: str,
    start: datetime.date,
    end: datetime.date | None = None,
    **extra: Any,
) -> Mandate:
    """Give a person (an existing one, or a new one by name) a mandate in a body, all or nothing."""
    # Lock the body's mandates so two secretaries cannot fill the same seat at once.
    list(Mandate.objects.select_for_update().filter(body=body).order_by("pk").values_list("pk", flat=True))
    if person is None:
        person = person_save(actor=actor, federation=body.federation, name=new_person_name.strip())
    checked = {key: extra.get(key) for key in ("organisation", "substitute_order", "substitute_for")}
    validate_mandate(person=person, body=body, role=role, start=start, end=end, **checked)
    mandate = Mandate.objects.create(person=person, body=body, role=role, start=start, end=end, **extra)
    log_action(
        "federations.mandate.created",
        actor=actor,
        obj=mandate,
        federation=body.federation,
        person=person.name,
        role=role,
        start=str(start),
    )
    return mandate


@transaction.atomic
def mandate_end(*, actor: Actor, mandate: Mandate, end: datetime.date) -> Mandate:
    """End a mandate on a date. Mandates are never deleted: history is kept."""
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    if end < mandate.start:
        raise ValidationError({"end": _("Slutdatum måste vara samma dag som eller efter startdatum.")})
    if mandate.end is not None and end > mandate.end:
        # ending later than it ended would revive it past the checks a new mandate gets (two chairs at once)
        raise ValidationError(
            {
                "end": _("Uppdraget slutade redan %(date)s. Ett nytt uppdrag läggs till med Nytt uppdrag.")
                % {"date": formats.date_format(mandate.end, "j F Y")}
            }
        )
    mandate.end = end
    mandate.save(update_fields=["end", "modified"])
    log_action("federations.mandate.ended", actor=actor, obj=mandate, federation=mandate.body.federation, end=str(end))
    return mandate


@transaction.atomic
def person_save(
    *, actor: Actor, person: Person | None = None, federation: Federation | None = None, **fields: Any
) -> Person:
    created = person is None
    person = person or Person()
    renamed = not created and "name" in fields and fields["name"] != person.name
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean(exclude=["user"])
    person.save()
    if renamed:
        for follower in _name_followers:
            follower(person)
    log_action(
        "federations.person.created" if created else "federations.person.updated",
        actor=actor,
        obj=person,
        federation=federation,
        name=person.name,
    )
    return person


@transaction.atomic
def person_language_set(*, actor: Actor, person: Person, language: str) -> Person:
    """Keep the language the person chose in the portal: their e-mail is written in it from now on."""
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError(_("Okänt språk."))
    if Person.objects.filter(pk=person.pk).exclude(language=language).update(language=language):
        person.language = language
        log_action("federations.person.language_set", actor=actor, obj=person, language=language)
    return person


@transaction.atomic
def membership_create(
    *, actor: Actor, federation: Federation, organisation: MemberOrganisation, start: datetime.date
) -> Membership:
    existing = _overlapping(Membership.objects.filter(federation=federation, organisation=organisation), start, None)
    if existing.exists():
        raise ValidationError({"organisation": _("Organisationen är redan medlem under den perioden.")})
    membership = Membership.objects.create(federation=federation, organisation=organisation, start=start)
    log_action("federations.membership.created", actor=actor, obj=membership, federation=federation)
    return membership


@transaction.atomic
def membership_end(*, actor: Actor, membership: Membership, end: datetime.date) -> Membership:
    membership = Membership.objects.select_for_update().select_related("federation").get(pk=membership.pk)
    if end < membership.start:
        raise ValidationError({"end": _("Slutdatum måste vara samma dag som eller efter startdatum.")})
    if membership.end is not None and end > membership.end:
        # ending it later than it ended would revive it, over a later membership of the same organisation
        raise ValidationError(
            {
                "end": _("Medlemskapet slutade redan %(date)s. Ett nytt medlemskap läggs till med Ny medlem.")
                % {"date": formats.date_format(membership.end, "j F Y")}
            }
        )
    membership.end = end
    membership.save(update_fields=["end"])
    log_action("federations.membership.ended", actor=actor, obj=membership, federation=membership.federation)
    return membership
