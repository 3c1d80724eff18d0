"""There is no Docker engine here, so the compose file's structure is checked by reading it, and against the compose
specification's JSON schema (tests/finsam/compose-spec.json, vendored from github.com/compose-spec/compose-spec,
schema/compose-spec.json at 170098ba07d9, Apache-2.0)."""

import json
import re
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_it_runs_web_worker_beat_db_and_redis():
    assert set(compose()["services"]) >= {"web", "worker", "beat", "db", "redis"}


def test_the_application_services_run_the_right_commands():
    services = compose()["services"]
    assert "gunicorn" in " ".join(services["web"]["command"])
    assert "worker" in services["worker"]["command"]
    # a pool process that grew (a large PDF rendered, a large upload read) is replaced after its task
    assert any(part.startswith("--max-memory-per-child=") for part in services["worker"]["command"])
    assert "beat" in services["beat"]["command"]


def test_every_service_has_a_health_check():
    for name, service in compose()["services"].items():
        if name in ("beat", "migrate", "media-bucket", "backup"):
            continue  # beat only sends, the worker's health covers the queue; migrate, media-bucket exit; backup sleeps
        assert "healthcheck" in service, name
        assert service["healthcheck"]["test"], name


def test_the_application_waits_for_healthy_backing_services():
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["db"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"


def test_data_lives_in_named_volumes_and_files_in_the_bucket():
    data = compose()
    assert {"postgres-data", "s3-data"} <= set(data["volumes"]) and "media" not in data["volumes"]
    assert any(v.startswith("postgres-data:") for v in data["services"]["db"]["volumes"])
    assert any(v.startswith("s3-data:") for v in data["services"]["s3"]["volumes"])
    for name in ("web", "worker", "beat", "backup"):  # no host keeps a file another host needs
        assert not any(v.startswith("media:") for v in data["services"][name].get("volumes", [])), name


def test_web_and_worker_run_two_replicas_and_beat_exactly_one():
    services = compose()["services"]
    assert services["web"]["deploy"]["replicas"] == 2
    assert services["worker"]["deploy"]["replicas"] == 2
    assert services["beat"]["deploy"]["replicas"] == 1
    assert "container_name" not in services["web"] and "ports" not in services["web"]  # replicas need neither


def test_the_bucket_is_made_once_by_a_one_shot_service_before_the_application_starts():
    services = compose()["services"]
    assert services["s3"]["image"].startswith("chrislusf/seaweedfs:")
    assert "-s3" in services["s3"]["command"] and "ports" not in services["s3"]  # reachable only inside
    assert services["s3"]["environment"]["AWS_ACCESS_KEY_ID"].startswith("${AWS_ACCESS_KEY_ID:?")
    bucket = services["media-bucket"]
    assert bucket["command"] == ["python", "manage.py", "ensure_media_bucket"] and bucket["restart"] == "no"
    assert bucket["depends_on"] == {"s3": {"condition": "service_healthy"}}
    for name in ("web", "worker", "beat", "backup"):
        assert services[name]["depends_on"]["media-bucket"]["condition"] == "service_completed_successfully"


def test_configuration_comes_from_dot_env_and_every_variable_is_documented():
    data = compose()
    example = (ROOT / ".env.example").read_text()
    for name in ("web", "worker", "beat", "migrate", "backup"):
        assert ".env" in data["services"][name]["env_file"]
    documented = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "MEDIA_ROOT")
    bucket = (
        "MEDIA_STORAGE",
        "AWS_S3_ENDPOINT_URL",
        "AWS_STORAGE_BUCKET_NAME",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
    )
    for variable in (*documented, *bucket, "DOMAIN", "ACME_EMAIL", "ADMINS", "FINSAM_BACKUP_KEEP", "FINSAM_BACKUP_AT"):
        assert f"{variable}=" in example, variable
    assert (ROOT / "Dockerfile").exists()


def test_it_is_valid_against_the_compose_specification():
    schema = json.loads((ROOT / "tests" / "finsam" / "compose-spec.json").read_text())
    validator = jsonschema.Draft7Validator(schema)
    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(compose())
    ]
    assert errors == []


def test_the_schema_catches_a_mistake():
    """The vendored schema really is strict: a misspelt key of a service is an error."""
    schema = json.loads((ROOT / "tests" / "finsam" / "compose-spec.json").read_text())
    data = compose()
    data["services"]["web"]["comand"] = ["gunicorn"]
    assert not jsonschema.Draft7Validator(schema).is_valid(data)


def test_only_the_proxy_is_reachable_from_outside():
    services = compose()["services"]
    assert [name for name, service in services.items() if "ports" in service] == ["proxy"]
    assert {"80:80", "443:443"} <= set(services["proxy"]["ports"])
    assert services["web"]["expose"] == ["8000"]


def test_the_proxy_is_caddy_with_https_and_hsts_for_domain():
    proxy = compose()["services"]["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert any(volume.startswith("caddy-data:/data") for volume in proxy["volumes"])  # its certificates survive
    assert proxy["environment"]["DOMAIN"].startswith("${DOMAIN:?")
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "{$DOMAIN} {" in caddyfile and "dynamic a web 8000" in caddyfile  # every replica of web
    assert re.search(r'Strict-Transport-Security "max-age=31536000; includeSubDomains"', caddyfile)
    assert "X-Request-ID {http.request.uuid}" in caddyfile


def test_migrations_run_once_before_the_application_starts():
    services = compose()["services"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker", "beat", "backup"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
        assert "migrate" not in " ".join(services[name]["command"]), name


def test_a_nightly_backup_keeps_a_set_number():
    backup = compose()["services"]["backup"]
    assert backup["command"] == ["sh", "deploy/nightly-backup.sh"]
    assert "backups:/backups" in backup["volumes"]  # the media it archives come from the bucket
    script = (ROOT / "deploy" / "nightly-backup.sh").read_text()
    assert 'python manage.py backup "$directory" --keep "$keep"' in script
    assert "backups:/backups" not in compose()["services"]["web"].get("volumes", [])  # the web never reads them


def test_secrets_and_data_stay_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert {".env", "var/backups", "var/media", "var/*.sqlite3*", "var/signing"} <= set(ignored)


def test_every_volume_of_the_application_is_a_folder_its_user_owns_in_the_image():
    """A named volume mounted where the image has no folder is created owned by root: beat, running as the image's
    user, could not write its schedule to /tmp/beat and stopped (no sweep, no reminders, no warnings)."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    user = re.search(r"^USER (\S+)", dockerfile, re.M).group(1)
    commands = " ".join(dockerfile.replace("\\\n", " ").split())
    made = set(re.search(r"mkdir -p ([^&]+?) &&", commands).group(1).split())
    owned = set(re.search(rf"chown {user} ([^&]+?) ENV ", commands).group(1).split())
    for name, service in compose()["services"].items():
        if service.get("build") != "." and service.get("image") != "finsam-portal":
            continue
        for volume in service.get("volumes", []):
            source, target = volume.split(":")[:2]
            if source in compose()["volumes"]:  # a named volume, not a file or folder of the host
                assert target in made and target in owned, (name, target)


def test_the_readme_names_every_variable_compose_refuses_to_start_without():
    """compose stops on an empty `${NAME:?...}`: the README's list of what to fill in .env had no AWS_* keys, and an
    operator following it got "required variable AWS_ACCESS_KEY_ID is missing a value"."""
    required = set(re.findall(r"\$\{(\w+):\?", (ROOT / "docker-compose.yml").read_text()))
    readme = (ROOT / "README.md").read_text()
    start = readme[readme.index("### Start") : readme.index("docker compose up -d --build")]
    assert required and {name for name in required if f"{name}=" not in start} == set()
