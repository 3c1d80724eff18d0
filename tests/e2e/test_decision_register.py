"""The decision register in a real browser: search, filters in the URL, accessible pages."""

import datetime

from playwright.sync_api import expect

from federations.models import Project
from tests.meetings.register.test_register import frozen_meeting

from .conftest import assert_accessible, sign_in


def test_a_chair_searches_filters_and_follows_a_decision(page, cast):
    project = Project.objects.create(
        name="Studio Ludum Skövde", slug="studio-ludum", kind="forberedande", owner=cast.federation
    )
    frozen_meeting(
        cast,
        date=datetime.date(2022, 12, 21),
        project=project,
        decisions=[
            (
                "Ansökan Studio Ludum Skövde",
                "Styrelsen beslutar att återremittera ansökan.",
                "aterremiss",
                "acklamation",
            )
        ],
    )
    frozen_meeting(
        cast,
        date=datetime.date(2022, 11, 23),
        decisions=[("Budget 2023–2025", "Styrelsen beslutar att fastställa budgeten.", "bifall", "acklamation")],
    )
    sign_in(page, "chair@example.se", cast.password)
    page.get_by_role("link", name="Beslut", exact=True).click()
    expect(page.get_by_text("2 träffar.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("searchbox", name="Sök").fill("Studio Ludum")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page.get_by_text("1 träff.")).to_be_visible()
    assert "q=Studio+Ludum" in page.url
    page.get_by_label("Utfall").select_option(label="Bifall")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page.get_by_text("Inga beslut matchar sökningen.")).to_be_visible()
    page.goto("/beslut/")
    person = page.get_by_role("textbox", name="Person (uppdrag eller reservation)")
    person.fill("Ingen Alls")
    person.press("Enter")
    expect(page.get_by_text("Inga beslut matchar sökningen.")).to_be_visible()
    expect(person).to_have_value("Ingen Alls")  # what was typed stays, to be corrected
    page.goto("/beslut/?utfall=aterremiss")
    page.get_by_role("link", name="Ansökan Studio Ludum Skövde").click()
    expect(page.locator("h1")).to_contain_text("Styrelse 21 december 2022")
    page.goto("/projekt/studio-ludum/")
    expect(page.get_by_role("heading", name="Ärendets gång")).to_be_visible()
    assert_accessible(page)
    page.goto("/uppdrag/")
    assert_accessible(page)


def test_a_filter_that_cannot_be_read_is_announced_at_its_field(page, cast):
    """A screen reader on the field hears that it is invalid and why; the page passes axe in that state too."""
    sign_in(page, "chair@example.se", cast.password)
    page.goto("/beslut/?ar=12&fran=2022-13-45")
    expect(page.get_by_text("Filtren ”År”, ”Från” kunde inte läsas.", exact=False)).to_be_visible()
    year = page.get_by_label("År")
    expect(year).to_have_attribute("aria-invalid", "true")
    expect(year).to_have_accessible_description("Kontrollera att detta värde är större än eller lika med 1990.")
    expect(page.get_by_label("Från")).to_have_accessible_description("Fyll i ett giltigt datum.")
    expect(page.get_by_label("Person (uppdrag eller reservation)")).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    page.get_by_role("searchbox", name="Sök").fill("%")
    year.fill("")
    page.get_by_role("button", name="Sök", exact=True).click()
    expect(page.get_by_text("Sökningen har inget ord att söka på.", exact=False)).to_be_visible()
    assert_accessible(page)
