"""The form is built from the one declaration of a letter's parts (drafter.core.schema):
every part it shows has its widget, in the declared order, and nothing else is bound."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from drafter.core import schema
from drafter.core.doctypes import default_registry
from drafter.core.fields import FieldKind
from drafter.core.letter import Letter, Signature, Urgency
from drafter.ui.body_editor import BodyEditor
from drafter.ui.form import LetterForm

REGISTRY = default_registry()
WIDGETS = {
    FieldKind.TEXT: QLineEdit,
    FieldKind.DATE: QLineEdit,
    FieldKind.LINES: QPlainTextEdit,
    FieldKind.MARKDOWN: BodyEditor,
    FieldKind.INTEGER: QSpinBox,
    FieldKind.CHOICE: QComboBox,
}


def expected_paths(form: LetterForm) -> dict[str, FieldKind]:
    """The bindings the schema declares for *form*'s type, in the form's order, and the
    kind of each."""
    doctype = form.doctype
    paths = []
    for group in schema.FORM:
        if not group.shown(doctype):
            continue
        if group.name == schema.FIELDS_GROUP:
            paths += [(f"fields.{spec.id}", spec.kind) for spec in doctype.fields]
            continue
        parts = [
            (t, p) for t, p in schema.group_parts(group.name) if p.shown is None or p.shown(doctype)
        ]
        counts = {
            schema.SIGNATURES.key: form.signature_count,
            schema.APPENDICES.key: form.appendix_count,
        }
        items = (
            [None]
            if not any(t.repeated for t, _p in parts)
            else range(1, counts[parts[0][0].key] + 1)
        )
        for n in items:
            for table, part in parts:
                if part.key == "number" and table is schema.APPENDICES and form.appendix_count < 2:
                    continue
                paths.append((schema.form_path(table.prefix(n) + part.key), part.kind))
    return dict(paths)


@pytest.mark.parametrize("type_id", REGISTRY.ids())
def test_every_declared_part_has_its_widget_in_the_declared_order(qtbot, type_id) -> None:
    form = LetterForm(REGISTRY.get(type_id), appendix_count=2)
    qtbot.addWidget(form)
    expected = expected_paths(form)
    assert list(form.bindings) == list(expected)
    for path, binding in form.bindings.items():
        target = binding.widget.editor if isinstance(binding.widget, BodyEditor) else binding.widget
        assert target.objectName() == path
        if not path.startswith("fields."):
            assert isinstance(binding.widget, WIDGETS[expected[path]]), path


def test_labels_help_and_required_marks_come_from_the_declaration(qtbot) -> None:
    doctype = REGISTRY.get("cong_van")
    form = LetterForm(doctype)
    qtbot.addWidget(form)
    name = form.bindings["issuer.name"].widget
    assert name.accessibleName() == "Cơ quan ban hành *"  # required: marked
    assert form.bindings["issuer.name"].label == "Cơ quan ban hành"
    assert form.bindings["issuer.website"].widget.accessibleName() == "Trang thông tin điện tử"
    assert name.toolTip() == "Tên cơ quan ban hành, mỗi dòng in một dòng"
    assert form.bindings["subject"].widget.accessibleName().startswith("Trích yếu (V/v)")
    assert form.findChild(QComboBox, "urgency").count() == len(Urgency)


def test_values_go_both_ways_through_the_declared_parts(qtbot) -> None:
    doctype = REGISTRY.get("cong_van")
    form = LetterForm(doctype)
    qtbot.addWidget(form)
    letter = Letter(
        type_id="cong_van",
        place="Hà Nội",
        date=dt.date(2026, 3, 4),
        subject="Về việc góp ý",
        kinh_gui=["Sở Tài chính"],
        number=12,
        noi_nhan=["Như trên"],
        luu="VT, VP",
        copies=3,
        urgency=Urgency.KHAN,
        signatures=[Signature(title="GIÁM ĐỐC", name="Lê Văn A", note="giữ")],
    )
    letter.issuer.name = ["SỞ NỘI VỤ"]
    letter.issuer.fax = "024 1234"  # not in the form: kept
    form.set_letter(letter)
    assert form.value("noi_nhan") == ["Như trên"] and form.value("luu") == "VT, VP"
    again, problems = form.letter()
    assert problems == []
    assert again == letter
    form.set_value("date", "31/02/2026")
    form.set_value("luu", "")
    again, problems = form.letter()
    assert [p.field for p in problems] == ["date"] and again.date is None
    assert again.luu == "VT"  # the declared value of an empty Lưu line
