"""The administrators' status page and `manage.py status`: every item, green or red, with Redis unreachable and with
no worker running; and the hourly warnings to ADMINS."""

import datetime
import io
import os
import time

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from django.utils import timezone

from federations.trust import FederationSeal
from finsam.models import Heartbeat
from meetings import tasks
from meetings.models import OutgoingMail, SignedDocument
from meetings.operations import status
from tests.conftest import skip_unless
from tests.meetings.factories import justera, ready_to_send
from tests.workers import real_worker

ITEMS = ("database", "redis", "worker", "beat", "pdfs", "mail", "imports", "certificate", "federation_seals")
ITEMS += ("backup", "disk")
CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def admin_client(client, db):
    staff = get_user_model().objects.create_user("drift", "drift@example.se", "test-password-123", is_staff=True)
    client.force_login(staff)
    return client


def by_key(now=None):
    return {check.key: check for check in status.checks(now)}


def run_status():
    out = io.StringIO()
    try:
        call_command("status", stdout=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue()
    return 0, out.getvalue()


def certificate_expiring_in(directory, days):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sigill som snart går ut")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now - datetime.timedelta(days=300))
        .not_valid_after(now + datetime.timedelta(days=days)).sign(key, hashes.SHA256())
    )  # fmt: skip
    (directory / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return directory / "cert.pem", directory / "key.pem"


def test_the_page_is_for_staff_only(client, cast):
    assert client.get("/driftstatus/").status_code == 302
    client.force_login(cast.user("secretary"))
    assert client.get("/driftstatus/").status_code == 403
    assert "/driftstatus/" not in client.get("/").content.decode()


def test_the_page_shows_every_item(admin_client):
    Heartbeat.record("backup", path="/backups/finsam-backup-20261205T020000Z.tar", size=5 * 1024**2)
    tasks.sweep()
    html = admin_client.get("/driftstatus/").content.decode()
    for item in ITEMS:
        assert f'id="status-{item}"' in html, item
    assert "finsam-backup-20261205T020000Z.tar" in html and "5,0\xa0MB" in html
    assert "dagar kvar" in html and "kvar av" in html
    assert 'href="/driftstatus/"' in admin_client.get("/").content.decode()  # staff find it in the header


@pytest.mark.django_db
@override_settings(REDIS_URL=CLOSED_PORT)
def test_redis_unreachable_is_red_and_the_page_still_answers(admin_client):
    started = time.monotonic()
    response = admin_client.get("/driftstatus/")
    assert response.status_code == 200 and time.monotonic() - started < 5
    checks = by_key()
    assert not checks["redis"].ok and "docker compose up -d redis" in checks["redis"].advice
    assert not checks["worker"].ok and checks["worker"].value == "okänt: Redis nås inte"
    assert checks["database"].ok
    code, report = run_status()
    assert code == 1 and "FEL  Redis: nås inte" in report


@pytest.mark.django_db
def test_no_worker_running_is_red(settings):
    skip_unless(os.environ.get("REDIS_URL"), "REDIS_URL is not set: tasks run in-process, there is no worker")
    settings.REDIS_URL = os.environ["REDIS_URL"]
    checks = by_key()
    assert checks["redis"].ok
    assert not checks["worker"].ok and checks["worker"].value == "ingen svarar"
    assert "docker compose up -d worker" in checks["worker"].advice


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_running_worker_is_green(settings, tmp_path):
    with real_worker("status", settings, tmp_path / "media"):
        deadline = time.monotonic() + 60
        while not (check := by_key()["worker"]).ok and time.monotonic() < deadline:
            time.sleep(0.5)
    assert check.ok and "status@" in check.value


def test_without_redis_the_work_runs_in_process(db, settings):
    settings.REDIS_URL = None
    checks = by_key()
    assert checks["redis"].ok and checks["worker"].ok
    assert checks["beat"].ok and "används inte" in checks["beat"].value  # make run starts no scheduler


def test_beat_is_green_after_a_sweep_and_red_five_minutes_later(db, settings):
    settings.REDIS_URL = settings.REDIS_URL or "redis://127.0.0.1:6379/0"  # a production shape: beat is expected
    assert not by_key()["beat"].ok
    tasks.sweep()
    assert by_key()["beat"].ok
    assert not by_key(timezone.now() + datetime.timedelta(minutes=6))["beat"].ok


def installed(at):
    """Say the installation's database was made at `at` (its first migration), for this test's transaction."""
    MigrationRecorder.Migration.objects.update(applied=at)


def test_the_last_backup_is_red_when_missing_or_older_than_two_days(db):
    installed(timezone.now() - datetime.timedelta(days=3))
    assert not by_key()["backup"].ok
    Heartbeat.record("backup", path="/b/x.tar", size=1234)
    assert by_key()["backup"].ok
    assert not by_key(timezone.now() + datetime.timedelta(days=2, minutes=1))["backup"].ok


def test_a_certificate_that_expires_within_30_days_is_red(db, settings, tmp_path):
    assert by_key()["certificate"].ok  # the development certificate: five years
    settings.FINSAM_SIGNING_CERT, settings.FINSAM_SIGNING_KEY = certificate_expiring_in(tmp_path, 10)
    check = by_key()["certificate"]
    assert not check.ok and "dagar kvar" in check.value and "Beställ ett nytt certifikat" in check.advice


def test_a_federation_s_own_seal_that_expires_within_30_days_is_red_and_mailed(cast, settings):
    settings.ADMINS = [("", "it@forbundet.example.se")]
    Heartbeat.record("backup", path="/b/x.tar", size=1)
    assert by_key()["federation_seals"].ok  # none: the portal's certificate seals every protocol
    FederationSeal.objects.create(
        federation=cast.federation, pkcs12=b"", password=b"", subject="CN=Förbundets sigill",
        not_after=timezone.now() + datetime.timedelta(days=12),
    )  # fmt: skip
    check = by_key()["federation_seals"]
    assert (
        not check.ok and str(cast.federation) in check.value and "ladda upp ett nytt sigillcertifikat" in check.advice
    )
    [warning] = tasks.warn_admins()
    assert warning.startswith("Förbundens sigillcertifikat: 1 st.; först går")


def test_the_hourly_warnings_go_to_admins(cast, settings, tmp_path, mailoutbox, django_capture_on_commit_callbacks):
    settings.ADMINS = [("", "it@forbundet.example.se")]
    Heartbeat.record("backup", path="/b/x.tar", size=1)
    assert tasks.warn_admins() == [] and mailoutbox == []

    meeting = justera(cast, ready_to_send(cast, date=timezone.localdate() - datetime.timedelta(days=1)))
    two_hours_ago = timezone.now() - datetime.timedelta(hours=2)
    SignedDocument.objects.filter(meeting=meeting).update(
        status=SignedDocument.Status.FAILED, error="Certifikatet saknas", created=two_hours_ago
    )
    OutgoingMail.objects.update(last_error="SMTPConnectError: refused", created=two_hours_ago)
    Heartbeat.objects.filter(name="backup").update(at=timezone.now() - datetime.timedelta(days=3))
    settings.FINSAM_SIGNING_CERT, settings.FINSAM_SIGNING_KEY = certificate_expiring_in(tmp_path, 10)

    found = tasks.warn_admins()
    assert len(found) == 4, found
    [message] = mailoutbox
    assert message.to == ["it@forbundet.example.se"]
    assert message.subject.endswith("4 varningar från Finsamportalen")
    assert "Certifikatet saknas" in message.body and "SMTPConnectError" in message.body
    assert "Sigillcertifikat" in message.body and "Senaste säkerhetskopia" in message.body
    code, report = run_status()
    assert code == 1 and "FEL  Förseglade PDF:er: 0 i kö, 1 misslyckade" in report


def test_a_pdf_failed_only_a_moment_ago_is_not_mailed_yet(cast, settings):
    meeting = justera(cast, ready_to_send(cast, date=timezone.localdate() - datetime.timedelta(days=1)))
    SignedDocument.objects.filter(meeting=meeting).update(status=SignedDocument.Status.FAILED, error="x")
    assert not by_key()["pdfs"].ok
    assert not any("PDF" in line for line in status.warnings())


def test_a_fresh_installation_has_no_backup_alarm_until_its_first_night_has_passed(db, settings, mailoutbox):
    settings.ADMINS = [("", "it@forbundet.example.se")]
    settings.FINSAM_BACKUP_AT = datetime.time(1, 30)
    made = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)  # a Monday morning; backups at 01:30 UTC
    installed(made)
    for hours in (1, 6, 15, 20):  # the first night's backup is due by Tuesday 01:30 and its margin
        check = by_key(made + datetime.timedelta(hours=hours))["backup"]
        assert check.ok and "den första väntas senast" in check.value, (hours, check)
    assert tasks.warn_admins() == [] and mailoutbox == []
    late = by_key(datetime.datetime(2026, 12, 8, 7, 31, tzinfo=datetime.UTC))["backup"]
    assert not late.ok and late.value == "ingen har gjorts"
    Heartbeat.record("backup", path="/b/x.tar", size=1)
    assert by_key()["backup"].ok


def test_an_installation_made_just_after_the_backup_time_waits_for_the_next_night(db, settings):
    settings.FINSAM_BACKUP_AT = datetime.time(1, 30)
    installed(datetime.datetime(2026, 12, 7, 1, 45, tzinfo=datetime.UTC))
    assert by_key(datetime.datetime(2026, 12, 7, 23, 0, tzinfo=datetime.UTC))["backup"].ok
    assert not by_key(datetime.datetime(2026, 12, 8, 8, 0, tzinfo=datetime.UTC))["backup"].ok


def test_a_lasting_warning_is_mailed_when_it_starts_then_daily_and_when_it_ends(db, settings, mailoutbox, time_machine):
    settings.ADMINS = [("", "it@forbundet.example.se")]
    time_machine.move_to(datetime.datetime(2026, 12, 10, 9, 15, tzinfo=datetime.UTC))
    installed(timezone.now() - datetime.timedelta(days=3))  # past the first night, and no backup
    Heartbeat.record("backup", path="/b/x.tar", size=1)
    Heartbeat.objects.filter(name="backup").update(at=timezone.now() - datetime.timedelta(days=3))
    assert len(tasks.warn_admins()) == 1 and len(mailoutbox) == 1
    assert "Senaste säkerhetskopia" in mailoutbox[0].body
    for _hour in range(23):  # still true, every hour: no new e-mail
        time_machine.shift(datetime.timedelta(hours=1))
        assert len(tasks.warn_admins()) == 1
    assert len(mailoutbox) == 1
    time_machine.shift(datetime.timedelta(hours=1))  # a day after the first: a reminder
    tasks.warn_admins()
    assert len(mailoutbox) == 2
    time_machine.shift(datetime.timedelta(hours=1))
    Heartbeat.record("backup", path="/b/y.tar", size=1)  # fixed: one e-mail saying so, then silence
    assert tasks.warn_admins() == []
    assert len(mailoutbox) == 3 and "Inga varningar" in mailoutbox[2].subject
    time_machine.shift(datetime.timedelta(hours=1))
    assert tasks.warn_admins() == [] and len(mailoutbox) == 3


def test_a_new_warning_beside_a_mailed_one_is_mailed_at_once(cast, settings, mailoutbox):
    settings.ADMINS = [("", "it@forbundet.example.se")]
    installed(timezone.now() - datetime.timedelta(days=3))
    assert len(tasks.warn_admins()) == 1 and len(mailoutbox) == 1  # no backup
    meeting = justera(cast, ready_to_send(cast, date=timezone.localdate() - datetime.timedelta(days=1)))
    SignedDocument.objects.filter(meeting=meeting).update(
        status=SignedDocument.Status.FAILED,
        error="Certifikatet saknas",
        created=timezone.now() - datetime.timedelta(hours=2),
    )
    assert len(tasks.warn_admins()) == 2 and len(mailoutbox) == 2
    assert "Certifikatet saknas" in mailoutbox[1].body
