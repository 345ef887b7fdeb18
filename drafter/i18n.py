"""User-visible strings, translated through gettext catalogs made with Babel.

Source strings are English; Vietnamese is the default language.  The catalogs live
in ``resources/locale/<lang>/LC_MESSAGES/*.po``, one per part of the application
(``drafter.po`` for the core, ``drafter-ui.po`` for the interface…), and are compiled
to ``.mo`` by ``python -m drafter.i18n compile`` (a test checks they are current).
All catalogs of a language are chained, so ``_()`` finds a message in any of them.
Documents are always Vietnamese: only the interface is translated.
"""

from __future__ import annotations

import gettext
import os
from functools import cache

from drafter.paths import resources_dir

DOMAIN = "drafter"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_current = os.environ.get("DRAFTER_LANG", DEFAULT_LANGUAGE)
if _current not in LANGUAGES:
    _current = DEFAULT_LANGUAGE


def locale_dir() -> str:
    return str(resources_dir() / "locale")


@cache
def _translations(language: str) -> gettext.NullTranslations:
    from pathlib import Path

    chain: gettext.NullTranslations = gettext.NullTranslations()
    folder = Path(locale_dir()) / language / "LC_MESSAGES"
    for mo_path in sorted(folder.glob("*.mo"), reverse=True):
        with mo_path.open("rb") as stream:
            catalog = gettext.GNUTranslations(stream)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def set_language(language: str) -> None:
    """Switch the interface language; unknown languages fall back to Vietnamese."""
    global _current
    _current = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """Translate *message* into the current language."""
    return _translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark *message* for extraction without translating it yet."""
    return message


def compile_catalogs() -> None:
    """Compile every ``.po`` catalog to ``.mo`` (needs Babel, a development tool)."""
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in Path(locale_dir()).glob("*/LC_MESSAGES/*.po"):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with po_path.with_suffix(".mo").open("wb") as mo_file:
            write_mo(mo_file, catalog)


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["compile"]:
        compile_catalogs()
    else:
        sys.exit("usage: python -m drafter.i18n compile")
