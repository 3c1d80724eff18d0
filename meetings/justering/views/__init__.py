"""Justering and the signed PDF, a module per step of the record's life as the services have: thin views over
meetings.justering.services. The URLs name them from here."""

from meetings.justering.views.page import document_status, justering_page, preview, preview_pdf
from meetings.justering.views.review import comment, reopen, send_back
from meetings.justering.views.sealed import approve, correction, extract_pdf, protocol_pdf, retry
from meetings.justering.views.sending import send, send_extract
from meetings.justering.views.signing import sign

__all__ = [
    "approve",
    "comment",
    "correction",
    "document_status",
    "extract_pdf",
    "justering_page",
    "preview",
    "preview_pdf",
    "protocol_pdf",
    "reopen",
    "retry",
    "send",
    "send_back",
    "send_extract",
    "sign",
]
