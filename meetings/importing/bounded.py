"""Uploaded documents are read in a child process with a memory limit and a time limit, so that a file built to fill
the memory or to take the time, in any way we know of or not, ends as a message and not as a worker killed by the
machine: a 1.5 MB PDF whose page inflates to 500 MB took a reading process past 5.5 GB within 90 s.

The child comes from a fork server ("forkserver"), started once per process that reads and holding the readers'
libraries already imported: each reading forks it, which takes milliseconds, while a process started afresh ("spawn")
imports them again, 0.2-0.4 s a document here. Forking the reading process itself ("fork") is not safe: it may be a
Celery pool process or a threaded web worker, holding locks and connections a child must not share. The fork server
is billiard's, Celery's own multiprocessing: the standard library's refuses children to a Celery pool process (a
"daemonic" one), for fear they would outlive it; this child cannot, it has a limit of CPU time of its own.

The file's bytes go in and the Reading (two strings) comes out through a pipe; the child sets its own address-space
limit (RLIMIT_AS) before it reads a byte, so whatever the reading allocates past it raises MemoryError or ends the
child; past its time the child is killed. Either way the document fails with a message saying why.
"""

from __future__ import annotations

import contextlib
import logging
import os
import resource
import signal
import time
from dataclasses import dataclass
from typing import Any

import billiard
from django.conf import settings

from . import ocr, readers
from .readers import Reading, UnreadableDocument

logger = logging.getLogger(__name__)

# Imported once by the fork server, before it forks the first reading.
PRELOAD = ["__main__", "meetings.importing.readers", "docx", "pdfplumber", "pypdf", "pypdfium2"]
# Text recognition gets this much more time a scanned page (Tesseract takes 4-7 s a page here, its own limit is
# ocr.PAGE_TIMEOUT_SECONDS) ...
OCR_SECONDS_A_PAGE = 30
# ... but the reading always ends this long before the import task's lease does, so that the task can still record
# why it failed before its time limit ends it (and the sweep would queue the document again).
LEASE_MARGIN_SECONDS = 60


class ReaderFailed(Exception):
    """The reading failed in a way that is not the document's known fault (a bug in a reader): the reason, as text."""


@dataclass(frozen=True)
class Outcome:
    """How one reading ended: the Reading, or the code of the refusal, or the error of a reader that failed; how long
    it took, and the most memory the child held (its peak resident size; None if it died before it could say)."""

    reading: Reading | None
    refused: str
    error: str
    seconds: float
    peak_bytes: int | None


def _context() -> Any:
    context = billiard.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports kilobytes


def _child(
    connection: Any, data: bytes, filename: str, use_ocr: bool, ocr_program: str, memory_bytes: int, cpu_seconds: int
) -> None:
    """The child: limit the address space and the CPU time (should its parent die and not kill it), read, and send
    back ("read", Reading) or ("refused", code) or ("failed", error), with the peak. Before text recognition it sends
    ("ocr", pages), for more time."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    answer: tuple[str, Any]
    try:
        reading = readers.read(
            data,
            filename,
            use_ocr=use_ocr,
            ocr_program=ocr_program,
            ocr_started=lambda pages: connection.send(("ocr", pages)),
        )
        answer = ("read", reading)
    except UnreadableDocument as exc:
        answer = ("refused", exc.code)
    except MemoryError:  # what held the memory is let go with the frames the exception leaves
        answer = ("refused", "too_large_unpacked")
    except Exception as exc:  # a reader's bug: the parent records it as the document's error
        answer = ("failed", f"{type(exc).__name__}: {exc}"[:2000])
    connection.send((*answer, _peak_bytes()))
    connection.close()


def _resident_peak(pid: int | None) -> int | None:
    """A live child's peak resident size so far (Linux: VmHWM), read just before it is killed."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def _kill(child: Any) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
        os.kill(child.pid, signal.SIGKILL)


def measured_read(
    data: bytes,
    filename: str,
    *,
    use_ocr: bool = False,
    memory_mb: int | None = None,
    seconds: int | None = None,
) -> Outcome:
    """Read the document in a bounded child (by default FINSAM_READER_MEMORY_MB, FINSAM_READER_SECONDS) and say how
    it ended. Raises nothing for the document's faults."""
    memory_bytes = (memory_mb or settings.FINSAM_READER_MEMORY_MB) * 1024 * 1024
    # Whether Tesseract is installed is known here (asked once a process), and the child is told.
    ocr_program = (ocr.tesseract() or "") if use_ocr else ""
    started = time.monotonic()
    deadline = started + (seconds or settings.FINSAM_READER_SECONDS)
    latest = started + max(settings.FINSAM_IMPORT_LEASE_SECONDS - LEASE_MARGIN_SECONDS, 1)
    context = _context()
    receiving, sending = context.Pipe(duplex=False)
    cpu_seconds = int(latest - started) + 1
    child = context.Process(
        target=_child,
        args=(sending, data, filename, use_ocr, ocr_program, memory_bytes, cpu_seconds),
        name="finsam-reader",
    )
    child.start()
    sending.close()  # the child's end is the child's alone: when it dies, this end reads end-of-file

    def ended(refused: str = "", error: str = "", reading: Reading | None = None, peak: int | None = None) -> Outcome:
        return Outcome(reading, refused, error, time.monotonic() - started, peak)

    try:
        while True:
            if not receiving.poll(max(deadline - time.monotonic(), 0)):
                peak = _resident_peak(child.pid)
                _kill(child)
                return ended(refused="too_slow", peak=peak)
            try:
                message = receiving.recv()
            except EOFError:  # it died without a word: killed by the kernel, or a library aborted when out of memory
                child.join()
                logger.warning("The reader of %r died (exit code %s)", filename, child.exitcode)
                return ended(refused="too_large_unpacked")
            if message[0] == "ocr":
                deadline = min(deadline + message[1] * OCR_SECONDS_A_PAGE, latest)
                continue
            kind, value, peak = message
            if kind == "read":
                return ended(reading=value, peak=peak)
            if kind == "refused":
                return ended(refused=value, peak=peak)
            return ended(error=value, peak=peak)
    finally:
        receiving.close()
        child.join(timeout=5)
        if child.is_alive():
            _kill(child)
            child.join()
        child.close()


def read(data: bytes, filename: str, *, use_ocr: bool = False) -> Reading:
    """The document's text, read in a bounded child. Raises UnreadableDocument for what the document is (too large
    when unpacked, too slow to read included) and ReaderFailed for a reader's own error."""
    outcome = measured_read(data, filename, use_ocr=use_ocr)
    peak = f"{outcome.peak_bytes / 2**20:.0f} MB" if outcome.peak_bytes else "unknown"
    if outcome.reading is not None:
        logger.info("Read %r in %.1f s, peak %s", filename, outcome.seconds, peak)
        return outcome.reading
    reason = outcome.refused or "error"
    logger.warning("Could not read %r (%s) in %.1f s, peak %s", filename, reason, outcome.seconds, peak)
    if outcome.refused:
        raise UnreadableDocument(outcome.refused)
    raise ReaderFailed(outcome.error)


def read_document(data: bytes, filename: str) -> str:
    """The document's text, read in a bounded child; a scanned PDF is refused (text recognition is the worker's)."""
    return read(data, filename).text
