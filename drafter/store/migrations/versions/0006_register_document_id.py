"""The register remembers which document each number went to: ``register_entry.document_id``
(the letter file's ``document_id``), so that the same document is never numbered twice.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("register_entry") as batch:
        batch.add_column(sa.Column("document_id", sa.String(64), nullable=False, server_default=""))
        batch.create_index("ix_register_document", ["document_id"])


def downgrade() -> None:
    with op.batch_alter_table("register_entry") as batch:
        batch.drop_index("ix_register_document")
        batch.drop_column("document_id")
