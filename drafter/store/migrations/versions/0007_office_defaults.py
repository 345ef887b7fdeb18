"""What a new letter starts from: the default profile, and the signer who signs each
type by default (``signer.default_types``, comma-separated type ids) or every other type
(``signer.is_default``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        batch.add_column(
            sa.Column("is_default", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("signer") as batch:
        batch.add_column(sa.Column("default_types", sa.Text(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("is_default", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("signer") as batch:
        batch.drop_column("is_default")
        batch.drop_column("default_types")
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("is_default")
