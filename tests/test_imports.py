"""Reading the imports: every module of the package imports, no two modules import each
other (directly or round a longer cycle) when loaded, and the store is persistence only."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "drafter"
# Loaded by Alembic as scripts, or run as a program: never imported as modules.
NOT_IMPORTABLE = ("drafter.store.migrations.env", "drafter.store.migrations.versions.")
# The store keeps letters and numbers; composing, writing and showing them are above it.
ABOVE_THE_STORE = ("drafter.render", "drafter.app", "drafter.compose", "drafter.ui")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The drafter modules an import statement loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
            for _up in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        # ``from drafter.store import engine`` loads the module drafter.store.engine.
        names = [
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
            for alias in node.names
        ]
    return [name for name in names if name in MODULES]


def imports(module: str, *, top_level: bool) -> set[str]:
    """The drafter modules *module* imports: when it is loaded (*top_level*: module level,
    not under ``if TYPE_CHECKING``), or anywhere in it."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.update(_targets(node, module))
            elif isinstance(node, ast.If):
                if not _is_type_checking(node):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                for block in (
                    node.body,
                    node.orelse,
                    node.finalbody,
                    *(handler.body for handler in node.handlers),
                ):
                    visit(block)
            elif isinstance(node, ast.With):
                visit(node.body)

    if top_level:
        visit(tree.body)
    else:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found.update(_targets(node, module))
    found.discard(module)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of *graph* (its modules in order, the first repeated at the end), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                cycle = walk(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            cycle = walk(node)
            if cycle:
                return cycle
    return []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_module_of_drafter_imports_itself_round_a_cycle_when_loaded() -> None:
    graph = {module: imports(module, top_level=True) for module in MODULES}
    assert find_cycle(graph) == []


def test_the_store_imports_nothing_that_composes_writes_or_shows_a_letter() -> None:
    store = [m for m in MODULES if m.startswith("drafter.store")]
    assert "drafter.store.engine" in store
    wrong = {
        module: sorted(t for t in imports(module, top_level=False) if t.startswith(ABOVE_THE_STORE))
        for module in store
    }
    assert {m: t for m, t in wrong.items() if t} == {}


def test_the_upgrade_does_not_import_the_engine_that_runs_it() -> None:
    assert "drafter.store.engine" not in imports("drafter.store.migrate", top_level=False)
    assert "drafter.store.migrate" not in imports("drafter.store.engine", top_level=True)


@pytest.mark.parametrize(
    "module",
    [m for m in MODULES if not m.endswith("__main__") and not m.startswith(NOT_IMPORTABLE)],
)
def test_every_module_imports(module: str) -> None:
    importlib.import_module(module)
