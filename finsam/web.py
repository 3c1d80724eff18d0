"""How a view turns a service's refusal (a ValidationError) into what the user reads: one way, everywhere.

A service refuses by raising ValidationError with translated messages. A view that has a form puts them on the
form (`save_form`), so the page shows them beside what the user typed; a view that only posts a button shows them
as a message (`attempt`); a JSON endpoint answers them as {"error": ...} (`attempt_json`). Nothing else catches
ValidationError in a view.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views import defaults

from finsam.celery import watch_postponed

REFUSED = object()


def refusal_text(exc):
    """The translated reasons of a service's refusal, as one line."""
    return " ".join(exc.messages)


def form_errors_from(form, exc):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def save_form(request, form, write, success=None):
    """On a POST with a valid form, send its data through `write` (a service). Returns what the service returned
    (True if that was nothing) and shows `success`; returns False when nothing was written, with every reason, the
    service's too, on the form for the page to show again with what the user typed."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        result = write(**form.cleaned_data)
    except ValidationError as exc:
        form_errors_from(form, exc)
        return False
    if success:
        messages.success(request, success)
    return True if result is None else result


def attempt_form(request, form, action, success=None):
    """A button that posts a few fields: the form's own errors (a NUL character in a text, say) become an error
    message and `REFUSED` is returned; otherwise `attempt(action(**cleaned_data))`."""
    if not form.is_valid():
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return REFUSED
    return attempt(request, lambda: action(**form.cleaned_data), success)


def attempt(request, action, success=None, postponed=None):
    """Run one service call. Its refusal becomes an error message and `REFUSED` is returned; otherwise `success`
    (a text, or a function of the result giving one) is shown and the service's result returned. When the broker
    refused a task the call queued (the work waits in the database for the sweep), `postponed` is shown too."""
    try:
        with watch_postponed() as waiting:
            result = action()
    except ValidationError as exc:
        messages.error(request, refusal_text(exc))
        return REFUSED
    text = success(result) if callable(success) else success
    if text:
        messages.success(request, text)
    if postponed and waiting:
        messages.warning(request, postponed)
    return result


def attempt_json(action, status=400):
    """Run one service call for a JSON endpoint. Returns (the service's result, None), or (None, a response with
    {"error": the refusal} and `status`) when the service refused."""
    try:
        return action(), None
    except ValidationError as exc:
        return None, JsonResponse({"error": refusal_text(exc)}, status=status)


def bad_request(request, exception):
    """handler400. A page for a page; for htmx (HX-Request) a short fragment and for a script (the editor's
    autosave, X-Requested-With) a JSON error, never a whole HTML page in their place. Most often it is a request
    over DATA_UPLOAD_MAX_MEMORY_SIZE, refused before any view runs (CSRF reads the body first)."""
    if isinstance(exception, RequestDataTooBig):
        reason = _("Det du skickade är för stort: högst %(mb)s MB på en gång. Inget av det har sparats.") % {
            "mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        }
    else:
        reason = _("Det du skickade kunde inte tas emot. Inget av det har sparats.")
    if request.headers.get("HX-Request"):
        return HttpResponse(format_html('<p class="error" role="alert">{}</p>', reason), status=400)
    if request.headers.get("X-Requested-With") or "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"error": reason}, status=400)
    return defaults.bad_request(request, exception)


def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page says: the SVG icon. A view, so that the static file's
    name is looked up when asked for, not when the URLs are imported (with the manifest storage, before
    collectstatic has run, that lookup fails and took `migrate` with it). Any method, as RedirectView answered."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
