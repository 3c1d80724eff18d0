"""An installation upgrades with its justerade protocols in it: no migration rewrites a frozen record, which
PostgreSQL's triggers refuse (and should), stopping the upgrade halfway."""

import datetime
from unittest import mock

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from meetings.drafting import services
from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import Meeting, Signature, SignedDocument
from tests.conftest import on_the_tests_day, skip_unless
from tests.meetings.factories import justera, ready_to_send, sign_all

pytestmark = on_the_tests_day

# The last migration of each app that an installation of early December 2026 had run: the signer's name was not kept.
BEFORE_SIGNED_NAME = [("meetings", "0028_decision_version")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def test_the_migrations_since_the_signers_name_run_over_a_justerat_protocol(transactional_db, cast):
    skip_unless(connection.vendor == "postgresql", "the frozen-record triggers exist on PostgreSQL only")
    meeting = justera(cast, ready_to_send(cast))
    signatures = Signature.objects.filter(revision__meeting=meeting)
    signed = sorted(signatures.values_list("pk", "signed_at", "status"))
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    migrate(BEFORE_SIGNED_NAME)  # the installation as it was (dropping the column fires no row trigger)
    try:
        migrate(latest)  # its upgrade: 0029 wrote the names into the frozen signatures and was refused
    finally:
        migrate(latest)  # the next test's schema, whatever happened

    assert sorted(signatures.values_list("pk", "signed_at", "status")) == signed
    assert {signature.name for signature in signatures} == {
        cast.chair.name, cast.member.name, cast.secretary.name,
    }  # fmt: skip


# The last migration before a record's layout was stored with it (Meeting.typed_layout, 0033).
BEFORE_TYPED_LAYOUT = [("meetings", "0032_register_inflection_derivation_decimals")]


def test_migration_0033_gives_the_records_sealed_before_it_the_flat_layout(transactional_db, cast):
    """Sealed before: flat, as the portal printed it (a clock said so before); a justerat protocol, and one with only
    an extract of a § justerad at the meeting sealed. Not sealed: laid out as today, and given the new layout when
    it is sealed. On PostgreSQL this runs over a frozen record, which the triggers would refuse to change."""
    with mock.patch.object(tasks.render_signed_pdf, "delay"):
        justerat = justera(cast, ready_to_send(cast, date=datetime.date(2026, 3, 1)))
        with_extract = ready_to_send(cast, date=datetime.date(2026, 4, 1))
        services.item_update_details(actor=None, item=with_extract.items.get(number=3), immediate_justering=True)
        extract = justering.extract_send_for_justering(actor=None, meeting=with_extract)
        sign_all(cast, with_extract, revision_number=extract.number)
        out_for_justering = ready_to_send(cast, date=datetime.date(2026, 5, 1))
        justering.protocol_send_for_justering(actor=None, meeting=out_for_justering)
        draft = ready_to_send(cast, date=datetime.date(2026, 6, 1))
    assert SignedDocument.objects.filter(revision=extract).exists()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    migrate(BEFORE_TYPED_LAYOUT)  # the installation as it was
    try:
        migrate(latest)
    finally:
        migrate(latest)

    layouts = dict(Meeting.objects.values_list("pk", "typed_layout"))
    assert layouts == {
        justerat.pk: Meeting.TypedLayout.FLAT,
        with_extract.pk: Meeting.TypedLayout.FLAT,  # the whole protocol, sealed later, prints as its extract did
        out_for_justering.pk: None,
        draft.pk: None,
    }
    with mock.patch.object(tasks.render_signed_pdf, "delay"):
        sign_all(cast, out_for_justering)
    out_for_justering.refresh_from_db()
    assert out_for_justering.typed_layout == Meeting.TypedLayout.INDENTED  # sealed since: the new layout
