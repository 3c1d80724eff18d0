"""Helpers the drafting pages share: the § and the attendance row a URL or a form names, within the meeting."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from finsam.params import whole_number
from meetings.models import AgendaItem, Attendance


def item_in(meeting, item_pk):
    return get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)


def posted_attendance(request, meeting, name):
    """The meeting's attendance row a form names in `name`; 404 for a missing, malformed or foreign id."""
    pk = whole_number(request.POST.get(name))
    if pk is None:
        raise Http404
    return get_object_or_404(Attendance, pk=pk, meeting=meeting)
