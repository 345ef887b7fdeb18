"""Where the office data (organisation profiles, signers, recipient groups, the
register) joins the main window.

The data dialogs live in ``drafter.ui.office``, written separately; this module
imports it lazily and only if it exists, so the window works without it.  The
package may provide:

- ``menu_actions(window) -> list[QAction]``: entries of the "Data" menu;
- ``pick(kind, form, window) -> None``: fill the form's fields for *kind*, one of
  ``"issuer"``, ``"recipients"`` (Kính gửi), ``"noi_nhan"``, ``"signer:<n>"``;
  it reads and writes values with ``form.value(path)`` / ``form.set_value(path, v)``.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

OFFICE_PACKAGE = "drafter.ui.office"


def office_module() -> ModuleType | None:
    try:
        if importlib.util.find_spec(OFFICE_PACKAGE) is None:
            return None
        return importlib.import_module(OFFICE_PACKAGE)
    except ImportError:
        return None


def available() -> bool:
    """Whether the office package is installed, without importing it: it loads the
    database layer, which would double the start-up time of the window."""
    try:
        return importlib.util.find_spec(OFFICE_PACKAGE) is not None
    except (ImportError, ValueError):
        return False


def has_picker() -> bool:
    return available()
