"""Exports past FINSAM_EXPORT_IMMEDIATE_ROWS: written by the worker, a progress page, a download for the asker only,
a day long; small exports stay immediate."""

import csv
import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from openpyxl import load_workbook

from meetings.models import ExportJob
from meetings.register import tasks
from tests.conftest import on_the_tests_day
from tests.meetings.register.test_register import grow

pytestmark = on_the_tests_day


@pytest.fixture
def large(cast, settings, tmp_path):
    """Five public decisions, and a limit of three rows for an export in the request."""
    settings.MEDIA_ROOT = tmp_path
    settings.FINSAM_EXPORT_IMMEDIATE_ROWS = 3
    grow(cast, 5)


def start(client, path, django_capture_on_commit_callbacks):
    """Ask for the export (GET: the offer), start it (POST: the job, run eagerly here), and follow to its page."""
    offer = client.get(path)
    assert offer.status_code == 200 and "skrivs i bakgrunden" in offer.content.decode()
    assert not ExportJob.objects.exists()  # a GET starts no work
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    return client.get(response["Location"])


def test_a_small_export_stays_immediate(client_for, cast, settings):
    settings.FINSAM_EXPORT_IMMEDIATE_ROWS = 5
    grow(cast, 5)
    response = client_for(None).get("/beslut/export.csv")
    assert response.streaming and not ExportJob.objects.exists()
    assert len(response.getvalue().decode("utf-8-sig").strip().splitlines()) == 1 + 5


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_large_export_is_written_by_the_worker_for_its_asker_only(
    client_for, cast, large, django_capture_on_commit_callbacks, extension
):
    client = client_for("member")
    page = start(client, f"/beslut/export.{extension}?q=bifalla&sida=2", django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    assert job.user == cast.user("member") and job.status == ExportJob.Status.DONE
    assert job.rows_total == job.rows_written == 5 and job.query == "q=bifalla"  # no page position kept
    html = page.content.decode()
    assert "Klar: 5 rader." in html and "hx-trigger" not in html  # done: no more polling
    download = f"/beslut/export/{job.token}/fil"
    assert download in html
    body = b"".join(client.get(download).streaming_content)
    if extension == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][0] == "Datum" and len(rows) == 1 + 5
    else:
        assert load_workbook(io.BytesIO(body)).active.max_row == 1 + 5
    # Anyone else, signed in or not, finds nothing there.
    other = Client()
    other.force_login(cast.user("outsider"))
    assert other.get(f"/beslut/export/{job.token}/").status_code == 404
    assert other.get(download).status_code == 404
    assert Client().get(download).status_code == 404


def test_a_visitors_export_is_theirs_by_their_session(client_for, large, django_capture_on_commit_callbacks):
    visitor = Client()
    page = start(visitor, "/beslut/export.csv", django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    assert job.user is None and job.session_key and page.status_code == 200
    assert visitor.get(f"/beslut/export/{job.token}/fil").status_code == 200
    assert Client().get(f"/beslut/export/{job.token}/fil").status_code == 404


def test_the_progress_page_polls_while_the_export_waits_or_is_written(client_for, cast, large):
    job = ExportJob.objects.create(user=cast.user("member"), format="csv", filename="beslut.csv")
    client = client_for("member")
    html = client.get(f"/beslut/export/{job.token}/").content.decode()
    assert 'hx-trigger="every 2s"' in html and "Väntar på att skrivas." in html
    ExportJob.objects.filter(pk=job.pk).update(status="running", rows_total=40000, rows_written=12000)
    part = client.get(f"/beslut/export/{job.token}/", headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith("<div") and "12 000 av 40 000 rader skrivna." in part.replace("\xa0", " ")
    assert client.get(f"/beslut/export/{job.token}/fil").status_code == 404  # not written yet
    ExportJob.objects.filter(pk=job.pk).update(status="failed")
    assert "kunde inte skrivas" in client.get(f"/beslut/export/{job.token}/").content.decode()


def test_exports_past_their_day_are_removed_with_their_files(
    client_for, cast, large, django_capture_on_commit_callbacks, time_machine
):
    client = client_for("member")
    start(client, "/beslut/export.csv", django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    assert default_storage.exists(job.file.name)
    time_machine.shift(datetime.timedelta(hours=23))
    assert tasks.clean_exports()["removed"] == 0
    assert client.get(f"/beslut/export/{job.token}/fil").status_code == 200
    time_machine.shift(datetime.timedelta(hours=2))
    assert client.get(f"/beslut/export/{job.token}/fil").status_code == 404  # past its day, even before the beat
    assert tasks.clean_exports()["removed"] == 1
    assert not ExportJob.objects.exists() and not default_storage.exists(job.file.name)


def test_a_second_delivery_of_the_task_writes_nothing(client_for, cast, large, django_capture_on_commit_callbacks):
    start(client_for("member"), "/beslut/export.csv", django_capture_on_commit_callbacks)
    job = ExportJob.objects.get()
    assert tasks.write_export(job.pk) == "not claimed"
    assert ExportJob.objects.get().file.name == job.file.name


def test_asking_again_finds_the_export_already_waiting_and_an_asker_has_at_most_two(client_for, cast, large):
    """Jobs left queued (the on-commit queueing is not run): a second click is the first job; a third export waits
    its turn with a message, and nothing is recorded for it."""
    client = client_for("member")
    first = client.post("/beslut/export.csv?q=bifalla")
    assert client.post("/beslut/export.csv?q=bifalla")["Location"] == first["Location"]
    assert client.post("/beslut/export.xlsx?q=bifalla").status_code == 302
    refused = client.post("/beslut/export.csv?q=avslå")
    assert refused.status_code == 429 and "exporter som väntar" in refused.content.decode()
    assert ExportJob.objects.count() == 2
    assert client_for("chair").post("/beslut/export.csv?q=avslå").status_code == 302  # another asker's own two


def test_visitors_together_have_a_bound_on_waiting_exports(cast, large):
    """A visitor without a cookie is a new asker each time: the visitors' waiting exports are bounded together."""
    answers = [Client().post(f"/beslut/export.csv?q=bifalla&ar={2000 + n}").status_code for n in range(7)]
    assert answers == [302] * 5 + [429] * 2
    assert ExportJob.objects.filter(user=None).count() == 5
