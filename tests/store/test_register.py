"""Issuing, reserving and cancelling numbers in the outgoing register (NĐ 30 Art. 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.core import letterfile
from drafter.core.letter import Secrecy
from drafter.store import register
from drafter.store.engine import Store
from drafter.store.models import NumberSequence, Profile
from drafter.store.profiles import save_profile
from drafter.store.register_query import RegisterFilter, count, search
from drafter.store.sequences import NumberingError, list_sequences, save_sequence
from tests.sample_letters import cong_van


def draft(**changes: object):  # a công văn not numbered yet
    return cong_van(number=None, **changes)


def test_issue_numbers_from_01_and_records_the_appendix_iv_columns(store: Store) -> None:
    issued = register.issue(store, draft(), actor="vanthu")
    assert issued.letter.number == 1
    entry = issued.entry
    # (1) số, ký hiệu: padded to two digits; công văn symbol is <issuer>-<unit>.
    assert entry.number_symbol == "01/SGDĐT-VP"
    assert entry.doc_date == dt.date(2026, 3, 5)  # (2) the letter's own date
    assert entry.type_name == "Công văn"  # (3)
    assert entry.subject.startswith("V/v tăng cường")
    assert entry.signer == "Nguyễn Văn An"  # (4)
    # (5) "Như trên" stands for the Kính gửi list.
    assert entry.recipients.split("\n") == [
        "Phòng Giáo dục và Đào tạo các quận, huyện, thị xã",
        "Các đơn vị trực thuộc Sở",
        "UBND Thành phố (để báo cáo)",
    ]
    assert entry.archive == "VT, VP"  # (6)
    assert entry.copies == 35  # (7)
    assert register.issue(store, draft()).letter.number == 2


def test_the_issued_record_is_the_line_the_orm_reads_back(store: Store) -> None:
    """Issuing writes on the driver; the ORM must read exactly what it was told was written."""
    from dataclasses import asdict

    from drafter.store.models import RegisterEntry, RegisterEvent

    issued = register.issue(store, draft(), actor="vanthu")
    with store.read() as session:
        stored = session.get(RegisterEntry, issued.entry.id)
        assert stored is not None
        assert {column: getattr(stored, column) for column in asdict(issued.entry)} == asdict(
            issued.entry
        )
        (event,) = session.query(RegisterEvent).filter_by(entry_id=stored.id).all()
    assert (event.action, event.actor, event.detail) == ("issue", "vanthu", "01/SGDĐT-VP")
    assert abs(event.at - stored.created_at) < dt.timedelta(seconds=5)


def test_the_snapshot_is_the_numbered_letter_file(store: Store) -> None:
    issued = register.issue(store, draft())
    again = register.letter_of(issued.entry)
    assert again.number == 1
    assert letterfile.dumps(again) == letterfile.dumps(issued.letter)


def test_the_original_letter_is_left_a_draft(store: Store) -> None:
    letter = draft(date=None)
    issued = register.issue(store, letter, today=dt.date(2026, 7, 1))
    assert letter.number is None and letter.date is None
    assert issued.letter.date == dt.date(2026, 7, 1)


def test_numbers_restart_at_01_each_calendar_year(store: Store) -> None:
    register.issue(store, draft(date=dt.date(2025, 12, 31)))
    register.issue(store, draft(date=dt.date(2025, 12, 31)))
    first_of_year = register.issue(store, draft(date=dt.date(2026, 1, 1)))
    assert first_of_year.letter.number == 1


def test_a_numbered_letter_is_not_issued_twice(store: Store) -> None:
    with pytest.raises(NumberingError, match="already has number 05"):
        register.issue(store, cong_van(number=5))


def test_secret_documents_have_their_own_sequence(store: Store) -> None:
    register.issue(store, draft())
    register.issue(store, draft())
    secret = register.issue(store, draft(secrecy=Secrecy.MAT))
    assert secret.letter.number == 1
    assert register.issue(store, draft()).letter.number == 3


def test_a_type_can_have_its_own_sequence(store: Store) -> None:
    save_sequence(store, NumberSequence(key="cv", label="Công văn", type_ids="cong_van"))
    other = next(s for s in list_sequences(store) if s.key == "chung")
    register.reserve(store, "chung", 2026)  # the shared sequence moves on alone
    issued = register.issue(store, draft())
    assert issued.letter.number == 1
    assert issued.entry.sequence_id != other.id


def test_an_advisory_body_needs_and_uses_its_own_sequence(store: Store) -> None:
    council = save_profile(
        store,
        Profile(
            label="Hội đồng thi đua",
            name="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
            abbreviation="HĐTĐKT",
            advisory=True,
        ),
    )
    letter = draft()
    with pytest.raises(NumberingError, match="own sequence"):
        register.issue(store, letter, profile=council)
    save_sequence(store, NumberSequence(key="hdtdkt", profile_id=council.id))
    register.issue(store, draft())  # the office's shared sequence takes 01
    assert register.issue(store, letter, profile=council).letter.number == 1


def test_reserve_then_issue_uses_the_reserved_number(store: Store) -> None:
    held = register.reserve(store, "chung", 2026, note="Quyết định chờ ký", actor="a")
    register.issue(store, draft())  # 02: the reserved 01 is not handed out
    issued = register.issue(store, draft(), reserved_entry_id=held.id, actor="b")
    assert issued.letter.number == 1
    assert issued.entry.status == register.ISSUED
    actions = [(e.action, e.actor) for e in register.events_of(store, held.id)]
    assert actions == [("reserve", "a"), ("issue_reserved", "b")]
    with pytest.raises(NumberingError, match="not reserved any more"):
        register.issue(store, draft(), reserved_entry_id=held.id)
    # A number held in the shared sequence cannot number a secret letter.
    other = register.reserve(store, "chung", 2026)
    with pytest.raises(NumberingError, match="another sequence"):
        register.issue(store, draft(secrecy=Secrecy.MAT), reserved_entry_id=other.id)
    with pytest.raises(NumberingError, match="belongs to 2026"):
        register.issue(store, draft(date=dt.date(2027, 1, 2)), reserved_entry_id=other.id)


def test_a_cancelled_number_stays_in_the_register_and_is_not_reused(store: Store) -> None:
    first = register.issue(store, draft())
    with pytest.raises(NumberingError):
        register.cancel(store, first.entry.id, "  ")
    register.cancel(store, first.entry.id, "Ban hành nhầm", actor="vanthu")
    assert register.issue(store, draft()).letter.number == 2
    (entry,) = search(store, RegisterFilter(status=register.CANCELLED))
    assert entry.number == 1 and "Ban hành nhầm" in entry.note
    events = register.events_of(store, first.entry.id)
    assert [e.action for e in events] == ["issue", "cancel"]
    assert events[1].detail == "Ban hành nhầm"
    with pytest.raises(NumberingError, match="already cancelled"):
        register.cancel(store, first.entry.id, "again")


def test_later_columns_are_filled_with_an_audit_trail(store: Store) -> None:
    entry = register.issue(store, draft()).entry
    register.update_entry(
        store, entry.id, transfer_date=dt.date(2026, 3, 6), receipt="Lan", actor="vanthu"
    )
    (found,) = search(store)
    assert found.transfer_date == dt.date(2026, 3, 6) and found.receipt == "Lan"
    assert register.events_of(store, entry.id)[-1].action == "edit"
    with pytest.raises(ValueError):
        register.update_entry(store, entry.id, number=9)


def test_search_matches_with_or_without_diacritics_and_filters(store: Store) -> None:
    register.issue(store, draft(subject="kế hoạch tuyển sinh"))
    register.issue(store, draft(subject="phòng chống dịch", date=dt.date(2026, 4, 2)))
    register.issue(store, draft(subject="tuyển sinh lớp 10", date=dt.date(2025, 5, 1)))
    assert [e.subject for e in search(store, RegisterFilter(text="tuyen sinh", year=2026))] == [
        "V/v kế hoạch tuyển sinh"
    ]
    assert count(store, RegisterFilter(text="Tuyển Sinh")) == 2
    assert count(store, RegisterFilter(date_from=dt.date(2026, 4, 1))) == 1
    assert count(store, RegisterFilter(text="02/sgddt")) == 1
    assert count(store, RegisterFilter(text="100%")) == 0


def test_the_search_index_follows_later_changes(store: Store) -> None:
    entry = register.issue(store, draft(subject="xây dựng nông thôn mới")).entry
    register.cancel(store, entry.id, "Trùng số với văn bản khác")
    assert count(store, RegisterFilter(text="trung so")) == 1
    assert count(store, RegisterFilter(text="nong thon moi")) == 1
    register.update_entry(store, entry.id, note="Đã thay thế")
    assert count(store, RegisterFilter(text="trung so")) == 0
    assert count(store, RegisterFilter(text="da thay the")) == 1


@pytest.mark.parametrize("selective", [2000, 1])
def test_search_gives_the_same_answer_through_the_index_or_by_scanning(
    store: Store, selective: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import drafter.store.register_query as register_query

    for subject in ("kế hoạch tuyển sinh", "tuyển sinh lớp 10", "phòng chống dịch"):
        register.issue(store, draft(subject=subject))
    # With a threshold of 1, two hits count as "common": the search scans in order.
    monkeypatch.setattr(register_query, "_SELECTIVE", selective)
    found = search(store, RegisterFilter(text="tuyen sinh"))
    assert [e.number for e in found] == [2, 1]
    assert count(store, RegisterFilter(text="tuyen sinh lop 10")) == 1
    assert count(store, RegisterFilter(text="tuyen sinh", status=register.CANCELLED)) == 0


def test_issuing_goes_on_after_the_server_dropped_the_connection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A PostgreSQL connection ended by the server (a restart) is replaced at the next issue."""
    import psycopg

    from drafter.store.engine import open_store
    from tests.store.conftest import postgres_url

    url = postgres_url()
    store = open_store(url)
    try:
        assert register.issue(store, draft()).letter.number == 1
        backend = store.query("SELECT pg_backend_pid()")
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        assert register.issue(store, draft()).letter.number == 2
        assert store.query("SELECT pg_backend_pid()") != backend
    finally:
        store.close()
