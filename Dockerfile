# The production image: gunicorn for the web, the same image for the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

# The PostgreSQL major version of docker-compose.yml's db service: `manage.py backup` runs pg_dump, which must be at
# least the server's version (Debian's own client is 15), so it comes from PostgreSQL's apt repository.
ARG PG_MAJOR=16

# WeasyPrint's system libraries and fonts (Symbola for symbols and emoji DejaVu lacks), gettext for the catalogues, curl for health checks, Tesseract with Swedish
# for the worker's OCR of scanned minutes, pg_dump and pg_restore for the backups.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
    fonts-dejavu-core fonts-symbola gettext curl tesseract-ocr tesseract-ocr-swe postgresql-common ca-certificates \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends postgresql-client-${PG_MAJOR} \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# Every folder a named volume of docker-compose.yml is mounted on exists here, owned by the user the containers run as:
# Docker gives a new volume the image's folder's owner, and root where the image has no such folder (then beat, as
# finsam, could not write its schedule under /tmp/beat and stopped: no sweep, no reminders, no warnings).
# collectstatic with DEBUG off, as the containers run: only then does it write the hashed names and the manifest
# (staticfiles.json) that production's storage looks every {% static %} up in; without them every page is a 500.
RUN DEBUG=1 python manage.py compilemessages --ignore=.venv -v 0 \
 && SECRET_KEY=collectstatic-only STATIC_ROOT=/app/staticfiles python manage.py collectstatic --no-input -v 0 \
 && DEBUG=1 python manage.py build_lexicon \
 && useradd --system --home /app finsam \
 && mkdir -p /data/media /backups /tmp/beat && chown finsam /data/media /backups /tmp/beat

ENV STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/data/media
USER finsam
EXPOSE 8000
CMD ["gunicorn", "finsam.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
