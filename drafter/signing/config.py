"""Signing settings: the time-stamping server and the folder of trusted CA certificates.

Kept in ``signing.toml`` in the user's config folder (``tsa_url``, ``trust_folder``);
``DRAFTER_TSA_URL`` and ``DRAFTER_TRUST_DIR`` override them.  No CA certificate is
shipped: the user puts the certificates of the Vietnamese government CA and of the
commercial CAs they accept (PEM or DER files) in the trust folder, by default
``trust/`` in the user's data folder.  Signature and seal images are copied into
``signing-images/`` there; keys never are.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from drafter.core.atomic import write_text_atomic
from drafter.paths import user_config_dir, user_data_dir

FILE_NAME = "signing.toml"
TSA_ENV = "DRAFTER_TSA_URL"
TRUST_ENV = "DRAFTER_TRUST_DIR"
CERTIFICATE_SUFFIXES = (".pem", ".crt", ".cer", ".der")


@dataclass
class SigningSettings:
    tsa_url: str = ""
    trust_folder: str = ""  # empty: user_data_dir()/trust

    def trust_path(self) -> Path:
        return Path(self.trust_folder) if self.trust_folder else user_data_dir() / "trust"


def settings_path() -> Path:
    return user_config_dir() / FILE_NAME


def load() -> SigningSettings:
    """The saved settings with the environment's overrides; a damaged file gives defaults."""
    settings = SigningSettings()
    try:
        data = tomllib.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        data = {}
    for key in ("tsa_url", "trust_folder"):
        if isinstance(data.get(key), str):
            setattr(settings, key, data[key].strip())
    settings.tsa_url = os.environ.get(TSA_ENV, settings.tsa_url).strip()
    settings.trust_folder = os.environ.get(TRUST_ENV, settings.trust_folder).strip()
    return settings


def save(settings: SigningSettings) -> None:
    text = tomli_w.dumps({"tsa_url": settings.tsa_url, "trust_folder": settings.trust_folder})
    write_text_atomic(settings_path(), text)


def trusted_certificate_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in CERTIFICATE_SUFFIXES and path.is_file()
    )


def images_dir() -> Path:
    return user_data_dir() / "signing-images"


def keep_image(source: Path, stem: str) -> Path:
    """Copy a signature or seal image into the user's data folder; return the copy's path.

    The store keeps the copy's path, so the image survives the original being moved.
    """
    folder = images_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{stem}{source.suffix.lower() or '.png'}"
    if source.resolve() != target.resolve():
        temporary = target.with_suffix(target.suffix + ".tmp")
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    return target
