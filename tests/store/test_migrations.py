"""The migrations that add columns to tables holding an office's data undo exactly what
they do: a database taken back to the first release's schema and brought forward again
has the same tables, columns, defaults and indexes as one made at head."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import Connection, inspect

from drafter.store.engine import Store
from drafter.store.migrate import _config, current_revision, head_revision


def _schema(connection: Connection) -> dict[str, Any]:
    inspector = inspect(connection)
    return {
        table: {
            "columns": [
                (column["name"], str(column["type"]), column["nullable"], column.get("default"))
                for column in inspector.get_columns(table)
            ],
            "indexes": sorted(
                (index["name"] or "", tuple(index["column_names"]))
                for index in inspector.get_indexes(table)
            ),
        }
        for table in sorted(inspector.get_table_names())
        if table != "alembic_version" and not table.startswith("register_fts")
    }


def _columns(connection: Connection, table: str) -> set[str]:
    return {column["name"] for column in inspect(connection).get_columns(table)}


def test_later_migrations_go_back_and_forth_to_the_same_schema(store: Store) -> None:
    with store.engine.begin() as connection:
        at_head = _schema(connection)
        command.downgrade(_config(connection), "0003")
        assert current_revision(connection) == "0003"
        assert "incoming_entry" not in inspect(connection).get_table_names()
        assert {"signature_image", "certificate", "default_types", "is_default"}.isdisjoint(
            _columns(connection, "signer")
        )
        assert {"seal_image", "certificate", "is_default"}.isdisjoint(
            _columns(connection, "profile")
        )
        assert "document_id" not in _columns(connection, "register_entry")

        command.upgrade(_config(connection), "head")
        assert current_revision(connection) == head_revision()
        assert _schema(connection) == at_head
    assert ("ix_register_document", ("document_id",)) in at_head["register_entry"]["indexes"]
    assert at_head["signer"]["columns"][-1][:3] == ("is_default", "BOOLEAN", False)
