"""The bulk import: an upload (many files, or zip archives) becomes a batch of documents. The web request only
checks and stores them and queues one task each; the worker (meetings.importing.tasks) reads each and keeps the
result as a pending import. Nothing is held in memory whole: a zip's members pass through temporary files one at a
time (archives.py), a file to storage a megabyte at a time, and what one upload unpacks to is bounded by
FINSAM_UPLOAD_MAX_UNPACKED_MB."""

import contextlib
import hashlib
import uuid
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User as UserModel
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from federations.models import Federation
from federations.permissions import roles_for
from finsam.audit import log_action
from finsam.types import Actor
from meetings.importing import archives, tasks
from meetings.importing.readers import MAX_BYTES, UnreadableDocument, check_upload
from meetings.models import Attachment, ImportBatch, ImportDocument, PendingImport

MAX_BATCH_DOCUMENTS = 500


def _is_archive(upload: UploadedFile) -> bool:
    return Path(upload.name or "").suffix.lower() == ".zip"


def _sha256(file: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def _incoming(
    uploads: list[UploadedFile], files: contextlib.ExitStack
) -> tuple[list[archives.Member], list[archives.Skipped]]:
    """The documents of the upload (the files, and the members of every zip) and what was left out, with why. The
    temporary files of the members are closed (and so removed) with `files`. Raises ValidationError when the upload
    unpacks to more than FINSAM_UPLOAD_MAX_UNPACKED_MB."""
    limit = settings.FINSAM_UPLOAD_MAX_UNPACKED_MB * 1024 * 1024
    budget = limit
    members: list[archives.Member] = []
    skipped: list[archives.Skipped] = []
    for upload in uploads:
        name = upload.name or ""
        if upload.file is None:
            continue
        if _is_archive(upload):
            try:
                found, left_out = archives.documents(upload.file, upload.size or 0, budget=budget)
            except archives.ArchiveRefused as exc:
                if exc.code == "too_much_unpacked":  # the upload as a whole, not this archive alone
                    raise ValidationError(archives.too_much_unpacked(limit).message) from exc
                skipped.append(archives.Skipped(name, exc.message))
                continue
            for member in found:
                files.callback(member.file.close)
            members += found
            budget -= sum(member.size for member in found)
            skipped += [archives.Skipped(f"{name}/{s.name}", s.reason) for s in left_out]
            continue
        size = upload.size or 0
        if size > MAX_BYTES:
            skipped.append(archives.Skipped(name, _("Filen är större än 20 MB.")))
            continue
        try:
            check_upload(upload.file, name)
        except UnreadableDocument as exc:
            skipped.append(archives.Skipped(name, exc.message))
            continue
        if size > budget:
            raise ValidationError(archives.too_much_unpacked(limit).message)
        budget -= size
        members.append(archives.Member(name[:255], upload.file, size, _sha256(upload)))
    return members, skipped


def _already_imported(actor: UserModel, federation: Federation | None, hashes: set[str]) -> dict[str, str]:
    """{sha256: why} for the originals that are already pending, being read or imported where the uploader works."""
    roles = roles_for(actor)
    federations = set(roles.secretary_of) | ({federation.pk} if federation else set())
    mine = Q(uploaded_by=actor) | Q(federation__in=federations)
    found: dict[str, str] = {}
    for sha in ImportDocument.objects.filter(
        Q(batch__uploaded_by=actor) | Q(batch__federation__in=federations),
        sha256__in=hashes,
        status__in=[ImportDocument.Status.QUEUED, ImportDocument.Status.READING, ImportDocument.Status.FAILED],
    ).values_list("sha256", flat=True):
        found[sha] = _("samma fil finns redan i en import som inte är klar")
    for sha in PendingImport.objects.filter(mine, sha256__in=hashes).values_list("sha256", flat=True):
        found[sha] = _("samma fil väntar redan på granskning")
    imported = Attachment.objects.filter(meeting__imported=True, sha256__in=hashes)
    if not roles.superuser:
        imported = imported.filter(meeting__body__federation__in=federations)
    for sha in imported.values_list("sha256", flat=True):
        found[sha] = _("samma fil är redan importerad")
    return found


def _batch_federation(actor: UserModel) -> Federation | None:
    roles = roles_for(actor)
    if len(roles.secretary_of) == 1:
        return Federation.objects.filter(pk__in=roles.secretary_of).first()
    return None


@transaction.atomic
def import_batch_create(*, actor: UserModel, uploads: list[UploadedFile]) -> ImportBatch:
    """Check and store every uploaded document (the files, the members of zip archives) as a batch, and queue one
    task each to read it. Nothing is read here: that is the worker's. What is left out (OS files, types the importer
    does not take, duplicates of what is already pending or imported) is noted on the batch; an upload with nothing
    to read is refused with every reason."""
    with contextlib.ExitStack() as files:
        return _create(actor, *_incoming(uploads, files))


def _create(actor: UserModel, members: list[archives.Member], skipped: list[archives.Skipped]) -> ImportBatch:
    if len(members) > MAX_BATCH_DOCUMENTS:
        raise ValidationError(
            _("En uppladdning får ha högst %(max)s dokument; den här har %(count)s. Dela upp den.")
            % {"max": MAX_BATCH_DOCUMENTS, "count": len(members)}
        )
    federation = _batch_federation(actor)
    hashed = [(member, member.sha256) for member in members]
    known = _already_imported(actor, federation, {sha for _member, sha in hashed})
    accepted: list[tuple[archives.Member, str]] = []
    seen: set[str] = set()
    for member, sha in hashed:
        if sha in known:
            skipped.append(archives.Skipped(member.name, known[sha]))
        elif sha in seen:
            skipped.append(archives.Skipped(member.name, _("samma fil finns två gånger i uppladdningen")))
        else:
            seen.add(sha)
            accepted.append((member, sha))
    if not accepted:
        raise ValidationError([f"{s.name}: {s.reason}" for s in skipped] or _("Inga dokument att läsa."))
    batch = ImportBatch.objects.create(
        uploaded_by=actor, federation=federation, skipped=[{"name": s.name, "reason": str(s.reason)} for s in skipped]
    )
    documents = [
        ImportDocument.objects.create(
            batch=batch,
            # stored a megabyte at a time (File.chunks), from the temporary file or the uploaded one
            original=File(member.file, name=f"{uuid.uuid4().hex}{Path(member.name).suffix.lower()}"),
            original_name=member.name,
            sha256=sha,
            size=member.size,
        )
        for member, sha in accepted
    ]
    log_action(
        "meetings.import.batch_uploaded",
        actor=actor,
        obj=batch,
        federation=federation,
        documents=len(documents),
        skipped=len(batch.skipped),
    )
    transaction.on_commit(partial(tasks.queue_documents, [document.pk for document in documents]))
    return batch


@transaction.atomic
def import_document_retry(*, actor: Actor, document: ImportDocument) -> ImportDocument:
    """Read a document that failed once more (OCR installed since, a worker that was down): queued again, alone."""
    updated = ImportDocument.objects.filter(pk=document.pk, status=ImportDocument.Status.FAILED).update(
        status=ImportDocument.Status.QUEUED,
        error="",
        error_code="",
        attempts=0,
        claim="",
        claimed_at=None,
        queued_at=None,
        finished=None,
    )
    if not updated:
        raise ValidationError(_("Bara ett dokument som inte kunde läsas kan läsas om."))
    log_action(
        "meetings.import.document_retried",
        actor=actor,
        obj=document,
        federation=document.batch.federation,
        name=document.original_name,
    )
    transaction.on_commit(partial(tasks.queue_documents, [document.pk]))
    document.refresh_from_db()
    return document


@transaction.atomic
def import_document_discard(*, actor: Actor, document: ImportDocument) -> None:
    """Let go of a document that could not be read (or still waits for the worker), with its file."""
    locked = ImportDocument.objects.select_for_update().filter(pk=document.pk).first()
    if locked is None or locked.status not in (ImportDocument.Status.FAILED, ImportDocument.Status.QUEUED):
        raise ValidationError(_("Dokumentet läses just nu eller är redan läst; ta bort det från granskningen."))
    log_action(
        "meetings.import.document_discarded",
        actor=actor,
        obj=locked,
        federation=locked.batch.federation,
        name=locked.original_name,
    )
    storage, name = locked.original.storage, locked.original.name
    locked.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
