"""Running ``drafter sign`` in the tests: the usual arguments of each role, written once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from drafter.cli import main
from signing.conftest import Images, Keys, Token

if TYPE_CHECKING:
    from drafter.store.engine import Store


def sign(*args: object) -> int:
    """The exit status of ``drafter sign`` with *args* (made strings)."""
    return main(["sign", *map(str, args)])


def run_sign(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """``drafter sign`` with *args*: its exit status and what it alone wrote out and err."""
    capsys.readouterr()
    code = sign(*args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def signer_args(
    keys: Keys,
    images: Images,
    *,
    key: Path | None = None,
    image: Path | None = None,
    passfile: Path | None = None,
) -> tuple[object, ...]:
    """Signing as the signer with a PKCS#12 key, by default the test signer's."""
    return (
        "--as",
        "signer",
        "--p12",
        key or keys.signer,
        "--image",
        image or images.signature,
        "--passfile",
        passfile or keys.passfile,
    )


def token_signer_args(
    token: Token, images: Images, pin_file: Path, label: str | None = None
) -> tuple[object, ...]:
    """Signing as the signer with the SoftHSM2 token's key (another *label*: a token
    not there), the PIN in *pin_file*."""
    return (
        "--as",
        "signer",
        "--pkcs11",
        token.library,
        "--token",
        label or token.label,
        "--image",
        images.signature,
        "--passfile",
        pin_file,
    )


def agency_text_args(keys: Keys) -> tuple[object, ...]:
    """Signing as the agency with its PKCS#12 key, without an image (the text stamp)."""
    return ("--as", "agency", "--p12", keys.agency, "--passfile", keys.passfile)


def agency_args(keys: Keys, images: Images, *, seal: Path | None = None) -> tuple[object, ...]:
    """Signing as the agency with its PKCS#12 key and, by default, the test seal."""
    return (*agency_text_args(keys), "--image", seal or images.seal)


def sign_as_signer(pdf: Path, keys: Keys, images: Images, out: Path) -> Path:
    """*pdf* signed by the test signer into *out*, which is returned."""
    assert sign(pdf, *signer_args(keys, images), "-o", out) == 0
    return out


def issue_as_agency(
    pdf: Path,
    keys: Keys,
    images: Images,
    out: Path,
    number: int,
    date: str,
    *options: object,
    seal: Path | None = None,
) -> Path:
    """*pdf* numbered, dated and sealed (by default with the test seal) by the agency into
    *out*, which is returned."""
    assert (
        sign(
            pdf,
            *agency_args(keys, images, seal=seal),
            "--number",
            number,
            "--date",
            date,
            *options,
            "-o",
            out,
        )
        == 0
    )
    return out


def save_office_keys(store: Store, keys: Keys, images: Images, profile_label: str) -> None:
    """Keep in *store* the letter's issuer (its seal and the agency's key) and its signer,
    Nguyễn Văn An (his signature image and the signer's key)."""
    from drafter.store.models import Profile, Signer
    from drafter.store.profiles import save_profile
    from drafter.store.signers import save_signer

    save_profile(
        store,
        Profile(
            label=profile_label,
            name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
            parent="",
            abbreviation="SGDĐT",
            units=[],
            seal_image=str(images.seal),
            certificate=f"p12:{keys.agency}",
        ),
    )
    save_signer(
        store,
        Signer(
            name="Nguyễn Văn An",
            title="PHÓ GIÁM ĐỐC",
            patterns=[],
            signature_image=str(images.signature),
            certificate=f"p12:{keys.signer}",
        ),
    )


def drawn_images(path: Path) -> dict[tuple[int, int], tuple[float, float, float, float]]:
    """The images drawn on page 1 (signature appearances included), by pixel size."""
    import pymupdf

    with pymupdf.open(path) as document:
        document.bake()
        return {
            (info["width"], info["height"]): tuple(info["bbox"])
            for info in document[0].get_image_info()
        }


def pdfsig(path: Path) -> str:
    """poppler's report: an independent reader of the signatures."""
    assert shutil.which("pdfsig"), "pdfsig is missing: install poppler-utils (make setup)"
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
