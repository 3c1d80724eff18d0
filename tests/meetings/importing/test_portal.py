"""Importing in the portal: upload, review beside the text, correct, save or discard; bad files get a clear message;
a pending import is its uploader's and their federation's secretaries', nobody else's."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import SEEDS
from federations.models import Person, StaffRole
from finsam.models import AuditEntry
from meetings.models import Attachment, Meeting, PendingImport

PROTOCOL = (
    "Protokoll\n\nDatum: 2021-06-02 kl 9-12\n\nNärvarande: Cecilia Ordförande, ordf\n\n"
    "§ 1 Öppnande\n\nMötet öppnades.\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, name, content):
    return client.post("/moten/importera/", {"files": [SimpleUploadedFile(name, content)]})


def other_federations_secretary(cast):
    person = Person.objects.get(name="Olle Utomstående")
    StaffRole.objects.create(person=person, role=StaffRole.Role.SECRETARY, federation=cast.other_federation)
    return "outsider"


@pytest.mark.parametrize(("key", "status"), [(None, 302), ("member", 403), ("outsider", 403)])
def test_only_secretaries_import(client_for, cast, key, status):
    assert client_for(key).get("/moten/importera/").status_code == status


def test_a_secretary_uploads_reviews_corrects_and_saves(client_for, cast):
    client = client_for("secretary")
    response = upload(client, "protokoll.txt", PROTOCOL.encode())
    assert response.status_code == 302
    review = response["Location"]
    html = client.get(review).content.decode()
    assert "§ 1 Öppnande" in html and "<legend>Cecilia Ordförande</legend>" in html and "ordförande · närvarande" in html
    assert "Cecilia Ordförande (samma namn)" in html  # the register's person, suggested with the reason
    corrected = PROTOCOL + "\n§ 2 Budget\n\nBeslut: Styrelsen beslutar att fastställa budgeten.\n"
    html = client.post(review, {"text": corrected, "reparse": "1", "body": cast.board.pk}).content.decode()
    assert "§ 2 Budget" in html
    response = client.post(review, {"text": corrected, "save": "1", "body": cast.board.pk, "date": "2021-06-02"})
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/moten/{meeting.pk}/"
    assert meeting.items.count() == 2 and meeting.items.get(number=2).decisions.get().outcome == "bifall"
    assert meeting.attendances.get().person == cast.chair
    assert Attachment.objects.get(meeting=meeting).name == "protokoll.txt"
    assert not PendingImport.objects.exists()


def test_an_upload_is_kept_in_the_database_with_its_original_and_parse(client_for, cast, tmp_path):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", PROTOCOL.encode())["Location"]
    pending = PendingImport.objects.get()
    assert review == f"/moten/importera/{pending.pk}/"
    assert pending.uploaded_by == cast.user("secretary") and pending.federation == cast.federation
    assert pending.original_name == "protokoll.txt" and len(pending.sha256) == 64
    assert Path(pending.original.path).read_bytes() == PROTOCOL.encode()
    assert pending.original.name.startswith("imports/")
    assert pending.parsed["date"] == "2021-06-02" and pending.parsed["items"][0]["title"] == "Öppnande"
    assert AuditEntry.objects.filter(action="meetings.import.uploaded").count() == 1


def test_a_reparse_keeps_the_corrected_text_and_its_reading(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", PROTOCOL.encode())["Location"]
    corrected = PROTOCOL + "\n§ 2 Budget\n\nMötet beslutade att fastställa budgeten.\n"
    client.post(review, {"text": corrected, "reparse": "1"})
    pending = PendingImport.objects.get()
    assert pending.text == corrected and [i["title"] for i in pending.parsed["items"]] == ["Öppnande", "Budget"]
    assert "§ 2 Budget" in client.get(review).content.decode()


def test_a_text_the_parser_cannot_read_is_refused_beside_the_text_and_nothing_changes(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", PROTOCOL.encode())["Location"]
    response = client.post(review, {"text": "bara lite text utan struktur", "reparse": "1"})
    assert response.status_code == 200 and "ingen igenkännbar struktur" in response.content.decode()
    assert PendingImport.objects.get().text == PROTOCOL


def test_two_files_uploaded_make_two_pending_imports(client_for, cast):
    client = client_for("secretary")
    files = [SimpleUploadedFile("a.txt", PROTOCOL.encode()), SimpleUploadedFile("b.txt", PROTOCOL.encode())]
    response = client.post("/moten/importera/", {"files": files}, follow=True)
    assert sorted(PendingImport.objects.values_list("original_name", flat=True)) == ["a.txt", "b.txt"]
    html = response.content.decode()
    assert "2 dokument väntar på granskning." in html and "a.txt" in html and "b.txt" in html


def test_a_good_and_a_bad_file_keep_the_good_one_and_name_the_bad_one(client_for, cast):
    client = client_for("secretary")
    files = [SimpleUploadedFile("bra.txt", PROTOCOL.encode()), SimpleUploadedFile("tom.txt", b"")]
    response = client.post("/moten/importera/", {"files": files}, follow=True)
    assert "tom.txt: Filen är tom." in response.content.decode()
    assert PendingImport.objects.get().original_name == "bra.txt"


def test_a_pending_import_can_be_discarded_with_its_file(client_for, cast, django_capture_on_commit_callbacks):
    client = client_for("secretary")
    upload(client, "protokoll.txt", PROTOCOL.encode())
    pending = PendingImport.objects.get()
    path = Path(pending.original.path)
    assert client.get(f"/moten/importera/{pending.pk}/ta-bort/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/moten/importera/{pending.pk}/ta-bort/", follow=True)
    assert response.redirect_chain[-1][0] == "/moten/importera/"
    assert "Importen av protokoll.txt är borttagen." in response.content.decode()
    assert not PendingImport.objects.exists() and not path.exists() and not Meeting.objects.exists()
    assert AuditEntry.objects.filter(action="meetings.import.discarded").count() == 1


def test_a_colleague_in_the_federation_sees_the_pending_import(client_for, cast):
    upload(client_for("secretary"), "protokoll.txt", PROTOCOL.encode())
    pending = PendingImport.objects.get()
    client = client_for("admin")
    assert "protokoll.txt" in client.get("/moten/importera/").content.decode()
    assert client.get(f"/moten/importera/{pending.pk}/").status_code == 200


def test_another_federations_secretary_gets_404(client_for, cast):
    upload(client_for("secretary"), "protokoll.txt", PROTOCOL.encode())
    pending = PendingImport.objects.get()
    client = client_for(other_federations_secretary(cast))
    assert "protokoll.txt" not in client.get("/moten/importera/").content.decode()
    review = f"/moten/importera/{pending.pk}/"
    assert client.get(review).status_code == 404
    assert client.post(review, {"text": PROTOCOL, "save": "1", "body": cast.other_board.pk}).status_code == 404
    assert client.post(f"{review}ta-bort/").status_code == 404
    assert PendingImport.objects.exists() and not Meeting.objects.exists()


def test_the_upload_page_takes_the_same_queries_for_one_or_many_pending_imports(
    client_for, cast, django_assert_num_queries
):
    client = client_for("secretary")
    upload(client, "a.txt", PROTOCOL.encode())
    # session, user, the user's person, staff roles, mandates (roles_for), writable bodies exist?, pending imports
    # with their uploaders' persons
    with django_assert_num_queries(7):
        client.get("/moten/importera/")
    for name in ("b.txt", "c.txt", "d.txt"):
        upload(client, name, PROTOCOL.encode())
    with django_assert_num_queries(7):
        assert "d.txt" in client.get("/moten/importera/").content.decode()


@pytest.mark.parametrize("key", ["member", "chair", None])
def test_no_one_else_reaches_a_pending_import(client_for, cast, key):
    upload(client_for("secretary"), "protokoll.txt", PROTOCOL.encode())
    pending = PendingImport.objects.get()
    response = client_for(key).get(f"/moten/importera/{pending.pk}/")
    assert response.status_code == (302 if key is None else 404)


def test_a_secretary_cannot_import_into_another_federations_body(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", PROTOCOL.encode())["Location"]
    response = client.post(review, {"text": PROTOCOL, "save": "1", "body": cast.other_board.pk})
    assert response.status_code == 200 and not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.txt", b"", "Filen är tom."),
        ("bild.txt", b"\x00\x01\x02" * 50, "inte en textfil"),
        ("fri.txt", b"bara lite text utan struktur", "ingen igenkännbar struktur"),
        ("fil.odt", b"hej", "Filtypen stöds inte"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_nothing_is_saved(client_for, cast, name, content, message):
    response = upload(client_for("secretary"), name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_seed_is_imported_through_the_portal(client_for, cast):
    seed = next(SEEDS.glob("002_*.txt"))
    client = client_for("secretary")
    review = upload(client, seed.name, seed.read_bytes())["Location"]
    html = client.get(review).content.decode()
    assert "Ansökan Studio Ludum Skövde" in html and "nej 9" in html
    response = client.post(review, {"text": seed.read_text(), "save": "1", "body": cast.board.pk})
    assert "Dokumentet saknar datum" in response.content.decode()
    client.post(review, {"text": seed.read_text(), "save": "1", "body": cast.board.pk, "date": "2023-01-20"})
    assert Meeting.objects.get().items.count() == 12


def test_an_import_lands_as_a_draft_and_is_filed_by_a_separate_step(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", (PROTOCOL + "\nJusterat\n").encode())["Location"]
    client.post(review, {"text": PROTOCOL + "\nJusterat\n", "save": "1", "body": cast.board.pk, "date": "2021-06-02"})
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.DRAFT and not meeting.is_frozen  # reviewed and corrected first
    assert "Lägg till handlingarna" in client.get(f"/moten/{meeting.pk}/").content.decode()
    assert client_for("member").post(f"/moten/{meeting.pk}/importerat/lagg-till-handlingarna/").status_code == 403
    client = client_for("secretary")
    client.post(f"/moten/{meeting.pk}/importerat/lagg-till-handlingarna/")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.signed_on_paper
    assert "Cecilia Ordförande" in meeting.paper_signers
    response = client.post(f"/moten/{meeting.pk}/importerat/lagg-till-handlingarna/", follow=True)
    assert "kan inte ändras" in response.content.decode() or "importerat utkast" in response.content.decode()
