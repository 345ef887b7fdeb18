"""Corrections of a register line after the fact: only the columns a clerk fills in later
may change, and each change is written to the line's audit trail as "column: old → new"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def changed_columns(
    current: object, values: Mapping[str, object], editable: Iterable[str]
) -> dict[str, object]:
    """The *values* that differ from *current*'s; a column outside *editable* is a
    programming error (the forms only offer editable columns)."""
    unknown = set(values) - set(editable)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    return {column: value for column, value in values.items() if getattr(current, column) != value}


def change_note(current: object, changes: Mapping[str, object]) -> str:
    """The audit trail's note of *changes* to *current*: "receipt:  → Nguyễn Văn A; …"."""
    return "; ".join(
        f"{column}: {getattr(current, column)!s} → {value!s}" for column, value in changes.items()
    )
