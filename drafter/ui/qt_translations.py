"""Qt's own texts in the interface's language: file and print dialogs, standard buttons
(Yes/No, Save/Discard/Cancel, OK, Close…), the wizard's buttons and the context menus of
text fields.

Qt ships no Vietnamese catalog, so Drafter carries its own: ``resources/locale/vi/qt/
qtbase_vi.ts``, compiled to ``qtbase_vi.qm`` with ``pyside6-lrelease`` (a test checks the
two agree). While a catalog is installed, Qt's widget-based dialogs stand in for the
platform's: a GTK or portal file dialog speaks the desktop's language, which Drafter
cannot translate.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from drafter.i18n import current_language
from drafter.paths import resources_dir

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
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs,
                                  _installed is not None)
    return _installed is not None
