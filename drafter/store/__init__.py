"""The office's data: profiles, signers, recipients and groups, and the outgoing register.

Storage is SQLAlchemy 2 over SQLite (the embedded default, in the user's data folder)
or a PostgreSQL server shared by the office's secretaries; the schema comes from the
Alembic migrations shipped in :mod:`drafter.store.migrations`.  This package never
imports Qt; its dialogs live in :mod:`drafter.ui.office`.

Modules: ``errors`` (the expected failures, light to import), ``engine`` (opening,
sessions, what a failure means), ``schema`` (the expected revision), ``migrate``,
``models``, ``profiles``, ``signers``, ``contacts``, ``contacts_io`` (CSV/XLSX),
``sequences`` and ``register`` (numbering), ``register_query`` (browse, search),
``register_xlsx`` (export), ``mailmerge`` (one letter per recipient), ``cli``
(``drafter issue``, ``register``, ``contacts``).
"""
