"""/healthz: is the database (and Redis, and the bucket of files, when configured) reachable?"""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from finsam import storage


def database_up():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure to talk to the database means "down"
        return False


def redis_up():
    import redis

    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
        return bool(client.ping())
    except redis.RedisError:
        return False


@never_cache
@require_GET
def healthz(request):
    checks = {"database": "up" if database_up() else "down"}
    if settings.REDIS_URL:
        checks["redis"] = "up" if redis_up() else "down"
    if settings.MEDIA_STORAGE == "s3":  # the local folder is this host's own disk: the database's check covers it
        checks["media"] = "up" if storage.reachable() else "down"
    healthy = all(state == "up" for state in checks.values())
    return JsonResponse({"status": "ok" if healthy else "fail", **checks}, status=200 if healthy else 503)
