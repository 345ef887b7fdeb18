"""The incoming register (sổ đăng ký văn bản đến, Appendix IV) and its tracking columns.

Its own yearly sequence of arrival numbers (số đến, Art. 22.2) kept in
``incoming_counter``; one line per incoming document with the ten columns of the form,
the tracking register's columns (thời hạn, tiến độ, số ký hiệu văn bản trả lời), the
original file's hash (a file is registered once) and where its copy is kept; an audit
trail as for the outgoing register."""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "incoming_counter",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "incoming_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        # Appendix IV, sổ đăng ký văn bản đến, columns (1)–(10).
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False, server_default=""),
        sa.Column("number_symbol", sa.String(200), nullable=False, server_default=""),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("type_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("subject", sa.Text(), nullable=False, server_default=""),
        sa.Column("recipient_unit", sa.Text(), nullable=False, server_default=""),
        sa.Column("transfer_date", sa.Date(), nullable=True),
        sa.Column("receipt", sa.String(200), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        # The tracking register (sổ theo dõi giải quyết văn bản đến).
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("progress", sa.Text(), nullable=False, server_default=""),
        sa.Column("answer_symbol", sa.String(200), nullable=False, server_default=""),
        sa.Column(
            "answer_entry_id",
            sa.Integer(),
            sa.ForeignKey("register_entry.id", ondelete="SET NULL"),
            nullable=True,
        ),
        # What Drafter adds: the original file and what the reader found in it.
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("stored_path", sa.Text(), nullable=False, server_default=""),
        sa.Column("record", sa.Text(), nullable=False, server_default=""),
        sa.Column("search_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("year", "number", name="uq_incoming_number"),
        sa.UniqueConstraint("content_hash", name="uq_incoming_content"),
    )
    op.create_index("ix_incoming_received", "incoming_entry", ["received_date"])
    op.create_index("ix_incoming_answer", "incoming_entry", ["answer_entry_id"])
    op.create_table(
        "incoming_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("incoming_entry.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False, server_default=""),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_incoming_event_entry", "incoming_event", ["entry_id"])


def downgrade() -> None:
    op.drop_index("ix_incoming_event_entry", table_name="incoming_event")
    op.drop_table("incoming_event")
    op.drop_index("ix_incoming_answer", table_name="incoming_entry")
    op.drop_index("ix_incoming_received", table_name="incoming_entry")
    op.drop_table("incoming_entry")
    op.drop_table("incoming_counter")
