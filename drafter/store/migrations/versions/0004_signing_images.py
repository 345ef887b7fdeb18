"""Electronic signing: a signer's signature image and a profile's seal image, and the
certificate each signs with (a PKCS#12 file's path or a token's library and label; never
a key or a password).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("signer") as batch:
        batch.add_column(sa.Column("signature_image", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("certificate", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("profile") as batch:
        batch.add_column(sa.Column("seal_image", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("certificate", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("certificate")
        batch.drop_column("seal_image")
    with op.batch_alter_table("signer") as batch:
        batch.drop_column("certificate")
        batch.drop_column("signature_image")
