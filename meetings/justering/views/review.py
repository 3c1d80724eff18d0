"""While the record is under justering: a signer's comment on a §, a signer sending it back, the secretary taking
it back. What a signer wrote that could not be saved is kept in their session and shown in its form again."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from finsam.web import REFUSED, attempt, attempt_form
from meetings.justering import services
from meetings.justering.forms import CommentForm, SendBackForm
from meetings.justering.views.common import back, kept_key
from meetings.models import AgendaItem, Meeting
from meetings.permissions import SIGN, WRITE, get_meeting_for_user


@login_required
@require_POST
def reopen(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.protocol_reopen(actor=request.user, meeting=meeting),
        _("Protokollet är tillbaka som utkast. Skicka det på justering igen när du är klar."),
    )
    return redirect(meeting)


def _keep(request, meeting, field, text):
    """What a signer wrote that could not be saved (the protocol taken back, changed, or sent back by another
    signer since the page was loaded): kept in their session and shown in its form again until it is saved."""
    kept = request.session.get(kept_key(meeting), {})
    if text and text.strip():
        kept[field] = text.replace("\x00", "")  # refused for it, maybe: the rest is theirs
    else:
        kept.pop(field, None)
    if kept:
        request.session[kept_key(meeting)] = kept
    else:
        request.session.pop(kept_key(meeting), None)


def _posted_by_signer(request, meeting, field, form, action, success):
    """Run a signer's comment or send-back; what they wrote is kept when it is refused, forgotten once saved."""
    result = attempt_form(request, form, action, success)
    text = request.POST.get(form.text_field, "")
    if result is REFUSED and text.strip():
        _keep(request, meeting, field, text)
        meeting.refresh_from_db(fields=["status"])
        if meeting.status == Meeting.Status.IN_JUSTERING:  # a new revision: to read, then to save it on
            messages.info(request, _("Det du skrev är inte sparat, men det står kvar i formuläret."))
        else:
            messages.info(
                request,
                _(
                    "Det du skrev är inte sparat, men det står kvar i formuläret. Spara det när protokollet är på "
                    "justering igen."
                ),
            )
    elif result is not REFUSED:
        _keep(request, meeting, field, "")
    return result


@login_required
@require_POST
def comment(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, SIGN)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    field = f"comment-{item.pk}"
    try:
        saved = _posted_by_signer(
            request,
            meeting,
            field,
            CommentForm(request.POST),
            partial(services.comment_add, actor=request.user, meeting=meeting, item=item),
            _("Kommentaren är sparad."),
        )
    except services.CommentAlreadyAdded as sent_twice:  # the comment the first post added is what they get
        _keep(request, meeting, field, "")
        messages.info(request, _("Formuläret skickades två gånger: kommentaren är bara sparad en gång."))
        return redirect(f"{reverse('meetings:justering', args=[meeting.pk])}#k{sent_twice.comment.pk}")
    if saved is REFUSED:  # to the top, where the focus goes to why: a fragment would scroll it away and blur it
        return back(meeting)
    return redirect(f"{reverse('meetings:justering', args=[meeting.pk])}#c{item.pk}")


@login_required
@require_POST
def send_back(request, pk):
    meeting = get_meeting_for_user(request.user, pk, SIGN)
    _posted_by_signer(
        request,
        meeting,
        "reason",
        SendBackForm(request.POST),
        partial(services.protocol_send_back, actor=request.user, meeting=meeting),
        _("Protokollet är skickat tillbaka till sekreteraren."),
    )
    return back(meeting)
