"""Migration 0032 writes every register entry's terms again with the analyser's new rules and counts them afresh."""

import datetime
import importlib

from django.apps import apps

from meetings.models import RegisterEntry, RegisterTerm
from tests.meetings.register.test_register import frozen_meeting, headings

MIGRATION = importlib.import_module("meetings.migrations.0032_register_inflection_derivation_decimals")
# The terms 0031 wrote for this heading and text: no gemensam, a head "dom" in ungdomar, 12 and 5 apart.
OLD_HEADING_TERMS = "gemensamt ungdomar ungdom dom 0ung 0 gemensamt ungdom 0"
OLD_TEXT_TERMS = "höjning 12 procent 0 höjning 12 procent 0"


def test_migration_0032_rewrites_the_terms_so_the_new_rules_find_old_entries(cast, client_for):
    frozen_meeting(
        cast,
        date=datetime.date(2024, 5, 2),
        decisions=[("Gemensamt för ungdomar", "Höjning med 12,5 procent.", "bifall", "acklamation")],
    )
    RegisterEntry.objects.update(heading_terms=OLD_HEADING_TERMS, text_terms=OLD_TEXT_TERMS)
    RegisterTerm.objects.update_or_create(term="dom", defaults={"entries": 1})

    MIGRATION.reanalyse(apps, None)

    entry = RegisterEntry.objects.get()
    assert {"gemensam", "12komma5"} <= set(f"{entry.heading_terms} {entry.text_terms}".split())
    assert "dom" not in entry.heading_terms.split()
    assert not RegisterTerm.objects.filter(term="dom").exists()
    assert RegisterTerm.objects.get(term="gemensam").entries == 1
    for query, found in (("gemensam", True), ("12,5", True), ("dom", False)):
        assert bool(headings(client_for(None).get("/beslut/", {"q": query}))) is found, query
