"""Account rules: nobody signs up on their own (administrators create or invite accounts), and signing asks for the
strongest factor a user has."""

import functools
import time
from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


class NoSignupAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False


def recently_reauthenticated_with_second_factor(request):
    """Whether the user's latest re-authentication was with their second factor (TOTP) and is still fresh."""
    records = [r for r in get_authentication_records(request, request.user) if r.get("reauthenticated")]
    last = records[-1] if records else {}
    fresh = time.time() - last.get("at", 0) < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
    return last.get("method") == "mfa" and fresh


def strongest_factor_required(view):
    """For signing: a user who has turned on two-factor sign-in re-authenticates with it, never with the password
    alone. Wraps a view already behind allauth's `reauthentication_required` (which accepts either)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_mfa_enabled(request.user) and not recently_reauthenticated_with_second_factor(request):
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapped
