"""Turn a parsed document into a meeting, in one transaction, matched to the register where it can be; keep an
uploaded document as a pending import until the secretary has reviewed it."""

import datetime
import hashlib
import html
import re
import uuid
from pathlib import Path

from django.contrib.auth.models import User as UserModel
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Body, Federation, Mandate, MemberOrganisation, Person, active_on
from federations.permissions import people_for_bodies, roles_for
from finsam.audit import log_action
from finsam.types import Actor
from meetings.drafting.services import renumber
from meetings.guards import meeting_for_writing
from meetings.importing import MAX_BYTES, UnreadableDocument, parse_text, read_document
from meetings.models import AgendaItem, Assignment, Attachment, Attendance, Decision, Meeting, PendingImport
from meetings.register.indexing import index_meeting

from .schema import Attendee, Item, ParsedMinutes

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


def people_in_scope(body: Body) -> QuerySet[Person]:
    """Whom a document imported into `body` may name: the people of its federation (or network), never another
    federation's namesakes (as chair or justerare they would become signers of this federation's record)."""
    return Person.objects.filter(pk__in=people_for_bodies([body], timezone.localdate()).values("pk"))


def match_person(name: str | None, people: QuerySet[Person] | None = None) -> Person | None:
    """A person among `people` (the whole register if not given) by exact name, or by the name without spaces (PDF
    extraction splits words)."""
    if not name:
        return None
    people = Person.objects.all() if people is None else people
    person = people.filter(name__iexact=name).first()
    if person is None and " " in name:
        squeezed = name.replace(" ", "").lower()
        candidates = people.filter(name__istartswith=name.split()[0])
        person = next((p for p in candidates if p.name.replace(" ", "").lower() == squeezed), None)
    return person


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


@transaction.atomic
def save_parsed(
    parsed: ParsedMinutes,
    *,
    body: Body,
    actor: Actor = None,
    source_name: str = "",
    source_bytes: bytes = b"",
    date: datetime.date | None = None,
    keep_as_draft: bool = False,
) -> Meeting:
    """Create the meeting with its attendance, items, decisions and assignments; the file is kept as an attachment."""
    iso_date = parsed.get("date")
    day = date or (datetime.date.fromisoformat(iso_date) if iso_date else None)
    if day is None:
        raise ValidationError({"date": _("Dokumentet saknar datum. Ange mötets datum.")})
    federation = body.federation
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
        secretary=match_person(parsed.get("secretary"), people_in_scope(body)),
        secretary_title=(parsed.get("secretary_title") or "")[:100],
        imported=True,
        signed_on_paper=bool(signed),
        paper_signers=", ".join(parsed.get("adjusters") or []) if signed else "",
        status=Meeting.Status.DRAFT,
        start_time=datetime.time.fromisoformat(start) if start else None,
        end_time=datetime.time.fromisoformat(end) if end else None,
    )
    people = people_in_scope(body)
    justerare = [p for p in (match_person(name, people) for name in parsed.get("adjusters") or []) if p]
    meeting.justerare.set(justerare)
    # The chair the document names ("ordförande" in the attendance, or who signed as such); else, as protocols are
    # signed, the first of the justerare.
    meeting.chair = match_person(parsed.get("chair"), people) or (justerare[0] if justerare else None)
    _save_attendance(meeting, parsed.get("attendance") or [], federation)
    for position, item_data in enumerate(parsed.get("items") or [], start=1):
        _save_item(meeting, position, item_data)
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


def _save_attendance(meeting: Meeting, people: list[Attendee], federation: Federation | None) -> None:
    for position, entry in enumerate(people):
        person = match_person(entry["name"], people_in_scope(meeting.body))
        role_text = (entry.get("role") or "").strip()
        role: str | None = ROLE_MAP.get(role_text.lower())
        title = role_text[:100] if not role or role_text.startswith("tf") else ""
        registered = None if role_text else _registered_role(person, meeting)
        if registered:
            role, title = registered
        organisation, represents = _match_organisation(entry.get("organisation"), federation)
        Attendance.objects.create(
            meeting=meeting,
            person=person,
            name=entry["name"][:200],
            role=role or (Attendance.Role.OFFICER if role_text else Attendance.Role.MEMBER),
            role_title=title,
            status=STATUS_MAP.get(entry.get("status"), Attendance.Status.PRESENT),
            organisation=organisation,
            represents=represents,
            paragraphs=(entry.get("paragraphs") or "")[:100],
            position=position,
        )


def _save_item(meeting: Meeting, position: int, data: Item) -> AgendaItem:
    raw_number = data.get("number")
    number = int(raw_number) if raw_number and str(raw_number).isdigit() else None
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        number=number,
        heading=(data.get("title") or _("Ärende"))[:300],
        kind=AgendaItem.Kind.DECISION if data.get("decisions") else AgendaItem.Kind.INFORMATION,
        text=text_to_html(data.get("text")),
    )
    decisions: list[Decision] = []
    for index, decision in enumerate(data.get("decisions") or []):
        votes = decision.get("votes")
        decisions.append(
            Decision.objects.create(
                item=item,
                position=index,
                text=decision["text"],
                outcome=OUTCOME_MAP.get(decision.get("outcome") or "", Decision.Outcome.APPROVED),
                method=Decision.Method.VOTE if votes else Decision.Method.ACCLAMATION,
                votes_yes=votes.get("ja") if votes else None,
                votes_no=votes.get("nej") if votes else None,
                votes_abstain=votes.get("avstår") if votes else None,
            )
        )
    for assignment in data.get("assignments") or []:
        owner = match_person(assignment["who"], people_in_scope(item.meeting.body))
        Assignment.objects.create(
            item=item,
            decision=decisions[-1] if decisions else None,
            owner=owner,
            owner_name=assignment["who"][:200],
            what=assignment["what"],
        )
    return item


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
def pending_import_create(*, actor: UserModel, upload: UploadedFile) -> PendingImport:
    """Read and parse one uploaded document and keep it, with its original file, for review. A file that is too
    large or cannot be read is refused with its name and the reason."""
    name = upload.name or ""
    if (upload.size or 0) > MAX_BYTES:
        raise ValidationError(f"{name}: " + _("Filen är större än 20 MB."))
    data = upload.read()
    try:
        text = read_document(data, name)
        parsed = parse_text(text)
    except UnreadableDocument as exc:
        raise ValidationError(f"{name}: {exc.message}") from exc
    pending = PendingImport.objects.create(
        uploaded_by=actor,
        federation=_federation_for(actor, parsed),
        original=ContentFile(data, name=f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"),
        original_name=name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        parsed=parsed,
    )
    log_action(
        "meetings.import.uploaded",
        actor=actor,
        obj=pending,
        federation=pending.federation,
        name=pending.original_name,
        sha256=pending.sha256,
    )
    return pending


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
    *, actor: Actor, pending_import: PendingImport, text: str, body: Body, date: datetime.date | None = None
) -> Meeting:
    """Create the meeting from the reviewed text (the original file becomes its attachment) and let the pending
    import go."""
    meeting = save_parsed(
        _parse(text),
        body=body,
        actor=actor,
        source_name=pending_import.original_name,
        source_bytes=_original_bytes(pending_import, text),
        date=date,
        keep_as_draft=True,  # reviewed first; filing it is a separate, explicit step (imported_record_file)
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
