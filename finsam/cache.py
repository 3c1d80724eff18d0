"""A Redis cache that a Redis outage does not turn into server errors.

The cache holds nothing the portal cannot do without: allauth's sign-in rate limits (which read a history, then
write it back under a lock made with `add`). When Redis is down, a read misses, a write is dropped and `add` reports
success, so sign-in and re-authentication go on without a rate limit instead of answering 500. The failure is
logged; /healthz reports Redis as down.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _forgiving(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as exc:
                logger.warning("Cache unavailable, %s ignored: %s", method.__name__, exc)
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class ForgivingRedisCache(RedisCache):
    get = _forgiving(_default)(RedisCache.get)
    get_many = _forgiving({})(RedisCache.get_many)
    has_key = _forgiving(False)(RedisCache.has_key)
    set = _forgiving(None)(RedisCache.set)
    set_many = _forgiving([])(RedisCache.set_many)
    add = _forgiving(True)(RedisCache.add)  # a lock "taken" on a cache that is down guards nothing anyway
    touch = _forgiving(False)(RedisCache.touch)
    delete = _forgiving(False)(RedisCache.delete)
    delete_many = _forgiving(None)(RedisCache.delete_many)
    incr = _forgiving(_default)(RedisCache.incr)
    clear = _forgiving(False)(RedisCache.clear)
