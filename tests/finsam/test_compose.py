"""There is no Docker engine here, so the compose file's structure is checked by reading it."""

from pathlib import Path

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
        if name == "beat":
            continue  # beat only sends; the worker's health covers the queue
        assert "healthcheck" in service, name
        assert service["healthcheck"]["test"], name


def test_the_application_waits_for_healthy_backing_services():
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["db"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"


def test_data_lives_in_named_volumes():
    data = compose()
    assert {"postgres-data", "media"} <= set(data["volumes"])
    assert any(v.startswith("postgres-data:") for v in data["services"]["db"]["volumes"])
    for name in ("web", "worker"):
        assert any(v.startswith("media:") for v in data["services"][name]["volumes"])


def test_configuration_comes_from_dot_env_and_every_variable_is_documented():
    data = compose()
    example = (ROOT / ".env.example").read_text()
    for name in ("web", "worker", "beat"):
        assert ".env" in data["services"][name]["env_file"]
    for variable in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "MEDIA_ROOT"):
        assert f"{variable}=" in example, variable
    assert (ROOT / "Dockerfile").exists()
