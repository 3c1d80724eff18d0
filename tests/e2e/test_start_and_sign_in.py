"""A demo user signs in; the start page and the sign-in page pass axe at WCAG 2.1 AA."""

from playwright.sync_api import expect

from .conftest import assert_accessible, sign_in


def test_the_sign_in_page_is_accessible(page):
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="Logga in")).to_be_visible()
    assert_accessible(page)


def test_the_public_start_page_is_accessible(page, db):
    page.goto("/")
    expect(page.get_by_role("heading", name="Finsamportalen", exact=True)).to_be_visible()
    assert_accessible(page)


def test_a_member_signs_in_and_sees_their_start_page(page, cast):
    sign_in(page, "chair@example.se", cast.password)
    expect(page.get_by_text("Välkommen, Cecilia Ordförande.")).to_be_visible()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    assert_accessible(page)


def test_a_wrong_password_is_refused_with_a_swedish_message(page, cast):
    sign_in(page, "chair@example.se", "wrong-password")
    expect(page.get_by_text("Epost-adressen och/eller lösenordet är felaktigt.")).to_be_visible()


def test_the_skip_link_moves_focus_to_the_content(page, db):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Hoppa till innehållet" in focused
