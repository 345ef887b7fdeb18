"""The "Ký số" dialog signs and verifies as the command line does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate

from drafter.ui.sign_dialog import SignDialog
from signing.conftest import Images, Keys
from signing.pki import PASSWORD


def test_sign_as_signer_then_agency_then_verify(
    qtbot,
    draft_pdf: Path,
    keys: Keys,  # type: ignore[no-untyped-def]
    images: Images,
    tmp_path: Path,
) -> None:
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


def test_a_wrong_password_is_reported_in_the_dialog(
    qtbot,
    draft_pdf: Path,
    keys: Keys,  # type: ignore[no-untyped-def]
    images: Images,
    tmp_path: Path,
) -> None:
    dialog = SignDialog(None, draft_pdf)
    qtbot.addWidget(dialog)
    dialog.key_path.setText(str(keys.signer))
    dialog.secret.setText("sai")
    dialog.image.setText(str(images.signature))
    dialog.output.setText(str(tmp_path / "out.pdf"))
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
    from drafter.store.models import Profile, Signer
    from drafter.store.profiles import save_profile
    from drafter.store.signers import save_signer

    with open_store() as store:  # the user's own office data
        save_signer(
            store,
            Signer(
                name="Nguyễn Văn An",
                title="PHÓ GIÁM ĐỐC",
                patterns=[],
                signature_image=str(images.signature),
                certificate=f"p12:{keys.signer}",
            ),
        )
        save_profile(
            store,
            Profile(
                label="Sở",
                name="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                parent="",
                abbreviation="SGDĐT",
                units=[],
                seal_image=str(images.seal),
                certificate=f"p12:{keys.agency}",
            ),
        )
    dialog = SignDialog(None, draft_pdf)
    qtbot.addWidget(dialog)
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
    dialog.secret.setText(PASSWORD)
    dialog.number.setValue(16)
    dialog.dated.setChecked(True)
    dialog.date.setDate(QDate(2026, 7, 2))
    dialog.output.setText(str(tmp_path / "issued.pdf"))
    assert dialog.sign(), dialog.report.toPlainText()
    with open_store() as store:
        from drafter.store.register_query import search

        assert [e.number_symbol for e in search(store)] == ["16/SGDĐT-VP"]
