"""Electronic signing: a signer's signature image and a profile's seal image, and the
certificate each signs with (a PKCS#12 file's path or a token's library and label; never
a key or a password)."""

from drafter.store.migrations.columns import Kind, add_columns

revision = "0004"
down_revision = "0003"

upgrade, downgrade = add_columns(
    {
        "signer": {"signature_image": Kind.TEXT, "certificate": Kind.TEXT},
        "profile": {"seal_image": Kind.TEXT, "certificate": Kind.TEXT},
    }
)
