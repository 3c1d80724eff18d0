"""Turn a parsed document into a meeting, in one transaction, matched to the register where it can be; keep an
uploaded document as a pending import until the secretary has reviewed it."""

import datetime
import hashlib
import html
import re
import uuid
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from django.contrib.auth.models import User as UserModel
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Body, Federation, Mandate, MemberOrganisation, Person, active_on
from federations.permissions import roles_for
from federations.services import person_save
from finsam.audit import log_action
from finsam.types import Actor
from meetings.drafting.services import renumber
from meetings.guards import meeting_for_writing
from meetings.importing import (
    MAX_BYTES,
    Reading,
    UnreadableDocument,
    archives,
    check_file,
    matching,
    parse_text,
)
from meetings.importing import tasks as import_tasks
from meetings.importing.matching import AttendeeChoice
from meetings.models import (
    AgendaItem,
    Assignment,
    Attachment,
    Attendance,
    Decision,
    ImportBatch,
    ImportDocument,
    Meeting,
    PendingImport,
    Recusal,
    Reservation,
    Vote,
)
from meetings.register.indexing import index_meeting

from .schema import Attendee, Item, ParsedMinutes
from .schema import Decision as ParsedDecision

ROLE_MAP = {
    "ordförande": Attendance.Role.CHAIR,
    "vice ordförande": Attendance.Role.FIRST_VICE_CHAIR,
    "1:e vice ordförande": Attendance.Role.FIRST_VICE_CHAIR,
    "2:e vice ordförande": Attendance.Role.SECOND_VICE_CHAIR,
    "ledamot": Attendance.Role.MEMBER,
    "ersättare": Attendance.Role.SUBSTITUTE,
    "tjänstgörande ersättare": Attendance.Role.SUBSTITUTE,
    "förbundschef": Attendance.Role.DIRECTOR,
    "tf förbundschef": Attendance.Role.DIRECTOR,
    "sekreterare": Attendance.Role.SECRETARY,
    "adjungerad": Attendance.Role.CO_OPTED,
    "revisor": Attendance.Role.AUDITOR,
}
STATUS_MAP = {
    "närvarande": Attendance.Status.PRESENT,
    "frånvarande": Attendance.Status.ABSENT,
    "anmält förhinder": Attendance.Status.EXCUSED,
}
OUTCOME_MAP = {
    "bifall": Decision.Outcome.APPROVED,
    "avslag": Decision.Outcome.REJECTED,
    "återremiss": Decision.Outcome.REFERRED_BACK,
    "bordläggning": Decision.Outcome.TABLED,
    "lägga till handlingarna": Decision.Outcome.NOTED,
    "uppdrag": Decision.Outcome.ASSIGNMENT,
}
VOTE_MAP = {"ja": Vote.Choice.YES, "nej": Vote.Choice.NO, "avstår": Vote.Choice.ABSTAIN}
COUNTED_METHODS = ("omröstning", "sluten omröstning")
BODY_KINDS = {
    "Arbetsutskottet": Body.Kind.WORKING_COMMITTEE,
    "Beredningsgruppen": Body.Kind.PREPARATORY,
    "Styrgruppen": Body.Kind.STEERING,
    "Medlemssamrådet": Body.Kind.MEMBERS,
    "Presidierna": Body.Kind.NETWORK,
    "Styrelsen": Body.Kind.BOARD,
}


def match_federation(name: str | None) -> Federation | None:
    """The federation a document's "Samordningsförbundet X" names, by name or short name."""
    if not name:
        return None
    core = re.sub(r"^samordningsförbunde[nt]\s+", "", name, flags=re.I).strip()
    return (
        Federation.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=core) | Q(name__icontains=core)).first()
        if core
        else None
    )


def match_body(federation: Federation | None, body_name: str | None) -> Body | None:
    if federation is None or not body_name:
        return None
    kind = BODY_KINDS.get(body_name)
    return Body.objects.filter(federation=federation, kind=kind).first() if kind else None


def _match_organisation(
    name: str | None, federation: Federation | None
) -> tuple[MemberOrganisation | None, Federation | None]:
    if not name:
        return None, None
    organisation = (
        MemberOrganisation.objects.filter(name__iexact=name).first()
        or MemberOrganisation.objects.filter(name__istartswith=name).first()
    )
    if organisation:
        return organisation, None
    represented = Federation.objects.filter(Q(short_name__iexact=name) | Q(name__icontains=name)).first()
    return None, represented


def text_to_html(text: str | None) -> str:
    paragraphs = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


class People:
    """Whom the names of one document are: the secretary's choice for each attendee, else the register's sure match
    among the people in scope (matching.candidates_for, loaded once), never another federation's namesake."""

    def __init__(self, candidates: list[matching.Candidate], choices: Mapping[str, AttendeeChoice]):
        self.candidates = candidates
        self.choices = choices
        self.by_pk = {candidate.person.pk: candidate.person for candidate in candidates}
        self.attendees: dict[str, Person | None] = {}  # folded name -> whom the attendee became (None: no link)

    def check(self, attendees: list[Attendee]) -> None:
        """Refuse, before anything is written, a choice of someone who is not in scope (another federation's
        person, a tampered id)."""
        problems = [
            _("%(name)s: den valda personen finns inte bland förbundets personer. Välj igen.") % {"name": entry["name"]}
            for entry in attendees
            if (choice := self.choices.get(entry["name"]))
            and choice.action == AttendeeChoice.PERSON
            and choice.person_id not in self.by_pk
        ]
        if problems:
            raise ValidationError(problems)

    def choice_for(self, entry: Attendee) -> AttendeeChoice:
        return self.choices.get(entry["name"]) or AttendeeChoice(AttendeeChoice.AUTOMATIC)

    def sure(self, name: str, organisation: str | None = None) -> Person | None:
        return matching.sure_match(matching.suggest(name, organisation, self.candidates))

    def named(self, name: str | None) -> Person | None:
        """The person a name in the text (chair, secretary, justerare, an assignment's owner) is: the attendee of that
        name as the secretary matched them, else the register's sure match."""
        if not name:
            return None
        folded = matching.fold(name)
        for attendee, person in self.attendees.items():
            if matching.same_name(folded, attendee):
                return person
        return self.sure(name)


@transaction.atomic
def save_parsed(
    parsed: ParsedMinutes,
    *,
    body: Body,
    actor: Actor = None,
    source_name: str = "",
    source_bytes: bytes = b"",
    recognised_text: str = "",
    date: datetime.date | None = None,
    keep_as_draft: bool = False,
    choices: Mapping[str, AttendeeChoice] | None = None,
) -> Meeting:
    """Create the meeting with its attendance (each attendee linked to the person the secretary chose in `choices`,
    by the attendee's name as parsed; a new person; the name alone; or left out), items, decisions with their
    votes, reservations and jäv, and assignments; the file is kept as an attachment, and beside it the text OCR
    recognised in it (`recognised_text`) when it was a scan. All or nothing."""
    iso_date = parsed.get("date")
    day = date or (datetime.date.fromisoformat(iso_date) if iso_date else None)
    if day is None:
        raise ValidationError({"date": _("Dokumentet saknar datum. Ange mötets datum.")})
    federation = body.federation
    attendees = parsed.get("attendance") or []
    people = People(matching.candidates_for(body=body, on_date=day), choices or {})
    people.check(attendees)
    start, end = parsed.get("start_time"), parsed.get("end_time")
    signed = parsed.get("signed_on_paper") and not keep_as_draft
    if keep_as_draft:
        status = Meeting.Status.DRAFT
    elif parsed["kind"] == "protokoll":
        status = Meeting.Status.JUSTERAT if signed else Meeting.Status.DRAFT
    else:
        status = Meeting.Status.APPROVED
    meeting = Meeting.objects.create(
        body=body,
        date=day,
        record_kind=Body.RecordKind.MINUTES if parsed["kind"] == "protokoll" else Body.RecordKind.NOTES,
        title=parsed.get("title", "")[:300],
        place=(parsed.get("place") or "")[:300],
        secretary_title=(parsed.get("secretary_title") or "")[:100],
        imported=True,
        signed_on_paper=bool(signed),
        paper_signers=", ".join(parsed.get("adjusters") or []) if signed else "",
        status=Meeting.Status.DRAFT,
        start_time=datetime.time.fromisoformat(start) if start else None,
        end_time=datetime.time.fromisoformat(end) if end else None,
    )
    attendances = _save_attendance(meeting, attendees, federation, people, actor)
    meeting.secretary = people.named(parsed.get("secretary"))
    justerare = [p for p in (people.named(name) for name in parsed.get("adjusters") or []) if p]
    meeting.justerare.set(justerare)
    # The chair the document names ("ordförande" in the attendance, or who signed as such); else, as protocols are
    # signed, the first of the justerare.
    meeting.chair = people.named(parsed.get("chair")) or (justerare[0] if justerare else None)
    for position, item_data in enumerate(parsed.get("items") or [], start=1):
        _save_item(meeting, position, item_data, people, attendances)
    renumber_if_unnumbered(meeting)
    if source_bytes:
        Attachment.objects.create(
            meeting=meeting,
            name=source_name[:255] or "original",
            content_type="application/octet-stream",
            size=len(source_bytes),
            sha256=hashlib.sha256(source_bytes).hexdigest(),
            file=ContentFile(source_bytes, name=source_name or "original"),
        )
    if recognised_text:
        recognised = recognised_text.encode()
        name = f"{Path(source_name or 'original').stem}.ocr.txt"
        Attachment.objects.create(
            meeting=meeting,
            name=name[:255],
            content_type="text/plain; charset=utf-8",
            size=len(recognised),
            sha256=hashlib.sha256(recognised).hexdigest(),
            file=ContentFile(recognised, name=name),
        )
    meeting.status = status
    meeting.save()
    index_meeting(meeting)
    log_action(
        "meetings.minutes.imported",
        actor=actor,
        obj=meeting,
        federation=federation,
        source=source_name,
        items=len(parsed.get("items") or []),
        warnings=parsed.get("warnings") or [],
        linked=sum(1 for person in people.attendees.values() if person is not None),
    )
    return meeting


def renumber_if_unnumbered(meeting: Meeting) -> None:
    """Keep the document's own § numbers; number the items only when the document had none."""
    if not meeting.items.filter(number__isnull=False).exists():
        renumber(meeting)


# Roles that are the person's whatever body they sit in: a tjänsteperson is not a ledamot in the next room.
STAFF_ROLES = (Mandate.Role.DIRECTOR, Mandate.Role.SECRETARY, Mandate.Role.OFFICER, Mandate.Role.AUDITOR)


def _registered_role(person: Person | None, meeting: Meeting) -> tuple[str, str] | None:
    """The role and title the register gives a person at the meeting, when the document names none: their
    mandate in the body on the day, else a staff mandate in another body of the same federation (or network)."""
    if person is None:
        return None
    mandates = Mandate.objects.filter(active_on(meeting.date), person=person).order_by("start", "id")
    body = meeting.body
    owner = Q(body__federation=body.federation) if body.federation_id else Q(body__network=body.network)
    mandate = mandates.filter(body=body).first() or mandates.filter(owner, role__in=STAFF_ROLES).first()
    return (mandate.role, mandate.role_title) if mandate else None


class Attendances(dict[str, Attendance]):
    """The meeting's attendance rows by folded name, to hang votes, reservations, jäv and service on."""

    def named(self, name: str) -> Attendance | None:
        folded = matching.fold(name)
        return self.get(folded) or next((a for key, a in self.items() if matching.same_name(folded, key)), None)


def _save_attendance(
    meeting: Meeting, attendees: list[Attendee], federation: Federation | None, people: People, actor: Actor
) -> Attendances:
    rows = Attendances()
    for entry in attendees:
        choice = people.choice_for(entry)
        folded = matching.fold(entry["name"])
        if choice.action == AttendeeChoice.SKIP:
            people.attendees[folded] = None
            continue
        if choice.action == AttendeeChoice.PERSON and choice.person_id is not None:  # checked: in scope
            person = people.by_pk[choice.person_id]
        elif choice.action == AttendeeChoice.NEW:
            name = (choice.new_name or entry["name"]).strip()[:200]
            person = person_save(actor=actor, federation=federation, name=name)
        elif choice.action == AttendeeChoice.NAME_ONLY:
            person = None
        else:
            person = people.sure(entry["name"], entry.get("organisation"))
        people.attendees[folded] = person
        role_text = (entry.get("role") or "").strip()
        role: str | None = ROLE_MAP.get(role_text.lower())
        title = role_text[:100] if not role or role_text.startswith("tf") else ""
        registered = None if role_text else _registered_role(person, meeting)
        if registered:
            role, title = registered
        organisation, represents = _match_organisation(entry.get("organisation"), federation)
        rows[folded] = Attendance.objects.create(
            meeting=meeting,
            person=person,
            name=entry["name"][:200],
            role=role or (Attendance.Role.OFFICER if role_text else Attendance.Role.MEMBER),
            role_title=title,
            status=STATUS_MAP.get(entry.get("status"), Attendance.Status.PRESENT),
            organisation=choice.organisation or organisation,
            represents=represents,
            paragraphs=(entry.get("paragraphs") or "")[:100],
            position=len(rows),
        )
    for entry in attendees:  # an ersättare serves for a ledamot listed anywhere in the attendance
        row, served = rows.get(matching.fold(entry["name"])), rows.named(entry.get("serving_for") or "")
        if row is not None and served is not None and served != row:
            row.serving_for = served
            row.save(update_fields=["serving_for"])
    return rows


def _save_item(meeting: Meeting, position: int, data: Item, people: People, attendances: Attendances) -> AgendaItem:
    raw_number = data.get("number")
    number = int(raw_number) if raw_number and str(raw_number).isdigit() else None
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        number=number,
        heading=(data.get("title") or _("Ärende"))[:300],
        kind=AgendaItem.Kind.DECISION if data.get("decisions") else AgendaItem.Kind.INFORMATION,
        text=text_to_html(data.get("text")),
        immediate_justering=bool(data.get("immediate")),
    )
    for name in dict.fromkeys(data.get("recused") or []):
        if (attendance := attendances.named(name)) is not None:
            Recusal.objects.get_or_create(item=item, attendance=attendance)
    decisions: list[Decision] = []
    for index, parsed_decision in enumerate(data.get("decisions") or []):
        decisions.append(_save_decision(item, index, parsed_decision, attendances))
    for assignment in data.get("assignments") or []:
        Assignment.objects.create(
            item=item,
            decision=decisions[-1] if decisions else None,
            owner=people.named(assignment["who"]),
            owner_name=assignment["who"][:200],
            what=assignment["what"],
        )
    return item


def _save_decision(item: AgendaItem, index: int, data: ParsedDecision, attendances: Attendances) -> Decision:
    votes = data.get("votes")
    named_votes = data.get("named_votes") or {}
    decision = Decision.objects.create(
        item=item,
        position=index,
        text=data["text"],
        outcome=OUTCOME_MAP.get(data.get("outcome") or "", Decision.Outcome.APPROVED),
        method=(
            Decision.Method.VOTE
            if votes or named_votes or data.get("method") in COUNTED_METHODS
            else Decision.Method.ACCLAMATION
        ),
        votes_yes=votes.get("ja") if votes else None,
        votes_no=votes.get("nej") if votes else None,
        votes_abstain=votes.get("avstår") if votes else None,
    )
    voted = set()
    for name, choice in named_votes.items():
        attendance = attendances.named(name)
        if attendance is not None and choice in VOTE_MAP and attendance.pk not in voted:
            voted.add(attendance.pk)
            Vote.objects.create(decision=decision, attendance=attendance, choice=VOTE_MAP[choice])
    reserved = {a.pk: a for a in (attendances.named(name) for name in data.get("reservations") or []) if a}
    for attendance in reserved.values():
        Reservation.objects.create(decision=decision, attendance=attendance)
    return decision


def _parse(text: str) -> ParsedMinutes:
    """The parser's reading of the text; a text it cannot read is refused on the form's text field."""
    try:
        return parse_text(text)
    except UnreadableDocument as exc:
        raise ValidationError({"text": exc.message}) from exc


def _federation_for(actor: Actor, parsed: ParsedMinutes) -> Federation | None:
    """The federation whose secretaries share the pending import: the one the document names, when the uploader
    writes for it, else the uploader's only federation; none (the uploader's alone) when that is not clear."""
    roles = roles_for(actor)
    named = match_federation(parsed.get("organisation"))
    if named is not None and roles.can_write(named.pk):
        return named
    if len(roles.secretary_of) == 1:
        return Federation.objects.filter(pk__in=roles.secretary_of).first()
    return None


@transaction.atomic
def pending_import_reparse(*, actor: Actor, pending_import: PendingImport, text: str) -> PendingImport:
    """Keep the corrected text and what the parser now makes of it."""
    pending_import.parsed = _parse(text)
    pending_import.text = text
    pending_import.save(update_fields=["text", "parsed", "updated"])
    log_action("meetings.import.reparsed", actor=actor, obj=pending_import, federation=pending_import.federation)
    return pending_import


def _original_bytes(pending_import: PendingImport, text: str) -> bytes:
    try:
        with pending_import.original.open("rb") as original:
            return original.read()
    except FileNotFoundError:  # the stored file was removed by hand: keep the text the secretary reviewed
        return text.encode()


@transaction.atomic
def pending_import_save(
    *,
    actor: Actor,
    pending_import: PendingImport,
    text: str,
    body: Body,
    date: datetime.date | None = None,
    choices: Mapping[str, AttendeeChoice] | None = None,
) -> Meeting:
    """Create the meeting from the reviewed text, each attendee as the secretary matched them (`choices`, by the
    attendee's name), as a draft (the original file becomes its attachment, with the text OCR recognised in a scan
    beside it), and let the pending import go."""
    meeting = save_parsed(
        _parse(text),
        body=body,
        actor=actor,
        source_name=pending_import.original_name,
        source_bytes=_original_bytes(pending_import, text),
        recognised_text=pending_import.ocr_text,
        date=date,
        keep_as_draft=True,  # reviewed first; filing it is a separate, explicit step (imported_record_file)
        choices=choices,
    )
    _remove(pending_import)
    return meeting


@transaction.atomic
def imported_record_file(*, actor: Actor, meeting: Meeting) -> Meeting:
    """Lägg till handlingarna: an imported historical record, reviewed and corrected as a draft, becomes the record.
    A protokoll is noted as justerat on paper by its justerare (and chair); minnesanteckningar as approved. From then
    on it is frozen like any justerat record."""
    meeting = meeting_for_writing(meeting.pk)
    if not meeting.imported or meeting.status != Meeting.Status.DRAFT:
        raise ValidationError(_("Bara ett importerat utkast kan läggas till handlingarna här."))
    if meeting.is_protocol:
        signers = [meeting.chair.name] if meeting.chair else []
        signers += [person.name for person in meeting.justerare.order_by("name") if person.name not in signers]
        meeting.signed_on_paper = True
        meeting.paper_signers = ", ".join(signers)
        meeting.status = Meeting.Status.JUSTERAT
    else:
        meeting.status = Meeting.Status.APPROVED
    meeting.save(update_fields=["signed_on_paper", "paper_signers", "status", "updated"])
    index_meeting(meeting)
    log_action("meetings.minutes.filed", actor=actor, obj=meeting, federation=meeting.body.federation)
    return meeting


@transaction.atomic
def pending_import_discard(*, actor: Actor, pending_import: PendingImport) -> None:
    log_action(
        "meetings.import.discarded",
        actor=actor,
        obj=pending_import,
        federation=pending_import.federation,
        name=pending_import.original_name,
    )
    _remove(pending_import)


def _remove(pending_import: PendingImport) -> None:
    """Delete the row now and its file once the deletion is committed (a rollback keeps both)."""
    storage, name = pending_import.original.storage, pending_import.original.name
    pending_import.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# The bulk import: an upload (many files, or zip archives) becomes a batch of documents; the web request only checks
# and stores them and queues one task each; the worker (meetings.importing.tasks) reads each and stores the result
# through import_document_store. (This module and the tasks import each other at module level, each using the
# other only when called: the service queues the task, the task stores through the service.)

MAX_BATCH_DOCUMENTS = 500


def _is_archive(upload: UploadedFile) -> bool:
    return Path(upload.name or "").suffix.lower() == ".zip"


def _incoming(uploads: list[UploadedFile]) -> tuple[list[archives.Member], list[archives.Skipped]]:
    """The documents of the upload (the files, and the members of every zip) and what was left out, with why."""
    members: list[archives.Member] = []
    skipped: list[archives.Skipped] = []
    for upload in uploads:
        name = upload.name or ""
        if _is_archive(upload) and upload.file is not None:
            try:
                found, left_out = archives.documents(upload.file, upload.size or 0)
            except archives.ArchiveRefused as exc:
                skipped.append(archives.Skipped(name, exc.message))
                continue
            members += found
            skipped += [archives.Skipped(f"{name}/{s.name}", s.reason) for s in left_out]
            continue
        if (upload.size or 0) > MAX_BYTES:
            skipped.append(archives.Skipped(name, _("Filen är större än 20 MB.")))
            continue
        data = upload.read()
        try:
            check_file(data, name)
        except UnreadableDocument as exc:
            skipped.append(archives.Skipped(name, exc.message))
            continue
        members.append(archives.Member(name[:255], data))
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
    members, skipped = _incoming(uploads)
    if len(members) > MAX_BATCH_DOCUMENTS:
        raise ValidationError(
            _("En uppladdning får ha högst %(max)s dokument; den här har %(count)s. Dela upp den.")
            % {"max": MAX_BATCH_DOCUMENTS, "count": len(members)}
        )
    federation = _batch_federation(actor)
    hashed = [(member, hashlib.sha256(member.data).hexdigest()) for member in members]
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
            original=ContentFile(member.data, name=f"{uuid.uuid4().hex}{Path(member.name).suffix.lower()}"),
            original_name=member.name,
            sha256=sha,
            size=len(member.data),
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
    transaction.on_commit(partial(import_tasks.queue_documents, [document.pk for document in documents]))
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
    transaction.on_commit(partial(import_tasks.queue_documents, [document.pk]))
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


def import_document_store(*, document: ImportDocument, token: str, reading: Reading, parsed: ParsedMinutes) -> bool:
    """The worker's result: the document becomes a pending import (its original file goes with it), if the worker
    still holds its claim. False when it does not (its lease expired and another worker took over): nothing is
    stored, so a document is never imported twice."""
    with transaction.atomic():
        held = (
            ImportDocument.objects.select_for_update()
            .select_related("batch__uploaded_by")
            .filter(pk=document.pk, status=ImportDocument.Status.READING, claim=token)
            .first()
        )
        if held is None:
            return False
        uploader = held.batch.uploaded_by
        pending = PendingImport.objects.create(
            uploaded_by=uploader,
            federation=_federation_for(uploader, parsed) or held.batch.federation,
            original=held.original.name,
            original_name=held.original_name,
            sha256=held.sha256,
            text=reading.text,
            ocr_text=reading.ocr_text,
            parsed=parsed,
        )
        held.status = ImportDocument.Status.DONE
        held.pending_import = pending
        held.claim = ""
        held.error = held.error_code = ""
        held.finished = timezone.now()
        held.save(update_fields=["status", "pending_import", "claim", "error", "error_code", "finished"])
        log_action(
            "meetings.import.uploaded",
            actor=uploader,
            obj=pending,
            federation=pending.federation,
            name=pending.original_name,
            sha256=pending.sha256,
            ocr=bool(reading.ocr_text),
        )
    return True
