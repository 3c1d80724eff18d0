"""The importer scored on real public minutes (../shared/minutes-corpus, beside the checkout, with hand-made answers)
by ../shared/tools/score_import.py's own comparison: from text, and from .docx and .pdf renderings of the same texts
made here. Skips, saying so, where the corpus is not beside the checkout; fails then under FINSAM_REQUIRE_SERVICES=1
(the shared_corpus fixture)."""

import io

import docx
import pytest

from meetings.importing import parse_file
from tools.bench import corpus as corpus_files
from tools.bench import scanner


@pytest.fixture(scope="module")
def corpus(shared_corpus):
    """(name, text, answer) for every document with an answer; the '# source:' line is provenance, not text."""
    return corpus_files.documents(shared_corpus)


def docx_one_paragraph_a_line(text):
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_one_paragraph_a_block(text):
    """Blocks as paragraphs with line breaks inside, no empty paragraphs: spacing is the style's business."""
    document = docx.Document()
    for block in text.split("\n\n"):
        if block.strip():
            paragraph = document.add_paragraph()
            for number, line in enumerate(block.split("\n")):
                if number:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# The text in a <pre> on A4: long lines wrap, as they do in a real PDF (the scanned corpus starts from the same).
pdf = scanner.plain_pdf


RENDERINGS = {
    "txt": (lambda text: text.encode("utf-8"), "protokoll.txt"),
    "docx (a paragraph a line)": (docx_one_paragraph_a_line, "protokoll.docx"),
    "docx (a paragraph a block)": (docx_one_paragraph_a_block, "protokoll.docx"),
    "pdf": (pdf, "protokoll.pdf"),
}


def mean_score(scorer, corpus, rendering):
    render, filename = RENDERINGS[rendering]
    scores = {name: scorer.score(parse_file(render(text), filename), answer)[0] for name, text, answer in corpus}
    return sum(scores.values()) / len(scores), scores


DEVELOPMENT = 16  # documents 01-16, the ones the importer was first built on; 17-26 came with issue 27
CORPUS_FLOOR = 0.92  # the whole corpus reaches 0.926 (branch fold); issue 27 asks 0.90, the two-fold within 0.05


def development(corpus):
    return [document for document in corpus if int(document[0][:2]) <= DEVELOPMENT]


def test_the_development_documents_score_at_least_0_90_from_text(scorer, corpus):
    mean, scores = mean_score(scorer, development(corpus), "txt")
    assert mean >= 0.90, scores
    assert min(scores.values()) >= 0.70, scores  # no kind of document is left behind


def test_the_whole_corpus_holds_its_floor_from_text(scorer, corpus):
    mean, scores = mean_score(scorer, corpus, "txt")
    assert mean >= CORPUS_FLOOR, scores


PDF_FLOOR = 0.92  # the whole corpus as a plain text PDF (the pdf() above): 0.770 before issue 27, 0.926 now


def test_the_whole_corpus_as_a_plain_text_pdf_holds_its_floor(scorer, corpus):
    """Issue 27 asks >= 0.85 on average for the corpus rendered as a text PDF by a renderer not shaped to the parser:
    a <pre> in WeasyPrint, whose long lines wrap at the margin."""
    mean, scores = mean_score(scorer, corpus, "pdf")
    assert mean >= PDF_FLOOR, scores


def test_the_two_fold_score_is_printed(scorer, corpus, capsys):
    """Odd-numbered documents against even ones. The test can only measure: the score is two-fold when the rules
    measured on one half were built looking at the other half only (docs/importing-corpus.md keeps that log)."""
    _, scores = mean_score(scorer, corpus, "txt")
    halves = {
        parity: [score for name, score in scores.items() if int(name[:2]) % 2 == remainder]
        for parity, remainder in (("odd", 1), ("even", 0))
    }
    means = {parity: sum(values) / len(values) for parity, values in halves.items()}
    with capsys.disabled():
        print(f"\ntwo-fold: odd {means['odd']:.3f}, even {means['even']:.3f}, score {sum(means.values()) / 2:.3f}")
    assert all(values for values in halves.values())


@pytest.mark.parametrize("rendering", ["docx (a paragraph a line)", "docx (a paragraph a block)", "pdf"])
def test_word_and_pdf_renderings_score_within_0_05_of_the_text(scorer, corpus, rendering):
    text_mean, _ = mean_score(scorer, development(corpus), "txt")
    mean, scores = mean_score(scorer, development(corpus), rendering)
    assert abs(mean - text_mean) <= 0.05, (rendering, mean, text_mean, scores)
