"""Opening a draft: what it still lacks is shown beside its fields, as while typing; only
what its file holds that cannot be taken is worth a message when it opens."""

from __future__ import annotations

from pathlib import Path

from drafter.core.doctypes import default_registry

REGISTRY = default_registry()


def _draft(tmp_path: Path, old: str, new: str) -> Path:
    text = REGISTRY.get("giay_moi").sample_path.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "giay-moi.letter"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _line(text: str, key: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"{key} = "))


def test_a_draft_lacking_a_required_field_opens_without_a_message(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    text = REGISTRY.get("giay_moi").sample_path.read_text(encoding="utf-8")
    editor = window.open_file(_draft(tmp_path, _line(text, "cuoc_hop"), 'cuoc_hop = ""'))
    assert editor is not None
    assert window.errors == []  # nothing was left out of the file: it is a draft
    editor.refresh()
    assert editor.form.problem_text("fields.cuoc_hop")  # said beside the field
    assert [p.field for p in editor.problems] == ["fields.cuoc_hop"]


def test_a_value_that_cannot_be_taken_is_said_when_the_draft_opens(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    text = REGISTRY.get("giay_moi").sample_path.read_text(encoding="utf-8")
    editor = window.open_file(_draft(tmp_path, _line(text, "cuoc_hop"), "cuoc_hop = [1, 2]"))
    assert editor is not None
    [(_title, lines)] = window.errors
    assert "fields.cuoc_hop" in lines
