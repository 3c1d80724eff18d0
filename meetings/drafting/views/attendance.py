"""Who comes: the attendance, calling in an ersättare, anmäl förhinder and jäv."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from finsam.web import REFUSED, attempt, attempt_form, save_form
from meetings.drafting import selectors, services
from meetings.drafting.forms import (
    AttendanceForm,
    ReasonForm,
)
from meetings.drafting.views.common import item_in, posted_attendance
from meetings.guards import ensure_meeting_editable
from meetings.models import Attendance
from meetings.permissions import (
    READ,
    WRITE,
    can_edit,
    can_write,
    get_meeting_for_user,
)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk, attendance_pk=None):
    meeting = get_meeting_for_user(request.user, pk, READ if request.method == "GET" else WRITE)
    writable = can_edit(request.user, meeting)
    instance = get_object_or_404(Attendance, pk=attendance_pk, meeting=meeting) if attendance_pk else None
    if instance is not None and not can_write(request.user, meeting):
        raise PermissionDenied
    if instance is not None and not writable and request.method == "GET":
        return _not_editable(request, meeting)  # a posted form goes on to the service, which says why and keeps it
    form = AttendanceForm(request.POST or None, instance=instance, meeting=meeting)
    write = partial(services.attendance_save, actor=request.user, meeting=meeting, attendance=instance)
    try:
        saved = save_form(request, form, write, _("Närvaron är sparad."))
    except services.AttendanceAlreadyAdded as sent_twice:  # the row the first post added is what they get
        messages.info(
            request,
            _("Formuläret skickades två gånger: %(name)s finns bara en gång i närvarolistan.")
            % {"name": sent_twice.attendance.display_name},
        )
        return redirect(reverse("meetings:attendance", args=[meeting.pk]) + f"#a{sent_twice.attendance.pk}")
    if saved:
        return redirect("meetings:attendance", pk=meeting.pk)
    attendances = selectors.attendance_list(meeting)
    return render(
        request,
        "meetings/drafting/attendance.html",
        {
            "meeting": meeting,
            "attendances": attendances,
            "form": form,
            "editing": instance,
            "writable": writable,
            "quorum": selectors.quorum(meeting, attendances),
            "proposals": selectors.proposed_substitutes(meeting, attendances) if writable else [],
            "register_changes": selectors.mandate_changes(meeting) if writable else None,
        },
    )


def _not_editable(request, meeting):
    """The record is out for justering or justerat: the reason, on the attendance page, instead of a form."""
    attempt(request, lambda: ensure_meeting_editable(meeting))  # the guard's own words for why
    return redirect("meetings:attendance", pk=meeting.pk)


@login_required
@require_POST
def attendance_refresh(request, pk):
    """Bring the list in line with the mandates on the meeting's day (a mandate added or ended since it was filled)."""
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.attendance_refresh(actor=request.user, meeting=meeting),
        _("Närvaron följer registret."),
    )
    return redirect("meetings:attendance", pk=meeting.pk)


@login_required
@require_POST
def attendance_serve(request, pk):
    """Accept a proposal: the ersättare serves for the absent ledamot."""
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    substitute = posted_attendance(request, meeting, "substitute")
    absent = posted_attendance(request, meeting, "absent")
    paragraphs = request.POST.get("paragraphs", "")
    done = attempt(
        request,
        lambda: services.substitute_call_in(
            actor=request.user, meeting=meeting, substitute=substitute, absent=absent, paragraphs=paragraphs
        ),
        _("%(sub)s tjänstgör för %(absent)s.") % {"sub": substitute.display_name, "absent": absent.display_name},
    )
    if done is not REFUSED and not (substitute.person and substitute.person.email):
        messages.warning(
            request,
            _("%(sub)s har ingen e-postadress i registret och har inte fått någon inkallelse: meddela på annat sätt.")
            % {"sub": substitute.display_name},
        )
    return redirect("meetings:attendance", pk=meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def absence_report(request, pk):
    """Anmäl förhinder, from the kallelse's link: a page that says what happens, then one button."""
    meeting = get_meeting_for_user(request.user, pk, READ)
    if request.method == "POST":
        done = attempt(
            request,
            lambda: services.absence_report(actor=request.user, meeting=meeting),
            _("Ditt förhinder är anmält. Sekreteraren kallar in din ersättare."),
        )
        if done is not REFUSED:
            return redirect(meeting)
    held = meeting.date < timezone.localdate()  # the service refuses it too; the page offers no button then
    return render(request, "meetings/drafting/absence_report.html", {"meeting": meeting, "held": held})


@login_required
@require_POST
def recusal(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    person = posted_attendance(request, meeting, "attendance")
    recused = request.POST.get("recused") == "1"
    write = partial(services.recusal_set, actor=request.user, item=item, attendance=person, recused=recused)
    attempt_form(request, ReasonForm(request.POST), write)
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")
