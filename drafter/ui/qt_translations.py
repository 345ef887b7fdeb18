"""Qt's own texts in the interface's language: file and print dialogs, standard buttons
(Yes/No, Save/Discard/Cancel, OK, Close…), the wizard's buttons and the context menus of
text fields.

Qt ships no Vietnamese catalog, so Drafter carries its own: ``resources/locale/vi/qt/
qtbase_vi.po``, compiled to ``qtbase_vi.qm`` with ``pyside6-lrelease`` (a test checks the
two agree). While a catalog is installed, Qt's widget-based file dialogs stand in for the
platform's (see :func:`file_dialog_options`): a GTK or portal file dialog speaks the
desktop's language, which Drafter cannot translate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.i18n import current_language
from drafter.paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QFileDialog

# The translator installed in the application, kept here so Python does not free it
# while Qt still uses it, and so switching language can remove it.
_installed: QTranslator | None = None


def catalog_path(language: str) -> Path:
    """Where the compiled catalog of Qt's texts for *language* is (it may not exist)."""
    return resources_dir() / "locale" / language / "qt" / f"qtbase_{language}.qm"


def follow_language() -> bool:
    """Give the application the Qt catalog of the interface's language, or none (English).

    Returns whether a catalog is installed. Qt sends every widget a LanguageChange
    event on install and removal, and its own dialogs retranslate themselves on it.
    """
    # Qt is imported here, not with the module: the window's start-up imports this module
    # among Drafter's own, before PySide6 (see drafter.ui.app).
    from PySide6.QtCore import QCoreApplication, QTranslator

    global _installed
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    path = catalog_path(current_language())
    if path.is_file():
        translator = QTranslator(QCoreApplication.instance())
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed = translator
    return _installed is not None


def file_dialog_options(extra: QFileDialog.Option | None = None) -> QFileDialog.Option:
    """The options of a file dialog Drafter opens: Qt's own, translated dialog while a
    catalog is installed, instead of the platform's (a GTK or portal dialog speaks the
    desktop's language).  Asked per dialog rather than set on the application, whose
    attribute would cost every start the building of Qt's whole ``Qt`` namespace."""
    from PySide6.QtWidgets import QFileDialog

    options = extra if extra is not None else QFileDialog.Option(0)
    if _installed is not None:
        options |= QFileDialog.Option.DontUseNativeDialog
    return options
