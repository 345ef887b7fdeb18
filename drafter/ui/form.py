"""The letter form: generated from the declared parts of a letter and of its type.

The standard parts (issuer, number, Kính gửi, signatures, Nơi nhận…) come from
:mod:`drafter.core.schema`, in its order and groups, each widget chosen by the part's
kind; a type's own fields come from its ``type.toml`` (:mod:`drafter.core.fields`).

Every input is a *binding*: a widget whose objectName is the field's dotted path
(``issuer.name``, ``signatures[1].name``, ``fields.thoi_gian``), the same path a
:class:`~drafter.core.problems.Problem` names, so each problem is shown beside the
widget that causes it.  The form only moves values between widgets and the
:class:`~drafter.core.letter.Letter`; it holds no layout rules.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafter.core import schema
from drafter.core.doctypes import DocType
from drafter.core.fields import FieldKind, FieldSpec
from drafter.core.letter import Letter
from drafter.core.problems import Problem
from drafter.core.vietnamese import clean_line, clean_text
from drafter.i18n import _, current_language
from drafter.ui.body_editor import BodyEditor

PROBLEM_STYLE = "color: #b00020;"


@dataclass
class Binding:
    path: str
    widget: QWidget
    get: Callable[[], object]
    set: Callable[[object], None]
    problem_label: QLabel
    label: str = ""  # as the user sees it, to name the field in messages


def _lines_of(editor: QPlainTextEdit) -> list[str]:
    # A ⏎ in a line is a break inside its item; the item's part decides if it stays.
    return [
        line
        for line in (clean_line(x, keep_breaks=True) for x in editor.toPlainText().split("\n"))
        if line
    ]


class LinesEdit(QPlainTextEdit):
    """One item per line (recipients, căn cứ, Nơi nhận); Tab moves on."""

    def __init__(self, rows: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(line * rows + 12)


class LetterForm(QWidget):
    """The form of one document type."""

    changed = Signal()
    appendices_requested = Signal(int)  # the number of appendices the user wants

    def __init__(
        self,
        doctype: DocType,
        parent: QWidget | None = None,
        office_hook: Callable[[str, LetterForm], None] | None = None,
        appendix_count: int = 0,
    ) -> None:
        super().__init__(parent)
        self.doctype = doctype
        self.appendix_count = appendix_count
        self.bindings: dict[str, Binding] = {}
        self.office_hook = office_hook
        self._unbound_label = QLabel(self)
        self._unbound_label.setWordWrap(True)
        self._unbound_label.setStyleSheet(PROBLEM_STYLE)
        self._unbound_label.setObjectName("problems.other")
        self._unbound_label.hide()
        self.signature_count = max(1, doctype.signatures)
        layout = QVBoxLayout(self)
        layout.addWidget(self._unbound_label)
        # The groups and their parts come from the one declaration of a letter's parts.
        for group in schema.FORM:
            if group.shown(doctype):
                layout.addWidget(self._group_box(group))
        layout.addStretch(1)

    # --- building blocks -------------------------------------------------------------

    def _row(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        widget: QWidget,
        get: Callable[[], object],
        set_: Callable[[object], None],
        help_text: str = "",
        picker: str = "",
    ) -> None:
        widget.setObjectName(path)
        accessible = label.rstrip(":")
        target = widget.editor if isinstance(widget, BodyEditor) else widget
        target.setAccessibleName(accessible)
        if help_text:
            target.setToolTip(help_text)
            target.setAccessibleDescription(help_text)
        problem = QLabel(self)
        problem.setObjectName(f"problem:{path}")
        problem.setStyleSheet(PROBLEM_STYLE)
        problem.setWordWrap(True)
        problem.hide()
        column = QWidget(self)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        buttons = self._row_buttons(path, picker)
        if buttons:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            for button in buttons:
                line.addWidget(button)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        box.addWidget(problem)
        label_widget = QLabel(label, self)
        label_widget.setBuddy(target)
        form.addRow(label_widget, column)
        self.bindings[path] = Binding(
            path, widget, get, set_, problem, self._context(path) + accessible.rstrip(" *")
        )
        self._connect(widget)

    def _row_buttons(self, path: str, picker: str) -> list[QPushButton]:
        """The buttons beside the field at *path*: Choose… for what the office data fills."""
        buttons = []
        if picker:
            button = QPushButton(_("Choose…"), self)
            button.setObjectName(f"pick:{picker}")
            button.setToolTip(_("Choose from the office data"))
            button.setEnabled(self.office_hook is not None)
            button.clicked.connect(lambda: self.office_hook and self.office_hook(picker, self))
            buttons.append(button)
            from drafter.ui.office.save_group import group_button

            group = group_button(self, picker)  # Lưu thành nhóm… beside Kính gửi, Nơi nhận
            if group is not None:
                buttons.append(group)
        return buttons

    def _connect(self, widget: QWidget) -> None:
        signal = None
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(widget, QSpinBox):
            signal = widget.valueChanged
        elif isinstance(widget, BodyEditor):
            signal = widget.changed
        if signal is not None:
            signal.connect(self.changed)

    def _text(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        help_text: str = "",
        placeholder: str = "",
        picker: str = "",
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        # A one-line editor shows a line break the user asked for as ⏎ (U+23CE).
        self._row(
            form,
            path,
            label,
            edit,
            lambda: clean_line(edit.text(), keep_breaks=True),
            lambda v: edit.setText(str(v or "").replace("\n", "\u23ce")),
            help_text,
            picker,
        )
        return edit

    def _lines(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        rows: int = 3,
        help_text: str = "",
        picker: str = "",
    ) -> LinesEdit:
        edit = LinesEdit(rows, self)
        self._row(
            form,
            path,
            label,
            edit,
            lambda: _lines_of(edit),
            lambda v: edit.setPlainText("\n".join(s.replace("\n", "\u23ce") for s in _strings(v))),
            help_text,
            picker,
        )
        return edit

    def _date(self, form: QFormLayout, path: str, label: str, help_text: str = "") -> None:
        edit = QLineEdit(self)
        edit.setPlaceholderText("dd/mm/yyyy")
        self._row(
            form,
            path,
            label,
            edit,
            lambda: edit.text().strip(),
            lambda v: edit.setText(
                v.strftime("%d/%m/%Y")
                if isinstance(v, dt.date)
                else str(v if v is not None else "")
            ),
            help_text,
        )

    def _markdown(
        self, form: QFormLayout, path: str, label: str, help_text: str = ""
    ) -> BodyEditor:
        editor = BodyEditor(self)
        if path == "body":
            self.body_editor = editor  # the letter's content takes the room left
        else:
            editor.editor.setMinimumHeight(100)
        self._row(
            form,
            path,
            label,
            editor,
            editor.markdown,
            lambda v: editor.set_markdown(str(v or "")),
            help_text,
        )
        return editor

    def _combo(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        choices: list[tuple[str, str]],
        help_text: str = "",
    ) -> QComboBox:
        combo = QComboBox(self)
        for value, text in choices:
            combo.addItem(text, value)

        def set_value(value: object) -> None:
            combo.setCurrentIndex(max(combo.findData(value or ""), 0))

        self._row(form, path, label, combo, combo.currentData, set_value, help_text)
        return combo

    def _spin(
        self,
        form: QFormLayout,
        path: str,
        label: str,
        bounds: tuple[int, int],
        blank: str,
        help_text: str = "",
    ) -> QSpinBox:
        """A whole number in *bounds*; the value below them stands for none (*blank*)."""
        spin = QSpinBox(self)
        spin.setRange(bounds[0] - 1, bounds[1])
        spin.setSpecialValueText(blank)
        self._row(
            form,
            path,
            label,
            spin,
            lambda: spin.value() if spin.value() >= bounds[0] else None,
            lambda v: spin.setValue(int(v) if isinstance(v, int) else spin.minimum()),
            help_text,
        )
        return spin

    def _group(self, title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title, self)
        group.setObjectName(name)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    # --- the groups, from the schema --------------------------------------------------

    def _group_box(self, group: schema.Group) -> QGroupBox:
        if group.name == schema.FIELDS_GROUP:
            box, form = self._group(self.doctype.name, "group.fields")
            for spec in self.doctype.fields:
                self._field(form, spec)
            return box
        box, form = self._group(_(group.title), f"group.{group.name}")
        parts = [
            (table, part)
            for table, part in schema.group_parts(group.name)
            if part.shown is None or part.shown(self.doctype)
        ]
        repeated = next((table for table, _part in parts if table.repeated), None)
        if repeated is None:
            for table, part in parts:
                self._part(form, table, part, table.prefix())
        else:
            for n in range(1, self._count(repeated) + 1):
                heading = self._item_heading(repeated, n)
                if heading:
                    form.addRow(QLabel(f"<b>{heading}</b>", self))
                for table, part in parts:
                    if self._shows_in_item(part, n):
                        self._part(form, table, part, table.prefix(n), n)
        if group.name == schema.APPENDICES.group:
            form.addRow(self._appendix_buttons())
        return box

    def _count(self, table: schema.Table) -> int:
        return self.appendix_count if table is schema.APPENDICES else self.signature_count

    def _item_heading(self, table: schema.Table, n: int) -> str:
        if table is schema.APPENDICES:
            return _("Appendix {n}").format(n=n)
        return _("Signature block {n}").format(n=n) if self.signature_count > 1 else ""

    def _shows_in_item(self, part: schema.Part, _n: int) -> bool:
        # One appendix is not numbered (Mẫu 2.1): its number shows from the second on.
        return not (part is _APPENDIX_NUMBER and self.appendix_count < 2)

    def _part(
        self, form: QFormLayout, table: schema.Table, part: schema.Part, prefix: str, n: int = 0
    ) -> None:
        """The row of one standard part: its widget chosen by its kind."""
        path = schema.form_path(prefix + part.key)
        required = part.required_in_new(table.blank(Letter(type_id=self.doctype.id)), self.doctype)
        label = _marked(_(part.label_in(self.doctype)), required)
        help_text = _(part.help) if part.help else ""
        picker = part.picker.format(n=n)
        kind = part.kind
        if kind is FieldKind.LINES:
            self._lines(form, path, label, part.rows or 3, help_text, picker)
        elif kind is FieldKind.MARKDOWN:
            self._markdown(form, path, label, help_text)
        elif kind is FieldKind.DATE:
            self._date(form, path, label, help_text)
        elif kind is FieldKind.INTEGER:
            self._spin(
                form,
                path,
                label,
                part.bounds or (1, 999_999),
                _(part.placeholder) if part.placeholder.strip() else part.placeholder,
                help_text,
            )
        elif kind is FieldKind.CHOICE and part.choices is not None:
            none = _("(none)")
            self._combo(
                form,
                path,
                label,
                [(c.value, getattr(c, "label", "") or none) for c in part.choices],
                help_text,
            )
        else:
            edit = self._text(
                form,
                path,
                label,
                help_text,
                _(part.placeholder) if part.placeholder else "",
                picker,
            )
            if table is schema.SIGNATURES and part.key == "title":
                captions = self.doctype.signature_captions
                if n <= len(captions):  # a block named by its role: THƯ KÝ, CHỦ TỌA
                    edit.setPlaceholderText(captions[n - 1])

    def _field(self, form: QFormLayout, spec: FieldSpec) -> None:
        """The row of one of the type's own fields (its type.toml)."""
        path = f"fields.{spec.id}"
        label = _marked(
            spec.label_in(current_language()) + ":",
            spec.required,
        )
        if spec.kind in (FieldKind.TEXT, FieldKind.INTEGER):
            line = QLineEdit(self)
            self._row(
                form,
                path,
                label,
                line,
                line.text,
                lambda v: line.setText(str(v if v is not None else "")),
                spec.help,
            )
        elif spec.kind is FieldKind.DATE:
            self._date(form, path, label, spec.help)
        elif spec.kind is FieldKind.CHOICE:
            self._combo(form, path, label, [("", ""), *((c, c) for c in spec.choices)], spec.help)
        elif spec.kind is FieldKind.LINES:
            self._lines(form, path, label, 4, spec.help)
        elif spec.kind is FieldKind.MARKDOWN:
            self._markdown(form, path, label, spec.help)
        else:
            text = LinesEdit(4, self)
            self._row(
                form,
                path,
                label,
                text,
                lambda: clean_text(text.toPlainText()),
                lambda v: text.setPlainText(str(v or "")),
                spec.help,
            )

    def _appendix_buttons(self) -> QHBoxLayout:
        """Mẫu 2.1: appendices printed after the letter, each with its own page numbers."""
        buttons = QHBoxLayout()
        add = QPushButton(_("Add an appendix"), self)
        add.setObjectName("appendices.add")
        add.clicked.connect(lambda: self.appendices_requested.emit(self.appendix_count + 1))
        buttons.addWidget(add)
        if self.appendix_count:
            remove = QPushButton(_("Remove the last appendix"), self)
            remove.setObjectName("appendices.remove")
            remove.clicked.connect(lambda: self.appendices_requested.emit(self.appendix_count - 1))
            buttons.addWidget(remove)
        buttons.addStretch(1)
        return buttons

    def _context(self, path: str) -> str:
        """What tells repeated labels apart in messages: which signature, which appendix."""
        if path.startswith("signatures[") and self.signature_count > 1:
            return _("Signature block {n}").format(n=path[11 : path.index("]")]) + " – "
        if path.startswith("appendices["):
            return _("Appendix {n}").format(n=path[11 : path.index("]")]) + " – "
        return ""

    def describe(self, problem: Problem) -> str:
        """The problem in words a văn thư reads: the field's label, then the message."""
        path = self._binding_path(problem.field)
        label = self.bindings[path].label if path else problem.field
        return f"{label}: {problem.message}"

    def focus_problem(self, problem: Problem) -> QWidget | None:
        """Put the cursor in the field the problem is about; return that widget."""
        path = self._binding_path(problem.field)
        if path is None:
            return None
        widget = self.bindings[path].widget
        target = widget.editor if isinstance(widget, BodyEditor) else widget
        viewport = self.parentWidget()  # the form sits in a scroll area's viewport
        scroll = viewport.parentWidget() if viewport is not None else None
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(target)
        target.setFocus()
        return target

    # --- values ---------------------------------------------------------------------

    def value(self, path: str) -> object:
        return self.bindings[path].get() if path in self.bindings else None

    def set_value(self, path: str, value: object) -> None:
        if path in self.bindings:
            self.bindings[path].set(value)

    def set_letter(self, letter: Letter) -> None:
        blocker = _Blocker(self)
        for path, part, value in schema.parts_of(letter):
            self.set_value(schema.form_path(path), schema.to_value(part, value))
        for spec in self.doctype.fields:
            self.set_value(f"fields.{spec.id}", letter.fields.get(spec.id))
        self._extra = letter  # what the form does not show (a signature note, the fax…)
        blocker.release()

    def letter(self) -> tuple[Letter, list[Problem]]:
        """The letter as the form holds it, and the problems of values it cannot take.

        What the form does not show (the place of a type without a date line, a
        signature note, the fax…) is kept from the letter it was given.
        """
        problems: list[Problem] = []
        base: Letter | None = getattr(self, "_extra", None)
        letter = copy.deepcopy(base) if base is not None else Letter(type_id=self.doctype.id)
        letter.type_id = self.doctype.id
        for table in schema.TABLES:
            if not table.repeated:
                owners = [
                    (
                        table.prefix(),
                        getattr(letter, table.attribute) if table.attribute else letter,
                    )
                ]
            elif self._shows(table):  # the form holds as many as it shows
                kept = getattr(letter, table.attribute)
                items = [
                    kept[n - 1] if n <= len(kept) else table.blank(letter)
                    for n in range(1, self._count(table) + 1)
                ]
                setattr(letter, table.attribute, items)
                owners = [(table.prefix(n), item) for n, item in enumerate(items, start=1)]
            else:
                continue
            for prefix, owner in owners:
                problems += self._take(table, prefix, owner)
        fields: dict[str, object] = {}
        for spec in self.doctype.fields:
            value, field_problems = spec.coerce(
                self.value(f"fields.{spec.id}"), f"fields.{spec.id}"
            )
            fields[spec.id] = value
            problems += field_problems
        letter.fields = fields
        return letter, problems

    def _shows(self, table: schema.Table) -> bool:
        return any(group.name == table.group and group.shown(self.doctype) for group in schema.FORM)

    def _take(self, table: schema.Table, prefix: str, owner: object) -> list[Problem]:
        """Set *owner*'s parts from their widgets, cleaned as the letter file's are; the
        problems of values that cannot be taken (a date that is none)."""
        problems: list[Problem] = []
        for part in table.parts:
            path = prefix + part.key
            binding = self.bindings.get(schema.form_path(path))
            if binding is None:
                continue
            value, found = part.coerce(binding.get(), path)
            if value in (None, "", []):
                value = part.absent()
                problems += found  # its text problems are the check's to report
            setattr(owner, part.name, value)
        return problems

    # --- problems -------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem beside its field; the others at the top of the form."""
        by_path: dict[str, list[str]] = {}
        other: list[str] = []
        for problem in problems:
            path = self._binding_path(problem.field)
            if path is None:
                other.append(str(problem))
            else:
                by_path.setdefault(path, []).append(problem.message)
        for path, binding in self.bindings.items():
            messages = by_path.get(path)
            label = binding.problem_label
            target = (
                binding.widget.editor if isinstance(binding.widget, BodyEditor) else binding.widget
            )
            if messages:
                text = "; ".join(dict.fromkeys(messages))
                label.setText(text[:1].upper() + text[1:])
                label.show()
                target.setAccessibleDescription(label.text())
            else:
                label.clear()
                label.hide()
                target.setAccessibleDescription(target.toolTip())
        self._unbound_label.setText("\n".join(other))
        self._unbound_label.setVisible(bool(other))

    def _binding_path(self, field: str) -> str | None:
        field = schema.form_path(field)
        if field in self.bindings:
            return field
        base, bracket, _index = field.rpartition("[")  # a line of a list: the list
        if bracket and base in self.bindings and field.endswith("]"):
            return base
        if field == "signatures":
            return "signatures[1].name" if "signatures[1].name" in self.bindings else None
        if field.endswith(".title") and field.startswith("signatures["):
            authority = field.replace(".title", ".authority")
            return (
                field
                if field in self.bindings
                else authority
                if authority in self.bindings
                else None
            )
        return None

    def problem_text(self, path: str) -> str:
        label = self.bindings[path].problem_label
        return label.text() if not label.isHidden() else ""


def _strings(value: object) -> list[str]:
    """The lines of a list value; none for anything else (``None`` when left empty)."""
    return [str(item) for item in value] if isinstance(value, list) else []


def _marked(label: str, required: bool) -> str:
    """*label* with the required mark: ``Họ và tên *:``."""
    if not required:
        return label
    return label[:-1] + " *:" if label.endswith(":") else label + " *"


_APPENDIX_NUMBER = next(p for p in schema.APPENDICES.parts if p.key == "number")


class _Blocker:
    """Silences the form's change signals while values are set in bulk."""

    def __init__(self, form: QObject) -> None:
        self.form = form
        self.previous = form.blockSignals(True)
        self.children = [w for w in form.findChildren(QWidget) if not w.signalsBlocked()]
        for widget in self.children:
            widget.blockSignals(True)

    def release(self) -> None:
        for widget in self.children:
            widget.blockSignals(False)
        self.form.blockSignals(self.previous)
