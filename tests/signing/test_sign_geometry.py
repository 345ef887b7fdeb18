"""Where the signatures are drawn, measured on the signed PDF (NĐ 30, App. I, II.7–II.8)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from signing.conftest import Images, Keys
from signing.helpers import agency_text_args, drawn_images, issue_as_agency, sign, sign_as_signer

if TYPE_CHECKING:
    import pymupdf

MM = 72 / 25.4


@contextmanager
def _baked(path: Path) -> Iterator[pymupdf.Document]:
    """The signed PDF at *path*, its widgets' appearances made page content."""
    import pymupdf

    with pymupdf.open(path) as document:
        document.bake()
        yield document


@contextmanager
def _agency_text_signed(
    draft: Path, keys: Keys, out: Path, *options: object
) -> Iterator[pymupdf.Document]:
    """*draft* signed by the agency as text, no image (*options* say what for), baked."""
    assert sign(draft, *agency_text_args(keys), *options, "-o", out) == 0
    with _baked(out) as document:
        yield document


def _line(path: Path, text: str) -> tuple[float, float, float, float]:
    import pymupdf

    with pymupdf.open(path) as document:
        for block in document[0].get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                if "".join(span["text"] for span in line["spans"]).strip() == text:
                    return tuple(line["bbox"])
    raise AssertionError(f"{text!r} not found")


@pytest.fixture(scope="module")
def issued(
    draft_pdf: Path, keys: Keys, images: Images, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("issued")
    signed = sign_as_signer(draft_pdf, keys, images, folder / "signed.pdf")
    return issue_as_agency(
        signed, keys, images, folder / "issued.pdf", 5, "2026-03-05", "--no-register"
    )


def test_signature_image_is_centred_between_title_and_name(issued: Path) -> None:
    x0, y0, x1, y1 = drawn_images(issued)[(600, 250)]
    title = _line(issued, "PHÓ GIÁM ĐỐC")
    name = _line(issued, "Nguyễn Văn An")
    assert title[3] <= y0 and y1 <= name[1]  # between them, overlapping neither
    assert (y0 + y1) / 2 == pytest.approx((title[3] + name[1]) / 2, abs=1.0)
    assert (x0 + x1) / 2 == pytest.approx((name[0] + name[2]) / 2, abs=2.0)
    assert (x1 - x0) / (y1 - y0) == pytest.approx(600 / 250, rel=0.03)  # not distorted


def test_seal_covers_the_left_third_of_the_signature_at_real_size(issued: Path) -> None:
    drawn = drawn_images(issued)
    sx0, sy0, sx1, sy1 = drawn[(600, 250)]
    x0, y0, x1, y1 = drawn[(450, 450)]
    assert x0 < sx0  # on its left
    assert (x1 - sx0) / (sx1 - sx0) == pytest.approx(1 / 3, abs=0.03)
    assert (y0 + y1) / 2 == pytest.approx((sy0 + sy1) / 2, abs=1.0)
    assert 36 * MM <= x1 - x0 <= 40 * MM  # a seal's real size


def test_filled_number_and_date_sit_in_their_blanks(issued: Path) -> None:
    import pymupdf

    with pymupdf.open(issued) as document:
        fields = {w.field_name: tuple(w.rect) for w in document[0].widgets()}
        document.bake()
        spans = [
            span
            for block in document[0].get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
        ]
    number_line = next(s for s in spans if s["text"].startswith("Số:"))
    date_line = next(s for s in spans if s["text"].startswith("Hà Nội, ngày"))
    expected = {
        "Drafter_number": ("05", number_line),
        "Drafter_day": ("05", date_line),
        "Drafter_month": ("3", date_line),
        "Drafter_year": ("2026", date_line),
    }
    for name, (text, line) in expected.items():
        x0, y0, x1, y1 = fields[name]
        filled = next(
            s
            for s in spans
            if s["text"] == text
            and x0 - 0.5 <= s["bbox"][0]
            and s["bbox"][2] <= x1 + 0.5
            and y0 - 1 <= s["origin"][1] <= y1 + 1
        )
        # Same size, style and baseline as the printed line around the blank.
        assert filled["size"] == pytest.approx(line["size"], abs=0.1), name
        assert bool(filled["flags"] & 2) == bool(line["flags"] & 2), name
        assert filled["origin"][1] == pytest.approx(line["origin"][1], abs=0.6), name
    # The number touches the "/": "Số:   05/SGDĐT-VP".
    slash_x = fields["Drafter_number"][2]
    number = next(s for s in spans if s["text"] == "05" and s["bbox"][2] <= slash_x + 0.5)
    assert slash_x - number["bbox"][2] < 1.0


def test_attachment_signature_is_text_at_top_right_in_10_pt(
    draft_pdf: Path, keys: Keys, tmp_path: Path
) -> None:
    with _agency_text_signed(
        draft_pdf, keys, tmp_path / "appendix.pdf", "--attachment", "12/SGDĐT-VP"
    ) as document:
        page = document[0]
        width = page.rect.width
        spans = [
            span
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
            if span["bbox"][3] < 20 * MM
        ]
        assert not document[0].get_image_info()  # no image
    texts = [span["text"] for span in spans]
    assert "Số: 12/SGDĐT-VP" in texts
    assert any(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", t) for t in texts), texts
    for span in spans:
        assert span["size"] == pytest.approx(10, abs=0.05)
        assert span["color"] == 0  # black
        assert not span["flags"] & 2  # upright
        assert span["bbox"][0] > width / 2  # on the right
        assert span["font"].replace(" ", "").startswith(("TimesNewRoman", "LiberationSerif"))
    assert max(span["bbox"][2] for span in spans) > width - 20 * MM


def test_copy_signature_names_the_form_and_the_copier(
    draft_pdf: Path, keys: Keys, tmp_path: Path
) -> None:
    import pymupdf

    with _agency_text_signed(draft_pdf, keys, tmp_path / "copy.pdf", "--copy", "SAO Y") as document:
        top = document[0].get_text(clip=pymupdf.Rect(0, 0, document[0].rect.width, 20 * MM))
    assert top.split("\n")[:2] == ["SAO Y", "Sở Giáo dục và Đào tạo Hà Nội"]


def _seal_png(folder: Path, pixels: int, pixels_per_metre: int | None) -> Path:
    """A round seal of *pixels* across; its pHYs chunk says *pixels_per_metre* (None: no
    pHYs chunk, as an image editor may save it)."""
    from PIL import Image, ImageDraw

    seal = Image.new("RGBA", (pixels, pixels), (0, 0, 0, 0))
    ImageDraw.Draw(seal).ellipse(
        [4, 4, pixels - 4, pixels - 4], outline=(220, 0, 0, 255), width=pixels // 25
    )
    path = folder / f"seal-{pixels}.png"
    if pixels_per_metre is None:
        seal.save(path)
    else:
        seal.save(path, dpi=(pixels_per_metre * 0.0254, pixels_per_metre * 0.0254))
    return path


@pytest.mark.parametrize(
    ("pixels", "pixels_per_metre", "expected_mm"),
    [
        (400, 11_111, 36.0),  # 400 px at 11,111 px/m: 36.0 mm
        (500, 12_500, 40.0),  # 500 px at 12,500 px/m: 40.0 mm
        (520, None, 38.0),  # no resolution: taken as 38 mm across
    ],
)
def test_the_seal_is_drawn_at_its_real_size(
    signed_by_signer: Path,
    keys: Keys,
    images: Images,
    tmp_path: Path,
    pixels: int,
    pixels_per_metre: int | None,
    expected_mm: float,
) -> None:
    from PIL import Image

    seal = _seal_png(tmp_path, pixels, pixels_per_metre)
    if pixels_per_metre is not None:  # the PNG says the resolution it was made with
        assert round(Image.open(seal).info["dpi"][0] / 0.0254) == pixels_per_metre
    out = issue_as_agency(
        signed_by_signer,
        keys,
        images,
        tmp_path / "issued.pdf",
        5,
        "2026-03-05",
        "--no-register",
        seal=seal,
    )
    drawn = drawn_images(out)
    x0, y0, x1, y1 = drawn[(pixels, pixels)]
    assert (x1 - x0) / MM == pytest.approx(expected_mm, abs=0.3)
    assert (y1 - y0) / MM == pytest.approx(expected_mm, abs=0.3)
    # Whatever its size, it covers the left third of the signer's image.
    sx0, sy0, sx1, sy1 = drawn[(600, 250)]
    assert x0 < sx0
    assert (x1 - sx0) / (sx1 - sx0) == pytest.approx(1 / 3, abs=0.03)
    assert (y0 + y1) / 2 == pytest.approx((sy0 + sy1) / 2, abs=1.0)
