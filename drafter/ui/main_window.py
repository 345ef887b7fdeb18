"""The main window: open drafts in tabs, menus, export, drafts and recovery.

File and message dialogs go through small methods (``ask_*``, ``choose_*``) so that
tests can answer them; everything else is what a person clicks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from drafter import settings as preferences_store
from drafter.core.atomic import WriteError
from drafter.i18n import _, set_language
from drafter.render import formats
from drafter.settings import Preferences
from drafter.ui import (
    autosave,
    export,
    folders,
    font_notice,
    notices,
    office_bridge,
    qt_translations,
)

if TYPE_CHECKING:  # the editor stack (templates, layout, painter) loads with the first draft
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

    from drafter.core.doctypes import Registry
    from drafter.core.letter import Letter
    from drafter.core.problems import Problem
    from drafter.ui.draft import DraftEditor
    from drafter.ui.form import LetterForm

LETTER_FILTER = "Drafter (*.letter)"
# The menu entries and shortcuts of the first formats; any other registered format gets
# an entry named from its label.
_EXPORT_TEXTS = {"docx": _("Export to &Word (.docx)…"), "pdf": _("Export to P&DF…")}
_EXPORT_SHORTCUTS = {"docx": "Ctrl+E", "pdf": "Ctrl+Shift+E"}


class MainWindow(QMainWindow):
    def __init__(
        self, preferences: Preferences | None = None, registry: Registry | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.preferences = preferences or preferences_store.load()
        self._registry = registry
        self.last_export: Path | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("drafts")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(lambda index: self.close_draft(self.editor_at(index)))
        self.tabs.currentChanged.connect(lambda _index: self._update_state())
        self.stack = QStackedWidget(self)
        self.welcome = QWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(font_notice.with_banner(self.stack))  # says if fonts are missing
        self.resize(1400, 900)
        self.build_chrome()

    @property
    def registry(self) -> Registry:
        """The document types, read when first needed rather than before the window shows."""
        if self._registry is None:
            from drafter.core.doctypes import default_registry

            self._registry = default_registry()
        return self._registry

    # --- menus, toolbar, texts -----------------------------------------------------------

    def build_chrome(self) -> None:
        """Menus, toolbar and welcome page in the current language (rebuilt on switch)."""
        self.menuBar().clear()
        for toolbar in self.findChildren(QToolBar, "main_toolbar"):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        self.setWindowTitle("Drafter")
        self.actions_by_name: dict[str, QAction] = {}

        def action(
            name: str,
            text: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(f"action.{name}")
            if shortcut is not None:
                # Not setShortcut: its overloads make PySide6 build its whole Qt namespace
                # of enums, some 12 ms of every start (as would any Qt.* here).
                if isinstance(shortcut, QKeySequence.StandardKey):
                    shortcut = QKeySequence(shortcut)  # its first binding, as setShortcut
                if not shortcut.isEmpty():
                    act.setShortcuts([shortcut])
            act.triggered.connect(lambda _checked=False: slot())
            self.actions_by_name[name] = act
            return act

        file_menu = self.menuBar().addMenu(_("&File"))
        file_menu.addAction(action("new", _("&New…"), self.new_draft, QKeySequence.StandardKey.New))
        file_menu.addAction(
            action("open", _("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        )
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addAction(action("save", _("&Save"), self.save, QKeySequence.StandardKey.Save))
        file_menu.addAction(
            action("save_as", _("Save &as…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        )
        file_menu.addSeparator()
        for fmt in formats.FORMATS:  # one entry per registered format
            text = _EXPORT_TEXTS.get(fmt.name) or _("Export to {label} ({suffix})…").format(
                label=fmt.label, suffix=fmt.suffix
            )
            shortcut = _EXPORT_SHORTCUTS.get(fmt.name)
            file_menu.addAction(
                action(
                    f"export_{fmt.name}",
                    text,
                    partial(self.export, fmt),
                    QKeySequence(shortcut) if shortcut else None,
                )
            )
        file_menu.addAction(
            action("print", _("&Print…"), self.print_draft, QKeySequence.StandardKey.Print)
        )
        file_menu.addAction(action("open_export", _("Open the e&xported file"), self.open_exported))
        file_menu.addSeparator()
        file_menu.addAction(
            action(
                "close",
                _("&Close"),
                lambda: self.close_draft(self.current_editor()),
                QKeySequence.StandardKey.Close,
            )
        )
        file_menu.addAction(action("quit", _("&Quit"), self.close, QKeySequence.StandardKey.Quit))
        # Between open drafts, as in browsers and editors.
        self.addAction(
            action("next_draft", _("Next draft"), lambda: self._cycle(1), QKeySequence("Ctrl+Tab"))
        )
        self.addAction(
            action(
                "previous_draft",
                _("Previous draft"),
                lambda: self._cycle(-1),
                QKeySequence("Ctrl+Shift+Tab"),
            )
        )

        self.data_menu = self.menuBar().addMenu(_("&Data"))
        self.data_menu.setObjectName("menu.data")
        # Filled when first opened: the office package loads the database layer.
        self.data_menu.aboutToShow.connect(self.fill_data_menu)
        self._data_menu_filled = False

        tools = self.menuBar().addMenu(_("&Tools"))
        tools.addAction(action("sign", _("&Digital signature (Ký số)…"), self.sign_pdf))
        tools.addAction(
            action("incoming", _("&Incoming letters (Văn bản đến)…"), self.open_incoming)
        )
        tools.addAction(
            action(
                "preferences",
                _("&Preferences…"),
                self.edit_preferences,
                QKeySequence.StandardKey.Preferences,
            )
        )
        language = tools.addMenu(_("&Language"))
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            act = action(f"language.{code}", name, partial(self.switch_language, code))
            act.setCheckable(True)
            act.setChecked(self.preferences.language == code)
            language.addAction(act)
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(
            action(
                "user_guide",
                _("&User guide"),
                self.show_user_guide,
                QKeySequence.StandardKey.HelpContents,
            )
        )
        help_menu.addAction(action("about", _("&About Drafter"), self.about))

        toolbar = self.addToolBar(_("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # idem
        icons = {
            "new": QStyle.StandardPixmap.SP_FileIcon,
            "open": QStyle.StandardPixmap.SP_DialogOpenButton,
            "save": QStyle.StandardPixmap.SP_DialogSaveButton,
            "export_docx": QStyle.StandardPixmap.SP_ArrowRight,
            "export_pdf": QStyle.StandardPixmap.SP_ArrowRight,
            "print": QStyle.StandardPixmap.SP_FileDialogDetailedView,
            "incoming": QStyle.StandardPixmap.SP_FileDialogContentsView,
        }
        for name, icon in icons.items():
            self.actions_by_name[name].setIcon(self.style().standardIcon(icon))
            toolbar.addAction(self.actions_by_name[name])
        self._build_welcome()
        self._update_state()

    def _build_welcome(self) -> None:
        layout = self.welcome.layout()
        if not isinstance(layout, QVBoxLayout):  # the first time: no layout yet
            layout = QVBoxLayout(self.welcome)
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        title = QLabel(
            _(
                "<h2>Draft an administrative document</h2>"
                "<p>Choose a document type, fill in its form and see the page as "
                "it will print. The Word file follows Nghị định 30/2020/NĐ-CP.</p>"
            ),
            self.welcome,
        )
        title.setWordWrap(True)
        button = QPushButton(_("New document…"), self.welcome)
        button.setObjectName("welcome.new")
        button.clicked.connect(self.new_draft)
        open_button = QPushButton(_("Open a draft…"), self.welcome)
        open_button.clicked.connect(self.open_dialog)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(button)
        layout.addWidget(open_button)
        recent = [Path(p) for p in self.preferences.recent_files[:5] if Path(p).is_file()]
        if recent:
            layout.addWidget(QLabel(_("Recent drafts:"), self.welcome))
        for path in recent:
            link = QPushButton(path.name, self.welcome)
            link.setToolTip(str(path))
            link.setFlat(True)
            link.setStyleSheet("text-align: left;")
            link.clicked.connect(lambda _checked=False, p=path: self.open_file(p))
            layout.addWidget(link)
        layout.addStretch(2)
        layout.setContentsMargins(200, 40, 200, 40)

    def _cycle(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def fill_data_menu(self) -> None:
        if self._data_menu_filled:
            return
        self._data_menu_filled = True
        office = office_bridge.office_module()
        office_actions = getattr(office, "menu_actions", None) if office else None
        if callable(office_actions):
            for act in office_actions(self):
                self.data_menu.addAction(act)
        else:
            placeholder = self.data_menu.addAction(
                _("Organisation, signers and recipients (not installed)")
            )
            placeholder.setEnabled(False)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for name in self.preferences.recent_files:
            act = self.recent_menu.addAction(name)
            act.triggered.connect(lambda _checked=False, p=name: self.open_file(Path(p)))
        if not self.preferences.recent_files:
            self.recent_menu.addAction(_("(none)")).setEnabled(False)

    # --- the drafts -----------------------------------------------------------------------

    def editors(self) -> list[DraftEditor]:
        return [self.editor_at(i) for i in range(self.tabs.count())]

    def editor_at(self, index: int) -> DraftEditor:
        return _as_editor(self.tabs.widget(index))

    def current_editor(self) -> DraftEditor | None:
        widget = self.tabs.currentWidget()
        return _as_editor(widget) if widget is not None else None

    def _office_hook(self, kind: str, form: LetterForm) -> None:
        module = office_bridge.office_module()
        pick = getattr(module, "pick", None) if module else None
        if callable(pick):
            pick(kind, form, self)

    def add_editor(
        self, doctype_id: str, letter: Letter, path: Path | None = None, *, dirty: bool = False
    ) -> DraftEditor:
        from drafter.ui.draft import DraftEditor

        doctype = self.registry.get(doctype_id)
        hook = self._office_hook if office_bridge.has_picker() else None
        editor = DraftEditor(doctype, self.registry, self.preferences.layout, hook)
        editor.load_letter(letter, path, dirty=dirty)
        editor.state_changed.connect(self._update_state)
        index = self.tabs.addTab(editor, editor.title())
        self.tabs.setCurrentIndex(index)
        self.stack.setCurrentWidget(self.tabs)
        self._update_state()
        return editor

    def new_letter(self, type_id: str) -> Letter:
        """A new letter of *type_id*, started from the office's data when it is there
        (drafter.app.new_letter, as ``drafter new --office``)."""
        from drafter.app.new_letter import blank, new_letter

        letter = blank(type_id, self.registry, place=self.preferences.default_place)
        store = office_bridge.store_or_none() if office_bridge.has_picker() else None
        if store is None:
            return letter
        try:
            return new_letter(
                type_id,
                store=store,
                base=letter,
                remembered=self.preferences.last_by_type.get(type_id),
            )
        except Exception as error:
            self.statusBar().showMessage(
                _("The office data could not be read: {reason}").format(reason=error), 8000
            )
            return blank(type_id, self.registry, place=self.preferences.default_place)

    def new_draft(self, type_id: str | None = None) -> DraftEditor | None:
        if type_id is None:
            from drafter.ui.type_picker import TypePicker

            picker = TypePicker(self.registry.all(), self.preferences.recent_types, self)
            if not picker.exec():
                return None
            doctype = picker.chosen_type()
            if doctype is None:
                return None
            type_id = doctype.id
        self.preferences.remember_type(type_id)
        self._save_preferences()
        editor = self.add_editor(type_id, self.new_letter(type_id))
        first = editor.form.bindings.get("issuer.parent")
        if first is not None:
            first.widget.setFocus()
        return editor

    def open_dialog(self) -> None:
        last = folders.last_folder(self.preferences, folders.LETTERS)
        start = (
            str(last)
            if last
            else str(Path(self.preferences.recent_files[0]).parent)
            if self.preferences.recent_files
            else str(Path.home())
        )
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open a draft"),
            start,
            LETTER_FILTER,
            options=qt_translations.file_dialog_options(),
        )
        if name:
            folders.remember(self.preferences, folders.LETTERS, Path(name))
            self.open_file(Path(name))

    def open_file(self, path: Path) -> DraftEditor | None:
        path = Path(path).resolve()
        for editor in self.editors():
            if editor.path == path:
                self.tabs.setCurrentWidget(editor)
                return editor
        from drafter.core import letterfile
        from drafter.core.problems import InvalidInput

        try:
            letter, problems = letterfile.load(path, self.registry)
        except InvalidInput as error:
            self.show_error(_("This file cannot be opened"), _problem_lines(error.problems))
            return None
        if letter.type_id not in self.registry:
            self.show_error(_("This file cannot be opened"), _problem_lines(problems))
            return None
        editor = self.add_editor(letter.type_id, letter, path)
        if problems:
            self.show_warning(
                _("Some values of this file were not understood and were left out"),
                _problem_lines(problems),
            )
        self.preferences.remember_file(path)
        self._save_preferences()
        return editor

    def save(self) -> bool:
        editor = self.current_editor()
        if editor is None:
            return False
        if editor.path is None:
            return self.save_as()
        return self._save_to(editor, editor.path)

    def save_editor(self, editor: DraftEditor) -> bool:
        """Save *editor*'s draft (asking where when it has no file yet)."""
        self.tabs.setCurrentWidget(editor)
        return self.save()

    def save_as(self, path: Path | None = None) -> bool:
        from drafter.core import letterfile

        editor = self.current_editor()
        if editor is None:
            return False
        if path is None:
            folder = (
                editor.path.parent
                if editor.path
                else (
                    folders.last_folder(self.preferences, folders.LETTERS)
                    or Path(self.preferences.export_folder or Path.home())
                )
            )
            suggested = folder / (
                export.default_stem(editor.letter(), editor.doctype) + letterfile.SUFFIX
            )
            path = self.choose_save_path(_("Save the draft"), suggested, LETTER_FILTER)
            if path is None:
                return False
            if path.suffix != letterfile.SUFFIX:
                path = path.with_name(path.name + letterfile.SUFFIX)
        if path.exists() and path != editor.path and not self.confirm_overwrite(path):
            return False
        return self._save_to(editor, path)

    def _save_to(self, editor: DraftEditor, path: Path) -> bool:
        saved = Path(path).resolve()
        try:
            editor.save_to(saved)
        except WriteError as error:
            self.show_error(
                _("The draft was not saved"),
                f"{error.path}\n{error.reason}\n\n"
                + _("Your text is still here; choose another folder or name."),
            )
            return False
        self.preferences.remember_file(saved)
        folders.remember(self.preferences, folders.LETTERS, Path(path))
        from drafter.app.new_letter import remembered_of

        used = remembered_of(editor.letter())
        if used:  # the next letter of this type starts with this unit and signer
            self.preferences.last_by_type[editor.doctype.id] = used
        self._save_preferences()
        self.statusBar().showMessage(_("Saved {path}").format(path=editor.path), 5000)
        return True

    def close_draft(self, editor: DraftEditor | None) -> bool:
        """Close one draft, asking first when it has unsaved changes."""
        if editor is None:
            return True
        if editor.dirty:
            from PySide6.QtWidgets import QMessageBox

            self.tabs.setCurrentWidget(editor)
            answer = self.ask_unsaved(editor.title().lstrip("● "))
            if answer == QMessageBox.StandardButton.Cancel:
                return False
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return False
        editor.discard_autosave()
        self.tabs.removeTab(self.tabs.indexOf(editor))
        editor.deleteLater()
        if not self.tabs.count():
            self._build_welcome()
            self.stack.setCurrentWidget(self.welcome)
        self._update_state()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self.editors()):
            if not self.close_draft(editor):
                event.ignore()
                return
        event.accept()

    # --- export ---------------------------------------------------------------------------

    def _export_ready(self, editor: DraftEditor) -> bool:
        blockers = editor.export_blockers()
        if blockers or editor.document is None:
            lines = (
                "\n".join(f"• {editor.form.describe(p)}" for p in blockers)
                or editor.preview.message.text()
            )
            self.show_error(
                _("The document cannot be exported yet"),
                _("Fix these first (they are marked beside their fields):") + "\n\n" + lines,
            )
            if blockers:
                editor.form.focus_problem(blockers[0])
            return False
        font_problem = font_notice.font_problem()
        if font_problem:  # export anyway, but not without saying it will not look right
            self.show_warning(font_notice.title(), font_problem)
        return True

    def export_path(self, editor: DraftEditor, suffix: str) -> Path:
        failed = editor.failed_export
        if failed is not None:  # the name the user chose is kept after a failure
            return failed.with_suffix(suffix)
        folder = (
            Path(self.preferences.export_folder)
            if self.preferences.export_folder
            else (
                folders.last_folder(self.preferences, folders.EXPORTS)
                or (editor.path.parent if editor.path else Path.home())
            )
        )
        return folder / (export.default_stem(editor.letter(), editor.doctype) + suffix)

    def export_docx(self, path: Path | None = None) -> Path | None:
        return self.export(formats.by_name("docx"), path)

    def export_pdf(self, path: Path | None = None) -> Path | None:
        return self.export(formats.by_name("pdf"), path)

    def export(self, fmt: formats.Format, path: Path | None = None) -> Path | None:
        """Write the current draft in *fmt*, to *path* or where the user chooses."""
        suffix, file_filter = fmt.suffix, f"{fmt.label} (*{fmt.suffix})"
        editor = self.current_editor()
        if editor is None or not self._export_ready(editor):
            return None
        if path is None:
            path = self.choose_save_path(_("Export"), self.export_path(editor, suffix), file_filter)
            if path is None:
                return None
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
        if path.exists() and not self.confirm_overwrite(path):
            return None
        assert editor.document is not None
        try:
            export.write(editor.document, editor.letter(), path, fmt)
        except WriteError as error:
            editor.failed_export = path
            self.show_error(
                _("The file was not written"),
                f"{error.path}\n{error.reason}\n\n"
                + _(
                    "Nothing was lost: your draft is unchanged, and any earlier "
                    "file of that name is intact."
                ),
            )
            return None
        self.last_export = path
        editor.failed_export = None
        folders.remember(self.preferences, folders.EXPORTS, path)
        self._save_preferences()
        self._update_state()
        notices.show_exported(self, path)
        return path

    def print_draft(self) -> None:
        editor = self.current_editor()
        if editor is None or not self._export_ready(editor):
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            assert editor.document is not None
            export.print_document(editor.document, printer)
            notices.show_printed(
                self, len(editor.preview.pages), printer.outputFileName() or printer.printerName()
            )

    def open_exported(self) -> None:
        if self.last_export is not None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export)))

    # --- recovery --------------------------------------------------------------------------

    def offer_recovery(self) -> int:
        """After a crash, offer to restore every draft that was not saved."""
        entries = autosave.orphans()
        if not entries:
            return 0
        names = "\n".join(f"• {e.title or _('untitled')}" for e in entries)
        if not self.ask_restore(len(entries), names):
            for entry in entries:
                autosave.remove(entry.id)
            return 0
        from drafter.core import letterfile
        from drafter.core.problems import InvalidInput

        restored = 0
        for entry in entries:
            try:
                letter, _problems = letterfile.loads(entry.letter_text, self.registry)
            except InvalidInput:
                continue
            if letter.type_id not in self.registry:
                continue
            source = Path(entry.source) if entry.source else None
            editor = self.add_editor(letter.type_id, letter, source, dirty=True)
            editor.autosave_now()  # under this process's own entry, before the old goes
            autosave.remove(entry.id)
            restored += 1
        return restored

    # --- language and preferences -----------------------------------------------------------

    def switch_language(self, language: str) -> None:
        set_language(language)
        qt_translations.follow_language()
        self.preferences.language = language
        self._save_preferences()
        self.retranslate()

    def retranslate(self) -> None:
        """Rebuild the window's texts; each draft's form is rebuilt with its values."""
        from drafter.ui.draft import DraftEditor

        current = self.tabs.currentIndex()
        for index in range(self.tabs.count()):
            old = self.editor_at(index)
            letter, path, dirty = old.letter(), old.path, old.dirty
            hook = self._office_hook if office_bridge.has_picker() else None
            new = DraftEditor(old.doctype, self.registry, self.preferences.layout, hook)
            new.autosave_id = old.autosave_id
            new.load_letter(letter, path, dirty=dirty)
            new.state_changed.connect(self._update_state)
            old.autosave_timer.stop()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, new, new.title())
            old.deleteLater()
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        self.build_chrome()
        font_notice.retranslate(self)

    def open_incoming(self) -> None:
        from drafter.ui.incoming_dialog import IncomingDialog

        IncomingDialog(self).exec()

    def sign_pdf(self) -> None:
        from drafter.ui.sign_dialog import SignDialog

        SignDialog(self).exec()

    def edit_preferences(self) -> None:
        from drafter.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec():
            self.apply_preferences(dialog.result_preferences())

    def apply_preferences(self, preferences: Preferences) -> None:
        language_changed = preferences.language != self.preferences.language
        self.preferences = preferences
        self._save_preferences()
        for editor in self.editors():
            editor.settings = preferences.layout
            editor.refresh()
        if language_changed:
            self.switch_language(preferences.language)

    def _save_preferences(self) -> None:
        # Preferences are a convenience: never interrupt the work for them.
        with contextlib.suppress(WriteError, OSError):
            preferences_store.save(self.preferences)

    # --- state shown in the window ------------------------------------------------------

    def _update_state(self) -> None:
        editor = self.current_editor()
        has = editor is not None
        exports = tuple(f"export_{fmt.name}" for fmt in formats.FORMATS)
        for name in ("save", "save_as", *exports, "print", "close"):
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(has)
        if "open_export" in self.actions_by_name:
            self.actions_by_name["open_export"].setEnabled(self.last_export is not None)
        for index, other in enumerate(self.editors()):
            self.tabs.setTabText(index, other.title())
        if editor is None:
            self.setWindowTitle("Drafter")
            self.statusBar().clearMessage()
            return
        self.setWindowTitle(f"{editor.title()} — Drafter")
        from drafter.ui.form_warnings import status_text

        if editor.problems:
            self.status_label().setToolTip(_("Go to the first of them"))
        # "2 lỗi, 1 cảnh báo": what blocks export, and what only deserves a look
        self.status_label().setText(status_text(editor.problems, editor.warnings))

    def status_label(self) -> QPushButton:
        """The count of what blocks export; clicking it goes to the first such field."""
        label = self.findChild(QPushButton, "status.problems")
        if label is None:
            label = QPushButton(self)
            label.setObjectName("status.problems")
            label.setFlat(True)
            label.clicked.connect(self.go_to_first_problem)
            self.statusBar().addPermanentWidget(label)
        return label

    def go_to_first_problem(self) -> None:
        editor = self.current_editor()
        if editor is not None and editor.problems:
            editor.form.focus_problem(editor.problems[0])

    # --- dialogs (tests answer these) ---------------------------------------------------------

    def choose_save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getSaveFileName(
            self,
            title,
            str(suggested),
            file_filter,
            options=qt_translations.file_dialog_options(QFileDialog.Option.DontConfirmOverwrite),
        )
        return Path(name) if name else None

    def confirm_overwrite(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            _("Replace the file?"),
            _("{name} already exists. Replace it?").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_unsaved(self, name: str) -> QMessageBox.StandardButton:
        from PySide6.QtWidgets import QMessageBox

        return QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("{name} has changes that are not saved. Save them?").format(name=name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def ask_restore(self, count: int, names: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            _("Restore unsaved drafts?"),
            _("Drafter was closed without saving {count} draft(s):").format(count=count)
            + f"\n\n{names}\n\n"
            + _("Restore them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, text)

    def show_warning(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, title, text)

    def show_user_guide(self) -> None:
        from drafter.ui import user_guide

        user_guide.show(self)

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from drafter import __version__

        QMessageBox.about(
            self,
            _("About Drafter"),
            _(
                "Drafter {version}: administrative documents that follow Nghị định 30/2020/NĐ-CP."
            ).format(version=__version__),
        )


def _problem_lines(problems: list[Problem]) -> str:
    return "\n".join(f"• {p.field}: {p.message}" for p in problems)


def _as_editor(widget: QWidget | None) -> DraftEditor:
    """A tab's widget, which is always a draft editor (:meth:`MainWindow.add_editor`)."""
    # Imported here: the editor stack loads with the first draft, which made the tab.
    from drafter.ui.draft import DraftEditor

    assert isinstance(widget, DraftEditor)
    return widget
