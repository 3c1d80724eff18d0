"""The meetings app's tables, one module per part of the record; everything is importable from here."""

from .agenda import AgendaItem, Attachment, ItemRevision, ParagraphNumber, attachment_path
from .anslag import Anslag, Appeal
from .attendance import Attendance, Recusal
from .decisions import Assignment, Decision, DecisionRecipient, Reservation, Vote
from .exports import ExportJob
from .importing import ImportBatch, ImportDocument, PendingImport
from .justering import Correction, ItemComment, ProtocolRevision, Signature, SignedDocument, signed_document_path
from .meeting import FrozenRecord, GuardedByMeeting, Meeting
from .outbox import OutgoingMail
from .register import RegisterEntry, RegisterTerm

__all__ = [
    "AgendaItem",
    "Appeal",
    "Assignment",
    "Attachment",
    "Attendance",
    "Correction",
    "Decision",
    "DecisionRecipient",
    "ExportJob",
    "FrozenRecord",
    "GuardedByMeeting",
    "ImportBatch",
    "ImportDocument",
    "ItemComment",
    "ItemRevision",
    "Meeting",
    "Anslag",
    "OutgoingMail",
    "ParagraphNumber",
    "PendingImport",
    "ProtocolRevision",
    "RegisterEntry",
    "RegisterTerm",
    "Recusal",
    "Reservation",
    "Signature",
    "SignedDocument",
    "Vote",
    "attachment_path",
    "signed_document_path",
]
