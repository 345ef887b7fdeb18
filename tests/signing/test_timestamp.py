"""A time-stamping server, when one is configured, dates the signature."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from signing.conftest import Images, Keys
from signing.helpers import sign_as_signer


@pytest.fixture
def tsa_url(keys: Keys, tmp_path: Path) -> Iterator[str]:
    """A local TSA (RFC 3161 over HTTP) whose certificate comes from the test CA."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp, x509
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = keys.authority.issue(key.public_key(), "Drafter Test TSA", "Drafter Test")
    # A TSA certificate needs the time-stamping purpose, critical (RFC 3161).
    builder = (
        cx509.CertificateBuilder()
        .subject_name(certificate.subject)
        .issuer_name(certificate.issuer)
        .public_key(key.public_key())
        .serial_number(certificate.serial_number)
        .not_valid_before(certificate.not_valid_before_utc)
        .not_valid_after(certificate.not_valid_after_utc)
        .add_extension(cx509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    )
    certificate = builder.sign(keys.authority.key, hashes.SHA256())
    stamper = DummyTimeStamper(
        tsa_cert=x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
    )

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()


def test_signature_dated_by_the_time_stamping_server(
    draft_pdf: Path,
    keys: Keys,
    images: Images,
    tsa_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from drafter.signing.verify import verify_bytes

    monkeypatch.setenv("DRAFTER_TSA_URL", tsa_url)  # the setting, as signing.toml would
    out = sign_as_signer(draft_pdf, keys, images, tmp_path / "signed.pdf")
    report = verify_bytes(out.read_bytes(), keys.trust)
    assert report.passes
    assert report.signatures[0].time_source == "timestamp"


def test_without_a_server_the_local_clock_dates_it(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path: Path
) -> None:
    from drafter.signing.verify import verify_bytes

    out = sign_as_signer(draft_pdf, keys, images, tmp_path / "signed.pdf")
    assert verify_bytes(out.read_bytes(), keys.trust).signatures[0].time_source == "signer"
