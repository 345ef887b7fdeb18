"""How much a letter may hold, and the whole numbers it may carry.

Every limit is far beyond an ordinary administrative document (a page holds about 3 000
characters, so 200 000 make some 65 pages) yet low enough that a letter at the limit is
laid out in a second or two: a pasted log file or a runaway script is refused with a clear
message instead of freezing the application.  ``docs/letter-format.md`` lists them.
"""

from __future__ import annotations

import re

from drafter.core.problems import Problem
from drafter.i18n import N_, _

LETTER_FILE_BYTES = 5 * 1024 * 1024  # a letter file, read whole
TEXT_CHARS = 200_000  # the body, an appendix body, a multi-line or Markdown field
TEXT_LINES = 5_000  # lines of one of those
LINE_CHARS = 2_000  # a one-line field (subject, name, one recipient…)
LIST_ITEMS = 500  # items of a list field (căn cứ, attendees…)
RECIPIENTS = 100  # Kính gửi, Đồng kính gửi, Nơi nhận: each
TABLE_ROWS = 2_000  # rows of one table in a body
SIGNATURES = 10
APPENDICES = 50

NUMBER_RANGE = (1, 9_999_999)  # ô 3: a register restarts every year
COPIES_RANGE = (1, 10_000)  # ô 12
FIELD_INTEGER_LIMIT = 999_999_999  # an integer form field, either sign

# A whole number as people type it: ASCII digits only.  ``str.isdigit`` and ``int``
# also take "²", Arabic-Indic or fullwidth digits, which print oddly or not at all.
_WHOLE_NUMBER_RE = re.compile(r"[0-9]+")
_SIGNED_NUMBER_RE = re.compile(r"[+-]?[0-9]+")


def parse_whole_number(value: object, low: int, high: int) -> int | None:
    """*value* (a TOML integer or text of ASCII digits) when it lies in ``low..high``."""
    if isinstance(value, str):
        text = value.strip()
        pattern = _SIGNED_NUMBER_RE if low < 0 else _WHOLE_NUMBER_RE
        # Long digit strings are refused before int(): Python refuses 4 300 digits
        # with a traceback, and they could never be in range anyway.
        if len(text) > 20 or not pattern.fullmatch(text):
            return None
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def range_message(low: int, high: int) -> str:
    return _("must be a whole number from {low} to {high}, written in the digits 0-9").format(
        low=f"{low:,}".replace(",", " "), high=f"{high:,}".replace(",", " ")
    )


# What is said when a limit is passed ({count} found, {limit} at most).
TOO_LONG = N_("is too long: {count} characters, at most {limit}")
TOO_MANY_LINES = N_("has too many lines: {count}, at most {limit}")
TABLE_TOO_LONG = N_("has a table of {count} rows, at most {limit}")
TOO_MANY_ENTRIES = N_("has too many entries: {count}, at most {limit}")


def text_problems(text: str, where: str, *, lines: bool = True) -> list[Problem]:
    """Problems of a piece of text that is too big; *lines* for multi-line text.  The
    first limit it passes is reported; the later measures are not taken."""
    limit = TEXT_CHARS if lines else LINE_CHARS
    problems = _over(where, len(text), limit, TOO_LONG)
    if problems or not lines:
        return problems
    return _over(where, text.count("\n") + 1, TEXT_LINES, TOO_MANY_LINES) or _over(
        where, longest_table(text), TABLE_ROWS, TABLE_TOO_LONG
    )


def count_problems(count: int, limit: int, where: str) -> list[Problem]:
    return _over(where, count, limit, TOO_MANY_ENTRIES)


def _over(where: str, count: int, limit: int, message: str) -> list[Problem]:
    if count <= limit:
        return []
    return [Problem(where, _(message).format(count=_count(count), limit=_count(limit)))]


def longest_table(text: str) -> int:
    """The rows of the longest run of table lines (lines starting with "|")."""
    longest = run = 0
    for line in text.split("\n"):
        run = run + 1 if line.lstrip().startswith("|") else 0
        longest = max(longest, run)
    return longest


def _count(number: int) -> str:
    return f"{number:,}".replace(",", " ")
