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
from tools.bench import corpus as corpus_files

from .documents import as_pdf, as_scan

# Two pages: a header with § ranges of presence ("§§ 31-34"), serving ersättare, numbered items.
DOCUMENT = "07_nynashamn-sn-au-2020-08-18"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def tesseract(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # make test installs Tesseract (TEST_DEBIAN_PACKAGES); a bare checkout may not have it
    skip_unless(ocr.available(), "Tesseract with Swedish data is not installed")


def test_a_scanned_corpus_document_scores_at_least_0_75_after_ocr(shared_corpus, scorer, client_for, cast):
    scan = as_scan(corpus_files.document_text(shared_corpus, DOCUMENT))
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


@pytest.mark.parametrize(
    ("words", "read_as"),
    [
        (["&", "31"], ["§", "31"]),  # the heading's number alone on its line, its text on the next
        (["8", "63/20", "Fastställande"], ["§", "63/20", "Fastställande"]),  # with the year's two digits
        (["Eva", "Holm", "§", "94", "-", "&", "106"], ["Eva", "Holm", "§", "94", "-", "§", "106"]),
        (["($$31-33),", "Pia"], ["(§§31-33),", "Pia"]),
        (["($12)"], ["(§12)"]),
        (["Per", "&", "12"], ["Per", "&", "12"]),
        (["sidan", "94", "-", "&", "106"], ["sidan", "94", "-", "&", "106"]),  # a range only after "§"
    ],
)
def test_the_section_sign_is_read_back_alone_at_a_ranges_end_and_in_brackets(words, read_as):
    assert ocr._section_signs(words) == read_as


def line(text, top, x0=100, x1=1500, height=30):
    return {"text": text, "top": top, "bottom": top + height, "x0": x0, "x1": x1}


def test_a_headings_section_sign_read_as_a_digit_is_known_by_the_number_after_the_previous():
    lines = [
        line("§ 14 Frågestund", 100),
        line("815 Inlämnande av motioner", 200),
        line("KF 8 16 Budget", 300),
        line("816 ledamöter var närvarande", 400),  # not the next number: left as read
        line("S17 Avslutning", 500),
    ]
    assert [each["text"] for each in ocr._section_sequence(lines)] == [
        "§ 14 Frågestund",
        "§ 15 Inlämnande av motioner",
        "KF § 16 Budget",
        "816 ledamöter var närvarande",
        "§ 17 Avslutning",
    ]
    assert ocr._section_sequence([line("815 Inlämnande", 100)])[0]["text"] == "815 Inlämnande"  # no heading before


def test_a_speck_before_a_headings_section_sign_and_a_small_s_for_it_keep_the_headings_in_sequence():
    """Seen on a scan of seed 004 (150 dpi, tilted): "- §2", "s3 AMIF", "84 Vad vill …" were §§ 2, 3 and 4."""
    lines = [
        line("§ 1 Inledning", 100),
        line("- §2 Psykisk ohälsa", 200),
        line("s3 AMIF", 300),
        line("84 Vad vill RAR", 400),
        line("> §5 Roller", 500),
        line("- 12 deltagare", 600),  # no "§": left as read
    ]
    assert [each["text"] for each in ocr._section_sequence(lines)] == [
        "§ 1 Inledning",
        "§2 Psykisk ohälsa",
        "§ 3 AMIF",
        "§ 4 Vad vill RAR",
        "§5 Roller",
        "- 12 deltagare",
    ]


def tsv(*words):
    """Tesseract's TSV for one line of words, each (text, left, top, width, height)."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t1\t1\t{n}\t{x}\t{y}\t{w}\t{h}\t90\t{text}" for n, (text, x, y, w, h) in enumerate(words, 1)]
    return "\n".join([header, *rows])


def test_a_speck_read_as_punctuation_far_from_the_words_is_dropped_and_the_line_keeps_its_width():
    [read] = ocr._lines(tsv(("väntsalen.", 100, 500, 200, 30), (";", 1500, 520, 6, 3)))
    assert (read["text"], read["x1"]) == ("väntsalen.", 300)
    # A full stop close to its word, a comma between words and a dash at full height are kept.
    [read] = ocr._lines(tsv(("Holm", 100, 500, 90, 30), (".", 200, 525, 5, 4), ("-", 600, 510, 20, 30)))
    assert read["text"] == "Holm . -"
    [read] = ocr._lines(tsv(("(Dnr", 100, 500, 90, 30), (",", 205, 520, 5, 9), (")", 225, 500, 8, 34)))
    assert read["text"] == "(Dnr , )"


def test_a_speck_read_as_a_tall_sign_is_dropped_however_close_to_a_word():
    [read] = ocr._lines(tsv((":", 100, 520, 5, 4), ("Ingalill", 110, 500, 120, 30), ("Holm:", 240, 500, 80, 30)))
    assert (read["text"], read["x0"]) == ("Ingalill Holm:", 110)
    [read] = ocr._lines(tsv(("Övriga", 100, 500, 90, 30), (":", 200, 505, 5, 16)))  # a colon of its full height
    assert read["text"] == "Övriga :"


@pytest.mark.parametrize(
    ("words", "read_as"),
    [
        (["med", ".tilläggsärenden."], ["med", "tilläggsärenden."]),
        (["«2", "Minnesanteckningar"], ["2", "Minnesanteckningar"]),
        ([".$1", "Sammanträdet"], ["§ 1", "Sammanträdet"]),
        (['".$1', "Sammanträdet"], ["§ 1", "Sammanträdet"]),
        (["kl", ":05."], ["kl", ":05."]),
        (["”Psykisk", "ohälsa”"], ["”Psykisk", "ohälsa”"]),
        (["...", "och"], ["...", "och"]),
    ],
)
def test_a_speck_glued_to_the_front_of_a_word_is_dropped(words, read_as):
    assert ocr._section_signs(words) == read_as


def test_a_crooked_pages_lines_are_levelled_so_a_long_lines_top_is_its_start():
    """A page fed 0.8 degrees crooked (a slope of -0.014): along a 2000-pixel line the words rise 28 pixels, nearly a
    line's height, so a long line's top is its end's, a short one's its start's; and the left margin drifts 21
    pixels between lines 1500 apart. Levelled, the lines are as far apart as on the page, the margin straight."""
    slope, rows = -0.014, []
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    for line_number, count in enumerate([10, 2, 10], 1):
        top = line_number * 1500
        for n in range(count):
            x = round(200 - slope * top) + n * 200
            rows.append(f"5\t1\t1\t1\t{line_number}\t{n + 1}\t{x}\t{round(top + slope * x)}\t150\t30\t90\tord")
    lines = ocr._lines("\n".join([header, *rows]))
    tops = [line["top"] for line in lines]
    assert all(abs(top - tops[0] - step) <= 1 for top, step in zip(tops, (0, 1500, 3000), strict=True))
    assert max(line["x0"] for line in lines) - min(line["x0"] for line in lines) <= 1


def test_a_party_s_read_as_5_is_read_back_among_party_letters():
    lines = [
        {"text": text, "top": 0, "bottom": 30, "x0": 0, "x1": 100}
        for text in (
            "Hans Karlsson (5) (ordförande)",
            "Inga Holm (S)",
            "Ulf Ström (M)",
            "Eva Berg (KD)",
            "Ledamöter (5)",
        )
    ]
    assert [line["text"] for line in ocr._party_letters(lines)] == [
        "Hans Karlsson (S) (ordförande)",
        "Inga Holm (S)",
        "Ulf Ström (M)",
        "Eva Berg (KD)",
        "Ledamöter (5)",
    ]
    assert ocr._party_letters(lines[:2])[0]["text"] == "Hans Karlsson (5) (ordförande)"  # no party letters to go by


def test_a_line_stands_where_most_of_its_words_do_not_where_its_highest_word_does():
    """A blank line is read from the distance between two lines' tops: one word raised by an accent, a speck on it
    or the skew left at a long line's end must not bring the line up to the one before."""
    words = [("att", 100, 590, 30), ("välja", 200, 590, 30), ("Magnus", 330, 590, 30), ("Öhman", 480, 572, 48)]
    [read] = ocr._lines(tsv(*[(text, x, y, 120, height) for text, x, y, height in [*words, ("till", 630, 590, 30)]]))
    assert (read["top"], read["bottom"]) == (590, 620)


def test_a_speck_read_as_a_quotation_mark_or_a_letter_is_dropped_a_real_one_kept():
    [read] = ocr._lines(tsv(("Paragrafer", 100, 500, 160, 30), ("'", 290, 500, 4, 2), ("”Val", 310, 500, 70, 30)))
    assert read["text"] == "Paragrafer ”Val"
    [read] = ocr._lines(tsv(("Paragrafer", 100, 500, 160, 30), ("”", 275, 500, 8, 11)))  # a third of the letters
    assert read["text"] == "Paragrafer ”"
    # A letter as low as a speck, far out in the margin; a short word at full height is kept however far.
    [read] = ocr._lines(tsv(("sammanträde.", 100, 500, 200, 30), ("z", 900, 520, 6, 6), ("X", 1500, 500, 20, 30)))
    assert read["text"] == "sammanträde. X"


@pytest.mark.parametrize(
    ("words", "read_as"),
    [
        (["Protokoll", "2001-1", "1-09"], ["Protokoll", "2001-11-09"]),
        (["2003-02-0", "7"], ["2003-02-07"]),
        (["2003-02-07", "1", "bilaga"], ["2003-02-07", "1", "bilaga"]),
    ],
)
def test_a_dates_digits_read_apart_are_joined(words, read_as):
    assert ocr._section_signs(words) == read_as
