"""The documents of a zip archive, taken out with care: a zip is someone else's file and may be built to hurt.

Measured before a byte is inflated: the number of entries (from the end record, before zipfile builds an object
for each), the total unpacked size the directory declares, each member's declared size and compression ratio.
Names that climb out of the archive (`../`, absolute paths, drive letters) or entries that are links refuse the
whole archive: such a file was not made by someone packing their minutes. Folders are passed over; the files an
operating system leaves (`__MACOSX/`, `.DS_Store`, `Thumbs.db`, `desktop.ini`, `._*`) are skipped with a note, as
is every member the importer does not take (its type checked by its content, as for a single upload). Pure Python:
no models.

The members are taken out one at a time, a megabyte at a time, into temporary files on disk (hashed on the way):
what an upload unpacks to is bounded by `budget` (FINSAM_UPLOAD_MAX_UNPACKED_MB for the whole upload) and takes
disk, not memory. (Held in memory, 60 members of 20 MB took a web worker from 200 MB to 1,341 MB.)
"""

import hashlib
import posixpath
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext_lazy as _

from .readers import MAX_BYTES, UnreadableDocument, check_upload

ARCHIVE_MAX_BYTES = 1024 * 1024 * 1024  # the zip file itself: 200 scanned protocols are a few hundred MB
ARCHIVE_MAX_ENTRIES = 2000  # folders and OS files included
# What an archive may unpack to when the caller sets no budget (an upload's is FINSAM_UPLOAD_MAX_UNPACKED_MB).
ARCHIVE_MAX_UNPACKED = 1024 * 1024 * 1024
CHUNK = 1024 * 1024
ARCHIVE_MAX_RATIO = 200  # as for a .docx: text deflates 5-20 times, a member that claims more is a bomb
END_RECORD = b"PK\x05\x06"
OS_FILES = {".ds_store", "thumbs.db", "desktop.ini", ".localized"}

MESSAGES = {
    "not_a_zip": _("Filen är inte en zip-fil eller är skadad."),
    "too_large": _("Zip-filen är större än 1 GB. Dela upp den i flera."),
    "too_many_entries": _("Zip-filen har fler än 2 000 filer och mappar. Dela upp den i flera."),
    "too_much_unpacked": _("Uppladdningen packas upp till mer än %(megabytes)s MB. Dela upp den i flera."),
    "unsafe_name": _(
        "Zip-filen innehåller sökvägar som pekar ut ur arkivet (t.ex. ../ eller absoluta sökvägar) eller länkar "
        "och tas inte emot."
    ),
}
NOTES = {
    "os_file": _("systemfil, hoppas över"),
    "encrypted": _("krypterad, kan inte läsas"),
    "bomb": _("packas upp orimligt mycket, hoppas över"),
    "unreadable": _("kunde inte packas upp"),
}


class ArchiveRefused(Exception):
    """The whole archive is refused; `message` says why in the user's language."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.message = str(MESSAGES[code]) % params if params else str(MESSAGES[code])
        super().__init__(self.message)


def too_much_unpacked(budget: int) -> ArchiveRefused:
    return ArchiveRefused("too_much_unpacked", megabytes=budget // (1024 * 1024))


@dataclass(frozen=True)
class Member:
    """A document to import: its name, its content in a file (a temporary one on disk, positioned at its start; the
    caller closes it), its size and SHA-256."""

    name: str
    file: IO[bytes]
    size: int
    sha256: str

    def read(self) -> bytes:
        self.file.seek(0)
        return self.file.read()


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


def _declared_entries(stream: IO[bytes]) -> int | None:
    """The number of entries the end-of-central-directory record declares (None for a zip64 or no record)."""
    stream.seek(0, 2)
    size = stream.tell()
    tail_size = min(size, 65536 + 22)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    stream.seek(0)
    at = tail.rfind(END_RECORD)
    if at < 0 or len(tail) < at + 22:
        return None
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    return None if entries == 0xFFFF else entries


def _unsafe(name: str) -> bool:
    path = name.replace("\\", "/")
    return (
        path.startswith("/") or re.match(r"^[A-Za-z]:", path) is not None or ".." in path.split("/") or "\x00" in path
    )


def _is_os_file(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    base = parts[-1]
    return "__MACOSX" in parts[:-1] or base.lower() in OS_FILES or base.startswith("._")


def _is_link(info: zipfile.ZipInfo) -> bool:
    return (info.external_attr >> 16) & 0o170000 == 0o120000


def documents(stream: IO[bytes], size: int, *, budget: int | None = None) -> tuple[list[Member], list[Skipped]]:
    """The members of the zip archive in `stream` that the importer may read, each in a temporary file, and what was
    left out and why. What they unpack to may be at most `budget` bytes (by default ARCHIVE_MAX_UNPACKED). Raises
    ArchiveRefused for an archive that is refused as a whole (its temporary files closed)."""
    budget = ARCHIVE_MAX_UNPACKED if budget is None else budget
    if size > ARCHIVE_MAX_BYTES:
        raise ArchiveRefused("too_large")
    try:
        declared = _declared_entries(stream)
        if declared is not None and declared > ARCHIVE_MAX_ENTRIES:
            raise ArchiveRefused("too_many_entries")
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ArchiveRefused("not_a_zip") from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > ARCHIVE_MAX_ENTRIES:
            raise ArchiveRefused("too_many_entries")
        if any(_unsafe(info.filename) or _is_link(info) for info in entries):
            raise ArchiveRefused("unsafe_name")
        if sum(info.file_size for info in entries) > budget:
            raise too_much_unpacked(budget)
        members: list[Member] = []
        skipped: list[Skipped] = []
        try:
            _take_out(archive, entries, members, skipped)
        except BaseException:
            for member in members:
                member.file.close()
            raise
        return members, skipped


def _take_out(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], members: list[Member], skipped: list[Skipped]
) -> None:
    """Each member that may be read, one at a time, into `members`; each left out, with why, into `skipped`. zipfile
    inflates no more than the directory declares, so the declared sizes measured before bound what this writes."""
    for info in entries:
        name = info.filename.replace("\\", "/")
        if info.is_dir():
            continue
        if _is_os_file(name):
            skipped.append(Skipped(name, str(NOTES["os_file"])))
        elif info.flag_bits & 0x1:
            skipped.append(Skipped(name, str(NOTES["encrypted"])))
        elif info.file_size > MAX_BYTES:
            skipped.append(Skipped(name, str(UnreadableDocument("too_large").message)))
        elif info.file_size > 1024 * 1024 and info.file_size > ARCHIVE_MAX_RATIO * max(info.compress_size, 1):
            skipped.append(Skipped(name, str(NOTES["bomb"])))
        else:
            member = _member(archive, info, name, skipped)
            if member is not None:
                members.append(member)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, skipped: list[Skipped]) -> Member | None:
    """The member in a temporary file, checked as a single upload is; None (and why, in `skipped`) if it is not
    taken."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 (it goes with the Member; its caller closes it)
    try:
        taken = _copy(archive, info, file)
        if taken is None:
            skipped.append(Skipped(name, str(NOTES["unreadable"])))
        else:
            check_upload(file, posixpath.basename(name))
            file.seek(0)
            return Member(name[:255], file, *taken)
    except UnreadableDocument as exc:
        skipped.append(Skipped(name, exc.message))
    file.close()
    return None


def _copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: IO[bytes]) -> tuple[int, str] | None:
    """Inflate the member into `file` a megabyte at a time; its size and SHA-256, or None if it cannot be inflated.
    zipfile reads no further than the size the directory declares (at most MAX_BYTES here), and checks the CRC at
    the end."""
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                digest.update(chunk)
                file.write(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        return None
    return size, digest.hexdigest()
