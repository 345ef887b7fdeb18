"""The paragraphs of a laid-out document, those inside tables included, in reading order.

Tests that look for a role's paragraphs or at the text the layout chose walk the page
model the same way: every section's body, and each table cell's blocks where it stands.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.layout.model import Block, Document, Paragraph


def body_paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph of the sections' bodies (not headers or footers), in order."""
    return [paragraph for section in document.sections for paragraph in paragraphs(section.blocks)]


def paragraphs(blocks: list[Block]) -> Iterator[Paragraph]:
    """The paragraphs of *blocks*, those in their tables' cells where they stand."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        else:
            for row in block.rows:
                for cell in row.cells:
                    yield from paragraphs(cell.blocks)
