"""The "Ký số" dialog signs and verifies as the command line does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from drafter.ui.sign_dialog import SignDialog
from signing.conftest import Images, Keys
from signing.helpers import save_office_keys
from signing.pki import PASSWORD


def _dialog(qtbot, pdf: Path) -> SignDialog:  # type: ignore[no-untyped-def]
    dialog = SignDialog(None, pdf)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def dialog(qtbot, draft_pdf: Path) -> SignDialog:  # type: ignore[no-untyped-def]
    """The dialog opened on the draft, before any office data is stored."""
    return _dialog(qtbot, draft_pdf)


def _fill_signer(dialog: SignDialog, keys: Keys, images: Images, secret: str, out: Path) -> None:
    """The test signer's key, *secret* for its password, his image and *out* given."""
    dialog.key_path.setText(str(keys.signer))
    dialog.secret.setText(secret)
    dialog.image.setText(str(images.signature))
    dialog.output.setText(str(out))


def _issue(dialog: SignDialog, number: int, date: QDate, out: Path) -> None:
    """The agency's password, the number and the date given in *dialog*, and it signs."""
    dialog.secret.setText(PASSWORD)
    dialog.number.setValue(number)
    dialog.dated.setChecked(True)
    dialog.date.setDate(date)
    dialog.output.setText(str(out))
    assert dialog.sign(), dialog.report.toPlainText()


def test_sign_as_signer_then_agency_then_verify(
    dialog: SignDialog, keys: Keys, images: Images, tmp_path: Path
) -> None:
    signed = tmp_path / "signed.pdf"
    _fill_signer(dialog, keys, images, PASSWORD, signed)
    assert dialog.sign(), dialog.report.toPlainText()
    assert dialog.secret.text() == ""  # the password is not kept

    dialog.pdf.setText(str(signed))
    dialog.role.setCurrentIndex(dialog.role.findData("agency"))
    dialog.key_path.setText(str(keys.agency))
    dialog.image.setText(str(images.seal))
    _issue(dialog, 15, QDate(2026, 7, 1), tmp_path / "issued.pdf")
    assert dialog.verify()
    text = dialog.report.toPlainText()
    assert "Nguyễn Văn An" in text and "Toàn vẹn: có" in text


def test_a_wrong_password_is_reported_in_the_dialog(
    dialog: SignDialog, keys: Keys, images: Images, tmp_path: Path
) -> None:
    _fill_signer(dialog, keys, images, "sai", tmp_path / "out.pdf")
    assert not dialog.sign()
    assert "sai mật khẩu" in dialog.report.toPlainText()
    assert not (tmp_path / "out.pdf").exists()


def test_the_stored_images_and_keys_are_filled_in(
    qtbot,
    draft_pdf: Path,
    keys: Keys,  # type: ignore[no-untyped-def]
    images: Images,
    tmp_path: Path,
) -> None:
    from drafter.store.engine import open_store

    with open_store() as store:  # the user's own office data
        save_office_keys(store, keys, images, "Sở")
    dialog = _dialog(qtbot, draft_pdf)
    assert dialog.image.text() == str(images.signature)  # the block's signer's
    assert dialog.key_path.text() == str(keys.signer)
    signed = tmp_path / "signed.pdf"
    dialog.secret.setText(PASSWORD)
    dialog.output.setText(str(signed))
    assert dialog.sign(), dialog.report.toPlainText()

    dialog.pdf.setText(str(signed))
    dialog.prefill()
    dialog.role.setCurrentIndex(dialog.role.findData("agency"))
    assert dialog.image.text() == str(images.seal)  # the issuing profile's
    assert dialog.key_path.text() == str(keys.agency)
    mine = tmp_path / "my-seal.png"
    mine.write_bytes(images.seal.read_bytes())
    dialog.image.setText(str(mine))  # the user's choice is kept
    dialog.prefill()
    assert dialog.image.text() == str(mine)
    _issue(dialog, 16, QDate(2026, 7, 2), tmp_path / "issued.pdf")
    with open_store() as store:
        from drafter.store.register_query import search

        assert [e.number_symbol for e in search(store)] == ["16/SGDĐT-VP"]
