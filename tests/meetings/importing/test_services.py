"""Importing into the database: one transaction, matched to the register, the original kept, paper signatures."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from demo import SEEDS
from demo import register as demo
from federations.models import Mandate, Person
from meetings.importing import parse_file, parse_text
from meetings.importing.services import save_parsed
from meetings.models import Attachment, Meeting

SEED_004 = next(SEEDS.glob("004_*.txt"))


@pytest.fixture
def register(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load_register()


def test_seed_004_becomes_a_meeting_justerat_on_paper(register):
    parsed = parse_file(SEED_004.read_bytes(), SEED_004.name)
    from federations.models import Body

    body = Body.objects.get(federation__slug="rar-sormland", slug="arbetsutskottet")
    meeting = save_parsed(parsed, body=body, source_name=SEED_004.name, source_bytes=SEED_004.read_bytes())
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.signed_on_paper and meeting.imported
    assert meeting.paper_signers == "Marie Svensson, Britta Bergström"
    assert meeting.secretary.name == "Ann Lundqvist"
    assert [i.number for i in meeting.items.order_by("position")] == list(range(1, 9))
    ingrid = meeting.attendances.get(name="Ingrid Jerneborg Glimne")
    assert (ingrid.role, ingrid.paragraphs, ingrid.person.name) == (
        "vice_ordforande_1",
        "1-4",
        "Ingrid Jerneborg Glimne",
    )
    assignment = meeting.items.get(number=3).assignments.get()
    assert assignment.owner.name == "Ola Wiktorson" and assignment.decision.outcome == "uppdrag"
    original = Attachment.objects.get(meeting=meeting)
    assert original.name == SEED_004.name and original.size == SEED_004.stat().st_size


def test_the_command_dry_run_prints_json_and_saves_nothing(register):
    out = io.StringIO()
    call_command("import_minutes", str(SEED_004), "--dry-run", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["date"] == "2016-02-04" and len(result["items"]) == 8
    assert not Meeting.objects.exists()
    out = io.StringIO()
    call_command(
        "import_minutes", str(SEED_004), "--dry-run", stdout=out
    )  # without --json: a line saying what was read
    assert "2016-02-04: 8 ärenden" in out.getvalue() and "inget sparat" in out.getvalue()
    assert not Meeting.objects.exists()


def test_the_command_imports_and_matches_federation_and_body(register):
    out = io.StringIO()
    call_command("import_minutes", str(SEED_004), stdout=out)
    assert "Arbetsutskottet" in out.getvalue()
    assert Meeting.objects.get().body.federation.slug == "rar-sormland"


def test_the_command_fails_on_a_bad_file_and_saves_nothing(register, tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("import_minutes", str(empty), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Meeting.objects.exists()


def test_a_document_without_a_date_needs_one(register, tmp_path):
    seed = next(SEEDS.glob("002_*.txt"))
    with pytest.raises(CommandError):
        call_command(
            "import_minutes", str(seed), "--federation", "skaraborg", "--body", "beredningsgrupp", stderr=io.StringIO()
        )
    call_command(
        "import_minutes", str(seed), "--federation", "skaraborg", "--body", "beredningsgrupp", "--date", "2023-01-20",
        stdout=io.StringIO(),
    )  # fmt: skip
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.APPROVED
    vote = meeting.items.get(number=7).decisions.get()
    assert (vote.votes_no, vote.votes_yes, vote.votes_abstain, vote.method) == (9, 4, 7, "votering")


@pytest.mark.bench
def test_the_import_benchmark_prints_its_rate():
    out = io.StringIO()
    call_command("bench_import", "--documents", "5", stdout=out)
    assert out.getvalue().startswith("import 5 documents in ")


def test_an_import_names_only_people_of_its_own_federation(cast):
    """A namesake in another federation is never made chair or justerare (a signer) of this federation's record."""
    stranger = Person.objects.create(name="Karin Främling")
    Mandate.objects.create(person=stranger, body=cast.other_board, role="ledamot", start=datetime.date(2020, 1, 1))
    text = (
        "Protokoll\n\nDatum: 2021-06-02\n\nNärvarande: Karin Främling, ordf\n\n"
        "Utses att justera: Karin Främling\n\n§ 1 Öppnande\n\nMötet öppnades.\n"
    )
    meeting = save_parsed(parse_text(text), body=cast.board)
    assert meeting.chair is None and not meeting.justerare.exists()
    assert meeting.attendances.get().person is None


PROTOCOL_WITHOUT_BLANK_LINES = """Samordningsförbundet Exempel
PROTOKOLL
Styrelsen
Sammanträdesdatum: 2025-03-14
Närvarande beslutande:
Karin Lind (S), ordförande, Exempels kommun
Petra Holm, tjänstgörande ersättare för Nils Ek, Byns kommun, § 1-2
Övriga närvarande:
Olle Berg, sekreterare
§ 1 Godkännande av dagordningen
Dagordningen godkändes.
§ 2 Ansökan om medel
Ansökan gäller 450 000 kronor.
Beslut
Styrelsen beslutar att avslå ansökan.
Omröstning: 3 ja, 1 nej, 0 avstår.
Vid protokollet
Olle Berg
"""


def test_a_protocol_written_without_blank_lines_is_saved_once_with_whom_the_ersattare_served_for(cast):
    """Found by trying the import as a user: "Närvarande beslutande:" was no list (the roll went into § 1), the
    decision under a "Beslut" line stayed in the § text too and "Dagordningen godkändes." was both text and decision
    (the protocol printed them twice), "PROTOKOLL" / "Styrelsen" went into § 1, and the ersättare lost whom she served
    for, who is not listed."""
    parsed = parse_text(PROTOCOL_WITHOUT_BLANK_LINES)
    assert [(p["name"], p["role"]) for p in parsed["attendance"]][:2] == [
        ("Karin Lind", "ordförande"),
        ("Petra Holm", "tjänstgörande ersättare"),
    ]
    meeting = save_parsed(parsed, body=cast.board)
    agenda, application = meeting.items.order_by("position")
    assert agenda.text == "" and agenda.decisions.get().text == "Dagordningen godkändes."
    assert "beslutar" not in application.text and "450 000 kronor" in application.text
    decision = application.decisions.get()
    assert decision.text.startswith("Styrelsen beslutar att avslå ansökan.")
    assert (decision.votes_yes, decision.votes_no, decision.votes_abstain) == (3, 1, 0)
    petra = meeting.attendances.get(name="Petra Holm")
    assert (petra.serving_for.name, petra.serving_for.status, petra.paragraphs) == ("Nils Ek", "franvarande", "1-2")
    assert petra.serving_for.organisation == petra.organisation


def test_an_ersattare_present_but_not_serving_keeps_the_words_and_is_saved_as_an_ersattare(cast):
    """ "Ej tjänstgörande ersättare" is what the list says of them (the review shows it); the record has them as
    ersättare who were there, not as officers with a title of their own."""
    parsed = parse_text(
        "Protokoll\n\nDatum: 2021-06-02\n\nBeslutande: Karin Lind (S), ordförande\n\n"
        "Ej tjänstgörande ersättare: Anders Rapp (M)\n\n§ 1 Öppnande\n\nMötet öppnades.\n"
    )
    assert [(p["name"], p["role"]) for p in parsed["attendance"]] == [
        ("Karin Lind", "ordförande"),
        ("Anders Rapp", "ej tjänstgörande ersättare"),
    ]
    anders = save_parsed(parsed, body=cast.board).attendances.get(name="Anders Rapp")
    assert (anders.role, anders.role_title, anders.status) == ("ersattare", "", "narvarande")


def test_a_paragraph_added_between_two_keeps_its_number_in_its_heading():
    from meetings.importing.services.minutes import item_heading

    assert item_heading({"number": "27A", "title": "Val av protokollsjusterare"}) == "27A Val av protokollsjusterare"
    assert item_heading({"number": "3.1", "title": "Arbetsordning"}) == "3.1 Arbetsordning"
    assert item_heading({"number": "27", "title": "Sammanträdets öppnande"}) == "Sammanträdets öppnande"
