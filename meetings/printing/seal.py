"""Seal a PDF with the federation's certificate (PAdES, pyHanko) and check a sealed PDF.

Configured by FINSAM_SIGNING_CERT, FINSAM_SIGNING_KEY and FINSAM_SIGNING_KEY_PASSWORD (paths, or *_FILE for the
password). On a developer's machine and in tests a self-signed certificate is made under var/signing/ when none is
configured (`manage.py create_dev_certificate`).
"""

import asyncio
import concurrent.futures
import datetime
import functools
import hashlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from federations.trust import FederationSeal
from finsam.encryption import decrypt
from meetings.printing.failures import SealFailure


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


class SigningUnavailable(SealFailure):
    """No certificate is configured, or it cannot be read: a permanent failure the secretary must see."""


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
    raise SigningUnavailable("signing_not_configured")


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
    now = timezone.now()
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


class TimestampUnavailable(SealFailure):
    """The timestamp authority did not answer (FINSAM_TSA_URL): transient, the PDF task tries again later."""


# How many times to seal again when pyHanko's two clock readings for the modification date straddle a second.
METADATA_ATTEMPTS = 3


def configured_signer():
    """The signer of the configured certificate and key, read once per process (and again when either file
    changes) rather than once per document: reading them costs some 36 ms, and pyHanko's own signer decodes the
    key afresh for each of the two signatures of a seal (the size estimate and the real one), about 35 ms each."""
    cert, key, password = certificate_paths()
    try:
        return _signer(str(key), str(cert), password, _file_identity(key), _file_identity(cert))
    except (OSError, ValueError, TypeError) as exc:
        raise SigningUnavailable("signing_unreadable", error=exc) from exc


def _file_identity(path):
    """What changes when a file is replaced or rewritten: a new key or certificate is read again."""
    status = Path(path).stat()
    return status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=4)
def _signer(key_path, cert_path, password, _key_identity, _cert_identity):
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    return _signer_class()(
        signing_cert=load_cert_from_pemder(cert_path),
        signing_key=load_private_key_from_pemder(key_path, passphrase=password.encode() if password else None),
        cert_registry=SimpleCertificateStore(),
    )


@functools.cache
def _signer_class():
    """pyHanko's SimpleSigner keeping its RSA key decoded. SimpleSigner.sign_raw decodes the key from DER for each
    signature, with the RSA consistency check (~35 ms); an RSA PKCS#1 v1.5 signature is the same whichever key
    object makes it, so that case signs with the key decoded once. Other mechanisms (an EC or PSS certificate)
    are left to pyHanko."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class KeptKeySigner(SimpleSigner):
        @functools.cached_property
        def decoded_key(self):
            return serialization.load_der_private_key(self.signing_key.dump(), password=None)

        def sign_raw(self, data, digest_algorithm):
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            if mechanism != "rsassa_pkcs1v15":
                return super().sign_raw(data, digest_algorithm)
            return self.decoded_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    return KeptKeySigner


# Federations' signers read in this process, by (row, digest of the stored certificate and password).
_federation_signers: dict = {}
FEDERATION_SIGNERS_KEPT = 64


def _federation_signer(federation_id):
    """The federation's own sealing certificate (federations.trust.FederationSeal), or None to use the portal's.
    Read once per process, as the portal's (configured_signer), and again when a new certificate is uploaded."""
    stored = FederationSeal.objects.filter(federation_id=federation_id).first() if federation_id else None
    if stored is None:
        return None
    key = (stored.pk, hashlib.sha256(bytes(stored.pkcs12) + b"\0" + bytes(stored.password)).hexdigest())
    signer = _federation_signers.get(key)
    if signer is None:
        signer = _read_federation_signer(stored)
        if len(_federation_signers) >= FEDERATION_SIGNERS_KEPT:
            _federation_signers.clear()
        _federation_signers[key] = signer
    return signer


def _read_federation_signer(stored):
    from pyhanko.sign import signers

    with tempfile.NamedTemporaryFile(suffix=".p12") as pfx:
        pfx.write(decrypt(stored.pkcs12))
        pfx.flush()
        password = decrypt(stored.password)
        loaded = signers.SimpleSigner.load_pkcs12(pfx.name, passphrase=password or None)
    if loaded is None:
        raise SigningUnavailable("federation_seal_not_loaded", subject=stored.subject)
    return _signer_class()(
        signing_cert=loaded.signing_cert, signing_key=loaded.signing_key, cert_registry=loaded.cert_registry
    )


def federation_certificates():
    """The federations' sealing certificates (asn1crypto), which /verifiera/ trusts beside the portal's own."""
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
    from pyhanko.keys import load_certs_from_pemder_data

    certificates = []
    for stored in FederationSeal.objects.all():
        loaded = pkcs12.load_key_and_certificates(decrypt(stored.pkcs12), decrypt(stored.password) or None)
        if loaded[1] is not None:
            certificates.extend(load_certs_from_pemder_data(loaded[1].public_bytes(Encoding.DER)))
    return certificates


@outside_event_loop
def seal(pdf_bytes, *, reason="Justerat protokoll", location="Finsamportalen", federation_id=None):
    """The PDF with a PAdES signature added (incrementally), in the federation's name where it has uploaded its own
    certificate, otherwise the installation's: B-T with an RFC 3161 timestamp when FINSAM_TSA_URL names a timestamp
    authority, B-B otherwise."""
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError

    try:
        signer = _federation_signer(federation_id)
    except (OSError, ValueError) as exc:
        raise SigningUnavailable("federation_seal_unreadable", error=exc) from exc
    if signer is None:
        signer = configured_signer()
    metadata = signers.PdfSignatureMetadata(
        field_name="Sigill", subfilter=fields.SigSeedSubFilter.PADES, reason=reason, location=location
    )
    timestamper = HTTPTimeStamper(settings.FINSAM_TSA_URL) if settings.FINSAM_TSA_URL else None
    pdf_signer = signers.PdfSigner(metadata, signer=signer, timestamper=timestamper)
    for _attempt in range(METADATA_ATTEMPTS):
        try:
            sealed = pdf_signer.sign_pdf(_writer_with_aligned_metadata(pdf_bytes)).getvalue()
        except TimestampRequestError as exc:
            raise TimestampUnavailable("timestamp_unanswered", url=settings.FINSAM_TSA_URL, error=exc) from exc
        if not metadata_disagreements(sealed):
            break
    return sealed


def _writer_with_aligned_metadata(pdf_bytes):
    """An incremental writer whose info dictionary will say what pyHanko writes to the XMP metadata.

    PDF/A wants the two to agree. In the sealing update pyHanko sets the XMP's pdf:Producer to its own name but
    appends its name to the info dictionary's /Producer ("WeasyPrint 70.0; pyHanko 0.38.0"), and sets the XMP's
    xmp:ModifyDate but the info dictionary's /ModDate only where one exists. So the info dictionary is given
    pyHanko's name (which pyHanko then keeps) and a /ModDate (which pyHanko then updates with the XMP's)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.metadata.model import VENDOR

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    info_ref = writer.trailer.raw_get("/Info") if "/Info" in writer.trailer else None
    if isinstance(info_ref, generic.IndirectObject):
        info = info_ref.get_object()
        info["/Producer"] = generic.TextStringObject(VENDOR)
        info["/ModDate"] = generic.pdf_date(timezone.now())
        writer.mark_update(info_ref)
    return writer


def metadata_disagreements(pdf_bytes):
    """Where the info dictionary and the XMP metadata of the PDF say different things (PDF/A wants none)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    info, xmp = reader.metadata or {}, reader.xmp_metadata
    if xmp is None:
        return ["XMP"] if info else []
    problems = []
    if info.get("/Producer") is not None and info.get("/Producer") != xmp.pdf_producer:
        problems.append("Producer")
    if info.get("/ModDate") is not None:
        info_date, xmp_date = info.modification_date, xmp.xmp_modify_date
        if xmp_date is None or info_date.astimezone(datetime.UTC) != _as_utc(xmp_date):
            problems.append("ModDate")
    return problems


def _as_utc(moment):
    # pypdf reads an XMP date as naive UTC
    return moment.replace(tzinfo=datetime.UTC) if moment.tzinfo is None else moment.astimezone(datetime.UTC)


# Modification levels after the sealed revision that leave the sealed protocol as it was: none at all, or only
# validation data and document timestamps added for long-term validity (PAdES B-LT and B-LTA).
UNCHANGED_LEVELS = ("NONE", "LTA_UPDATES")


@dataclass
class SealCheck:
    signed: bool
    intact: bool  # the sealed bytes are unchanged and the signature is mathematically valid
    trusted: bool  # the signing certificate chains to the portal's
    changed_after_sealing: bool = False  # intact, but the file has content added after the sealed revision
    signer: str = ""
    signed_at: datetime.datetime | None = None
    timestamped_at: datetime.datetime | None = None  # a valid RFC 3161 timestamp of the trusted TSA (B-T)

    @property
    def valid(self):
        """The whole file is what the portal sealed."""
        return self.intact and self.trusted and not self.changed_after_sealing


@outside_event_loop
def check_seal(pdf_bytes, *, also_trusted=()):
    """Is the PDF sealed, is the sealed content intact, is nothing added after it, and does it chain to our
    certificate (or to one of `also_trusted`, the federations' own: federation_certificates())? The caller reads
    those, so that checking a seal asks nothing of the database."""
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
        roots = [load_cert_from_pemder(str(cert_path)), *also_trusted]
        context = ValidationContext(trust_roots=roots)
        # A timestamp sits outside the signed bytes, so anyone could swap in their own: trust only the configured TSA.
        tsa_roots = [load_cert_from_pemder(settings.FINSAM_TSA_CERT)] if settings.FINSAM_TSA_CERT else []
        status = validate_pdf_signature(signatures[0], context, ts_validation_context=ValidationContext(tsa_roots))
    except (SigningUnavailable, ImproperlyConfigured):
        return SealCheck(signed=True, intact=False, trusted=False)
    except Exception:  # pyHanko raises many kinds for tampered structures: all mean "not intact"
        return SealCheck(signed=True, intact=False, trusted=False)
    intact = bool(status.intact and status.valid)
    # The signature covers its own revision; anything after it must be nothing, or only long-term validation data.
    whole_file = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    only_lta = status.modification_level is not None and status.modification_level.name in UNCHANGED_LEVELS
    timestamp = status.timestamp_validity
    return SealCheck(
        signed=True,
        intact=intact,
        trusted=bool(status.trusted),
        changed_after_sealing=intact and not (whole_file or only_lta),
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
        signed_at=status.signer_reported_dt,
        timestamped_at=timestamp.timestamp if timestamp and timestamp.valid and timestamp.trusted else None,
    )
