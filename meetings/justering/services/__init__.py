"""Justering: send a protokoll for signing, comment, send back, sign, and freeze it. Every write is audited.

One module per step of the record's life (sending it for justering, what happens while it is under justering,
signing and the record justerat, what follows once it is sealed); the names callers use are re-exported here, so
`services.protocol_sign(...)` reads as before.
"""

from meetings.justering.services.review import CommentAlreadyAdded, comment_add, protocol_reopen, protocol_send_back
from meetings.justering.services.sealed import (
    CorrectionAlreadyAdded,
    correction_add,
    document_retry,
    notes_approve,
    signed_document_damaged,
)
from meetings.justering.services.sending import (
    DEFAULT_DEADLINE_DAYS,
    LATE_IMPORT_DAYS,
    OPEN_FOR_SENDING,
    current_revision,
    ensure_meeting_has_taken_place,
    ensure_votes_counted,
    extract_send_for_justering,
    is_late_import,
    protocol_send_for_justering,
    required_signers,
)
from meetings.justering.services.signing import (
    EID_METHOD,
    EidProof,
    check_signing_method,
    protocol_finalise,
    protocol_sign,
)

__all__ = [
    "DEFAULT_DEADLINE_DAYS",
    "EID_METHOD",
    "LATE_IMPORT_DAYS",
    "OPEN_FOR_SENDING",
    "CommentAlreadyAdded",
    "CorrectionAlreadyAdded",
    "EidProof",
    "check_signing_method",
    "comment_add",
    "correction_add",
    "current_revision",
    "document_retry",
    "ensure_meeting_has_taken_place",
    "ensure_votes_counted",
    "extract_send_for_justering",
    "is_late_import",
    "notes_approve",
    "protocol_finalise",
    "protocol_reopen",
    "protocol_send_back",
    "protocol_send_for_justering",
    "protocol_sign",
    "required_signers",
    "signed_document_damaged",
]
