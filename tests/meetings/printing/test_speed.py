"""What makes a large protocol's sealed PDF fast (docs/pdf-speed.md) leaves the PDF and the seal as they were."""

import gc
from unittest import mock

import pytest

from meetings.printing import pdf, seal

# check_seal also trusts the federations' own sealing certificates, read from the database.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rendered():
    return pdf.render_one_page("Protokoll")


def test_the_signer_is_read_once_per_process_not_per_document(rendered):
    seal.seal(rendered)
    with mock.patch("pyhanko.keys.load_private_key_from_pemder") as load:
        first, second = seal.seal(rendered), seal.seal(rendered)
    load.assert_not_called()
    assert seal.check_seal(first).valid and seal.check_seal(second).valid


def test_a_new_certificate_is_read_again(rendered, settings, tmp_path):
    seal.create_development_certificate(tmp_path / "a", common_name="Sigill A")
    seal.create_development_certificate(tmp_path / "b", common_name="Ett annat sigill")
    settings.FINSAM_SIGNING_CERT, settings.FINSAM_SIGNING_KEY = tmp_path / "a/dev-cert.pem", tmp_path / "a/dev-key.pem"
    assert "Sigill A" in seal.check_seal(seal.seal(rendered)).signer
    for name in ("dev-cert.pem", "dev-key.pem"):  # the same paths, new files (a renewed certificate)
        (tmp_path / "a" / name).write_bytes((tmp_path / "b" / name).read_bytes())
    assert "Ett annat sigill" in seal.check_seal(seal.seal(rendered)).signer


def test_an_unreadable_key_is_a_signing_failure(rendered, settings, tmp_path):
    (tmp_path / "cert.pem").write_text("inte ett certifikat")
    (tmp_path / "key.pem").write_text("inte en nyckel")
    settings.FINSAM_SIGNING_CERT, settings.FINSAM_SIGNING_KEY = tmp_path / "cert.pem", tmp_path / "key.pem"
    with pytest.raises(seal.SigningUnavailable, match="kunde inte läsas"):
        seal.seal(rendered)
    settings.FINSAM_SIGNING_KEY = tmp_path / "missing.pem"
    with pytest.raises(seal.SigningUnavailable, match="kunde inte läsas"):
        seal.seal(rendered)


@pytest.mark.parametrize("digest", ["sha256", "sha512"])
def test_the_kept_key_signs_as_pyhankos_own_signer_does(digest):
    from pyhanko.sign.signers import SimpleSigner

    kept = seal.configured_signer()
    own = SimpleSigner(signing_cert=kept.signing_cert, signing_key=kept.signing_key, cert_registry=kept.cert_registry)
    data = b"Protokoll, revision 1"
    assert kept.sign_raw(data, digest) == own.sign_raw(data, digest)


def test_the_garbage_collector_is_off_while_weasyprint_lays_out_and_writes_and_on_after():
    import weasyprint.document

    states = []

    def spy(real):
        def call(*args, **kwargs):
            states.append(gc.isenabled())
            return real(*args, **kwargs)

        return call

    assert gc.isenabled()
    with (
        mock.patch.object(weasyprint.document, "layout_document", spy(weasyprint.document.layout_document)),
        mock.patch.object(weasyprint.document, "generate_pdf", spy(weasyprint.document.generate_pdf)),
    ):
        pdf.render_one_page()
    assert states == [False, False]
    assert gc.isenabled()


def test_the_garbage_collector_is_on_again_when_a_render_fails():
    import weasyprint.document

    with (
        mock.patch.object(weasyprint.document, "generate_pdf", side_effect=RuntimeError("pydyf")),
        pytest.raises(RuntimeError),
    ):
        pdf.render_one_page()
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off_and_overlapping_renders_share_the_pause():
    gc.disable()
    try:
        pdf.render_one_page()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pdf.garbage_collector_paused():
        with pdf.garbage_collector_paused():
            pass
        assert not gc.isenabled()  # another render still runs
    assert gc.isenabled()


def test_documents_rendered_one_after_another_are_the_bytes_of_a_fresh_render():
    """The font configuration and the parsed stylesheet kept between documents leave nothing of one in the next."""
    first = "<html lang='sv'><body><h1>Protokoll</h1><p><strong>Beslut</strong> och <em>kursiv</em> text.</p></body>"
    other = "<html lang='sv'><body><h2>Kallelse</h2><ul><li>Ärende ett</li></ul><table><tr><th>Å</th></tr></table>"
    pdf._per_thread.print_look = None
    fresh = pdf.write_pdf(first)
    pdf.write_pdf(other)
    assert pdf.write_pdf(first) == fresh


def test_each_thread_has_its_own_font_configuration_and_a_changed_stylesheet_is_read_again(tmp_path):
    import threading

    mine = pdf._fonts_and_stylesheet()
    assert pdf._fonts_and_stylesheet()[0] is mine[0]
    theirs = []
    thread = threading.Thread(target=lambda: theirs.append(pdf._fonts_and_stylesheet()))
    thread.start()
    thread.join()
    assert theirs[0][0] is not mine[0]
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "protocol-print.css").write_text("html { color: #000 }")
    with mock.patch.object(pdf.finders, "find", return_value=str(tmp_path / "css" / "protocol-print.css")):
        assert pdf._fonts_and_stylesheet()[1] is not mine[1]
    pdf._per_thread.print_look = None


def test_a_protocol_is_laid_out_once_and_written_once():
    """One layout of every page: no second render for the page count, no repagination for "Sida X av Y" (the
    total is known when the last page is made), and one writing of the laid-out pages."""
    import io

    import weasyprint
    import weasyprint.layout
    import weasyprint.layout.page
    from pypdf import PdfReader

    from meetings.justering.pdf import render_protocol_html
    from tools.bench.management.commands.bench_pdf import sample_snapshot

    html = render_protocol_html(sample_snapshot(paragraphs=12), revision_number=1, sha256="0" * 64)
    with (
        mock.patch.object(weasyprint.HTML, "render", autospec=True, side_effect=weasyprint.HTML.render) as render,
        mock.patch.object(weasyprint.layout, "make_all_pages", side_effect=weasyprint.layout.make_all_pages) as passes,
        mock.patch.object(
            weasyprint.layout.page, "remake_page", side_effect=weasyprint.layout.page.remake_page
        ) as pages_made,
        mock.patch.object(
            weasyprint.Document, "write_pdf", autospec=True, side_effect=weasyprint.Document.write_pdf
        ) as write,
    ):
        document = pdf.write_pdf(html)
    pages = len(PdfReader(io.BytesIO(document)).pages)
    assert pages > 8
    assert (render.call_count, passes.call_count, pages_made.call_count, write.call_count) == (1, 1, pages, 1)


@pytest.fixture(scope="module")
def laid_out():
    from meetings.justering.pdf import render_protocol_html
    from tools.bench.management.commands.bench_pdf import sample_snapshot

    return pdf.render_document(render_protocol_html(sample_snapshot(paragraphs=12), revision_number=1, sha256="0" * 64))


def test_the_kept_page_references_write_the_bytes_pydyf_itself_writes(laid_out):
    import pydyf

    original = pdf._page_references_kept()
    with mock.patch.object(pydyf, "PDF", original):
        plain = pdf.write_document(laid_out)
    assert pdf.write_document(laid_out) == plain


def test_weasyprint_still_makes_its_pdf_with_pydyf_and_the_kept_references_follow_new_pages(laid_out):
    """If this fails, WeasyPrint or pydyf changed what meetings/printing/pdf.py relies on: review
    _page_references_kept and the pins of weasyprint and pydyf in requirements.txt."""
    import pydyf

    original = pdf._page_references_kept()
    made = []
    laid_out.write_pdf(finisher=lambda document, written: made.append(written), **pdf.PDF_OPTIONS)
    assert type(made[0]) is pydyf.PDF and type(made[0]).__mro__[1] is original
    assert made[0].page_references == original.page_references.fget(made[0])
    kept = pydyf.PDF()
    kept.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(kept.page_references) == 1
    kept.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert kept.page_references == original.page_references.fget(kept) and len(kept.page_references) == 2


def test_the_portals_pdf_is_byte_for_byte_what_weasyprint_writes_without_the_speed_ups():
    """The same HTML through WeasyPrint as it was called before docs/pdf-speed.md (a new font configuration and
    stylesheet, pydyf's own PDF, the collector on, render and write in one call) gives the very same bytes."""
    import pydyf
    from weasyprint import CSS, HTML

    from meetings.justering.pdf import render_protocol_html
    from tools.bench.management.commands.bench_pdf import sample_snapshot

    snapshot = sample_snapshot(paragraphs=6)
    snapshot["items"][0]["text"] = (
        "<p>Inledning <strong>fet</strong> <em>kursiv</em> <u>under</u> <a href='https://example.org/'>länk</a><br>"
        "rad</p><ul><li>ett<ol><li>a</li></ol></li></ul><blockquote><p>Citat</p></blockquote><h3>R</h3><h4>r</h4>"
    )
    html = render_protocol_html(snapshot, revision_number=1, sha256="0" * 64)
    fast = pdf.write_pdf(html)
    fetcher = pdf._fetcher_class()
    with mock.patch.object(pydyf, "PDF", pdf._page_references_kept()):
        plain = HTML(string=html, base_url="static:/", url_fetcher=fetcher()).write_pdf(
            stylesheets=[CSS(filename=pdf.finders.find(pdf.STYLESHEET), url_fetcher=fetcher())], **pdf.PDF_OPTIONS
        )
    assert fast == plain


def test_a_federations_own_certificate_is_read_once_and_again_when_a_new_one_is_uploaded(cast, rendered):
    from pyhanko.sign.signers import SimpleSigner

    from federations import linking
    from tests.eid.test_federation_seal import organisation_certificate

    first, _certificate = organisation_certificate("Samordningsförbundet Test")
    linking.seal_upload(actor=None, federation=cast.federation, certificate=first, password="hemligt")
    with mock.patch.object(SimpleSigner, "load_pkcs12", wraps=SimpleSigner.load_pkcs12) as load:
        sealed = [seal.seal(rendered, federation_id=cast.federation.pk) for _ in range(3)]
    assert load.call_count == 1
    assert all("Samordningsförbundet Test" in seal.check_seal(data).signer for data in sealed)
    renewed, _certificate = organisation_certificate("Samordningsförbundet Förnyat")
    linking.seal_upload(actor=None, federation=cast.federation, certificate=renewed, password="hemligt")
    assert (
        "Samordningsförbundet Förnyat" in seal.check_seal(seal.seal(rendered, federation_id=cast.federation.pk)).signer
    )
