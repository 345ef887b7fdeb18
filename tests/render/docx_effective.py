"""What Word applies to each paragraph and run of a .docx: its style's formatting,
then the direct formatting over it, attribute by attribute as Word merges them.

Drafter writes named styles and only what differs from them; these helpers read the
result back so tests can compare what prints with the page model."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Effective:
    style_id: str
    paragraph: dict[str, str]  # "jc", "keepNext", "spacing.before", "ind.left", …
    runs: list[dict[str, str]]  # "b", "i", "sz", "u"
    text: str


def _on_off(element: etree._Element) -> str:
    return "0" if element.get(w("val")) in ("0", "false") else "1"


def _value(element: etree._Element) -> str:
    return element.get(w("val")) or ""


def _read(
    props: etree._Element,
    names: tuple[str, ...],
    into: dict[str, str],
    read: Callable[[etree._Element], str],
) -> None:
    """Each property of *names* that *props* sets, as *read* gives its value."""
    for name in names:
        element = props.find(w(name))
        if element is not None:
            into[name] = read(element)


def _toggles(rpr: etree._Element | None, into: dict[str, str]) -> None:
    if rpr is None:
        return
    _read(rpr, ("b", "i"), into, _on_off)
    _read(rpr, ("sz", "u"), into, _value)


def _paragraph_props(ppr: etree._Element | None, into: dict[str, str]) -> None:
    if ppr is None:
        return
    _read(ppr, ("keepNext", "keepLines"), into, _on_off)
    for name in ("spacing", "ind"):
        element = ppr.find(w(name))
        if element is not None:
            for key, value in element.attrib.items():
                into[f"{name}.{etree.QName(key).localname}"] = value
    _read(ppr, ("jc", "outlineLvl"), into, _value)


def styles_of(package: dict[str, bytes]) -> dict[str, etree._Element]:
    root = etree.fromstring(package["word/styles.xml"])
    return {s.get(w("styleId")): s for s in root.iter(w("style"))}


def package_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _style_chain(styles: dict[str, etree._Element], style_id: str) -> list[etree._Element]:
    chain = []
    while style_id and style_id in styles:
        chain.insert(0, styles[style_id])
        based = styles[style_id].find(w("basedOn"))
        style_id = based.get(w("val")) if based is not None else ""
    return chain


def paragraphs(data: bytes, part: str = "word/document.xml") -> Iterator[Effective]:
    """Every paragraph of *part* in document order (cells included), as Word sees it."""
    package = package_parts(data)
    styles = styles_of(package)
    root = etree.fromstring(package[part])
    for p in root.iter(w("p")):
        ppr = p.find(w("pPr"))
        style_element = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_element.get(w("val")) if style_element is not None else "Normal"
        props: dict[str, str] = {}
        base_run: dict[str, str] = {}
        for style in _style_chain(styles, style_id or ""):
            _paragraph_props(style.find(w("pPr")), props)
            _toggles(style.find(w("rPr")), base_run)
        # Ind: a hanging indent set directly replaces the style's first line.
        direct: dict[str, str] = {}
        _paragraph_props(ppr, direct)
        if "ind.hanging" in direct:
            props.pop("ind.firstLine", None)
        props.update(direct)
        runs = []
        for r in p.iter(w("r")):
            run = dict(base_run)
            _toggles(r.find(w("rPr")), run)
            runs.append(run)
        text = "".join(t.text or "" for t in p.iter(w("t")))
        yield Effective(style_id or "", props, runs, text)
