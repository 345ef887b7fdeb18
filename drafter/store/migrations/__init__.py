"""Alembic migrations of the office database, run by :mod:`drafter.store.migrate`."""
