"""Logs that can be followed: every line carries the id of the request it belongs to, and the tasks a request queues
carry that id in their message headers, so the worker's lines for them carry it too. One signature can be followed
from the POST that made it to the worker that sealed the PDF: grep the request id.

In production every line is one JSON object (LOG_FORMAT=json, the default when DEBUG is off); on a developer's
machine a line of text with the id in brackets.

The id is the proxy's X-Request-ID (Caddy gives every request one, deploy/Caddyfile) when it looks like an id, a new
one otherwise; the response names it in its own X-Request-ID, so a user's error report can quote it."""

import contextvars
import datetime
import json
import logging
import re
import time
import traceback
import uuid

from celery.signals import before_task_publish, setup_logging, task_postrun, task_prerun

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
current_task_id: contextvars.ContextVar[str] = contextvars.ContextVar("task_id", default="")

HEADER = "finsam_request_id"  # the Celery message header
VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Attributes every LogRecord has; anything else on a record was given with extra= and goes into the JSON line.
STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "request_id", "task_id"}

access_log = logging.getLogger("finsam.request")


class RequestIdFilter(logging.Filter):
    """Puts the current request's and task's ids on every record (handlers' filter, so third-party loggers too)."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        record.task_id = current_task_id.get()
        return True


class HealthCheckAnswerFilter(logging.Filter):
    """On django.request: /healthz's 503 is its answer to a monitor, not an error of the portal. Logged as an error,
    Django mailed it to ADMINS, once per poll (each web container's own check polls every 15 s) for as long as Redis
    or the database was down. Its access line (finsam.request) still records it, and the status page and the hourly
    warnings say what is down."""

    def filter(self, record):
        request = getattr(record, "request", None)
        return not (getattr(record, "status_code", None) == 503 and getattr(request, "path", None) == "/healthz")


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or current_request_id.get(),
        }
        current_task = getattr(record, "task_id", "") or current_task_id.get()
        if current_task:
            line["task_id"] = current_task
        for key, value in vars(record).items():
            if key not in STANDARD and not key.startswith("_"):
                line[key] = value if isinstance(value, str | int | float | bool | None) else str(value)
        if record.exc_info:
            line["exc"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(line, ensure_ascii=False)


class RequestIdMiddleware:
    """First of the middleware: the request's id for every line logged while it is served, and one line when it is
    done (method, path, status, milliseconds), in place of gunicorn's access log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        current = given if VALID_ID.match(given) else uuid.uuid4().hex
        token = current_request_id.set(current)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response.headers["X-Request-ID"] = current
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={"method": request.method, "path": request.path, "status": response.status_code,
                       "ms": round((time.monotonic() - started) * 1000)},
            )  # fmt: skip
            return response
        finally:
            current_request_id.reset(token)


@before_task_publish.connect
def _carry_request_id(headers=None, **kwargs):
    """A task queued while serving a request (or inside a task that had one) carries its id."""
    current = current_request_id.get()
    if current and headers is not None:
        headers.setdefault(HEADER, current)


_tokens: dict[str, tuple] = {}


@task_prerun.connect
def _take_request_id(task_id=None, task=None, **kwargs):
    carried = getattr(task.request, HEADER, None) or (getattr(task.request, "headers", None) or {}).get(HEADER)
    tokens = (current_task_id.set(task_id or ""),)
    if carried:  # run in-process (eagerly), the request's id is still current
        tokens += (current_request_id.set(carried),)
    _tokens[task_id] = tokens


@task_postrun.connect
def _drop_request_id(task_id=None, **kwargs):
    tokens = _tokens.pop(task_id, ())
    for token in reversed(tokens):
        token.var.reset(token)


@setup_logging.connect
def _keep_django_logging(**kwargs):
    """The worker and beat log through settings.LOGGING (JSON in production) rather than Celery's own format."""
