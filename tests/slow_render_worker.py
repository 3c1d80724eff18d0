"""A real Celery worker whose sealed-PDF render is slowed down, so that a test can kill it mid-render.

    python -m tests.slow_render_worker SECONDS worker --pool=solo -A finsam ...

Everything after SECONDS is Celery's own command line. The production code knows nothing of this: this process
wraps the PDF task's `build_signed_pdf` (called after the document is claimed, before anything is stored) with a
sleep, then runs Celery's command line in the same process, so the worker's task calls the wrapper.
"""

import functools
import os
import sys
import time


def slow_down_the_render(seconds):
    from meetings.justering import tasks

    build = tasks.build_signed_pdf

    @functools.wraps(build)
    def slow_build(document):
        time.sleep(seconds)
        return build(document)

    tasks.build_signed_pdf = slow_build


def main():
    seconds = float(sys.argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
    import django

    django.setup()
    slow_down_the_render(seconds)

    from celery.__main__ import main as celery_main

    sys.argv = ["celery", *sys.argv[2:]]
    celery_main()


if __name__ == "__main__":
    main()
