"""Fixtures for signing: a test CA, PKCS#12 keys, a SoftHSM2 token, images and PDFs."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from signing.pki import PASSWORD, Authority, make_authority

SOFTHSM_LIBRARIES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
TOKEN_LABEL = "drafter-test"
TOKEN_PIN = "123456"
ORGANISATION = "Sở Giáo dục và Đào tạo Hà Nội"

# The letter's one signature, which a test may replace by others.
SIGNER = '''[[signatures]]
authority = ["KT. GIÁM ĐỐC"]
title = "PHÓ GIÁM ĐỐC"
name = "Nguyễn Văn An"'''
LETTER = (
    """\
drafter = 1
type = "cong_van"
place = "Hà Nội"
subject = "tăng cường công tác phòng, chống dịch bệnh"
kinh_gui = ["Các đơn vị trực thuộc Sở"]
body = \"\"\"
{body}
Trân trọng.
\"\"\"

[issuer]
parent = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
name = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
abbreviation = "SGDĐT"
unit = "VP"

"""
    + SIGNER
    + """

[noi_nhan]
lines = ["Như trên"]
luu = "VT, VP"
"""
)
SENTENCE = (
    "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện nghiêm các nội dung "
    "phòng, chống dịch bệnh trong trường học và báo cáo kết quả đúng thời hạn."
)


@dataclass
class Keys:
    folder: Path
    authority: Authority
    trust: Path
    signer: Path
    agency: Path
    expired: Path
    passfile: Path


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("keys")
    authority = make_authority()
    trust = folder / "trust"
    authority.write_pem(trust)
    passfile = folder / "password.txt"
    passfile.write_text(PASSWORD + "\n", encoding="utf-8")
    return Keys(
        folder,
        authority,
        trust,
        authority.pkcs12(folder, "signer", "Nguyễn Văn An", ORGANISATION),
        authority.pkcs12(folder, "agency", ORGANISATION, ORGANISATION),
        authority.pkcs12(folder, "expired", "Trần Thị Bình", ORGANISATION, expired=True),
        passfile,
    )


@dataclass
class Images:
    signature: Path
    seal: Path


@pytest.fixture(scope="session")
def images(tmp_path_factory: pytest.TempPathFactory) -> Images:
    from PIL import Image, ImageDraw

    folder = tmp_path_factory.mktemp("images")
    signature = Image.new("RGBA", (600, 250), (0, 0, 0, 0))
    ImageDraw.Draw(signature).line(
        [(20, 200), (300, 40), (580, 180)], fill=(0, 0, 200, 255), width=12
    )
    signature.save(folder / "signature.png")
    seal = Image.new("RGBA", (450, 450), (0, 0, 0, 0))
    ImageDraw.Draw(seal).ellipse([5, 5, 445, 445], outline=(220, 0, 0, 255), width=20)
    seal.save(folder / "seal.png", dpi=(300, 300))  # 450 px at 300 dpi: 38.1 mm
    return Images(folder / "signature.png", folder / "seal.png")


def render_letter(
    folder: Path, paragraphs: int = 1, name: str = "letter", text: str | None = None
) -> Path:
    """Export a letter to PDF: *text* is the letter file, by default a công văn of
    *paragraphs* paragraphs."""
    from drafter.app.render import render_files

    letter = folder / f"{name}.letter"
    letter.write_text(
        text if text is not None else LETTER.format(body="\n".join([SENTENCE] * paragraphs)),
        encoding="utf-8",
    )
    target = folder / f"{name}.pdf"
    assert render_files([str(letter)], target) == 0
    return target


@pytest.fixture(scope="session")
def draft_pdf(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Path:
    """A one-page công văn with a blank number and date, as Drafter exports it.

    Exporting paints with Qt: *qapp* makes the widgets' application first, so that the
    export does not make a bare GUI application the dialog tests could not use."""
    return render_letter(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def two_page_pdf(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Path:
    import pymupdf

    path = render_letter(tmp_path_factory.mktemp("pdf"), paragraphs=14, name="long")
    with pymupdf.open(path) as document:
        assert len(document) == 2
    return path


@pytest.fixture(scope="module")
def signed_by_signer(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The draft signed by the test signer, shared by a module's tests that do not change it."""
    from signing.helpers import sign_as_signer

    return sign_as_signer(draft_pdf, keys, images, tmp_path_factory.mktemp("signed") / "signed.pdf")


@dataclass
class Token:
    library: Path
    label: str
    pin: str


def softhsm_library() -> Path | None:
    return next((Path(p) for p in SOFTHSM_LIBRARIES if Path(p).is_file()), None)


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Iterator[Token]:
    """A SoftHSM2 token holding a key made on it and its certificate from the test CA."""
    library = softhsm_library()
    if library is None or shutil.which("softhsm2-util") is None:
        pytest.fail("SoftHSM2 is not installed (Debian package softhsm2; .ci/run installs it)")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n",
        encoding="utf-8",
    )
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            TOKEN_LABEL,
            "--pin",
            TOKEN_PIN,
            "--so-pin",
            "87654321",
        ],
        check=True,
        capture_output=True,
    )
    _put_key_and_certificate(library, keys.authority)
    yield Token(library, TOKEN_LABEL, TOKEN_PIN)
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


def _put_key_and_certificate(library: Path, authority: Authority) -> None:
    import pkcs11
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    lib = pkcs11.lib(str(library))
    token = lib.get_token(token_label=TOKEN_LABEL)
    with token.open(rw=True, user_pin=TOKEN_PIN) as session:
        public, _private = session.generate_keypair(
            KeyType.RSA, 2048, id=b"\x01", label="signer", store=True
        )
        numbers = rsa.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT]),
            int.from_bytes(public[Attribute.MODULUS]),
        )
        certificate = authority.issue(numbers.public_key(), "Lê Văn Cường", ORGANISATION)
        der = certificate.public_bytes(serialization.Encoding.DER)
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.ID: b"\x01",
                Attribute.LABEL: "signer",
                Attribute.VALUE: der,
                Attribute.SUBJECT: certificate.subject.public_bytes(),
            }
        )
