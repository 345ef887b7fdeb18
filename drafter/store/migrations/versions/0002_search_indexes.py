"""Substring search indexes on the register's folded text.

SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers.
PostgreSQL: a GIN trigram index (pg_trgm), when the extension may be created; without
it searches still work, by scanning.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_SQLITE = [
    "CREATE VIRTUAL TABLE register_fts USING fts5(search_text, content='register_entry', "
    "content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER register_fts_insert AFTER INSERT ON register_entry BEGIN "
    "INSERT INTO register_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER register_fts_delete AFTER DELETE ON register_entry BEGIN "
    "INSERT INTO register_fts(register_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER register_fts_update AFTER UPDATE OF search_text ON register_entry BEGIN "
    "INSERT INTO register_fts(register_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO register_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO register_fts(register_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in _SQLITE:
            op.execute(statement)
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return  # not allowed on this server: searches scan instead
    op.execute("CREATE INDEX ix_register_search_trgm ON register_entry "
               "USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS register_fts_{name}")
        op.execute("DROP TABLE IF EXISTS register_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_register_search_trgm")
