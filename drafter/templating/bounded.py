"""Template operations that could build huge values, bounded before they run.

Jinja's filters and Python's string methods can turn a short template line into
gigabytes (``x|center(10**9)``, ``s.join(s)``, ``('%s' * 9999) % t``).  Each such
operation is given here an estimate of the size it would make, checked against the
running :class:`~drafter.templating.limits.Budget` *before* the value exists; the
result is then charged to the budget.  Filters that write HTML or JSON (of no use in a
letter's Markdown body, and hard to bound) are left out.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from functools import wraps
from typing import Any, cast

import jinja2
from jinja2.runtime import LoopContext
from jinja2.utils import Namespace

from drafter.templating.limits import Budget, budget

# Filters left out: their output is HTML or JSON, never needed in a Markdown body.
UNAVAILABLE_FILTERS = frozenset({"tojson", "pprint", "xmlattr", "urlize"})
SMALL = 32  # the text of a number, a date or an object shown by its name


def text_size(value: object, cap: int) -> int:
    """About how many characters ``str(value)`` would make; stops counting past *cap*.

    Walks lists, tuples, sets and dicts (a list can hold the same long text a million
    times), without recursion and counting a container met twice only once.
    """
    total = 0
    seen: set[int] = set()
    stack: list[object] = [value]
    while stack and total <= cap:
        item = stack.pop()
        if isinstance(item, jinja2.Undefined):
            total += SMALL  # checked, not used: 'default' and 'is defined' accept it
        elif isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, range):
            total += SMALL
        elif isinstance(item, list | tuple | set | frozenset | dict | Namespace) or (
            isinstance(item, Mapping | Iterable) and hasattr(item, "__len__")
        ):
            if id(item) in seen:
                total += SMALL
                continue
            seen.add(id(item))
            if isinstance(item, Namespace):
                item = item._Namespace__attrs
            if isinstance(item, Mapping):
                stack.extend(item.keys())
                stack.extend(item.values())
            else:
                stack.extend(item)
            total += 2
        else:
            total += SMALL
    return total


def _text_sizes(values: Iterable[object], cap: int) -> int:
    return max((text_size(v, cap) for v in values), default=0)


def check_arguments(args: tuple[Any, ...], kwargs: Mapping[str, Any], current: Budget) -> None:
    """Refuse arguments whose text alone is beyond the limit (a list of huge texts…)."""
    cap = current.limits.max_chars
    for value in (*args, *kwargs.values()):
        if not isinstance(value, int | float | bool | str) and text_size(value, cap) > cap:
            raise current.too_much_text()


def _width(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def materialize(iterable: Iterable[Any], current: Budget) -> list[Any]:
    """A list of *iterable*'s items, refused once it would pass the limit."""
    if isinstance(iterable, list | tuple | str | dict | set | frozenset | range):
        current.allow(len(iterable))
        return list(iterable)
    items: list[Any] = []
    for item in iterable:
        items.append(item)
        if len(items) % 1024 == 0:
            current.allow(len(items))
    current.allow(len(items))
    return items


# -- string formatting: '%' and str.format -------------------------------------------

_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([a-zA-Z%])")


def check_percent(template: str, args: object, current: Budget) -> None:
    """``template % args``: each conversion may print the largest argument, padded."""
    cap = current.limits.max_chars
    conversions = [m for m in _PERCENT.finditer(template) if m.group(3) != "%"]
    widths = [int(n) for m in conversions for n in m.group(1, 2) if n and n != "*"]
    values = (
        list(args.values())
        if isinstance(args, Mapping)
        else list(args)
        if isinstance(args, tuple)
        else [args]
    )
    widths += [_width(v) for v in values]
    widest = max(widths, default=0)
    current.allow(widest)
    largest = _text_sizes(values, cap)
    current.charge(len(template) + len(conversions) * (largest + widest))


def check_format(
    template: str, args: tuple[Any, ...], kwargs: Mapping[str, Any], current: Budget
) -> None:
    """``template.format(...)``: each field may print the largest argument, padded."""
    cap = current.limits.max_chars
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return  # str.format reports the mistake itself
    specs = [spec or "" for _text, name, spec, _conv in parsed if name is not None]
    widths = [int(n) for spec in specs for n in re.findall(r"\d+", spec)]
    if any("{" in spec for spec in specs):
        # A width taken from a value, '{:{w}}': any number among them may be one.
        values = (*args, *kwargs.values())
        widths += [_width(v) for v in values]
        widths += [int(v) for v in values if isinstance(v, str) and v.isdigit() and len(v) < 20]
    widest = max(widths, default=0)
    current.allow(widest)
    largest = _text_sizes((*args, *kwargs.values()), cap)
    current.charge(len(template) + len(specs) * (largest + widest))


# -- string methods called from a template --------------------------------------------


def _check_str_method(
    text: str, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any], current: Budget
) -> None:
    cap = current.limits.max_chars
    if name in ("center", "ljust", "rjust", "zfill"):
        width = _width(args[0] if args else kwargs.get("width", 0))
        current.charge(max(len(text), width))
    elif name == "expandtabs":
        size = _width(args[0] if args else kwargs.get("tabsize", 8))
        current.allow(size)
        current.charge(len(text) + text.count("\t") * size)
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        _check_replace(text, args[0], args[1], args[2] if len(args) > 2 else None, current)
    elif name == "join" and args:
        items = materialize(args[0], current)
        current.charge(text_size(items, cap) + len(text) * max(len(items) - 1, 0))
    elif name == "translate" and isinstance(args[0] if args else None, Mapping):
        longest = max((text_size(v, cap) for v in args[0].values()), default=1)
        current.charge(len(text) * max(longest, 1))


def _check_replace(text: str, old: str, new: str, count: object, current: Budget) -> None:
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    current.charge(len(text) + found * max(len(new) - len(old), 0))


def check_call(
    function: Any, args: tuple[Any, ...], kwargs: Mapping[str, Any], current: Budget
) -> None:
    """Before a call from a template: the string methods that multiply text."""
    owner = getattr(function, "__self__", None)
    if isinstance(owner, str):
        _check_str_method(owner, getattr(function, "__name__", ""), args, kwargs, current)


def check_result(function: Any, result: object, current: Budget) -> None:
    """After a call: a value too large, or a list or dict grown in place, is refused."""
    if isinstance(result, str | list | tuple | dict | set | bytes):
        current.charge(len(result))
    owner = getattr(function, "__self__", None)
    if isinstance(owner, list | dict | set):
        current.allow(len(owner))


# -- filters --------------------------------------------------------------------------

Filter = Callable[..., Any]
Arguments = tuple[Any, ...]

# Filters whose whole-number arguments are widths or counts of what they make.
_COUNTING_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice"})


def _argument(
    own: Arguments, kwargs: Mapping[str, Any], index: int, name: str, default: Any
) -> Any:
    return kwargs.get(name, own[index] if len(own) > index else default)


def _precheck_indent(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    text = str(own[0])
    width = _argument(own, kwargs, 1, "width", 4)
    prefix = len(width) if isinstance(width, str) else _width(width)
    current.charge(len(text) + prefix * (text.count("\n") + 1))
    return own


def _precheck_wordwrap(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    text = str(own[0])
    width = max(_width(_argument(own, kwargs, 1, "width", 79)), 1)
    wrapstring = _argument(own, kwargs, 3, "wrapstring", None)
    separator = len(wrapstring) if isinstance(wrapstring, str) else 1
    lines = len(text) // width + text.count(" ") + text.count("\n") + 1
    current.charge(len(text) + lines * separator)
    # textwrap copies the rest of a long word for each line it cuts from it.
    current.charge((len(text) // width + 1) * len(text) // 1000)
    return own


def _precheck_join(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    items = materialize(own[0], current)
    separator = _argument(own, kwargs, 1, "d", "")
    cap = current.limits.max_chars
    size = len(separator) if isinstance(separator, str) else text_size(separator, cap)
    current.charge(text_size(items, cap) + size * max(len(items) - 1, 0))
    return (items, *own[1:])


def _precheck_list(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    return (materialize(own[0], current), *own[1:])


def _precheck_sum(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    items = materialize(own[0], current)
    start = _argument(own, kwargs, 2, "start", 0)
    if isinstance(start, list | tuple) or any(isinstance(i, list | tuple) for i in items):
        current.charge(sum(len(i) for i in items if isinstance(i, list | tuple)))
    return (items, *own[1:])


def _precheck_format(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    if isinstance(own[0], str):
        check_percent(own[0], kwargs or own[1:], current)
    return own


def _precheck_replace(own: Arguments, kwargs: Mapping[str, Any], current: Budget) -> Arguments:
    old, new = _argument(own, kwargs, 1, "old", ""), _argument(own, kwargs, 2, "new", "")
    _check_replace(
        str(own[0]), str(old), str(new), _argument(own, kwargs, 3, "count", None), current
    )
    return own


Precheck = Callable[[Arguments, Mapping[str, Any], Budget], Arguments]
_PRECHECKS: dict[str, Precheck] = {
    "indent": _precheck_indent,
    "wordwrap": _precheck_wordwrap,
    "join": _precheck_join,
    "list": _precheck_list,
    "sum": _precheck_sum,
    "format": _precheck_format,
    "replace": _precheck_replace,
}


def _guarded(name: str, original: Filter) -> Filter:
    """*original*, run only after its arguments and its estimated result are checked."""
    precheck = _PRECHECKS.get(name)
    counting = name in _COUNTING_FILTERS
    lead = 1 if getattr(original, "jinja_pass_arg", None) else 0  # context or environment

    @wraps(original)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        current = budget()
        current.tick()
        own = args[lead:]
        check_arguments(own, kwargs, current)
        if counting:
            # A width or a count beyond the limit can only make too much text.
            current.allow(max((_width(v) for v in (*own[1:], *kwargs.values())), default=0))
        if precheck is not None and own:
            own = precheck(own, kwargs, current)
        result = original(*args[:lead], *own, **kwargs)
        if isinstance(result, str | list | tuple):
            current.charge(len(result))
        return result

    return guarded


def bounded_filters(environment: jinja2.Environment) -> dict[str, Filter]:
    """Every filter of *environment*, guarded; the HTML and JSON ones left out."""
    return {
        name: _guarded(name, original)
        for name, original in environment.filters.items()
        if name not in UNAVAILABLE_FILTERS
    }


def bounded_range(*args: int) -> range:
    """``range``, whose length counts as loop iterations."""
    current = budget()
    result = range(*args)
    if len(result) > current.limits.max_loops:
        raise current.too_many_loops()
    return result


# -- loops and output, inserted into the template when it is compiled -----------------


class Counted:
    """An iterable whose every step counts against the budget's loop limit."""

    def __init__(self, iterable: Iterable[Any]) -> None:
        self.iterable = iterable

    def __iter__(self) -> Iterator[Any]:
        current = budget()
        for item in self.iterable:
            current.iterate()
            yield item


class CountedSized(Counted):
    """A counted iterable that keeps its length, for ``loop.length`` and ``loop.last``."""

    def __len__(self) -> int:
        return len(cast(Sized, self.iterable))  # made only for iterables that have a length


def counted(iterable: Any) -> Counted:
    return CountedSized(iterable) if hasattr(iterable, "__len__") else Counted(iterable)


@jinja2.pass_context  # never evaluated when the template is compiled: only while it runs
def loop_filter(_context: Any, iterable: Any) -> Counted:
    return counted(iterable)


@jinja2.pass_context
def output_filter(_context: Any, value: Any) -> str:
    """Every piece of text a template writes, even into a variable or a macro's result."""
    current = budget()
    if not isinstance(value, str):
        current.charge(text_size(value, current.limits.max_chars))
    text = str(value)
    current.charge(len(text))
    return text


@jinja2.pass_context
def concat_filter(_context: Any, values: list[Any]) -> str:
    """``a ~ b ~ c``, measured before it is joined."""
    current = budget()
    cap = current.limits.max_chars
    current.charge(sum(text_size(v, cap) for v in values))
    return "".join(str(v) for v in values)


def is_loop_call(function: object) -> bool:
    """A recursive loop's ``loop(children)``, whose items must be counted too."""
    return isinstance(function, LoopContext)
