"""/verifiera/: one verdict per file or checksum, never two that disagree.

An uploaded file is one of:
- the very file the portal sealed (its SHA-256 is a stored sealed PDF's);
- that file with bytes added after the seal: an incremental update (a PDF editor's change) or other data after its
  end. The seal's /ByteRange says where the sealed file ended, and the bytes up to there are a stored sealed PDF's,
  so the sealed content is intact and what was added is known;
- a file whose seal is broken (signed, but the signed bytes were changed);
- a file the portal did not seal (no seal, another signer's seal, or a valid portal seal over a file it never
  stored).
A pasted checksum is a sealed file's, the signed content's that the verifikat prints, or unknown."""

import enum
import hashlib
import re
from dataclasses import dataclass

from meetings.models import SignedDocument
from meetings.printing.seal import SealCheck, check_seal, federation_certificates

# "/ByteRange [0 1234 5678 910]": the seal covers bytes [a, a+b) and [c, c+d); the sealed file ends at c+d.
BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
# A file has one portal seal, perhaps followed by document timestamps: a few ranges are enough to look at.
MAX_SEALED_ENDS = 4
# What an incremental update writes: a new cross-reference section and trailer.
UPDATE_MARKERS = (b"startxref", b"xref", b"/Prev")


class Verdict(enum.StrEnum):
    SEALED_FILE = "sealed_file"  # the file, byte for byte, that the portal sealed
    ADDED_AFTER_SEAL = "added_after_seal"  # that file with bytes added after it: the sealed content is intact
    SIGNED_CONTENT = "signed_content"  # a pasted checksum of the revision that the signers signed
    SEAL_BROKEN = "seal_broken"
    NOT_PORTAL = "not_portal"  # no seal, or another's, or the portal's seal over a file it never stored
    UNKNOWN_CHECKSUM = "unknown_checksum"


@dataclass
class Verification:
    verdict: Verdict
    digest: str
    document: SignedDocument | None = None
    seal: SealCheck | None = None
    added_bytes: int = 0
    added_update: bool = False  # what was added is a PDF incremental update (new content), not stray data

    @property
    def known(self):
        return self.verdict in (Verdict.SEALED_FILE, Verdict.ADDED_AFTER_SEAL, Verdict.SIGNED_CONTENT)


def _sealed_documents():
    return SignedDocument.objects.filter(status=SignedDocument.Status.DONE).select_related(
        "meeting__body__federation", "meeting__body__network", "revision"
    )


def sealed_ends(data):
    """Where the signed revisions of the file end, by its /ByteRange entries, shortest first."""
    ends = {int(m[3]) + int(m[4]) for m in BYTE_RANGE.finditer(data)}
    return sorted(end for end in ends if 0 < end < len(data))[:MAX_SEALED_ENDS]


def verify_file(data):
    """The one verdict for an uploaded PDF. One query: the file's checksum and each sealed prefix's at once."""
    digest = hashlib.sha256(data).hexdigest()
    prefixes = {hashlib.sha256(data[:end]).hexdigest(): end for end in sealed_ends(data)}
    found = {d.sha256: d for d in _sealed_documents().filter(sha256__in=[digest, *prefixes])}
    seal = check_seal(data, also_trusted=federation_certificates())
    if digest in found:
        return Verification(Verdict.SEALED_FILE, digest, found[digest], seal)
    for prefix, end in prefixes.items():
        if prefix in found:
            added = data[end:]
            return Verification(
                Verdict.ADDED_AFTER_SEAL, digest, found[prefix], seal,
                added_bytes=len(added), added_update=any(marker in added for marker in UPDATE_MARKERS),
            )  # fmt: skip
    # A seal whose signed bytes were changed, or one the file still declares but that can no longer be read.
    if (seal.signed and not seal.intact) or (prefixes and not seal.signed):
        return Verification(Verdict.SEAL_BROKEN, digest, seal=seal)
    return Verification(Verdict.NOT_PORTAL, digest, seal=seal)


def verify_checksum(digest):
    """The one verdict for a pasted SHA-256: a sealed file's, the signed content's, or unknown."""
    documents = _sealed_documents()
    if document := documents.filter(sha256=digest).first():
        return Verification(Verdict.SEALED_FILE, digest, document)
    if document := documents.filter(revision__sha256=digest).first():
        return Verification(Verdict.SIGNED_CONTENT, digest, document)
    return Verification(Verdict.UNKNOWN_CHECKSUM, digest)
