"""A real Celery worker whose broker reconnection attempts follow each other within 50 ms instead of 2-30 s, so that
a test can outlast Celery's 100 attempts (about 47 minutes in production) in a few seconds.

    python -m tests.quick_reconnect_worker worker --pool=solo -A finsam ...

Everything after the module is Celery's own command line. The production code knows nothing of this: this process
shortens the intervals kombu's `Connection.ensure_connection` sleeps between attempts (the consumer passes none of
its own), then runs Celery's command line in the same process. How many attempts are made is left to the settings.
"""

import functools
import os
import sys


def shorten_the_reconnection_intervals():
    from kombu import Connection

    ensure = Connection.ensure_connection

    @functools.wraps(ensure)
    def quick_ensure(self, *args, **kwargs):
        kwargs.update(interval_start=0, interval_step=0.02, interval_max=0.05)
        return ensure(self, *args, **kwargs)

    Connection.ensure_connection = quick_ensure


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
    import django

    django.setup()
    shorten_the_reconnection_intervals()

    from celery.__main__ import main as celery_main

    sys.argv = ["celery", *sys.argv[1:]]
    celery_main()


if __name__ == "__main__":
    main()
