"""A failure to seal is kept as a code and its parameters and read in the reader's language: the secretary's page,
the administrators' warnings and the admin say it in their language, whatever language the worker ran in. What was
stored as text before the codes is shown as it was."""

import datetime
import json
from unittest import mock

import pytest
from django.utils import timezone, translation
from django.utils.translation import trans_real

from meetings.justering import tasks
from meetings.models import SignedDocument
from meetings.operations import status
from meetings.printing import seal
from meetings.printing.failures import MESSAGES, SealFailure, failure_text
from tests.meetings.factories import justera, ready_to_send

UNREADABLE = "Signeringscertifikatet kunde inte läsas: %(error)s"
# The English the merger's catalogue will give this new message. Until it does, the test puts it in the loaded English
# catalogue itself, so what it checks is that the words are chosen where they are read, not when they were stored.
UNREADABLE_EN = "The signing certificate could not be read: %(error)s"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def english_catalogue():
    catalogue = trans_real.translation("en")._catalog
    added = UNREADABLE not in catalogue
    if added:
        catalogue[UNREADABLE] = UNREADABLE_EN
    yield
    if added:
        catalogue._catalogs[0].pop(UNREADABLE, None)


@pytest.fixture
def failed(cast, django_capture_on_commit_callbacks):
    meeting = justera(cast, ready_to_send(cast, date=timezone.localdate() - datetime.timedelta(days=1)))
    document = SignedDocument.objects.get(meeting=meeting)
    failure = seal.SigningUnavailable("signing_unreadable", error="no PEM start line")
    with mock.patch.object(seal, "seal", side_effect=failure):
        assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "failed"
    document.refresh_from_db()
    return document


def test_the_failure_is_kept_as_its_code_and_parameters(failed):
    assert failed.status == SignedDocument.Status.FAILED
    assert json.loads(failed.error) == {"code": "signing_unreadable", "params": {"error": "no PEM start line"}}


def test_the_secretary_reads_it_in_swedish_or_in_english(failed, client_for, english_catalogue):
    client = client_for("secretary")
    page = client.get(f"/moten/{failed.meeting_id}/justering/pdf-status/").content.decode()
    assert "Signeringscertifikatet kunde inte läsas: no PEM start line" in page and '"code"' not in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(f"/moten/{failed.meeting_id}/justering/pdf-status/").content.decode()
    assert "The PDF could not be made: The signing certificate could not be read: no PEM start line" in page


def test_the_administrators_warning_reads_it_in_their_language(failed, english_catalogue):
    SignedDocument.objects.filter(pk=failed.pk).update(created=timezone.now() - datetime.timedelta(hours=2))
    [swedish] = [line for line in status.warnings() if line.startswith("PDF")]
    assert swedish.endswith("har misslyckats: Signeringscertifikatet kunde inte läsas: no PEM start line")
    with translation.override("en"):
        [english] = [line for line in status.warnings() if "certificate could not be read" in line]
    assert english.endswith("The signing certificate could not be read: no PEM start line")


def test_text_stored_before_the_codes_is_shown_as_it_was(failed, client_for):
    old = "Inget signeringscertifikat är konfigurerat (FINSAM_SIGNING_CERT, FINSAM_SIGNING_KEY)."
    SignedDocument.objects.filter(pk=failed.pk).update(error=old)
    page = client_for("secretary").get(f"/moten/{failed.meeting_id}/justering/pdf-status/").content.decode()
    assert old in page
    assert failure_text("{not json") == "{not json" and failure_text('{"code": "unknown", "params": {}}')


def test_every_certificate_failure_has_a_message_and_says_it_in_words(settings):
    settings.FINSAM_SIGNING_CERT = settings.FINSAM_SIGNING_KEY = ""
    settings.DEBUG = settings.TESTING = False
    with pytest.raises(seal.SigningUnavailable) as missing:
        seal.certificate_paths()
    assert missing.value.code == "signing_not_configured"
    assert str(missing.value) == str(MESSAGES["signing_not_configured"])
    for code in MESSAGES:
        text = str(SealFailure(code, error="x", subject="CN=Sigill", url="http://tsa.example"))
        assert "%(" not in text, code
    assert str(seal.TimestampUnavailable("kein Code")) == "kein Code"  # an uncoded text stays itself
