"""What the user is told when the database cannot do what was asked: one sentence per
situation, naming the database and saying what happened to the work (nothing was changed)
and what to do.  The sentences are English sources, translated when told; they live
together so that the engine, the upgrade and the safety net say the same thing."""

from drafter.i18n import N_, _

# The disk holding the database is full ({where}).
FULL_DISK = N_(
    "the disk holding the database {where} is full. Nothing was changed; free some "
    "space and try again."
)

# SQLite's own check found the file damaged ({where}, {problem}: what the check said).
DAMAGED = N_(
    "the database {where} is damaged ({problem}). Nothing was changed. Restore your "
    "last backup (Drafter keeps one beside it before every upgrade), or move the "
    "damaged file away to start a new database."
)

# Another writer held the database for the whole busy timeout ({where}, {seconds}).
BUSY = N_(
    "the database {where} is busy: another program has been writing to it for "
    "{seconds} seconds. Nothing was changed; wait a moment and try again, or close "
    "other copies of Drafter."
)

# The database's folder cannot be written ({where}).
READ_ONLY = N_(
    "the database {where} is in a folder that cannot be written (read-only, or "
    "shared read-only): it can be viewed but nothing can be recorded in it. "
    "Nothing was changed; use a copy in a folder you can write, or ask for write "
    "access."
)

# The PostgreSQL server went away ({where}, {reason}: what the driver said).
SERVER_LOST = N_(
    "cannot reach the database server {where}: {reason}. If this happened while "
    "issuing a number, look at the register ('drafter register list') before "
    "issuing the letter again."
)


def told(message: str, **values: object) -> str:
    """*message* in the user's language, its placeholders filled with *values*."""
    return _(message).format(**values)
