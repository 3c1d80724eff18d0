"""The upload's pages: a zip through the import page, the upload's progress page and the part of it htmx polls for,
retrying and discarding a failed document; who may see an upload (its uploader and the federation's secretaries: 404
to everyone else); the page's queries do not grow with the upload."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from federations.models import Person, StaffRole
from meetings.importing import tasks
from meetings.models import ImportBatch, ImportDocument, PendingImport

from .documents import as_zip, protocol

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, *files, follow=True):
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    return client.post("/moten/importera/", {"files": uploads}, follow=follow)


def archive(count, bad=False):
    members = {f"protokoll-{n}.txt": protocol(n).encode() for n in range(1, count + 1)}
    if bad:
        members["fri.txt"] = b"bara lite text utan struktur"
    members["__MACOSX/._protokoll-1.txt"] = b"\x00\x05\x16\x07"
    return as_zip(members)


def test_a_zip_uploaded_goes_to_its_page_with_every_document_its_state_and_what_was_skipped(client_for, cast):
    response = upload(client_for("secretary"), ("arkiv.zip", archive(3, bad=True)))
    batch = ImportBatch.objects.get()
    assert response.redirect_chain[-1][0] == f"/moten/importera/uppladdning/{batch.pk}/"
    html = response.content.decode()
    assert "4 av 4 dokument lästa, 1 misslyckades." in html
    assert "arkiv.zip/__MACOSX/._protokoll-1.txt: systemfil, hoppas över" in html  # as a message, and listed
    assert "ingen igenkännbar struktur" in html
    for pending in PendingImport.objects.all():
        assert f'href="/moten/importera/{pending.pk}/"' in html
    failed = ImportDocument.objects.get(status="failed")
    assert f"/moten/importera/dokument/{failed.pk}/las-om/" in html


def test_while_documents_are_read_the_page_polls_itself_for_its_documents_with_htmx(client_for, cast, monkeypatch):
    monkeypatch.setattr(tasks.import_document_read, "delay_or_postpone", lambda *args, **kwargs: False)  # busy
    client = client_for("secretary")
    upload(client, ("arkiv.zip", archive(2)))
    batch = ImportBatch.objects.get()
    page = client.get(f"/moten/importera/uppladdning/{batch.pk}/")
    poll = f'hx-get="/moten/importera/uppladdning/{batch.pk}/?shown=0-0-2" hx-trigger="every 2s" hx-swap="outerHTML"'
    assert poll in page.content.decode()
    assert (
        '<p id="batch-sentence" aria-live="polite">0 av 2 dokument lästa, 0 misslyckades.</p>' in page.content.decode()
    )
    fragment = client.get(f"/moten/importera/uppladdning/{batch.pk}/?shown=0-0-2", headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert html.lstrip().startswith('<div id="batch-documents"') and "<h1>" not in html
    assert poll in html and "batch-sentence" not in html  # nothing new to say: the live region is left alone
    assert "HX-Request" in fragment["Vary"]


def test_the_last_poll_brings_the_reviews_announces_the_progress_once_and_stops_polling(client_for, cast):
    upload(client_for("secretary"), ("arkiv.zip", archive(2, bad=True)))
    batch = ImportBatch.objects.get()
    response = client_for("secretary").get(
        f"/moten/importera/uppladdning/{batch.pk}/?shown=0-0-3", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "hx-get" not in html and "hx-trigger" not in html
    assert '<p id="batch-sentence" hx-swap-oob="innerHTML">3 av 3 dokument lästa, 1 misslyckades.</p>' in html
    assert '<progress id="batch-progress" max="3" value="3">' in html
    assert "Dokumentet har ingen igenkännbar struktur" in html
    for pending in PendingImport.objects.all():
        assert f'<a id="review-{pending.batch_document.pk}" href="/moten/importera/{pending.pk}/">' in html
    failed = ImportDocument.objects.get(status="failed")
    assert f'id="retry-{failed.pk}"' in html and f'id="discard-{failed.pk}"' in html


def test_a_failed_document_is_retried_alone_and_discarded_alone(client_for, cast):
    client = client_for("secretary")
    upload(client, ("arkiv.zip", archive(1, bad=True)))
    failed = ImportDocument.objects.get(status="failed")
    page = f"/moten/importera/uppladdning/{failed.batch_id}/"
    assert client.get(f"/moten/importera/dokument/{failed.pk}/las-om/").status_code == 405
    response = client.post(f"/moten/importera/dokument/{failed.pk}/las-om/", follow=True)
    assert response.redirect_chain[-1][0] == page and "fri.txt läses om." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == "failed" and failed.attempts == 1  # read again, and again it has no structure
    response = client.post(f"/moten/importera/dokument/{failed.pk}/ta-bort/", follow=True)
    assert "fri.txt är borttaget ur importen." in response.content.decode()
    assert list(ImportDocument.objects.values_list("original_name", flat=True)) == ["protokoll-1.txt"]
    done = ImportDocument.objects.get()
    response = client.post(f"/moten/importera/dokument/{done.pk}/las-om/", follow=True)
    assert "Bara ett dokument som inte kunde läsas kan läsas om." in response.content.decode()


def test_a_colleague_in_the_federation_follows_the_upload_and_no_one_else_finds_it(client_for, cast):
    upload(client_for("secretary"), ("arkiv.zip", archive(1, bad=True)))
    batch = ImportBatch.objects.get()
    failed = ImportDocument.objects.get(status="failed")
    assert client_for("admin").get(f"/moten/importera/uppladdning/{batch.pk}/").status_code == 200
    person = Person.objects.get(name="Olle Utomstående")
    StaffRole.objects.create(person=person, role=StaffRole.Role.SECRETARY, federation=cast.other_federation)
    for key in ("outsider", "member", "chair", "coordinator"):
        client = client_for(key)
        assert client.get(f"/moten/importera/uppladdning/{batch.pk}/").status_code == 404, key
        assert (
            client.get(f"/moten/importera/uppladdning/{batch.pk}/", headers={"HX-Request": "true"}).status_code == 404
        )
        assert client.post(f"/moten/importera/dokument/{failed.pk}/las-om/").status_code == 404, key
        assert client.post(f"/moten/importera/dokument/{failed.pk}/ta-bort/").status_code == 404, key
    assert client_for(None).get(f"/moten/importera/uppladdning/{batch.pk}/").status_code == 302
    assert ImportDocument.objects.filter(pk=failed.pk, status="failed").exists()


def test_a_refused_zip_is_named_on_the_upload_page_and_nothing_is_kept(client_for, cast):
    trick = as_zip({"../../etc/cron.d/x.txt": protocol().encode()})
    response = upload(client_for("secretary"), ("arkiv.zip", trick))
    assert response.status_code == 200 and "arkiv.zip: Zip-filen innehåller sökvägar" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_upload_page_takes_the_same_queries_for_a_small_and_a_large_upload(
    client_for, cast, django_assert_num_queries
):
    client = client_for("secretary")
    upload(client, ("liten.zip", archive(1)))
    small = ImportBatch.objects.get()
    upload(client, ("stor.zip", as_zip({f"p-{n}.txt": protocol(n % 28 + 1, str(n)).encode() for n in range(30)})))
    large = ImportBatch.objects.exclude(pk=small.pk).get()
    assert large.documents.count() == 30
    for batch in (small, large):
        # session, user, the user's person, staff roles, mandates (roles_for), the batch, its documents with their
        # pending imports; the page and the part of it that htmx polls for alike
        with django_assert_num_queries(7):
            client.get(f"/moten/importera/uppladdning/{batch.pk}/")
        with django_assert_num_queries(7):
            client.get(f"/moten/importera/uppladdning/{batch.pk}/", headers={"HX-Request": "true"})


def test_200_documents_are_taken_by_a_request_that_reads_none_of_them(client_for, cast, monkeypatch):
    """The request stores and queues; the reading is the worker's (here: it has not started)."""
    monkeypatch.setattr(tasks.import_document_read, "delay_or_postpone", lambda *args, **kwargs: True)
    members = {
        f"{year}/protokoll-{n}.txt": protocol(n % 28 + 1, f"{year}-{n}").encode()
        for year in (2019, 2020)
        for n in range(100)
    }
    client = client_for("secretary")
    started = time.perf_counter()
    response = upload(client, ("arkiv.zip", as_zip(members)), follow=False)
    seconds = time.perf_counter() - started
    print(f"200 documents stored and queued by the upload request in {seconds:.2f} s")
    batch = ImportBatch.objects.get()
    assert response["Location"] == f"/moten/importera/uppladdning/{batch.pk}/"
    assert batch.documents.count() == 200 and set(batch.documents.values_list("status", flat=True)) == {"queued"}
    assert not PendingImport.objects.exists()
    assert "0 av 200 dokument lästa" in client.get(response["Location"]).content.decode()


def test_an_upload_read_at_once_in_which_a_document_failed_is_not_said_to_be_read_now(client_for, cast):
    """With tasks in-process (make run) the documents are read in the upload's request: one that failed is not
    "being read now", as the message said above the page that showed it failed."""
    response = upload(client_for("secretary"), ("fri.txt", b"bara lite text utan struktur"))
    html = response.content.decode()
    assert "läses nu" not in html
    assert html.count("1 av 1 dokument lästa, 1 misslyckades.") == 2  # the message, and the page's own sentence


def test_the_recent_uploads_count_a_failed_document_as_read_as_the_uploads_page_does(client_for, cast):
    client = client_for("secretary")
    upload(client, ("fri.txt", b"bara lite text utan struktur"))
    assert "1 av 1 lästa, 1 misslyckades" in client.get("/moten/importera/").content.decode()  # was "0 av 1 lästa"
