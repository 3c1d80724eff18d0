"""A scanned protocol (an image-only PDF, made here by rasterising a rendering of a real corpus document) goes the
whole way through the bulk import: stored, read by the task with Swedish OCR, parsed, kept beside its original, and
shown as read by OCR on the review. Its result is scored by ../shared/tools/score_import.py's own comparison, as
test_corpus.py scores the text."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from pypdf import PdfReader, PdfWriter

from meetings.importing import UnreadableDocument, layout, ocr, read, services
from meetings.models import ImportDocument
from tests.conftest import skip_unless

from .documents import as_pdf, as_scan

# Two pages: a header with § ranges of presence ("§§ 31-34"), serving ersättare, numbered items.
DOCUMENT = "07_nynashamn-sn-au-2020-08-18"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def tesseract(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # make test installs Tesseract (TEST_DEBIAN_PACKAGES); a bare checkout may not have it
    skip_unless(ocr.available(), "Tesseract with Swedish data is not installed")


def corpus_text(corpus, name):
    text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
    return text.split("\n", 1)[1] if text.startswith("# source:") else text


def test_a_scanned_corpus_document_scores_at_least_0_75_after_ocr(shared_corpus, scorer, client_for, cast):
    scan = as_scan(corpus_text(shared_corpus, DOCUMENT))
    assert not layout.pdf_text(scan).replace("\f", "").strip()  # no text layer at all: OCR or nothing
    batch = services.import_batch_create(
        actor=cast.user("secretary"), uploads=[SimpleUploadedFile(f"{DOCUMENT}.pdf", scan)]
    )
    document = batch.documents.get()
    assert document.status == ImportDocument.Status.DONE, document.error_code or document.error
    pending = document.pending_import
    answer = json.loads((shared_corpus / "expected" / f"{DOCUMENT}.json").read_text(encoding="utf-8"))
    score = scorer.score(pending.parsed, answer)[0]
    print(f"{DOCUMENT} from a 200 dpi scan: {score:.2f}")
    assert score >= 0.75
    assert pending.from_ocr and pending.ocr_text.split("\n\f\n")[0] in pending.text  # kept beside the original
    html = client_for("secretary").get(f"/moten/importera/{pending.pk}/").content.decode()
    assert "läst med textigenkänning (OCR)" in html

    # Saved from the review, the meeting keeps the scan and, beside it, the text OCR recognised in it.
    meeting = services.pending_import_save(
        actor=cast.user("secretary"), pending_import=pending, text=pending.text, body=cast.board
    )
    by_name = {attachment.name: attachment for attachment in meeting.attachments.all()}
    assert set(by_name) == {f"{DOCUMENT}.pdf", f"{DOCUMENT}.ocr.txt"}
    with by_name[f"{DOCUMENT}.ocr.txt"].file.open("rb") as recognised:
        assert recognised.read().decode() == pending.ocr_text


def test_a_page_with_no_text_among_pages_with_text_is_read_by_ocr():
    """A PDF whose last page was scanned and appended: the text pages keep their text layer, the scan is read."""
    writer = PdfWriter()
    for part in (
        as_pdf("Protokoll\n\n§ 1 Öppnande\n\nMötet öppnades.\n"),
        as_scan("§ 2 Avslutning\n\nMötet avslutades."),
    ):
        writer.append(PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    writer.write(out)
    reading = read(out.getvalue(), "blandat.pdf", use_ocr=True)
    assert "§ 1 Öppnande" in reading.text and "§ 2 Avslutning" in reading.text
    assert "Avslutning" in reading.ocr_text and "Öppnande" not in reading.ocr_text


def test_without_ocr_a_scan_is_refused_with_a_message_that_says_so(monkeypatch):
    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    with pytest.raises(UnreadableDocument) as refused:
        read(as_scan("§ 1 Öppnande"), "skannat.pdf", use_ocr=True)
    assert refused.value.message.startswith("Dokumentet saknar text och OCR är inte installerat")
    with pytest.raises(UnreadableDocument) as refused:
        read(as_scan("§ 1 Öppnande"), "skannat.pdf")  # where OCR is not allowed (a web request)
    assert refused.value.code == "no_text_layer"


@pytest.mark.parametrize(
    ("words", "read_as"),
    [
        (["$", "12", "Budget"], ["§", "12", "Budget"]),
        (["$12"], ["§12"]),
        (["$$", "3-4"], ["§§", "3-4"]),
        (["kostar", "$", "Budget"], ["kostar", "$", "Budget"]),
        (["US$", "12"], ["US$", "12"]),
        (["&", "84", "Mötets", "öppnande"], ["§", "84", "Mötets", "öppnande"]),
        (["8", "19", "Val", "av", "justerare"], ["§", "19", "Val", "av", "justerare"]),
        (["S", "12", "Budget"], ["§", "12", "Budget"]),
        (["&84", "Mötets"], ["§ 84", "Mötets"]),
        (["8", "19", "ledamöter"], ["8", "19", "ledamöter"]),  # "8 19 ledamöter" is not a heading
        (["Per", "&", "12", "Budget"], ["Per", "&", "12", "Budget"]),  # only at the start of a line
    ],
)
def test_the_section_sign_the_swedish_model_lacks_is_read_back(words, read_as):
    assert ocr._section_signs(words) == read_as


def test_import_minutes_reads_a_scan_with_ocr_and_refuses_it_without(tmp_path):
    scan = tmp_path / "skannat.pdf"
    scan.write_bytes(as_scan("Protokoll\n\nDatum: 2021-06-02\n\n§ 14 Val av justerare\n\nEva Holm valdes.\n"))
    out = io.StringIO()
    call_command("import_minutes", str(scan), "--dry-run", "--json", "--ocr", stdout=out)
    parsed = json.loads(out.getvalue())
    assert parsed["date"] == "2021-06-02"
    assert [(i["number"], i["title"]) for i in parsed["items"]] == [("14", "Val av justerare")]
    with pytest.raises(CommandError):
        call_command("import_minutes", str(scan), "--dry-run", stdout=io.StringIO(), stderr=io.StringIO())
