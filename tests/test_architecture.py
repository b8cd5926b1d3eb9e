"""The package's shape: no module of `audit` imports, even lazily, a module that imports it back."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "audit"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """Every module of the package that `path` imports anywhere (top level or inside a function)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {name: imported_modules(path, known) - {name} for name, path in paths.items()}


def test_the_graph_sees_the_package() -> None:
    graph = import_graph()
    assert "audit.pipeline" in graph
    assert "audit.model" in graph["audit.pipeline"]


def test_no_import_circle() -> None:
    graph = import_graph()
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        pytest.fail(f"import circle: {' -> '.join(err.args[1])}")


def test_renderers_import_no_command() -> None:
    graph = import_graph()
    for name, deps in graph.items():
        if name.startswith("audit.render"):
            assert not deps & {"audit.gate", "audit.cli", "audit.report", "audit.corpus"}, name


def test_attribution_is_one_package_seen_from_outside() -> None:
    """Outside `audit.attribute` only its `__init__` is imported; inside, its modules call only one
    another and the shared data model and lexicon loader (originators are part of the package)."""
    graph = import_graph()
    for name, deps in graph.items():
        inner = {d for d in deps if d.startswith("audit.attribute.")}
        if not name.startswith("audit.attribute"):
            assert not inner, name
        else:
            outer = {d for d in deps if not d.startswith("audit.attribute")}
            assert outer <= {"audit.model", "audit.lexicon"}, name
