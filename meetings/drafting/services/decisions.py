"""A §'s decisions: their text, how they were reached (votering and each member's vote), who reserved themselves,
and who gets the protokollsutdrag."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from federations.models import Person, Project
from federations.permissions import people_for_bodies
from finsam.types import Actor
from finsam.validators import validate_typed_fields
from meetings.drafting.selectors import item_decision_makers
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, audit, sent_from
from meetings.guards import meeting_for_writing
from meetings.models import AgendaItem, Attendance, Decision, DecisionRecipient, Meeting, Reservation, Vote
from meetings.sanitize import trim_typed_text


class DecisionAlreadyAdded(AlreadyAdded):
    """The form that adds a decision was sent again: its decision (`decision`) is already there, and nothing more
    was added."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision)
        self.decision = decision


DECISION_SAVED = "meetings.decision.saved"


class DecisionConflict(Exception):
    """Someone else saved the decision (or its votes) since this form loaded it."""

    def __init__(self, decision: Decision) -> None:
        super().__init__("decision conflict")
        self.decision = decision


# The vote that agrees with the outcome, where a votering's ja and nej have one meaning: ja for bifall of the
# proposition, nej for avslag. Other outcomes (återremiss, bordläggning, ...) are put to the vote in either sense.
WINNING_VOTE: dict[str, str] = {Decision.Outcome.APPROVED: Vote.Choice.YES, Decision.Outcome.REJECTED: Vote.Choice.NO}


def ensure_only_decision_makers_voted(meeting: Meeting, items: Iterable[AgendaItem] | None = None) -> None:
    """Before the record is frozen: every vote in a namnupprop and every reservation belongs to someone who decided
    in that § by the attendance as it is now. The attendance may have changed after the votes were entered (she
    left after § 4, jäv was noted later): the protocol would print a vote, or a reservation, of someone who was not
    deciding there."""
    chosen = list(items) if items is not None else list(meeting.items.prefetch_related("recusals"))
    attendances = list(meeting.attendances.select_related("person"))
    by_item = {item.pk: item for item in chosen}
    errors = []
    votes = Vote.objects.filter(decision__item__in=by_item).select_related("decision", "attendance__person")
    reservations = Reservation.objects.filter(decision__item__in=by_item).select_related(
        "decision", "attendance__person"
    )
    deciding = {pk: {a.pk for a in item_decision_makers(item, attendances)} for pk, item in by_item.items()}
    for vote in votes:
        item = by_item[vote.decision.item_id]
        if vote.attendance_id not in deciding[item.pk]:
            errors.append(
                _(
                    "%(name)s har en röst i § %(number)s men var inte beslutande där enligt närvaron. Ändra rösterna "
                    "eller närvaron."
                )
                % {"name": vote.attendance.display_name, "number": item.number}
            )
    for reservation in reservations:
        item = by_item[reservation.decision.item_id]
        if reservation.attendance_id not in deciding[item.pk]:
            errors.append(
                _(
                    "%(name)s har reserverat sig i § %(number)s men var inte beslutande där enligt närvaron. Ta bort "
                    "reservationen eller ändra närvaron."
                )
                % {"name": reservation.attendance.display_name, "number": item.number}
            )
    if errors:
        raise ValidationError(errors)


def voters_present(item: AgendaItem) -> int:
    """How many decision-makers may vote on the §: present ledamöter and serving ersättare, less those with jäv."""
    return len(item_decision_makers(item))


def validate_votes(
    item: AgendaItem,
    method: str | None,
    yes: int | None,
    no: int | None,
    abstain: int | None,
    outcome: str | None = None,
) -> None:
    if method != Decision.Method.VOTE:
        return
    # No counts yet is fine: they follow from each member's vote (namnupprop), recorded after the decision is saved;
    # the protocol goes to its signers only with them (ensure_votes_counted).
    counts = [c for c in (yes, no, abstain) if c is not None]
    voters = voters_present(item)
    if voters and sum(counts) > voters:
        raise ValidationError(
            {
                "votes_yes": _("%(votes)s röster är fler än de %(voters)s som får rösta i paragrafen.")
                % {"votes": sum(counts), "voters": voters}
            }
        )
    if counts and (yes is None or no is None):  # an empty ja or nej beside typed counts: a count left out
        raise ValidationError(
            {
                "votes_yes" if yes is None else "votes_no": _(
                    "Ange antalet ja-röster och nej-röster (0 om ingen). Avstår kan lämnas tomt om ingen avstod."
                )
            }
        )
    validate_result(outcome, yes, no)


def validate_result(outcome: str | None, yes: int | None, no: int | None) -> None:
    """A bifall won more ja than nej, an avslag more nej than ja; at a tie the chair's casting vote decides."""
    if yes is None or no is None:
        return
    if (outcome == Decision.Outcome.APPROVED and yes < no) or (outcome == Decision.Outcome.REJECTED and yes > no):
        raise ValidationError(
            {
                "outcome": _(
                    "Utfallet %(outcome)s stämmer inte med rösterna: %(yes)s ja och %(no)s nej. Ändra utfallet "
                    "eller rösterna."
                )
                % {"outcome": Decision.Outcome(outcome).label.lower(), "yes": yes, "no": no}
            }
        )


def validate_reservations_against_votes(decision: Decision) -> None:
    """Whoever voted with the decision in the namnupprop cannot reserve themselves against it."""
    winning = WINNING_VOTE.get(decision.outcome)
    if winning is None:
        return
    contradicting = Reservation.objects.filter(
        decision=decision, attendance__votes__decision=decision, attendance__votes__choice=winning
    ).select_related("attendance__person")
    names = [r.attendance.display_name for r in contradicting]
    if names:
        raise ValidationError(
            _(
                "%(names)s röstade %(vote)s, alltså för beslutet (%(outcome)s), och kan inte reservera sig mot det. "
                "Ta bort reservationen eller ändra rösten."
            )
            % {
                "names": ", ".join(names),
                "vote": Vote.Choice(winning).label.lower(),
                "outcome": decision.get_outcome_display().lower(),
            }
        )


def decision_locked(decision_id: int) -> Decision:
    """The decision's row, locked (after its meeting's, always): its version is compared and raised under it."""
    return (
        Decision.objects.select_for_update(no_key=True, of=("self",))
        .select_related("item__meeting")
        .get(pk=decision_id)
    )


@transaction.atomic
def decision_save(
    *,
    actor: Actor,
    item: AgendaItem,
    decision: Decision | None = None,
    projects: Iterable[Project] | None = None,
    recipient_people: Iterable[Person] | None = None,
    recipient_emails: Iterable[str] | None = None,
    version: int | None = None,
    form_token: str = "",
    **fields: Any,
) -> Decision:
    """Save a decision; `recipient_people` and `recipient_emails`, when given, are who get its protokollsutdrag by
    e-mail once the protocol is justerat.

    `version` is the decision's version the form was loaded at: when someone has saved the decision (or its votes)
    since, DecisionConflict is raised with their decision and nothing is written. None does not compare (a new
    decision, or a caller that edits nothing someone else might be editing).

    `form_token`, of a new decision: the one the form was shown with. If a post of the same form already added its
    decision, DecisionAlreadyAdded is raised with that decision and nothing is written. Two forms may add two
    decisions with the same text.
    """
    meeting = meeting_for_writing(item.meeting_id, items=[item])
    if decision is None and (earlier := added_from_form(DECISION_SAVED, item.decisions.all(), form_token)):
        raise DecisionAlreadyAdded(earlier)
    if decision is not None:
        decision = decision_locked(decision.pk)
        if version is not None and decision.version != version:
            raise DecisionConflict(decision)
    validate_typed_fields(Decision, fields)
    fields["text"] = trim_typed_text(fields.get("text"))
    if "notes" in fields:
        fields["notes"] = trim_typed_text(fields["notes"])
    if not fields["text"]:
        raise ValidationError({"text": _("Skriv beslutet, t.ex. ”Styrelsen beslutar att …”.")})
    validate_votes(
        item,
        fields.get("method"),
        fields.get("votes_yes"),
        fields.get("votes_no"),
        fields.get("votes_abstain"),
        fields.get("outcome"),
    )
    people = list(recipient_people) if recipient_people is not None else None
    addresses = _valid_addresses(recipient_emails) if recipient_emails is not None else None
    _validate_recipient_count(decision, people, addresses)
    if people:
        in_scope = set(people_for_bodies([meeting.body], meeting.date).values_list("pk", flat=True))
        if any(person.pk not in in_scope for person in people):
            raise ValidationError({"recipient_people": _("Välj mottagare bland förbundets personer.")})
    created = decision is None
    decision = decision or Decision(item=item, position=item.decisions.count())
    for name, value in fields.items():
        setattr(decision, name, value)
    if not created:
        decision.version += 1
        validate_reservations_against_votes(decision)
    decision.save()
    if projects is not None:
        decision.projects.set(projects)
    if people is not None or addresses is not None:
        _recipients_set(decision, people, addresses)
    once = sent_from(form_token) if created else {}
    audit(DECISION_SAVED, actor, decision, item.meeting, created=created, outcome=decision.outcome, **once)
    return decision


def recipients_max_message(count: int) -> str:
    return _(
        "Protokollsutdraget kan skickas till högst %(max)s mottagare per beslut, inte %(count)s. Skicka det till "
        "en funktionsadress (t.ex. registrator@kommun.se) som sprider det vidare."
    ) % {"max": settings.FINSAM_EXTRACT_RECIPIENTS_MAX, "count": count}


def _validate_recipient_count(
    decision: Decision | None, people: list[Person] | None, addresses: list[str] | None
) -> None:
    """At most FINSAM_EXTRACT_RECIPIENTS_MAX recipients per decision, people and addresses together (a kind not
    given keeps what the decision has)."""
    kept = decision.addressees.all() if decision is not None and decision.pk else DecisionRecipient.objects.none()
    people_ids = {p.pk for p in people} if people is not None else {r.person_id for r in kept if r.person_id}
    if addresses is None:
        addresses = [r.email for r in kept if not r.person_id]
    count = len(people_ids) + len(addresses)
    if count > settings.FINSAM_EXTRACT_RECIPIENTS_MAX:
        raise ValidationError({"recipient_emails": recipients_max_message(count)})


def _valid_addresses(addresses: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    seen: set[str] = set()
    for address in addresses:
        address = (address or "").strip()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                {"recipient_emails": _("Inte en giltig e-postadress: %(address)s") % {"address": address[:100]}}
            ) from None
        if address.lower() not in seen:
            seen.add(address.lower())
            cleaned.append(address)
    return cleaned


def _recipients_set(decision: Decision, people: list[Person] | None, addresses: list[str] | None) -> None:
    """Replace the decision's recipients of the given kind (people, addresses), keeping the other kind."""
    if people is not None:
        DecisionRecipient.objects.filter(decision=decision, person__isnull=False).delete()
        DecisionRecipient.objects.bulk_create(DecisionRecipient(decision=decision, person=p) for p in people)
    if addresses is not None:
        DecisionRecipient.objects.filter(decision=decision, person__isnull=True).delete()
        DecisionRecipient.objects.bulk_create(DecisionRecipient(decision=decision, email=a) for a in addresses)


@transaction.atomic
def decision_delete(*, actor: Actor, decision: Decision) -> None:
    meeting_for_writing(decision.item.meeting_id, items=[decision.item])
    audit("meetings.decision.deleted", actor, decision.item, decision.item.meeting, text=decision.text[:200])
    decision.delete()


def _voters(item: AgendaItem) -> dict[int, Attendance]:
    return {a.pk: a for a in item_decision_makers(item)}


@transaction.atomic
def reservation_set(
    *, actor: Actor, decision: Decision, attendance: Attendance, reason: str = "", reserved: bool = True
) -> None:
    """Record (or withdraw) a member's dissent from a decision, with the written reason."""
    meeting_for_writing(decision.item.meeting_id, items=[decision.item])
    decision = decision_locked(decision.pk)
    if attendance.meeting_id != decision.item.meeting_id:
        raise ValidationError(_("Personen finns inte på mötet."))
    if reserved and attendance.pk not in _voters(decision.item):
        raise ValidationError(
            _("Bara den som deltog i beslutet kan reservera sig. %(name)s var inte beslutande i § %(number)s.")
            % {"name": attendance.display_name, "number": decision.item.number}
        )
    if reserved:
        Reservation.objects.update_or_create(
            decision=decision, attendance=attendance, defaults={"reason": trim_typed_text(reason)}
        )
        validate_reservations_against_votes(decision)
    else:
        Reservation.objects.filter(decision=decision, attendance=attendance).delete()
    audit(
        "meetings.reservation.set",
        actor,
        decision,
        decision.item.meeting,
        name=attendance.display_name,
        reserved=reserved,
    )


@transaction.atomic
def votes_set(*, actor: Actor, decision: Decision, choices: dict[int, str], version: int | None = None) -> None:
    """Each member's vote in a votering ({attendance id: "ja" | "nej" | "avstar"}); the counts follow from them.

    They replace the counts the decision form shows, so they raise its version, and `version` (the one the page was
    loaded at) is compared as decision_save does."""
    meeting_for_writing(decision.item.meeting_id, items=[decision.item])
    decision = decision_locked(decision.pk)
    if version is not None and decision.version != version:
        raise DecisionConflict(decision)
    voters = _voters(decision.item)
    unknown = [pk for pk in choices if pk not in voters]
    if unknown:
        raise ValidationError(_("Bara de som får rösta i paragrafen kan ha en röst."))
    if any(choice not in Vote.Choice.values for choice in choices.values()):
        raise ValidationError(_("En röst är ja, nej eller avstår."))
    decision.votes.all().delete()
    Vote.objects.bulk_create(Vote(decision=decision, attendance_id=pk, choice=c) for pk, c in choices.items())
    counted = list(choices.values())
    decision.method = Decision.Method.VOTE
    decision.votes_yes = counted.count(Vote.Choice.YES)
    decision.votes_no = counted.count(Vote.Choice.NO)
    decision.votes_abstain = counted.count(Vote.Choice.ABSTAIN)
    validate_result(decision.outcome, decision.votes_yes, decision.votes_no)
    validate_reservations_against_votes(decision)
    decision.version += 1
    decision.save(update_fields=["method", "votes_yes", "votes_no", "votes_abstain", "version"])
    audit("meetings.votes.set", actor, decision, decision.item.meeting, votes=len(choices))
