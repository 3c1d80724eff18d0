"""The importer's writes, by aggregate: the imported meeting (minutes), the pending import under review (pending) and
the bulk upload (batches). The worker's own writes, claiming a document and storing what it read, are in
meetings.importing.tasks, which the batches queue and which import no service."""

from .batches import import_batch_create, import_document_discard, import_document_retry
from .minutes import imported_record_file, save_parsed
from .pending import GONE as PENDING_IMPORT_GONE
from .pending import pending_import_discard, pending_import_reparse, pending_import_save

__all__ = [
    "PENDING_IMPORT_GONE",
    "import_batch_create",
    "import_document_discard",
    "import_document_retry",
    "imported_record_file",
    "pending_import_discard",
    "pending_import_reparse",
    "pending_import_save",
    "save_parsed",
]
