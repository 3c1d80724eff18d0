"""The register's exports (CSV and Excel: rows, Dnr, votes, reservations, streaming, the plan) and its benchmarks."""

import csv
import datetime
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from meetings.anslag import services as anslag_services
from meetings.drafting import services
from meetings.models import AgendaItem, RegisterTerm, Reservation, Vote
from tests.conftest import on_the_tests_day, skip_unless
from tests.meetings.factories import justera, plan_meeting
from tests.meetings.register.test_register import grow

pytestmark = on_the_tests_day


def test_the_csv_export_has_a_swedish_header_and_the_filtered_rows(client_for, history):
    response = client_for(None).get("/beslut/export.csv?utfall=aterremiss")
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff") and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Datum",
        "Förbund/nätverk",
        "Organ",
        "Paragraf",
        "Dnr",
        "Rubrik",
        "Beslut",
        "Utfall",
        "Beslutsform",
        "Ja",
        "Nej",
        "Avstår",
        "Namnupprop",
        "Reservationer",
        "Länk",
    ]
    assert rows[1][:2] == ["2022-11-23", "Samordningsförbundet Test"]
    assert rows[1][5:12] == [
        "Ansökan Studio Ludum",
        "Styrelsen beslutar att återremittera ansökningarna.",
        "Återremiss",
        "Votering",
        "2",
        "0",
        "",
    ]
    assert len(rows) == 2


def test_the_exports_carry_the_dnr_the_votes_by_name_and_the_reservations(client_for, cast):
    meeting = plan_meeting(cast, date=datetime.date(2024, 6, 3))
    item = services.item_add(actor=None, meeting=meeting, heading="Upphandling av insatser", kind="beslut")
    AgendaItem.objects.filter(pk=item.pk).update(case_number="SF 2024/17")
    services.decision_save(
        actor=None, item=item, text="Styrelsen beslutar att upphandla.", outcome="bifall", method="votering",
        votes_yes=1, votes_no=1, votes_abstain=0,
    )  # fmt: skip
    decision = item.decisions.get()
    first, second = meeting.attendances.order_by("position", "id")[:2]
    for attendance, choice in ((first, "ja"), (second, "nej")):
        Vote.objects.create(decision=decision, attendance=attendance, choice=choice)
    Reservation.objects.create(decision=decision, attendance=second, reason="Upphandlingen är för dyr")
    justera(cast, meeting)
    anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    names = [a.display_name for a in (first, second)]
    response = client_for(None).get("/beslut/export.csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8").lstrip("\ufeff")), delimiter=";"))
    assert rows[1][4:5] == ["SF 2024/17"] and rows[1][9:12] == ["1", "1", "0"]
    assert rows[1][12] == f"Ja: {names[0]}. Nej: {names[1]}."
    assert rows[1][13] == f"{names[1]} (Upphandlingen är för dyr)."
    sheet = load_workbook(io.BytesIO(client_for(None).get("/beslut/export.xlsx").getvalue())).active
    assert [cell.value for cell in sheet[2]][4:14] == ["SF 2024/17", *rows[1][5:9], 1, 1, 0, *rows[1][12:14]]


def test_the_spreadsheet_export_opens(client_for, history):
    response = client_for(None).get("/beslut/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet["A1"].value == "Datum" and sheet.max_row == 4
    assert sheet["A2"].value.date() == datetime.date(2022, 11, 23)


@pytest.mark.bench
def test_the_register_benchmark_runs_on_a_small_database(history):
    """The demo's few decisions have no deep pages: that class says so instead of the command stopping."""
    from django.core.management import call_command

    out = io.StringIO()
    call_command("bench_register", "--rounds", "1", "--ilike-rounds", "0", stdout=out)
    printed = out.getvalue()
    assert "no requests (too little data for this class)" in printed
    assert printed.strip().splitlines()[-1].startswith("register p50 ") and "no ILIKE rounds" in printed


@pytest.mark.bench
def test_the_benchmark_commands_run(db):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("generate_network_data", "--federations", "1", "--years", "1", stdout=out)
    assert "1 förbund, 1 år: 25 möten, 300 paragrafer, 150 beslut" in out.getvalue()
    out = io.StringIO()
    call_command("bench_register", "--rounds", "1", stdout=out)
    assert out.getvalue().strip().splitlines()[-1].startswith("register p50 ")
    assert RegisterTerm.objects.get(term=RegisterTerm.ENTRIES).entries == 150  # the generator keeps the counts
    for kind in ("csv", "xlsx"):
        out = io.StringIO()
        call_command("bench_export", "--child", kind, stdout=out)  # in this process: the test's database
        assert (
            out.getvalue().startswith(f"{kind} 150 rows, " if kind == "csv" else "xlsx ") and "VmHWM" in out.getvalue()
        )


@pytest.mark.bench
def test_the_reindex_benchmark_times_the_migration_and_leaves_the_register_as_it_was(history):
    from django.core.management import call_command

    from meetings.models import RegisterEntry

    assert RegisterEntry.objects.count() > 2  # more entries than the limit
    RegisterEntry.objects.update(text_terms="")  # the terms it writes are rolled back, whatever they are
    out = io.StringIO()
    call_command("bench_reindex", "--limit", "2", "--scale", "240000", stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    assert last.startswith("reindex 2 entries in ") and "at 240000 entries about " in last
    assert set(RegisterEntry.objects.values_list("text_terms", flat=True)) == {""}


def test_the_exports_stream_every_row_in_chunks(client_for, cast, monkeypatch):
    grow(cast, 5)
    monkeypatch.setattr("meetings.register.exports.EXPORT_CHUNK", 2)  # more rows than a chunk: no cap, no loss
    response = client_for(None).get("/beslut/export.csv")
    assert response.streaming
    assert len(response.getvalue().decode("utf-8-sig").strip().splitlines()) == 1 + 5
    response = client_for(None).get("/beslut/export.xlsx")
    assert response.streaming
    assert load_workbook(io.BytesIO(response.getvalue())).active.max_row == 1 + 5


def test_an_export_plans_for_every_row_and_leaves_the_session_as_it_was(client_for, cast):
    """A server-side cursor is planned for its first tenth by default: for a rare word that walks the date index
    hoping to meet it. The export reads every row and says so to the planner, for its own query only."""
    skip_unless(connection.vendor == "postgresql", "a planner setting of PostgreSQL")
    grow(cast, 3)
    seen = []

    def setting(execute, sql, params, many, context):
        if "meetings_registerentry" in sql and "ORDER BY" in sql:
            with connection.cursor() as cursor:
                cursor.execute("SHOW cursor_tuple_fraction")
                seen.append(cursor.fetchone()[0])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(setting):
        response = client_for(None).get("/beslut/export.csv")
        lines = response.getvalue().decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 1 + 3 and seen == ["1"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW cursor_tuple_fraction")
        assert cursor.fetchone()[0] == "0.1"
