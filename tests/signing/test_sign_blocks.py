"""A letter with two signature blocks (a biên bản: the secretary and the chair)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from signing.conftest import Images, Keys, render_letter
from signing.helpers import agency_args, drawn_images, pdfsig, run_sign, signer_args

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Path:
    """The biên bản sample (``signatures = 2``): Vũ Ngọc Anh, THƯ KÝ, on the left;
    Nguyễn Văn An, CHỦ TỌA, on the right."""
    text = (ROOT / "templates" / "bien_ban" / "sample.letter").read_text(encoding="utf-8")
    return render_letter(tmp_path_factory.mktemp("minutes"), name="bien-ban", text=text)


@pytest.fixture(scope="module")
def second_signature(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (500, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 150), (250, 30), (490, 160)], fill=(0, 0, 180, 255), width=10)
    path = tmp_path_factory.mktemp("images") / "chair.png"
    image.save(path)
    return path


def _name_centre(path: Path, name: str) -> float:
    import pymupdf

    with pymupdf.open(path) as document:
        # The body names them too; the signature block's name is the lowest.
        rect = max(document[0].search_for(name), key=lambda found: found.y0)
    return (rect.x0 + rect.x1) / 2


def test_each_signer_signs_their_own_block_then_the_agency_seals_both(
    minutes: Path,
    keys: Keys,
    images: Images,
    second_signature: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from drafter.signing.verify import verify_bytes

    chair, both = tmp_path / "chair.pdf", tmp_path / "both.pdf"
    # The chair (block 2) signs first: the certification signature makes every field.
    as_chair = signer_args(keys, images, image=second_signature)  # the chair's own image
    code, out, err = run_sign(capsys, minutes, *as_chair, "--block", 2, "-o", chair)
    assert code == 0, err
    # Without --block: the first block not signed yet, the secretary's.
    code, out, err = run_sign(capsys, chair, *signer_args(keys, images), "-o", both)
    assert code == 0, err
    assert "Vũ Ngọc Anh" in out  # the block signed is named
    code, out, err = run_sign(
        capsys, both, *signer_args(keys, images), "-o", tmp_path / "third.pdf"
    )
    assert code == 2 and "đã có chữ ký số của người ký" in err
    assert not (tmp_path / "third.pdf").exists()

    drawn = drawn_images(both)
    secretary, chair_image = drawn[(600, 250)], drawn[(500, 200)]
    assert (secretary[0] + secretary[2]) / 2 == pytest.approx(
        _name_centre(both, "Vũ Ngọc Anh"), abs=2.0
    )
    assert (chair_image[0] + chair_image[2]) / 2 == pytest.approx(
        _name_centre(both, "Nguyễn Văn An"), abs=2.0
    )

    sealed, issued = tmp_path / "sealed.pdf", tmp_path / "issued.pdf"
    code, out, err = run_sign(
        capsys, both, *agency_args(keys, images), "--number", 8, "--no-register", "-o", sealed
    )  # a biên bản has no date line
    assert code == 0, err
    code, out, err = run_sign(capsys, sealed, *agency_args(keys, images), "-o", issued)
    assert code == 0, err
    code, out, err = run_sign(
        capsys, issued, *agency_args(keys, images), "-o", tmp_path / "again.pdf"
    )
    assert code == 2 and "đã được cơ quan ký" in err

    report = verify_bytes(issued.read_bytes(), keys.trust)
    assert report.passes, report.as_json()
    assert [s.field for s in report.signatures] == [
        "Drafter_signer_2",
        "Drafter_signer",
        "Drafter_agency",
        "Drafter_agency_2",
    ]
    assert report.signatures[0].certification
    # Each seal over the left third of its own block's signature.
    import pymupdf

    with pymupdf.open(issued) as document:
        document.bake()
        seals = sorted(
            tuple(info["bbox"])
            for info in document[0].get_image_info()
            if (info["width"], info["height"]) == (450, 450)
        )
    for seal, signature in zip(seals, (secretary, chair_image), strict=True):
        assert (seal[2] - signature[0]) / (signature[2] - signature[0]) == pytest.approx(
            1 / 3, abs=0.03
        )
    if shutil.which("pdfsig"):
        poppler = pdfsig(issued)
        assert poppler.count("Signature Validation: Signature is Valid.") == 4, poppler


def test_a_block_out_of_range_is_refused(
    minutes: Path, keys: Keys, images: Images, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    code, _out, err = run_sign(capsys, minutes, *signer_args(keys, images), "--block", 3, "-o", out)
    assert code == 2 and "2" in err and "--block" in err
    assert not out.exists()


def test_a_lien_tich_letter_has_one_block_per_signing_agency(tmp_path: Path, qapp: object) -> None:
    from drafter.signing.plan import plan
    from signing.conftest import LETTER, SENTENCE, SIGNER

    two_agencies = '''[[signatures]]
authority = ["TM. SỞ NỘI VỤ"]
title = "GIÁM ĐỐC"
name = "Trần Thị Bình"

[[signatures]]
authority = ["TM. SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
title = "GIÁM ĐỐC"
name = "Nguyễn Văn An"'''
    text = LETTER.format(body=SENTENCE)
    assert SIGNER in text
    pdf = render_letter(tmp_path, name="lien-tich", text=text.replace(SIGNER, two_agencies))
    layout = plan(pdf.read_bytes())
    assert [space.name for space in layout.signatures] == ["Trần Thị Bình", "Nguyễn Văn An"]
    left, right = layout.signatures
    assert left.centre_x < right.centre_x and left.top == pytest.approx(right.top, abs=0.5)
    assert {blank.name for blank in layout.blanks} == {"number", "day", "month", "year"}
