"""Swedish first: the language comes from the language switch (a cookie), never from the browser's headers.
And a Content-Security-Policy on every response: only our own scripts, styles and fonts, no inline code."""

from django.conf import settings
from django.utils import translation


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
