"""Help > User guide: ``docs/user-guide.md`` shown in a window, with its screenshots.

The guide is Markdown, read by Qt's own Markdown support, so the same file reads well
in the repository, in the bundle and in the program.  Links to web pages open in the
browser; the window stays open beside the main window while the user follows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from drafter.i18n import _
from drafter.paths import resources_dir

GUIDE_NAME = "user-guide.md"


def guide_path() -> Path:
    """Beside ``resources/``: the repository's ``docs/`` or the bundle's copy."""
    return resources_dir().parent / "docs" / GUIDE_NAME


class UserGuide(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(_("Drafter user guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("user_guide.text")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(
                _("The user guide was not found at {path}.").format(path=path)
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 760)


def show(parent: QWidget | None = None) -> UserGuide:
    """Open the guide without blocking the main window; return the window."""
    guide = parent.findChild(UserGuide, "user_guide") if parent is not None else None
    if guide is None:
        guide = UserGuide(parent)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
