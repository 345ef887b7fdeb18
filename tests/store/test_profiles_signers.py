"""Profiles fill the issuer and place; signers and patterns compose the signature block."""

from __future__ import annotations

import pytest

from drafter.core.letter import Letter
from drafter.store.engine import Store
from drafter.store.models import Profile, Signer, Unit
from drafter.store.profiles import apply_to, delete_profile, list_profiles, save_profile, unit_named
from drafter.store.signers import (
    authority_chain,
    authority_problems,
    compose_signature,
    list_signers,
    new_pattern,
    save_signer,
)

# Printed in the footer (ô 13): the profile's details reach the issuer as they are.
UBND_CONTACT = {
    "address": "25 Liễu Giai, Ba Đình, Hà Nội",
    "phone": "024.3833.8000",
    "email": "ubnd@badinh.gov.vn",
    "website": "badinh.hanoi.gov.vn",
}


def ubnd(store: Store) -> Profile:
    return save_profile(
        store,
        Profile(
            label="UBND quận",
            parent="",
            name="Ủy ban nhân dân\nquận Ba Đình",
            abbreviation="UBND",
            place="Ba Đình",
            **UBND_CONTACT,
            units=[
                Unit(name="Văn phòng HĐND và UBND", abbreviation="vp"),
                Unit(name="Phòng Tài chính - Kế hoạch", abbreviation="TCKH"),
            ],
        ),
    )


def test_a_profile_fills_issuer_place_and_footer(store: Store) -> None:
    profile = ubnd(store)
    letter = apply_to(profile, Letter(type_id="cong_van"), unit_named(profile, "VP"))
    # Ô 2 is printed in capitals; the profile keeps it so.
    assert letter.issuer.name == ["ỦY BAN NHÂN DÂN", "QUẬN BA ĐÌNH"]
    assert letter.issuer.abbreviation == "UBND" and letter.issuer.unit == "VP"
    assert letter.place == "Ba Đình"
    assert {key: getattr(letter.issuer, key) for key in UBND_CONTACT} == UBND_CONTACT


def test_two_profiles_for_a_secretary_serving_two_bodies(store: Store) -> None:
    first = ubnd(store)
    save_profile(
        store,
        Profile(
            label="Hội đồng thi đua",
            name="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            parent="ỦY BAN NHÂN DÂN\nQUẬN BA ĐÌNH",
            abbreviation="HĐTĐKT",
            advisory=True,
        ),
    )
    assert [p.label for p in list_profiles(store)] == ["Hội đồng thi đua", "UBND quận"]
    first.units = first.units[:1]  # a unit removed in the dialog is deleted
    assert [u.abbreviation for u in save_profile(store, first).units] == ["VP"]
    delete_profile(store, first.id)
    assert [p.label for p in list_profiles(store)] == ["Hội đồng thi đua"]


def test_signing_patterns_compose_the_signature_block(store: Store) -> None:
    signer = save_signer(
        store,
        Signer(
            name="Nguyễn Văn An",
            title="Phó Chủ tịch",
            patterns=[
                new_pattern(authority_chain(("TM.", "Ủy ban nhân dân"), ("KT.", "chủ tịch"))),
                new_pattern(["Q. CHỦ TỊCH"], title=""),
            ],
        ),
    )
    kt, acting = signer.patterns
    signature = compose_signature(signer, kt)
    # Appendix I §II.7: TM. line, then KT. line, then the signer's title, then the name.
    assert signature.lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signature.name == "Nguyễn Văn An"
    assert compose_signature(signer, acting).lines == ["Q. CHỦ TỊCH"]
    assert compose_signature(signer).lines == ["PHÓ CHỦ TỊCH"]
    assert [s.name for s in list_signers(store)] == ["Nguyễn Văn An"]


def test_authority_lines_are_checked() -> None:
    assert authority_problems(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]) == []
    assert authority_problems(["THAY MẶT ỦY BAN"])
    assert authority_problems(["KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"])
    assert authority_problems(["KT. chủ tịch"])
    with pytest.raises(ValueError):
        authority_chain(("T/M", "ỦY BAN"))


def test_a_bad_pattern_is_refused(store: Store) -> None:
    with pytest.raises(ValueError):
        save_signer(store, Signer(name="A", patterns=[new_pattern(["THAY MẶT"])]))


def test_a_signer_and_recipients_fill_a_letter(store: Store) -> None:
    from drafter.store import contacts, signers
    from drafter.store.models import Contact

    signer = save_signer(
        store,
        Signer(
            name="Lê Thị Hoa",
            title="GIÁM ĐỐC",
            patterns=[new_pattern(["KT. CHỦ TỊCH"], title="PHÓ CHỦ TỊCH")],
        ),
    )
    letter = Letter(type_id="bien_ban")
    signers.apply_to(signer, letter, signer.patterns[0], block=1)
    assert letter.signatures[0].name == ""  # the first block is left for someone else
    assert letter.signatures[1].lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    a = contacts.save_contact(store, Contact(full_name="Sở Y tế thành phố", short_name="SYT"))
    b = contacts.save_contact(store, Contact(full_name="Sở Nội vụ thành phố", short_name="SNV"))
    group = contacts.save_group(store, "Các sở", [a.id, b.id])
    letter.noi_nhan = ["Như trên", "SYT"]
    contacts.apply_to(letter, contacts.group_lines(group, "noi_nhan"), "noi_nhan")
    contacts.apply_to(letter, contacts.group_lines(group, "kinh_gui"), "kinh_gui")
    assert letter.noi_nhan == ["Như trên", "SYT", "SNV"]
    assert letter.kinh_gui == ["Sở Y tế thành phố", "Sở Nội vụ thành phố"]
