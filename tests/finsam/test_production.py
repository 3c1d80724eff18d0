"""The production shape: `check --deploy` is clean with the settings docker-compose.yml gives, and DOMAIN alone
names the host, the CSRF origin and the portal's address behind the HTTPS proxy."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra):
    """The environment of a web container: DEBUG off, not testing, a real secret key, DOMAIN; nothing else."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    env = {name: value for name, value in os.environ.items() if name in keep}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), DOMAIN="finsam.example.se", FINSAM_VAR_DIR=str(tmp_path))
    env.update(extra)
    return env


def test_check_deploy_is_clean_in_the_production_shape(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(tmp_path), capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def show(tmp_path, expression, **extra):
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'finsam.settings'); django.setup(); "
        f"from django.conf import settings as s; print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=production_env(tmp_path, **extra), capture_output=True, text=True
    )
    return result.returncode, result.stdout.strip() + result.stderr


def test_domain_names_the_host_the_csrf_origin_and_the_address(tmp_path):
    code, output = show(tmp_path, "s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.SITE_URL, s.SECURE_PROXY_SSL_HEADER")
    assert code == 0, output
    assert output == (
        "['finsam.example.se'] ['https://finsam.example.se'] https://finsam.example.se "
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_https_is_enforced_but_the_health_check_answers_over_http(tmp_path):
    code, output = show(tmp_path, "s.SECURE_SSL_REDIRECT, s.SECURE_REDIRECT_EXEMPT, s.SECURE_HSTS_SECONDS")
    assert code == 0, output
    assert output == "True ['^healthz$'] 31536000"


def test_a_domain_with_a_scheme_is_refused(tmp_path):
    code, output = show(tmp_path, "s.ALLOWED_HOSTS", DOMAIN="https://finsam.example.se")
    assert code != 0 and "DOMAIN must be a bare host name" in output


def test_the_client_address_comes_from_the_one_proxy_in_front(tmp_path):
    assert show(tmp_path, "s.TRUSTED_PROXY_COUNT") == (0, "1")
    assert show(tmp_path, "s.TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="2") == (0, "2")
    code, output = show(tmp_path, "s.TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="-1")
    assert code != 0 and "TRUSTED_PROXY_COUNT must be 0 or more" in output


def dockerfile_command(word):
    """The Dockerfile's build command that runs `manage.py <word>`: its variables and its arguments."""
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    text = " ".join(line.rstrip("\\") for line in lines if not line.lstrip().startswith("#"))
    for part in text.split("&&"):
        words = part.replace("RUN ", " ").split()
        if "manage.py" in words and word in words:
            start = words.index("python")
            return dict(w.split("=", 1) for w in words[:start]), words[start + 1 :]
    raise AssertionError(f"no manage.py {word} in the Dockerfile")


def test_the_images_static_files_are_what_production_looks_up(tmp_path):
    """The image's collectstatic writes the manifest the production storage reads: built under DEBUG, it wrote
    none, and every page of the running portal was a 500 ("Missing staticfiles manifest entry")."""
    variables, arguments = dockerfile_command("collectstatic")
    variables["STATIC_ROOT"] = str(tmp_path / "static")
    environment = {name: value for name, value in os.environ.items() if name in {"PATH", "HOME", "LANG", "TMPDIR"}}
    environment.update(variables, FINSAM_VAR_DIR=str(tmp_path))
    built = subprocess.run(
        [sys.executable, *arguments, "-v", "0"], cwd=ROOT, env=environment,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    code, output = show(
        tmp_path, "__import__('django.templatetags.static').templatetags.static.static('css/portal.css')",
        STATIC_ROOT=str(tmp_path / "static"),
    )  # fmt: skip
    assert code == 0, output
    assert output.startswith("/static/css/portal.") and output != "/static/css/portal.css"
