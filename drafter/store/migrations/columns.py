"""Columns added to tables that already hold an office's data, declared once per migration.

Every column Drafter adds after the first release is NOT NULL with a default, so that the
rows already there stay valid; :func:`add_columns` builds both halves of such a migration
from one declaration, so ``downgrade`` always undoes exactly what ``upgrade`` did (in the
reverse order). Batch mode, because SQLite can only add and drop columns by rebuilding the
table.
"""

from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import sqlalchemy as sa
from alembic import op


class Kind(Enum):
    """What a new column holds, and so its type and the value of existing rows."""

    TEXT = "text"  # free text, "" where nothing was recorded
    KEY = "key"  # an identifier of at most 64 characters, "" where none was recorded
    FLAG = "flag"  # a yes/no, false for existing rows

    def column(self, name: str) -> sa.Column[Any]:
        if self is Kind.FLAG:
            return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())
        column_type = sa.Text() if self is Kind.TEXT else sa.String(64)
        return sa.Column(name, column_type, nullable=False, server_default="")


Columns = Mapping[str, Kind]
Migration = Callable[[], None]


def add_columns(
    tables: Mapping[str, Columns], indexes: Mapping[str, tuple[str, str]] | None = None
) -> tuple[Migration, Migration]:
    """``upgrade`` and ``downgrade`` of a migration adding *tables*' columns (table → column
    name → kind, in order) and *indexes* (index name → (table, column)) on them."""
    by_table: dict[str, list[tuple[str, str]]] = {}
    for index, (table, column) in (indexes or {}).items():
        by_table.setdefault(table, []).append((index, column))

    def upgrade() -> None:
        for table, columns in tables.items():
            with op.batch_alter_table(table) as batch:
                for name, kind in columns.items():
                    # A new Column each run: a Column belongs to the one table it was added to.
                    batch.add_column(kind.column(name))
                for index, column in by_table.get(table, []):
                    batch.create_index(index, [column])

    def downgrade() -> None:
        for table, columns in reversed(list(tables.items())):
            with op.batch_alter_table(table) as batch:
                for index, _column in reversed(by_table.get(table, [])):
                    batch.drop_index(index)
                for name in reversed(list(columns)):
                    batch.drop_column(name)

    return upgrade, downgrade
