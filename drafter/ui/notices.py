"""Notices after an export or a print: what was done, and a way to the result.

After an export the status bar shows "Đã xuất <file>" with "Mở tệp" (open the file in
its program) and "Mở thư mục" (show its folder); after printing, "Đã gửi … trang đến
máy in …".  A notice stays until the next one or until it is closed, so the user does
not have to catch a message that disappears.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolButton, QWidget

from drafter.i18n import _

NOTICE = "notice"  # objectName of the notice in the status bar


def open_url(url: QUrl) -> bool:
    """Open *url* with the system's program for it; tests replace this."""
    return QDesktopServices.openUrl(url)


class Notice(QWidget):
    """A line of text with its buttons, in the status bar."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(NOTICE)
        self.label = QLabel(text, self)
        self.label.setObjectName("notice.text")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 0, 4, 0)
        self.row.addWidget(self.label)
        close = QToolButton(self)
        close.setObjectName("notice.close")
        close.setText("×")
        close.setToolTip(_("Close"))
        close.setAccessibleName(_("Close"))
        close.clicked.connect(self.close_notice)
        self.close_button = close

    def add_button(self, text: str, name: str, url: QUrl) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: open_url(url))
        self.row.addWidget(button)
        return button

    def close_notice(self) -> None:
        self.hide()
        self.setParent(None)  # gone from the status bar at once, deleted later
        self.deleteLater()


def _show(window: QMainWindow, notice: Notice) -> Notice:
    old = window.statusBar().findChild(Notice, NOTICE)
    if old is not None:
        window.statusBar().removeWidget(old)
        old.close_notice()
    notice.row.addWidget(notice.close_button)
    window.statusBar().clearMessage()
    window.statusBar().addWidget(notice, 1)
    notice.show()
    return notice


def show_exported(window: QMainWindow, path: Path) -> Notice:
    """ "Đã xuất <name>" with Mở tệp and Mở thư mục."""
    notice = Notice(
        _("Exported {name} to {folder}").format(name=path.name, folder=path.parent), window
    )
    notice.setToolTip(str(path))
    notice.add_button(_("Open file"), "notice.open_file", QUrl.fromLocalFile(str(path)))
    notice.add_button(_("Open folder"), "notice.open_folder", QUrl.fromLocalFile(str(path.parent)))
    return _show(window, notice)


def show_printed(window: QMainWindow, pages: int, printer: str) -> Notice:
    """What was sent to which printer."""
    text = (
        _("Sent {pages} page(s) to the printer {printer}.").format(pages=pages, printer=printer)
        if printer
        else _("Sent {pages} page(s) to the printer.").format(pages=pages)
    )
    return _show(window, Notice(text, window))
