"""The settings module fails loudly on a bad value and reads secrets from files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_settings(show="s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER", **env):
    """Import the settings in a fresh interpreter with the given environment and print `show` (settings are `s`);
    return (exit code, stdout and stderr)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "FINSAM_TESTING", "SECRET_KEY", "DATABASE_URL"}}
    clean.update(env)
    code = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','finsam.settings'); django.setup(); "
    code += f"from django.conf import settings as s; print({show})"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    code, output = run_settings(DEBUG="0")
    assert code != 0
    assert "SECRET_KEY must be set" in output


def test_it_names_the_variable_of_a_malformed_boolean():
    code, output = run_settings(DEBUG="maybe")
    assert code != 0
    assert "DEBUG must be one of" in output


def test_it_reads_the_secret_key_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("a-long-secret-from-a-file\n")
    code, output = run_settings(DEBUG="0", SECRET_KEY_FILE=str(secret), ALLOWED_HOSTS="portal.example.se")
    assert code == 0, output


def test_it_defaults_to_sqlite_and_eager_tasks(tmp_path):
    code, output = run_settings(DEBUG="1", FINSAM_VAR_DIR=str(tmp_path), REDIS_URL="")
    assert code == 0, output
    assert "sqlite3 True" in output


def test_a_postgres_url_uses_the_postgresql_backend():
    code, output = run_settings(
        DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5432/x", REDIS_URL="redis://127.0.0.1:6379/9"
    )
    assert code == 0, output
    assert "postgresql False" in output


def test_a_malformed_database_url_is_refused():
    code, output = run_settings(DEBUG="1", DATABASE_URL="nonsense://")
    assert code != 0
    assert "DATABASE_URL" in output


@pytest.mark.parametrize("setting", ["LANGUAGE_CODE", "TIME_ZONE"])
def test_it_speaks_swedish_in_stockholm_time(settings, setting):
    assert {"LANGUAGE_CODE": "sv", "TIME_ZONE": "Europe/Stockholm"}[setting] == getattr(settings, setting)
    assert settings.USE_TZ


@pytest.mark.parametrize(("extra", "expected"), [({}, "31536000"), ({"HSTS_SECONDS": "0"}, "0")])
def test_production_sends_hsts_unless_turned_off(extra, expected):
    secret = "a-long-secret-for-this-test-only-0123456789"
    code, output = run_settings(
        show="s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE",
        DEBUG="0",
        SECRET_KEY=secret,
        ALLOWED_HOSTS="portal.example.se",
        **extra,
    )
    assert code == 0 and output.split() == [expected, "True"], output


def test_mail_to_the_administrators_names_the_installation(tmp_path):
    """Server errors and the hourly warnings came as "[Django] ...", whichever portal sent them."""
    code, output = run_settings(
        "s.EMAIL_SUBJECT_PREFIX", SECRET_KEY="x" * 50, DOMAIN="finsam.roslagen.se", FINSAM_VAR_DIR=str(tmp_path)
    )
    assert (code, output.strip()) == (0, "[finsam.roslagen.se]")
