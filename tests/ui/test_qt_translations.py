"""Qt's own dialogs and buttons speak the interface's language: the Vietnamese catalog of
Qt's texts is complete and compiled from its source, and the file dialog, the print
dialog, message boxes and context menus read in Vietnamese, or in English after the
switch."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from drafter.i18n import set_language
from drafter.ui import qt_translations
from drafter.ui.main_window import MainWindow

CATALOG = qt_translations.catalog_path("vi")
SOURCE = CATALOG.with_suffix(".po")


def _lrelease() -> str:
    """Qt's catalog compiler as PySide6 installs it (the venv's wrapper, or its binary)."""
    import PySide6

    for candidate in (
        Path(sys.executable).parent / "pyside6-lrelease",
        Path(PySide6.__file__).parent / "lrelease",
    ):
        found = shutil.which(str(candidate))
        if found:
            return found
    raise AssertionError("lrelease, which comes with PySide6, is missing")


def _messages() -> list[tuple[str, str, str]]:
    """(Qt class, source, translation) of every message of the Vietnamese Qt catalog; in Qt's
    .po dialect the message context is "class|disambiguating comment"."""
    with SOURCE.open("rb") as source:
        catalog = read_po(source)
    return [
        ((message.context or "").split("|")[0], str(message.id), str(message.string))
        for message in catalog
        if message.id and not message.fuzzy
    ]


def test_compiled_catalog_is_built_from_its_source(tmp_path: Path) -> None:
    built = tmp_path / "qtbase_vi.qm"
    subprocess.run([_lrelease(), "-silent", str(SOURCE), "-qm", str(built)], check=True)
    assert CATALOG.read_bytes() == built.read_bytes(), (
        f"{CATALOG} is out of date: run pyside6-lrelease {SOURCE} -qm {CATALOG}"
    )


def _accelerators(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_every_qt_message_has_a_vietnamese_translation() -> None:
    messages = _messages()
    contexts = {context for context, _source, _translation in messages}
    assert {
        "QFileDialog",
        "QFileSystemModel",
        "QPlatformTheme",
        "QMessageBox",
        "QPrintDialog",
        "QPageSetupWidget",
        "QPrintSettingsOutput",
        "QPrintWidget",
        "QLineEdit",
        "QWidgetTextControl",
        "QWizard",
    } <= contexts
    for context, source, translation in messages:
        where = f"{context}: {source!r}"
        assert translation.strip(), f"untranslated: {where}"
        assert translation == unicodedata.normalize("NFC", translation), f"not NFC: {where}"
        assert sorted(re.findall(r"%\d", translation)) == sorted(re.findall(r"%\d", source)), (
            f"placeholders differ: {where}"
        )
        assert _accelerators(translation) == _accelerators(source), (
            f"keyboard accelerator lost or added: {where} -> {translation!r}"
        )
        if _accelerators(translation):
            letter = translation[translation.index("&") + 1]
            assert letter.isascii(), f"accelerator on a letter a keyboard lacks: {where}"


# --- the dialogs as a person sees them ------------------------------------------------------


@pytest.fixture
def qt_language() -> Iterator[None]:
    """The catalog of the interface's language installed, as the application does at start;
    afterwards Qt is left as other tests find it: in English, with no catalog."""
    qt_translations.follow_language()
    yield
    set_language("en")
    qt_translations.follow_language()


def _texts(widget: QWidget) -> set[str]:
    """The words of *widget*'s labels, buttons and group titles, accelerators removed."""
    found: set[str] = set()
    for label in widget.findChildren(QLabel):
        found.add(label.text())
    for button in widget.findChildren(QAbstractButton):
        found.add(button.text())
    for group in widget.findChildren(QGroupBox):
        found.add(group.title())
    return {text.replace("&", "").strip() for text in found if text}


def _while_modal(action: Callable[[], object]) -> tuple[QWidget, set[str]]:
    """Run *action*, which opens a modal dialog; read the dialog's texts and close it."""
    seen: list[tuple[QWidget, set[str]]] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append((dialog, _texts(dialog)))
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    action()
    assert seen, "no dialog opened"
    return seen[0]


def test_open_dialog_is_qt_s_own_and_vietnamese(window: MainWindow, qt_language: None) -> None:
    assert qt_translations.file_dialog_options() & QFileDialog.Option.DontUseNativeDialog
    dialog, texts = _while_modal(window.open_dialog)
    assert isinstance(dialog, QFileDialog)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Mở", "Hủy"} <= texts
    assert not texts & {"Look in:", "File name:", "Files of type:", "Open", "Cancel"}


def test_save_dialog_is_vietnamese(window: MainWindow, qt_language: None) -> None:
    dialog, texts = _while_modal(
        lambda: window.choose_save_path("Xuất", Path.home() / "thu.docx", "Word (*.docx)")
    )
    assert isinstance(dialog, QFileDialog)
    assert {"Tên tệp:", "Lưu", "Hủy"} <= texts


def test_message_boxes_answer_in_vietnamese(window: MainWindow, qt_language: None) -> None:
    # The real questions, not the test doubles the window fixture puts in their place.
    _dialog, yes_no = _while_modal(lambda: MainWindow.confirm_overwrite(window, Path("thu.docx")))
    assert {"Có", "Không"} <= yes_no
    _dialog, unsaved = _while_modal(lambda: MainWindow.ask_unsaved(window, "thu.letter"))
    assert {"Lưu", "Không lưu", "Hủy"} <= unsaved
    assert not (yes_no | unsaved) & {"Yes", "No", "Save", "Discard", "Cancel"}


def test_print_dialog_is_vietnamese(window: MainWindow, qt_language: None) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # outlives the dialog, as Qt needs
    dialog = QPrintDialog(printer, window)
    dialog.show()
    texts = _texts(dialog)
    dialog.reject()
    assert {"Máy in", "Tên:", "In", "Hủy", "Phạm vi in", "Số bản:", "Tùy chọn >>"} <= texts
    assert not texts & {"Printer", "Print", "Cancel", "Print range", "Copies:"}


def test_text_fields_context_menus_are_vietnamese(qtbot, qt_language: None) -> None:  # type: ignore[no-untyped-def]
    for field in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        # "&Undo\tCtrl+Z": the words, without the accelerator and the shortcut
        actions = {action.text().split("\t")[0].replace("&", "") for action in menu.actions()}
        assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Chọn tất cả"} <= actions


def test_switching_to_english_gives_qt_s_english_back(
    window: MainWindow, qt_language: None
) -> None:
    window.switch_language("en")
    assert not qt_translations.file_dialog_options() & QFileDialog.Option.DontUseNativeDialog
    # Offscreen there is no platform dialog, so Qt's own one shows, now in English.
    _dialog, texts = _while_modal(window.open_dialog)
    assert {"File name:", "Open", "Cancel"} <= texts
    _dialog, yes_no = _while_modal(lambda: MainWindow.confirm_overwrite(window, Path("thu.docx")))
    assert {"Yes", "No"} <= yes_no
    window.switch_language("vi")
    _dialog, yes_no = _while_modal(lambda: MainWindow.confirm_overwrite(window, Path("thu.docx")))
    assert {"Có", "Không"} <= yes_no


def test_start_installs_the_catalog_of_the_saved_language(qtbot, qt_language: None) -> None:  # type: ignore[no-untyped-def]
    from drafter.ui import app

    set_language("en")
    qt_translations.follow_language()
    _app, started = app.start([])  # no preferences saved: the default, Vietnamese
    qtbot.addWidget(started)
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "?",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    assert {"Có", "Không"} <= _texts(box)
