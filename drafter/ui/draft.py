"""One open draft: its form, its live preview, its file and its autosave entry."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from drafter.app.advice import advise
from drafter.app.check import check
from drafter.app.compose import compose
from drafter.core import letterfile
from drafter.core.atomic import WriteError
from drafter.core.doctypes import DocType, Registry
from drafter.core.letter import Letter
from drafter.core.problems import InvalidInput, Problem
from drafter.i18n import _
from drafter.layout.model import Document
from drafter.layout.settings import LayoutSettings
from drafter.ui import autosave
from drafter.ui.form import LetterForm
from drafter.ui.form_warnings import show_warnings
from drafter.ui.preview import Preview

REFRESH_DELAY_MS = 100  # the preview follows typing (≤ 150 ms after the last key, see
#                         benchmarks/preview_bench.py) without redrawing on every key
AUTOSAVE_DELAY_MS = 800  # "a moment after the user stops typing"
AUTOSAVE_LATEST_S = 1.5  # while typing without pause, still save this often


class DraftEditor(QWidget):
    """Form on the left, preview on the right; knows whether it has unsaved changes."""

    state_changed = Signal()  # title, dirty flag, problems or warnings changed

    def __init__(
        self,
        doctype: DocType,
        registry: Registry,
        settings: LayoutSettings,
        office_hook: Callable[[str, LetterForm], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doctype = doctype
        self.registry = registry
        self.settings = settings
        self.path: Path | None = None
        # the path of an export that failed, offered again on the next try
        self.failed_export: Path | None = None
        self.dirty = False
        self.autosave_id = autosave.new_id()
        self.problems: list[Problem] = []  # they block export
        self.warnings: list[Problem] = []  # they do not
        # The preview's page model, with a grey placeholder for each empty part; the one
        # to export is composed without them when asked for (:attr:`document`).
        self.preview_document: Document | None = None
        self._shown_letter: Letter | None = None
        self._export_document: Document | None = None
        self._first_unsaved = 0.0
        self.office_hook = office_hook
        form_scroll = QScrollArea(self)
        form_scroll.setWidgetResizable(True)
        form_scroll.setObjectName("form_scroll")
        self.form_scroll = form_scroll
        self._build_form(0)
        self.preview = Preview(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(form_scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)

    def _build_form(self, appendix_count: int) -> None:
        """(Re)build the form; the number of appendix blocks is part of its shape."""
        self.form = LetterForm(
            self.doctype,
            office_hook=self.office_hook,
            appendix_count=appendix_count,
        )
        self.form.changed.connect(self._edited)
        self.form.appendices_requested.connect(self.set_appendix_count)
        old = self.form_scroll.takeWidget()
        self.form_scroll.setWidget(self.form)
        if old is not None:
            old.deleteLater()

    def set_appendix_count(self, count: int) -> None:
        """Add or remove appendix blocks, keeping everything typed so far."""
        from drafter.core.letter import Appendix

        letter = self.letter()
        letter.appendices = (letter.appendices + [Appendix() for _ in range(count)])[:count]
        position = self.form_scroll.verticalScrollBar().value()
        self._build_form(count)
        self.form.set_letter(letter)
        self.form_scroll.verticalScrollBar().setValue(position)
        self._edited()
        self.refresh()

    # --- state ----------------------------------------------------------------------

    def title(self) -> str:
        name = self.path.name if self.path else _("New {type}").format(type=self.doctype.name)
        return ("● " if self.dirty else "") + name

    def letter(self) -> Letter:
        return self.form.letter()[0]

    def load_letter(self, letter: Letter, path: Path | None, *, dirty: bool = False) -> None:
        if len(letter.appendices) != self.form.appendix_count:
            self._build_form(len(letter.appendices))
        self.form.set_letter(letter)
        self.path = path
        self.dirty = dirty
        self.refresh()

    def _edited(self) -> None:
        if not self.dirty:
            self.dirty = True
            self.state_changed.emit()
        now = time.monotonic()
        if not self._first_unsaved:
            self._first_unsaved = now
        self.refresh_timer.start()
        if now - self._first_unsaved > AUTOSAVE_LATEST_S:
            self.autosave_now()
        else:
            self.autosave_timer.start()

    # --- preview and problems ----------------------------------------------------------

    def refresh(self) -> None:
        """Check the letter, show its problems and warnings beside their fields, redraw
        the preview."""
        self.refresh_timer.stop()
        letter, problems = self.form.letter()
        found = check(letter, self.registry, problems)
        self.problems = [p for p in found if not p.is_warning]
        self.warnings = list(
            dict.fromkeys([p for p in found if p.is_warning] + advise(letter, self.registry))
        )
        self.form.show_problems(self.problems)
        show_warnings(self.form, self.warnings)
        self.preview_document = self._export_document = self._shown_letter = None
        try:
            self.preview_document = compose(
                letter, self.registry, self.settings, check=False, placeholders=True
            )
            self._shown_letter = letter
        except InvalidInput as error:
            self.preview.show_message(
                _("The preview cannot be drawn: {reason}").format(
                    reason="; ".join(p.message for p in error.problems)
                )
            )
        except Exception as error:
            self.preview.show_message(
                _("The preview cannot be drawn: {reason}").format(reason=error)
            )
        else:
            self.preview.show_message("")
            self.preview.show_document(self.preview_document)
        self.state_changed.emit()

    @property
    def document(self) -> Document | None:
        """The page model to export or print: the letter the preview shows, composed
        without the preview's placeholders (None when it cannot be drawn)."""
        if self._export_document is None and self._shown_letter is not None:
            self._export_document = compose(
                self._shown_letter, self.registry, self.settings, check=False
            )
        return self._export_document

    def export_blockers(self) -> list[Problem]:
        """What stops export (problems); warnings never do."""
        if self.refresh_timer.isActive():
            self.refresh()
        return self.problems

    # --- files --------------------------------------------------------------------------

    def save_to(self, path: Path) -> None:
        """Save the letter file; raise :class:`~drafter.core.atomic.WriteError`."""
        letterfile.save(self.letter(), path)
        self.path = path
        self.dirty = False
        self._first_unsaved = 0.0
        self.autosave_timer.stop()
        autosave.remove(self.autosave_id)
        self.state_changed.emit()

    def autosave_now(self) -> None:
        self.autosave_timer.stop()
        self._first_unsaved = 0.0
        if not self.dirty:
            return
        # A failed autosave must not interrupt typing; the next edit retries.
        with contextlib.suppress(OSError, WriteError, ValueError):
            autosave.write(
                self.autosave_id,
                letterfile.dumps(self.letter()),
                str(self.path or ""),
                self.title().lstrip("● "),
            )

    def discard_autosave(self) -> None:
        self.autosave_timer.stop()
        autosave.remove(self.autosave_id)
