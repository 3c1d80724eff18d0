"""The register's filter form as a screen reader meets it: a filter that cannot be read says why, at the field."""

import re

import pytest


def _control(html, name):
    """The opening tag of the form control named `name`."""
    return re.search(rf'<(?:input|select)[^>]*\bname="{name}"[^>]*>', html).group()


@pytest.mark.parametrize(
    ("query", "name", "says"),
    [
        ("ar=12", "ar", "1990"),
        ("fran=2022-13-45", "fran", "giltigt datum"),
        ("forbund=finns-ej", "forbund", "Välj ett giltigt alternativ"),
        ("q=" + "budget " * 40, "q", "200"),
        ("person=" + "a" * 201, "person", "200"),
    ],
)
def test_a_filter_that_cannot_be_read_is_marked_invalid_and_tied_to_its_error(client_for, history, query, name, says):
    html = client_for("chair").get(f"/beslut/?{query}").content.decode()
    control = _control(html, name)
    assert 'aria-invalid="true"' in control
    described_by = re.search(r'aria-describedby="([^"]*)"', control).group(1).split()
    error_id = f"id_{name}_error"
    assert error_id in described_by
    error = re.search(rf'<span class="errorlist" id="{error_id}">([^<]*)</span>', html)
    assert error is not None and says in error.group(1)


def test_the_filters_that_can_be_read_are_not_marked(client_for, history):
    html = client_for("chair").get("/beslut/?ar=12&q=budget&person=Anna").content.decode()
    assert 'aria-invalid="true"' not in _control(html, "q") + _control(html, "person")
    assert _control(html, "person").count("aria-describedby") == 1  # the help text only
    assert 'id="id_q_error"' not in html


def test_a_person_filter_in_a_signed_out_visitors_link_is_named_not_ignored(client_for, history):
    """Signed out the person filter is not offered; a link carrying one listed the whole register as if filtered."""
    response = client_for(None).get("/beslut/", {"person": "Anna"})
    html = response.content.decode()
    assert response.context["rows"] == [] and "Filtret ”Person (uppdrag eller reservation)” kunde inte läsas." in html
    assert 'name="person"' not in html  # still not offered
    assert client_for(None).get("/beslut/export.csv", {"person": "Anna"}).status_code == 302
    assert client_for(None).get("/beslut/", {"person": " "}).context["rows"]  # nothing typed: no filter
    assert "kunde inte läsas" not in client_for("chair").get("/beslut/", {"person": "Anna"}).content.decode()
