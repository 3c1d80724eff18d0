"""The importer scored on real public minutes (../shared/minutes-corpus, beside the checkout, with hand-made answers)
by ../shared/tools/score_import.py's own comparison: from text, and from .docx and .pdf renderings of the same texts
made here. Skips, saying so, where the corpus is not beside the checkout; fails then under FINSAM_REQUIRE_SERVICES=1
(the shared_corpus fixture)."""

import html
import io
import json

import docx
import pytest
import weasyprint

from meetings.importing import parse_file


@pytest.fixture(scope="module")
def corpus(shared_corpus):
    """(name, text, answer) for every document with an answer; the '# source:' line is provenance, not text."""
    documents = []
    for answer in sorted((shared_corpus / "expected").glob("*.json")):
        text = (shared_corpus / f"{answer.stem}.txt").read_text(encoding="utf-8")
        if text.startswith("# source:"):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        documents.append((answer.stem, text, json.loads(answer.read_text(encoding="utf-8"))))
    return documents


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


def pdf(text):
    """The text in a <pre> on A4: long lines wrap, as they do in a real PDF."""
    style = "@page { size: A4; margin: 15mm } pre { font: 9pt sans-serif; white-space: pre-wrap }"
    return weasyprint.HTML(string=f"<style>{style}</style><pre>{html.escape(text)}</pre>").write_pdf()


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


def test_the_score_from_text_is_at_least_0_90(scorer, corpus):
    mean, scores = mean_score(scorer, corpus, "txt")
    assert mean >= 0.90, scores
    assert min(scores.values()) >= 0.70, scores  # no kind of document is left behind


@pytest.mark.parametrize("rendering", ["docx (a paragraph a line)", "docx (a paragraph a block)", "pdf"])
def test_word_and_pdf_renderings_score_within_0_05_of_the_text(scorer, corpus, rendering):
    text_mean, _ = mean_score(scorer, corpus, "txt")
    mean, scores = mean_score(scorer, corpus, rendering)
    assert abs(mean - text_mean) <= 0.05, (rendering, mean, text_mean, scores)
