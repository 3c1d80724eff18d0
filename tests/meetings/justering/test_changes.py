"""What a signer is told changed between two revisions: everything the protocol prints, not the texts alone."""

import copy

import pytest

from meetings.justering import protocol
from tests.meetings.factories import ready_to_send


@pytest.fixture
def before(cast):
    snapshot = protocol.snapshot(ready_to_send(cast))
    decision = snapshot["items"][2]["decisions"][0]
    decision.update(method="votering", method_label="Votering", yes=8, no=2, abstain=1)
    decision["reservations"] = [{"name": "Mikael Dahl", "reason": "Budgeten är för snål."}]
    decision["named_votes"] = [{"name": "Mikael Dahl", "choice": "nej"}, {"name": "Per Wallin", "choice": "ja"}]
    return snapshot


def changed(before, change):
    after = copy.deepcopy(before)
    change(after["items"][2])
    return protocol.describe_changes(before, after)


@pytest.mark.parametrize(
    "change, shown",
    [
        (lambda item: item["decisions"][0].update(yes=7, no=3), "Votering: ja 7, nej 3, avstår 1."),
        (lambda item: item["decisions"][0]["named_votes"][1].update(choice="nej"), "Per Wallin"),
        (lambda item: item["decisions"][0]["reservations"][0].update(reason="Annat skäl."), "Annat skäl."),
        (lambda item: item["decisions"][0]["reservations"].clear(), "Mikael Dahl reserverar sig mot beslutet"),
        (lambda item: item["decisions"][0].update(notes="Ny anteckning."), "Protokollsanteckning: Ny anteckning."),
        (lambda item: item["decisions"][0].update(recipients="Medlemmarna"), "Beslutet skickas till: Medlemmarna"),
        (lambda item: item["decisions"][0].update(method="handupprackning", method_label="Handuppräckning"), "Hand"),
        (lambda item: item["recusals"].append("Göran Östlund"), "Jäv: Göran Östlund"),
        (lambda item: item.update(case_number="2026/17"), "Dnr 2026/17"),
        (lambda item: item.update(immediate=True), "Omedelbart justerad"),
        (
            lambda item: item["assignments"].append({"owner": "Ola Wiktorson", "what": "Utreda", "due": "2027-03-15"}),
            "Uppdrag: Ola Wiktorson – Utreda",
        ),
    ],
)
def test_a_signer_is_told_of_a_change_outside_the_texts(before, change, shown):
    """The votes, a reservation, a note, who gets the decision, a jäv, an uppdrag changed between two revisions,
    and the signer who had signed (or sent back) the earlier one read 'Inga ändringar i texten.'"""
    changes = changed(before, change)
    assert "Inga ändringar i texten." not in changes
    assert changes.startswith("Ändrat: § 3") and shown in changes


def test_no_change_is_still_said_so(before):
    assert protocol.describe_changes(before, copy.deepcopy(before)) == "Inga ändringar i texten."


def test_a_signer_is_told_who_changed_in_the_attendance(before):
    """'Närvarolistan är ändrad.' alone: the signer had to compare the header by eye to find that a ledamot was now
    away and her ersättare served for her, i.e. who decided."""
    after = copy.deepcopy(before)
    person = after["attendance"][1]
    person["status"] = "anmalt_forhinder"
    changes = protocol.describe_changes(before, after)
    assert "Närvarolistan är ändrad." in changes
    assert f"    -{person['name']}, {person['role_label']}, Närvarande" in changes.splitlines()
    assert f"    +{person['name']}, {person['role_label']}, Anmält förhinder" in changes.splitlines()


def test_the_changes_are_written_in_swedish_whoever_sends_the_revision(before):
    """The changes are stored with the revision and shown to every signer: a secretary using the portal in English
    stored 'Changed: § 3 …' and 'The attendance list has changed.' for Swedish signers, beside Swedish labels."""
    from django.utils import translation

    after = copy.deepcopy(before)
    after["items"][2]["decisions"][0]["notes"] = "Ny anteckning."
    after["attendance"][1]["status"] = "franvarande"
    with translation.override("en"):
        changes = protocol.describe_changes(before, after)
    assert changes.startswith("Ändrat: § 3") and "Närvarolistan är ändrad." in changes


def test_a_point_moved_in_or_out_is_a_change_and_says_where_it_went(before):
    """A § whose point was indented one more step (or brought back flush left), and nothing else, read 'Inga
    ändringar i texten.': the signer was told the revision they sign is the one they read."""
    before["items"][2]["text"] = '<p>Förslaget lyder:</p><p class="indent-1">Insatsen förlängs.</p><p>Med ett år.</p>'
    changes = changed(
        before,
        lambda item: item.update(
            text='<p>Förslaget lyder:</p><p class="indent-2">Insatsen förlängs.</p><p class="indent-1">Med ett år.</p>'
        ),
    )
    assert changes.splitlines() == [
        f"Ändrat: § 3 {before['items'][2]['heading']}",
        "    Indraget är ändrat: ”Insatsen förlängs.” står nu indraget 2 steg (förut indraget 1 steg).",
        "    Indraget är ändrat: ”Med ett år.” står nu indraget 1 steg (förut utan indrag).",
    ]


def test_a_typed_line_moved_in_is_said_in_steps_or_spaces(before):
    decision = before["items"][2]["decisions"][0]
    decision["text"] = "Styrelsen beslutar\n\tatt godkänna budgeten,\natt notera\nsamt att gå vidare."
    typed = "Styrelsen beslutar\natt godkänna budgeten,\n  att notera\nsamt att gå vidare."
    changes = changed(before, lambda item: item["decisions"][0].update(text=typed))
    assert "    Indraget är ändrat: ”att godkänna budgeten,” står nu utan indrag (förut indraget 1 steg)." in changes
    assert "    Indraget är ändrat: ”att notera” står nu indraget 2 mellanslag (förut utan indrag)." in changes


def test_a_tab_and_four_spaces_look_the_same_and_are_no_change(before):
    before["items"][2]["decisions"][0]["text"] = "Styrelsen beslutar\n\tatt godkänna budgeten."
    changes = changed(
        before, lambda item: item["decisions"][0].update(text="Styrelsen beslutar\n    att godkänna budgeten.")
    )
    assert changes == "Inga ändringar i texten."


def test_a_line_reworded_and_moved_shows_both_lines_as_they_are_indented(before):
    before["items"][2]["text"] = '<p>Förslaget lyder:</p><p class="indent-1">Insatsen förlängs.</p>'
    changes = changed(
        before, lambda item: item.update(text='<p>Förslaget lyder:</p><p class="indent-2">Insatsen avslutas.</p>')
    )
    assert changes.splitlines()[1:] == ["    -    Insatsen förlängs.", "    +        Insatsen avslutas."]
