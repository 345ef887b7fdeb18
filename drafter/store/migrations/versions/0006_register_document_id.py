"""The register remembers which document each number went to: ``register_entry.document_id``
(the letter file's ``document_id``), so that the same document is never numbered twice."""

from drafter.store.migrations.columns import Kind, add_columns

revision = "0006"
down_revision = "0005"

upgrade, downgrade = add_columns(
    {"register_entry": {"document_id": Kind.KEY}},
    indexes={"ix_register_document": ("register_entry", "document_id")},
)
