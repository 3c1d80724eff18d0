"""A secretary drafts minutes in a real browser: planning, attendance, text, decisions, autosave, conflicts, history."""

import re

import pytest
from playwright.sync_api import expect

from meetings.models import AgendaItem, ItemRevision, Meeting

from ..meetings.factories import plan_meeting
from .conftest import assert_accessible, sign_in


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


def editor(page, number):
    return page.locator(f"section.item:has(h3 .para:text-is('§ {number}')) [data-item-editor]")


def test_a_secretary_plans_a_meeting(page, cast):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/")
    assert_accessible(page)
    page.get_by_role("link", name="Planera ett möte").click()
    page.locator("#id_body").select_option(label="Styrelse, Test")
    page.locator("#id_date").fill("2026-12-10")
    page.locator("#id_start_time").fill("09:00")
    page.locator("#id_end_time").fill("08:00")
    page.get_by_role("button", name="Planera mötet").click()
    # the error at its field, and in the summary that takes the focus and links to the field
    expect(page.get_by_text("Sluttiden måste vara efter starttiden.", exact=True)).to_be_visible()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    page.get_by_role("link", name="Sluttid: Sluttiden måste vara efter starttiden.").click()
    expect(page.locator("#id_end_time")).to_be_focused()
    assert_accessible(page)
    page.locator("#id_end_time").fill("12:00")
    page.get_by_role("button", name="Planera mötet").click()
    expect(page.get_by_text("Mötet är planerat.")).to_be_visible()
    expect(page.get_by_role("heading", name="§ 2 Val av justerare")).to_be_visible()
    assert_accessible(page)


def test_attendance_with_a_serving_ersattare_and_a_partial_presence(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/narvaro/")
    page.get_by_role("link", name="Ändra Maja Ledamot").click()
    page.locator("#id_status").select_option(label="Anmält förhinder")
    page.get_by_role("button", name="Spara närvaron").click()
    expect(page.get_by_text("Nästa ersättare i inkallelseordning: Erik Ersättare.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Låt Erik Ersättare tjänstgöra").click()
    expect(page.get_by_text("Erik Ersättare tjänstgör för Maja Ledamot.")).to_be_visible()
    page.get_by_role("link", name="Ändra Cecilia Ordförande").click()
    page.locator("#id_paragraphs").fill("§ 1-4")
    page.get_by_role("button", name="Spara närvaron").click()
    row = page.get_by_role("row", name=re.compile("Cecilia Ordförande"))
    expect(row).to_contain_text("1-4")
    expect(page.get_by_text("2 av 2 ledamöter tjänstgör")).to_be_visible()


def test_two_paragraphs_and_a_decision_by_votering(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    for number, text in [(1, "Ordföranden öppnade mötet."), (3, "Dagordningen godkändes efter votering.")]:
        box = editor(page, number).locator("[data-body]")
        box.click()
        page.keyboard.type(text)
        expect(editor(page, number).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    page.locator("section.item:has(h3 .para:text-is('§ 3')) summary").click()
    page.locator("section.item:has(h3 .para:text-is('§ 3'))").get_by_role("link", name="Nytt beslut").click()
    page.locator("#id_text").fill("Styrelsen beslutar att godkänna dagordningen.")
    page.locator("#id_method").select_option(label="Votering")
    page.locator("#id_votes_yes").fill("2")
    page.locator("#id_votes_no").fill("1")
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page.get_by_text("3 röster är fler än de 2 som får rösta i paragrafen.", exact=True)).to_be_visible()
    assert_accessible(page)
    page.locator("#id_votes_no").fill("0")
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page.get_by_text("Ja 2, nej 0, avstår 0.")).to_be_visible()
    assert AgendaItem.objects.get(meeting=meeting, number=1).text == "<p>Ordföranden öppnade mötet.</p>"
    assert_accessible(page)


def test_autosave_survives_a_reload_and_a_dropped_network(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    box = editor(page, 4).locator("[data-body]")
    box.click()
    page.keyboard.type("Sparat före omladdning.")
    expect(editor(page, 4).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    page.reload()
    expect(editor(page, 4).locator("[data-body]")).to_have_text("Sparat före omladdning.")

    page.context.set_offline(True)
    editor(page, 4).locator("[data-body]").click()
    page.keyboard.press("End")
    page.keyboard.type(" Skrivet utan nät.")
    expect(editor(page, 4).locator("[data-status]")).to_contain_text("Kunde inte spara", timeout=10_000)
    page.context.set_offline(False)
    page.evaluate("window.onbeforeunload = null")
    page.goto(f"/moten/{meeting.pk}/")  # the local copy comes back and is saved
    expect(editor(page, 4).locator("[data-body]")).to_contain_text("Skrivet utan nät.")
    expect(editor(page, 4).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    assert "Skrivet utan nät." in AgendaItem.objects.get(meeting=meeting, number=4).text


def test_a_conflict_between_two_editors_loses_neither_text(new_page, cast, meeting):
    first, second = new_page(), new_page()
    for page in (first, second):
        sign_in(page, "secretary@example.se", cast.password)
        page.goto(f"/moten/{meeting.pk}/")
    editor(first, 1).locator("[data-body]").click()
    first.keyboard.type("Text från första fönstret.")
    expect(editor(first, 1).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)

    editor(second, 1).locator("[data-body]").click()
    second.keyboard.type("Text från andra fönstret.")
    conflict = editor(second, 1).locator("[data-conflict]")
    expect(conflict).to_be_visible(timeout=10_000)
    expect(conflict).to_contain_text("Text från första fönstret.")
    expect(editor(second, 1).locator("[data-body]")).to_have_text("Text från andra fönstret.")
    assert_accessible(second)
    # The person merges by hand, then saves on top of the other version.
    editor(second, 1).locator("[data-body]").click()
    second.keyboard.press("End")
    second.keyboard.type(" Text från första fönstret.")
    conflict.get_by_role("button", name="Spara min (sammanslagna) text").click()
    expect(editor(second, 1).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    item = AgendaItem.objects.get(meeting=meeting, number=1)
    assert item.text == "<p>Text från andra fönstret. Text från första fönstret.</p>"
    assert ItemRevision.objects.filter(item=item, text="<p>Text från första fönstret.</p>").exists()


def test_history_compares_and_restores(page, cast, meeting):
    from meetings.drafting import services

    item = meeting.items.get(number=1)
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Första lydelsen</p>", base_version=1
    )
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Andra lydelsen</p>", base_version=2
    )
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/historik/?a=2&b=3")
    expect(page.locator("pre.diff del")).to_contain_text("Första lydelsen")
    expect(page.locator("pre.diff ins")).to_contain_text("Andra lydelsen")
    assert_accessible(page)
    page.get_by_role("button", name="Återställ version 2").click()
    expect(page.get_by_text("Version 2 är återställd som version 4.")).to_be_visible()
    item.refresh_from_db()
    assert item.text == "<p>Första lydelsen</p>"


def test_individual_votes_and_a_reservation(page, cast, meeting):
    from meetings.drafting import services

    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.")
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/")
    page.get_by_label("Cecilia Ordförande: Ja").check()
    page.get_by_label("Maja Ledamot: Nej").check()
    page.get_by_role("button", name="Spara rösterna").click()
    expect(page.get_by_text("Rösterna är sparade.")).to_be_visible()
    page.locator("#reservation-person").select_option(label="Maja Ledamot")
    page.get_by_label("Skriftlig motivering").fill("Till förmån för eget yrkande.")
    page.get_by_role("button", name="Spara reservationen").click()
    expect(page.get_by_text("Till förmån för eget yrkande.")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/moten/{meeting.pk}/")
    expect(page.get_by_text("Ja 1, nej 1, avstår 0.")).to_be_visible()


def test_deleting_an_item_asks_first_and_a_no_keeps_it(page, cast):
    meeting = plan_meeting(cast)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    item = meeting.items.order_by("position").last()
    page.eval_on_selector_all("details", "sections => sections.forEach(d => { d.open = true; })")
    delete = page.locator(f"form[action$='/paragrafer/{item.pk}/ta-bort/'] button")
    # A submit listener added after the portal's own (static/js/portal.js) sees each submit once the portal has
    # answered it, and marks the page with what it decided: a positive signal to wait for, not a pause.
    page.evaluate(
        """() => document.addEventListener("submit", (event) => {
            document.body.dataset.submit = event.defaultPrevented ? "stopped" : "sent";
        })"""
    )
    page.once("dialog", lambda dialog: dialog.dismiss())
    delete.click()
    expect(page.locator("body")).to_have_attribute("data-submit", "stopped")
    assert meeting.items.filter(pk=item.pk).exists()
    assert_accessible(page)  # the pointer still on the button: its words can be read on its hover colour
    page.once("dialog", lambda dialog: dialog.accept())
    delete.click()
    page.wait_for_load_state()
    assert not meeting.items.filter(pk=item.pk).exists()


def test_text_typed_in_a_paragraph_a_colleague_deleted_is_kept_and_shown_after_a_reload(new_page, cast, meeting):
    mine, theirs = new_page(), new_page()
    for page in (mine, theirs):
        sign_in(page, "secretary@example.se", cast.password)
        page.goto(f"/moten/{meeting.pk}/")
    item = meeting.items.get(number=4)
    editor(mine, 4).locator("[data-body]").click()
    mine.keyboard.type("Protokollet lades till handlingarna.")
    expect(editor(mine, 4).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)

    theirs.eval_on_selector_all("details", "sections => sections.forEach(d => { d.open = true; })")
    theirs.once("dialog", lambda dialog: dialog.accept())
    theirs.locator(f"form[action$='/paragrafer/{item.pk}/ta-bort/'] button").click()
    theirs.wait_for_load_state()
    assert not meeting.items.filter(pk=item.pk).exists()

    mine.keyboard.type(" Skrivet efter borttagningen.")
    status = mine.locator(f"#p{item.pk} [data-status]")
    expect(status).to_contain_text("Paragrafen finns inte längre", timeout=10_000)
    expect(mine.locator(f"#p{item.pk} [data-body]")).to_have_text(
        "Protokollet lades till handlingarna. Skrivet efter borttagningen."
    )
    mine.evaluate("window.onbeforeunload = null")
    mine.goto(f"/moten/{meeting.pk}/")
    orphan = mine.locator("section.orphan")
    expect(orphan).to_contain_text("Protokollet lades till handlingarna. Skrivet efter borttagningen.")
    expect(orphan).to_contain_text(item.heading)
    assert_accessible(mine)
    mine.once("dialog", lambda dialog: dialog.accept())
    orphan.get_by_role("button", name="Släng texten").click()
    expect(orphan).to_have_count(0)
    mine.reload()
    expect(mine.locator("section.orphan")).to_have_count(0)


def test_a_decision_typed_when_the_session_had_expired_comes_back_after_signing_in_again(page, cast, meeting):
    item = meeting.items.get(number=3)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/")
    text = "Styrelsen beslutar att ge förbundschefen i uppdrag att utreda frågan.\nÅterkommer i mars."
    page.locator("#id_text").fill(text)
    page.locator("#id_outcome").select_option(label="Uppdrag")
    page.locator("#id_notes").fill("Anteckning från Maja Ledamot.")
    page.context.clear_cookies(name="sessionid")  # the server forgets nothing here: the browser lost its session
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    page.get_by_label("E-post").fill("secretary@example.se")
    page.get_by_label("Lösenord").fill(cast.password)
    page.get_by_role("button", name="Logga in").click()
    expect(page).to_have_url(re.compile(f"/paragrafer/{item.pk}/beslut/$"))
    expect(page.get_by_text("Osparad text återställd från webbläsaren")).to_be_visible()
    expect(page.locator("#id_text")).to_have_value(text)
    expect(page.locator("#id_outcome")).to_have_value("uppdrag")
    expect(page.locator("#id_notes")).to_have_value("Anteckning från Maja Ledamot.")
    assert_accessible(page)
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page.get_by_text("Beslutet är sparat.")).to_be_visible()
    decision = item.decisions.get()
    assert decision.text == text.replace("\n", "\r\n") or decision.text == text
    assert decision.notes == "Anteckning från Maja Ledamot."
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/")  # the draft went with the save
    expect(page.locator("#id_text")).to_have_value("")


def test_a_pasted_heading_longer_than_the_limit_is_kept_whole_with_a_swedish_message(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    heading = editor(page, 4).locator("[data-heading]")
    pasted = "Vad vill förbundet med medlemskapet i Nationella nätverket för samordningsförbund (NNS)? " * 4
    heading.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(pasted)  # what a paste puts in the field
    expect(editor(page, 4).locator("[data-status]")).to_contain_text(
        "Rubriken är för lång: högst 300 tecken.", timeout=10_000
    )
    expect(heading).to_have_value(pasted)
    heading.fill(pasted[:88].strip())
    expect(editor(page, 4).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    assert meeting.items.get(number=4).heading == pasted[:88].strip()


def test_a_tab_closed_mid_sentence_keeps_its_text_though_another_tab_saved_the_same_paragraph(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    first = page
    first.goto(f"/moten/{meeting.pk}/")
    second = first.context.new_page()  # the same browser: the two tabs share its local storage
    second.goto(f"/moten/{meeting.pk}/")
    editor(first, 4).locator("[data-body]").click()
    first.keyboard.type("Skrivet i första fliken.")
    expect(editor(first, 4).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    editor(second, 4).locator("[data-body]").click()
    second.keyboard.type("Andra fliken skriver en mening som inte hunnit sparas")
    first.keyboard.type(" Mer.")
    first.evaluate("() => window.finsamEditors.forEach((e) => e.save())")  # saved while the second tab still waits
    expect(editor(first, 4).locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    assert meeting.items.get(number=4).text == "<p>Skrivet i första fliken. Mer.</p>"
    second.close(run_before_unload=False)  # closed (or crashed) before its autosave

    again = first.context.new_page()
    again.goto(f"/moten/{meeting.pk}/")
    expect(editor(again, 4).locator("[data-body]")).to_have_text(
        "Andra fliken skriver en mening som inte hunnit sparas"
    )
    conflict = editor(again, 4).locator("[data-conflict]")
    expect(conflict).to_be_visible(timeout=10_000)
    expect(conflict).to_contain_text("Skrivet i första fliken. Mer.")


def test_the_number_of_a_paragraph_a_colleague_moved_follows_when_the_text_is_saved(page, cast, meeting):
    from meetings.drafting import services

    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    item = meeting.items.get(number=4)
    section = page.locator(f"#p{item.pk}")
    expect(section.locator("h3 .para")).to_have_text("§ 4")
    services.item_move(actor=None, item=item, offset=-1)  # a colleague moves it up while the page is open
    section.locator("[data-body]").click()
    page.keyboard.type("Föregående protokoll lades till handlingarna.")
    expect(section.locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    expect(section.locator("h3 .para")).to_have_text("§ 3")
    item.refresh_from_db()
    assert (item.number, item.text) == (3, "<p>Föregående protokoll lades till handlingarna.</p>")


def test_every_name_of_a_renumbered_paragraph_follows_without_a_reload(page, cast, meeting):
    from meetings.drafting import services

    item = meeting.items.get(number=4)
    decision = "Styrelsen beslutar att lägga protokollet till handlingarna."
    services.decision_save(actor=None, item=item, text=decision, outcome="bifall", method="acklamation")
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    section = page.locator(f"#p{item.pk}")
    services.item_move(actor=None, item=item, offset=-1)  # a colleague moves it up while the page is open
    section.locator("[data-heading]").fill("Föregående protokoll, februari")
    expect(section.locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    expect(section.locator("h3")).to_have_text("§ 3 Föregående protokoll, februari")
    # what a screen reader hears after each of the §'s buttons and links names it as it is now
    name = " – § 3 Föregående protokoll, februari"
    expect(section.locator("summary")).to_have_accessible_name(f"Beslut, uppdrag, bilagor och mer{name}")
    section.locator("summary").click()
    for role, words in [
        ("link", "Ändra beslutet"),
        ("button", "Ta bort beslutet"),
        ("link", "Nytt beslut"),
        ("link", "Historik"),
        ("button", "Spara uppdraget"),
        ("button", "Flytta upp"),
        ("button", "Ta bort ärendet"),
    ]:
        expect(section.get_by_role(role, name=f"{words}{name}", exact=True)).to_be_visible()
    assert set(section.locator("[data-item-label]").all_text_contents()) == {"§ 3"}
    # and so does the question asked before it is deleted
    page.evaluate(
        """() => document.addEventListener("submit", (event) => {
            document.body.dataset.submit = event.defaultPrevented ? "stopped" : "sent";
        })"""
    )
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    section.get_by_role("button", name=f"Ta bort ärendet{name}", exact=True).click()
    expect(page.locator("body")).to_have_attribute("data-submit", "stopped")
    assert questions == ["Ta bort ärendet? § 3 har 1 beslut som också tas bort. Paragraferna numreras om."]
    assert_accessible(page)


def test_a_draft_kept_in_the_browser_is_its_writers_and_never_fills_the_next_users_form(page, cast, meeting):
    item = meeting.items.get(number=3)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/")
    page.locator("#id_text").fill("Styrelsen beslutar att utreda frågan.")
    page.context.clear_cookies(name="sessionid")  # the session ends; the secretary leaves the shared computer
    page.get_by_role("button", name="Spara beslutet").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    page.get_by_label("E-post").fill("admin@example.se")  # the next one at the computer signs in
    page.get_by_label("Lösenord").fill(cast.password)
    page.get_by_role("button", name="Logga in").click()
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/")
    expect(page.locator("#id_text")).to_have_value("")
    expect(page.get_by_text("Osparad text återställd från webbläsaren")).to_have_count(0)
    page.context.clear_cookies(name="sessionid")
    sign_in(page, "secretary@example.se", cast.password)  # the writer, back: the draft is theirs still
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/")
    expect(page.locator("#id_text")).to_have_value("Styrelsen beslutar att utreda frågan.")


def test_the_numbers_of_paragraphs_a_colleague_renumbered_follow_when_another_paragraph_is_saved(page, cast, meeting):
    from meetings.drafting import services

    agenda, previous = meeting.items.get(number=3), meeting.items.get(number=4)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    services.item_move(actor=None, item=previous, offset=-1)  # a colleague moves § 4 up while the page is open
    opening = editor(page, 1)
    opening.locator("[data-body]").click()
    page.keyboard.type("Ordföranden öppnade mötet.")  # the secretary writes in § 1, above both
    expect(opening.locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    for item, label in ((previous, "§ 3"), (agenda, "§ 4")):
        section = page.locator(f"#p{item.pk}")
        expect(section.locator("h3 .para")).to_have_text(label)
        expect(section.locator("summary")).to_have_accessible_name(
            f"Beslut, uppdrag, bilagor och mer – {label} {item.heading}"
        )
        section.locator("summary").click()
        expect(section.get_by_role("button", name=f"Ta bort ärendet – {label} {item.heading}")).to_be_visible()


def _new_item_form(page):
    return page.locator("form:has(button:text-is('Lägg till ärendet'))")


def test_a_new_paragraph_sent_again_after_its_answer_was_lost_is_added_once(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    _new_item_form(page).get_by_label("Rubrik").fill("Budget 2027")

    def lose_the_answer(route):
        route.fetch(max_redirects=0)  # the server takes the form and adds the § ...
        route.abort()  # ... but its answer never reaches the browser

    page.route(f"**/moten/{meeting.pk}/paragrafer/", lose_the_answer)
    _new_item_form(page).get_by_role("button", name="Lägg till ärendet").click()
    expect(page).not_to_have_url(re.compile(f"/moten/{meeting.pk}/$"))  # the browser's own error page
    page.unroute(f"**/moten/{meeting.pk}/paragrafer/")
    budget = meeting.items.get(heading="Budget 2027")
    page.go_back()  # the form is there as it was sent, and the secretary sends it again
    expect(_new_item_form(page).get_by_label("Rubrik")).to_have_value("Budget 2027")
    _new_item_form(page).get_by_role("button", name="Lägg till ärendet").click()
    expect(
        page.get_by_text("Formuläret skickades två gånger: ärendet ”Budget 2027” är bara tillagt en gång.")
    ).to_be_visible()
    expect(page).to_have_url(re.compile(f"#p{budget.pk}$"))
    assert meeting.items.filter(heading="Budget 2027").count() == 1
    _new_item_form(page).get_by_label("Rubrik").fill("Budget 2027")  # the form shown now is a new one: two §§
    _new_item_form(page).get_by_role("button", name="Lägg till ärendet").click()  # may share a heading
    expect(page.get_by_role("heading", name="§ 6 Budget 2027")).to_be_visible()
    assert meeting.items.filter(heading="Budget 2027").count() == 2


def test_a_heading_typed_and_wiped_in_the_new_paragraph_form_leaves_no_draft_to_put_back(page, cast, meeting):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    heading = _new_item_form(page).get_by_label("Rubrik")
    heading.fill("Bud")
    heading.fill("")  # the form's draft holds its one-time token still, and nothing typed
    page.reload()
    expect(page.get_by_text("Osparad text återställd från webbläsaren")).to_have_count(0)


def test_a_draft_put_back_can_be_thrown_away_from_the_keyboard_and_the_form_shows_what_is_saved(page, cast, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(place="Kansliet, Åkersberga")
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/andra/")
    page.locator("#id_place").fill("Stadshuset")  # typed, never sent: the tab is closed
    page.goto(f"/moten/{meeting.pk}/andra/")
    expect(page.locator("#id_place")).to_have_value("Stadshuset")
    discard = page.get_by_role("button", name="Släng utkastet – Ändra mötet", exact=True)  # the page's heading
    expect(discard).to_be_visible()
    assert_accessible(page)
    page.locator("#id_date").focus()
    page.keyboard.press("Shift+Tab")  # the button stands first in the form, after the notice
    expect(discard).to_be_focused()
    page.once("dialog", lambda dialog: dialog.dismiss())  # not yet: the draft stays
    page.keyboard.press("Enter")
    expect(page.locator("#id_place")).to_have_value("Stadshuset")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    page.keyboard.press("Enter")
    expect(page.locator("#id_place")).to_have_value("Kansliet, Åkersberga")  # what the server sent
    expect(discard).to_have_count(0)
    expect(page.get_by_text("Osparad text återställd från webbläsaren")).to_have_count(0)
    expect(page.locator("#id_date")).to_be_focused()  # the keyboard goes on in the form
    assert questions == ["Släng utkastet? Det du skrev här finns inte sparat någon annanstans."]
    page.reload()  # the draft is gone from the browser too
    expect(page.locator("#id_place")).to_have_value("Kansliet, Åkersberga")
    expect(page.get_by_text("Osparad text återställd från webbläsaren")).to_have_count(0)


def test_a_draft_of_a_form_of_a_paragraph_is_thrown_away_by_a_button_that_names_the_paragraph(page, cast, meeting):
    item = meeting.items.get(number=3)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/")
    section = page.locator(f"#p{item.pk}")
    section.locator("summary").click()
    section.get_by_label("Uppdrag").fill("Utreda frågan.")
    _new_item_form(page).get_by_label("Rubrik").fill("Budget 2027")
    page.reload()
    expect(section.get_by_label("Uppdrag")).to_have_value("Utreda frågan.")
    expect(_new_item_form(page).get_by_label("Rubrik")).to_have_value("Budget 2027")
    new_item = page.get_by_role("button", name="Släng utkastet – Nytt ärende", exact=True)  # its section's heading
    expect(new_item).to_be_visible()
    own = section.get_by_role(  # its legend, and the § its own button names
        "button", name="Släng utkastet – Nytt uppdrag – § 3 Godkännande av dagordningen", exact=True
    )
    assert_accessible(page)  # two of them, told apart
    page.once("dialog", lambda dialog: dialog.accept())
    own.click()
    expect(section.get_by_label("Uppdrag")).to_have_value("")
    expect(_new_item_form(page).get_by_label("Rubrik")).to_have_value("Budget 2027")  # another form's draft stays
    expect(new_item).to_be_visible()


def test_two_drafts_put_back_on_the_decision_page_are_thrown_away_by_buttons_named_for_their_forms(page, cast, meeting):
    from meetings.drafting import services

    item = meeting.items.get(number=3)
    saved = "Styrelsen beslutar att godkänna dagordningen."
    decision = services.decision_save(actor=None, item=item, text=saved, outcome="bifall", method="acklamation")
    sign_in(page, "secretary@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/")
    page.locator("#id_text").fill("Styrelsen beslutar att godkänna dagordningen med ett tillägg.")
    page.get_by_label("Skriftlig motivering").fill("Tillägget borde ha beretts.")
    page.reload()  # typed in both forms, sent from neither: both drafts come back
    expect(page.locator("#id_text")).to_have_value("Styrelsen beslutar att godkänna dagordningen med ett tillägg.")
    expect(page.get_by_label("Skriftlig motivering")).to_have_value("Tillägget borde ha beretts.")
    buttons = page.get_by_role("button", name=re.compile("^Släng utkastet"))
    expect(buttons).to_have_count(2)
    # each says which form it throws away, in the page's words: the decision by the page's heading, the
    # reservation by its section's
    decision_form = page.locator("form:has(#id_text)")
    reservation_form = page.locator("form:has(#reservation-reason)")
    expect(decision_form.get_by_role("button", name=re.compile("^Släng utkastet"))).to_have_accessible_name(
        "Släng utkastet – Beslut under § 3 Godkännande av dagordningen"
    )
    expect(reservation_form.get_by_role("button", name=re.compile("^Släng utkastet"))).to_have_accessible_name(
        "Släng utkastet – Reservationer"
    )
    assert_accessible(page)  # two of them, told apart
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Släng utkastet – Reservationer", exact=True).click()
    expect(page.get_by_label("Skriftlig motivering")).to_have_value("")
    expect(page.locator("#id_text")).to_have_value(  # the other form's draft stays
        "Styrelsen beslutar att godkänna dagordningen med ett tillägg."
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Släng utkastet – Beslut under § 3 Godkännande av dagordningen", exact=True).click()
    expect(page.locator("#id_text")).to_have_value(saved)  # what the server sent
    expect(buttons).to_have_count(0)
