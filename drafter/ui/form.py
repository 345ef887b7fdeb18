"""The letter form: generated from the document type's declared fields.

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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafter.core.doctypes import DocType, HeaderStyle, Presence, SummaryStyle
from drafter.core.fields import FieldKind, FieldSpec, coerce_date
from drafter.core.letter import Appendix, Circulation, Letter, Secrecy, Signature, Urgency
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
    return [line for line in (clean_line(x) for x in editor.toPlainText().split("\n")) if line]


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

    def __init__(self, doctype: DocType, parent: QWidget | None = None,
                 office_hook: Callable[[str, LetterForm], None] | None = None,
                 appendix_count: int = 0) -> None:
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
        layout.addWidget(self._issuer_group())
        layout.addWidget(self._heading_group())
        if doctype.kinh_gui is not Presence.NONE:
            layout.addWidget(self._kinh_gui_group())
        if doctype.fields:
            layout.addWidget(self._fields_group())
        if doctype.body is not Presence.NONE:
            layout.addWidget(self._body_group())
        if doctype.header is not HeaderStyle.APPENDIX:
            layout.addWidget(self._signature_group())
            layout.addWidget(self._noi_nhan_group())
        layout.addWidget(self._marks_group())
        if doctype.header is not HeaderStyle.APPENDIX:
            layout.addWidget(self._appendix_group())
        layout.addStretch(1)

    # --- building blocks -------------------------------------------------------------

    def _row(self, form: QFormLayout, path: str, label: str, widget: QWidget,
             get: Callable[[], object], set_: Callable[[object], None],
             help_text: str = "", picker: str = "") -> None:
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
        if picker:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            button = QPushButton(_("Choose…"), self)
            button.setObjectName(f"pick:{picker}")
            button.setToolTip(_("Choose from the office data"))
            button.setEnabled(self.office_hook is not None)
            button.clicked.connect(lambda: self.office_hook and self.office_hook(picker, self))
            line.addWidget(button)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        box.addWidget(problem)
        label_widget = QLabel(label, self)
        label_widget.setBuddy(target)
        form.addRow(label_widget, column)
        self.bindings[path] = Binding(path, widget, get, set_, problem,
                                      self._context(path) + accessible.rstrip(" *"))
        self._connect(widget)

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

    def _text(self, form: QFormLayout, path: str, label: str, help_text: str = "",
              placeholder: str = "", picker: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self._row(form, path, label, edit, lambda: clean_line(edit.text()),
                  lambda v: edit.setText(str(v or "")), help_text, picker)
        return edit

    def _lines(self, form: QFormLayout, path: str, label: str, rows: int = 3,
               help_text: str = "", picker: str = "") -> LinesEdit:
        edit = LinesEdit(rows, self)
        self._row(form, path, label, edit, lambda: _lines_of(edit),
                  lambda v: edit.setPlainText("\n".join(v or [])), help_text, picker)
        return edit

    def _combo(self, form: QFormLayout, path: str, label: str,
               choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        for value, text in choices:
            combo.addItem(text, value)

        def set_value(value: object) -> None:
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))

        self._row(form, path, label, combo, lambda: combo.currentData(), set_value)
        return combo

    def _group(self, title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title, self)
        group.setObjectName(name)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    # --- the groups ------------------------------------------------------------------

    def _issuer_group(self) -> QGroupBox:
        group, form = self._group(_("Issuing body"), "group.issuer")
        self._lines(form, "issuer.parent", _("Parent body:"), 2,
                    _("The direct parent body, one printed line each, if any"), "issuer")
        self._lines(form, "issuer.name", _("Issuing body:"), 2,
                    _("The issuing body's name, one printed line each"))
        self._text(form, "issuer.prose_name", _("Name in sentences:"),
                   _("The name as written inside a sentence, e.g. Sở Giáo dục và Đào tạo"))
        self._text(form, "issuer.abbreviation", _("Abbreviation:"),
                   _("Used in the symbol, e.g. UBND"))
        self._text(form, "issuer.unit", _("Drafting unit:"), _("e.g. VP, used in the symbol"))
        self._text(form, "issuer.address", _("Address:"))
        self._text(form, "issuer.phone", _("Phone:"))
        self._text(form, "issuer.email", _("E-mail:"))
        self._text(form, "issuer.website", _("Website:"))
        return group

    def _heading_group(self) -> QGroupBox:
        doctype = self.doctype
        group, form = self._group(_("Number, place and date"), "group.heading")
        if doctype.has_number:
            spin = QSpinBox(self)
            spin.setRange(0, 999999)
            spin.setSpecialValueText(_("(left blank)"))
            self._row(form, "number", _("Number:"), spin,
                      lambda: spin.value() or None, lambda v: spin.setValue(int(v or 0)),
                      _("Left blank while a draft: the register assigns it"))
            self._text(form, "symbol", _("Symbol:"), _("Leave empty to compose it"),
                       placeholder=_("composed automatically"))
        if doctype.has_date:
            self._text(form, "place", _("Place:"))
            date = QLineEdit(self)
            date.setPlaceholderText("dd/mm/yyyy")
            self._row(form, "date", _("Date:"), date,
                      lambda: date.text().strip(),
                      lambda v: date.setText(v.strftime("%d/%m/%Y")
                                             if isinstance(v, dt.date) else str(v or "")))
        if doctype.summary is not SummaryStyle.NONE:
            label = _("Subject (V/v):") if doctype.summary is SummaryStyle.VV else \
                _("Summary (trích yếu):")
            self._text(form, "subject", label)
        return group

    def _kinh_gui_group(self) -> QGroupBox:
        group, form = self._group(_("Kính gửi"), "group.kinh_gui")
        self._lines(form, "kinh_gui", _("Kính gửi:"), 3, _("One recipient per line"),
                    "recipients")
        self._lines(form, "dong_kinh_gui", _("Đồng kính gửi:"), 2, _("One recipient per line"))
        return group

    def _fields_group(self) -> QGroupBox:
        group, form = self._group(self.doctype.name, "group.fields")
        for spec in self.doctype.fields:
            self._field(form, spec)
        return group

    def _field(self, form: QFormLayout, spec: FieldSpec) -> None:
        path = f"fields.{spec.id}"
        label = (spec.label_en if current_language() == "en" and spec.label_en
                 else spec.label) + (" *" if spec.required else "") + ":"
        if spec.kind in (FieldKind.TEXT, FieldKind.INTEGER, FieldKind.DATE):
            edit = QLineEdit(self)
            if spec.kind is FieldKind.DATE:
                edit.setPlaceholderText("dd/mm/yyyy")
            self._row(form, path, label, edit, edit.text,
                      lambda v, e=edit: e.setText(v.strftime("%d/%m/%Y")
                                                  if isinstance(v, dt.date) else
                                                  str(v if v is not None else "")),
                      spec.help)
        elif spec.kind is FieldKind.CHOICE:
            combo = QComboBox(self)
            combo.addItem("", "")
            for choice in spec.choices:
                combo.addItem(choice, choice)
            self._row(form, path, label, combo, combo.currentData,
                      lambda v, c=combo: c.setCurrentIndex(max(c.findData(v or ""), 0)),
                      spec.help)
        elif spec.kind is FieldKind.LINES:
            self._lines(form, path, label, 4, spec.help)
        elif spec.kind is FieldKind.MARKDOWN:
            editor = BodyEditor(self)
            editor.editor.setMinimumHeight(100)
            self._row(form, path, label, editor, editor.markdown,
                      lambda v, e=editor: e.set_markdown(str(v or "")), spec.help)
        else:
            edit = LinesEdit(4, self)
            self._row(form, path, label, edit, lambda e=edit: clean_text(e.toPlainText()),
                      lambda v, e=edit: e.setPlainText(str(v or "")), spec.help)

    def _body_group(self) -> QGroupBox:
        group, form = self._group(_("Content"), "group.body")
        self.body_editor = BodyEditor(self)
        self._row(form, "body", _("Content:"), self.body_editor, self.body_editor.markdown,
                  lambda v: self.body_editor.set_markdown(str(v or "")),
                  _("One paragraph per line; Điều, khoản (1.), điểm (a)) and căn cứ lines "
                    "are recognised"))
        return group

    def _signature_group(self) -> QGroupBox:
        group, form = self._group(_("Signature"), "group.signatures")
        captions = self.doctype.signature_captions
        for i in range(1, self.signature_count + 1):
            prefix = f"signatures[{i}]"
            if self.signature_count > 1:
                form.addRow(QLabel(f"<b>{_('Signature block {n}').format(n=i)}</b>", self))
            self._lines(form, f"{prefix}.authority", _("Signing authority:"), 2,
                        _("e.g. KT. GIÁM ĐỐC or TM. ỦY BAN NHÂN DÂN, one per line"),
                        f"signer:{i}")
            title = self._text(form, f"{prefix}.title", _("Position:"), _("e.g. PHÓ GIÁM ĐỐC"))
            if i <= len(captions):
                title.setPlaceholderText(captions[i - 1])
            self._text(form, f"{prefix}.name", _("Full name:"))
        return group

    def _noi_nhan_group(self) -> QGroupBox:
        group, form = self._group(_("Nơi nhận"), "group.noi_nhan")
        self._lines(form, "noi_nhan", _("Nơi nhận:"), 4,
                    _("One recipient per line; the Lưu line is added"), "noi_nhan")
        self._text(form, "luu", _("Lưu:"), _("e.g. VT, VP"))
        self._text(form, "drafter_mark", _("Drafter's initials:"))
        spin = QSpinBox(self)
        spin.setRange(0, 100000)
        spin.setSpecialValueText(" ")
        self._row(form, "copies", _("Copies issued:"), spin, lambda: spin.value() or None,
                  lambda v: spin.setValue(int(v or 0)))
        return group

    def _marks_group(self) -> QGroupBox:
        group, form = self._group(_("Marks"), "group.marks")
        none = _("(none)")
        self._combo(form, "urgency", _("Urgency:"),
                    [(u.value, u.label or none) for u in Urgency])
        self._combo(form, "secrecy", _("Secrecy:"),
                    [(s.value, s.label or none) for s in Secrecy])
        self._combo(form, "circulation", _("Circulation:"),
                    [(c.value, c.label or none) for c in Circulation])
        return group

    def _appendix_group(self) -> QGroupBox:
        """Mẫu 2.1: appendices printed after the letter, each with its own page numbers."""
        group, form = self._group(_("Appendices"), "group.appendices")
        for i in range(1, self.appendix_count + 1):
            form.addRow(QLabel(f"<b>{_('Appendix {n}').format(n=i)}</b>", self))
            if self.appendix_count > 1:
                self._text(form, f"appendices[{i}].number", _("Number (I, II…):"))
            self._text(form, f"appendices[{i}].title", _("Title:"))
            editor = BodyEditor(self)
            editor.editor.setMinimumHeight(100)
            self._row(form, f"appendices[{i}].body", _("Content:"), editor, editor.markdown,
                      lambda v, e=editor: e.set_markdown(str(v or "")))
        buttons = QHBoxLayout()
        add = QPushButton(_("Add an appendix"), self)
        add.setObjectName("appendices.add")
        add.clicked.connect(lambda: self.appendices_requested.emit(self.appendix_count + 1))
        buttons.addWidget(add)
        if self.appendix_count:
            remove = QPushButton(_("Remove the last appendix"), self)
            remove.setObjectName("appendices.remove")
            remove.clicked.connect(
                lambda: self.appendices_requested.emit(self.appendix_count - 1))
            buttons.addWidget(remove)
        buttons.addStretch(1)
        form.addRow(buttons)
        return group

    def _context(self, path: str) -> str:
        """What tells repeated labels apart in messages: which signature, which appendix."""
        if path.startswith("signatures[") and self.signature_count > 1:
            return _("Signature block {n}").format(n=path[11:path.index("]")]) + " – "
        if path.startswith("appendices["):
            return _("Appendix {n}").format(n=path[11:path.index("]")]) + " – "
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
        scroll = self.parentWidget().parentWidget() if self.parentWidget() else None
        if hasattr(scroll, "ensureWidgetVisible"):
            scroll.ensureWidgetVisible(target)  # type: ignore[union-attr]
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
        issuer = letter.issuer
        for key in ("parent", "name", "prose_name", "abbreviation", "unit", "address", "phone",
                    "email", "website"):
            self.set_value(f"issuer.{key}", getattr(issuer, key))
        for key in ("number", "symbol", "place", "date", "subject", "kinh_gui",
                    "dong_kinh_gui", "body", "luu", "drafter_mark", "copies"):
            self.set_value(key, getattr(letter, key))
        self.set_value("noi_nhan", letter.noi_nhan)
        self.set_value("urgency", letter.urgency.value)
        self.set_value("secrecy", letter.secrecy.value)
        self.set_value("circulation", letter.circulation.value)
        for i, signature in enumerate(letter.signatures[:self.signature_count], start=1):
            self.set_value(f"signatures[{i}].authority", signature.authority)
            self.set_value(f"signatures[{i}].title", signature.title)
            self.set_value(f"signatures[{i}].name", signature.name)
        for spec in self.doctype.fields:
            self.set_value(f"fields.{spec.id}", letter.fields.get(spec.id))
        for i, appendix in enumerate(letter.appendices, start=1):
            for key in ("number", "title", "body"):
                self.set_value(f"appendices[{i}].{key}", getattr(appendix, key))
        self._extra = letter  # what the form does not show (appendices, note, fax…)
        blocker.release()

    def letter(self) -> tuple[Letter, list[Problem]]:
        """The letter as the form holds it, and the problems of values it cannot take.

        What the form does not show (the place of a type without a date line, the
        appendices, a signature note…) is kept from the letter it was given.
        """
        problems: list[Problem] = []
        base: Letter | None = getattr(self, "_extra", None)
        letter = copy.deepcopy(base) if base is not None else Letter(type_id=self.doctype.id)
        letter.type_id = self.doctype.id
        bound = self.bindings

        def take(path: str, target: object, attribute: str, convert: Callable[[object], object],
                 ) -> None:
            if path in bound:
                setattr(target, attribute, convert(bound[path].get()))

        def text(value: object) -> str:
            return str(value or "")

        def items(value: object) -> list[str]:
            return list(value or [])  # type: ignore[call-overload]

        for key in ("prose_name", "abbreviation", "unit", "address", "phone", "email",
                    "website"):
            take(f"issuer.{key}", letter.issuer, key, text)
        for key in ("name", "parent"):
            take(f"issuer.{key}", letter.issuer, key, items)
        for key in ("symbol", "place", "subject", "drafter_mark"):
            take(key, letter, key, text)
        for key in ("kinh_gui", "dong_kinh_gui", "noi_nhan"):
            take(key, letter, key, items)
        take("number", letter, "number", lambda v: v or None)
        take("copies", letter, "copies", lambda v: v or None)
        take("luu", letter, "luu", lambda v: str(v or "") or "VT")
        take("body", letter, "body", lambda v: clean_text(str(v or "")).strip("\n"))
        take("urgency", letter, "urgency", lambda v: Urgency(v or ""))
        take("secrecy", letter, "secrecy", lambda v: Secrecy(v or ""))
        take("circulation", letter, "circulation", lambda v: Circulation(v or ""))
        if "date" in bound:
            letter.date, date_problems = coerce_date(bound["date"].get(), "date")
            problems += date_problems
        if "signatures[1].name" in bound:
            kept = letter.signatures
            letter.signatures = [Signature(
                authority=items(bound[f"signatures[{i}].authority"].get()),
                title=text(bound[f"signatures[{i}].title"].get()),
                name=text(bound[f"signatures[{i}].name"].get()),
                note=kept[i - 1].note if len(kept) >= i else "")
                for i in range(1, self.signature_count + 1)]
        if self.doctype.header is not HeaderStyle.APPENDIX:  # the form shows appendices
            kept = letter.appendices
            letter.appendices = [Appendix(
                number=text(self.value(f"appendices[{i}].number")) or
                (kept[i - 1].number if len(kept) >= i else ""),
                title=text(self.value(f"appendices[{i}].title")),
                body=clean_text(text(self.value(f"appendices[{i}].body"))).strip("\n"))
                for i in range(1, self.appendix_count + 1)]
        fields: dict[str, object] = {}
        for spec in self.doctype.fields:
            value, field_problems = spec.coerce(self.value(f"fields.{spec.id}"),
                                                f"fields.{spec.id}")
            fields[spec.id] = value
            problems += field_problems
        letter.fields = fields
        return letter, problems

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
            target = binding.widget.editor if isinstance(binding.widget, BodyEditor) \
                else binding.widget
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
        if field in self.bindings:
            return field
        base = field.split("[")[0] if field.startswith(("kinh_gui", "noi_nhan")) else field
        if base in self.bindings:
            return base
        if field == "signatures":
            return "signatures[1].name" if "signatures[1].name" in self.bindings else None
        if field.endswith(".title") and field.startswith("signatures["):
            authority = field.replace(".title", ".authority")
            return field if field in self.bindings else \
                authority if authority in self.bindings else None
        return None

    def problem_text(self, path: str) -> str:
        label = self.bindings[path].problem_label
        return label.text() if not label.isHidden() else ""


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

