"""Saving a review once: a body's meeting on the same day is named before a second record of it is made, and a
review saved in one tab is not saved again from another."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from federations.models import Person, StaffRole
from finsam.models import AuditEntry
from meetings.importing import services
from meetings.models import Meeting, PendingImport

PROTOCOL = (
    "Protokoll\n\nDatum: 2021-06-02 kl 9-12\n\nNärvarande: Cecilia Ordförande, ordf\n\n"
    "§ 1 Öppnande\n\nMötet öppnades.\n"
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def review_of(client, name="protokoll.txt", content=PROTOCOL):
    response = client.post("/moten/importera/", {"files": [SimpleUploadedFile(name, content.encode())]})
    assert response.status_code == 302
    return response["Location"]


def save(client, review, cast, **extra):
    return client.post(review, {"text": PROTOCOL, "save": "1", "body": cast.board.pk, "date": "2021-06-02", **extra})


def test_a_meeting_of_the_body_on_that_day_is_named_and_not_doubled_unless_the_secretary_says_it_is_another(
    client_for, cast
):
    client = client_for("secretary")
    existing = Meeting.objects.create(body=cast.board, date=datetime.date(2021, 6, 2), title="Styrelsemöte")
    review = review_of(client)
    chosen = {"text": PROTOCOL, "reparse": "1", "body": cast.board.pk}  # "Tolka om" with the body chosen
    html = client.post(review, chosen).content.decode()
    assert "har redan ett möte 2021-06-02" in html and f'href="/moten/{existing.pk}/"' in html

    response = save(client, review, cast)
    assert response.status_code == 200  # the page again, with the reason beside the box to tick
    html = response.content.decode()
    assert "Mötet är inte sparat" in html and "Kryssa i att det här är ett annat möte" in html
    assert Meeting.objects.count() == 1 and PendingImport.objects.count() == 1

    response = save(client, review, cast, another_meeting="on")
    assert response.status_code == 302 and Meeting.objects.count() == 2 and not PendingImport.objects.exists()


def test_the_same_minutes_from_another_file_do_not_become_a_second_meeting_silently(client_for, cast):
    client = client_for("secretary")
    assert save(client, review_of(client, "protokoll.txt"), cast).status_code == 302
    again = review_of(client, "protokoll-skannat.txt", PROTOCOL + "\n")  # other bytes, the same meeting
    assert save(client, again, cast).status_code == 200
    assert Meeting.objects.count() == 1


def test_a_review_saved_in_one_tab_is_refused_in_the_other_which_is_led_to_the_meeting(client_for, cast):
    client = client_for("secretary")
    review = review_of(client)
    assert save(client, review, cast).status_code == 302  # the first tab
    meeting = Meeting.objects.get()
    response = save(client, review, cast)  # the second tab, opened before the first saved
    assert response.status_code == 302 and response["Location"] == f"/moten/{meeting.pk}/"
    assert "Importen är redan sparad som möte" in client.get(response["Location"]).content.decode()
    assert Meeting.objects.count() == 1
    assert AuditEntry.objects.filter(action="meetings.minutes.imported").count() == 1
    # a colleague who opens the link later is led there too; another federation's secretary still gets a 404
    assert client_for("admin").get(review)["Location"] == f"/moten/{meeting.pk}/"
    person = Person.objects.get(name="Olle Utomstående")
    StaffRole.objects.create(person=person, role=StaffRole.Role.SECRETARY, federation=cast.other_federation)
    assert client_for("outsider").post(review, {"save": "1"}).status_code == 404


def test_a_discarded_review_says_so_in_the_other_tab(client_for, cast):
    client = client_for("secretary")
    review = review_of(client)
    assert client.post(f"{review}ta-bort/").status_code == 302
    response = save(client, review, cast)
    assert response["Location"] == "/moten/importera/" and not Meeting.objects.exists()
    assert "Importen är redan borttagen" in client.get(response["Location"]).content.decode()
    assert client.get("/moten/importera/99999/").status_code == 404  # never there: not found


def test_two_saves_of_one_pending_import_at_once_make_one_meeting(cast):
    """The service locks the pending import: a save that reaches it after another has removed it is refused (as on
    PostgreSQL the second of two concurrent saves waits on the lock and then finds it gone)."""
    pending = PendingImport.objects.create(
        uploaded_by=cast.user("secretary"),
        federation=cast.federation,
        original_name="p.txt",
        text=PROTOCOL,
        parsed={},
        original=ContentFile(PROTOCOL.encode(), name="p.txt"),
    )
    stale = PendingImport.objects.get(pk=pending.pk)  # the second tab's copy
    services.pending_import_save(actor=cast.user("secretary"), pending_import=pending, text=PROTOCOL, body=cast.board)
    with pytest.raises(ValidationError) as refused:
        services.pending_import_save(actor=cast.user("secretary"), pending_import=stale, text=PROTOCOL, body=cast.board)
    assert "redan sparad eller borttagen" in " ".join(refused.value.messages)
    assert Meeting.objects.count() == 1


def test_discarding_a_review_saved_in_another_tab_leads_to_the_meeting_and_removes_nothing(client_for, cast):
    client = client_for("secretary")
    review = review_of(client)
    assert save(client, review, cast).status_code == 302
    meeting = Meeting.objects.get()
    response = client.post(f"{review}ta-bort/")  # "Ta bort" in the tab still open
    assert response.status_code == 302 and response["Location"] == f"/moten/{meeting.pk}/"
    assert not AuditEntry.objects.filter(action="meetings.import.discarded").exists()
    assert meeting.attachments.count() == 1


def test_a_discard_of_a_pending_import_saved_meanwhile_is_refused(cast):
    pending = PendingImport.objects.create(
        uploaded_by=cast.user("secretary"),
        federation=cast.federation,
        original_name="p.txt",
        text=PROTOCOL,
        parsed={},
        original=ContentFile(PROTOCOL.encode(), name="p.txt"),
    )
    stale = PendingImport.objects.get(pk=pending.pk)
    services.pending_import_save(actor=cast.user("secretary"), pending_import=pending, text=PROTOCOL, body=cast.board)
    with pytest.raises(ValidationError):
        services.pending_import_discard(actor=cast.user("secretary"), pending_import=stale)
    assert not AuditEntry.objects.filter(action="meetings.import.discarded").exists()
