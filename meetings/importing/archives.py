"""The documents of a zip archive, taken out with care: a zip is someone else's file and may be built to hurt.

Measured before a byte is inflated: the number of entries (from the end record, before zipfile builds an object
for each), the total unpacked size the directory declares, each member's declared size and compression ratio.
Names that climb out of the archive (`../`, absolute paths, drive letters) or entries that are links refuse the
whole archive: such a file was not made by someone packing their minutes. Folders are passed over; the files an
operating system leaves (`__MACOSX/`, `.DS_Store`, `Thumbs.db`, `desktop.ini`, `._*`) are skipped with a note, as
is every member the importer does not take (its type checked by its content, as for a single upload). Pure Python:
no models.
"""

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext_lazy as _

from .readers import MAX_BYTES, UnreadableDocument, check_file

ARCHIVE_MAX_BYTES = 1024 * 1024 * 1024  # the zip file itself: 200 scanned protocols are a few hundred MB
ARCHIVE_MAX_ENTRIES = 2000  # folders and OS files included
ARCHIVE_MAX_UNPACKED = 2 * 1024 * 1024 * 1024
ARCHIVE_MAX_RATIO = 200  # as for a .docx: text deflates 5-20 times, a member that claims more is a bomb
END_RECORD = b"PK\x05\x06"
OS_FILES = {".ds_store", "thumbs.db", "desktop.ini", ".localized"}

MESSAGES = {
    "not_a_zip": _("Filen är inte en zip-fil eller är skadad."),
    "too_large": _("Zip-filen är större än 1 GB. Dela upp den i flera."),
    "too_many_entries": _("Zip-filen har fler än 2 000 filer och mappar. Dela upp den i flera."),
    "too_much_unpacked": _("Zip-filen packas upp till mer än 2 GB. Dela upp den i flera."),
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

    def __init__(self, code: str) -> None:
        self.code = code
        self.message = str(MESSAGES[code])
        super().__init__(self.message)


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes


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


def documents(stream: IO[bytes], size: int) -> tuple[list[Member], list[Skipped]]:
    """The members of the zip archive in `stream` that the importer may read, and what was left out and why.
    Raises ArchiveRefused for an archive that is refused as a whole."""
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
        if sum(info.file_size for info in entries) > ARCHIVE_MAX_UNPACKED:
            raise ArchiveRefused("too_much_unpacked")
        members: list[Member] = []
        skipped: list[Skipped] = []
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
        return members, skipped


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, skipped: list[Skipped]) -> Member | None:
    try:
        # zipfile reads no further than the size the directory declares, and checks the CRC at the end.
        with archive.open(info) as member:
            data = member.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        skipped.append(Skipped(name, str(NOTES["unreadable"])))
        return None
    try:
        check_file(data, posixpath.basename(name))
    except UnreadableDocument as exc:
        skipped.append(Skipped(name, exc.message))
        return None
    return Member(name[:255], data)
