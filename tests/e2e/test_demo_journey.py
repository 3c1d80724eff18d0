"""Issue 15's measure, on the demo (`load_demo`, as `make run` loads it): the demo's secretary plans a board meeting
of RAR i Sörmland, sends the kallelse, records who came and who did not, keeps the minutes (paragraphs, a list, a
link, a votering by namnupprop, a reservation, jäv), names who gets each decision, sends the protocol for justering,
and the chair, the justerare and the secretary each sign in their own browser. A real Celery worker seals the
protocol on PostgreSQL + Redis (in-process on SQLite); the sealed PDF, read back, says exactly what happened, and
each decision's extract goes to its recipients."""

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from finsam.celery import app
from finsam.database import current_database_url
from meetings.models import AgendaItem, Meeting, OutgoingMail, SignedDocument

from .conftest import assert_accessible, sign_in

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "finsam-demo-2026"
SECRETARY, CHAIR, JUSTERARE = "sekreterare@demo.finsam.se", "ordforande@demo.finsam.se", "justerare@demo.finsam.se"


@pytest.fixture
def sealing(settings, tmp_path):
    """Who renders and seals: with REDIS_URL a real Celery worker process taking the task from Redis, as in
    production; without it the task runs in-process, as `make run` does."""
    settings.MEDIA_ROOT = tmp_path
    if not os.environ.get("REDIS_URL"):
        previous = app.conf.task_always_eager
        app.conf.task_always_eager = True
        yield None
        app.conf.task_always_eager = previous
        return
    env = {
        **os.environ,
        "FINSAM_TESTING": "1",
        "DATABASE_URL": current_database_url(),
        "MEDIA_ROOT": str(tmp_path),
        "FINSAM_VAR_DIR": str(settings.VAR_DIR),
    }
    command = [sys.executable, "-m", "celery", "-A", "finsam", "worker", "--pool=solo", "--loglevel=WARNING"]
    process = subprocess.Popen([*command, "-n", "journey@%h"], cwd=ROOT, env=env)
    yield process
    process.terminate()
    process.wait(timeout=30)


def section(page, number):
    return page.locator(f"section.item:has(h3 .para:text-is('§ {number}'))")


def wait_saved(page, number):
    expect(section(page, number).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)


def edit_attendance(page, name, **fields):
    page.get_by_role("link", name=f"Ändra {name}", exact=True).click()
    if "status" in fields:
        page.locator("#id_status").select_option(label=fields["status"])
    if "serving_for" in fields:
        page.locator("#id_serving_for").select_option(label=fields["serving_for"])
    if "paragraphs" in fields:
        page.locator("#id_paragraphs").fill(fields["paragraphs"])
    page.get_by_role("button", name="Spara närvaron").click()
    expect(page.get_by_role("heading", name=re.compile("^Närvaro"))).to_be_visible()


def pdf_text(meeting):
    document = SignedDocument.objects.get(meeting=meeting, status="done", revision__kind="full")
    with document.file.open("rb") as handle:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


@pytest.mark.worker
def test_the_demo_secretary_runs_a_whole_meeting_alone(new_page, sealing, transactional_db):
    call_command("load_demo", stdout=io.StringIO())
    secretary = new_page()
    today = timezone.localdate()

    # Plan a board meeting of RAR i Sörmland.
    sign_in(secretary, SECRETARY, PASSWORD)
    secretary.goto("/moten/")
    secretary.get_by_role("link", name="Planera ett möte").click()
    secretary.locator("#id_body").select_option(label="Styrelse, RAR Sörmland")
    secretary.locator("#id_date").fill(today.isoformat())
    secretary.locator("#id_start_time").fill("09:00")
    secretary.locator("#id_end_time").fill("12:00")
    secretary.locator("#id_place").fill("Förbundets kansli, Eskilstuna")
    secretary.locator("#id_chair").select_option(label="Marie Svensson")
    secretary.locator("#id_secretary").select_option(label="Ann Lundqvist")
    secretary.get_by_role("button", name="Planera mötet").click()
    expect(secretary.get_by_text("Mötet är planerat.")).to_be_visible()
    meeting = Meeting.objects.get(body__federation__slug="rar-sormland", body__slug="styrelse", date=today)

    # The agenda: two matters of its own after the standard items.
    for heading, kind in [("Budget 2027", "Beslutsärende"), ("Ansökan från Nyköpings kommun", "Beslutsärende")]:
        secretary.locator("#id_heading").fill(heading)
        secretary.locator("#id_kind").select_option(label=kind)
        secretary.get_by_role("button", name="Lägg till ärendet").click()
        expect(secretary.locator("h3", has_text=heading)).to_be_visible()
    numbers = list(meeting.items.order_by("position").values_list("number", flat=True))
    first, last = numbers[0], numbers[-1]
    budget = AgendaItem.objects.get(meeting=meeting, heading="Budget 2027").number
    application = AgendaItem.objects.get(meeting=meeting, heading="Ansökan från Nyköpings kommun").number

    # Choose the justerare.
    secretary.get_by_role("link", name="Ändra mötet").click()
    secretary.get_by_label("Britta Bergström").check()
    secretary.get_by_role("button", name="Spara").click()
    expect(secretary.get_by_text("Britta Bergström utsågs att jämte ordföranden justera")).to_be_visible()

    # Preview the kallelse (and its PDF), then send it; the outbox holds one e-mail per address.
    secretary.get_by_role("link", name="Skicka kallelse").click()
    expect(secretary.get_by_role("link", name="Kallelse (PDF)")).to_be_visible()
    pdf = secretary.request.get(f"/moten/{meeting.pk}/kallelse.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    kallelse = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "Kallelse" in kallelse and "Budget 2027" in kallelse and "Förbundets kansli, Eskilstuna" in kallelse
    assert_accessible(secretary)
    secretary.get_by_role("button", name="Skicka kallelse").click()
    expect(secretary.get_by_text(re.compile("Kallelsen skickas till"))).to_be_visible()
    called = set(OutgoingMail.objects.filter(meeting=meeting, kind="kallelse").values_list("recipient", flat=True))
    assert {CHAIR, JUSTERARE} <= called

    # Attendance: Lars Holm has reported förhinder and his ersättare serves; Henrik Fransson is away; Anna-Lena
    # Karlsson leaves after § budget-1 and her ersättare serves from then on; Per Wallin leaves after the budget;
    # the förbundschef takes part without a vote.
    secretary.get_by_role("link", name=re.compile("^Närvaro")).click()
    edit_attendance(secretary, "Lars Holm", status="Anmält förhinder")
    secretary.get_by_role("button", name="Låt Sara Lundgren tjänstgöra").click()
    expect(secretary.get_by_text("Sara Lundgren tjänstgör för Lars Holm.")).to_be_visible()
    edit_attendance(secretary, "Henrik Fransson", status="Frånvarande")
    edit_attendance(secretary, "Anna-Lena Karlsson", paragraphs=f"{first}-{budget - 1}")
    edit_attendance(secretary, "Ingela Andersson", serving_for="Anna-Lena Karlsson", paragraphs=f"{budget}-{last}")
    edit_attendance(secretary, "Per Wallin", paragraphs=f"{first}-{budget}")
    secretary.locator("#id_person").select_option(label="Ola Wiktorson")
    secretary.locator("#id_role").select_option(label="Förbundschef")
    secretary.get_by_role("button", name="Spara närvaron").click()
    expect(secretary.get_by_role("row", name=re.compile("Ola Wiktorson"))).to_be_visible()
    assert_accessible(secretary)

    # The minutes: paragraphs, a link and a list in the opening §.
    secretary.goto(f"/moten/{meeting.pk}/")
    tools = section(secretary, first).get_by_role("toolbar", name="Textformat")
    section(secretary, first).locator("[data-body]").click()
    secretary.keyboard.type("Ordföranden Marie Svensson öppnade mötet.")
    secretary.keyboard.press("Enter")
    secretary.keyboard.type("Handlingarna finns på webbplatsen")
    secretary.keyboard.press("Shift+Control+ArrowLeft")
    secretary.once("dialog", lambda dialog: dialog.accept("https://www.rarsormland.se/"))
    tools.get_by_role("button", name="Länk").click()
    secretary.keyboard.press("End")
    secretary.keyboard.press("Enter")
    tools.get_by_role("button", name="• Lista").click()
    secretary.keyboard.type("Budgetunderlag 2027")
    secretary.keyboard.press("Enter")
    secretary.keyboard.type("Verksamhetsplan 2027")
    wait_saved(secretary, first)

    # The budget: a votering by namnupprop, a reservation, and who gets the decision.
    section(secretary, budget).locator("[data-body]").click()
    secretary.keyboard.type("Förbundschefen presenterade förslaget till budget för 2027.")
    wait_saved(secretary, budget)
    section(secretary, budget).locator("summary").first.click()
    section(secretary, budget).get_by_role("link", name="Nytt beslut").click()
    secretary.locator("#id_text").fill("Styrelsen beslutar att fastställa budget för 2027.")
    secretary.locator("#id_method").select_option(label="Votering")
    secretary.locator("#id_votes_yes").fill("8")
    secretary.locator("#id_votes_no").fill("2")
    secretary.locator("#id_votes_abstain").fill("1")
    secretary.locator("#id_recipients").fill("Medlemmarna")
    secretary.locator("#id_recipient_people").select_option(label=["Marie Svensson", "Ola Wiktorson"])
    secretary.locator("#id_recipient_emails").fill("ekonomi@rarsormland.se")
    secretary.get_by_role("button", name="Spara beslutet").click()
    expect(secretary.get_by_text("Beslutet är sparat.")).to_be_visible()
    section(secretary, budget).get_by_role("link", name="Ändra beslutet").click()
    expect(secretary.get_by_text("Saknar e-postadress och får inte protokollsutdraget")).to_be_visible()
    votes = {"Per Wallin": "Nej", "Mikael Dahl": "Nej", "Öjvind Nyström": "Avstår"}
    voters = secretary.locator("table tbody th").all_inner_texts()
    for name in voters:
        secretary.get_by_label(f"{name}: {votes.get(name, 'Ja')}", exact=True).check()
    secretary.get_by_role("button", name="Spara rösterna").click()
    secretary.locator("#reservation-person").select_option(label="Mikael Dahl")
    secretary.locator("#reservation-reason").fill("Budgeten tar inte hänsyn till de små kommunernas behov.")
    secretary.get_by_role("button", name="Spara reservationen").click()
    expect(secretary.get_by_text("Budgeten tar inte hänsyn")).to_be_visible()
    assert_accessible(secretary)

    # Jäv in the application from Nyköping: Göran Östlund takes no part.
    secretary.goto(f"/moten/{meeting.pk}/")
    details = section(secretary, application)
    details.locator("summary").first.click()
    details.get_by_label("Jäv i ärendet").select_option(label="Göran Östlund")
    details.get_by_role("button", name="Anmäl jäv").click()
    expect(section(secretary, application).get_by_text("Göran Östlund deltar inte i ärendet.")).to_be_visible()
    section(secretary, application).locator("summary").first.click()
    section(secretary, application).get_by_role("link", name="Nytt beslut").click()
    secretary.locator("#id_text").fill("Styrelsen beslutar att bevilja ansökan från Nyköpings kommun.")
    secretary.get_by_role("button", name="Spara beslutet").click()
    expect(secretary.get_by_text("Beslutet är sparat.")).to_be_visible()

    # Send it for justering; the chair, the justerare and the secretary sign, each in their own browser.
    secretary.goto(f"/moten/{meeting.pk}/justering/")
    secretary.get_by_role("button", name="Skicka på justering").click()
    expect(secretary.get_by_text("Revision 1 är skickad på justering.")).to_be_visible()
    chair, justerare = new_page(), new_page()
    sign_in(chair, CHAIR, PASSWORD)
    sign_in(justerare, JUSTERARE, PASSWORD)
    for page in (chair, justerare, secretary):
        page.goto(f"/moten/{meeting.pk}/justering/")
        page.get_by_role("link", name="Justera protokollet").click()
        if "reauthenticate" in page.url:
            page.get_by_label("Lösenord").fill(PASSWORD)
            page.get_by_role("button", name="Verifiera").click()
        page.get_by_role("button", name="Jag justerar protokollet").click()
        expect(page.get_by_text("Du har justerat protokollet.")).to_be_visible()

    # Sealed by the worker; the PDF, read back, has every header field right.
    expect(secretary.get_by_role("link", name="Ladda ned det justerade protokollet (PDF)")).to_be_visible(
        timeout=60_000
    )
    text = pdf_text(meeting)
    flat = re.sub(r"\s+", " ", text)
    header = flat.split(f"§ {first} Mötets öppnande")[0]
    assert f"Tid och plats {today.day} " in header and "kl. 09:00–12:00, Förbundets kansli, Eskilstuna" in header
    assert today.isoformat() not in text  # one Swedish date form, the verifikat's times too
    assert f"Anna-Lena Karlsson (Försäkringskassan), § {first}-{budget - 1}" in header
    assert (
        "Ingela Andersson (Försäkringskassan), tjänstgörande ersättare för Anna-Lena Karlsson, "
        f"§ {budget}-{last}" in header
    )
    assert "Sara Lundgren (Flens kommun), tjänstgörande ersättare för Lars Holm" in header
    assert f"Per Wallin (Katrineholms kommun), § {first}-{budget}" in header
    assert "Anmält förhinder Lars Holm, ledamot (Flens kommun)" in header
    assert "Frånvarande Henrik Fransson, ledamot (Vingåkers kommun)" in header
    assert "Övriga deltagande Ola Wiktorson, förbundschef" in header
    assert "Utses att justera Britta Bergström Justeringens" in header  # jämte ordföranden
    assert f"Paragrafer § {first}–{last}" in header
    assert "Ordföranden Marie Svensson öppnade mötet." in text and "Handlingarna finns på webbplatsen" in text
    assert "Budgetunderlag 2027" in text and "Verksamhetsplan 2027" in text
    assert "Votering: ja 8, nej 2, avstår 1." in flat
    assert "Nej: Mikael Dahl, Per Wallin." in flat and "Avstår: Öjvind Nyström." in flat
    assert "Mikael Dahl reserverar sig mot beslutet: Budgeten tar inte hänsyn" in flat
    assert "Beslutet skickas till: Medlemmarna, Marie Svensson, Ola Wiktorson" in flat
    assert "Jäv: Göran Östlund deltog inte i handläggningen." in flat
    assert f"§ {budget} Budget 2027" in flat and f"§ {application} Ansökan från Nyköpings kommun" in flat

    # Each recipient with an address gets the budget's extract once; the one without is listed, not dropped.
    deadline = time.monotonic() + 30
    extracts = OutgoingMail.objects.filter(meeting=meeting, kind="extract")
    while extracts.filter(sent_at__isnull=True).exists() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert sorted(extracts.filter(sent_at__isnull=False).values_list("recipient", flat=True)) == [
        "ekonomi@rarsormland.se",
        CHAIR,
    ]
    secretary.reload()
    listing = secretary.locator("section", has=secretary.get_by_role("heading", name="Protokollsutdrag med e-post"))
    expect(listing.get_by_role("row", name=re.compile("ekonomi@rarsormland.se"))).to_contain_text("Skickat")
    expect(listing.get_by_role("row", name=re.compile("Ola Wiktorson"))).to_contain_text("Saknar e-postadress")
    assert_accessible(secretary)
