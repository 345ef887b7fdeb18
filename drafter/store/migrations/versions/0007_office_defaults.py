"""What a new letter starts from: the default profile, and the signer who signs each
type by default (``signer.default_types``, comma-separated type ids) or every other type
(``signer.is_default``)."""

from drafter.store.migrations.columns import Kind, add_columns

revision = "0007"
down_revision = "0006"

upgrade, downgrade = add_columns(
    {
        "profile": {"is_default": Kind.FLAG},
        "signer": {"default_types": Kind.TEXT, "is_default": Kind.FLAG},
    }
)
