"""Files secretaries have in their archives that are not hostile: a PDF protected with a password is refused with a
message that says so (not "it may be damaged"), one with only an owner password (no printing, no copying) is read;
a text saved as "Unicode" (UTF-16, as Notepad and Word do) is read like UTF-8."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from weasyprint import HTML

from meetings.importing import UnreadableDocument, read_document
from meetings.importing.readers import MESSAGES, check_file
from meetings.models import ImportDocument, PendingImport

MINUTES = "Protokoll\nDatum: 2026-03-01\n\n§ 1 Öppnande\nMötet öppnades av Åsa Öberg.\n\n§ 2 Budget\nBeslut: antogs.\n"


@pytest.fixture(scope="module")
def minutes_pdf():
    return HTML(string="<pre>" + MINUTES + "</pre>").write_pdf()


def protected(pdf, user_password, owner_password):
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_with_a_password_is_refused_with_a_message_saying_so(minutes_pdf):
    with pytest.raises(UnreadableDocument) as refused:
        read_document(protected(minutes_pdf, "hemligt", "hemligt"), "protokoll.pdf")
    assert refused.value.code == "encrypted"
    assert "lösenord" in refused.value.message


def test_a_pdf_with_only_an_owner_password_is_read(minutes_pdf):
    text = read_document(protected(minutes_pdf, "", "ägaren"), "protokoll.pdf")
    assert "Mötet öppnades av Åsa Öberg" in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_text_saved_as_unicode_is_read(encoding):
    data = MINUTES.encode(encoding)
    if encoding != "utf-16":  # the codec writes the mark itself only for plain "utf-16"
        data = ("\ufeff" + MINUTES).encode(encoding)
    check_file(data, "protokoll.txt")  # accepted when it arrives
    assert read_document(data, "protokoll.txt") == MINUTES


def test_a_text_of_nul_characters_is_still_not_a_text():
    with pytest.raises(UnreadableDocument) as refused:
        check_file(b"\x00\x01\x02" * 100, "protokoll.txt")
    assert refused.value.code == "binary"


@pytest.mark.django_db(transaction=True)
def test_the_secretary_sees_why_a_protected_pdf_failed_on_the_uploads_page(client_for, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = client_for("secretary")
    response = client.post(
        "/moten/importera/",
        {
            "files": [
                SimpleUploadedFile(
                    "skyddad.pdf", protected(HTML(string="<pre>" + MINUTES + "</pre>").write_pdf(), "x", "x")
                )
            ]
        },
    )
    document = ImportDocument.objects.get()
    assert document.status == ImportDocument.Status.FAILED and not PendingImport.objects.exists()
    assert str(MESSAGES["encrypted"]) in client.get(response["Location"]).content.decode()
