"""Where the office data (organisation profiles, signers, recipient groups, the
register) joins the main window.

The data dialogs live in ``drafter.ui.office``, which loads the database layer; it is
imported when first used (the Data menu, a "Choose…" button), not with the window,
whose start would otherwise take twice as long.  It provides:

- ``menu_actions(window) -> list[QAction]``: entries of the "Data" menu;
- ``pick(kind, form, window) -> None``: fill the form's fields for *kind*, one of
  ``"issuer"``, ``"recipients"`` (Kính gửi), ``"noi_nhan"``, ``"signer:<n>"``;
  it reads and writes values with ``form.value(path)`` / ``form.set_value(path, v)``.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.store.engine import Store


def office_module() -> ModuleType:
    from drafter.ui import office

    return office


def available() -> bool:
    """The office package ships with Drafter: its dialogs are always there."""
    return True


def has_picker() -> bool:
    return available()


def store_or_none() -> Store | None:
    """The office database when it can be opened (quietly ``None`` otherwise): a new
    letter is filled from it, and starts empty without it."""
    from drafter.store.engine import StoreError
    from drafter.ui.office.common import current_store

    try:
        return current_store()
    except StoreError:
        return None
