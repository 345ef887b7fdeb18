"""Cleaning with a word to the user: what the page tidies (warnings, export goes on) and
what it cannot (problems, export waits)."""

from __future__ import annotations

import dataclasses

from document_paragraphs import body_paragraphs
from sample_letters import cong_van

from drafter.app.advice import advise
from drafter.app.check import check
from drafter.app.compose import compose
from drafter.core import cleaning, schema
from drafter.core.fields import FieldKind, clean_value
from drafter.core.letter import Issuer, Letter, Signature
from drafter.core.problems import Severity
from drafter.core.vietnamese import clean_line


def test_subject_lead_is_not_doubled() -> None:
    for typed in (
        "V/v họp giao ban",
        "v/v họp giao ban",
        "V/V: họp giao ban",
        "Về việc họp giao ban",
        "VỀ VIỆC họp giao ban",
    ):
        assert cleaning.subject_text(typed) == "họp giao ban", typed
    assert cleaning.subject_text("vận động quỹ") == "vận động quỹ"


def test_authority_prefixes_normalised() -> None:
    assert cleaning.authority_line("kt chánh văn phòng") == "KT. chánh văn phòng"
    assert cleaning.authority_line("Tm. ủy ban nhân dân") == "TM. ủy ban nhân dân"
    assert cleaning.authority_line("TL BỘ TRƯỞNG") == "TL. BỘ TRƯỞNG"
    assert cleaning.authority_line("tuq. giám đốc") == "TUQ. giám đốc"
    assert cleaning.authority_line("q giám đốc") == "Q. giám đốc"
    assert cleaning.authority_line("KT. GIÁM ĐỐC") == "KT. GIÁM ĐỐC"
    assert cleaning.authority_line("THƯ KÝ") == "THƯ KÝ"


def test_symbol_spaces_removed() -> None:
    assert cleaning.symbol_text("VP - KGVX") == "VP-KGVX"
    assert cleaning.symbol_text("QĐ -UBND") == "QĐ-UBND"


def _untidy_letter() -> Letter:
    """A letter whose summary, symbol and authority line need tidying."""
    return cong_van(
        subject="V/v họp giao ban",
        symbol="VP - KGVX",
        signatures=[
            Signature(
                authority=["kt chánh văn phòng"], title="PHÓ CHÁNH VĂN PHÒNG", name="Lê Văn B"
            )
        ],
    )


def test_printed_page_uses_the_tidied_values() -> None:
    letter = _untidy_letter()
    document = compose(letter)
    texts = [p.text for p in body_paragraphs(document)]
    assert "V/v họp giao ban" in texts
    assert any(t.endswith("/VP-KGVX") for t in texts)
    assert "KT. CHÁNH VĂN PHÒNG" in texts


def test_tidying_is_a_warning_that_does_not_block() -> None:
    letter = _untidy_letter()
    assert check(letter) == []
    warnings = advise(letter)
    assert {w.field for w in warnings} == {"subject", "symbol", "signatures[1].authority[1]"}
    assert all(w.severity is Severity.WARNING for w in warnings)
    assert "cảnh báo" in str(warnings[0]) or "warning" in str(warnings[0])


def test_unknown_prefix_and_bad_symbol_are_problems() -> None:
    letter = cong_van(
        symbol="VP/KG VX",
        signatures=[Signature(authority=["PGĐ. SỞ"], title="PHÓ GIÁM ĐỐC", name="Lê Văn B")],
    )
    fields = {p.field for p in check(letter)}
    assert {"symbol", "signatures[1].authority[1]"} <= fields


def test_issuer_in_capitals_names_the_sentences() -> None:
    letter = cong_van(
        type_id="giay_moi",
        subject="dự hội nghị",
        issuer=Issuer(name=["BỘ NỘI VỤ"], abbreviation="BNV"),
        fields={"nguoi_duoc_moi": "Ông Nguyễn Văn A"},
    )
    messages = [w.message for w in advise(letter) if w.field == "issuer.prose_name"]
    assert len(messages) == 1 and "BỘ NỘI VỤ trân trọng kính mời" in messages[0]
    prose = cong_van(
        type_id="giay_moi",
        subject="dự hội nghị",
        issuer=Issuer(name=["BỘ NỘI VỤ"], prose_name="Bộ Nội vụ", abbreviation="BNV"),
        fields={"nguoi_duoc_moi": "Ông Nguyễn Văn A"},
    )
    assert not [w for w in advise(prose) if w.field == "issuer.prose_name"]


def test_long_summary_is_a_warning() -> None:
    letter = cong_van(subject="đề nghị " * 40)
    assert [w.field for w in advise(letter)] == ["subject"]
    assert check(letter) == []


def test_forced_breaks_kept_only_in_display_lines() -> None:
    assert clean_line("CỤC TRƯỞNG⏎CỤC VĂN THƯ", keep_breaks=True) == "CỤC TRƯỞNG\nCỤC VĂN THƯ"
    assert clean_line("Hà\x0bNội") == "Hà Nội"
    subject = next(p for p in schema.HEADING.parts if p.key == "subject")
    place = next(p for p in schema.HEADING.parts if p.key == "place")
    assert subject.coerce("họp\u000bgiao ban", "subject") == ("họp\ngiao ban", [])
    assert place.coerce("Hà\nNội", "place") == ("Hà Nội", [])


def test_no_break_space_is_kept_in_one_line_values() -> None:
    value, _problems = clean_value(FieldKind.TEXT, "Báo Người\u00a0Hà\u00a0Nội  x", "k")
    assert value == "Báo Người\u00a0Hà\u00a0Nội x"


def test_the_capitals_advice_looks_for_the_issuer_s_name_as_words() -> None:
    body = "Hôm nay, tại Hà Nội, VPĐD họp.\nBộ Nội vụ đề nghị SỞ NỘI VỤ báo cáo."

    def advice(*name: str) -> list[str]:
        letter = cong_van(body=body)
        letter.issuer = dataclasses.replace(letter.issuer, name=list(name), prose_name="")
        return [str(w) for w in advise(letter) if w.field == "issuer.prose_name"]

    # A name of punctuation alone is in no sentence, though every sentence has a comma.
    assert advice(",") == []
    # "VP" is not in "VPĐD".
    assert advice("VP") == []
    [warning] = advice("SỞ NỘI VỤ")
    assert "Bộ Nội vụ đề nghị SỞ NỘI VỤ báo cáo" in warning and "VPĐD" not in warning
