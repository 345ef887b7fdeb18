"""TOML syntax errors in the user's language, with the line and column they are at.

The parser's messages are English sentences; the common ones are translated here and
the rest are named only as a syntax error, so a Vietnamese user never reads English.
"""

from __future__ import annotations

import re

from drafter.i18n import N_, _

# The parser's message (without its "(at line …)" tail) → the sentence the user reads.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (
            r"^Illegal character '\\n'",
            N_(
                "a line ends inside a text in quotes (a quote "
                'mark is missing, or a long text needs """)'
            ),
        ),
        (r"^Illegal character", N_("a character that is not allowed here")),
        (r"^Unterminated string", N_("a text in quotes is not closed")),
        (r"^Unclosed array", N_("a list opened with [ is not closed with ]")),
        (r"^Unclosed inline table", N_("a table opened with { is not closed with }")),
        (r"^Expected '=' after a key", N_("'=' is missing after a key")),
        (r"^Invalid value", N_("the value is not valid (text must be in quotes)")),
        (r"^Invalid date or datetime", N_("the date is not valid")),
        (r"^Invalid statement", N_("the line is not a key = value pair nor a [table]")),
        (
            r"^Invalid initial character for a key",
            N_("a key starts with a character that is not allowed"),
        ),
        (
            r"^Expected newline or end of document",
            N_("something follows the value on the same line"),
        ),
        (r"^Cannot (declare .* twice|overwrite a value)", N_("a key or table is written twice")),
        (r"^Expected '\]'", N_("a [table] heading is not closed with ]")),
        (r"^Unescaped '\\'", N_("a backslash must be written \\\\ inside quotes")),
    )
)


def syntax_error_message(error: ValueError) -> str:
    """The sentence for a ``TOMLDecodeError``: what is wrong, at which line and column."""
    raw = str(getattr(error, "msg", "") or error)
    reason = next(
        (_(message) for pattern, message in _MESSAGES if pattern.search(raw)), _("a syntax error")
    )
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    if line is None:
        found = re.search(r"line (\d+), column (\d+)", str(error))
        if found:
            line, column = int(found.group(1)), int(found.group(2))
    if line is None:
        return _("is not a valid letter file: {reason}").format(reason=reason)
    return _("is not a valid letter file: {reason} (line {line}, column {column})").format(
        reason=reason, line=line, column=column
    )
