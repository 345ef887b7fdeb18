"""A profile keeps the issuer's name as written in sentences and fills it into letters."""

from __future__ import annotations

from drafter.core.letter import Letter
from drafter.store.engine import Store
from drafter.store.models import Profile
from drafter.store.profiles import apply_to, save_profile


def test_the_prose_name_goes_from_the_profile_into_the_letter(store: Store) -> None:
    saved = save_profile(
        store,
        Profile(
            label="Sở Tài chính",
            name="SỞ TÀI CHÍNH",
            prose_name="Sở Tài chính",
            abbreviation="STC",
            place="Huế",
        ),
    )
    assert saved.prose_name == "Sở Tài chính"
    letter = apply_to(saved, Letter(type_id="cong_van"))
    assert letter.issuer.prose_name == "Sở Tài chính"
    assert letter.issuer.name == ["SỞ TÀI CHÍNH"]
