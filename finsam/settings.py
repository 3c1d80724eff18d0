"""Settings for the Finsam portal: one module, configured by the environment.

Every value comes from an environment variable (or from ``<NAME>_FILE`` for
secrets). A malformed value stops the process at start-up with a message that
names the variable; nothing here behaves differently only in production.
"""

import datetime
import json as _json
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from finsam.environment import env, env_bool, env_int, env_list, env_positive_int

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
TESTING = env_bool("FINSAM_TESTING", default=False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (or give SECRET_KEY_FILE).")

# DOMAIN: the one host name the portal answers to behind its HTTPS proxy (docker-compose.yml's Caddy gets its
# certificate for it). It gives the defaults of the three below; each may still be set on its own.
DOMAIN = (env("DOMAIN") or "").strip().lower()
if DOMAIN and ("/" in DOMAIN or ":" in DOMAIN or " " in DOMAIN):
    raise ImproperlyConfigured(f"DOMAIN must be a bare host name like finsam.example.se, not {DOMAIN!r}")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", DOMAIN or ("127.0.0.1,localhost" if DEBUG or TESTING else ""))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", f"https://{DOMAIN}" if DOMAIN else "")
SITE_URL = (env("SITE_URL") or (f"https://{DOMAIN}" if DOMAIN else "http://127.0.0.1:8000")).rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_prose_editor",  # only for its static ProseMirror bundle (static/js/editor.js imports it)
    "finsam",
    "federations",
    "meetings",
    "demo",
]
# The benchmarks and their synthetic data generator: for development, the tests and `make bench`, never production.
BENCH_TOOLS = env_bool("FINSAM_BENCH_TOOLS", default=DEBUG or TESTING)
if BENCH_TOOLS:
    INSTALLED_APPS.append("tools.bench")

MIDDLEWARE = [
    "finsam.middleware.ClientAddressMiddleware",
    "finsam.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "finsam.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "finsam.middleware.SwedishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "federations.permissions.RolesPerRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "finsam.middleware.StorageUnavailableMiddleware",
]

ROOT_URLCONF = "finsam.urls"
WSGI_APPLICATION = "finsam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise (postgres:// uses psycopg 3).
VAR_DIR = Path(env("FINSAM_VAR_DIR") or BASE_DIR / "var")
_database_url = env("DATABASE_URL")
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)}
        if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            DATABASES["default"]["CONN_MAX_AGE"] = 0
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from exc
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "finsam.sqlite3",
            # A file, not memory, so that processes the tests start (gunicorn, a worker) see the same database.
            "TEST": {"NAME": str(VAR_DIR / "test.sqlite3")},
        }
    }
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # IMMEDIATE: a transaction takes the write lock at its start, so concurrent writers wait their turn
    # instead of failing with "database is locked" when a read turns into a write.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
    }
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when configured, memory otherwise. Only sign-in rate limits live there, so a Redis that is down
# counts as an empty cache (finsam.cache) rather than turning sign-in into a server error; the connect time is bounded.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "finsam.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: on Redis when REDIS_URL is set, otherwise tasks run in-process (eagerly).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
# A task running when the worker loses its broker is left to finish, not cancelled (as Celery 6 would by default).
# With late acks its message is delivered again anyway; every task claims its work in the database (the sealed PDF
# under a lease and token; e-mail, imports, exports), so the second delivery finds it done or held and does nothing.
# Cancelling would throw away a seal half made, and its unexpired claim would hold the PDF back a lease longer.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
# A request that queues work must not wait long for a Redis that is down (Celery's defaults add up to 19 s): one quick
# attempt, then the work stays recorded in the database as pending and the sweep below queues it later. The worker
# itself keeps retrying its connection, at startup too, and for as long as the broker is away: Celery's default of 100
# attempts (2 s apart, growing to 30 s) gives up after about 47 minutes and the worker process ends, so a night's Redis
# outage would leave no worker by morning. None retries forever, still at most 30 s apart (kombu's interval_max);
# 0 would not: it means no retry at all.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
}
CELERY_BEAT_SCHEDULE = {
    # Remind signers whose justering deadline is near, every morning at 07:00 Stockholm time (CELERY_TIMEZONE).
    "remind-signers": {"task": "meetings.tasks.send_reminders", "schedule": crontab(hour=7, minute=0)},
    # Queue what is recorded as waiting but has no task: PDFs, e-mail and uploaded documents left by a broker that
    # was down, PDFs and documents whose worker died (an expired lease), e-mail that failed.
    "sweep": {"task": "meetings.tasks.sweep", "schedule": 60.0},
    # Mail ADMINS what needs a person (an expiring certificate, failed PDFs or e-mail, an old backup), every hour.
    "warn-admins": {"task": "meetings.tasks.warn_admins", "schedule": crontab(minute=15)},
    # Remove the register's exports past their day (files too); queue again one the broker lost.
    "clean-exports": {"task": "meetings.register.tasks.clean_exports", "schedule": 600.0},
    # Merge the register's word index and refresh the planner's statistics (meetings/register/upkeep.py), nightly.
    "settle-register": {"task": "meetings.register.tasks.settle_register", "schedule": crontab(hour=3, minute=30)},
}
# An export of the register with more rows than this is written by the worker (progress page, a download kept a
# day for its asker); up to this many are written in the request, which at 2,500-3,500 rows a second for a
# workbook stays well within the web server's 30 s timeout.
FINSAM_EXPORT_IMMEDIATE_ROWS = env_positive_int("FINSAM_EXPORT_IMMEDIATE_ROWS", 20000)
# A worker holds its claim on a PDF this long; after that the sweep or "Försök igen" may give it to another worker.
FINSAM_PDF_LEASE_SECONDS = env_int("FINSAM_PDF_LEASE_SECONDS", 300)
# A worker holds its claim on an imported document this long (reading a scanned PDF of a few hundred pages with OCR
# takes minutes); the task's time limit is the same, so a task never outlives its claim. After it the sweep queues
# the document again (its worker died).
FINSAM_IMPORT_LEASE_SECONDS = env_int("FINSAM_IMPORT_LEASE_SECONDS", 1800)
# The sweep leaves work younger than this to the task queued when it was recorded.
FINSAM_SWEEP_AFTER_SECONDS = env_int("FINSAM_SWEEP_AFTER_SECONDS", 60)
# Outgoing e-mail. A decision's protokollsutdrag goes to at most this many recipients (the form says so); a
# federation, and a user, send at most so many e-mails an hour: more waits in the outbox for the next hour (the
# sweep sends it then), nothing is dropped. A kallelse to a large assembly and a protocol's extracts fit well below.
FINSAM_EXTRACT_RECIPIENTS_MAX = env_int("FINSAM_EXTRACT_RECIPIENTS_MAX", 50)
FINSAM_MAIL_PER_FEDERATION_HOUR = env_int("FINSAM_MAIL_PER_FEDERATION_HOUR", 600)
FINSAM_MAIL_PER_USER_HOUR = env_int("FINSAM_MAIL_PER_USER_HOUR", 300)
for _name in ("FINSAM_EXTRACT_RECIPIENTS_MAX", "FINSAM_MAIL_PER_FEDERATION_HOUR", "FINSAM_MAIL_PER_USER_HOUR"):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be at least 1, not {globals()[_name]}")
# An uploaded document is read in a child process with at most this much address space (MB) and this long (seconds;
# text recognition of a scan gets more, by its number of pages, within the lease): a file built to fill the memory or
# to take the time fails with a message instead of taking the worker (meetings/importing/bounded.py).
FINSAM_READER_MEMORY_MB = env_positive_int("FINSAM_READER_MEMORY_MB", 1024)
FINSAM_READER_SECONDS = env_positive_int("FINSAM_READER_SECONDS", 120)
# What one upload (its files and the members of its zip archives) may unpack to, in MB: the members pass through
# temporary files on disk one at a time, so this is disk, not memory.
FINSAM_UPLOAD_MAX_UNPACKED_MB = env_positive_int("FINSAM_UPLOAD_MAX_UNPACKED_MB", 1024)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): e-mail sign-in, no open sign-up, TOTP for everyone who wants it.
ACCOUNT_ADAPTER = "finsam.accounts.NoSignupAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, stated so they are visible; tests switch them off below.
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
}
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Finsamportalen"
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"

# E-mail: console unless EMAIL_HOST is set.
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    # Well below the outbox's lease of five minutes: a hung SMTP connection must fail before another worker may
    # take the same row over and send it again.
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Finsamportalen <noreply@finsam.invalid>")
SERVER_EMAIL = env("SERVER_EMAIL") or DEFAULT_FROM_EMAIL
# The installation's administrators (comma-separated addresses): the hourly warnings and server errors go to them.
ADMINS = [("", address) for address in env_list("ADMINS")]
# Their mail names the installation it comes from (Django's default is "[Django] "): an IT contact may run several.
EMAIL_SUBJECT_PREFIX = f"[{urlsplit(SITE_URL).hostname or 'Finsamportalen'}] "

# Language and time: Swedish first, English available.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"  # the only place it is named: code uses settings.TIME_ZONE or meetings.calendar.zone
USE_I18N = True
USE_TZ = True
CELERY_TIMEZONE = TIME_ZONE  # the beat schedule's hours are Swedish time

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT") or VAR_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or VAR_DIR / "media")
# Where `manage.py backup` writes its archives when given no folder (docker-compose.yml: the backups volume).
FINSAM_BACKUP_DIR = Path(env("FINSAM_BACKUP_DIR") or VAR_DIR / "backups")
# When the backup service (deploy/nightly-backup.sh) makes its nightly archive, UTC: the status page does not call a
# fresh installation's missing backup red before the first night's has had its chance.
_backup_at = env("FINSAM_BACKUP_AT") or "01:30"
try:
    FINSAM_BACKUP_AT = datetime.time.fromisoformat(_backup_at)
except ValueError as exc:
    raise ImproperlyConfigured(f"FINSAM_BACKUP_AT must be a time of day HH:MM (UTC), not {_backup_at!r}") from exc
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Serve static files from the app folders without collectstatic on a developer's machine and in tests.
# Where uploaded and rendered files live (attachments, sealed PDFs and extracts, imported originals): MEDIA_ROOT on
# this host's disk by default, or with MEDIA_STORAGE=s3 an S3-compatible bucket that every web process and worker on
# every host shares (finsam/bucket.py). The bucket stays private: files leave it only through the portal's views,
# after the permission check. Names are never overwritten: a second file of the same name gets a suffix.
MEDIA_STORAGE = (env("MEDIA_STORAGE") or "local").strip().lower()
if MEDIA_STORAGE == "s3":
    _bucket = {
        "AWS_S3_ENDPOINT_URL": env("AWS_S3_ENDPOINT_URL"),
        "AWS_STORAGE_BUCKET_NAME": env("AWS_STORAGE_BUCKET_NAME"),
        "AWS_ACCESS_KEY_ID": env("AWS_ACCESS_KEY_ID"),
        "AWS_SECRET_ACCESS_KEY": env("AWS_SECRET_ACCESS_KEY"),
    }
    _missing = [name for name, value in _bucket.items() if not value]
    if _missing:
        raise ImproperlyConfigured(f"MEDIA_STORAGE=s3 needs {', '.join(_missing)} (or each as NAME_FILE).")
    if not _bucket["AWS_S3_ENDPOINT_URL"].startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"AWS_S3_ENDPOINT_URL must be an http:// or https:// address, not {_bucket['AWS_S3_ENDPOINT_URL']!r}"
        )
    STORAGES["default"] = {
        "BACKEND": "finsam.bucket.BucketStorage",
        "OPTIONS": {
            "endpoint_url": _bucket["AWS_S3_ENDPOINT_URL"],
            "bucket_name": _bucket["AWS_STORAGE_BUCKET_NAME"],
            "access_key": _bucket["AWS_ACCESS_KEY_ID"],
            "secret_key": _bucket["AWS_SECRET_ACCESS_KEY"],
            "region_name": env("AWS_S3_REGION_NAME") or "us-east-1",
            "file_overwrite": False,
            "default_acl": None,  # no ACL on the objects: they inherit the bucket's, which is private
            "querystring_auth": True,  # a URL of a file, should one ever be made, is signed ...
            "querystring_expire": 300,  # ... and expires within five minutes
            # A read is kept in memory up to this size, on disk (a temporary file removed when closed) beyond.
            "max_memory_size": 8 * 1024 * 1024,
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}")
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
if DEBUG or TESTING:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 behaviour now: a bare host name means https
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# How many proxies stand in front of gunicorn, each adding the address it was reached from to X-Forwarded-For: the
# client's address is that many from the end (finsam.middleware.ClientAddressMiddleware). One in docker-compose.yml
# (Caddy); 0 believes no header (a developer's runserver, which anyone could send one to).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0 if DEBUG or TESTING else 1)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT must be 0 or more, not {TRUSTED_PROXY_COUNT}")
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # Behind the HTTPS proxy (Caddy in docker-compose.yml), which sets X-Forwarded-Proto itself and drops a client's:
    # only the proxy may reach gunicorn, so the header can be believed.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The proxy redirects http:// already; this catches a request that reached gunicorn another way. The
    # orchestrator's /healthz is asked over plain HTTP inside the container.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    # Sent on HTTPS responses only (SecurityMiddleware); 0 turns it off. The proxy sends the same value
    # (deploy/Caddyfile), so its own pages (a 502 while the portal restarts) carry it too.
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000 if SESSION_COOKIE_SECURE else 0)
    # The portal's host name only covers names below it (finsam.forbund.se: *.finsam.forbund.se), none of the
    # organisation's other sites.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
    # The preload list is the owner of the registrable domain's decision (it covers the whole domain), which a
    # portal on a municipality's or federation's subdomain cannot make: off, and its check silenced.
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# One line per record on stderr: JSON in production (LOG_FORMAT=json), text with the request id on a developer's
# machine. Every line names the request it belongs to, in the worker too (finsam.logs); web, worker and beat all log
# through this (Celery's own logging setup is switched off).
LOG_FORMAT = env("LOG_FORMAT") or ("text" if DEBUG or TESTING else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "ids": {"()": "finsam.logs.RequestIdFilter"},
        "health_answers": {"()": "finsam.logs.HealthCheckAnswerFilter"},
    },
    "formatters": {
        "json": {"()": "finsam.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["ids"], "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        # Server errors still reach ADMINS (Django's mail_admins, DEBUG off); the health check's 503 does not.
        "django.request": {"filters": ["health_answers"]},
    },
}

# The certificate that seals justerade protocols (PAdES). Unset on a developer's machine: a self-signed one is made.
FINSAM_SIGNING_CERT = env("FINSAM_SIGNING_CERT")
FINSAM_SIGNING_KEY = env("FINSAM_SIGNING_KEY")
FINSAM_SIGNING_KEY_PASSWORD = env("FINSAM_SIGNING_KEY_PASSWORD")
# An RFC 3161 timestamp authority: set, seals are PAdES B-T (a trusted time beside the signature); unset, B-B.
FINSAM_TSA_URL = env("FINSAM_TSA_URL") or None
if FINSAM_TSA_URL and not FINSAM_TSA_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"FINSAM_TSA_URL must be an http:// or https:// address, not {FINSAM_TSA_URL!r}")
# The timestamp authority's certificate (PEM), which /verifiera/ trusts for timestamps (and for nothing else).
FINSAM_TSA_CERT = env("FINSAM_TSA_CERT") or None

# Open data: the origins (scheme://host[:port]) that may frame the embeddable notice board (CSP frame-ancestors);
# empty, nobody may. And the API's rate limit: requests per client and minute (0 turns it off).
FINSAM_EMBED_ORIGINS = env_list("FINSAM_EMBED_ORIGINS")
for _origin in FINSAM_EMBED_ORIGINS:
    if not _origin.startswith(("http://", "https://")) or any(c in _origin for c in " ;'\""):
        raise ImproperlyConfigured(f"FINSAM_EMBED_ORIGINS: {_origin!r} is not an origin like https://example.se")
FINSAM_API_RATE_LIMIT = env_int("FINSAM_API_RATE_LIMIT", 600)

# E-legitimation. Identity numbers are kept only as an HMAC with this key (and their last four digits); without it
# linking is refused, except under DEBUG or FINSAM_TESTING, where a fixed development key stands in.
FINSAM_IDENTITY_KEY = env("FINSAM_IDENTITY_KEY") or ""
# A Fernet key (32 url-safe base64 bytes) for secrets kept in the database: the federations' sealing certificates.
FINSAM_ENCRYPTION_KEY = env("FINSAM_ENCRYPTION_KEY") or ""
# OpenID Connect providers (BankID, Freja eID through a broker): a JSON list, see finsam/oidc.py and the README.
FINSAM_OIDC_PROVIDERS = _json.loads(env("FINSAM_OIDC_PROVIDERS") or "[]")
if not isinstance(FINSAM_OIDC_PROVIDERS, list):
    raise ImproperlyConfigured("FINSAM_OIDC_PROVIDERS must be a JSON list of providers")
# How long a signer has at the provider before the state of the request lapses (seconds).
FINSAM_OIDC_STATE_SECONDS = env_positive_int("FINSAM_OIDC_STATE_SECONDS", 600)
