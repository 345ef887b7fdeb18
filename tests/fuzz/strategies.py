"""Hypothesis strategies for what users and other programs feed Drafter.

Letter files are made from the shipped samples by mutation (a value replaced by one of
another kind or of an extreme size, a key dropped or added, the TOML text cut or
spliced), so that most examples are nearly valid and reach the deep parts of the
pipeline.  Bodies come from a grammar of the lines a văn thư types; templates from a
grammar of Jinja constructs, the dangerous ones included.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from typing import Any

from hypothesis import strategies as st

from drafter.core.doctypes import default_registry

NASTY_CHARS = [
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\r",
    "\t",
    "\u00a0",
    "\u00ad",
    "\u2011",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2060",
    "\u2066",
    "\u2069",
    "\u061c",
    "\ufeff",
    "\ufffe",
    "\ue000",
    "\U0010fffd",
    "\u0301",
    "\u0323",
    "²",
    "٣",
    "３",
    "Ⅻ",
    "😀",
    "<",
    "&",
    "]]>",
    "{{",
    "{%",
    "|",
    "*",
    "\\",
    '"',
    "'",
    "\n",
    "Céng hßa",
    "Muñoz",
    "Peña",
    "Điều 1.",
    "- ",
    "1. ",
    "a) ",
]
VIETNAMESE_WORDS = [
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "thành",
    "phố",
    "Hà",
    "Nội",
    "Sở",
    "Giáo",
    "dục",
    "và",
    "Đào",
    "tạo",
    "công",
    "văn",
    "quyết",
    "định",
    "về",
    "việc",
    "tổ",
    "chức",
    "hội",
    "nghị",
    "năm",
    "2026",
    "của",
    "các",
    "đơn",
    "vị",
    "trực",
    "thuộc",
    "QUYẾT",
    "ĐỊNH",
]

texts = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.one_of(
            st.sampled_from(NASTY_CHARS), st.sampled_from(VIETNAMESE_WORDS), st.text(max_size=4)
        ),
        max_size=12,
    ).map(" ".join),
)
# Text a văn thư might type or paste: words, punctuation, Markdown, stray characters.
prose = st.lists(
    st.one_of(
        st.sampled_from(VIETNAMESE_WORDS),
        st.sampled_from(VIETNAMESE_WORDS),
        st.sampled_from(VIETNAMESE_WORDS),
        st.sampled_from(NASTY_CHARS),
        st.sampled_from([",", ".", ";", ":", "(", ")", "-", "/", "**", "*"]),
    ),
    min_size=1,
    max_size=30,
).map(" ".join)
huge_text = st.integers(10_000, 400_000).map(lambda n: "chữ " * (n // 4))
integers = st.one_of(
    st.integers(-5, 120),
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 2**31, 2**63, 3 * 10**9, -1]),
)
digit_strings = st.one_of(
    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6),
    st.integers(0, 10**4).map(str),
    st.integers(1, 3000).map(lambda n: "9" * n),
)
scalars = st.one_of(
    texts,
    integers,
    digit_strings,
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2300, 1, 1)),
    st.times(),
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=4),
    ),
    max_leaves=12,
)


@cache
def sample_letters() -> dict[str, dict[str, Any]]:
    """Every shipped type's sample letter, parsed."""
    registry = default_registry()
    return {
        doctype.id: tomllib.loads(doctype.sample_path.read_text(encoding="utf-8"))
        for doctype in registry.all()
        if doctype.sample_path.is_file()
    }


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path of a nested TOML value."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.append((*prefix, index))
            found += _paths(value, (*prefix, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


def _deep(depth: int, leaf: Any) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated_letter(draw: st.DrawFn) -> dict[str, Any]:
    """A sample letter with a few values replaced, removed or added."""
    import copy

    samples = sample_letters()
    data = copy.deepcopy(samples[draw(st.sampled_from(sorted(samples)))])
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        # Most mutations keep a value's kind, so that most letters pass the checks and
        # reach the template, the layout and the writer; the rest try the checks.
        action = draw(
            st.sampled_from(
                ["retext"] * 12 + ["replace", "remove", "add", "huge", "deep", "digits"]
            )
        )
        if action == "add" or not paths:
            target = data if not paths else _parent(data, draw(st.sampled_from(paths)))
            if isinstance(target, dict):
                target[draw(st.text(min_size=1, max_size=10))] = draw(toml_values)
            continue
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        if action == "retext":
            value = parent[key]
            if isinstance(value, str):
                parent[key] = draw(prose)
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                parent[key] = draw(st.lists(prose, min_size=len(value), max_size=len(value) + 3))
        elif action == "remove":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(toml_values)
        elif action == "huge":
            parent[key] = draw(
                st.one_of(huge_text, st.lists(st.just("Sở Nội vụ"), min_size=100, max_size=3000))
            )
        elif action == "deep":
            parent[key] = _deep(draw(st.integers(20, 400)), "x")
        else:
            parent[key] = draw(digit_strings)
    return data


def _dumps(data: dict[str, Any]) -> str:
    import tomli_w

    return tomli_w.dumps(data)


@st.composite
def letter_file_bytes(draw: st.DrawFn) -> bytes:
    """The bytes of a letter file: mostly a mutated sample, sometimes damaged text."""
    data = draw(mutated_letter())
    try:
        text = _dumps(data)
    except (TypeError, ValueError, RecursionError):
        text = _dumps(sample_letters()["cong_van"])
    raw = text.encode("utf-8")
    damage = draw(
        st.sampled_from(["none"] * 12 + ["cut", "splice", "encoding", "deep_inline", "bom"])
    )
    if damage == "cut":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif damage == "splice":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(max_size=16)) + raw[at:]
    elif damage == "encoding":
        raw = text.encode(draw(st.sampled_from(["utf-16", "cp1258", "latin-1"])), errors="replace")
    elif damage == "deep_inline":
        depth = draw(st.integers(100, 5000))
        raw += b"\nzzz = " + b"[" * depth + b"]" * depth + b"\n"
    elif damage == "bom":
        raw = b"\xef\xbb\xbf" + raw
    return raw


# --- Markdown bodies -------------------------------------------------------------------

_WORD = st.one_of(
    st.sampled_from(VIETNAMESE_WORDS), st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True)
)
_INLINE_MARK = st.sampled_from(
    [
        "",
        "",
        "",
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "&",
        "!",
        "#",
        "|",
    ]
)


@st.composite
def body_line(draw: st.DrawFn) -> str:
    indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2, 3, 4, 8]))
    prefix = draw(
        st.lists(
            st.sampled_from(
                [
                    "- ",
                    "* ",
                    "+ ",
                    "1. ",
                    "2) ",
                    "> ",
                    "# ",
                    "## ",
                    "a) ",
                    "Điều 1. ",
                    "Chương I ",
                    "I. ",
                ]
            ),
            max_size=draw(st.sampled_from([0, 1, 2, 12])),
        )
    )
    words = []
    for _ in range(draw(st.integers(0, 8))):
        mark = draw(_INLINE_MARK)
        words.append(f"{mark}{draw(_WORD)}{draw(_INLINE_MARK)}")
    line = indent + "".join(prefix) + " ".join(words)
    if draw(st.booleans()) and draw(st.booleans()):
        line = draw(
            st.sampled_from(
                [
                    "-",
                    "1.",
                    "- - -",
                    "* * *",
                    "***",
                    "---",
                    "|",
                    "||",
                    "| a | b |",
                    "|---|:--:|",
                    "+",
                    "#",
                ]
            )
        )
    return line


@st.composite
def table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 6))
    rows = draw(st.integers(0, 12))
    align = draw(
        st.lists(
            st.sampled_from(["---", ":---", "---:", ":---:"]), min_size=columns, max_size=columns
        )
    )
    cell = st.lists(_WORD, min_size=0, max_size=4).map(" ".join)
    lines = [
        "| " + " | ".join(draw(st.lists(cell, min_size=columns, max_size=columns))) + " |",
        "|" + "|".join(align) + "|",
    ]
    for _ in range(rows):
        count = draw(st.integers(1, columns + 1))
        lines.append("| " + " | ".join(draw(st.lists(cell, min_size=count, max_size=count))) + " |")
    return "\n".join(lines)


bodies = st.lists(st.one_of(body_line(), body_line(), body_line(), table()), max_size=20).map(
    "\n".join
)


# --- User templates --------------------------------------------------------------------

BIG = st.sampled_from(["10**9", "2**40", "999999999", "100000", "10**6", "-1", "0", "3"])
_EXPRESSIONS = [
    "{field}",
    "{field}|upper",
    "{field}|length",
    "{field}|center({big})",
    "{field}|indent({big})",
    "{field}|wordwrap({big})",
    "{field}|truncate({big})",
    "'%{big}s' % {field}",
    "'{{:>{big}}}'.format({field})",
    "{field} * {big}",
    "'x' * {big}",
    "range({big})|list|length",
    "range({big})|join(',')",
    "{field}|join(' ' * {big})",
    "[{field}] * {big}",
    "{field}.__class__",
    "{field}|attr('__class__')",
    "lipsum({big})",
    "{big} ** {big}",
    "{field}|string|list",
    "({field} ~ {field}) * {big}",
    "{field}|replace('', 'xx')",
    "{field}|format({field})",
    "{field}|batch({big})|list",
    "cycler",
    "namespace()",
    "{field}|dictsort",
]
_STATEMENTS = [
    "{{{{ {expr} }}}}",
    "{{% for x in {field} %}}{{{{ x }}}}{{% endfor %}}",
    "{{% for x in {field}|list %}}{{% for y in {field}|list %}}{{{{ y }}}}{{% endfor %}}"
    "{{% endfor %}}",
    "{{% for x in range({big}) %}}a{{% endfor %}}",
    "{{% for x in ({expr})|list %}}{{% endfor %}}",
    "{{% macro f(n) %}}{{% if n > 0 %}}{{{{ f(n-1) }}}}{{{{ f(n-1) }}}}{{% endif %}}"
    "{{% endmacro %}}{{{{ f({small}) }}}}",
    "{{% macro g(n) %}}{{{{ g(n+1) }}}}{{% endmacro %}}{{{{ g(0) }}}}",
    "{{% set s = {expr} %}}{{{{ s|length }}}}",
    "{{% if {field} %}}{{{{ {field} }}}}{{% else %}}-{{% endif %}}",
    "Văn bản thường {field}",
]
# Statements the checks refuse before run time; a few keep that path exercised.
_BROKEN = [
    "{{% include 'x' %}}",
    "{{% import 'x' as y %}}",
    "{{% extends 'x' %}}",
    "{{% raw %}}{{{{{{% endraw %}}",
    "{{{{ ",
    "{{% for %}}",
    "{{{{ missing }}}}",
]


@st.composite
def user_template(draw: st.DrawFn, fields: list[str]) -> str:
    names = [*fields, "body", "subject", "place", "issuer_name", "number", "date"]
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        broken = draw(st.integers(0, 19)) == 0
        statement = draw(st.sampled_from(_BROKEN if broken else _STATEMENTS))
        expression = draw(st.sampled_from(_EXPRESSIONS)).format(
            field=draw(st.sampled_from(names)), big=draw(BIG)
        )
        parts.append(
            statement.format(
                expr=expression,
                field=draw(st.sampled_from(names)),
                big=draw(BIG),
                small=draw(st.sampled_from(["3", "20", "40", "60", "400"])),
            )
        )
    return "\n".join(parts)
