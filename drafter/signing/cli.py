"""``drafter sign`` and ``drafter verify``.

The password or PIN is read from ``--passfile`` or asked on the terminal (getpass), used
once and dropped; it never reaches a log, a message or the store.  The input PDF is
only read; the output is written atomically, so on any error both files are as they
were.  Exit codes: 0 done, 1 the machine failed (or a signature does not verify), 2
bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.cli_guard import report as _error
from drafter.cli_options import add_database_option, add_output_option
from drafter.i18n import N_, _

if TYPE_CHECKING:
    from drafter.signing.keys import KeySource
    from drafter.signing.sign import Request, Result, Role

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date YYYY-MM-DD").format(text=text)
        ) from None


def _number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("'{text}' is not a document number").format(text=text))
    return int(text)


def _block(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a signature block number (1, 2…)").format(text=text)
        )
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:
    sign = subparsers.add_parser(
        "sign", help=_("sign a PDF made by Drafter, as its signer or as the agency (NĐ 30)")
    )
    sign.add_argument("pdf", type=Path, help=_("the PDF to sign"))
    sign.add_argument(
        "--as",
        dest="role",
        choices=("signer", "agency"),
        required=True,
        help=_("signer: the person who signs (ô 7c); agency: the seal, at issuance (ô 8)"),
    )
    _add_key_options(sign)
    _add_block_options(sign)
    _add_issuance_options(sign)
    sign.add_argument(
        "--tsa",
        metavar="URL",
        help=_("time-stamping server (default: the setting, else the local clock)"),
    )
    sign.add_argument("--reason", default="", help=_("the reason written in the signature"))
    _add_register_options(sign)
    add_output_option(sign, _("the signed PDF"))
    sign.set_defaults(handler=cmd_sign)

    verify = subparsers.add_parser(
        "verify", help=_("check every signature of a PDF; exit 0 only when all are intact")
    )
    verify.add_argument("pdf", type=Path, help=_("the signed PDF"))
    verify.add_argument("--json", action="store_true", help=_("print JSON"))
    verify.add_argument(
        "--trust",
        type=Path,
        metavar=_("FOLDER"),
        help=_("folder of trusted CA certificates (default: the setting)"),
    )
    verify.set_defaults(handler=cmd_verify)


def _add_key_options(parser: argparse.ArgumentParser) -> None:
    """The key that signs (a PKCS#12 file, or a key of a USB token through PKCS#11) and
    where its password or PIN comes from."""
    key = parser.add_mutually_exclusive_group()
    key.add_argument(
        "--p12",
        type=Path,
        metavar=_("FILE"),
        help=_(
            "the key and certificate in a PKCS#12 file (.p12, .pfx); default: the certificate "
            "stored for the signer or the agency"
        ),
    )
    key.add_argument(
        "--pkcs11", type=Path, metavar=_("LIBRARY"), help=_("the PKCS#11 library of a USB token")
    )
    parser.add_argument(
        "--token", default="", metavar=_("LABEL"), help=_("with --pkcs11: the label of the token")
    )
    parser.add_argument(
        "--key-label",
        default="",
        metavar=_("LABEL"),
        help=_("with --pkcs11: which key of the token (default: its only one)"),
    )
    parser.add_argument(
        "--passfile",
        type=Path,
        metavar=_("FILE"),
        help=_("read the password or PIN from this file instead of asking"),
    )


def _add_block_options(parser: argparse.ArgumentParser) -> None:
    """The signature block to sign, and the image shown in it: given, or stored for the
    signer printed under it (or named by ``--signer``)."""
    parser.add_argument(
        "--image",
        type=Path,
        metavar="PNG",
        help=_(
            "the handwritten signature (signer) or the seal (agency): a PNG with a transparent "
            "background; default: the image stored for the signer or the agency's profile"
        ),
    )
    parser.add_argument(
        "--signer",
        default="",
        metavar=_("NAME"),
        help=_(
            "signer: whose stored image and certificate to use (default: the name printed "
            "under the signature block)"
        ),
    )
    parser.add_argument(
        "--block",
        type=_block,
        metavar="N",
        help=_(
            "which signature block to sign, 1 for the first (default: the first one not signed yet)"
        ),
    )


def _add_issuance_options(parser: argparse.ArgumentParser) -> None:
    """What the agency fills in at issuance: the number, the date, or the document an
    attachment or copy belongs to."""
    parser.add_argument(
        "--number", type=_number, help=_("agency: the number to fill in at issuance")
    )
    parser.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help=_("agency: the date to fill in at issuance"),
    )
    separate = parser.add_mutually_exclusive_group()
    separate.add_argument(
        "--attachment",
        metavar=_("NUMBER/SYMBOL"),
        default="",
        help=_("agency: an attachment or appendix in a separate file, of document 'NUMBER/SYMBOL'"),
    )
    separate.add_argument(
        "--copy",
        metavar=_("FORM"),
        default="",
        help=_("agency: an electronic copy of this form (e.g. 'SAO Y')"),
    )


def _add_register_options(parser: argparse.ArgumentParser) -> None:
    """Where the agency's signature records the number and date: the register."""
    add_database_option(
        parser, _("the register's database (default: DRAFTER_DB, else the embedded one)")
    )
    parser.add_argument(
        "--sequence",
        default="chung",
        metavar=_("KEY"),
        help=_("agency: the register sequence of a number neither reserved nor issued yet"),
    )
    parser.add_argument(
        "--no-register",
        action="store_true",
        help=_("agency: do not write the number and date into the register"),
    )


def _secret(args: argparse.Namespace, source: KeySource) -> str:
    from drafter.signing.errors import SigningError, read_input

    if args.passfile is not None:
        message = N_("cannot read the password file {path}: {reason}")
        data = read_input(args.passfile, message)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SigningError(_(message).format(path=args.passfile, reason=error)) from None
        return text.splitlines()[0] if text else ""
    import getpass

    p12, token = source.p12, source.token
    prompt = (
        _("Password of {file}: ").format(file=p12)
        if p12
        else _("PIN of the token '{token}': ").format(token=token)
    )
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise SigningError(_("no password or PIN given")) from None


def cmd_sign(args: argparse.Namespace) -> int:
    from drafter.signing.errors import SigningError

    try:
        return _sign(args)
    except SigningError as error:
        _error(error.message)
        return error.exit_code


def _sign(args: argparse.Namespace) -> int:
    from drafter.signing import config, output
    from drafter.signing.errors import SigningError, read_input
    from drafter.signing.sign import Request, Role

    if args.output.resolve() == args.pdf.resolve():
        raise SigningError(_("write the signed PDF to another file (-o): the input stays as it is"))
    if args.pkcs11 is not None and not args.token:
        raise SigningError(_("--pkcs11 needs --token LABEL"))
    role = Role(args.role)
    if role is Role.SIGNER and (args.number or args.date or args.attachment or args.copy):
        raise SigningError(_("--number, --date, --attachment and --copy are for the agency"))
    separate = bool(args.attachment or args.copy)
    if separate and args.block is not None:
        raise SigningError(
            _(
                "--block is for a signature block; an attachment or a copy is "
                "signed at the top of page 1"
            )
        )
    data = read_input(args.pdf)
    image, source = _image_and_key(args, data, role, separate)
    request = Request(
        role,
        image=image,
        number=args.number,
        date=args.date,
        attachment_of=args.attachment,
        copy_form=args.copy,
        tsa_url=args.tsa if args.tsa is not None else config.load().tsa_url,
        reason=args.reason,
        block=args.block,
    )
    result = sign_with(data, request, source, _secret(args, source))
    # The register learns the number only once the signed file is safely written beside
    # its place; the file is moved into place only once the register has it.
    with output.staged(args.output, result.data):
        if result.filled and not args.no_register:
            _record(args, result)
    block = result.block
    print(
        _("signed as {role} by {name}: {path}").format(
            role=_("signer") if role is Role.SIGNER else _("agency"),
            name=result.signer_name,
            path=args.output,
        )
        + (
            _(" (signature block {block}: {name})").format(block=block, name=result.block_name)
            if block
            else ""
        )
    )
    return EXIT_OK


def _image_and_key(
    args: argparse.Namespace, data: bytes, role: Role, separate: bool
) -> tuple[Path | None, KeySource]:
    """The image and key given on the command line, else those the store keeps for the
    block's signer (found by the name printed under it, or ``--signer``) or for the
    agency's profile."""
    from drafter.signing import stored
    from drafter.signing.errors import SigningError
    from drafter.signing.keys import KeySource
    from drafter.signing.sign import Role, block_to_sign

    image: Path | None = args.image
    source = KeySource(
        p12=args.p12, pkcs11_library=args.pkcs11, token=args.token, key_label=args.key_label
    )
    need_image = image is None and not separate
    need_key = args.p12 is None and args.pkcs11 is None
    if not need_image and not need_key:
        return image, source
    name, symbol = args.signer, args.attachment.partition("/")[2]
    if not separate:
        block, layout = block_to_sign(data, role, args.block)
        name = name or layout.signatures[block - 1].name
        symbol = layout.symbol
    if role is Role.SIGNER and not name:
        raise SigningError(
            _("no signer's name found under the signature block: give --signer NAME or --image")
        )
    choice = stored.load(
        args.db, "signer" if role is Role.SIGNER else "agency", symbol=symbol, name=name
    )
    if need_image:
        if choice.image is None:
            raise SigningError(
                _(
                    "no image is stored for {owner}: give it with --image or "
                    "add it in the office data"
                ).format(owner=choice.owner)
            )
        image = choice.image
        print(
            _("image of {owner} from the office data: {path}").format(
                owner=choice.owner, path=image
            )
        )
    if need_key:
        if choice.key is None:
            raise SigningError(
                _(
                    "say which key signs: --p12 FILE or --pkcs11 LIBRARY "
                    "--token LABEL (no certificate is stored for {owner})"
                ).format(owner=choice.owner)
            )
        source = KeySource(
            p12=choice.key.p12,
            pkcs11_library=choice.key.pkcs11_library,
            token=choice.key.token,
            key_label=args.key_label,
        )
        print(
            _("certificate of {owner} from the office data: {key}").format(
                owner=choice.owner, key=source.describe()
            )
        )
    return image, source


def sign_with(data: bytes, request: Request, source: KeySource, secret: str) -> Result:
    """Sign *data* with the key of *source*; shared by the command line and the GUI."""
    from drafter.fonts import resolve
    from drafter.signing.errors import EXIT_FAILED, SigningError
    from drafter.signing.keys import open_signer
    from drafter.signing.sign import Role, sign_as_agency, sign_as_signer

    with open_signer(source, secret) as signer:
        if request.role is Role.SIGNER:
            return sign_as_signer(data, signer, request)
        fonts = resolve()
        regular, italic = fonts.path(False, False), fonts.path(False, True)
        if regular is None or italic is None:
            raise SigningError(
                _(
                    "no Times New Roman or Liberation Serif font with the "
                    "Vietnamese alphabet is installed"
                ),
                EXIT_FAILED,
            )
        return sign_as_agency(data, signer, request, regular, italic)


def leading_number(number_symbol: str) -> int | None:
    """12 for ``12/SGDĐT-VP``: the number a document printed before it was signed."""
    digits = number_symbol.partition("/")[0].strip()
    return int(digits) if digits.isdigit() else None


def _record(args: argparse.Namespace, result: Result) -> None:
    from drafter.signing.appearance import signing_time
    from drafter.signing.errors import SigningError
    from drafter.store.engine import open_store
    from drafter.store.errors import NumberingError, StoreError
    from drafter.store.register import current_actor
    from drafter.store.signed_issue import record_signed_issue

    # A document without a date line (a biên bản) is issued on the day it is signed.
    date = args.date or signing_time().date()
    number = args.number if args.number is not None else leading_number(result.number_symbol)
    if number is None:
        return  # nothing the register could file it under
    try:
        with open_store(args.db) as store:
            entry = record_signed_issue(
                store,
                number=number,
                number_symbol=result.number_symbol,
                date=date,
                type_name=result.title,
                signer=result.signer_name,
                sequence_key=args.sequence,
                actor=current_actor(),
            )
    except NumberingError as error:
        raise SigningError(str(error)) from None
    except StoreError as error:
        raise SigningError(str(error), EXIT_FAILED) from None
    print(
        _("recorded in the register: {number}, {date}").format(
            number=entry.number_symbol, date=entry.doc_date.isoformat() if entry.doc_date else ""
        )
    )


def cmd_verify(args: argparse.Namespace) -> int:
    from drafter.signing import config
    from drafter.signing.errors import SigningError, read_input
    from drafter.signing.verify import describe, verify_bytes

    try:
        data = read_input(args.pdf)
        trust = args.trust if args.trust is not None else config.load().trust_path()
        report = verify_bytes(data, trust)
    except SigningError as error:
        _error(error.message)
        return error.exit_code
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for index, signature in enumerate(report.signatures, start=1):
            print(_("Signature {index} ({field}):").format(index=index, field=signature.field))
            for line in describe(signature):
                print(f"  {line}")
        print(report.verdict())
    return EXIT_OK if report.passes else EXIT_FAILED
