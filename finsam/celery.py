"""The Celery application. With REDIS_URL unset, tasks run in-process (eagerly)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")

app = Celery("finsam")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each app's tasks.py, and the task modules of the meetings app's jobs. Every task has an explicit name (the one it
# had before the jobs got their own packages), so queued tasks and the beat schedule survive a move of the code.
app.autodiscover_tasks()
app.autodiscover_tasks(["meetings.drafting", "meetings.justering"])
