"""Every write to a meeting and its record: atomic, validated, audited; side effects after commit.

One module per aggregate (the meeting, its §§ and their text, attendance, decisions and votes, assignments,
attachments, the kallelse); the names callers use are re-exported here, so `services.item_add(...)` reads as before.
"""

from meetings.drafting.services.assignments import AssignmentAlreadyAdded, assignment_create, assignment_follow_up
from meetings.drafting.services.attachments import AttachmentAlreadyAdded, attachment_add
from meetings.drafting.services.attendance import (
    AttendanceAlreadyAdded,
    absence_report,
    attendance_follow_mandates,
    attendance_refresh,
    attendance_save,
    recusal_set,
    substitute_call_in,
)
from meetings.drafting.services.audit import AlreadyAdded
from meetings.drafting.services.decisions import (
    DecisionAlreadyAdded,
    DecisionConflict,
    decision_delete,
    decision_save,
    reservation_set,
    votes_set,
)
from meetings.drafting.services.items import (
    EditConflict,
    ItemAlreadyAdded,
    item_add,
    item_continue,
    item_delete,
    item_move,
    item_restore,
    item_save_text,
    item_update_details,
)
from meetings.drafting.services.kallelse import kallelse_send
from meetings.drafting.services.meeting import FOLLOW_UP_HEADING, MeetingAlreadyAdded, meeting_create, meeting_update
from meetings.drafting.services.numbering import renumber

__all__ = [
    "FOLLOW_UP_HEADING",
    "AlreadyAdded",
    "AssignmentAlreadyAdded",
    "AttachmentAlreadyAdded",
    "AttendanceAlreadyAdded",
    "DecisionAlreadyAdded",
    "DecisionConflict",
    "EditConflict",
    "ItemAlreadyAdded",
    "MeetingAlreadyAdded",
    "absence_report",
    "assignment_create",
    "assignment_follow_up",
    "attachment_add",
    "attendance_follow_mandates",
    "attendance_refresh",
    "attendance_save",
    "decision_delete",
    "decision_save",
    "item_add",
    "item_continue",
    "item_delete",
    "item_move",
    "item_restore",
    "item_save_text",
    "item_update_details",
    "kallelse_send",
    "meeting_create",
    "meeting_update",
    "recusal_set",
    "renumber",
    "reservation_set",
    "substitute_call_in",
    "votes_set",
]
