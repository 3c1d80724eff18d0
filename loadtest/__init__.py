"""`make loadtest`: the portal under a realistic day's load, as in production (gunicorn, a Celery worker,
PostgreSQL, Redis), at rising numbers of simulated users. See README.md, "Load test"."""
