"""Justering: send a protokoll for signing, comment, send back, sign, and freeze it. Every write is audited."""

import datetime
import difflib
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from finsam.audit import log_action

from . import notices, register
from .models import (
    Appeal,
    Correction,
    ItemComment,
    Meeting,
    Notice,
    ProtocolRevision,
    Signature,
    SignedDocument,
)
from .sanitize import html_to_text

DEFAULT_DEADLINE_DAYS = 14
OPEN_FOR_SENDING = (Meeting.Status.PLANNED, Meeting.Status.CALLED, Meeting.Status.DRAFT)


def _audit(action, actor, obj, meeting, **data):
    log_action(action, actor=actor, obj=obj, federation=meeting.body.federation, **data)


# The snapshot that is signed ------------------------------------------------------------------------------------


def snapshot(meeting):
    """The whole record as plain data: what the signers read, what the PDF shows, what the hash covers."""
    from .selectors import attendance_list, meeting_for_editor

    body = meeting.body
    owner = body.federation or body.network
    return {
        "meeting": {
            "id": meeting.pk,
            "federation": owner.name,
            "storage": getattr(owner, "protocol_storage", ""),
            "body": body.name,
            "record_kind": meeting.record_kind,
            "date": meeting.date.isoformat(),
            "start_time": meeting.start_time.strftime("%H:%M") if meeting.start_time else "",
            "end_time": meeting.end_time.strftime("%H:%M") if meeting.end_time else "",
            "place": meeting.place,
            "chair": meeting.chair.name if meeting.chair else "",
            "secretary": meeting.secretary.name if meeting.secretary else "",
            "adjusters": [p.name for p in meeting.adjusters.order_by("name")],
            "adjustment_place_time": meeting.adjustment_place_time,
        },
        "attendance": [
            {
                "name": a.display_name,
                "role": a.role,
                "role_label": a.get_role_display(),
                "role_title": a.role_title,
                "status": a.status,
                "organisation": str(a.organisation or a.represents or ""),
                "serving_for": a.serving_for.display_name if a.serving_for else "",
                "paragraphs": a.paragraphs,
                "remote": a.remote,
            }
            for a in attendance_list(meeting)
        ],
        "items": [_item_snapshot(item) for item in meeting_for_editor(meeting)],
    }


def _item_snapshot(item):
    return {
        "id": item.pk,
        "number": item.number,
        "heading": item.heading,
        "kind": item.get_kind_display(),
        "case_number": item.case_number,
        "immediate": item.immediate_adjustment,
        "text": item.text,
        "recusals": [r.attendance.display_name for r in item.recusals.all()],
        "decisions": [
            {
                "text": d.text,
                "outcome": d.get_outcome_display(),
                "method": d.method,
                "method_label": d.get_method_display(),
                "yes": d.votes_yes,
                "no": d.votes_no,
                "abstain": d.votes_abstain,
                "notes": d.notes,
                "recipients": d.recipients,
                "reservations": [{"name": r.attendance.display_name, "reason": r.reason} for r in d.reservations.all()],
            }
            for d in item.decisions.all()
        ],
        "assignments": [
            {
                "owner": a.owner.name if a.owner else a.owner_name,
                "what": a.what,
                "due": a.due.isoformat() if a.due else "",
            }
            for a in item.assignments.all()
        ],
    }


def print_context(snapshot):
    """What the printed protocol shows beyond the snapshot itself: the header's groups and the § range.
    The signers' preview in the portal uses the same, so they read what will be printed."""
    meeting = snapshot["meeting"]
    numbers = [item["number"] for item in snapshot["items"] if item["number"]]
    return {
        "s": snapshot,
        "meeting": meeting,
        "paragraph_range": f"§ {min(numbers)}–{max(numbers)}" if numbers else "",
        "decision_makers": [a for a in snapshot["attendance"] if _decides(a)],
        "substitutes": [a for a in snapshot["attendance"] if a["role"] == "ersattare" and not a["serving_for"]],
        "others": [a for a in snapshot["attendance"] if not _decides(a) and a["role"] != "ersattare"],
        "adjusters_besides_chair": [name for name in meeting["adjusters"] if name != meeting["chair"]],
    }


def _decides(attendance):
    voting = attendance["role"] in ("ordforande", "vice_ordforande_1", "vice_ordforande_2", "ledamot")
    return attendance["status"] == "narvarande" and (voting or bool(attendance["serving_for"]))


def canonical_json(data):
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(data):
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def describe_changes(old, new):
    """A readable diff between two snapshots, § by §, for the signers."""
    lines = []
    old_items = {item["id"]: item for item in old["items"]}
    new_items = {item["id"]: item for item in new["items"]}
    for item in new["items"]:
        label = f"§ {item['number']} {item['heading']}" if item["number"] else item["heading"]
        before = old_items.get(item["id"])
        if before is None:
            lines.append(_("Nytt ärende: %(label)s") % {"label": label})
            continue
        before_text = _item_lines(before)
        after_text = _item_lines(item)
        if before_text != after_text:
            lines.append(_("Ändrat: %(label)s") % {"label": label})
            diff = difflib.unified_diff(before_text, after_text, lineterm="", n=0)
            lines.extend(f"    {line}" for line in list(diff)[2:] if not line.startswith("@@"))
    for item_id, item in old_items.items():
        if item_id not in new_items:
            lines.append(_("Borttaget: %(heading)s") % {"heading": item["heading"]})
    if old["attendance"] != new["attendance"]:
        lines.append(_("Närvarolistan är ändrad."))
    if old["meeting"] != new["meeting"]:
        lines.append(_("Mötets uppgifter är ändrade."))
    return "\n".join(lines) or _("Inga ändringar i texten.")


def _item_lines(item):
    lines = [item["heading"], *html_to_text(item["text"]).splitlines()]
    for decision in item["decisions"]:
        lines.append(f"{_('Beslut')}: {decision['text']} ({decision['outcome']})")
    return lines


# Sending, commenting, sending back -------------------------------------------------------------------------------


def required_signers(meeting):
    """The chair of the meeting, the justerare, and the secretary ("Vid protokollet")."""
    errors = []
    if meeting.chair is None:
        errors.append(_("Ange mötets ordförande."))
    adjusters = list(meeting.adjusters.all())
    if not adjusters:
        errors.append(_("Ange minst en justerare (under Val av justerare)."))
    if meeting.secretary is None:
        errors.append(_("Ange mötets sekreterare."))
    if errors:
        raise ValidationError(errors)
    signers = [(meeting.chair, Signature.Role.CHAIR)]
    signers += [(person, Signature.Role.ADJUSTER) for person in adjusters if person != meeting.chair]
    signers.append((meeting.secretary, Signature.Role.SECRETARY))
    return signers


def current_revision(meeting):
    """The latest revision of the whole protocol (extracts for omedelbar justering are separate)."""
    return meeting.revisions.filter(kind=ProtocolRevision.Kind.FULL).order_by("-number").first()


def _next_number(meeting):
    last = meeting.revisions.order_by("-number").first()
    return last.number + 1 if last else 1


def adjusted_extract_item_ids(meeting):
    """The §§ already justerade at the meeting (omedelbar justering): they can no longer change."""
    ids = set()
    extracts = meeting.revisions.filter(kind=ProtocolRevision.Kind.EXTRACT).prefetch_related("signatures")
    for extract in extracts:
        if all(s.status == Signature.Status.SIGNED for s in extract.signatures.all()):
            ids.update(extract.item_ids)
    return ids


def ensure_item_editable(item):
    if item.pk in adjusted_extract_item_ids(item.meeting):
        raise ValidationError(_("Paragrafen är omedelbart justerad och kan inte ändras."))


@transaction.atomic
def send_extract_for_adjustment(*, actor, meeting, deadline=None):
    """Omedelbar justering: the §§ marked for it are signed on their own, at the meeting, and get an extract."""
    from . import tasks

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_protocol or meeting.status not in OPEN_FOR_SENDING:
        raise ValidationError(_("Bara ett protokoll under arbete kan ha omedelbart justerade paragrafer."))
    signers = required_signers(meeting)
    done = adjusted_extract_item_ids(meeting)
    waiting = meeting.revisions.filter(kind=ProtocolRevision.Kind.EXTRACT, signatures__status=Signature.Status.PENDING)
    if waiting.exists():
        raise ValidationError(_("Ett protokollsutdrag väntar redan på justering."))
    items = [i for i in meeting.items.filter(immediate_adjustment=True).order_by("position") if i.pk not in done]
    if not items:
        raise ValidationError(_("Markera först de paragrafer som ska justeras omedelbart."))
    data = snapshot(meeting)
    chosen = {item.pk for item in items}
    data["items"] = [item for item in data["items"] if item["id"] in chosen]
    revision = ProtocolRevision.objects.create(
        meeting=meeting,
        number=_next_number(meeting),
        kind=ProtocolRevision.Kind.EXTRACT,
        item_ids=sorted(chosen),
        snapshot=data,
        sha256=digest(data),
        deadline=deadline or meeting.date,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Signature.objects.bulk_create(Signature(revision=revision, person=person, role=role) for person, role in signers)
    _audit("meetings.extract.sent", actor, meeting, meeting, revision=revision.number, items=sorted(chosen))
    transaction.on_commit(lambda: tasks.notify_signers.delay(revision.pk))
    return revision


@transaction.atomic
def send_for_adjustment(*, actor, meeting, deadline=None):
    """Freeze a revision of the record and ask its signers to justera it."""
    from . import tasks

    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_protocol:
        raise ValidationError(_("Minnesanteckningar justeras inte: de läggs till handlingarna."))
    if meeting.status not in OPEN_FOR_SENDING:
        raise ValidationError(_("Protokollet är redan skickat på justering eller justerat."))
    signers = required_signers(meeting)
    if not meeting.items.exists():
        raise ValidationError(_("Protokollet har inga paragrafer."))
    previous = current_revision(meeting)
    data = snapshot(meeting)
    revision = ProtocolRevision.objects.create(
        meeting=meeting,
        number=_next_number(meeting),
        snapshot=data,
        sha256=digest(data),
        changes=describe_changes(previous.snapshot, data) if previous else "",
        deadline=deadline or meeting.date + datetime.timedelta(days=DEFAULT_DEADLINE_DAYS),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Signature.objects.bulk_create(Signature(revision=revision, person=person, role=role) for person, role in signers)
    meeting.status = Meeting.Status.IN_ADJUSTMENT
    meeting.save(update_fields=["status", "updated"])
    _audit(
        "meetings.minutes.sent_for_adjustment",
        actor,
        meeting,
        meeting,
        revision=revision.number,
        sha256=revision.sha256,
    )
    transaction.on_commit(lambda: tasks.notify_signers.delay(revision.pk))
    return revision


def _signer_person(actor):
    from federations.permissions import roles_for

    person = roles_for(actor).person
    if person is None:
        raise ValidationError(_("Ditt konto är inte kopplat till en person i registret."))
    return person


@transaction.atomic
def comment(*, actor, meeting, item, text):
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv en kommentar.")})
    meeting.refresh_from_db(fields=["status"])
    revision = current_revision(meeting)
    if meeting.status != Meeting.Status.IN_ADJUSTMENT or revision is None:
        raise ValidationError(_("Protokollet är inte under justering."))
    comment = ItemComment.objects.create(item=item, revision=revision, author=_signer_person(actor), text=text)
    _audit("meetings.minutes.commented", actor, comment, meeting, item=item.pk)
    return comment


@transaction.atomic
def send_back(*, actor, meeting, reason):
    """A signer returns the protokoll to the secretary with a reason; the revision's signatures lapse."""
    from . import tasks

    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv varför protokollet skickas tillbaka.")})
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    revision = current_revision(meeting)
    if meeting.status != Meeting.Status.IN_ADJUSTMENT:
        raise ValidationError(_("Protokollet är inte under justering."))
    person = _signer_person(actor)
    mine = revision.signatures.filter(person=person, status=Signature.Status.PENDING)
    if not mine.exists():
        raise ValidationError(_("Du har ingen justering kvar att göra i den här revisionen."))
    mine.update(status=Signature.Status.RETURNED, reason=reason)
    revision.signatures.exclude(status=Signature.Status.RETURNED).update(status=Signature.Status.VOID)
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated"])
    _audit("meetings.minutes.sent_back", actor, meeting, meeting, revision=revision.number, reason=reason)
    transaction.on_commit(lambda: tasks.notify_sent_back.delay(revision.pk, person.pk))


@transaction.atomic
def reopen(*, actor, meeting):
    """The secretary takes the protokoll back to make changes; every signature given so far lapses."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.IN_ADJUSTMENT:
        raise ValidationError(_("Protokollet är inte under justering."))
    revision = current_revision(meeting)
    revision.signatures.update(status=Signature.Status.VOID)
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated"])
    _audit("meetings.minutes.reopened", actor, meeting, meeting, revision=revision.number)


# Signing ------------------------------------------------------------------------------------------------------------


@transaction.atomic
def sign(*, actor, meeting, revision_number, method, ip_address=None, user_agent=""):
    """Sign the current revision. The meeting row is locked, so two signers at the same moment are both recorded."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    revision = meeting.revisions.filter(number=revision_number).first()
    if revision is not None and revision.kind == ProtocolRevision.Kind.EXTRACT:
        return _sign_extract(actor, meeting, revision, method, ip_address, user_agent)
    revision = current_revision(meeting)
    if meeting.status != Meeting.Status.IN_ADJUSTMENT or revision is None or revision.number != revision_number:
        raise ValidationError(
            _("Protokollet har ändrats sedan du öppnade det. Läs den nya versionen innan du justerar.")
        )
    pending = _record_signatures(actor, revision, method, ip_address, user_agent)
    _audit("meetings.minutes.signed", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    if not revision.signatures.exclude(status=Signature.Status.SIGNED).exists():
        finalise(actor=actor, meeting=meeting, revision=revision)
    return pending


def _sign_extract(actor, meeting, revision, method, ip_address, user_agent):
    from . import tasks

    pending = _record_signatures(actor, revision, method, ip_address, user_agent)
    _audit("meetings.extract.signed", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    if not revision.signatures.exclude(status=Signature.Status.SIGNED).exists():
        document, _created = SignedDocument.objects.get_or_create(meeting=meeting, revision=revision)
        _audit("meetings.extract.adjusted", actor, meeting, meeting, revision=revision.number, items=revision.item_ids)
        transaction.on_commit(lambda: tasks.render_signed_pdf.delay(document.pk))
    return pending


def _record_signatures(actor, revision, method, ip_address, user_agent):
    person = _signer_person(actor)
    pending = list(revision.signatures.filter(person=person, status=Signature.Status.PENDING))
    if not pending:
        raise ValidationError(_("Du har ingen justering kvar att göra i den här revisionen."))
    now = timezone.now()
    for signature in pending:
        signature.status = Signature.Status.SIGNED
        signature.signed_at = now
        signature.method = method
        signature.sha256 = revision.sha256
        signature.ip_address = ip_address
        signature.user_agent = (user_agent or "")[:500]
        signature.save()
    return pending


def finalise(*, actor, meeting, revision):
    """Everyone has signed the same revision: the record is justerat, posted, and its PDF is rendered."""
    from . import tasks

    meeting.status = Meeting.Status.ADJUSTED
    meeting.adjusted_at = timezone.now()
    meeting.save(update_fields=["status", "adjusted_at", "updated"])
    document, _created = SignedDocument.objects.get_or_create(meeting=meeting, revision=revision)
    posted = timezone.localdate()
    Notice.objects.get_or_create(
        meeting=meeting, defaults={"posted_on": posted, "appeal_until": notices.last_day_to_appeal(posted)}
    )
    register.index_meeting(meeting)
    _audit("meetings.minutes.adjusted", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    transaction.on_commit(lambda: tasks.render_signed_pdf.delay(document.pk))


# After justering ------------------------------------------------------------------------------------------------------


@transaction.atomic
def approve_notes(*, actor, meeting):
    """Minnesanteckningar are approved (lagda till handlingarna), not signed."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_protocol:
        raise ValidationError(_("Ett protokoll justeras; det läggs inte bara till handlingarna."))
    if meeting.is_frozen:
        raise ValidationError(_("Minnesanteckningarna är redan godkända."))
    meeting.status = Meeting.Status.APPROVED
    meeting.adjusted_at = timezone.now()
    meeting.save(update_fields=["status", "adjusted_at", "updated"])
    register.index_meeting(meeting)
    _audit("meetings.notes.approved", actor, meeting, meeting)


@transaction.atomic
def review_personal_data(*, actor, meeting):
    """The personal-data review is done: the full record may be published on the web."""
    if not meeting.is_frozen:
        raise ValidationError(_("Bara justerade protokoll och godkända anteckningar kan publiceras."))
    meeting.reviewed_at = timezone.now()
    meeting.reviewed_by = actor
    meeting.save(update_fields=["reviewed_at", "reviewed_by"])
    register.set_public(meeting)
    _audit("meetings.minutes.reviewed", actor, meeting, meeting)


@transaction.atomic
def retry_document(*, actor, document):
    from . import tasks

    updated = SignedDocument.objects.filter(pk=document.pk, status=SignedDocument.Status.FAILED).update(
        status=SignedDocument.Status.PENDING, error=""
    )
    if not updated:
        raise ValidationError(_("PDF:en håller redan på att skapas eller är klar."))
    _audit("meetings.pdf.retried", actor, document.meeting, document.meeting)
    transaction.on_commit(lambda: tasks.render_signed_pdf.delay(document.pk))


@transaction.atomic
def correction_add(*, actor, item, text):
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv rättelsen.")})
    if not Meeting.objects.get(pk=item.meeting_id).is_frozen:
        raise ValidationError(_("Ett utkast rättas direkt i texten; rättelser gäller justerade protokoll."))
    correction = Correction.objects.create(
        item=item, text=text, created_by=actor if getattr(actor, "is_authenticated", False) else None
    )
    _audit("meetings.minutes.corrected", actor, correction, item.meeting, item=item.pk)
    return correction


@transaction.atomic
def appeal_add(*, actor, meeting, paragraphs, received_on, court="", note=""):
    """Record that decisions of a justerat protocol were appealed: they do not win legal force for now."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.Status.ADJUSTED or not Notice.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("Bara ett justerat och anslaget protokoll kan överklagas."))
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Dagen då överklagandet kom in kan inte ligga i framtiden.")})
    appeal = Appeal.objects.create(
        meeting=meeting,
        paragraphs=paragraphs.strip(),
        received_on=received_on,
        court=court.strip(),
        note=note.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _audit("meetings.minutes.appealed", actor, appeal, meeting, paragraphs=appeal.paragraphs)
    return appeal
