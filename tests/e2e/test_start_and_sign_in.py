"""A demo user signs in; the start page and the sign-in page pass axe at WCAG 2.1 AA."""

from .conftest import assert_accessible, sign_in


def test_the_sign_in_page_is_accessible(page):
    page.goto("/accounts/login/")
    assert page.get_by_role("heading", name="Logga in").is_visible()
    assert_accessible(page)


def test_the_public_start_page_is_accessible(page, db):
    page.goto("/")
    assert page.get_by_role("heading", name="Finsamportalen", exact=True).is_visible()
    assert_accessible(page)


def test_a_member_signs_in_and_sees_their_start_page(page, cast):
    sign_in(page, "chair@example.se", cast.password)
    assert page.get_by_text("Välkommen, Cecilia Ordförande.").is_visible()
    assert page.get_by_role("button", name="Logga ut").is_visible()
    assert_accessible(page)


def test_a_wrong_password_is_refused_with_a_swedish_message(page, cast):
    sign_in(page, "chair@example.se", "wrong-password")
    assert page.get_by_text("Epost-adressen och/eller lösenordet är felaktigt.").is_visible()


def test_the_skip_link_moves_focus_to_the_content(page, db):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Hoppa till innehållet" in focused
