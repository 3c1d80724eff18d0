"""Meetings and the minutes editor. Thin: fetch with permission, validate, call one service, render or redirect."""

import difflib
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from federations.permissions import roles_for
from finsam.params import whole_number
from finsam.web import REFUSED, attempt, attempt_form, attempt_json, save_form
from meetings.drafting import selectors, services
from meetings.drafting.forms import (
    AssignmentForm,
    AttachmentForm,
    AttendanceForm,
    DecisionForm,
    ItemAddForm,
    ItemDetailsForm,
    ItemTextForm,
    MeetingEditForm,
    MeetingForm,
    ReasonForm,
)
from meetings.drafting.ics import meeting_calendar
from meetings.drafting.kallelse import kallelse_pdf as kallelse_document
from meetings.drafting.kallelse import kallelse_recipients, kallelse_text
from meetings.models import AgendaItem, Assignment, Attachment, Attendance, Decision
from meetings.permissions import (
    READ,
    READ_DRAFTS,
    WRITE,
    can_correct,
    can_edit,
    get_meeting_for_user,
    writable_bodies,
)
from meetings.sanitize import html_to_text


def _item(meeting, item_pk):
    return get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)


def _posted_attendance(request, meeting, name):
    """The meeting's attendance row a form names in `name`; 404 for a missing, malformed or foreign id."""
    pk = whole_number(request.POST.get(name))
    if pk is None:
        raise Http404
    return get_object_or_404(Attendance, pk=pk, meeting=meeting)


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
    if meeting := save_form(request, form, write, _("Mötet är planerat.")):
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
    }
    return render(request, "meetings/drafting/meeting_detail.html", context)


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


@login_required
@require_POST
def item_add(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    form = ItemAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ärendet behöver en rubrik."))
        return redirect(meeting)
    item = attempt(request, lambda: services.item_add(actor=request.user, meeting=meeting, **form.cleaned_data))
    if item is REFUSED:
        return redirect(meeting)
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_POST
def item_move(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    attempt(request, lambda: services.item_move(actor=request.user, item=item, offset=offset))
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_POST
def item_delete(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    attempt(
        request,
        lambda: services.item_delete(actor=request.user, item=item),
        _("Ärendet är borttaget och paragraferna är omnumrerade."),
    )
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def item_details(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    form = ItemDetailsForm(request.POST or None, instance=item)
    if save_form(request, form, partial(services.item_update_details, actor=request.user, item=item)):
        return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")
    return render(request, "meetings/drafting/item_details.html", {"meeting": meeting, "item": item, "form": form})


def _item_state(item):
    return {
        "heading": item.heading,
        "text": item.text,
        "version": item.version,
        "saved_at": timezone.localtime(item.updated).strftime("%H:%M"),
    }


@require_POST
def item_save_text(request, pk, item_pk):
    """Autosave endpoint (JSON). 409 with the server's version on a conflict; 401 when the session has expired."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"error": _("Du är utloggad. Logga in igen – din text finns kvar i webbläsaren.")}, status=401
        )
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    form = ItemTextForm(request.POST)
    if not form.is_valid():  # what is wrong, in words (a text too long, a line break in the heading)
        reasons = [message for errors in form.errors.values() for message in errors]
        return JsonResponse(
            {"error": " ".join(reasons) or _("Texten kunde inte sparas: ogiltiga uppgifter.")}, status=400
        )
    save = partial(
        services.item_save_text,
        actor=request.user,
        item_id=item.pk,
        heading=form.cleaned_data["heading"],
        text=form.cleaned_data["text"],
        base_version=form.cleaned_data["version"],
    )
    try:
        item, refused = attempt_json(save)
    except services.EditConflict as conflict:
        return JsonResponse(
            {"error": _("Någon annan har sparat paragrafen."), "server": _item_state(conflict.item)}, status=409
        )
    return refused or JsonResponse(_item_state(item))


@login_required
@require_GET
def item_history(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, READ_DRAFTS)
    item = _item(meeting, item_pk)
    revisions = list(item.revisions.select_related("author").order_by("-version"))
    by_version = {r.version: r for r in revisions}
    diff = None
    a, b = whole_number(request.GET.get("a"), 0), whole_number(request.GET.get("b"), 0)
    if a in by_version and b in by_version:
        old, new = by_version[a], by_version[b]
        diff = list(
            difflib.unified_diff(
                ([f"# {old.heading}"] + html_to_text(old.text).splitlines()),
                ([f"# {new.heading}"] + html_to_text(new.text).splitlines()),
                fromfile=_("version %(n)s") % {"n": a},
                tofile=_("version %(n)s") % {"n": b},
                lineterm="",
            )
        )[2:]  # the two file-header lines say nothing the page heading does not
    return render(
        request,
        "meetings/drafting/item_history.html",
        {
            "meeting": meeting,
            "item": item,
            "revisions": revisions,
            "diff": diff,
            "a": a,
            "b": b,
            "writable": can_edit(request.user, meeting),
        },
    )


@login_required
@require_POST
def item_restore(request, pk, item_pk, revision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    revision = get_object_or_404(item.revisions, pk=revision_pk)
    try:
        attempt(
            request,
            lambda: services.item_restore(actor=request.user, item=item, revision=revision),
            lambda restored: (
                _("Version %(old)s är återställd som version %(new)s.")
                % {"old": revision.version, "new": restored.version}
            ),
        )
    except services.EditConflict:
        messages.error(request, _("Försök igen."))
    return redirect("meetings:item_history", pk=meeting.pk, item_pk=item.pk)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk, attendance_pk=None):
    meeting = get_meeting_for_user(request.user, pk, READ if request.method == "GET" else WRITE)
    writable = can_edit(request.user, meeting)
    instance = get_object_or_404(Attendance, pk=attendance_pk, meeting=meeting) if attendance_pk else None
    if instance is not None and not writable:
        raise PermissionDenied
    form = AttendanceForm(request.POST or None, instance=instance, meeting=meeting)
    write = partial(services.attendance_save, actor=request.user, meeting=meeting, attendance=instance)
    if save_form(request, form, write, _("Närvaron är sparad.")):
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
        },
    )


@login_required
@require_POST
def attendance_serve(request, pk):
    """Accept a proposal: the ersättare serves for the absent ledamot."""
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    substitute = _posted_attendance(request, meeting, "substitute")
    absent = _posted_attendance(request, meeting, "absent")
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
    return render(request, "meetings/drafting/absence_report.html", {"meeting": meeting})


@login_required
@require_POST
def recusal(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    person = _posted_attendance(request, meeting, "attendance")
    recused = request.POST.get("recused") == "1"
    write = partial(services.recusal_set, actor=request.user, item=item, attendance=person, recused=recused)
    attempt_form(request, ReasonForm(request.POST), write)
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def decision_edit(request, pk, item_pk, decision_pk=None):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    decision = get_object_or_404(Decision, pk=decision_pk, item=item) if decision_pk else None
    form = DecisionForm(request.POST or None, instance=decision, meeting=meeting)
    write = partial(services.decision_save, actor=request.user, item=item, decision=decision)
    if save_form(request, form, write, _("Beslutet är sparat.")):
        return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")
    context = {"meeting": meeting, "item": item, "form": form, "decision": decision}
    if decision is not None:
        votes = {v.attendance_id: v.choice for v in decision.votes.all()}
        deciding = selectors.item_decision_makers(item, selectors.attendance_list(meeting))
        context.update(
            voters=[(a, votes.get(a.pk, "")) for a in deciding],
            reservations=decision.reservations.select_related("attendance__person"),
            attendances=deciding,  # only those who took part in the decision may reserve themselves
            unreachable=[a for a in decision.addressees.select_related("person") if not a.address],
        )
    return render(request, "meetings/drafting/decision_form.html", context)


@login_required
@require_POST
def decision_reservation(request, pk, item_pk, decision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    decision = get_object_or_404(Decision, pk=decision_pk, item=_item(meeting, item_pk))
    attendance = _posted_attendance(request, meeting, "attendance")
    reserved = request.POST.get("reserved", "1") == "1"
    write = partial(
        services.reservation_set, actor=request.user, decision=decision, attendance=attendance, reserved=reserved
    )
    attempt_form(request, ReasonForm(request.POST), write)
    return redirect("meetings:decision_edit", pk=meeting.pk, item_pk=item_pk, decision_pk=decision.pk)


@login_required
@require_POST
def decision_votes(request, pk, item_pk, decision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    decision = get_object_or_404(Decision, pk=decision_pk, item=_item(meeting, item_pk))
    choices = {}
    for key, value in request.POST.items():
        attendance_id = whole_number(key.removeprefix("vote-")) if key.startswith("vote-") else None
        if attendance_id is not None and value:
            choices[attendance_id] = value
    attempt(
        request,
        lambda: services.votes_set(actor=request.user, decision=decision, choices=choices),
        _("Rösterna är sparade."),
    )
    return redirect("meetings:decision_edit", pk=meeting.pk, item_pk=item_pk, decision_pk=decision.pk)


@login_required
@require_POST
def decision_delete(request, pk, item_pk, decision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    decision = get_object_or_404(Decision, pk=decision_pk, item=_item(meeting, item_pk))
    attempt(request, lambda: services.decision_delete(actor=request.user, decision=decision))
    return redirect(f"{meeting.get_absolute_url()}#p{item_pk}")


@login_required
@require_POST
def assignment_add(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    form = AssignmentForm(request.POST, meeting=meeting)
    if form.is_valid():
        attempt(
            request,
            lambda: services.assignment_create(actor=request.user, item=item, **form.cleaned_data),
            pgettext("assignment", "Uppdraget är sparat."),
        )
    else:
        messages.error(request, _("Beskriv uppdraget."))
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_POST
def assignment_follow_up(request, pk, item_pk, assignment_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk)
    assignment = get_object_or_404(
        Assignment, pk=assignment_pk, item__meeting__body=meeting.body, item__meeting__date__lte=meeting.date
    )
    attempt(
        request,
        lambda: services.assignment_follow_up(
            actor=request.user, assignment=assignment, item=item, done=request.POST.get("done") == "1"
        ),
    )
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_POST
def attachment_add(request, pk, item_pk=None):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = _item(meeting, item_pk) if item_pk else None
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Välj en fil att bifoga."))
    else:
        attempt(
            request,
            lambda: services.attachment_add(
                actor=request.user, meeting=meeting, upload=form.cleaned_data["file"], item=item
            ),
            _("Bilagan är sparad."),
        )
    anchor = f"#p{item.pk}" if item else ""
    return redirect(f"{meeting.get_absolute_url()}{anchor}")


@require_GET
def attachment_download(request, pk, attachment_pk):
    meeting = get_meeting_for_user(request.user, pk, READ)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, meeting=meeting)
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name, content_type=attachment.content_type
    )
