"""The fixed cast every test can use: a chair, a board member who is a justerare, a secretary, a member of another
federation, a network coordinator and the public."""

import contextlib
import datetime
import fcntl
import os
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import override_settings

from federations.models import Body, Federation, Mandate, MemberOrganisation, Membership, Network, Person, StaffRole
from tools.bench import corpus as corpus_files

REQUIRE_SERVICES = os.environ.get("FINSAM_REQUIRE_SERVICES") == "1"


@contextlib.contextmanager
def frozen_record_triggers_off():
    """Test setup only, for a state no service makes but that a test needs (a published meeting whose rows change
    under an API reader's cursor, say): PostgreSQL runs no triggers inside the block (the session replays as a
    replica would), in the test's own transaction. SQLite has no such triggers."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")


# The day the tests' fixed dates are written against: the factories plan meetings in the spring of 2026 (plan_meeting:
# 1 March), and a protocol is sent for justering only once its meeting has been held. A test whose outcome depends on
# today runs on this day (its clock ticking on from 10:00), whatever the machine's date: mark it, or its module,
# with `on_the_tests_day`. Tests with real processes beside them (a Celery worker, a browser) take dates relative to
# the real today instead: their clocks cannot be moved together.
TESTS_DAY = datetime.datetime(2026, 9, 14, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
on_the_tests_day = pytest.mark.time_machine(TESTS_DAY, tick=True)
# CI's first pass (SQLite) sets this: the browser and benchmark tests then run once, in the PostgreSQL pass.
SKIP_E2E = os.environ.get("FINSAM_SKIP_E2E") == "1"


def at_once(*works):
    """Run each work in its own thread with its own database connection, all released together (real row locks on
    PostgreSQL); the errors they raised."""
    barrier, errors = threading.Barrier(len(works)), []

    def run(work):
        try:
            barrier.wait(timeout=30)
            work()
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(work,)) for work in works]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def skip_unless(condition, reason):
    """Skip when a service is missing, except in CI's service run (FINSAM_REQUIRE_SERVICES=1), where it fails."""
    if condition:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"FINSAM_REQUIRE_SERVICES=1, but {reason}")
    pytest.skip(reason)


# ../shared, beside the checkout (not in it): real public minutes with hand-made answers, and their scorer.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "minutes-corpus"
SCORER = SHARED / "tools" / "score_import.py"


@pytest.fixture(scope="session")
def shared_corpus():
    """The folder of ../shared/minutes-corpus (documents, and their answers in expected/), for every test that reads
    it: where it or the scorer is missing the test skips and says so, and fails under FINSAM_REQUIRE_SERVICES=1."""
    skip_unless(
        (CORPUS / "expected").is_dir() and SCORER.is_file(),
        f"the shared corpus is not beside the checkout: {CORPUS} with its answers in expected/, and {SCORER}",
    )
    return CORPUS


@pytest.fixture(scope="session")
def scorer(shared_corpus):
    """../shared/tools/score_import.py, loaded: `scorer.score(parsed, answer)` is the corpus's own comparison."""
    return corpus_files.load_scorer(SCORER)


def pytest_collection_modifyitems(items):
    if not SKIP_E2E:
        return
    once = pytest.mark.skip(reason="FINSAM_SKIP_E2E=1: browser and benchmark tests run in the PostgreSQL pass")
    for item in items:
        if "e2e" in item.path.parts or item.get_closest_marker("bench"):
            item.add_marker(once)


@pytest.fixture(autouse=True)
def one_real_worker_at_a_time(request, tmp_path_factory):
    """Real Celery workers all consume the one Redis queue: two at once (from two xdist processes) would take each
    other's tasks, each with its own test database. A file lock shared by the xdist processes of this run lets one
    worker test run at a time. (xdist_group cannot do it: pytest-xdist 3.8 marks groups in item._nodeid, which
    pytest 9 no longer reads, so --dist loadgroup schedules like --dist load.)"""
    if not request.node.get_closest_marker("worker") or not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    lock_path = tmp_path_factory.getbasetemp().parent / "celery-worker.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="session", autouse=True)
def files_of_its_own(tmp_path_factory):
    """Each test process (one per xdist worker) has its own var/: uploads, rendered PDFs and the development sealing
    certificate, which two processes creating it at once in a fresh checkout would otherwise tear in half."""
    var = tmp_path_factory.mktemp("var")
    with override_settings(VAR_DIR=var, MEDIA_ROOT=var / "media"):
        yield


@pytest.fixture(autouse=True)
def tasks_run_in_process(request):
    """Tests run Celery tasks in-process, except the worker tests, which cross Redis to a real worker: for them the
    tasks are sent, whatever an earlier test in this process left behind. (One CI run of two found three worker
    tests rendering in-process: some earlier test had left `task_always_eager` on.)"""
    from finsam.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = not request.node.get_closest_marker("worker")
    yield
    app.conf.task_always_eager = previous


class Cast:
    """Named people of one federation (Sörmland-like) and one other federation."""

    password = "test-password-123"

    def __init__(self):
        user_model = get_user_model()
        self.network = Network.objects.create(name="Testlänets förbund", slug="testlan")
        self.federation = Federation.objects.create(
            name="Samordningsförbundet Test", short_name="Test", slug="test", network=self.network
        )
        self.other_federation = Federation.objects.create(
            name="Samordningsförbundet Annat", short_name="Annat", slug="annat"
        )
        self.kommun = MemberOrganisation.objects.create(name="Testby kommun", slug="testby", kind="kommun")
        self.fk = MemberOrganisation.objects.create(name="Försäkringskassan", slug="fk", kind="forsakringskassan")
        Membership.objects.create(federation=self.federation, organisation=self.kommun)
        Membership.objects.create(federation=self.federation, organisation=self.fk)
        self.board = Body.objects.create(federation=self.federation, name="Styrelse", slug="styrelse", kind="styrelse")
        self.other_board = Body.objects.create(
            federation=self.other_federation, name="Styrelse", slug="styrelse", kind="styrelse"
        )
        since = datetime.date(2020, 1, 1)
        self.users = {}

        def person(key, name, body, role, **extra):
            user = user_model.objects.create_user(username=f"{key}@example.se", email=f"{key}@example.se")
            user.set_password(self.password)
            user.save()
            p = Person.objects.create(name=name, user=user, email=user.email)
            if body is not None:
                Mandate.objects.create(person=p, body=body, role=role, start=since, **extra)
            self.users[key] = user
            return p

        self.chair = person("chair", "Cecilia Ordförande", self.board, Mandate.Role.CHAIR, organisation=self.kommun)
        self.member = person("member", "Maja Ledamot", self.board, Mandate.Role.MEMBER, organisation=self.fk)
        self.substitute = person(
            "substitute",
            "Erik Ersättare",
            self.board,
            Mandate.Role.SUBSTITUTE,
            organisation=self.kommun,
            substitute_order=1,
        )
        self.secretary = person("secretary", "Sara Sekreterare", None, None)
        StaffRole.objects.create(person=self.secretary, role=StaffRole.Role.SECRETARY, federation=self.federation)
        self.admin = person("admin", "Adam Admin", None, None)
        StaffRole.objects.create(person=self.admin, role=StaffRole.Role.ADMIN, federation=self.federation)
        self.outsider = person("outsider", "Olle Utomstående", self.other_board, Mandate.Role.MEMBER)
        self.coordinator = person("coordinator", "Nora Samordnare", None, None)
        StaffRole.objects.create(person=self.coordinator, role=StaffRole.Role.COORDINATOR, network=self.network)

    def user(self, key):
        return self.users[key]


@pytest.fixture
def cast(db):
    return Cast()


@pytest.fixture
def client_for(client, cast):
    """Log the client in as one of the cast: client_for("secretary"). None means the public."""

    def login(key):
        client.logout()
        if key is not None:
            client.force_login(cast.user(key))
        return client

    return login
