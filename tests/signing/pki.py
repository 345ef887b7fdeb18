"""A test certification authority made at run time: a root, signing certificates, PKCS#12."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "mật khẩu 123"


def _name(common: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _key_usage(*, signs_documents: bool, signs_certificates: bool) -> x509.KeyUsage:
    """Digital signatures always; non-repudiation for a signer's documents, certificate
    and CRL signing for an authority; no encryption."""
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=signs_documents,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=signs_certificates,
        crl_sign=signs_certificates,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class Authority:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate

    def write_pem(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "test-root.pem"
        path.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        return path

    def issue(
        self, public_key: rsa.RSAPublicKey, common: str, organisation: str, *, expired: bool = False
    ) -> x509.Certificate:
        now = dt.datetime.now(dt.UTC)
        start, end = (
            (now - dt.timedelta(days=400), now - dt.timedelta(days=30))
            if expired
            else (now - dt.timedelta(days=1), now + dt.timedelta(days=365))
        )
        return (
            x509.CertificateBuilder()
            .subject_name(_name(common, organisation))
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                _key_usage(signs_documents=True, signs_certificates=False), critical=True
            )
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
            )
            .sign(self.key, hashes.SHA256())
        )

    def pkcs12(
        self,
        folder: Path,
        stem: str,
        common: str,
        organisation: str,
        *,
        expired: bool = False,
        password: str = PASSWORD,
    ) -> Path:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        certificate = self.issue(key.public_key(), common, organisation, expired=expired)
        data = pkcs12.serialize_key_and_certificates(
            stem.encode(),
            key,
            certificate,
            [self.certificate],
            serialization.BestAvailableEncryption(password.encode()),
        )
        path = folder / f"{stem}.p12"
        path.write_bytes(data)
        return path


def make_authority(common: str = "Drafter Test Root CA") -> Authority:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    name = _name(common, "Drafter Test")
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=800))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(signs_documents=False, signs_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Authority(key, certificate)
