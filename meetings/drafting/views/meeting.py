"""The meeting: the list, planning and editing it, its page, its calendar invitation and its kallelse."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from federations.permissions import roles_for
from finsam.web import attempt, save_form
from meetings.drafting import selectors, services
from meetings.drafting.editor import EDITOR_MESSAGES
from meetings.drafting.forms import (
    ItemAddForm,
    MeetingEditForm,
    MeetingForm,
)
from meetings.drafting.ics import meeting_calendar
from meetings.drafting.kallelse import kallelse_pdf as kallelse_document
from meetings.drafting.kallelse import kallelse_recipients, kallelse_text
from meetings.models import ProtocolRevision
from meetings.permissions import (
    READ,
    READ_DRAFTS,
    WRITE,
    can_correct,
    can_edit,
    get_meeting_for_user,
    writable_bodies,
)
from meetings.printing.typed_text import flat_typed_text


@login_required
@require_GET
def meeting_list(request):
    meetings = selectors.meetings_for(request.user)[:200]
    today = timezone.localdate()
    meetings = list(meetings)
    return render(
        request,
        "meetings/drafting/meeting_list.html",
        {
            "upcoming": sorted((m for m in meetings if m.date >= today), key=lambda m: m.date),
            "recent": [m for m in meetings if m.date < today],
            "can_plan": writable_bodies(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    bodies = writable_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied
    form = MeetingForm(request.POST or None, bodies=bodies)
    write = partial(services.meeting_create, actor=request.user)
    try:
        meeting = save_form(request, form, write, _("Mötet är planerat."))
    except services.MeetingAlreadyAdded as sent_twice:  # the meeting the first post planned is what they get
        messages.info(request, _("Formuläret skickades två gånger: mötet är bara planerat en gång."))
        return redirect(sent_twice.meeting)
    if meeting:
        _say_renumbered(request, meeting)
        return redirect(meeting)
    return render(request, "meetings/drafting/meeting_form.html", {"form": form})


def _say_renumbered(request, meeting):
    """The body numbers its §§ through the year: planning or moving a meeting renumbered later drafts."""
    for change in meeting.renumbered:
        other = change.meeting
        kallad = (
            _(" Kallelsen till det mötet har redan skickats med de gamla numren.") if other.kallelse_sent_at else ""
        )
        messages.info(
            request,
            _("Paragraferna i %(body)s %(date)s har numrerats om från %(before)s till %(after)s.%(kallad)s")
            % {"body": other.body.name, "date": date_format(other.date, "j F Y"), "before": change.before,
               "after": change.after, "kallad": kallad},
        )  # fmt: skip


@require_GET
def meeting_detail(request, pk):
    meeting = get_meeting_for_user(request.user, pk, READ)
    writable = can_edit(request.user, meeting)
    attendances = selectors.attendance_list(meeting)
    context = {
        "meeting": meeting,
        "items": selectors.meeting_for_editor(meeting),
        "attendances": attendances,
        "quorum": selectors.quorum(meeting, attendances),
        "writable": writable,
        "today": timezone.localdate(),
        "can_correct": can_correct(request.user, meeting),
        "follow_up": selectors.open_assignments_before(meeting) if writable else [],
        "follow_up_item": meeting.items.filter(heading=services.FOLLOW_UP_HEADING).first() if writable else None,
        "add_form": ItemAddForm(),
        "my_attendance": _own_attendance(request.user, attendances),
        "signed_as": _signed_as(meeting),
        "editor_messages": EDITOR_MESSAGES if writable else None,
        # A sealed record's typed texts as its sealed PDF prints them.
        "flat_typed_text": flat_typed_text(meeting.typed_layout),
    }
    return render(request, "meetings/drafting/meeting_detail.html", context)


def _signed_as(meeting):
    """A justerat record's chair and secretary as its signed revision names them: a name changed in the register
    later does not change the record's page (one query, for a frozen record only)."""
    if not meeting.is_frozen:
        return None
    revision = meeting.revisions.filter(kind=ProtocolRevision.Kind.FULL).order_by("-number").only("snapshot").first()
    return revision.snapshot.get("meeting") if revision else None


def _own_attendance(user, attendances):
    """The signed-in user's own row of the attendance (called to the meeting), or None."""
    person = roles_for(user).person if user.is_authenticated else None
    return next((a for a in attendances if person is not None and a.person_id == person.pk), None)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    form = MeetingEditForm(request.POST or None, instance=meeting)
    write = partial(services.meeting_update, actor=request.user, meeting=meeting)
    if updated := save_form(request, form, write, _("Mötet är uppdaterat.")):
        _say_renumbered(request, updated)
        return redirect(meeting)
    return render(request, "meetings/drafting/meeting_edit.html", {"form": form, "meeting": meeting})


@require_GET
def meeting_ics(request, pk):
    meeting = get_meeting_for_user(request.user, pk, READ)
    response = HttpResponse(meeting_calendar(meeting, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sammantrade-{meeting.date:%Y-%m-%d}.ics"'
    return response


@login_required
@require_GET
def kallelse_pdf(request, pk):
    """The kallelse as a PDF, for whoever may read the meeting's drafts: its members, signers and staff."""
    meeting = get_meeting_for_user(request.user, pk, READ_DRAFTS)
    response = HttpResponse(kallelse_document(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="kallelse-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def kallelse_send(request, pk):
    """GET: the kallelse as it will go out, and who will not get it (no e-mail address). POST: send it."""
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    if request.method == "GET":
        reached, missed = kallelse_recipients(meeting)
        subject, body = kallelse_text(meeting)
        context = {"meeting": meeting, "reached": reached, "missed": missed, "subject": subject, "body": body}
        return render(request, "meetings/drafting/kallelse_preview.html", context)
    attempt(
        request,
        lambda: services.kallelse_send(actor=request.user, meeting=meeting),
        lambda count: _("Kallelsen skickas till %(count)s personer.") % {"count": count},
        postponed=_("Kallelsen skickas så snart bakgrundsarbetet är i gång igen."),
    )
    return redirect(meeting)
