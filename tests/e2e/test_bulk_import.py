"""A secretary uploads a zip of real minutes (corpus documents), watches the upload's page follow the reading without
a reload (htmx polls the page's view for its documents until they are read), and opens a review."""

import zipfile

from playwright.sync_api import expect

from meetings.importing import tasks
from meetings.models import ImportDocument
from tools.bench import corpus as corpus_files

from .conftest import assert_accessible, sign_in

NAMES = [
    "01_nvsam-styrelse-2010-11-18.txt",
    "07_nynashamn-sn-au-2020-08-18.txt",
    "13_vatternvardsforbundet-vu-2004-06-03.txt",
]


def corpus_zip(path, corpus):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in NAMES:
            archive.writestr(f"arkiv/{name}", corpus_files.document_text(corpus, name.removesuffix(".txt")))
        archive.writestr("__MACOSX/arkiv/._01.txt", b"\x00\x05\x16\x07")
    return path


def test_a_zip_is_read_in_the_background_and_its_page_follows_without_a_reload(
    page, cast, settings, tmp_path, monkeypatch, shared_corpus
):
    settings.MEDIA_ROOT = tmp_path
    archive = corpus_zip(tmp_path / "arkiv.zip", shared_corpus)
    # The worker is busy (its tasks do not run yet): the page shows the documents waiting and asks for news.
    monkeypatch.setattr(tasks.import_document_read, "delay_or_postpone", lambda *args, **kwargs: False)
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/importera/")
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files(str(archive))
    page.get_by_role("button", name="Ladda upp och tolka").click()
    expect(page.get_by_text("3 dokument är uppladdade och läses nu.")).to_be_visible()
    expect(page.locator("#batch-sentence")).to_have_text("0 av 3 dokument lästa, 0 misslyckades.")
    expect(page.locator("#batch-sentence")).to_have_attribute("aria-live", "polite")
    expect(page.get_by_text("__MACOSX/arkiv/._01.txt: systemfil, hoppas över").first).to_be_visible()
    assert_accessible(page)
    page.evaluate("window.notReloaded = true")
    monkeypatch.undo()
    # The worker gets to them (run here, in-process, as the sweep would queue them).
    tasks.queue_documents(list(ImportDocument.objects.values_list("pk", flat=True)))
    expect(page.locator("#batch-sentence")).to_have_text("3 av 3 dokument lästa, 0 misslyckades.")
    expect(page.locator("#batch-progress")).to_have_attribute("value", "3")
    expect(page.locator("#batch-documents")).not_to_have_attribute("hx-trigger", "every 2s")  # done: it stops asking
    expect(page.locator("#batch-sentence")).to_have_attribute("aria-live", "polite")  # the same region, new words
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the page does not scroll sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name=f"Granska arkiv/{NAMES[1]}").click()
    expect(page.get_by_role("heading", name=f"Granska arkiv/{NAMES[1]}")).to_be_visible()
    expect(page.get_by_role("heading", name="Mötet", exact=True)).to_be_visible()
    assert_accessible(page)
