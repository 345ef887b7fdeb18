"""Saying so when Drafter has no suitable font: a banner in the window, a word before
export and print.

Without Times New Roman or Liberation Serif 2 the layout estimates text widths and Qt
draws with whatever typeface it finds, so the preview, the PDF and the print no longer
match the .docx.  The user must know, and know what to install
(:func:`drafter.fonts.missing_font_message`).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from drafter import fonts
from drafter.i18n import _

BANNER_NAME = "font_banner"


def font_problem() -> str | None:
    """Why documents will not look as they should, or ``None`` when the fonts are right."""
    missing = fonts.missing_font_message()
    if missing:
        return missing
    painter = sys.modules.get("drafter.render.qt_painter")  # loaded with the first draft
    return painter.font_problem() if painter is not None else None


def with_banner(content: QWidget) -> QWidget:
    """*content*, under a warning banner when no suitable font is installed."""
    problem = fonts.missing_font_message()
    if problem is None:
        return content
    holder = QWidget(content.parentWidget())
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = QLabel(holder)
    banner.setObjectName(BANNER_NAME)
    banner.setWordWrap(True)
    from PySide6.QtCore import Qt  # only here: Qt's enums cost every start some 12 ms

    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.setStyleSheet(
        "QLabel { background: #fff3cd; color: #664d03; padding: 8px; "
        "border-bottom: 1px solid #ffda6a; }"
    )
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    retranslate(holder)
    return holder


def retranslate(window: QWidget) -> None:
    """Rewrite the banner's text in the current language, if the window has one."""
    banner = window.findChild(QLabel, BANNER_NAME)
    problem = fonts.missing_font_message()
    if banner is not None and problem is not None:
        banner.setText(_("Fonts: ") + problem)


def title() -> str:
    return _("The fonts for Vietnamese are missing")
