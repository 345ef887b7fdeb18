"""Generated Markdown bodies: the parser never loses a word and never crashes.

A văn thư's text is printed as typed: nesting, emphasis markers, lone list markers and
tables may change how a line looks, never whether its words are on the page.
"""

from __future__ import annotations

import re

from hypothesis import given, settings

from drafter.body.parser import Block, parse_body
from fuzz.bounds import PROFILE, bounded
from fuzz.strategies import bodies

WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" is Markdown emphasis
# "[text](address)" prints its text only, by design (docs/letter-format.md).
LINK_ADDRESS = re.compile(r"\]\([^)]*\)")


def _printed_text(blocks: list[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        parts += [block.label, block.text]
        for row in block.rows:
            for cell in row:
                parts += [span.text for span in cell]
    return " ".join(parts)


@settings(settings.get_profile(PROFILE))
@given(body=bodies)
def test_every_word_of_a_body_is_printed(body: str) -> None:
    with bounded():
        blocks = parse_body(body)
    # Titles are printed in capitals: compare words whatever their case.
    printed = WORD.findall(_printed_text(blocks).casefold())
    remaining = list(printed)
    for word in WORD.findall(LINK_ADDRESS.sub("]", body).casefold()):
        assert word in remaining, f"{word!r} lost from {body!r}"
        remaining.remove(word)
