"""The address book: search without diacritics, Vietnamese order, groups in both places."""

from __future__ import annotations

import pytest

from drafter.store.contacts import (
    PERSON,
    delete_contact,
    group_by_name,
    group_lines,
    list_groups,
    save_contact,
    save_group,
    search_contacts,
)
from drafter.store.engine import Store
from drafter.store.models import Contact


def add(store: Store, full: str, short: str = "", **more: str) -> Contact:
    return save_contact(store, Contact(full_name=full, short_name=short, **more))


def test_search_matches_with_or_without_diacritics(store: Store) -> None:
    add(store, "Sở Tài chính thành phố Hà Nội", "Sở Tài chính")
    add(store, "Sở Tư pháp thành phố Hà Nội", "Sở Tư pháp")
    add(store, "Sổ tay", "x")
    for query in ("so tai chinh", "Sở Tài chính", "SO TAI", "tài chính sở", "  tai   chinh "):
        assert [c.short_name for c in search_contacts(store, query)] == ["Sở Tài chính"], query
    assert len(search_contacts(store, "so")) == 3
    assert search_contacts(store, "so_tai") == []  # "_" is a letter here, not a wildcard
    assert search_contacts(store, "%") == []


def test_results_come_in_vietnamese_alphabetical_order(store: Store) -> None:
    # Vietnamese order: a < ă < â, d < đ, o < ô < ơ, tones after letters.
    names = [
        "Ông Đỗ Văn Minh",
        "Ông Dương Văn An",
        "Bà Âu Thị Hoa",
        "Bà Ân Thị Lan",
        "Bà Ăn Thị Nga",
        "Bà An Thị Thu",
        "Ơn Văn Bình",
        "Ôn Văn Bình",
        "On Văn Bình",
    ]
    for name in names:
        add(store, name, kind=PERSON)
    got = [c.full_name for c in search_contacts(store, "", limit=0)]
    assert got == [
        "Bà An Thị Thu",
        "Bà Ăn Thị Nga",
        "Bà Ân Thị Lan",
        "Bà Âu Thị Hoa",
        "On Văn Bình",
        "Ôn Văn Bình",
        "Ông Dương Văn An",
        "Ông Đỗ Văn Minh",
        "Ơn Văn Bình",
    ]


def test_a_group_gives_full_names_for_kinh_gui_and_short_names_for_noi_nhan(store: Store) -> None:
    finance = add(store, "Sở Tài chính thành phố Hà Nội", "Sở Tài chính")
    justice = add(store, "Sở Tư pháp thành phố Hà Nội", "Sở Tư pháp")
    home = add(store, "Sở Nội vụ thành phố Hà Nội")  # no short name: the full one is used
    group = save_group(store, "Các sở, ban, ngành thành phố", [justice.id, finance.id, home.id])
    assert group_lines(group, "kinh_gui") == [
        "Sở Tư pháp thành phố Hà Nội",
        "Sở Tài chính thành phố Hà Nội",
        "Sở Nội vụ thành phố Hà Nội",
    ]
    assert group_lines(group, "noi_nhan") == [
        "Sở Tư pháp",
        "Sở Tài chính",
        "Sở Nội vụ thành phố Hà Nội",
    ]
    # Reordering keeps the order given; deleting a contact drops it from the group.
    save_group(store, group.name, [finance.id, justice.id], group_id=group.id)
    delete_contact(store, justice.id)
    again = group_by_name(store, "Các sở, ban, ngành thành phố")
    assert again is not None and group_lines(again, "noi_nhan") == ["Sở Tài chính"]
    assert [g.name for g in list_groups(store, "cac so ban nganh")] == [group.name]


def test_a_contact_needs_a_full_name(store: Store) -> None:
    with pytest.raises(ValueError):
        save_contact(store, Contact(full_name="  ", short_name="x"))
