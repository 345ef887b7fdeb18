"""Opening databases: migrations at open, WAL, damaged and locked files."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from drafter.store.engine import DB_FILE_NAME, Store, StoreError, default_url, open_store
from drafter.store.migrate import current_revision, head_revision
from drafter.store.models import Base


def test_open_creates_every_table_at_the_head_revision(store: Store) -> None:
    with store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        tables = set(inspect(connection).get_table_names())
    assert set(Base.metadata.tables) <= tables
    # The migration seeds the shared and the secret sequence (Art. 15.1, 15.2).
    with store.read() as session:
        rows = session.execute(text("SELECT key, secret FROM number_sequence ORDER BY id")).all()
    assert [(key, bool(secret)) for key, secret in rows] == [("chung", False), ("mat", True)]


def test_opening_twice_does_not_migrate_again(store_url: str) -> None:
    open_store(store_url).close()
    store = open_store(store_url)
    with store.read() as session:
        assert session.execute(text("SELECT count(*) FROM number_sequence")).scalar() == 2
    store.close()


def test_default_database_is_a_sqlite_file_in_the_user_data_folder(
    drafter_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_url().endswith(str(drafter_home / "data" / DB_FILE_NAME))
    monkeypatch.setenv("DRAFTER_DB", "postgresql://office/db")
    assert default_url() == "postgresql://office/db"


def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    store = open_store(tmp_path / "office.sqlite3")
    with store.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.close()


def test_a_file_that_is_not_a_database_is_kept_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    path.write_bytes(b"this is a Word document, not a database" * 100)
    with pytest.raises(StoreError) as caught:
        open_store(path)
    message = str(caught.value)
    assert "damaged" in message
    backups = list(tmp_path.glob("office.damaged-*.sqlite3"))
    assert len(backups) == 1 and str(backups[0]) in message
    # Nothing was lost: both the file and its copy hold the original bytes.
    assert path.read_bytes() == backups[0].read_bytes()


def test_a_damaged_database_is_backed_up_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    store = open_store(path)
    with store.write() as session:
        for i in range(2000):
            session.execute(
                text(
                    "INSERT INTO contact (kind, full_name, short_name, title, "
                    "organisation, email, phone, address, note, search_text, "
                    "sort_bytes) VALUES ('agency', :n, '', '', '', '', '', "
                    "'', '', '', x'00')"
                ),
                {"n": f"Sở số {i}" * 5},
            )
    store.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    # Overwrite a stretch of table pages in the middle of the file.
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    # Opening reads only the header (the full check is too slow for every command);
    # the damage is found, checked and reported as soon as the damaged table is read.
    from drafter.store.contacts import search_contacts

    with pytest.raises(StoreError, match="damaged"):
        store = open_store(path)
        try:
            search_contacts(store, "", limit=5000)
        finally:
            store.close()
    assert path.read_bytes() == damaged
    assert list(tmp_path.glob("office.damaged-*.sqlite3"))


def test_damage_found_while_working_is_reported_with_a_copy(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from drafter.store.engine import sqlite_url
    from drafter.store.register_query import search

    path = tmp_path / "office.sqlite3"
    store = open_store(path)
    with store.write() as session:
        for i in range(3000):
            session.execute(
                text(
                    "INSERT INTO register_entry (sequence_id, year, number, "
                    "status, number_symbol, type_name, subject, signer, "
                    "recipients, archive, receipt, note, type_id, snapshot, "
                    "search_text, created_at) VALUES (1, 2026, :n, 'issued', "
                    "'', '', :s, '', '', '', '', '', '', '', '', "
                    "'2026-01-01')"
                ),
                {"n": i + 1, "s": "trích yếu " * 30},
            )
    store.close()
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 16384] = b"\x13" * 16384
    path.write_bytes(bytes(data))
    # Opened without the check at open, as if the damage happened afterwards.
    damaged = Store(create_engine(sqlite_url(path)))
    with pytest.raises(StoreError, match="damaged") as caught:
        search(damaged, limit=0)
    damaged.close()
    copies = list(tmp_path.glob("office.damaged-*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in str(caught.value)


def test_a_database_locked_too_long_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import drafter.store.engine as engine_module

    path = tmp_path / "office.sqlite3"
    store = open_store(path)
    store.close()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(path)
        with pytest.raises(StoreError, match="locked") as caught, store.write() as session:
            session.execute(text("UPDATE number_sequence SET label = 'x'"))
        store.close()
        # What could be read was copied aside, and the message says where.
        copies = list(tmp_path.glob("office.locked-*.sqlite3"))
        assert len(copies) == 1 and str(copies[0]) in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store = open_store(path)
    with store.read() as session:
        assert (
            session.execute(text("SELECT label FROM number_sequence WHERE key = 'chung'")).scalar()
            == "Văn bản hành chính"
        )
    store.close()


def test_an_unknown_kind_of_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://somewhere/db")


def test_an_older_database_is_backed_up_and_upgraded_with_its_data(tmp_path: Path) -> None:
    from alembic import command

    from drafter.store import register
    from drafter.store.engine import create_store_engine
    from drafter.store.migrate import _config
    from drafter.store.register_query import RegisterFilter, count
    from tests.sample_letters import cong_van

    path = tmp_path / "office.sqlite3"
    engine = create_store_engine(path)
    with engine.execution_options(drafter_write=True).begin() as connection:
        command.upgrade(_config(connection), "0001")  # as the first release left it
    engine.dispose()
    # Today's issue writes columns the old schema lacks (register_entry.document_id came
    # with 0006), so the old entry is written as the first release wrote it.
    from drafter.store.text import search_text

    folded = search_text("01/SGDĐT-VP", "Công văn", "V/v xây dựng trường học")
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO sequence_counter (sequence_id, year, last) VALUES (1, 2026, 1)"
        )
        connection.execute(
            "INSERT INTO register_entry (sequence_id, year, number, status, number_symbol, "
            "doc_date, type_name, subject, signer, recipients, archive, receipt, note, "
            "type_id, snapshot, search_text, created_at) VALUES (1, 2026, 1, 'issued', "
            "'01/SGDĐT-VP', '2026-03-05', 'Công văn', 'V/v xây dựng trường học', '', '', "
            "'VT', '', '', 'cong_van', '', ?, '2026-03-05 08:00:00.000000')",
            (folded,),
        )

    store = open_store(path)
    with store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    assert list(tmp_path.glob("office.before-upgrade-*.sqlite3"))
    # The entry written before the upgrade is found through the new search index.
    assert count(store, RegisterFilter(text="truong hoc")) == 1
    assert register.issue(store, cong_van(number=None)).letter.number == 2
    store.close()


def test_the_cheaply_read_head_is_alembics_head() -> None:
    from drafter.store.schema import shipped_head

    assert shipped_head() == head_revision()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    from tests.fresh_interpreter import modules_after

    open_store(tmp_path / "office.sqlite3").close()
    modules = modules_after(
        "from drafter.store.engine import open_store\n"
        f"open_store({str(tmp_path / 'office.sqlite3')!r}).close()"
    )
    assert "drafter.store.engine" in modules  # the probe did run
    assert "alembic" not in modules


def test_issuing_on_a_current_database_does_not_import_sqlalchemy(
    store_url: str, tmp_path: Path
) -> None:
    """``drafter issue`` runs on the driver: SQLAlchemy is loaded only to migrate or browse."""
    from drafter.core import letterfile
    from tests.fresh_interpreter import modules_after
    from tests.sample_letters import cong_van

    open_store(store_url).close()
    letter = tmp_path / "cv.letter"
    letterfile.save(cong_van(number=None), letter)
    modules = modules_after(
        "from drafter.cli import main\n"
        f"status = main(['issue', {str(letter)!r}, '-o', {str(tmp_path / 'cv.docx')!r}, "
        f"'--db', {store_url!r}])\n"
        "assert status == 0, status",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    assert sorted(m for m in modules if m.startswith("sqlalchemy")) == []
    assert (tmp_path / "cv.docx").stat().st_size > 0
