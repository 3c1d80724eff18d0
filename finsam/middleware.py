"""Swedish first: the language comes from the language switch (a cookie), never from the browser's headers.
A Content-Security-Policy on every response: only our own scripts, styles and fonts, no inline code. And a file store
that does not answer is a 503 with a Swedish page, not a server error. The client's address is the one the HTTPS
proxy saw, not the proxy's own."""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

from finsam.storage import StorageUnavailable

logger = logging.getLogger(__name__)


class ClientAddressMiddleware:
    """Behind the HTTPS proxy every request reaches gunicorn from the proxy, so REMOTE_ADDR is the proxy's address
    for every client: the sign-in's rate limit per address (allauth), the open-data limit and the address kept with
    a signature would all see one client. The proxy puts the address it was reached from last in X-Forwarded-For
    (Caddy drops what a client sent there; a proxy that appends leaves it in front): with TRUSTED_PROXY_COUNT
    proxies in front, the client is the count-th address from the end. Only those proxies can reach the portal, so
    the header can be believed as far as they wrote it, and no further; a request without it (the health check
    inside the container) keeps its own address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = settings.TRUSTED_PROXY_COUNT
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if count and forwarded:
            addresses = [part.strip() for part in forwarded.split(",")]
            if len(addresses) >= count and _is_address(addresses[-count]):
                request.META["REMOTE_ADDR"] = addresses[-count]
        return self.get_response(request)


def _is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class SwedishFirstLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.available:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


# data: images for the TOTP QR code; the rich-text editor's pasted HTML is sanitised on the server as well.
def content_security_policy(frame_ancestors=(), form_actions=()):
    """The policy of every page; frame_ancestors lists the origins that may frame it (none: 'none'), form_actions
    the origins beside our own that a form may lead to (an e-legitimation provider the sign page sends to)."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            " ".join(["form-action 'self'", *form_actions]),
            "frame-ancestors " + (" ".join(frame_ancestors) or "'none'"),
        ]
    )


CONTENT_SECURITY_POLICY = content_security_policy()


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Pages only: a PDF opened in the browser's viewer must not inherit object-src 'none'.
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


class StorageUnavailableMiddleware:
    """A view whose file store (the bucket) does not answer: 503 and a page that says so and asks to try again,
    rather than the page of a server error. Nothing the request wrote is kept: the exception rolled it back."""

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageUnavailable):
            return None
        logger.error("File store unavailable at %s: %s", request.path, exception)
        if request.headers.get("HX-Request"):
            message = _("Filarkivet går inte att nå just nu. Försök igen om en stund.")
            response = HttpResponse(format_html('<p class="error" role="alert">{}</p>', message), status=503)
        else:
            response = render(request, "503.html", status=503)
        response.headers["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response
