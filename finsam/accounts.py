"""Account rules: nobody signs up on their own (administrators create or invite accounts), and signing asks for the
strongest factor a user has.

The portal keeps its own record of how the user authenticated in this session (from allauth's documented
`authentication_step_completed` signal), so that signing does not lean on allauth's internal session layout."""

import functools
import time
from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.signals import authentication_step_completed, user_logged_in
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

# The session key of the portal's record of this session's authentication steps, and how many steps it keeps.
AUTHENTICATIONS_SESSION_KEY = "finsam_authentications"
KEPT_AUTHENTICATIONS = 10


class NoSignupAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False


@receiver(authentication_step_completed, dispatch_uid="finsam.accounts.remember_authentication")
def remember_authentication(sender, request, user, method, **extra):
    """Record one completed step (password, mfa, ...), whether it was a re-authentication, and for whom."""
    records = [r for r in request.session.get(AUTHENTICATIONS_SESSION_KEY, []) if r.get("user") == str(user.pk)]
    step = {
        "user": str(user.pk),
        "method": method,
        "at": time.time(),
        "reauthenticated": bool(extra.get("reauthenticated")),
    }
    request.session[AUTHENTICATIONS_SESSION_KEY] = [*records, step][-KEPT_AUTHENTICATIONS:]


@receiver(user_logged_in, dispatch_uid="finsam.accounts.restore_language")
def restore_language(sender, request, response, user, **extra):
    """A person who chose a language with the portal's switch (federations: Person.language) has it again on signing
    in with a browser that has chosen none; a browser that has chosen keeps its choice."""
    language = getattr(getattr(user, "person", None), "language", "")
    if not language or response is None or settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def authentications(request):
    """This session's authentication steps of the signed-in user, oldest first."""
    user_id = str(request.user.pk)
    return [r for r in request.session.get(AUTHENTICATIONS_SESSION_KEY, []) if r.get("user") == user_id]


def last_authentication_method(request):
    """How the user last proved who they are in this session: "mfa" or "password" (the default)."""
    records = authentications(request)
    return records[-1]["method"] if records else "password"


def recently_reauthenticated_with_second_factor(request):
    """Whether the user's latest re-authentication was with their second factor (TOTP) and is still fresh."""
    records = [r for r in authentications(request) if r["reauthenticated"]]
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
