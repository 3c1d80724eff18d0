"""Each federation seals its protocols with its own certificate (PKCS#12, kept encrypted); /verifiera/ says in whose
name. Two federations, two certificates, each PDF validated with pyHanko against its own."""

import datetime
import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.files.uploadedfile import SimpleUploadedFile
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from federations import linking
from federations.trust import FederationSeal
from meetings.justering import tasks
from tests.meetings.factories import justera, plan_meeting


def organisation_certificate(name, password=b"hemligt"):
    """A PKCS#12 like an organisation certificate for e-seals: the federation's name, a key, a password."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{name} e-sigill"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name.encode(), key, certificate, None, serialization.BestAvailableEncryption(password)
    )
    return data, certificate


def trust(certificate):
    return load_certs_from_pemder_data(certificate.public_bytes(serialization.Encoding.DER))


def validated(pdf, certificate):
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    return validate_pdf_signature(signature, ValidationContext(trust_roots=trust(certificate)))


@pytest.fixture
def two_seals(cast, client_for):
    test_p12, test_cert = organisation_certificate("Samordningsförbundet Test")
    other_p12, other_cert = organisation_certificate("Samordningsförbundet Annat")
    # the federation's administrator uploads it; the other is stored by the service
    upload = SimpleUploadedFile("sigill.p12", test_p12, content_type="application/x-pkcs12")
    response = client_for("admin").post(
        "/forbund/test/justering/sigill/", {"certificate": upload, "password": "hemligt"}
    )
    assert response.status_code == 302
    linking.seal_upload(actor=None, federation=cast.other_federation, certificate=other_p12, password="hemligt")
    return test_cert, other_cert


def test_the_certificate_is_stored_encrypted(cast, two_seals):
    stored = FederationSeal.objects.get(federation=cast.federation)
    assert b"Samordningsf" not in bytes(stored.pkcs12) and b"hemligt" not in bytes(stored.password)
    assert "Samordningsförbundet Test" in stored.subject


def test_a_wrong_password_is_refused_and_nothing_stored(client_for, cast):
    data, _certificate = organisation_certificate("Samordningsförbundet Test")
    upload = SimpleUploadedFile("sigill.p12", data)
    client = client_for("admin")
    client.post("/forbund/test/justering/sigill/", {"certificate": upload, "password": "fel"})
    assert not FederationSeal.objects.exists()
    assert "kunde inte läsas som PKCS#12" in client.get("/forbund/test/justering/").content.decode()


@pytest.mark.parametrize("key", ["secretary", "member"])
def test_only_the_administrator_uploads_a_certificate(client_for, key):
    data, _certificate = organisation_certificate("X")
    upload = SimpleUploadedFile("sigill.p12", data)
    assert client_for(key).post("/forbund/test/justering/sigill/", {"certificate": upload}).status_code == 403


def test_two_federations_seal_with_their_own_certificates(cast, two_seals, client):
    test_cert, other_cert = two_seals
    mine = justera(cast, plan_meeting(cast, date=datetime.date(2026, 3, 1)))
    theirs = justera(cast, plan_meeting(cast, date=datetime.date(2026, 3, 2), body=cast.other_board))
    mine_pdf = tasks.build_signed_pdf(mine.documents.get())
    theirs_pdf = tasks.build_signed_pdf(theirs.documents.get())
    own, crossed = validated(mine_pdf, test_cert), validated(mine_pdf, other_cert)
    assert own.intact and own.valid and own.trusted and not crossed.trusted
    assert "Samordningsförbundet Test" in own.signing_cert.subject.human_friendly
    own, crossed = validated(theirs_pdf, other_cert), validated(theirs_pdf, test_cert)
    assert own.intact and own.valid and own.trusted and not crossed.trusted
    html = client.post("/verifiera/", {"file": SimpleUploadedFile("p.pdf", theirs_pdf)}).content.decode()
    assert "Förseglat i namn av" in html and "Samordningsförbundet Annat" in html


def test_without_its_own_certificate_a_federation_seals_with_the_portals(cast):
    meeting = justera(cast, plan_meeting(cast, date=datetime.date(2026, 3, 1)))
    pdf = tasks.build_signed_pdf(meeting.documents.get())
    signer = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0].signer_cert.subject.human_friendly
    assert "Finsamportalen" in signer
