"""Importing in the portal: upload, review beside the text, correct, save; bad files get a clear message."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import SEEDS
from meetings.models import Attachment, Meeting

PROTOCOL = (
    "Protokoll\n\nDatum: 2021-06-02 kl 9-12\n\nNärvarande: Cecilia Ordförande, ordf\n\n"
    "§ 1 Öppnande\n\nMötet öppnades.\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, name, content):
    return client.post("/moten/importera/", {"files": [SimpleUploadedFile(name, content)]})


@pytest.mark.parametrize(("key", "status"), [(None, 302), ("member", 403), ("outsider", 403)])
def test_only_secretaries_import(client_for, cast, key, status):
    assert client_for(key).get("/moten/importera/").status_code == status


def test_a_secretary_uploads_reviews_corrects_and_saves(client_for, cast):
    client = client_for("secretary")
    response = upload(client, "protokoll.txt", PROTOCOL.encode())
    assert response.status_code == 302
    review = response["Location"]
    html = client.get(review).content.decode()
    assert "§ 1 Öppnande" in html and "Cecilia Ordförande, ordförande" in html
    corrected = PROTOCOL + "\n§ 2 Budget\n\nBeslut: Styrelsen beslutar att fastställa budgeten.\n"
    html = client.post(review, {"text": corrected, "reparse": "1", "body": cast.board.pk}).content.decode()
    assert "§ 2 Budget" in html
    response = client.post(review, {"text": corrected, "save": "1", "body": cast.board.pk, "date": "2021-06-02"})
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/moten/{meeting.pk}/"
    assert meeting.items.count() == 2 and meeting.items.get(number=2).decisions.get().outcome == "bifall"
    assert meeting.attendances.get().person == cast.chair
    assert Attachment.objects.get(meeting=meeting).name == "protokoll.txt"


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
