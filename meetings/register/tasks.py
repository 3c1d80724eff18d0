"""Exports of the register too large for a request, written by the worker (issue 26: a CSV of 190,000 rows was cut
off by the web server's 30 s timeout, and the workbook's first byte came after 76 s).

The view records an ExportJob and queues write_export; the job is claimed with a conditional UPDATE (queued ->
running), so a second delivery writes nothing. The file is written to a temporary file with the same rows and
cells as an immediate export (exports.export_rows, read in chunks as the asker may see them), then saved through
Django's default storage, wherever that keeps its files. The progress (rows written of the rows counted) is
stored every chunk for the job's page to poll. clean_exports (beat) removes jobs and files past their day, and
queues again a job the broker lost.
"""

import datetime
import tempfile

from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files import File
from django.http import QueryDict
from django.utils import timezone

from meetings.models import ExportJob
from meetings.register import exports, selectors, upkeep
from meetings.register.forms import RegisterFilterForm

# Rows written between two progress updates: one UPDATE a chunk, a few a second.
PROGRESS_EVERY = 2000
# Kept for the asker this long after it was asked for; then the row and its file are removed.
KEEP = datetime.timedelta(hours=24)
# An export takes minutes at national scale (XLSX 2,500-3,500 rows a second): more than the default task limit.
EXPORT_TIME_LIMIT = 3600


def export_filters(job):
    """The register's filters of the job, read by the same form as the page that asked for it."""
    return RegisterFilterForm(QueryDict(job.query), user=job.user or AnonymousUser()).filters()


@shared_task(name="meetings.register.tasks.write_export", time_limit=EXPORT_TIME_LIMIT)
def write_export(job_id):
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING, claimed_at=timezone.now()
    )
    if not claimed:
        return "not claimed"
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    try:
        user = job.user or AnonymousUser()
        filters = export_filters(job)
        total = selectors.entries(user, filters).order_by().count()
        ExportJob.objects.filter(pk=job.pk).update(rows_total=total)
        rows = _counted(exports.export_rows(user, filters), job.pk)
        output = exports.xlsx_file(rows) if job.format == ExportJob.Format.XLSX else _csv_file(rows)
        with output:
            job.file.save(job.filename, File(output, name=job.filename), save=False)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.DONE, file=job.file.name, finished=timezone.now()
        )
    except Exception:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.FAILED, finished=timezone.now())
        raise
    return "done"


def _counted(rows, job_id):
    """The rows as they come, the job's rows_written brought up to date every PROGRESS_EVERY rows and at the end."""
    written = 0
    for row in rows:
        yield row
        written += 1
        if written % PROGRESS_EVERY == 0:
            ExportJob.objects.filter(pk=job_id).update(rows_written=written)
    ExportJob.objects.filter(pk=job_id).update(rows_written=written)


def _csv_file(rows):
    output = tempfile.TemporaryFile()  # noqa: SIM115 closed by the caller once stored
    for line in exports.csv_lines(rows):
        output.write(line.encode("utf-8"))
    output.seek(0)
    return output


@shared_task(name="meetings.register.tasks.clean_exports")
def clean_exports():
    """Remove exports asked for more than KEEP ago, file and row; queue again an export still waiting for its task
    after the sweep's delay (the broker was down when it was asked for, or lost it)."""
    now = timezone.now()
    removed = 0
    for job in ExportJob.objects.filter(created__lt=now - KEEP):
        if job.file:
            job.file.delete(save=False)
        job.delete()
        removed += 1
    settled = now - datetime.timedelta(seconds=settings.FINSAM_SWEEP_AFTER_SECONDS)
    waiting = ExportJob.objects.filter(status=ExportJob.Status.QUEUED, created__lt=settled)
    waiting = list(waiting.values_list("pk", flat=True))
    for job_id in waiting:
        write_export.delay_or_postpone(job_id)
    # A worker that died mid-export leaves its job running: past the task's limit it can only be dead.
    died = ExportJob.objects.filter(
        status=ExportJob.Status.RUNNING, claimed_at__lt=now - datetime.timedelta(seconds=EXPORT_TIME_LIMIT + 60)
    )
    failed = died.update(status=ExportJob.Status.FAILED, finished=now)
    return {"removed": removed, "queued": len(waiting), "failed": failed}


@shared_task(name="meetings.register.tasks.settle_register")
def settle_register():
    """The word index merged and the planner's statistics refreshed (meetings.register.upkeep), nightly."""
    return upkeep.settle()


def visible_job(request, token):
    """The job of that address if the request's user (or, signed out, its session) asked for it and it is younger
    than KEEP; None otherwise."""
    job = ExportJob.objects.filter(token=token, created__gte=timezone.now() - KEEP).first()
    if job is None:
        return None
    if request.user.is_authenticated:
        return job if job.user_id == request.user.pk else None
    session_key = request.session.session_key
    return job if job.user_id is None and session_key and job.session_key == session_key else None
