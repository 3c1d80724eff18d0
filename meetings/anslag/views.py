"""The public notice board, verification of a sealed PDF, and recording an appeal."""

import re
from functools import partial

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam.web import attempt, save_form
from meetings import feed_links as links
from meetings.anslag import selectors, services, verification
from meetings.anslag.forms import AppealForm
from meetings.models import Signature
from meetings.permissions import WRITE, get_meeting_for_user
from meetings.printing.signatures import how_signed

MAX_VERIFY_BYTES = 30 * 1024 * 1024


def _back(meeting):
    return redirect("meetings:justering", pk=meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def appeal(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    form = AppealForm(request.POST or None)
    write = partial(services.appeal_add, actor=request.user, meeting=meeting)
    if save_form(request, form, write, _("Överklagandet är registrerat.")):
        return _back(meeting)
    return render(request, "meetings/anslag/appeal.html", {"meeting": meeting, "form": form})


@require_GET
def anslagstavla(request):
    """The public notice board: notices whose appeal period has not run out."""
    today = timezone.localdate()
    rows = selectors.notice_board(today)
    context = {"rows": rows, "today": today, "feeds": links.notice_board()}
    return render(request, "meetings/anslag/anslagstavla.html", context)


SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


@require_http_methods(["GET", "POST"])
def verify(request):
    """Anyone uploads a PDF or pastes its SHA-256: is it a justerat protocol from this portal, and intact?"""
    result = None
    error = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        pasted = (request.POST.get("sha256") or "").strip()
        if upload:
            if upload.size > MAX_VERIFY_BYTES:
                error = _("Filen är för stor (högst 30 MB).")
            else:
                data = upload.read()
                if not data.startswith(b"%PDF"):
                    error = _("Filen är inte en PDF.")
                else:
                    result = verification.verify_file(data)
        elif SHA256.match(pasted):
            result = verification.verify_checksum(pasted.lower())
        else:
            error = _("Ladda upp en PDF eller klistra in en SHA-256-kontrollsumma (64 tecken 0–9, a–f).")
    signed_by = []
    if result is not None and result.document is not None:
        signed_by = [
            (s.name, s.get_role_display(), how_signed(s))
            for s in result.document.revision.signatures.filter(status=Signature.Status.SIGNED)
            .select_related("person")
            .order_by("id")
        ]
    return render(request, "meetings/anslag/verify.html", {"result": result, "error": error, "signed_by": signed_by})


@login_required
@require_POST
def review(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        lambda: services.personal_data_review(actor=request.user, meeting=meeting),
        _("Personuppgiftsgranskningen är registrerad. Protokollet är publicerat."),
    )
    return _back(meeting)
