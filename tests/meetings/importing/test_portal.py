"""Importing in the portal: upload, review beside the text, correct, save or discard; bad files get a clear message;
a pending import is its uploader's and their federation's secretaries', nobody else's.

An upload is read by a task queued when its transaction commits (in-process here): the tests run on a database that
commits, as the portal does, so that the task runs when it would."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo import SEEDS
from federations.models import Person, StaffRole
from finsam.models import AuditEntry
from meetings.models import Attachment, ImportBatch, Meeting, PendingImport

PROTOCOL = (
    "Protokoll\n\nDatum: 2021-06-02 kl 9-12\n\nNärvarande: Cecilia Ordförande, ordf\n\n"
    "§ 1 Öppnande\n\nMötet öppnades.\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


pytestmark = pytest.mark.django_db(transaction=True)


def post(client, url, data=None, **options):
    return client.post(url, data or {}, **options)


def upload(client, name, content, **options):
    return post(client, "/moten/importera/", {"files": [SimpleUploadedFile(name, content)]}, **options)


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
    assert (
        "§ 1 Öppnande" in html and "<legend>Cecilia Ordförande</legend>" in html and "ordförande · närvarande" in html
    )
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
    # Two different documents: the same file twice is one document (see test_bulk.py on duplicates).
    files = [SimpleUploadedFile("a.txt", PROTOCOL.encode()), SimpleUploadedFile("b.txt", f"{PROTOCOL}\nb".encode())]
    response = post(client, "/moten/importera/", {"files": files}, follow=True)
    assert sorted(PendingImport.objects.values_list("original_name", flat=True)) == ["a.txt", "b.txt"]
    html = response.content.decode()
    assert "2 dokument väntar på granskning." in html and "a.txt" in html and "b.txt" in html
    batch = ImportBatch.objects.get()
    assert response.redirect_chain[-1][0] == f"/moten/importera/uppladdning/{batch.pk}/"  # its progress page


def test_a_good_and_a_bad_file_keep_the_good_one_and_name_the_bad_one(client_for, cast):
    client = client_for("secretary")
    files = [SimpleUploadedFile("bra.txt", PROTOCOL.encode()), SimpleUploadedFile("tom.txt", b"")]
    response = post(client, "/moten/importera/", {"files": files}, follow=True)
    assert "tom.txt: Filen är tom." in response.content.decode()
    assert PendingImport.objects.get().original_name == "bra.txt"


def test_a_pending_import_can_be_discarded_with_its_file(client_for, cast):
    client = client_for("secretary")
    upload(client, "protokoll.txt", PROTOCOL.encode())
    pending = PendingImport.objects.get()
    path = Path(pending.original.path)
    assert client.get(f"/moten/importera/{pending.pk}/ta-bort/").status_code == 405
    response = post(client, f"/moten/importera/{pending.pk}/ta-bort/", follow=True)
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
    # with their uploaders' persons, the recent uploads with their counts
    with django_assert_num_queries(8):
        client.get("/moten/importera/")
    for name in ("b.txt", "c.txt", "d.txt"):
        upload(client, name, f"{PROTOCOL}\n{name}".encode())
    with django_assert_num_queries(8):
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
        ("fil.odt", b"hej", "Filtypen stöds inte"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_nothing_is_saved(client_for, cast, name, content, message):
    response = upload(client_for("secretary"), name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_file_the_parser_cannot_read_is_named_on_its_uploads_page_and_nothing_is_saved(client_for, cast):
    # The parser runs in the worker: the upload is taken, and its page says why the document could not be read.
    response = upload(client_for("secretary"), "fri.txt", b"bara lite text utan struktur", follow=True)
    assert response.redirect_chain[-1][0].startswith("/moten/importera/uppladdning/")
    assert "ingen igenkännbar struktur" in response.content.decode()
    assert not Meeting.objects.exists() and not PendingImport.objects.exists()


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
    unconfirmed = client.post(f"/moten/{meeting.pk}/importerat/lagg-till-handlingarna/", follow=True)
    assert "går inte att ångra" in unconfirmed.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT  # nothing filed without the box ticked
    client.post(f"/moten/{meeting.pk}/importerat/lagg-till-handlingarna/", {"confirm": "1"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.signed_on_paper
    assert "Cecilia Ordförande" in meeting.paper_signers
    response = client.post(f"/moten/{meeting.pk}/importerat/lagg-till-handlingarna/", {"confirm": "1"}, follow=True)
    assert "kan inte ändras" in response.content.decode() or "importerat utkast" in response.content.decode()


MATCHING = (
    "Protokoll\n\nDatum: 2021-06-02\n\n"
    "Närvarande: Cecilia Ordforande, ordf, Testby kommun\nMaja Ledamöt, ledamot\nGreta Ny, ledamot, Försäkringskassan\n"
    "Sidan Ett\n\n§ 1 Öppnande\n\nMötet öppnades.\n"
)


def review_form(html):
    """The attendees' fieldsets' legends in order, and the checked choice of each."""
    legends = re.findall(r"<legend>([^<]+)</legend>", html)
    checked = re.findall(r'name="(match_\d+)" value="([^"]+)"[^>]* checked', html)
    return legends, dict(checked)


def test_the_review_suggests_people_of_the_federation_with_reasons(client_for, cast):
    stranger = Person.objects.create(name="Greta Ny")  # a namesake in another federation: never offered
    stranger.mandates.create(body=cast.other_board, role="ledamot", start="2020-01-01")
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", MATCHING.encode())["Location"]
    html = client.post(review, {"text": MATCHING, "reparse": "1", "body": cast.board.pk}).content.decode()
    assert "Cecilia Ordförande (samma namn och organisation, ledamot i organet)" in html
    assert "Maja Ledamot (samma namn, ledamot i organet)" in html
    assert f'value="person-{stranger.pk}"' not in html
    legends, checked = review_form(html)
    assert legends == ["Cecilia Ordforande", "Maja Ledamöt", "Greta Ny", "Sidan Ett"]
    assert checked == {
        "match_0": f"person-{cast.chair.pk}",  # sure: offered checked
        "match_1": f"person-{cast.member.pk}",
        "match_2": "name",  # nobody in the register: the name alone until the secretary chooses
        "match_3": "name",
    }
    assert f'<option value="{cast.fk.pk}" selected>Försäkringskassan</option>' in html


def test_the_secretary_matches_creates_and_leaves_out_and_the_save_honours_it(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", MATCHING.encode())["Location"]
    response = client.post(
        review,
        {
            "text": MATCHING,
            "save": "1",
            "body": cast.board.pk,
            "match_0": f"person-{cast.chair.pk}",
            "match_1": f"person-{cast.member.pk}",
            "match_2": "new",
            "new_name_2": "Greta Nyström",
            "organisation_2": cast.fk.pk,
            "match_3": "skip",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/moten/{meeting.pk}/"
    rows = list(meeting.attendances.order_by("position").select_related("person", "organisation"))
    assert [(a.name, a.person.name) for a in rows] == [
        ("Cecilia Ordforande", "Cecilia Ordförande"),
        ("Maja Ledamöt", "Maja Ledamot"),
        ("Greta Ny", "Greta Nyström"),
    ]
    assert rows[2].organisation == cast.fk and meeting.status == Meeting.Status.DRAFT
    assert meeting.chair == cast.chair


@pytest.mark.parametrize("who", ["stranger", "tampered"])
def test_a_choice_outside_the_federation_is_refused_with_everything_kept(client_for, cast, who):
    stranger = Person.objects.create(name="Greta Ny")
    stranger.mandates.create(body=cast.other_board, role="ledamot", start="2020-01-01")
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", MATCHING.encode())["Location"]
    corrected = MATCHING + "\n§ 2 Övrigt\n\nInget.\n"
    response = client.post(
        review,
        {
            "text": corrected,
            "save": "1",
            "body": cast.board.pk,
            "match_1": "new",
            "new_name_1": "Maja Ny",
            "match_2": f"person-{stranger.pk if who == 'stranger' else 999999}",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Mötet är inte sparat" in html
    assert "Greta Ny</a>: Den personen kan inte väljas här." in html and 'href="#id_match_2_0"' in html
    assert "§ 2 Övrigt" in html and 'value="Maja Ny"' in html  # what the secretary typed and chose is kept
    assert not Meeting.objects.exists() and not Person.objects.filter(name="Maja Ny").exists()
    assert PendingImport.objects.exists()


def test_a_new_person_needs_a_name(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", MATCHING.encode())["Location"]
    data = {"text": MATCHING, "save": "1", "body": cast.board.pk, "match_2": "new", "new_name_2": ""}
    assert "Ange den nya personens namn." in client.post(review, data).content.decode()
    assert not Meeting.objects.exists()


def test_tolka_om_keeps_the_choices_and_never_asks_for_the_body(client_for, cast):
    client = client_for("secretary")
    review = upload(client, "protokoll.txt", MATCHING.encode())["Location"]
    corrected = MATCHING.replace("Sidan Ett\n", "Sidan Ett\nOlle Extra, ledamot\n")
    html = client.post(
        review,
        {
            "text": corrected,
            "reparse": "1",
            "match_0": "name",
            "match_2": "new",
            "new_name_2": "Greta Nyström",
            "organisation_2": cast.fk.pk,
            "match_3": "skip",
        },
    ).content.decode()
    assert "Detta fält måste fyllas i" not in html and "Mötet är inte sparat" not in html
    legends, checked = review_form(html)
    assert legends[-1] == "Olle Extra"
    assert checked["match_0"] == "name" and checked["match_2"] == "new" and checked["match_3"] == "skip"
    assert 'value="Greta Nyström"' in html
    assert f'<option value="{cast.fk.pk}" selected>Försäkringskassan</option>' in html
    assert PendingImport.objects.get().text == corrected


NAMES = [
    f"{first} {last}"
    for first in ("Anna", "Bo", "Cia", "Dan", "Eva", "Filip")
    for last in ("Ek", "Lind", "Holm", "Berg", "Strand")
]


def attendees(count):
    names = "\n".join(f"{name}, ledamot" for name in NAMES[:count])
    return f"Protokoll\n\nDatum: 2021-06-02\n\nNärvarande: Cecilia Ordförande, ordf\n{names}\n\n§ 1 Öppnande\n\nText.\n"


def test_the_review_page_takes_the_same_queries_for_few_or_many_attendees_and_people(
    client_for, cast, django_assert_num_queries
):
    client = client_for("secretary")
    review = upload(client, "few.txt", attendees(2).encode())["Location"]
    data = {"text": attendees(2), "reparse": "1", "body": cast.board.pk}
    client.post(review, data)
    # session, user, person, staff roles, mandates (roles_for); the pending import; writable bodies exist?;
    # the people in scope of its federation, their mandates there; the federation's member organisations; the
    # body choices
    with django_assert_num_queries(11):
        client.get(review)
    for name in NAMES:
        person = Person.objects.create(name=name)
        person.mandates.create(body=cast.board, role="ledamot", start="2020-01-01", organisation=cast.kommun)
    client.post(review, {"text": attendees(30), "reparse": "1", "body": cast.board.pk})
    with django_assert_num_queries(11):
        html = client.get(review).content.decode()
    assert html.count("(samma namn)") == 31 and "Filip Strand (samma namn)" in html  # and the chair


def test_the_original_file_is_downloaded_by_those_who_may_review(client_for, cast):
    upload(client_for("secretary"), "protokoll.txt", PROTOCOL.encode())
    pending = PendingImport.objects.get()
    response = client_for("admin").get(f"/moten/importera/{pending.pk}/original/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PROTOCOL.encode()
    assert 'filename="protokoll.txt"' in response["Content-Disposition"]
    assert (
        client_for(other_federations_secretary(cast)).get(f"/moten/importera/{pending.pk}/original/").status_code == 404
    )


def test_a_protocol_naming_only_its_body_has_it_chosen_in_the_import_made_in_the_federation(client_for, cast):
    """ "PROTOKOLL / Styrelsen" and no federation's name: the body the secretary imports for is still known, as the
    import belongs to the secretary's federation; the page offered "---------" until the text was read again."""
    client = client_for("secretary")
    text = "PROTOKOLL\nStyrelsen\nDatum: 2021-06-02\n\nNärvarande: Cecilia Ordförande, ordf\n\n§ 1 Öppnande\nÖppnat.\n"
    html = client.get(upload(client, "styrelsen.txt", text.encode())["Location"]).content.decode()
    assert f'<option value="{cast.board.pk}" selected>' in html
