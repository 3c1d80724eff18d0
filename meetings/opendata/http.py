"""HTTP for the open-data endpoints: GET only, a fixed-window rate limit per client (in the cache), CORS for
everyone, ETag and Last-Modified with 304 answers, JSON out."""

import functools
import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

WINDOW_SECONDS = 60


def client_key(request):
    """The client as the portal sees it: its address (the proxy in front sets REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def over_limit(request):
    """Count the request in this minute's window; True once the client has used up its requests."""
    limit = settings.FINSAM_API_RATE_LIMIT
    if not limit:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    key = f"opendata:rate:{client_key(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        used = 1
    return used > limit


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
