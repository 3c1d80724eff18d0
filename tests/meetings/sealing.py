"""Tools for tests of the seal: a copy altered after sealing, and an RFC 3161 timestamp authority on 127.0.0.1."""

import datetime
import http.server
import io
import threading

from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.timestamps import DummyTimeStamper


def add_text_to_first_page(pdf_bytes, text=b"Beslut: avslag"):
    """The PDF with an incremental update that writes text over page 1, as a forger with a PDF editor would."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes))
    font = writer.add_object(
        generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Font"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
                generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
            }
        )
    )
    content = writer.add_object(generic.StreamObject(stream_data=b"BT /Forged 24 Tf 72 700 Td (" + text + b") Tj ET"))
    resources = generic.DictionaryObject(
        {generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/Forged"): font})}
    )
    writer.add_stream_to_page(0, content, resources=resources)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _tsa_certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test-TSA för Finsamportalen")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)), keys.PrivateKeyInfo.load(
        der_key
    )


class TimestampAuthority:
    """An RFC 3161 timestamp service over HTTP on 127.0.0.1, answering with pyHanko's DummyTimeStamper."""

    def __init__(self):
        certificate, key = _tsa_certificate()
        self.certificate = certificate
        self.requests = 0
        stamper = DummyTimeStamper(tsa_cert=certificate, tsa_key=key)
        authority = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
                body = stamper.request_tsa_response(request).dump()
                authority.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/tsa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
