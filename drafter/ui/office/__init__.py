"""Dialogs and pickers for the office's data (``drafter.store``), for the main window.

The API the main window uses:

``menu_actions(window) -> list[QAction]``
    The entries of the "Dữ liệu" (Data) menu: profiles, signers, recipients and groups,
    the outgoing register, issuing a number and one document per recipient for the
    current letter (the last two need ``window.current_editor()``).
``pick(kind, form, window)``
    Fill the form from the office data; *kind* is ``"issuer"``, ``"recipients"``
    (Kính gửi), ``"noi_nhan"`` or ``"signer:<n>"``; ``"save_group:<path>"`` saves the
    form's lines at *path* (``kinh_gui``, ``noi_nhan``) as a group instead.
``open_data_menu(parent, which=None)``
    Open one data dialog: ``"profiles"``, ``"signers"``, ``"contacts"``, ``"register"``;
    without *which*, pop up the Data menu at the mouse.
``pick_profile(parent) -> tuple[Issuer, str] | None``
    The issuer and the place of the chosen profile.
``pick_signature(parent) -> Signature | None``
``pick_recipients(parent, for_="kinh_gui" | "noi_nhan", current=None) -> list[str] | None``
    The letter's lines as the user left them; ``None`` when they cancelled.
``issue_letter(parent, letter) -> Letter | None``
    Cấp số: the numbered, dated letter, recorded in the register.
``merge_letter(parent, letter) -> list[Path]``
    One document per member of a group, as separate files or one combined file.

Messages go through :func:`drafter.ui.office.common.show_error`, ``show_info`` and
``confirm``; the database is :func:`drafter.ui.office.common.current_store`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from drafter.core.letter import Issuer, Letter, Signature
from drafter.i18n import _
from drafter.ui.office.issue import issue_letter

__all__ = [
    "issue_letter",
    "menu_actions",
    "merge_letter",
    "open_data_menu",
    "pick",
    "pick_profile",
    "pick_recipients",
    "pick_signature",
]


def run_dialog(dialog: QDialog) -> bool:
    """Show *dialog* modally; tests replace this to answer it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def _dialog_class(which: str) -> type[QDialog]:
    if which == "profiles":
        from drafter.ui.office.profiles_dialog import ProfilesDialog

        return ProfilesDialog
    if which == "signers":
        from drafter.ui.office.signers_dialog import SignersDialog

        return SignersDialog
    if which == "contacts":
        from drafter.ui.office.contacts_dialog import ContactsDialog

        return ContactsDialog
    if which == "register":
        from drafter.ui.office.register_dialog import RegisterDialog

        return RegisterDialog
    raise ValueError(f"unknown office dialog {which!r}")


def open_data_menu(parent: QWidget | None, which: str | None = None) -> None:
    """Open the data dialog *which*; without it, pop up the whole Data menu."""
    if which is None:
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QMenu

        menu = QMenu(parent)
        for action in menu_actions(parent):
            menu.addAction(action)
        menu.exec(QCursor.pos())
        return
    from drafter.ui.office.common import store_or_none

    if store_or_none(parent) is not None:
        run_dialog(_dialog_class(which)(parent))


def pick_profile(parent: QWidget | None = None) -> tuple[Issuer, str] | None:
    from drafter.ui.office.pickers import ProfilePicker

    dialog = ProfilePicker(parent)
    return dialog.issuer_and_place() if run_dialog(dialog) else None


def pick_signature(parent: QWidget | None = None) -> Signature | None:
    from drafter.ui.office.pickers import SignaturePicker

    dialog = SignaturePicker(parent)
    return dialog.signature() if run_dialog(dialog) else None


def pick_recipients(
    parent: QWidget | None = None, for_: str = "kinh_gui", current: list[str] | None = None
) -> list[str] | None:
    """The lines chosen, starting from *current*; ``None`` when the user cancelled."""
    from drafter.ui.office.pickers import RecipientPicker

    dialog = RecipientPicker(parent, "noi_nhan" if for_ == "noi_nhan" else "kinh_gui", current)
    return dialog.lines() if run_dialog(dialog) else None


def merge_letter(parent: QWidget | None, letter: Letter) -> list[Path]:
    from drafter.ui.office.mailmerge_dialog import MailMergeDialog

    dialog = MailMergeDialog(letter, parent)
    return dialog.written if run_dialog(dialog) else []


# --- the main window's hooks ---------------------------------------------------------------


def pick(kind: str, form: Any, window: QWidget | None = None) -> None:
    """Fill *form* (``form.value(path)`` / ``form.set_value(path, value)``) for *kind*."""
    if kind == "issuer":
        chosen = pick_profile(window)
        if chosen is not None:
            issuer, place = chosen
            for key in (
                "parent",
                "name",
                "abbreviation",
                "unit",
                "address",
                "phone",
                "email",
                "website",
            ):
                form.set_value(f"issuer.{key}", getattr(issuer, key))
            if place:
                form.set_value("place", place)
    elif kind in ("recipients", "kinh_gui", "noi_nhan"):
        path = "noi_nhan" if kind == "noi_nhan" else "kinh_gui"
        old = form.value(path)
        lines = pick_recipients(window, path, list(old) if isinstance(old, list) else [])
        if lines is not None:  # the picker started from the letter's lines
            form.set_value(path, lines)
    elif kind.startswith("save_group:"):
        from drafter.ui.office.save_group import save_form_lines

        save_form_lines(form, kind.split(":", 1)[1], window)
    elif kind.startswith("signer:"):
        signature = pick_signature(window)
        if signature is not None:
            prefix = f"signatures[{kind.split(':', 1)[1]}]"
            form.set_value(f"{prefix}.authority", signature.authority)
            form.set_value(f"{prefix}.title", signature.title)
            form.set_value(f"{prefix}.name", signature.name)


def _on_current_letter(window: Any, action: Callable[[QWidget, Letter], object]) -> None:
    editor = window.current_editor() if hasattr(window, "current_editor") else None
    if editor is None:
        from drafter.ui.office.common import show_error

        show_error(window, _("Open a letter first."))
        return
    result = action(window, editor.letter())
    if isinstance(result, Letter):
        editor.load_letter(result, editor.path, dirty=True)


def _issue_current(window: Any) -> None:
    """Cấp số: in the window, the draft is saved with its number at once (issue_draft)."""
    if not hasattr(window, "save_editor"):
        _on_current_letter(window, issue_letter)
        return
    editor = window.current_editor()
    if editor is None:
        from drafter.ui.office.common import show_error

        show_error(window, _("Open a letter first."))
        return
    from drafter.ui.office.issue import issue_draft

    issue_draft(window, editor)


def menu_actions(window: QWidget | None) -> list[QAction]:
    entries: list[tuple[str, str, Callable[[], object]]] = [
        (
            "office.profiles",
            _("Organisation &profiles…"),
            lambda: open_data_menu(window, "profiles"),
        ),
        ("office.signers", _("&Signers…"), lambda: open_data_menu(window, "signers")),
        (
            "office.contacts",
            _("&Recipients and groups…"),
            lambda: open_data_menu(window, "contacts"),
        ),
        ("office.register", _("Outgoing &register…"), lambda: open_data_menu(window, "register")),
        ("office.issue", _("&Issue a number for this letter…"), lambda: _issue_current(window)),
        (
            "office.mailmerge",
            _("One document per &recipient…"),
            lambda: _on_current_letter(window, merge_letter),
        ),
    ]
    actions = []
    for name, text, slot in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        actions.append(action)
    return actions
