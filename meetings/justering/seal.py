"""Seal a PDF with the federation's certificate (PAdES, pyHanko) and check a sealed PDF.

Configured by FINSAM_SIGNING_CERT, FINSAM_SIGNING_KEY and FINSAM_SIGNING_KEY_PASSWORD (paths, or *_FILE for the
password). On a developer's machine and in tests a self-signed certificate is made under var/signing/ when none is
configured (`manage.py create_dev_certificate`).
"""

import asyncio
import concurrent.futures
import datetime
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def outside_event_loop(function):
    """pyHanko runs its own asyncio loop (asyncio.run); where a loop already runs in this thread (an ASGI server,
    a browser test's driver), the work goes to a short-lived thread of its own."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return function(*args, **kwargs)
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(function, *args, **kwargs).result()

    return wrapper


class SigningUnavailable(Exception):
    """No certificate is configured: a permanent failure the secretary must see."""


def certificate_paths():
    cert, key = settings.FINSAM_SIGNING_CERT, settings.FINSAM_SIGNING_KEY
    if cert and key:
        return Path(cert), Path(key), settings.FINSAM_SIGNING_KEY_PASSWORD
    if settings.DEBUG or settings.TESTING:
        directory = Path(settings.VAR_DIR) / "signing"
        cert, key = directory / "dev-cert.pem", directory / "dev-key.pem"
        if not cert.exists():
            create_development_certificate(directory)
        return cert, key, None
    raise SigningUnavailable("Inget signeringscertifikat är konfigurerat (FINSAM_SIGNING_CERT, FINSAM_SIGNING_KEY).")


def create_development_certificate(directory, common_name="Finsamportalen utvecklingssigill"):
    """A self-signed RSA-2048 certificate and key for the demo and the tests. Never for real protocols."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Finsamportalen (utveckling)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=5 * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )  # fmt: skip
        .sign(key, hashes.SHA256())
    )
    (directory / "dev-cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path = directory / "dev-key.pem"
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_path.chmod(0o600)
    return directory / "dev-cert.pem", key_path


@outside_event_loop
def seal(pdf_bytes, *, reason="Justerat protokoll", location="Finsamportalen"):
    """The PDF with a PAdES signature of the configured certificate added (incrementally)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    cert, key, password = certificate_paths()
    try:
        signer = signers.SimpleSigner.load(str(key), str(cert), key_passphrase=password.encode() if password else None)
    except (OSError, ValueError) as exc:
        raise SigningUnavailable(f"Signeringscertifikatet kunde inte läsas: {exc}") from exc
    if signer is None:
        raise SigningUnavailable("Signeringscertifikatet eller nyckeln kunde inte läsas.")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    metadata = signers.PdfSignatureMetadata(
        field_name="Sigill", subfilter=fields.SigSeedSubFilter.PADES, reason=reason, location=location
    )
    return signers.PdfSigner(metadata, signer=signer).sign_pdf(writer).getvalue()


@dataclass
class SealCheck:
    signed: bool
    intact: bool
    trusted: bool
    signer: str = ""
    signed_at: datetime.datetime | None = None


@outside_event_loop
def check_seal(pdf_bytes):
    """Is the PDF sealed, is the sealed content intact, and does it chain to our certificate?"""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # a damaged file is simply not a sealed protocol
        return SealCheck(signed=False, intact=False, trusted=False)
    if not signatures:
        return SealCheck(signed=False, intact=False, trusted=False)
    try:
        cert_path, _key, _password = certificate_paths()
        context = ValidationContext(trust_roots=[load_cert_from_pemder(str(cert_path))])
        status = validate_pdf_signature(signatures[0], context)
    except (SigningUnavailable, ImproperlyConfigured):
        return SealCheck(signed=True, intact=False, trusted=False)
    except Exception:  # pyHanko raises many kinds for tampered structures: all mean "not intact"
        return SealCheck(signed=True, intact=False, trusted=False)
    covers_all = status.coverage is not None and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION")
    return SealCheck(
        signed=True,
        intact=bool(status.intact and status.valid and covers_all),
        trusted=bool(status.trusted),
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
        signed_at=status.signer_reported_dt,
    )
