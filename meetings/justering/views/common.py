"""What the justering views share: the page they lead back to, and where a signer's unsaved text is kept."""

from django.shortcuts import redirect


def back(meeting):
    """The justering page of the meeting, where its forms lead back to."""
    return redirect("meetings:justering", pk=meeting.pk)


def kept_key(meeting):
    """The session key of what a signer wrote on the meeting that could not be saved (review.keep)."""
    return f"justering:kept:{meeting.pk}"
