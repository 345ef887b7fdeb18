"""Speed of the office database, printed as figures.

    .venv/bin/python benchmarks/store_bench.py [--pg postgresql://user:pw@host/db]

Targets: with 100,000 register entries, issuing a number under 5 ms and a filtered
search under 50 ms; with 10,000 contacts, search as you type under 20 ms.  The
PostgreSQL run empties the database it is given (use a scratch database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from drafter.core.letter import Issuer, Letter, Signature
from drafter.store import register
from drafter.store.contacts import search_contacts
from drafter.store.engine import Store, open_store, sqlite_url
from drafter.store.models import Contact, RegisterEntry, SequenceCounter
from drafter.store.register_query import RegisterFilter, count, search
from drafter.store.text import search_text, sort_bytes

ENTRIES = 100_000
CONTACTS = 10_000
YEARS = (2022, 2023, 2024, 2025, 2026)
SUBJECTS = [
    "tăng cường công tác phòng, chống dịch bệnh",
    "kế hoạch tuyển sinh năm học mới",
    "báo cáo tình hình kinh tế - xã hội",
    "triển khai chuyển đổi số",
    "quyết toán ngân sách",
    "công tác cải cách hành chính",
    "phòng cháy, chữa cháy",
    "tổ chức hội nghị tổng kết",
    "bảo đảm an toàn giao thông",
    "quản lý đất đai",
]
AGENCIES = [
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo",
    "Sở Công Thương",
    "Ủy ban nhân dân quận",
    "Phòng Kinh tế",
    "Trung tâm Y tế",
    "Trường Trung học phổ thông",
    "Công an phường",
    "Chi cục Thuế",
]
PLACES = [
    "Ba Đình",
    "Hoàn Kiếm",
    "Đống Đa",
    "Cầu Giấy",
    "Tây Hồ",
    "Long Biên",
    "Thanh Xuân",
    "Hà Đông",
    "Nghệ An",
    "Đà Nẵng",
    "Cần Thơ",
    "Hải Phòng",
    "Quảng Ninh",
    "Huế",
]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, times: list[float], target_ms: float) -> None:
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95) - 1]
    verdict = "ok" if p95 < target_ms else "SLOW"
    print(
        f"  {label:<46} median {median:7.2f} ms   p95 {p95:7.2f} ms   "
        f"(target < {target_ms:g} ms) {verdict}"
    )


def fill_register(store: Store) -> None:
    rng = random.Random(30)
    rows = []
    for year in YEARS:
        per_year = ENTRIES // len(YEARS)
        for number in range(1, per_year + 1):
            subject = f"V/v {rng.choice(SUBJECTS)} tại {rng.choice(PLACES)}"
            recipients = "\n".join(rng.sample(AGENCIES, 3))
            symbol = f"{number:02d}/UBND-{rng.choice(['VP', 'KT', 'NV', 'TP'])}"
            rows.append(
                dict(
                    sequence_id=1,
                    year=year,
                    number=number,
                    status="issued",
                    number_symbol=symbol,
                    doc_date=dt.date(year, 1, 1) + dt.timedelta(days=number * 365 // per_year),
                    type_name="Công văn",
                    subject=subject,
                    signer="Nguyễn Văn An",
                    recipients=recipients,
                    archive="VT, VP",
                    copies=10,
                    receipt="",
                    note="",
                    type_id="cong_van",
                    snapshot="",
                    created_at=dt.datetime(year, 1, 1),
                    search_text=search_text(
                        symbol, "Công văn", subject, "Nguyễn Văn An", recipients
                    ),
                )
            )
    with store.write() as session:
        for start in range(0, len(rows), 5000):
            session.execute(insert(RegisterEntry), rows[start : start + 5000])
        for year in YEARS:
            session.execute(
                insert(SequenceCounter),
                [dict(sequence_id=1, year=year, last=ENTRIES // len(YEARS))],
            )


def fill_contacts(store: Store) -> None:
    rng = random.Random(7)
    rows = []
    for i in range(CONTACTS):
        full = f"{rng.choice(AGENCIES)} {rng.choice(PLACES)} số {i}"
        short = full.split(" số ")[0]
        # The other columns (title, e-mail, address…) take their empty defaults.
        rows.append(
            dict(
                kind="agency",
                full_name=full,
                short_name=short,
                search_text=search_text(full, short),
                sort_bytes=sort_bytes(full),
            )
        )
    with store.write() as session:
        session.execute(insert(Contact), rows)


def run(url: str, label: str) -> None:
    print(f"{label}: {url.split('@')[-1]}")
    store = open_store(url)
    start = time.perf_counter()
    fill_register(store)
    fill_contacts(store)
    with store.engine.connect() as connection:  # as autovacuum / PRAGMA optimize would
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    print(
        f"  filled {ENTRIES:,} register entries and {CONTACTS:,} contacts in "
        f"{time.perf_counter() - start:.1f} s"
    )
    letter = Letter(
        type_id="cong_van",
        issuer=Issuer(name=["ỦY BAN NHÂN DÂN"], abbreviation="UBND", unit="VP"),
        place="Hà Nội",
        date=dt.date(2026, 11, 24),
        subject="thử tốc độ",
        kinh_gui=["Các phòng"],
        body="Nội dung.",
        signatures=[Signature(title="CHỦ TỊCH", name="Lê Văn B")],
    )
    register.issue(store, letter, actor="bench")  # warm the caches
    report(
        "issue a number (with snapshot)",
        timed(lambda: register.issue(store, letter, actor="bench"), 200),
        5,
    )
    filters = {
        "year + words 'tuyen sinh cau giay'": RegisterFilter(year=2025, text="tuyen sinh cau giay"),
        "words 'sở tư pháp' (all years)": RegisterFilter(text="sở tư pháp"),
        "type + date range": RegisterFilter(
            type_id="cong_van", date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 31)
        ),
        "rare symbol '4711/ubnd'": RegisterFilter(text="4711/ubnd"),
        "no match 'xyzzy'": RegisterFilter(text="xyzzy"),
    }
    for name, where in filters.items():
        report(
            f"register search: {name}", timed(lambda w=where: search(store, w, limit=200), 30), 50
        )
    report(
        "register count: year + words",
        timed(lambda: count(store, filters["year + words 'tuyen sinh cau giay'"]), 30),
        50,
    )
    typed = "so tai chinh ba dinh"
    prefixes = [typed[:i] for i in range(1, len(typed) + 1)]
    report(
        "contacts: search as you type (each keystroke)",
        [t for p in prefixes for t in timed(lambda p=p: search_contacts(store, p), 5)],
        20,
    )
    report(
        "contacts: 'Sở Tài chính' with diacritics",
        timed(lambda: search_contacts(store, "Sở Tài chính"), 30),
        20,
    )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--pg",
        default=os.environ.get("DRAFTER_TEST_PG_URL", ""),
        help="a scratch PostgreSQL database to measure as well",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(sqlite_url(Path(folder) / "bench.sqlite3"), "SQLite")
    if args.pg:
        empty_postgres(args.pg)
        run(args.pg, "PostgreSQL")


def empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    from drafter.store.engine import _as_url

    engine = create_engine(_as_url(url))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


if __name__ == "__main__":
    main()
