"""Pasted characters, given one treatment on the page, the same in every writer.

Cleaning at the edge (:mod:`drafter.core.vietnamese`) removes what carries nothing and
keeps the soft hyphen, because text typed in TCVN3 uses its code for "ư" and the legacy
check must see it.  Once a letter is laid out that check is behind it, and each pasted
character class is printed one way (docs/letter-format.md, *Text cleaning*):

- a tab is one space (a pasted tab is an alignment of another document, and the two
  writers would otherwise disagree: a tab stop in Word, a different stop in Qt);
- a soft hyphen is removed (Vietnamese syllables are never hyphenated at a line's end,
  and a raw one would print as a hyphen in some viewers);
- a no-break hyphen (U+2011) stays: a hyphen no line breaks after (the .docx writes
  Word's ``noBreakHyphen``, the painter a hyphen and a word joiner);
- a no-break space (U+00A0, and the narrow and figure no-break spaces, U+202F and
  U+2007, which become it) stays: a space no line breaks at;
- the other Unicode spaces (en, em, thin, ideographic…) are ordinary spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from drafter.layout.model import Block, Document, Paragraph, Table

NO_BREAK_SPACE = "\u00a0"
NO_BREAK_HYPHEN = "\u2011"
SOFT_HYPHEN = "\u00ad"
_SPACES_RE = re.compile("[\t\u1680\u2000-\u200a\u205f\u3000]")
_NO_BREAK_SPACES_RE = re.compile("[\u202f\u2007]")


def printable(text: str) -> str:
    """*text* with each pasted character class in its printed form."""
    if text.isascii() and "\t" not in text:
        return text
    text = text.replace(SOFT_HYPHEN, "")
    text = _NO_BREAK_SPACES_RE.sub(NO_BREAK_SPACE, text)
    return _SPACES_RE.sub(" ", text)


def print_characters(document: Document) -> None:
    """Give every run of *document* its printed characters, in place."""
    for section in document.sections:
        for blocks in (
            section.blocks,
            section.header,
            section.first_header,
            section.footer,
            section.first_footer,
        ):
            _blocks(blocks)


def _blocks(blocks: Sequence[Block]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _paragraph(block)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    _blocks(cell.blocks)


def _paragraph(paragraph: Paragraph) -> None:
    runs = []
    for run in paragraph.runs:
        text = printable(run.text)
        runs.append(run if text == run.text else replace(run, text=text))
    paragraph.runs = runs
