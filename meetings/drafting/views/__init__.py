"""Meetings and the minutes editor, a module per part of the page: thin views that fetch with permission,
validate, call one service, render or redirect. The URLs name them from here."""

from meetings.drafting.views.attachments import attachment_add, attachment_download
from meetings.drafting.views.attendance import (
    absence_report,
    attendance,
    attendance_refresh,
    attendance_serve,
    recusal,
)
from meetings.drafting.views.decisions import (
    assignment_add,
    assignment_follow_up,
    decision_delete,
    decision_edit,
    decision_reservation,
    decision_votes,
)
from meetings.drafting.views.items import (
    item_add,
    item_delete,
    item_details,
    item_history,
    item_move,
    item_restore,
    item_save_text,
)
from meetings.drafting.views.meeting import (
    kallelse_pdf,
    kallelse_send,
    meeting_create,
    meeting_detail,
    meeting_edit,
    meeting_ics,
    meeting_list,
)

__all__ = [
    "absence_report",
    "assignment_add",
    "assignment_follow_up",
    "attachment_add",
    "attachment_download",
    "attendance",
    "attendance_refresh",
    "attendance_serve",
    "decision_delete",
    "decision_edit",
    "decision_reservation",
    "decision_votes",
    "item_add",
    "item_delete",
    "item_details",
    "item_history",
    "item_move",
    "item_restore",
    "item_save_text",
    "kallelse_pdf",
    "kallelse_send",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_ics",
    "meeting_list",
    "recusal",
]
