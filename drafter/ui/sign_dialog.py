"""The "Ký số" step: sign an exported PDF as its signer or as the agency, or verify one.

The same code as ``drafter sign`` and ``drafter verify`` does the work
(:mod:`drafter.signing`); this dialog only gathers the choices.  The password or PIN
is typed in a masked field for each signature and never kept: the field is emptied
as soon as the key has been used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafter.i18n import _


def _path_row(parent: QWidget, edit: QLineEdit, choose: object) -> QWidget:
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit)
    button = QPushButton(_("Choose…"), row)
    button.clicked.connect(choose)
    layout.addWidget(button)
    return row


class SignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, pdf: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign.dialog")
        self.setWindowTitle(_("Digital signature"))
        form = QFormLayout()
        self.pdf = QLineEdit(str(pdf) if pdf else "", self)
        form.addRow(_("PDF made by Drafter:"), _path_row(self, self.pdf, self._choose_pdf))
        self.role = QComboBox(self)
        self.role.addItem(_("Signer (ô 7c): the handwritten signature"), "signer")
        self.role.addItem(_("Agency (ô 8): the seal, at issuance"), "agency")
        self.role.addItem(_("Agency: attachment in a separate file or electronic copy"),
                          "separate")
        self.role.currentIndexChanged.connect(self._role_changed)
        form.addRow(_("Sign as:"), self.role)
        self.key_kind = QComboBox(self)
        self.key_kind.addItem(_("PKCS#12 file (.p12, .pfx)"), "p12")
        self.key_kind.addItem(_("USB token (PKCS#11)"), "pkcs11")
        self.key_kind.currentIndexChanged.connect(self._key_changed)
        form.addRow(_("Key:"), self.key_kind)
        self.key_path = QLineEdit(self)
        form.addRow(_("Key file or token library:"),
                    _path_row(self, self.key_path, self._choose_key))
        self.token = QLineEdit(self)
        form.addRow(_("Token label:"), self.token)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password or PIN:"), self.secret)
        self.image = QLineEdit(self)
        form.addRow(_("Signature or seal image:"),
                    _path_row(self, self.image, self._choose_image))
        self.number = QSpinBox(self)
        self.number.setRange(0, 999_999)
        self.number.setSpecialValueText(_("(already numbered)"))
        form.addRow(_("Number:"), self.number)
        self.dated = QCheckBox(_("fill in the date"), self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        date_row = QWidget(self)
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.dated)
        date_layout.addWidget(self.date)
        form.addRow(_("Date:"), date_row)
        self.separate = QLineEdit(self)
        self.separate.setPlaceholderText(_("the main document's number/symbol, or 'SAO Y'…"))
        form.addRow(_("Attachment of / copy form:"), self.separate)
        self.output = QLineEdit(self)
        form.addRow(_("Signed PDF:"), _path_row(self, self.output, self._choose_output))

        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        sign = QPushButton(_("Sign"), self)
        sign.setObjectName("sign.sign")
        sign.clicked.connect(self.sign)
        verify = QPushButton(_("Verify the signatures"), self)
        verify.setObjectName("sign.verify")
        verify.clicked.connect(self.verify)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (sign, verify, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.report)
        self.resize(720, 640)
        self._role_changed()
        self._key_changed()

    # --- choices ---------------------------------------------------------------------

    def _role_changed(self) -> None:
        role = self.role.currentData()
        for widget in (self.number, self.dated, self.date):
            widget.setEnabled(role == "agency")
        self.separate.setEnabled(role == "separate")
        self.image.setEnabled(role != "separate")

    def _key_changed(self) -> None:
        self.token.setEnabled(self.key_kind.currentData() == "pkcs11")

    def _choose_pdf(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose a PDF"), "",
                                                      _("PDF files (*.pdf)"))
        if chosen:
            self.pdf.setText(chosen)
            if not self.output.text():
                path = Path(chosen)
                self.output.setText(str(path.with_name(f"{path.stem}-ky-so.pdf")))

    def _choose_key(self) -> None:
        pattern = _("Key files (*.p12 *.pfx)") if self.key_kind.currentData() == "p12" else \
            _("PKCS#11 libraries (*.so *.dll *.dylib)")
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose the key"), "", pattern)
        if chosen:
            self.key_path.setText(chosen)

    def _choose_image(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, _("Choose an image"), "",
                                                      _("PNG images (*.png)"))
        if chosen:
            self.image.setText(chosen)

    def _choose_output(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the signed PDF"),
                                                      self.output.text(),
                                                      _("PDF files (*.pdf)"))
        if chosen:
            self.output.setText(chosen)

    # --- actions ---------------------------------------------------------------------

    def request(self) -> object:
        from drafter.signing import config
        from drafter.signing.sign import Request, Role

        role = self.role.currentData()
        separate = self.separate.text().strip()
        copy_form = separate if role == "separate" and "/" not in separate else ""
        return Request(
            Role.SIGNER if role == "signer" else Role.AGENCY,
            image=Path(self.image.text()) if self.image.text() and role != "separate"
            else None,
            number=self.number.value() or None if role == "agency" else None,
            date=self.date.date().toPython() if role == "agency" and self.dated.isChecked()
            else None,
            attachment_of=separate if role == "separate" and not copy_form else "",
            copy_form=copy_form, tsa_url=config.load().tsa_url)

    def sign(self) -> bool:
        from drafter.core.atomic import WriteError, write_bytes_atomic
        from drafter.signing.cli import sign_with
        from drafter.signing.errors import SigningError
        from drafter.signing.keys import KeySource

        secret, pdf, output = self.secret.text(), Path(self.pdf.text()), Path(self.output.text())
        self.secret.clear()  # used once, never kept
        key = Path(self.key_path.text()) if self.key_path.text() else None
        source = KeySource(p12=key) if self.key_kind.currentData() == "p12" else \
            KeySource(pkcs11_library=key, token=self.token.text().strip())
        try:
            if not self.output.text() or output.resolve() == pdf.resolve():
                raise SigningError(_("write the signed PDF to another file (-o): the input "
                                     "stays as it is"))
            data = pdf.read_bytes()
            request = self.request()
            result = sign_with(data, request, source, secret)
            if result.filled:  # type: ignore[attr-defined]
                self._record(request, result)
            write_bytes_atomic(output, result.data)  # type: ignore[attr-defined]
        except (SigningError, WriteError) as error:
            self.report.setPlainText(str(error))
            return False
        except OSError as error:
            self.report.setPlainText(_("cannot read {path}: {reason}").format(
                path=pdf, reason=error.strerror or error))
            return False
        self.report.setPlainText(_("signed by {name}: {path}").format(
            name=result.signer_name, path=output))  # type: ignore[attr-defined]
        return True

    def _record(self, request: object, result: object) -> None:
        from drafter.signing.errors import SigningError
        from drafter.store.engine import open_store
        from drafter.store.errors import NumberingError, StoreError
        from drafter.store.register import current_actor
        from drafter.store.signed_issue import record_signed_issue

        try:
            with open_store() as store:
                record_signed_issue(
                    store, number=request.number,  # type: ignore[attr-defined]
                    number_symbol=result.number_symbol,  # type: ignore[attr-defined]
                    date=request.date, type_name=result.title,  # type: ignore[attr-defined]
                    signer=result.signer_name, actor=current_actor())  # type: ignore[attr-defined]
        except (NumberingError, StoreError) as error:
            raise SigningError(str(error)) from None

    def verify(self) -> bool:
        from drafter.signing import config
        from drafter.signing.errors import SigningError
        from drafter.signing.verify import describe, verify_bytes

        path = Path(self.output.text() or self.pdf.text())
        try:
            report = verify_bytes(path.read_bytes(), config.load().trust_path())
        except SigningError as error:
            self.report.setPlainText(str(error))
            return False
        except OSError as error:
            self.report.setPlainText(_("cannot read {path}: {reason}").format(
                path=path, reason=error.strerror or error))
            return False
        lines = []
        for index, signature in enumerate(report.signatures, start=1):
            lines.append(_("Signature {index} ({field}):").format(index=index,
                                                                  field=signature.field))
            lines += [f"    {line}" for line in describe(signature)]
        lines.append(report.verdict())
        self.report.setPlainText("\n".join(lines))
        return report.passes
