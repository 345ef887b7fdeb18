"""Alembic environment: runs on the connection :mod:`drafter.store.migrate` hands over.

To write a new revision during development::

    .venv/bin/python -m drafter.store.migrate revision "what changed"
"""

from __future__ import annotations

from alembic import context

from drafter.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by copying them; batch mode does that for us.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
