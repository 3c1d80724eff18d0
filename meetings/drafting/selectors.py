"""Reused reads of meetings, returned already joined."""

from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from federations.models import Mandate, active_on
from finsam.collation import swedish_sort_key
from finsam.types import User
from meetings.models import (
    AgendaItem,
    Assignment,
    Attendance,
    Decision,
    DecisionRecipient,
    ItemComment,
    Meeting,
    ProtocolRevision,
    Recusal,
    Reservation,
    Signature,
    Vote,
)
from meetings.permissions import visible_meetings
from meetings.printing.paragraphs import paragraph_list, paragraph_numbers

VOTING_ROLES = {str(role) for role in Mandate.VOTING_ROLES}


def covers(paragraphs: str | None, number: int | None) -> bool:
    """Does a partial presence such as "1-4, 6" cover § number? Empty means the whole meeting."""
    if not paragraphs or number is None:
        return True
    for part in paragraphs.split(","):
        low, _sep, high = part.strip().partition("-")
        if low.isdigit() and int(low) <= number <= int(high or low):
            return True
    return False


def decision_makers(
    meeting: Meeting, number: int | None = None, attendances: list[Attendance] | None = None
) -> list[Attendance]:
    """Who decides § number: the present ledamöter (chairs included) not replaced for that §, and the ersättare
    serving for that §. A service for a range ("8-14") replaces the ledamot only in that range. With number None:
    one decision maker per seat over the whole meeting (for the quorum)."""
    attendances = list(meeting.attendances.all()) if attendances is None else attendances
    present = [a for a in attendances if a.status == Attendance.Status.PRESENT and covers(a.paragraphs, number)]
    replaced = {a.serving_for_id for a in present if a.serving_for_id}
    deciding = [a for a in present if a.serving_for_id or (a.role in VOTING_ROLES and a.pk not in replaced)]
    if number is not None:
        return deciding
    seats: dict[int, Attendance] = {}  # two ersättare serving in turn for one ledamot hold one seat
    for attendance in deciding:
        seats.setdefault(attendance.serving_for_id or attendance.pk, attendance)
    return list(seats.values())


def item_decision_makers(item: AgendaItem, attendances: list[Attendance] | None = None) -> list[Attendance]:
    """Who took part in the decisions of the §: its decision makers less those with jäv. Only they vote and only
    they may reserve themselves against a decision."""
    recused = {r.attendance_id for r in item.recusals.all()}
    return [a for a in decision_makers(item.meeting, item.number, attendances) if a.pk not in recused]


@dataclass
class Quorum:
    seats: int
    present: int

    @property
    def needed(self) -> int:
        return self.seats // 2 + 1

    @property
    def is_quorate(self) -> bool:
        return self.seats > 0 and self.present >= self.needed


def quorum(meeting: Meeting, attendances: list[Attendance] | None = None) -> Quorum | None:
    """More than half of the ledamöter, counting serving ersättare: kommunallagen's rule for a nämnd, which a
    federation's board follows. Quorum belongs to a protokoll of a body with ledamöter: None for minnesanteckningar
    and for a body without voting seats (a network, a working group), where there is nothing to count."""
    if not meeting.is_protocol:
        return None
    seats = Mandate.objects.filter(active_on(meeting.date), body=meeting.body, role__in=Mandate.VOTING_ROLES).count()
    if seats == 0:
        return None
    return Quorum(seats=seats, present=len(decision_makers(meeting, attendances=attendances)))


def proposed_substitutes(
    meeting: Meeting, attendances: list[Attendance] | None = None
) -> list[tuple[Attendance, Attendance, str]]:
    """For each ledamot nobody serves for: the next ersättare in call-in order who is present and free, with the §§
    to serve ("" for the whole meeting). An absent ledamot is replaced for the whole meeting; one present only for
    some §§ (who leaves after § 6, say) from the next § on.

    A personal ersättare of that ledamot comes first, then ersättare of the same member organisation, then any.
    Pass the meeting's attendances (with their people) when they are loaded already: then this costs one query,
    the body's ersättare mandates, however many are absent (and one more, the §§, when someone leaves early).
    """
    if attendances is None:
        attendances = list(meeting.attendances.select_related("person", "organisation"))
    # Whoever serves for someone is on the same meeting (attendance_save checks it), so the list knows them all.
    served = {a.serving_for_id for a in attendances if a.serving_for_id}
    voting = [a for a in attendances if a.role in VOTING_ROLES and a.pk not in served]
    missing: list[tuple[Attendance, str]] = [(a, "") for a in voting if a.status != Attendance.Status.PRESENT]
    partly = [a for a in voting if a.status == Attendance.Status.PRESENT and a.paragraphs]
    if partly:
        numbers = {n for n in meeting.items.values_list("number", flat=True) if n is not None}
        for attendance in partly:
            away = numbers - paragraph_numbers(attendance.paragraphs)
            if away:
                missing.append((attendance, paragraph_list(away)))
    if not missing:
        return []
    substitutes = Mandate.objects.filter(
        active_on(meeting.date), body=meeting.body, role=Mandate.Role.SUBSTITUTE
    ).select_related("substitute_for")
    # Keyed by person id; an attendee without a person (a guest) finds nothing.
    mandates: dict[int | None, Mandate] = {m.person_id: m for m in substitutes}
    personal_for: dict[int | None, int] = {
        m.person_id: m.substitute_for.person_id for m in mandates.values() if m.substitute_for is not None
    }
    free = [
        a
        for a in attendances
        if a.role == Mandate.Role.SUBSTITUTE and a.status == Attendance.Status.PRESENT and not a.serving_for_id
    ]
    proposals: list[tuple[Attendance, Attendance, str]] = []
    taken: set[int] = set()
    for ledamot, paragraphs in missing:

        def rank(candidate: Attendance, ledamot: Attendance = ledamot) -> tuple[bool, bool, int, str]:
            mandate = mandates.get(candidate.person_id)
            order = mandate.substitute_order if mandate and mandate.substitute_order else 999
            personal = personal_for.get(candidate.person_id) == ledamot.person_id
            same_org = candidate.organisation_id and candidate.organisation_id == ledamot.organisation_id
            return (not personal, not same_org, order, candidate.display_name)

        candidates = sorted((c for c in free if c.pk not in taken), key=rank)
        if candidates:
            taken.add(candidates[0].pk)
            proposals.append((ledamot, candidates[0], paragraphs))
    return proposals


@dataclass
class MandateChanges:
    """How the register has moved since the attendance was filled in from it: a mandate added or ended after the
    meeting was planned (a new mandate period, a representative replaced mid-year), or the meeting moved to a day
    with other mandates. Rows the secretary has worked on (a förhinder, a service, §§, jäv, a justerare) are left."""

    missing: list[Mandate]  # mandates on the day whose holder is not on the list
    lapsed: list[Attendance]  # people on the list whose mandates in the body do not cover the day
    untouched: set[int]  # the pks of the lapsed rows nobody has worked on, which may go


def mandate_changes(meeting: Meeting) -> MandateChanges:
    if meeting.imported:  # an archived record lists who came, not who held a seat
        return MandateChanges([], [], set())
    mandates = Mandate.objects.filter(active_on(meeting.date), body=meeting.body).select_related(
        "person", "organisation", "represents"
    )
    rows = list(meeting.attendances.all())
    listed = {a.person_id for a in rows if a.person_id}
    holders: dict[int, Mandate] = {}
    for mandate in mandates:
        holders.setdefault(mandate.person_id, mandate)
    missing = [m for person_id, m in holders.items() if person_id not in listed]
    seated = set(Mandate.objects.filter(body=meeting.body, person_id__in=listed).values_list("person_id", flat=True))
    lapsed = [a for a in rows if a.person_id in seated and a.person_id not in holders]
    served = {a.serving_for_id for a in rows if a.serving_for_id}
    justerare = set(meeting.justerare.values_list("pk", flat=True)) | {meeting.chair_id, meeting.secretary_id}
    lapsed_pks = [a.pk for a in lapsed]
    worked_on = served.union(
        *(
            model.objects.filter(attendance__in=lapsed_pks).values_list("attendance_id", flat=True)
            for model in (Recusal, Vote, Reservation)
        )
    )
    untouched = {
        a.pk
        for a in lapsed
        if a.status == Attendance.Status.PRESENT
        and not a.serving_for_id
        and not a.paragraphs
        and a.pk not in worked_on
        and a.person_id not in justerare
    }
    return MandateChanges(missing, lapsed, untouched)


def open_assignments_before(meeting: Meeting) -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        item__meeting__body=meeting.body, item__meeting__date__lt=meeting.date, status=Assignment.Status.OPEN
    ).select_related("item__meeting", "owner")


def meeting_for_editor(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items with everything the editor shows, in a fixed number of queries. A draft may have been
    sent back from justering: then each item carries the signers' comments on it (one more query, drafts only).

    Each decision carries what the protocol prints of it beyond its fields, so the meeting page and the snapshot
    (the justering page, the PDF) say the same: `named_votes` (the namnupprop, by name) and `recipients_line`."""
    decisions = Decision.objects.prefetch_related(
        "projects",
        "reservations__attendance__person",
        "assignments__owner",
        Prefetch("votes", queryset=Vote.objects.select_related("attendance__person")),
        Prefetch("addressees", queryset=DecisionRecipient.objects.select_related("person")),
    )
    comments = (
        [Prefetch("comments", queryset=current_comments(meeting), to_attr="signer_comments")]
        if meeting.status == Meeting.Status.DRAFT
        else []
    )
    items = list(
        meeting.items.order_by("position").prefetch_related(
            *comments,
            Prefetch("decisions", queryset=decisions),
            "assignments__owner",
            "attachments",
            "recusals__attendance__person",
            "projects",
            "continues__meeting",
            "continued_in__meeting",
            "corrections",
        )
    )
    for item in items:
        for decision in item.decisions.all():
            votes = [{"name": v.attendance.display_name, "choice": v.choice} for v in decision.votes.all()]
            decision.named_votes = sorted(votes, key=lambda row: swedish_sort_key(row["name"]))
            people = [a.person.name for a in decision.addressees.all() if a.person is not None]
            decision.recipients_line = recipients_line(decision.recipients, people)
    return items


def recipients_line(text: str, names: list[str]) -> str:
    """ "Beslutet skickas till" as printed: what the secretary wrote (organisations, functions), then the people
    picked as recipients whom it does not name already. Addresses are for delivery, not for print."""
    text = (text or "").strip()
    extra = [name for name in names if name not in text]
    return ", ".join(part for part in [text, *extra] if part)


def attendance_list(meeting: Meeting) -> list[Attendance]:
    return list(
        meeting.attendances.select_related("person", "organisation", "represents", "serving_for").order_by(
            "position", "id"
        )
    )


def meetings_for(user: User) -> QuerySet[Meeting]:
    """The meetings the user may read, newest first, joined for the list."""

    return visible_meetings(user).select_related("body__federation", "body__network").order_by("-date", "-start_time")


def _current_revision_number(meeting_ref: Any) -> Subquery:
    return Subquery(
        ProtocolRevision.objects.filter(meeting=meeting_ref, kind=ProtocolRevision.Kind.FULL)
        .order_by("-number")
        .values("number")[:1]
    )


def with_send_back(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Annotate each meeting with who sent its current revision back and why (None when it was not sent back), in
    the same query: a reason counts only while it belongs to the latest revision."""
    returned = Signature.objects.filter(
        revision__meeting=OuterRef("pk"),
        revision__kind=ProtocolRevision.Kind.FULL,
        revision__number=_current_revision_number(OuterRef(OuterRef("pk"))),
        status=Signature.Status.RETURNED,
    ).order_by("id")
    return meetings.annotate(
        sent_back_reason=Subquery(returned.values("reason")[:1]),
        sent_back_by=Subquery(returned.values("person__name")[:1]),
    )


def current_comments(meeting: Meeting) -> QuerySet[ItemComment]:
    """The signers' comments on the latest revision of the protocol, for the editor to show beside each §."""
    return (
        ItemComment.objects.filter(
            revision__meeting=meeting,
            revision__kind=ProtocolRevision.Kind.FULL,
            revision__number=_current_revision_number(meeting),
        )
        .select_related("author")
        .order_by("created")
    )
