"""Rendering body templates safely.

Templates may come from the user, so they run in Jinja's sandbox with strict
undefined variables, and produce Markdown text, never Word XML.  Each template is
checked against the fields its type declares; any fault becomes a
:class:`TemplateProblem` naming the file and line, never a crash.
"""

from __future__ import annotations

import operator
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from drafter.core.doctypes import DocType
from drafter.core.fields import FieldKind
from drafter.core.letter import Letter
from drafter.core.vietnamese import date_words, upper
from drafter.i18n import _
from drafter.templating.bounded import (
    bounded_filters,
    bounded_range,
    check_call,
    check_format,
    check_percent,
    check_result,
    concat_filter,
    counted,
    is_loop_call,
    loop_filter,
    output_filter,
)
from drafter.templating.limits import TemplateLimitError, TemplateLimits, budget, running

# Names every body template may use besides its type's own fields.
BUILTIN_NAMES = frozenset(
    {"body", "subject", "place", "date", "issuer", "issuer_name", "kinh_gui", "number"}
)
MAX_OUTPUT_CHARS = 1_000_000  # far beyond any real letter; stops runaway templates


class TemplateProblem(Exception):
    """A body template that cannot be used, with its file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class _Sandbox(SandboxedEnvironment):
    """The sandbox, also holding each rendering within its :class:`TemplateLimits`.

    Every call, attribute, item and arithmetic a template makes passes through these
    hooks: each checks the clock, and the ones that could build large values measure
    them first (``drafter.templating.bounded``).
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        current = budget()
        current.tick()
        if (
            operator_name == "**"
            and isinstance(right, int)
            and (abs(right) > 64 or _bits(left) * abs(right) > MAX_POWER_BITS)
        ):
            # Jinja's ** is left-associative: (10**64)**64**64 grows through the base.
            raise jinja2.sandbox.SecurityError(_("exponent too large"))
        if operator_name == "*":
            if isinstance(left, int) and isinstance(right, int):
                if _bits(left) + _bits(right) > MAX_POWER_BITS:
                    raise jinja2.sandbox.SecurityError(_("result too large"))
            else:
                count = right if isinstance(right, int) else left if isinstance(left, int) else 1
                current.charge(max(_size(left), _size(right)) * abs(count))
            return operator.mul(left, right)
        if operator_name == "+":
            current.charge(_size(left) + _size(right))
            return operator.add(left, right)
        if operator_name == "%" and isinstance(left, str):
            check_percent(left, right, current)
            return operator.mod(left, right)
        return super().call_binop(context, operator_name, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        current = budget()
        current.enter()  # macros, caller() and recursive loops nest through here
        try:
            check_call(__obj, args, kwargs, current)
            if is_loop_call(__obj) and args:
                args = (counted(args[0]), *args[1:])
            result = super().call(__context, __obj, *args, **kwargs)
            check_result(__obj, result, current)
            return result
        finally:
            current.leave()

    def getattr(self, obj: Any, attribute: str) -> Any:
        budget().tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        budget().tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Any:
        sandboxed = super().wrap_str_format(value)
        if sandboxed is None:
            return None
        template, is_map = value.__self__, value.__name__ == "format_map"

        def measured(*args: Any, **kwargs: Any) -> Any:
            mapping = args[0] if is_map and args and isinstance(args[0], dict) else kwargs
            check_format(template, () if is_map else args, mapping, budget())
            return sandboxed(*args, **kwargs)

        return measured


MAX_POWER_BITS = 4096  # a 1233-digit number: far beyond any figure in a letter


def _bits(value: Any) -> int:
    if isinstance(value, int):
        return abs(value).bit_length()
    if isinstance(value, float):
        return 64
    return 1


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple | dict) else 1


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# Line starts that Markdown reads as a heading, quote or list item.
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+-])|(\d+)([.)]))", re.MULTILINE)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark, digits, delimiter = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{digits}\\{delimiter}"


def escape_markdown(text: str) -> str:
    """Make plain text show as written once parsed as Markdown."""
    return _MD_LINE_START.sub(_escape_line_start, _MD_SPECIAL.sub(r"\\\1", text))


def _escape_value(value: object) -> object:
    if isinstance(value, str):
        return escape_markdown(value)
    if isinstance(value, list):
        return [_escape_value(v) for v in value]
    return value


def _filter_date(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.date):
        return date_words(value)
    return "" if value is None else str(value)


def _make_environment(loader: jinja2.BaseLoader | None = None) -> _Sandbox:
    env = _Sandbox(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["upper"] = upper
    env.filters["date"] = _filter_date
    env.filters = bounded_filters(env)
    # Inserted by _Bounded when a template is compiled; see there.
    env.filters.update(
        {OUTPUT_FILTER: output_filter, LOOP_FILTER: loop_filter, CONCAT_FILTER: concat_filter}
    )
    # lipsum(n) builds n paragraphs of filler text in one go, beyond any output check.
    env.globals.pop("lipsum", None)
    env.globals["range"] = bounded_range
    return env


OUTPUT_FILTER, LOOP_FILTER, CONCAT_FILTER = "_drafter_output", "_drafter_loop", "_drafter_concat"


class _Bounded(NodeTransformer):
    """Routes what a template writes, loops over and joins with ``~`` through filters.

    Jinja compiles these into plain Python (a ``yield``, a ``for``, a ``join``) that no
    sandbox hook sees; as filters they are measured while the template runs: text
    written into a variable or a macro's result counts, and so does every loop step.
    """

    @staticmethod
    def _through(name: str, node: nodes.Node) -> nodes.Filter:
        return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [self._through(OUTPUT_FILTER, child) for child in node.nodes]
        return node

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = self._through(LOOP_FILTER, node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        joined = nodes.List(node.nodes, lineno=node.lineno)
        return self._through(CONCAT_FILTER, joined)


_ENV = _make_environment()


@dataclass
class BodyTemplate:
    """A compiled body template, checked against its type's declared fields."""

    doctype: DocType
    template: jinja2.Template

    def render(self, letter: Letter, limits: TemplateLimits | None = None) -> str:
        """The body text of *letter*; any fault, or a limit passed, is a TemplateProblem.

        *limits* default to :meth:`TemplateLimits.from_environment`.
        """
        limits = limits or TemplateLimits.from_environment()
        context = template_context(letter, self.doctype)
        # The output is counted as it is produced, so that a loop repeating a large
        # value stops at the limit instead of filling the memory first.
        chunks: list[str] = []
        total = 0
        try:
            with running(limits) as current:
                for chunk in self.template.generate(context):
                    total += len(chunk)
                    if total > limits.max_chars:
                        raise current.too_much_text()
                    chunks.append(chunk)
        except Exception as error:
            # Whatever a user's template does wrong (a range too big, text plus a
            # number…) is its fault, to be reported with its line, never a crash.
            raise TemplateProblem(
                self.doctype.template_path, _error_line(error), _describe(error)
            ) from error
        return "".join(chunks)


def template_context(letter: Letter, doctype: DocType) -> dict[str, Any]:
    """What a body template sees: its fields (plain text escaped) and the built-ins."""
    context: dict[str, Any] = {
        "body": letter.body,
        "subject": escape_markdown(letter.subject),
        "place": escape_markdown(letter.place),
        "date": letter.date,
        "issuer": {k: _escape_value(v) for k, v in vars(letter.issuer).items()},
        "issuer_name": escape_markdown(
            letter.issuer.name_in_sentence or " ".join(letter.issuer.name)
        ),
        "kinh_gui": _escape_value(letter.kinh_gui),
        "number": letter.number,
    }
    for spec in doctype.fields:
        value = letter.fields.get(spec.id, spec.empty_value())
        context[spec.id] = value if spec.kind is FieldKind.MARKDOWN else _escape_value(value)
    return context


def _error_line(error: Exception) -> int | None:
    line = getattr(error, "lineno", None)
    if line:
        return int(line)
    # Runtime errors carry the template line in their traceback frames.
    tb = error.__traceback__
    found = None
    while tb is not None:
        if (
            tb.tb_frame.f_code.co_filename == "<template>"
            or tb.tb_frame.f_globals.get("__jinja_template__") is not None
        ):
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _describe(error: BaseException) -> str:
    if isinstance(error, TemplateLimitError):
        return str(error)
    if isinstance(error, RecursionError):
        return _("the template nests calls too deeply")
    if isinstance(error, MemoryError):
        return _("the template needs more memory than there is")
    if isinstance(error, jinja2.UndefinedError):
        return _("uses a value that does not exist: {detail}").format(detail=error.message)
    if isinstance(error, jinja2.sandbox.SecurityError):
        return _("tries something templates may not do: {detail}").format(detail=error)
    if isinstance(error, jinja2.TemplateSyntaxError):
        return _("syntax error: {detail}").format(detail=error.message)
    return str(error) or _("the template failed ({error})").format(error=type(error).__name__)


_cache: dict[tuple[str, float], BodyTemplate] = {}


MAX_TEMPLATE_BYTES = 1_000_000  # a real body template is a few kilobytes


def load_body_template(doctype: DocType) -> BodyTemplate:
    """Compile and check the body template of *doctype* (cached while unchanged)."""
    path = doctype.template_path
    try:
        status = path.stat()
        key = (str(path), status.st_mtime)
        if key in _cache:
            return _cache[key]
        source = _read_template(path, status)
    except FileNotFoundError:
        raise TemplateProblem(path, None, _("the template file is missing")) from None
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateProblem(path, None, _("cannot be read as UTF-8 text")) from error
    template = compile_template(source, doctype, path)
    _cache[key] = template
    return template


def _read_template(path: Path, status: os.stat_result) -> str:
    """The text of *path*: a regular file of reasonable size, never a FIFO or a device."""
    if not stat.S_ISREG(status.st_mode):
        raise TemplateProblem(path, None, _("is not a regular file"))
    with path.open("rb") as stream:
        raw = stream.read(MAX_TEMPLATE_BYTES + 1)
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise TemplateProblem(
            path,
            None,
            _("the template file is too large (more than {size} MB)").format(
                size=MAX_TEMPLATE_BYTES // 1_000_000
            ),
        )
    return raw.decode("utf-8")


def compile_template(
    source: str,
    doctype: DocType,
    path: Path | str = "<template>",
) -> BodyTemplate:
    try:
        tree = _ENV.parse(source, filename=str(path))
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblem(path, error.lineno, _describe(error)) from error
    except (RecursionError, MemoryError) as error:
        raise TemplateProblem(path, None, _("the template is nested too deeply")) from error
    try:
        check_template(tree, doctype, path)
        template = _ENV.from_string(_Bounded().visit(tree))
    except jinja2.TemplateError as error:
        raise TemplateProblem(path, _error_line(error), _describe(error)) from error
    except (RecursionError, MemoryError, SyntaxError) as error:
        # Python's own compiler has limits too (nesting, size of an expression).
        raise TemplateProblem(path, None, _("the template is nested too deeply")) from error
    return BodyTemplate(doctype, template)


def _is_data(node: nodes.Node) -> bool:
    """A field, a part of it, or a filter of it: something the letter's data bounds.

    Loops over anything else (``range(10**5)`` inside ``range(10**5)``, ``'a' * 10**6``)
    could run for hours while producing nothing, out of reach of the output limit.
    """
    while isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Filter):
        node = node.node  # type: ignore[assignment]
        if node is None:
            return False
    return isinstance(node, nodes.Name)


def check_template(tree: nodes.Template, doctype: DocType, path: Path | str) -> None:
    """Every variable used must be declared, and every declared field used."""
    declared = {f.id for f in doctype.fields}
    used = meta.find_undeclared_variables(tree)
    unknown = sorted(used - declared - BUILTIN_NAMES)
    if unknown:
        name = unknown[0]
        line = next((n.lineno for n in tree.find_all(nodes.Name) if n.name == name), None)
        raise TemplateProblem(
            path,
            line,
            _(
                "uses '{name}', which is not a field of this type; declare it in type.toml or "
                "use one of: {names}"
            ).format(name=name, names=", ".join(sorted(declared | BUILTIN_NAMES))),
        )
    if any(
        isinstance(n, nodes.Extends | nodes.Include | nodes.Import | nodes.FromImport)
        for n in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport))
    ):
        raise TemplateProblem(path, None, _("may not include or import other templates"))
    for loop in tree.find_all(nodes.For):
        if not _is_data(loop.iter):
            raise TemplateProblem(
                path,
                loop.lineno,
                _("a loop may only go over a field, such as 'for line in can_cu'"),
            )
    unused = sorted(declared - used)
    if unused:
        raise TemplateProblem(
            path,
            None,
            _(
                "does not use the declared field '{name}'; use it or remove it from type.toml"
            ).format(name=unused[0]),
        )
