"""The start page of a signed-in user: what waits for them across the jobs (drafts to write, protocols and extracts
to sign), their own meetings and their open assignments."""

from typing import Any

from django.db.models import F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Mandate
from federations.permissions import roles_for
from finsam.types import User
from meetings.drafting.selectors import with_send_back
from meetings.models import Assignment, Attendance, Meeting, Signature


def home_for(user: User) -> dict[str, Any]:
    """The start page of a signed-in user: what waits, their meetings, their open assignments."""
    roles = roles_for(user)
    today = timezone.localdate()
    meetings = own_meetings(user)
    recent = list(meetings.filter(date__lt=today).order_by("-date", "-start_time")[:5])
    upcoming = list(meetings.filter(date__gte=today).order_by("date", "start_time")[:5])
    return {
        "waiting": waiting_for(user),
        "meetings": recent[::-1] + upcoming,  # in date order: the last five held, then the next five
        "my_assignments": list(
            Assignment.objects.filter(owner=roles.person, status=Assignment.Status.OPEN)
            .select_related("item__meeting__body__federation", "item__meeting__body__network")
            .order_by(F("due").asc(nulls_last=True), "pk")[:10]  # soonest first; undated last on SQLite too
        )
        if roles.person
        else [],
    }


def own_meetings(user: User) -> QuerySet[Meeting]:
    """The meetings of the user's own bodies (and, for a secretary or coordinator, of the federations and networks
    they serve), with those they chair or keep the minutes of: not every public meeting the user may read."""
    roles = roles_for(user)
    if roles.person is None:
        return Meeting.objects.none()
    mine = (
        Q(body__in=roles.member_of_bodies)
        | Q(body__federation__in=roles.secretary_of)
        | Q(body__network__in=roles.coordinator_of)
        | Q(chair=roles.person)
        | Q(secretary=roles.person)
    )
    return Meeting.objects.filter(mine).select_related("body__federation", "body__network")


def waiting_for(user: User) -> list[dict[str, str]]:
    """What waits for the user on the start page: protocols and extracts to sign, then drafts to write."""
    roles = roles_for(user)
    if roles.person is None:
        return []
    drafts = with_send_back(
        Meeting.objects.filter(
            status__in=[Meeting.Status.PLANNED, Meeting.Status.CALLED, Meeting.Status.DRAFT],
            body__federation__in=roles.secretary_of,
        ).select_related("body__federation")
    )
    to_sign = Signature.objects.filter(
        Q(revision__meeting__status=Meeting.Status.IN_JUSTERING) | Q(revision__kind="extract"),
        person=roles.person,
        status=Signature.Status.PENDING,
    ).select_related("revision__meeting__body__federation", "revision__meeting__body__network")
    signing = [
        {
            "label": _("Att justera senast %(deadline)s: %(meeting)s")
            % {"deadline": f"{s.revision.deadline:%Y-%m-%d}", "meeting": _meeting_label(s.revision.meeting)},
            "url": reverse("meetings:justering", args=[s.revision.meeting_id]),
        }
        for s in to_sign
    ]
    return signing + _excused_without_substitute(roles) + [_draft_entry(m) for m in drafts.order_by("date")[:20]]


def _excused_without_substitute(roles: Any) -> list[dict[str, str]]:
    """For the secretary: a ledamot has reported förhinder to a coming meeting and no ersättare serves for them yet."""
    if not roles.secretary_of:
        return []
    excused = (
        Attendance.objects.filter(
            meeting__body__federation__in=roles.secretary_of,
            meeting__date__gte=timezone.localdate(),
            meeting__status__in=[Meeting.Status.PLANNED, Meeting.Status.CALLED, Meeting.Status.DRAFT],
            status=Attendance.Status.EXCUSED,
            role__in=Mandate.VOTING_ROLES,
            served_by__isnull=True,
        )
        .select_related("meeting__body__federation", "person")
        .order_by("meeting__date", "position")[:20]
    )
    return [
        {
            "label": _("Förhinder anmält: %(name)s, %(meeting)s – kalla in en ersättare")
            % {"name": a.display_name, "meeting": _meeting_label(a.meeting)},
            "url": reverse("meetings:attendance", args=[a.meeting_id]),
        }
        for a in excused
    ]


def _draft_entry(meeting: Any) -> dict[str, Any]:  # a Meeting annotated by with_send_back
    url = reverse("meetings:meeting_detail", args=[meeting.pk])
    if meeting.sent_back_reason is None:
        return {"label": _("Utkast att skriva: %(meeting)s") % {"meeting": _meeting_label(meeting)}, "url": url}
    label = _("Skickat tillbaka av %(name)s: %(meeting)s") % {
        "name": meeting.sent_back_by,
        "meeting": _meeting_label(meeting),
    }
    return {"label": label, "reason": meeting.sent_back_reason, "url": url}


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.body.name}, {meeting.body.owner_short_name}, {meeting.date:%Y-%m-%d}"
