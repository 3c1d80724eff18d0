"""The installation's status for a person: each part green or red, with what to do when it is red. Read by the
administrators' page /driftstatus/, by `manage.py status`, and by the hourly warnings (meetings.tasks.warn_admins).

Every check is bounded in time: a Redis that is down answers "refused" at once, and the worker is only asked (a
one-second broadcast) when Redis answers, so the page loads while half the installation is down."""

import datetime
import logging
import shutil
from dataclasses import dataclass

from cryptography import x509
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from federations.trust import FederationSeal
from finsam import health, storage
from finsam.celery import app
from finsam.models import Heartbeat
from meetings.importing.tasks import waiting_for_a_task
from meetings.models import ImportDocument, OutgoingMail, PendingImport, SignedDocument
from meetings.printing.failures import failure_text
from meetings.printing.seal import SigningUnavailable, certificate_paths

logger = logging.getLogger(__name__)

# The sweep runs every minute; five without one means beat (or every worker) is not running.
SWEEP_LATE = datetime.timedelta(minutes=5)
CERTIFICATE_WARNING = datetime.timedelta(days=30)
BACKUP_LATE = datetime.timedelta(days=2)
# What the nightly backup may take before a fresh installation's missing first backup turns red.
BACKUP_MARGIN = datetime.timedelta(hours=6)
FAILED_FOR = datetime.timedelta(hours=1)
# Disk left under the media root below either of these is red.
DISK_MIN_BYTES = 2 * 1024**3
DISK_MIN_SHARE = 0.10


@dataclass
class Check:
    key: str
    label: str
    ok: bool
    value: str
    advice: str = ""  # what to do, when red


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i")


def database():
    up = health.database_up()
    advice = _("Starta databasen (docker compose up -d db) och se dess logg (docker compose logs db).")
    return Check("database", _("Databas"), up, _("svarar") if up else _("svarar inte"), "" if up else advice)


def redis():
    if not settings.REDIS_URL:
        return Check("redis", "Redis", True, _("används inte: bakgrundsjobben körs i webbprocessen (REDIS_URL saknas)"))
    up = health.redis_up()
    advice = _("Starta Redis (docker compose up -d redis). Köade PDF:er och e-post väntar i databasen under tiden.")
    return Check("redis", "Redis", up, _("svarar") if up else _("nås inte"), "" if up else advice)


def worker(redis_up):
    label = _("Bakgrundsarbetare (worker)")
    if not settings.REDIS_URL:
        return Check("worker", label, True, _("körs i webbprocessen"))
    if not redis_up:
        return Check("worker", label, False, _("okänt: Redis nås inte"), _("Starta Redis först."))
    try:
        replies = app.control.ping(timeout=1.0)
    except Exception as exc:  # a broker that fails between the two questions
        logger.warning("Worker ping failed: %s", exc)
        replies = []
    names = sorted(name for reply in replies for name in reply)
    if names:
        return Check("worker", label, True, _("%(n)s svarar: %(names)s") % {"n": len(names), "names": ", ".join(names)})
    advice = _("Starta worker-tjänsten (docker compose up -d worker) och se dess logg (docker compose logs worker).")
    return Check("worker", label, False, _("ingen svarar"), advice)


def beat(now):
    label = _("Schemalagda jobb (beat), senaste svep")
    if not settings.REDIS_URL:  # the embedded default: tasks run in the request, and no scheduler is started
        return Check("beat", label, True, _("används inte: den inbyggda uppsättningen startar ingen schemaläggare"))
    last = Heartbeat.objects.filter(name="sweep").first()
    ok = last is not None and last.at > now - SWEEP_LATE
    value = _when(last.at) if last else _("inget svep har körts")
    advice = _(
        "Svepet ska köras varje minut. Starta beat-tjänsten (docker compose up -d beat); om arbetaren också är "
        "röd, starta den först."
    )
    return Check("beat", label, ok, value, "" if ok else advice)


def failed_pdfs(older_than=None):
    failed = SignedDocument.objects.filter(
        Q(status=SignedDocument.Status.FAILED)
        | Q(status__in=[SignedDocument.Status.PENDING, SignedDocument.Status.RENDERING], attempts__gt=0) & ~Q(error="")
    )
    return failed.filter(created__lt=older_than) if older_than else failed


def pdfs(now):
    unfinished = [SignedDocument.Status.PENDING, SignedDocument.Status.RENDERING]
    queued = SignedDocument.objects.filter(status__in=unfinished).count()
    failed = failed_pdfs().count()
    value = _("%(queued)s i kö, %(failed)s misslyckade") % {"queued": queued, "failed": failed}
    advice = _(
        "Felet står under Admin → Justerade protokoll (PDF). Rätta orsaken (t.ex. certifikatet) och välj "
        "”Försök igen” på mötets sida; i kö utan arbetare: starta worker."
    )
    return Check("pdfs", _("Förseglade PDF:er"), failed == 0, value, "" if failed == 0 else advice)


def failed_mail(older_than=None):
    failed = OutgoingMail.objects.filter(sent_at__isnull=True, withdrawn_at__isnull=True).exclude(last_error="")
    return failed.filter(created__lt=older_than) if older_than else failed


def mail(now):
    queued = OutgoingMail.objects.filter(sent_at__isnull=True, withdrawn_at__isnull=True).count()
    failed = failed_mail().count()
    value = _("%(queued)s i kö, %(failed)s med fel") % {"queued": queued, "failed": failed}
    advice = _(
        "Felet står under Admin → Utgående e-post. Kontrollera EMAIL_HOST, EMAIL_PORT och inloggningen i .env; "
        "e-posten skickas om av sig själv."
    )
    return Check("mail", _("E-post"), failed == 0, value, "" if failed == 0 else advice)


def imports(now):
    reading = ImportDocument.objects.filter(status__in=[ImportDocument.Status.QUEUED, ImportDocument.Status.READING])
    stuck = waiting_for_a_task(now - FAILED_FOR).count()
    value = _("%(review)s väntar på granskning, %(reading)s läses") % {
        "review": PendingImport.objects.count(),
        "reading": reading.count(),
    }
    advice = _("Uppladdade dokument har väntat mer än en timme på en arbetare: starta worker och beat.")
    return Check("imports", _("Importer"), stuck == 0, value, "" if stuck == 0 else advice)


def certificate(now):
    label = _("Sigillcertifikat")
    try:
        cert_path = certificate_paths()[0]
        expires = x509.load_pem_x509_certificate(cert_path.read_bytes()).not_valid_after_utc
    except (SigningUnavailable, OSError, ValueError) as exc:
        advice = _("Ange FINSAM_SIGNING_CERT och FINSAM_SIGNING_KEY i .env (PEM-filer som tjänsterna kan läsa).")
        return Check("certificate", label, False, _("kan inte läsas: %(error)s") % {"error": exc}, advice)
    days = (expires - now).days
    ok = expires - now > CERTIFICATE_WARNING
    value = _("giltigt till %(date)s (%(days)s dagar kvar)") % {"date": _when(expires), "days": days}
    advice = _(
        "Beställ ett nytt certifikat och byt filerna i FINSAM_SIGNING_CERT och FINSAM_SIGNING_KEY före %(date)s."
    )
    return Check("certificate", label, ok, value, "" if ok else advice % {"date": _when(expires)})


def federation_seals(now):
    """The federations' own sealing certificates (federations.trust.FederationSeal): each seals its federation's
    protocols, so each one's expiry matters as much as the portal's."""
    label = _("Förbundens sigillcertifikat")
    seals = list(FederationSeal.objects.select_related("federation").order_by("not_after"))
    if not seals:
        return Check("federation_seals", label, True, _("inga: portalens certifikat förseglar alla protokoll"))
    first = seals[0]
    ok = first.not_after - now > CERTIFICATE_WARNING
    value = _("%(n)s st.; först går %(federation)s ut %(date)s") % {
        "n": len(seals),
        "federation": first.federation,
        "date": _when(first.not_after),
    }
    advice = _(
        "Be %(federation)s ladda upp ett nytt sigillcertifikat (PKCS#12) på förbundets sida före %(date)s; annars "
        "förseglas dess protokoll inte."
    ) % {"federation": first.federation, "date": _when(first.not_after)}
    return Check("federation_seals", label, ok, value, "" if ok else advice)


def installed_at():
    """When this installation's database was made: the first migration applied to it."""
    return MigrationRecorder(connection).migration_qs.order_by("applied").values_list("applied", flat=True).first()


def first_backup_due(installed):
    """When a fresh installation's first backup should exist: the backup service's first night after `installed`
    (FINSAM_BACKUP_AT, UTC), and the time it may take."""
    first = datetime.datetime.combine(
        installed.astimezone(datetime.UTC).date(), settings.FINSAM_BACKUP_AT, datetime.UTC
    )
    if first <= installed:
        first += datetime.timedelta(days=1)
    return first + BACKUP_MARGIN


def last_backup(now):
    label = _("Senaste säkerhetskopia")
    last = Heartbeat.objects.filter(name="backup").first()
    ok = last is not None and last.at > now - BACKUP_LATE
    installed = installed_at() if last is None else None
    if installed is not None and now < (due := first_backup_due(installed)):
        # A fresh installation: the backup service has not had its first night yet; nothing is wrong.
        return Check("backup", label, True, _("ingen ännu: den första väntas senast %(when)s") % {"when": _when(due)})
    if last is None:
        value = _("ingen har gjorts")
    else:
        value = _("%(when)s, %(size)s (%(path)s)") % {
            "when": _when(last.at),
            "size": filesizeformat(last.detail.get("size", 0)),
            "path": last.detail.get("path", ""),
        }
    advice = _("Kör python manage.py backup och se backup-tjänstens logg (docker compose logs backup).")
    return Check("backup", label, ok, value, "" if ok else advice)


def disk():
    label = _("Diskutrymme för filerna")
    try:
        root = default_storage.path("")
    except NotImplementedError:  # the bucket (MEDIA_STORAGE=s3): its space is the store's; whether it answers is ours
        if storage.reachable():
            return Check(
                "disk", label, True, _("filerna ligger i en objektlagring, som svarar: utrymmet mäts inte här")
            )
        advice = _("Kontrollera lagringstjänsten och AWS_S3_ENDPOINT_URL (docker compose ps s3).")
        return Check("disk", label, False, _("objektlagringen för filerna svarar inte"), advice)
    try:
        usage = shutil.disk_usage(root)
    except FileNotFoundError:
        return Check("disk", label, False, _("%(root)s finns inte") % {"root": root}, _("Kontrollera MEDIA_ROOT."))
    ok = usage.free >= DISK_MIN_BYTES and usage.free >= usage.total * DISK_MIN_SHARE
    value = _("%(free)s kvar av %(total)s") % {"free": filesizeformat(usage.free), "total": filesizeformat(usage.total)}
    advice = _(
        "Frigör utrymme eller ge volymen för MEDIA_ROOT mer plats; säkerhetskopiorna kan ligga på en annan disk."
    )
    return Check("disk", label, ok, value, "" if ok else advice)


def _guarded(function, *args):
    """A check that cannot be read (the database is down) is red with its error, not an error page."""
    try:
        return function(*args)
    except Exception as exc:
        logger.warning("Status check %s failed: %s", function.__name__, exc)
        name = function.__name__
        return Check(name, name, False, _("kan inte läsas: %(error)s") % {"error": exc}, _("Se först databasen."))


def checks(now=None):
    now = now or timezone.now()
    redis_check = _guarded(redis)
    return [
        _guarded(database),
        redis_check,
        _guarded(worker, redis_check.ok),
        _guarded(beat, now),
        _guarded(pdfs, now),
        _guarded(mail, now),
        _guarded(imports, now),
        _guarded(certificate, now),
        _guarded(federation_seals, now),
        _guarded(last_backup, now),
        _guarded(disk),
    ]


def warnings(now=None):
    """What the administrators are told about while it lasts (meetings.tasks.warn_admins)."""
    return [text for _key, text in keyed_warnings(now)]


def keyed_warnings(now=None):
    """The warnings, each with a key that stays the same while the same thing is wrong (its text may change: the days
    left, a count), so the hourly task can tell a new warning from one it has already mailed."""
    now = now or timezone.now()
    found = []
    for cert in (_guarded(certificate, now), _guarded(federation_seals, now)):
        if not cert.ok:
            found.append((cert.key, f"{cert.label}: {cert.value}. {cert.advice}"))
    for document in failed_pdfs(now - FAILED_FOR).select_related("meeting"):
        text = _("PDF för %(meeting)s har misslyckats: %(error)s") % {
            "meeting": document.meeting,
            "error": failure_text(document.error),
        }
        found.append((f"pdf:{document.pk}", text))
    failed = failed_mail(now - FAILED_FOR)
    if failed.exists():
        text = _("%(n)s e-postmeddelanden har inte kunnat skickas på över en timme; senaste fel: %(error)s") % {
            "n": failed.count(),
            "error": failed.order_by("-pk").first().last_error,
        }
        found.append(("mail", text))
    backup = _guarded(last_backup, now)
    if not backup.ok:
        found.append((backup.key, f"{backup.label}: {backup.value}. {backup.advice}"))
    return found
