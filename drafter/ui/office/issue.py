"""Issuing (cấp số) the letter open in the form: number, date, register line."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from drafter.core.letter import Letter
from drafter.core.numbering import number_text
from drafter.i18n import _
from drafter.ui.office import common


def issue_letter(parent: QWidget | None, letter: Letter) -> Letter | None:
    """Give *letter* the next number of its sequence and record it in the register.

    Returns the numbered and dated letter for the window to show, or ``None`` when the
    user declined or something stood in the way (the user was told what).
    """
    from drafter.app import issue
    from drafter.app.check import check

    if letter.number is not None:
        common.show_error(parent, _("This letter already has number {number}.").format(
            number=number_text(letter.number)))
        return None
    problems = check(letter)
    if problems:
        common.show_error(parent, _("Correct these before issuing a number:") + "\n" +
                          "\n".join(str(p) for p in problems))
        return None
    if not common.confirm(parent, _(
            "Give this letter the next number of the register? The number and date are "
            "recorded and can afterwards only be cancelled, never taken back.")):
        return None
    store = common.store_or_none(parent)
    if store is None:
        return None
    issued = common.guarded(parent, lambda: issue.number(store, letter))
    if issued is None:
        return None
    common.show_info(parent, _("Number {number} issued, dated {date}.").format(
        number=issued.entry.number_symbol,
        date=issued.letter.date.strftime("%d/%m/%Y") if issued.letter.date else ""))
    return issued.letter
