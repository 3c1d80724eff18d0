"""Every write service refuses a § that was omedelbart justerad and a meeting that is justerat.

The list of services is generated (every public function of every meetings.*.services module, or of each module of
that package, taking `actor` as a keyword), so a new service is either called below or allowed with a reason, or this
test fails.
"""

import datetime
import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import meetings
from meetings.drafting import services as drafting
from meetings.guards import meeting_for_writing
from meetings.importing import services as importing
from meetings.justering import services as justering
from meetings.models import Assignment, FrozenRecord, Meeting
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting, ready_to_send, sign_all

pytestmark = on_the_tests_day

# Every refusal these services give a frozen record or a justerad § speaks of justering.
REFUSED = r"(?i)juster"


def service_modules(room):
    """meetings.<room>.services, and when it is a package, each of its modules."""
    try:
        module = importlib.import_module(f"meetings.{room}.services")
    except ModuleNotFoundError:
        return []
    inner = pkgutil.iter_modules(getattr(module, "__path__", []), prefix=f"{module.__name__}.")
    return [module, *(importlib.import_module(info.name) for info in inner)]


def write_services():
    """{"room.function": function} for every public function of meetings.*.services (or of a module of that
    package) that takes actor=."""
    found = {}
    for room in pkgutil.iter_modules(meetings.__path__):
        for module in service_modules(room.name):
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if name.startswith("_") or function.__module__ != module.__name__:
                    continue
                parameter = inspect.signature(function).parameters.get("actor")
                if parameter is not None and parameter.kind == inspect.Parameter.KEYWORD_ONLY:
                    found[f"{room.name}.{name}"] = function
    return found


def allowed(reason):
    return reason


def upload():
    return SimpleUploadedFile("bilaga.txt", b"En bilaga.", content_type="text/plain")


def _comment_on_justerad(c):
    justering.protocol_send_for_justering(actor=c.secretary, meeting=c.meeting)
    justering.comment_add(actor=c.cast.user("chair"), meeting=c.meeting, item=c.item, text="Ändra?")


# service: (call against an omedelbart justerad §, call against a justerat meeting); a string instead of a call
# says why the service may do that.
PENDING_IMPORT = "works on an uploaded document under review, not on a record; saving creates a new meeting"
IMPORT_BATCH = "works on uploaded documents being read for review, not on a record"

CALLS = {
    "drafting.meeting_create": (
        allowed("plans a new meeting: no existing record is touched"),
        allowed("plans a new meeting: no existing record is touched"),
    ),
    "drafting.meeting_update": (
        allowed("a field of the meeting, not of the §; a renumbering is refused by renumber (see item_add)"),
        lambda c: drafting.meeting_update(actor=c.secretary, meeting=c.meeting, place="Någon annanstans"),
    ),
    "drafting.item_add": (
        lambda c: drafting.item_add(actor=c.secretary, meeting=c.meeting, heading="Före", after=c.first),
        lambda c: drafting.item_add(actor=c.secretary, meeting=c.meeting, heading="Efteråt"),
    ),
    "drafting.item_move": (
        lambda c: drafting.item_move(actor=c.secretary, item=c.first, offset=5),
        lambda c: drafting.item_move(actor=c.secretary, item=c.item, offset=-1),
    ),
    "drafting.item_delete": (
        lambda c: drafting.item_delete(actor=c.secretary, item=c.item),
        lambda c: drafting.item_delete(actor=c.secretary, item=c.item),
    ),
    "drafting.item_update_details": (
        lambda c: drafting.item_update_details(actor=c.secretary, item=c.item, heading="Ny rubrik"),
        lambda c: drafting.item_update_details(actor=c.secretary, item=c.item, heading="Ny rubrik"),
    ),
    "drafting.item_save_text": (
        lambda c: drafting.item_save_text(
            actor=c.secretary, item_id=c.item.pk, heading="X", text="<p>Y</p>", base_version=c.item.version
        ),
        lambda c: drafting.item_save_text(
            actor=c.secretary, item_id=c.item.pk, heading="X", text="<p>Y</p>", base_version=c.item.version
        ),
    ),
    "drafting.item_restore": (
        lambda c: drafting.item_restore(actor=c.secretary, item=c.item, revision=c.item.revisions.last()),
        lambda c: drafting.item_restore(actor=c.secretary, item=c.item, revision=c.item.revisions.last()),
    ),
    "drafting.attendance_save": (
        allowed("who attended belongs to the meeting; the extract keeps the attendance it was signed with"),
        lambda c: drafting.attendance_save(actor=c.secretary, meeting=c.meeting, name="Gäst i efterhand"),
    ),
    "drafting.attendance_refresh": (
        allowed("who attended belongs to the meeting; the extract keeps the attendance it was signed with"),
        lambda c: drafting.attendance_refresh(actor=c.secretary, meeting=c.meeting),
    ),
    "drafting.absence_report": (
        allowed("who attended belongs to the meeting; the extract keeps the attendance it was signed with"),
        lambda c: drafting.absence_report(actor=c.cast.user("member"), meeting=c.meeting),
    ),
    "drafting.substitute_call_in": (
        allowed("who attended belongs to the meeting; the extract keeps the attendance it was signed with"),
        lambda c: drafting.substitute_call_in(
            actor=c.secretary,
            meeting=c.meeting,
            substitute=c.meeting.attendances.get(person=c.cast.substitute),
            absent=c.attendance,
        ),
    ),
    "drafting.recusal_set": (
        lambda c: drafting.recusal_set(actor=c.secretary, item=c.item, attendance=c.attendance, recused=True),
        lambda c: drafting.recusal_set(actor=c.secretary, item=c.item, attendance=c.attendance, recused=True),
    ),
    "drafting.decision_save": (
        lambda c: drafting.decision_save(actor=c.secretary, item=c.item, decision=c.decision, text="Annat"),
        lambda c: drafting.decision_save(actor=c.secretary, item=c.item, decision=c.decision, text="Annat"),
    ),
    "drafting.decision_delete": (
        lambda c: drafting.decision_delete(actor=c.secretary, decision=c.decision),
        lambda c: drafting.decision_delete(actor=c.secretary, decision=c.decision),
    ),
    "drafting.assignment_create": (
        lambda c: drafting.assignment_create(actor=c.secretary, item=c.item, what="Mer", owner_name="Sara"),
        lambda c: drafting.assignment_create(actor=c.secretary, item=c.item, what="Mer", owner_name="Sara"),
    ),
    "drafting.assignment_follow_up": (
        lambda c: drafting.assignment_follow_up(actor=c.secretary, assignment=c.assignment, item=c.item, done=True),
        lambda c: drafting.assignment_follow_up(actor=c.secretary, assignment=c.assignment, item=c.item, done=True),
    ),
    "drafting.item_continue": (
        allowed("reads the justerad § and appends a new § to a later meeting"),
        lambda c: drafting.item_continue(actor=c.secretary, earlier_item=c.first, meeting=c.meeting),
    ),
    "drafting.attachment_add": (
        lambda c: drafting.attachment_add(actor=c.secretary, meeting=c.meeting, upload=upload(), item=c.item),
        lambda c: drafting.attachment_add(actor=c.secretary, meeting=c.meeting, upload=upload()),
    ),
    "drafting.kallelse_send": (
        allowed("sends the kallelse of the meeting; nothing of the § is written"),
        lambda c: drafting.kallelse_send(actor=c.secretary, meeting=c.meeting),
    ),
    "drafting.reservation_set": (
        lambda c: drafting.reservation_set(actor=c.secretary, decision=c.decision, attendance=c.attendance),
        lambda c: drafting.reservation_set(actor=c.secretary, decision=c.decision, attendance=c.attendance),
    ),
    "drafting.votes_set": (
        lambda c: drafting.votes_set(actor=c.secretary, decision=c.decision, choices={c.attendance.pk: "ja"}),
        lambda c: drafting.votes_set(actor=c.secretary, decision=c.decision, choices={c.attendance.pk: "ja"}),
    ),
    "justering.extract_send_for_justering": (
        lambda c: justering.extract_send_for_justering(actor=c.secretary, meeting=c.meeting),
        lambda c: justering.extract_send_for_justering(actor=c.secretary, meeting=c.meeting),
    ),
    "justering.protocol_send_for_justering": (
        allowed("the whole protocol is sent with the justerad § as it was signed: a new revision, not a write"),
        lambda c: justering.protocol_send_for_justering(actor=c.secretary, meeting=c.meeting),
    ),
    "justering.comment_add": (
        _comment_on_justerad,
        lambda c: justering.comment_add(actor=c.cast.user("chair"), meeting=c.meeting, item=c.item, text="?"),
    ),
    "justering.protocol_send_back": (
        allowed("a signer returns the whole protocol; the justerad § and its extract stay as signed"),
        lambda c: justering.protocol_send_back(actor=c.cast.user("chair"), meeting=c.meeting, reason="Fel"),
    ),
    "justering.protocol_reopen": (
        allowed("the secretary takes the whole protocol back; the justerad § and its extract stay as signed"),
        lambda c: justering.protocol_reopen(actor=c.secretary, meeting=c.meeting),
    ),
    "justering.protocol_sign": (
        allowed("signing the whole protocol, the justerad § included, is how it becomes justerat"),
        lambda c: justering.protocol_sign(
            actor=c.cast.user("chair"), meeting=c.meeting, revision_number=1, method="password"
        ),
    ),
    "justering.protocol_finalise": (
        lambda c: justering.protocol_finalise(actor=c.secretary, meeting=c.meeting, revision=c.extract),
        lambda c: justering.protocol_finalise(
            actor=c.secretary, meeting=c.meeting, revision=c.meeting.revisions.get(kind="full")
        ),
    ),
    "justering.notes_approve": (
        lambda c: justering.notes_approve(actor=c.secretary, meeting=c.meeting),
        lambda c: justering.notes_approve(actor=c.secretary, meeting=c.meeting),
    ),
    "justering.document_retry": (
        allowed("renders the PDF of a signed revision again; the record itself is not written"),
        allowed("renders the PDF of a signed revision again; the record itself is not written"),
    ),
    "justering.correction_add": (
        allowed("a rättelse is a separate, visible record; the justerat text never changes"),
        allowed("a rättelse is a separate, visible record; the justerat text never changes"),
    ),
    "justering.signed_document_damaged": (
        allowed("writes an audit entry that a stored PDF came back changed; the record and the file are not touched"),
        allowed("writes an audit entry that a stored PDF came back changed; the record and the file are not touched"),
    ),
    "anslag.personal_data_review": (
        allowed("records who reviewed the personal data; publishing does not change the record"),
        allowed("records who reviewed the personal data; publishing does not change the record"),
    ),
    "outbox.mail_queue": (
        allowed("queues e-mail about a change in the outbox, not the record; late e-mail checks the state it lands in"),
        allowed("queues e-mail about a change in the outbox, not the record; late e-mail checks the state it lands in"),
    ),
    "anslag.appeal_add": (
        allowed("records an överklagande of the justerat protocol; the record stays as signed"),
        allowed("records an överklagande of the justerat protocol; the record stays as signed"),
    ),
    "importing.save_parsed": (
        allowed("imports a document as a new meeting: no existing record is touched"),
        allowed("imports a document as a new meeting: no existing record is touched"),
    ),
    "importing.imported_record_file": (
        allowed("files an imported draft as a whole; a meeting with §§ justerade at the meeting is not an import"),
        lambda c: importing.imported_record_file(actor=c.secretary, meeting=c.meeting),
    ),
    "importing.pending_import_reparse": (
        allowed(PENDING_IMPORT),
        allowed(PENDING_IMPORT),
    ),
    "importing.pending_import_save": (
        allowed(PENDING_IMPORT),
        allowed(PENDING_IMPORT),
    ),
    "importing.pending_import_discard": (
        allowed(PENDING_IMPORT),
        allowed(PENDING_IMPORT),
    ),
    "importing.import_batch_create": (
        allowed(IMPORT_BATCH),
        allowed(IMPORT_BATCH),
    ),
    "importing.import_document_retry": (
        allowed(IMPORT_BATCH),
        allowed(IMPORT_BATCH),
    ),
    "importing.import_document_discard": (
        allowed(IMPORT_BATCH),
        allowed(IMPORT_BATCH),
    ),
}


def test_every_write_service_is_called_against_a_frozen_record_or_allowed_with_a_reason():
    services = set(write_services())
    assert services - set(CALLS) == set(), "add these services to CALLS"
    assert set(CALLS) - services == set(), "these services no longer exist"


def _context(cast, meeting, item, **extra):
    first = meeting.items.get(number=1)
    return SimpleNamespace(
        cast=cast,
        secretary=cast.user("secretary"),
        meeting=Meeting.objects.get(pk=meeting.pk),
        item=meeting.items.get(pk=item.pk),
        first=first,
        decision=item.decisions.get(),
        attendance=meeting.attendances.get(person=cast.member),
        assignment=Assignment.objects.get(item=item),
        **extra,
    )


@pytest.fixture
def justerad_paragraph(cast):
    """§ 3 (a decision and an assignment) was omedelbart justerad; the rest of the protocol is still a draft."""
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    drafting.assignment_create(actor=None, item=item, what="Följa upp", owner_name="Sara")
    drafting.item_update_details(actor=None, item=item, immediate_justering=True)
    extract = justering.extract_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting, revision_number=extract.number)
    return _context(cast, meeting, item, extract=extract)


@pytest.fixture
def justerat_meeting(cast):
    """The whole protocol was sent, signed by everyone and is justerat."""
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    drafting.assignment_create(actor=None, item=item, what="Följa upp", owner_name="Sara")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.JUSTERAT
    return _context(cast, meeting, item)


def _cases(index):
    return [
        pytest.param(name, calls[index], id=name)
        for name, calls in sorted(CALLS.items())
        if not isinstance(calls[index], str)
    ]


def _snapshot_of(c):
    item = c.meeting.items.get(pk=c.item.pk)
    return (
        list(c.meeting.items.values_list("pk", "number", "heading", "text")),
        list(item.decisions.values_list("text", "method")),
        item.recusals.count(),
        item.assignments.count(),
        c.meeting.attachments.count(),
        list(item.decisions.values_list("reservations", "votes")),
    )


@pytest.mark.parametrize(("name", "call"), _cases(0))
def test_a_write_service_refuses_a_paragraph_that_was_omedelbart_justerad(justerad_paragraph, name, call):
    before = _snapshot_of(justerad_paragraph)
    with pytest.raises(ValidationError, match=REFUSED):
        call(justerad_paragraph)
    assert _snapshot_of(justerad_paragraph) == before


@pytest.mark.parametrize(("name", "call"), _cases(1))
def test_a_write_service_refuses_a_justerat_meeting(justerat_meeting, name, call):
    before = _snapshot_of(justerat_meeting)
    with pytest.raises(ValidationError, match=REFUSED):
        call(justerat_meeting)
    assert _snapshot_of(justerat_meeting) == before


def test_an_assignment_of_a_justerat_meeting_is_followed_up_at_a_later_meeting(justerat_meeting, cast):
    later = plan_meeting(cast, date=justerat_meeting.meeting.date + datetime.timedelta(days=30))
    follow_up = later.items.get(heading=drafting.FOLLOW_UP_HEADING)
    drafting.assignment_follow_up(
        actor=cast.user("secretary"), assignment=justerat_meeting.assignment, item=follow_up, done=True
    )
    assert Assignment.objects.get(pk=justerat_meeting.assignment.pk).status == Assignment.Status.DONE


def test_paragraphs_after_a_justerad_one_can_still_be_added_and_edited(justerad_paragraph):
    c = justerad_paragraph
    added = drafting.item_add(actor=c.secretary, meeting=c.meeting, heading="Övrigt")
    assert added.number == c.meeting.items.count()
    drafting.item_save_text(
        actor=c.secretary, item_id=c.first.pk, heading=c.first.heading, text="<p>Ny</p>", base_version=c.first.version
    )


def test_a_paragraph_out_for_omedelbar_justering_is_locked_until_sent_back(cast):
    """What the signers of an extract read must be what they sign: the § is locked while the extract waits."""
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    drafting.item_update_details(actor=None, item=item, immediate_justering=True)
    justering.extract_send_for_justering(actor=None, meeting=meeting)
    item.refresh_from_db()
    with pytest.raises(ValidationError, match=REFUSED):
        drafting.item_save_text(
            actor=None, item_id=item.pk, heading=item.heading, text="<p>Ändrat.</p>", base_version=item.version
        )
    other = meeting.items.get(number=1)
    drafting.item_save_text(
        actor=None, item_id=other.pk, heading=other.heading, text="<p>Fritt.</p>", base_version=other.version
    )


def test_a_meeting_is_locked_only_through_the_guard():
    """One lock, one way: a write to a meeting takes its row lock from meetings.guards, never from a query of its own
    (a stronger or weaker lock elsewhere would no longer take turns with the guard's as the race tests expect)."""
    root = Path(meetings.__file__).parent
    own_lock = re.compile(r"(Meeting|AgendaItem)\.objects\.select_for_update")
    offenders = [
        f"{path.relative_to(root.parent)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "guards.py" and "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if own_lock.search(line)
    ]
    assert offenders == []


def test_the_guard_refuses_a_justerat_meeting_as_the_models_do(justerat_meeting):
    """One refusal, one message: what the guard says of a frozen record is what the models say."""
    with pytest.raises(FrozenRecord) as by_the_guard:
        meeting_for_writing(justerat_meeting.meeting.pk)
    with pytest.raises(FrozenRecord) as by_the_model:
        justerat_meeting.item.save()
    assert by_the_guard.value.messages == by_the_model.value.messages
