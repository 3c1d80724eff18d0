"""One archive holds the whole installation: the database and the media files, with a manifest of SHA-256 sums.

The archive is a plain tar (the database dump is compressed by pg_dump already, sealed PDFs hardly compress):
``database.dump`` (pg_dump's custom format) or ``database.sqlite3`` (SQLite's online backup API), the media files under
``media/``, and last ``manifest.json`` with the size and SHA-256 of every other member.

The database is copied first and the media after it: every file a committed row names was written before that row's
commit (a sealed PDF is stored, then its row marked done), so it is in the archive; a file stored while the media
are copied is merely one more than the database knows of. Sealed PDFs are never deleted.

Media are read and written through Django's default storage, never through paths, so the same commands work when the
files live in an object store.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection

PREFIX = "finsam-backup-"
SUFFIX = ".tar"
MANIFEST = "manifest.json"
FORMAT = "finsam-backup/1"
MEDIA = "media/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def sha256_of(handle):
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


class _HashingReader:
    """Reads through to a file and keeps the SHA-256 of what was read, so a member is hashed as it is archived."""

    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk


def media_names(storage=None, directory=""):
    """Every file name in the storage, walked through its own listdir (an empty or absent media root has none)."""
    storage = storage or default_storage
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for sub in sorted(directories):
        yield from media_names(storage, f"{directory}/{sub}" if directory else sub)


# The database ---------------------------------------------------------------------------------------------------


def _postgres_environment():
    db = connection.settings_dict
    env = {**os.environ}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env, db["NAME"]


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")


def dump_database(target):
    """Write a consistent copy of the database to the path `target`; the archive member's name."""
    if connection.vendor == "postgresql":
        env, name = _postgres_environment()
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), name], env)
        return "database.dump"
    if connection.vendor == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        destination = sqlite3.connect(target)
        try:
            with destination:
                source.backup(destination)
        finally:
            source.close(), destination.close()
        return "database.sqlite3"
    raise BackupError(f"No backup for a {connection.vendor} database.")


def database_is_empty():
    return not connection.introspection.table_names()


def load_database(source, member):
    """Bring the dump at `source` into the (empty) database of this process."""
    if member == "database.dump" and connection.vendor == "postgresql":
        env, name = _postgres_environment()
        connection.close()
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", name, str(source)], env)
    elif member == "database.sqlite3" and connection.vendor == "sqlite":
        connection.ensure_connection()
        archived = sqlite3.connect(source)
        try:
            archived.backup(connection.connection)
        finally:
            archived.close()
        connection.close()
    else:
        raise BackupError(f"The archive holds {member}; this installation's database is {connection.vendor}.")


# The archive ----------------------------------------------------------------------------------------------------


@dataclass
class Manifest:
    created: str
    vendor: str
    database: str
    members: dict = field(default_factory=dict)  # name: {"sha256": ..., "size": ...}

    def to_json(self):
        data = {"format": FORMAT, "created": self.created, "vendor": self.vendor, "database": self.database}
        return json.dumps({**data, "members": self.members}, indent=1, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw):
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise BackupError(f"Not a Finsam backup manifest (format {data.get('format')!r}).")
        return cls(data["created"], data["vendor"], data["database"], data["members"])

    def media(self):
        """{media file name: sha256} of the archive."""
        return {name[len(MEDIA) :]: entry["sha256"] for name, entry in self.members.items() if name.startswith(MEDIA)}


def _add(archive, name, handle, size, manifest):
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(datetime.datetime.now(datetime.UTC).timestamp()), 0o600
    reader = _HashingReader(handle)
    archive.addfile(info, reader)
    manifest.members[name] = {"sha256": reader.digest.hexdigest(), "size": size}


def write_archive(directory, *, now=None):
    """Write one dated archive into `directory`; return its path. A half-written archive never has the final name."""
    now = now or datetime.datetime.now(datetime.UTC)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{PREFIX}{now:%Y%m%dT%H%M%SZ}{SUFFIX}"
    partial = path.with_name(path.name + ".partial")
    manifest = Manifest(now.isoformat(timespec="seconds"), connection.vendor, "")
    try:
        with tempfile.TemporaryDirectory(dir=directory) as scratch, tarfile.open(partial, "w") as archive:
            dump = Path(scratch) / "database"
            manifest.database = dump_database(dump)
            with dump.open("rb") as handle:
                _add(archive, manifest.database, handle, dump.stat().st_size, manifest)
            for name in media_names():
                try:
                    handle = default_storage.open(name, "rb")
                except FileNotFoundError:
                    continue  # deleted since it was listed (a discarded import): no row names it any more
                with handle:
                    _add(archive, MEDIA + name, handle, default_storage.size(name), manifest)
            raw = manifest.to_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(raw), 0o600
            archive.addfile(info, io.BytesIO(raw))
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return path, manifest


def archives(directory):
    """The archives in `directory`, newest first (their names sort by date)."""
    return sorted(Path(directory).glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def prune(directory, keep):
    """Delete all but the `keep` newest archives; return the deleted paths."""
    removed = archives(directory)[keep:]
    for old in removed:
        old.unlink()
    return removed


def read_manifest(archive_path):
    try:
        with tarfile.open(archive_path, "r") as archive:
            handle = archive.extractfile(MANIFEST)
            if handle is None:
                raise KeyError(MANIFEST)
            return Manifest.from_json(handle.read())
    except (OSError, KeyError, tarfile.TarError, ValueError) as exc:
        raise BackupError(f"{archive_path} is not a readable backup archive: {exc}") from exc


def check_members(archive_path, manifest):
    """The archive's members against its manifest: [(name, "missing" | "changed")]."""
    problems, seen = [], set()
    with tarfile.open(archive_path, "r") as archive:
        for info in archive:
            if info.name == MANIFEST or not info.isfile():
                continue
            seen.add(info.name)
            expected = manifest.members.get(info.name)
            handle = archive.extractfile(info)
            if expected is None:
                problems.append((info.name, "not in manifest"))
            elif handle is None or sha256_of(handle) != expected["sha256"]:
                problems.append((info.name, "changed"))
    problems += [(name, "missing") for name in sorted(set(manifest.members) - seen)]
    return problems


def restore_archive(archive_path):
    """Bring the archive into an empty database and an empty media storage; refuse anything else. Every member is
    checked against the manifest as it is read; a member that differs stops the restore."""
    manifest = read_manifest(archive_path)
    if not database_is_empty():
        raise BackupError("The database is not empty: restore only into a newly created database.")
    if next(media_names(), None) is not None:
        raise BackupError("The media storage is not empty: restore only into an empty media folder or bucket.")
    with tarfile.open(archive_path, "r") as archive, tempfile.TemporaryDirectory() as scratch:
        for info in archive:
            if info.name == MANIFEST or not info.isfile():
                continue
            expected = manifest.members.get(info.name)
            handle = archive.extractfile(info)
            if expected is None or handle is None:
                raise BackupError(f"{info.name} is in the archive but not in its manifest.")
            if sha256_of(handle) != expected["sha256"]:
                raise BackupError(f"{info.name} differs from the manifest: the archive is damaged.")
            handle.seek(0)
            if info.name == manifest.database:  # the first member: the database is in before any file
                dump = Path(scratch) / "database"
                with dump.open("wb") as out:
                    shutil.copyfileobj(handle, out, CHUNK)
                load_database(dump, manifest.database)
            elif info.name.startswith(MEDIA):
                name = str(PurePosixPath(info.name[len(MEDIA) :]))
                stored = default_storage.save(name, File(handle, name=name))
                if stored != name:
                    raise BackupError(f"{name} was stored as {stored}.")
    return manifest
