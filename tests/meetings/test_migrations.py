"""An installation upgrades with its justerade protocols in it: no migration rewrites a frozen record, which
PostgreSQL's triggers refuse (and should), stopping the upgrade halfway."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from meetings.models import Signature
from tests.conftest import on_the_tests_day, skip_unless
from tests.meetings.factories import justera, ready_to_send

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
