"""The register in a real browser: every page passes axe; a secretary meets a validation error and fixes it."""

import pytest
from playwright.sync_api import expect

from federations.models import Mandate, Project

from .conftest import assert_accessible, sign_in


@pytest.fixture
def project(cast):
    return Project.objects.create(
        name="Stoppa våldet", slug="stoppa-valdet", kind="strukturovergripande", owner=cast.federation
    )


@pytest.mark.parametrize("url", ["/forbund/", "/forbund/test/", "/projekt/", "/projekt/stoppa-valdet/"])
def test_the_public_register_pages_are_accessible(page, project, url):
    page.goto(url)
    expect(page.locator("h1")).to_be_visible()  # expect waits for the page a click loads; is_visible() did not
    assert_accessible(page)


def test_a_secretary_adds_a_mandate_after_correcting_an_error(page, cast):
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/forbund/test/register/")
    assert_accessible(page)
    page.get_by_role("link", name="Nytt uppdrag").click()
    page.get_by_label("…eller ny person (namn)").fill("Ingrid Ny")
    page.locator("#id_body").select_option(label="Styrelse, Test")
    page.locator("#id_role").select_option(label="Ersättare")
    page.locator("#id_start").fill("2027-01-01")
    page.get_by_role("button", name="Spara uppdraget").click()
    needs_order = "En ersättare behöver en inkallelseordning eller en ledamot att ersätta."
    expect(page.get_by_text(needs_order, exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Inkallelseordning").fill("2")
    page.get_by_role("button", name="Spara uppdraget").click()
    expect(page.get_by_text("Uppdraget är sparat.")).to_be_visible()
    assert Mandate.objects.get(person__name="Ingrid Ny").substitute_order == 2


def test_a_person_page_is_accessible_to_a_signed_in_member(page, cast):
    sign_in(page, "member@example.se", cast.password)
    page.goto(f"/personer/{cast.chair.pk}/")
    expect(page.get_by_role("heading", name="Nuvarande uppdrag")).to_be_visible()
    assert_accessible(page)
