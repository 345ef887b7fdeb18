"""Signing data in the store: images and certificate choice, and the filled number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from drafter.signing.config import images_dir, keep_image
from drafter.store.engine import open_store
from drafter.store.models import Profile, Signer
from drafter.store.profiles import get_profile, save_profile
from drafter.store.register import reserve
from drafter.store.signed_issue import record_signed_issue
from drafter.store.signers import get_signer, save_signer


def test_signer_and_profile_keep_their_images_and_certificate(tmp_path: Path) -> None:
    source = tmp_path / "chu-ky.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    kept = keep_image(source, "signature-1")
    assert kept.parent == images_dir() and kept.read_bytes() == source.read_bytes()
    with open_store(tmp_path / "office.sqlite3") as store:
        signer = save_signer(
            store,
            Signer(
                name="Nguyễn Văn An",
                title="Giám đốc",
                patterns=[],
                signature_image=str(kept),
                certificate="p12:/home/an/khoa.p12",
            ),
        )
        profile = save_profile(
            store,
            Profile(
                label="Sở",
                name="SỞ NỘI VỤ",
                parent="",
                units=[],
                seal_image=str(kept),
                certificate="pkcs11:/usr/lib/x.so#TOKEN",
            ),
        )
        again = get_signer(store, signer.id)
        stored_profile = get_profile(store, profile.id)
    assert again is not None and again.signature_image == str(kept)
    assert again.certificate == "p12:/home/an/khoa.p12"
    assert stored_profile is not None and stored_profile.seal_image == str(kept)
    assert stored_profile.certificate == "pkcs11:/usr/lib/x.so#TOKEN"


def test_a_reserved_number_becomes_issued_when_filled_in(tmp_path: Path) -> None:
    with open_store(tmp_path / "office.sqlite3") as store:
        reserved = reserve(store, "chung", 2026, note="công văn ký số")
        entry = record_signed_issue(
            store,
            number=reserved.number,
            number_symbol=f"{reserved.number:02d}/SNV-VP",
            date=dt.date(2026, 6, 1),
            type_name="Công văn",
            signer="Sở Nội vụ",
        )
        assert entry.id == reserved.id and entry.status == "issued"
        assert entry.doc_date == dt.date(2026, 6, 1)
        # The next number of the sequence is not the one just filled in.
        following = reserve(store, "chung", 2026)
    assert following.number == reserved.number + 1


def test_a_new_number_moves_the_counter_past_it(tmp_path: Path) -> None:
    with open_store(tmp_path / "office.sqlite3") as store:
        record_signed_issue(store, number=40, number_symbol="40/SNV-VP", date=dt.date(2026, 6, 1))
        assert reserve(store, "chung", 2026).number == 41
