"""Sending the record for justering: the whole protocol, or the §§ marked for immediate justering."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from finsam.web import attempt
from meetings.justering import services
from meetings.justering.views.common import back
from meetings.permissions import WRITE, get_meeting_for_user


@login_required
@require_POST
def send(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    deadline = request.POST.get("deadline") or None
    try:
        deadline = datetime.date.fromisoformat(deadline) if deadline else None
    except ValueError:
        messages.error(request, _("Sista dag för justering är inget giltigt datum (skriv det som ÅÅÅÅ-MM-DD)."))
        return back(meeting)
    attempt(
        request,
        lambda: services.protocol_send_for_justering(
            actor=request.user, meeting=meeting, deadline=deadline, late_confirmed=request.POST.get("late") == "1"
        ),
        lambda revision: _("Revision %(n)s är skickad på justering.") % {"n": revision.number},
    )
    return back(meeting)


@login_required
@require_POST
def send_extract(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.extract_send_for_justering(actor=request.user, meeting=meeting),
        _("De omedelbart justerade paragraferna är skickade på justering."),
    )
    return back(meeting)
