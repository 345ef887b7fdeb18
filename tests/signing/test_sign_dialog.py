"""The "Ký số" dialog signs and verifies as the command line does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate

from drafter.ui.sign_dialog import SignDialog
from signing.conftest import Images, Keys
from signing.pki import PASSWORD


def test_sign_as_signer_then_agency_then_verify(qtbot, draft_pdf: Path, keys: Keys,  # type: ignore[no-untyped-def]
                                                images: Images, tmp_path: Path) -> None:
    dialog = SignDialog(None, draft_pdf)
    qtbot.addWidget(dialog)
    signed = tmp_path / "signed.pdf"
    dialog.key_path.setText(str(keys.signer))
    dialog.secret.setText(PASSWORD)
    dialog.image.setText(str(images.signature))
    dialog.output.setText(str(signed))
    assert dialog.sign(), dialog.report.toPlainText()
    assert dialog.secret.text() == ""  # the password is not kept

    dialog.pdf.setText(str(signed))
    dialog.role.setCurrentIndex(dialog.role.findData("agency"))
    dialog.key_path.setText(str(keys.agency))
    dialog.secret.setText(PASSWORD)
    dialog.image.setText(str(images.seal))
    dialog.number.setValue(15)
    dialog.dated.setChecked(True)
    dialog.date.setDate(QDate(2026, 7, 1))
    dialog.output.setText(str(tmp_path / "issued.pdf"))
    assert dialog.sign(), dialog.report.toPlainText()
    assert dialog.verify()
    text = dialog.report.toPlainText()
    assert "Nguyễn Văn An" in text and "Toàn vẹn: có" in text


def test_a_wrong_password_is_reported_in_the_dialog(qtbot, draft_pdf: Path, keys: Keys,  # type: ignore[no-untyped-def]
                                                    images: Images, tmp_path: Path) -> None:
    dialog = SignDialog(None, draft_pdf)
    qtbot.addWidget(dialog)
    dialog.key_path.setText(str(keys.signer))
    dialog.secret.setText("sai")
    dialog.image.setText(str(images.signature))
    dialog.output.setText(str(tmp_path / "out.pdf"))
    assert not dialog.sign()
    assert "sai mật khẩu" in dialog.report.toPlainText()
    assert not (tmp_path / "out.pdf").exists()
