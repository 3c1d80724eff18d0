"""Decisions of a §: the decision itself, reservations, each member's vote, and assignments."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from finsam.params import whole_number
from finsam.web import attempt, attempt_form, save_form
from meetings.drafting import selectors, services
from meetings.drafting.forms import (
    AssignmentForm,
    DecisionForm,
    ReasonForm,
)
from meetings.drafting.views.common import item_in, posted_attendance
from meetings.models import Assignment, Decision
from meetings.permissions import (
    WRITE,
    get_meeting_for_user,
)


@login_required
@require_http_methods(["GET", "POST"])
def decision_edit(request, pk, item_pk, decision_pk=None):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    decision = get_object_or_404(Decision, pk=decision_pk, item=item) if decision_pk else None
    form = DecisionForm(request.POST or None, instance=decision, meeting=meeting)
    write = partial(services.decision_save, actor=request.user, item=item, decision=decision)
    theirs = None
    try:
        saved = save_form(request, form, write, _("Beslutet är sparat."))
    except services.DecisionConflict as conflict:
        saved, theirs = None, conflict.decision
        form.add_error(
            None,
            _(
                "Krock: någon annan har sparat beslutet sedan du öppnade det. Din ändring är inte sparad men står kvar "
                "nedan, och den andra versionen visas här. Slå ihop dem och spara igen."
            ),
        )
        form.rebase(theirs.version)
    except services.DecisionAlreadyAdded as sent_twice:  # the decision the first post added is what they get
        messages.info(request, _("Formuläret skickades två gånger: beslutet är bara sparat en gång."))
        return redirect(f"{meeting.get_absolute_url()}#d{sent_twice.decision.pk}")
    if saved:
        if _votes_missing(saved):  # the namnupprop is entered on the decision's page, once it is saved
            messages.warning(request, _("Skriv in rösterna: antalen i beslutet eller varje ledamots röst nedan."))
            return redirect(reverse("meetings:decision_edit", args=[meeting.pk, item.pk, saved.pk]) + "#votes-heading")
        return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")
    context = {"meeting": meeting, "item": item, "form": form, "decision": decision, "theirs": theirs}
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


def _votes_missing(decision):
    counts = (decision.votes_yes, decision.votes_no, decision.votes_abstain)
    return decision.method == Decision.Method.VOTE and counts == (None, None, None)


@login_required
@require_POST
def decision_reservation(request, pk, item_pk, decision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    decision = get_object_or_404(Decision, pk=decision_pk, item=item_in(meeting, item_pk))
    attendance = posted_attendance(request, meeting, "attendance")
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
    decision = get_object_or_404(Decision, pk=decision_pk, item=item_in(meeting, item_pk))
    choices = {}
    for key, value in request.POST.items():
        attendance_id = whole_number(key.removeprefix("vote-")) if key.startswith("vote-") else None
        if attendance_id is not None and value:
            choices[attendance_id] = value
    version = whole_number(request.POST.get("version"))
    try:
        attempt(
            request,
            lambda: services.votes_set(actor=request.user, decision=decision, choices=choices, version=version),
            _("Rösterna är sparade."),
        )
    except services.DecisionConflict:
        messages.error(
            request,
            _(
                "Krock: någon annan har ändrat beslutet eller rösterna sedan du öppnade sidan. Dina röster är inte "
                "sparade: se över dem nedan och spara igen."
            ),
        )
    return redirect("meetings:decision_edit", pk=meeting.pk, item_pk=item_pk, decision_pk=decision.pk)


@login_required
@require_POST
def decision_delete(request, pk, item_pk, decision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    decision = get_object_or_404(Decision, pk=decision_pk, item=item_in(meeting, item_pk))
    attempt(
        request, lambda: services.decision_delete(actor=request.user, decision=decision), _("Beslutet är borttaget.")
    )
    return redirect(f"{meeting.get_absolute_url()}#p{item_pk}")


@login_required
@require_POST
def assignment_add(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    form = AssignmentForm(request.POST, meeting=meeting)
    write = partial(services.assignment_create, actor=request.user, item=item)
    try:
        saved = save_form(request, form, write, pgettext("assignment", "Uppdraget är sparat."))
    except services.AssignmentAlreadyAdded as sent_twice:  # the uppdrag the first post added is what they get
        messages.info(
            request,
            _("Formuläret skickades två gånger: uppdraget till %(owner)s är bara sparat en gång.")
            % {"owner": sent_twice.assignment.owner_name},
        )
        return redirect(f"{meeting.get_absolute_url()}#u{sent_twice.assignment.pk}")
    if saved:
        return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")
    # The form comes back on a page of its own, with what was typed and the reasons beside the fields.
    return render(request, "meetings/drafting/assignment_form.html", {"meeting": meeting, "item": item, "form": form})


@login_required
@require_POST
def assignment_follow_up(request, pk, item_pk, assignment_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
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
