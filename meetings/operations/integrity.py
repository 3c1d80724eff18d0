"""Are the records intact? Every sealed PDF and every file with a stored checksum (attachments, imported originals)
against the SHA-256 the database holds for it, and, given a backup archive, every file against its manifest.

The database's own checksums are the stronger proof: the hash of a sealed PDF was written when it was sealed, and
/verifiera/ answers from it. The manifest adds the files the database holds no checksum for (protokollsutdrag)."""

from dataclasses import dataclass

from django.core.files.storage import default_storage

from finsam import backup
from meetings.models import Attachment, ImportDocument, PendingImport, SignedDocument


@dataclass(frozen=True)
class Problem:
    name: str  # the file's name in the media storage, or the archive member's
    state: str  # "missing" | "changed" | "not in manifest"
    what: str  # what the file is, for the person who reads the report

    def __str__(self):
        return f"{self.state.upper()}: {self.name} ({self.what})"


def stored_sha256(name):
    """The SHA-256 of a media file, or None when it is not there."""
    try:
        with default_storage.open(name, "rb") as handle:
            return backup.sha256_of(handle)
    except FileNotFoundError:
        return None


def _recorded():
    """(file name, SHA-256 the database holds, what it is) of every file whose checksum the database keeps."""
    sealed = SignedDocument.objects.filter(status=SignedDocument.Status.DONE).exclude(file="")
    for document in sealed.select_related("meeting__body").order_by("pk"):
        yield document.file.name, document.sha256, f"sealed PDF of {document.meeting}"
    for attachment in Attachment.objects.exclude(file="").order_by("pk"):
        yield attachment.file.name, attachment.sha256, f"attachment {attachment.pk}"
    for model in (PendingImport, ImportDocument):
        for pk, name, digest in model.objects.exclude(original="").values_list("pk", "original", "sha256"):
            yield name, digest, f"imported original ({model._meta.model_name} {pk})"


def check_records():
    """Every file the database holds a checksum for: [Problem], and how many were checked."""
    problems, checked = [], 0
    for name, expected, what in _recorded():
        checked += 1
        actual = stored_sha256(name)
        if actual is None:
            problems.append(Problem(name, "missing", what))
        elif actual != expected:
            problems.append(Problem(name, "changed", what))
    return problems, checked


def check_against_manifest(manifest):
    """Every media file of the archive's manifest, as it is in the storage now (files added since are not asked)."""
    problems = []
    for name, expected in sorted(manifest.media().items()):
        actual = stored_sha256(name)
        if actual != expected:
            problems.append(Problem(name, "missing" if actual is None else "changed", "differs from the backup"))
    return problems


def check_archive(archive_path):
    """The archive's own members against its manifest, and the storage's files against it."""
    manifest = backup.read_manifest(archive_path)
    inside = [
        Problem(name, state, f"member of {archive_path}")
        for name, state in backup.check_members(archive_path, manifest)
    ]
    return inside + check_against_manifest(manifest), len(manifest.members)
