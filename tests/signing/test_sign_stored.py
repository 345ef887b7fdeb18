"""drafter sign takes the signature image, the seal and the key the office data keeps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from signing.conftest import Images, Keys
from signing.helpers import drawn_images, run_sign, save_office_keys


def _drawn_sizes(path: Path) -> set[tuple[int, int]]:
    return set(drawn_images(path))


@pytest.fixture
def office(tmp_path: Path, keys: Keys, images: Images) -> Path:
    """A database with the letter's signer (Nguyễn Văn An) and its issuer's profile."""
    from drafter.store.engine import open_store
    from drafter.store.models import Profile, Signer
    from drafter.store.profiles import save_profile
    from drafter.store.signers import save_signer

    database = tmp_path / "office.sqlite3"
    with open_store(database) as store:
        save_office_keys(store, keys, images, "Sở GD&ĐT")
        save_profile(
            store,
            Profile(label="Sở Nội vụ", name="SỞ NỘI VỤ", parent="", abbreviation="SNV", units=[]),
        )
        save_signer(store, Signer(name="Trần Thị Bình", title="GIÁM ĐỐC", patterns=[]))
    return database


SignWithTheOffice = Callable[..., tuple[int, str, str]]


@pytest.fixture
def sign_with_the_office(
    capsys: pytest.CaptureFixture[str], keys: Keys, office: Path
) -> SignWithTheOffice:
    """``drafter sign`` of a PDF into an output file with some options, the office data and
    the password: the exit status, the output and the errors."""

    def sign_into(pdf: Path, out: Path, *options: object) -> tuple[int, str, str]:
        return run_sign(
            capsys, pdf, *options, "--passfile", keys.passfile, "--db", office, "-o", out
        )

    return sign_into


def test_the_signer_and_the_agency_sign_with_what_the_store_keeps(
    draft_pdf: Path, keys: Keys, tmp_path: Path, sign_with_the_office: SignWithTheOffice
) -> None:
    from drafter.signing.verify import verify_bytes

    signed, issued = tmp_path / "signed.pdf", tmp_path / "issued.pdf"
    # No --image, no key: the signer is the name printed under the block.
    code, out, err = sign_with_the_office(draft_pdf, signed, "--as", "signer")
    assert code == 0, err
    assert "Nguyễn Văn An" in out and str(keys.signer) in out
    assert (600, 250) in _drawn_sizes(signed)
    code, out, err = sign_with_the_office(
        signed, issued, "--as", "agency", "--number", 21, "--date", "2026-03-05"
    )
    assert code == 0, err
    assert {(600, 250), (450, 450)} <= _drawn_sizes(issued)  # the profile's seal
    report = verify_bytes(issued.read_bytes(), keys.trust)
    assert report.passes
    assert report.signatures[1].signer == "Sở Giáo dục và Đào tạo Hà Nội"  # agency's key


def test_signer_named_without_diacritics_and_image_given_on_the_command_line(
    draft_pdf: Path, keys: Keys, tmp_path: Path, sign_with_the_office: SignWithTheOffice
) -> None:
    from PIL import Image

    override = tmp_path / "other.png"
    Image.new("RGBA", (300, 120), (0, 0, 200, 255)).save(override)
    signed = tmp_path / "signed.pdf"
    # The key is the stored one of "nguyen van an"; the image is the one given.
    code, out, err = sign_with_the_office(
        draft_pdf, signed, "--as", "signer", "--signer", "NGUYEN VAN AN", "--image", override
    )
    assert code == 0, err
    assert str(keys.signer) in out
    drawn = _drawn_sizes(signed)
    assert (300, 120) in drawn and (600, 250) not in drawn


def test_a_signer_unknown_or_without_an_image_is_named(
    draft_pdf: Path, keys: Keys, tmp_path: Path, sign_with_the_office: SignWithTheOffice
) -> None:
    out_path = tmp_path / "signed.pdf"
    named_by_options = (
        ("Lê Văn Cường", ("--signer", "Lê Văn Cường")),
        ("Trần Thị Bình", ("--signer", "tran thi binh", "--p12", keys.signer)),
    )
    for named, options in named_by_options:
        code, _out, err = sign_with_the_office(draft_pdf, out_path, "--as", "signer", *options)
        assert code == 2 and named in err and "--image" in err
    assert not out_path.exists()


def test_key_choices_as_stored() -> None:
    from drafter.signing.stored import parse_key_choice

    p12 = parse_key_choice("p12:/home/an/khoá.p12")
    assert p12 is not None and p12.p12 == Path("/home/an/khoá.p12")
    token = parse_key_choice("pkcs11:/usr/lib/softhsm/libsofthsm2.so#VNPT CA#1")
    assert (
        token is not None
        and token.pkcs11_library == Path("/usr/lib/softhsm/libsofthsm2.so")
        and token.token == "VNPT CA#1"
    )
    assert parse_key_choice("pkcs11:/usr/lib/x.so") is None
    assert parse_key_choice("rubbish") is None
