"""Issuing (cấp số) the letter open in the form: number, date, register line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from drafter.core.letter import Letter
from drafter.core.numbering import number_text
from drafter.core.vietnamese import numeric_date
from drafter.i18n import _
from drafter.ui.office import common
from drafter.ui.office.changes import notify as notify_changes

if TYPE_CHECKING:
    from drafter.core.problems import Problem


def issue_letter(parent: QWidget | None, letter: Letter) -> Letter | None:
    """Give *letter* the next number of its sequence and record it in the register.

    Returns the numbered and dated letter for the window to show, or ``None`` when the
    user declined or something stood in the way (the user was told what).
    """
    from drafter.app import issue
    from drafter.app.check import check

    if letter.number is not None:
        _show_numbered(parent, letter.number)
        return None
    problems = check(letter)
    if problems:
        _show_problems(parent, problems)
        return None
    if not _confirm_next_number(parent):
        return None
    store = common.store_or_none(parent)
    if store is None:
        return None
    issued = common.guarded(parent, lambda: issue.number(store, letter))
    if issued is None:
        return None
    notify_changes()  # the register is written past SQLAlchemy: say so
    common.show_info(
        parent,
        _("Number {number} issued, dated {date}.").format(
            number=issued.entry.number_symbol,
            date=numeric_date(issued.letter.date),
        ),
    )
    return issued.letter


def _show_problems(parent: QWidget | None, problems: list[Problem]) -> None:
    common.show_error(
        parent,
        _("Correct these before issuing a number:") + "\n" + "\n".join(str(p) for p in problems),
    )


def _show_numbered(parent: QWidget | None, number: int) -> None:
    common.show_error(
        parent, _("This letter already has number {number}.").format(number=number_text(number))
    )


def _confirm_next_number(parent: QWidget | None) -> bool:
    return common.confirm(
        parent,
        _(
            "Give this letter the next number of the register? The number and date are "
            "recorded and can afterwards only be cancelled, never taken back."
        ),
    )


def _number_of(number_symbol: str) -> int | None:
    head = number_symbol.split("/", 1)[0].strip()
    return int(head) if head.isdigit() else None


def issue_draft(window: Any, editor: Any) -> Letter | None:
    """Cấp số for the draft open in *editor*, so that its number can never be lost.

    The draft is saved first (with the user's consent) and given its document id, saved
    too; then, if the register already numbered this document, that number is shown
    (and written into the draft if it lacks it) and a new one is taken only as an
    explicit cấp lại.  The numbered letter is written to the autosave and the draft's
    file before anything else happens; returns it, or ``None``.
    """
    from drafter.app import issue
    from drafter.app.check import check
    from drafter.store.errors import AlreadyIssued
    from drafter.store.issuing import issued_to, new_document_id

    if editor.path is None or editor.dirty:
        if not common.confirm(
            window,
            _(
                "The letter is saved before it is given a number, so that the number is "
                "never lost. Save it now?"
            ),
        ):
            return None
        if not window.save_editor(editor):
            return None
    letter = editor.letter()
    problems = [] if letter.number is not None else check(letter)
    if problems:
        _show_problems(window, problems)
        return None
    store = common.store_or_none(window)
    if store is None:
        return None
    if not letter.document_id:  # saved before the number is taken: a retry finds it
        letter.document_id = new_document_id()
        _keep(window, editor, letter)
        if not window.save_editor(editor):
            return None
    earlier = common.guarded(window, lambda: issued_to(store, letter.document_id) or False)
    if earlier is None:
        return None
    reissue = False
    if isinstance(earlier, AlreadyIssued):
        date = numeric_date(earlier.doc_date)
        choice = common.choose(
            window,
            _(
                "This document was already issued as number {number} on {date}. A document "
                "is numbered once.\n\nCấp lại (reissue) is a correction: number {number} is "
                "cancelled in the register and a new number taken, both recorded in its "
                "history."
            ).format(number=earlier.number_symbol, date=date),
            [
                _("Keep number {number}").format(number=earlier.number_symbol),
                _("Cấp lại (reissue)…"),
            ],
        )
        if choice is None:
            return None
        if choice == 0:
            number = _number_of(earlier.number_symbol)
            if letter.number != number or letter.date != earlier.doc_date:
                letter.number, letter.date = number, earlier.doc_date
                _keep(window, editor, letter)
                window.save_editor(editor)
            return letter
        if not common.confirm(
            window,
            _("Cancel number {number} and issue this document again with a new number?").format(
                number=earlier.number_symbol
            ),
        ):
            return None
        reissue = True
        problems = check(letter)
        if problems:
            _show_problems(window, problems)
            return None
    elif letter.number is not None:
        _show_numbered(window, letter.number)
        return None
    elif not _confirm_next_number(window):
        return None
    issued = common.guarded(window, lambda: issue.number(store, letter, reissue=reissue))
    if issued is None:
        return None
    notify_changes()
    # Into the draft at once: the autosave first (it survives a failed save), then the file.
    _keep(window, editor, issued.letter)
    editor.autosave_now()
    saved = window.save_editor(editor)
    common.show_info(
        window,
        (
            _("Number {number} issued, dated {date}.")
            if saved
            else _(
                "Number {number} issued, dated {date}. The letter file could not be saved: save "
                "it now; the number is kept in the draft meanwhile."
            )
        ).format(
            number=issued.entry.number_symbol,
            date=numeric_date(issued.letter.date),
        ),
    )
    return issued.letter


def _keep(window: Any, editor: Any, letter: Letter) -> None:
    editor.load_letter(letter, editor.path, dirty=True)
