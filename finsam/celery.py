"""The Celery application. With REDIS_URL unset, tasks run in-process (eagerly)."""

import contextvars
import functools
import logging
import os
from contextlib import contextmanager

from celery import Celery
from celery.contrib.django.task import DjangoTask
from celery.signals import worker_process_init, worker_ready
from django.db import transaction
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from finsam import logs  # noqa: F401  (connects the signals that carry a request's id into its tasks)
from finsam.startup import settle_worker

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")

logger = logging.getLogger(__name__)

# What a broker (or result store) that is down raises when a task is queued.
BROKER_ERRORS = (OperationalError, RedisConnectionError, RedisTimeoutError)


class FinsamTask(DjangoTask):
    """Every task of the portal. `delay_on_commit` queues it once the transaction has committed; a broker that is down
    then is logged, not raised: the work is recorded in the database as waiting (a pending document, an unsent
    e-mail), the request that recorded it answers normally, and the sweep (meetings.tasks.sweep) queues it later."""

    def delay_on_commit(self, *args, **kwargs):
        transaction.on_commit(functools.partial(self.delay_or_postpone, *args, **kwargs))

    def delay_or_postpone(self, *args, **kwargs):
        """Queue the task now; True if it left, False if the broker is down and the sweep must queue it."""
        if self.app.conf.task_always_eager:  # the task runs here and now: its errors are the caller's
            self.delay(*args, **kwargs)
            return True
        try:
            self.delay(*args, **kwargs)
        except (*BROKER_ERRORS, RuntimeError) as exc:  # RuntimeError: the Redis result store's "retry limit exceeded"
            logger.warning("Broker unavailable, %s%r left for the sweep: %s", self.name, args, exc)
            watched = _postponed.get()
            if watched is not None:
                watched.append(self.name)
            return False
        return True


_postponed = contextvars.ContextVar("postponed_tasks", default=None)


@contextmanager
def watch_postponed():
    """Collect the names of the tasks the broker refused inside the block, so a view can tell the user that the work
    will be done once the background work runs again: `with watch_postponed() as postponed: ...; if postponed:`."""
    names = []
    token = _postponed.set(names)
    try:
        yield names
    finally:
        _postponed.reset(token)


app = Celery("finsam", task_cls=FinsamTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each app's tasks.py, and the task modules of the meetings app's jobs. Every task has an explicit name (the one it
# had before the jobs got their own packages), so queued tasks and the beat schedule survive a move of the code.
app.autodiscover_tasks()
app.autodiscover_tasks(["meetings.importing", "meetings.justering", "meetings.outbox", "meetings.register"])

# Start-up frozen out of the garbage collector's sight in every process that runs tasks (finsam.startup).
worker_process_init.connect(settle_worker, weak=False)
worker_ready.connect(settle_worker, weak=False)
