"""HTTP for the open-data endpoints: GET only, a fixed-window rate limit per client (in the cache), CORS for
everyone, ETag and Last-Modified with 304 answers, JSON out."""

import functools
import hashlib
import json
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

WINDOW_SECONDS = 60

logger = logging.getLogger(__name__)


def client_key(request):
    """The client as the portal sees it: its address (behind the proxy, the one the proxy was reached from:
    finsam.middleware.ClientAddressMiddleware)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def over_limit(request):
    """Count the request in this minute's window; True once the client has used up its requests.

    The limit guards the server's share of each client; it is no access control, since everything here is public.
    So a cache that cannot count (Redis down: the forgiving cache answers None, another backend raises) lets the
    request through, and the log says so once a window per process."""
    limit = settings.FINSAM_API_RATE_LIMIT
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    key = f"opendata:rate:{client_key(request)}:{window}"
    try:
        used, reason = count(key), "it counted nothing"
    except Exception as exc:  # a backend that raises when its server is down
        used, reason = None, repr(exc)
    if used is None:
        if _failed_open.get("window") != window:
            _failed_open["window"] = window
            logger.warning("Open-data rate limit not applied, the cache is unavailable (%s)", reason)
        return False
    return used > limit


_failed_open: dict[str, int] = {}  # the window the limit last failed open in: one log line a window


def count(key):
    """Add one to the counter at `key` (made for this window when missing); its new value, or None when the cache
    cannot count."""
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr: start it again, unless another request just did
        if cache.add(key, 1, timeout=WINDOW_SECONDS * 2):
            return 1
        try:
            return cache.incr(key)
        except ValueError:
            return None


def too_many_requests():
    response = JsonResponse({"error": "rate limit", "retryAfterSeconds": WINDOW_SECONDS}, status=429)
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


def with_cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


def conditional(request, response, last_modified=None):
    """Add a strong ETag (of the body) and Last-Modified; answer 304 when the client has this version."""
    response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = "public, max-age=60"
    return get_conditional_response(request, etag=response["ETag"], last_modified=timestamp, response=response)


def open_data(view):
    """Wrap a view returning an HttpResponse: GET/HEAD only, rate limited, CORS, conditional."""

    @require_safe
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if over_limit(request):
            return with_cors(too_many_requests())
        return with_cors(view(request, *args, **kwargs))

    return wrapped


def api_view(view):
    """Like open_data, for JSON: the view returns (data, last_modified)."""

    @open_data
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            result = view(request, *args, **kwargs)
        except Http404:
            return JsonResponse({"error": "not found"}, status=404)
        if isinstance(result, HttpResponse):
            return result
        data, last_modified = result
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        return conditional(request, response, last_modified)

    return wrapped
