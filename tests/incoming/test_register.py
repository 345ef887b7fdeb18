"""The incoming register on SQLite and PostgreSQL: arrival numbers, duplicates, search,
export, the reply with its citation and the tracking register filled by issuing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.core import letterfile
from drafter.incoming.answer import RECEIVED, citation, reply_letter
from drafter.incoming.reader import read_letter
from drafter.incoming.register import arrival_from, cited_of, sender_of
from drafter.store.engine import Store, open_store
from drafter.store.incoming import (
    DuplicateIncoming,
    get_arrival,
    register_arrival,
    search_arrivals,
)
from tests.incoming.conftest import LETTERS, fixture_letter, write_docx
from tests.store.race import race

WORKER = Path(__file__).with_name("incoming_worker.py")
# The 4582/VP-KGVX letter of Hà Nội cites Cần Thơ's 1913/UBND-KGVX in these words.
CITATION_4582 = (
    "Ủy ban nhân dân Thành phố nhận được công văn số 1913/UBND-KGVX ngày "
    "18/5/2016 của Ủy ban nhân dân thành phố Cần Thơ về việc hỗ trợ tuyên "
    "truyền về Hội nghị xúc tiến đầu tư thành phố Cần Thơ năm 2016"
)


def _hanoi_office(store: Store) -> None:
    from drafter.store.models import Profile, Signer, Unit
    from drafter.store.profiles import save_profile
    from drafter.store.signers import new_pattern, save_signer

    profile = save_profile(
        store,
        Profile(
            label="UBND TP Hà Nội",
            name="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
            prose_name="Ủy ban nhân dân Thành phố",
            abbreviation="UBND",
            place="Hà Nội",
            units=[Unit(name="Khoa giáo - Văn xã", abbreviation="KGVX")],
        ),
    )
    signer = Signer(name="Nguyễn Văn Sửu", title="PHÓ CHỦ TỊCH", profile_id=profile.id)
    signer.patterns = [new_pattern(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"])]
    save_signer(store, signer)


def _register_1913(store: Store, tmp_path: Path) -> tuple[Path, object]:
    path = write_docx(fixture_letter("can_tho_1913.letter"), tmp_path / "1913.docx")
    record = read_letter(path)
    entry = register_arrival(
        store, arrival_from(record, received=dt.date(2016, 5, 20), to_unit="Phòng KGVX", file=path)
    )
    return path, entry


def test_arrival_numbers_run_per_year_and_a_file_is_registered_once(
    store: Store, tmp_path: Path
) -> None:
    path, entry = _register_1913(store, tmp_path)
    assert (entry.year, entry.number) == (2016, 1)
    assert entry.number_symbol == "1913/UBND-KGVX" and entry.doc_date == dt.date(2016, 5, 18)
    assert entry.author == "Ủy ban nhân dân thành phố Cần Thơ"
    assert Path(entry.stored_path).read_bytes() == path.read_bytes()
    with pytest.raises(DuplicateIncoming, match="arrival number 01 of 2016"):
        register_arrival(
            store, arrival_from(read_letter(path), received=dt.date(2016, 6, 1), file=path)
        )
    other = register_arrival(
        store,
        arrival_from(
            read_letter(LETTERS / "can_tho_4199_ocr.txt"),
            received=dt.date(2022, 10, 21),
            file=LETTERS / "can_tho_4199_ocr.txt",
        ),
    )
    assert (other.year, other.number) == (2022, 1)
    assert len(search_arrivals(store)) == 2  # nothing was registered twice


def test_search_ignores_diacritics(store: Store, tmp_path: Path) -> None:
    _register_1913(store, tmp_path)
    assert [e.number_symbol for e in search_arrivals(store, text="ho tro tuyen truyen")] == [
        "1913/UBND-KGVX"
    ]
    assert [e.number_symbol for e in search_arrivals(store, text="Cần Thơ hội nghị")] == [
        "1913/UBND-KGVX"
    ]
    assert search_arrivals(store, text="bình chọn") == []


def test_reply_cites_the_letter_as_4582_does_and_issuing_fills_tracking(
    store: Store, tmp_path: Path
) -> None:
    from drafter.app.issue import number

    _hanoi_office(store)
    _path, entry = _register_1913(store, tmp_path)
    from drafter.incoming.cli import _base_letter

    base = _base_letter(store, "cong_van", None)
    letter = reply_letter(base, cited_of(entry), entry.reference, sender=sender_of(entry))
    assert letter.body.startswith(CITATION_4582 + ".")
    assert letter.kinh_gui == ["Ủy ban nhân dân thành phố Cần Thơ"]
    assert (
        letter.subject == "hỗ trợ tuyên truyền về Hội nghị xúc tiến đầu tư thành phố "
        "Cần Thơ năm 2016"
    )
    assert letter.answers == "1/2016"
    # Through the letter file, as "drafter reply -o" then "drafter issue" do.
    again, problems = letterfile.loads(letterfile.dumps(letter))
    assert problems == [] and again.answers == "1/2016"
    again.issuer.unit = "KGVX"
    issued = number(store, again)
    tracked = get_arrival(store, 1, 2016)
    assert tracked is not None
    assert tracked.answer_symbol == issued.entry.number_symbol
    assert tracked.answer_entry_id == issued.entry.id and tracked.progress == "Đã trả lời"


def test_considering_phrasing_as_the_4199_letter() -> None:
    from drafter.incoming.answer import CONSIDERING, Cited

    cited = Cited(
        "Công văn",
        "3347/STNMT-BDKH",
        dt.date(2022, 10, 14),
        "Sở Tài nguyên và Môi trường",
        "V/v huy động tham gia bình chọn",
    )
    assert "Xét " + citation(cited, CONSIDERING) == (
        "Xét Công văn số 3347/STNMT-BDKH ngày 14 tháng 10 năm 2022 của Sở Tài nguyên và Môi "
        "trường về việc huy động tham gia bình chọn"
    )
    assert citation(cited, RECEIVED).startswith("công văn số 3347/STNMT-BDKH ngày 14/10/2022")


def test_export_writes_both_registers(store: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from drafter.store.incoming_xlsx import export_incoming

    _register_1913(store, tmp_path)
    assert export_incoming(store, tmp_path / "den.xlsx") == 1
    book = load_workbook(tmp_path / "den.xlsx")
    register, tracking = book.worksheets
    rows = [[c.value for c in row] for row in register.iter_rows()]
    # Headed like the printed book: title, range of numbers, then the columns.
    assert [row[0] for row in rows[:2]] == ["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Từ số 01 đến số 01"]
    header = next(i for i, row in enumerate(rows) if row[0] == "Ngày đến")
    assert rows[header][:4] == ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu"]
    assert rows[header + 1][:3] == ["(1)", "(2)", "(3)"]
    assert rows[header + 2][:6] == [
        "20/05/2016",
        "01",
        "Ủy ban nhân dân thành phố Cần Thơ",
        "1913/UBND-KGVX",
        "18/05/2016",
        "Công văn hỗ trợ tuyên truyền về Hội nghị xúc tiến đầu tư thành phố Cần Thơ năm 2016",
    ]
    assert register.cell(header + 3, 1).font.name == "Times New Roman"
    tracking_rows = [[c.value for c in row] for row in tracking.iter_rows()]
    assert "Số, ký hiệu văn bản trả lời" in next(r for r in tracking_rows if r[0] == "Số đến")


def test_two_processes_registering_500_each_get_1000_distinct_consecutive_numbers(
    store_url: str, tmp_path: Path
) -> None:
    got = race(WORKER, store_url, tmp_path, 500)
    assert all(len(numbers) == 500 and numbers == sorted(numbers) for numbers in got)
    assert sorted(got[0] + got[1]) == list(range(1, 1001))
    store = open_store(store_url)
    try:
        assert [e.number for e in search_arrivals(store)] == list(range(1, 1001))
    finally:
        store.close()


def test_answers_start_from_the_office_as_every_new_letter_does(
    store: Store, tmp_path: Path
) -> None:
    from drafter.app.new_letter import apply_office, blank, office_for
    from drafter.incoming.drafts import answer_draft
    from drafter.store.models import Profile, Signer
    from drafter.store.profiles import list_profiles, save_profile, set_default_profile
    from drafter.store.signers import new_pattern, save_signer

    _hanoi_office(store)
    profile = list_profiles(store)[0]
    # The default profile, not the first one by label.
    save_profile(store, Profile(label="Ban Quản lý", name="BAN QUẢN LÝ", abbreviation="BQL"))
    set_default_profile(store, profile.id)
    # The type's own signer, not the first one saved.
    chief = Signer(
        name="Trần Văn Dần",
        title="CHÁNH VĂN PHÒNG",
        profile_id=profile.id,
        default_types="cong_van",
    )
    chief.patterns = [new_pattern(["TL. CHỦ TỊCH"])]
    save_signer(store, chief)
    _path, entry = _register_1913(store, tmp_path)
    new = apply_office(blank("cong_van"), office_for(store, "cong_van"))
    for forward_to in (None, ["Sở Tài chính"]):
        answer = answer_draft(store, entry, forward_to=forward_to)
        letter = answer.letter
        assert answer.warnings == []
        assert letter.issuer == new.issuer and letter.place == new.place == "Hà Nội"
        assert letter.signatures == new.signatures
        assert letter.signatures[0].name == "Trần Văn Dần"
        assert letter.noi_nhan == new.noi_nhan and letter.luu == new.luu
        assert letter.document_id and letter.document_id != new.document_id
        assert letter.date == new.date
    assert letter.kinh_gui == ["Sở Tài chính"]
