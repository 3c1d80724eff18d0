"""The seal itself: PDF/A metadata that agrees after sealing, changes after sealing, and B-T with a timestamp."""

import datetime
import io

import pytest
from pypdf import PdfReader

from meetings.printing import pdf, seal
from tests.meetings.sealing import TimestampAuthority, add_text_to_first_page

# check_seal also trusts the federations' own sealing certificates, read from the database.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def rendered():
    return pdf.render_one_page("Protokoll")


def test_the_info_dictionary_and_the_xmp_agree_after_sealing(rendered):
    reader = PdfReader(io.BytesIO(seal.seal(rendered)))
    info, xmp = reader.metadata, reader.xmp_metadata
    assert info.producer == xmp.pdf_producer
    assert info.modification_date is not None
    assert info.modification_date.astimezone(datetime.UTC) == xmp.xmp_modify_date.replace(tzinfo=datetime.UTC)
    assert xmp.get_element("", "http://www.aiim.org/pdfa/ns/id/", "part")  # still PDF/A
    assert seal.metadata_disagreements(seal.seal(rendered)) == []


def test_an_unchanged_seal_is_valid_and_a_changed_byte_is_not(rendered):
    sealed = seal.seal(rendered)
    assert seal.check_seal(sealed).valid
    changed = bytearray(sealed)
    changed[len(changed) // 3] ^= 0x01
    check = seal.check_seal(bytes(changed))
    assert not check.intact and not check.valid


def test_text_added_to_page_one_after_sealing_is_reported_as_a_change(rendered):
    forged = add_text_to_first_page(seal.seal(rendered))
    assert "Beslut: avslag" in PdfReader(io.BytesIO(forged)).pages[0].extract_text()
    check = seal.check_seal(forged)
    # The sealed revision itself is intact; what was added after it is not covered by the seal.
    assert check.intact and check.trusted and check.changed_after_sealing and not check.valid


def test_without_a_timestamp_authority_the_seal_has_no_timestamp(rendered, settings):
    settings.FINSAM_TSA_URL = None
    assert seal.check_seal(seal.seal(rendered)).timestamped_at is None


def test_with_a_timestamp_authority_the_seal_is_b_t(rendered, settings, tmp_path):
    with TimestampAuthority() as tsa:
        settings.FINSAM_TSA_URL = tsa.url
        sealed = seal.seal(rendered)
    assert tsa.requests >= 1
    # Until /verifiera/ is told to trust the TSA, a timestamp proves nothing (it sits outside the signed bytes).
    settings.FINSAM_TSA_CERT = None
    assert seal.check_seal(sealed).timestamped_at is None
    (tmp_path / "tsa.der").write_bytes(tsa.certificate.dump())
    settings.FINSAM_TSA_CERT = str(tmp_path / "tsa.der")
    check = seal.check_seal(sealed)
    assert check.valid
    assert abs(check.timestamped_at - datetime.datetime.now(datetime.UTC)) < datetime.timedelta(minutes=1)


def test_an_unreachable_timestamp_authority_is_a_transient_failure(rendered, settings):
    with TimestampAuthority() as tsa:
        url = tsa.url
    settings.FINSAM_TSA_URL = url  # the port was closed with the server
    with pytest.raises(seal.TimestampUnavailable):
        seal.seal(rendered)
