#!/bin/sh
# The backup service of docker-compose.yml: one archive a night at FINSAM_BACKUP_AT (UTC, HH:MM), into
# FINSAM_BACKUP_DIR, keeping the FINSAM_BACKUP_KEEP newest. A failed night is logged here; the status page
# (/driftstatus/) turns red and ADMINS are mailed once the last good backup is two days old.
set -u
at="${FINSAM_BACKUP_AT:-01:30}"
keep="${FINSAM_BACKUP_KEEP:-14}"
directory="${FINSAM_BACKUP_DIR:-/backups}"
while :; do
	now=$(date -u +%s)
	next=$(date -u -d "$at" +%s)
	if [ "$next" -le "$now" ]; then next=$((next + 86400)); fi
	echo "next backup at $(date -u -d "@$next" '+%Y-%m-%d %H:%M') UTC"
	sleep $((next - now))
	python manage.py backup "$directory" --keep "$keep" || echo "backup FAILED" >&2
done
