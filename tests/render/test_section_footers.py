"""Each letter of a combined file keeps its own ô 13 footer on its first page."""

from __future__ import annotations

import io

import docx

from drafter.app.compose import compose
from drafter.core.letter import Issuer
from drafter.layout.model import Document
from drafter.render import docx_writer
from tests.sample_letters import cong_van


def _combined(*issuers: Issuer) -> Document:
    documents = [compose(cong_van(issuer=issuer)) for issuer in issuers]
    return Document(sections=[s for d in documents for s in d.sections])


def _first_page_footers(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [
        " ".join(p.text for p in section.first_page_footer.paragraphs)
        for section in document.sections
    ]


def _issuer(address: str) -> Issuer:
    return Issuer(name=["SỞ TÀI CHÍNH"], abbreviation="STC", unit="NS", address=address)


def test_every_letter_of_a_merge_prints_the_address_on_its_first_page() -> None:
    same = _issuer("1 Lê Lợi, Huế")
    footers = _first_page_footers(docx_writer.to_bytes(_combined(same, same, same)))
    assert footers == ["Địa chỉ: 1 Lê Lợi, Huế"] * 3


def test_letters_of_different_issuers_keep_their_own_addresses() -> None:
    data = docx_writer.to_bytes(_combined(_issuer("1 Lê Lợi, Huế"), _issuer("2 Trần Phú, Đà Nẵng")))
    assert _first_page_footers(data) == ["Địa chỉ: 1 Lê Lợi, Huế", "Địa chỉ: 2 Trần Phú, Đà Nẵng"]


def test_an_appendix_section_has_no_address_footer() -> None:
    from tests.sample_letters import long_cong_van_with_appendix

    footers = _first_page_footers(docx_writer.to_bytes(compose(long_cong_van_with_appendix())))
    assert footers[0].startswith("Địa chỉ:")
    assert footers[1:] == [""] * (len(footers) - 1)
