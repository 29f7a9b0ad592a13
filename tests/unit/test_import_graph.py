"""No import cycle in the core, between packages (the layers contract) or between modules.

import-linter's layers contract (pyproject.toml, run by `make test`) fails a cycle between
packages; this test fails one between two modules of the same package (gmail ↔ gmail_auth,
review.context ↔ review.measure were such), whether the import is at the top or in a function.
"""

from __future__ import annotations

import grimp


def _cycles(graph: grimp.ImportGraph, modules: list[str]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    edges = {m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in modules) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_two_modules_of_the_core_import_each_other() -> None:
    graph = grimp.build_graph("app", exclude_type_checking_imports=True)
    modules = sorted(m for m in graph.modules if m.startswith("app"))
    assert len(modules) > 100
    assert _cycles(graph, modules) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(name)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.x")
    graph.add_import(importer="a.z", imported="a.x")
    assert _cycles(graph, ["a.x", "a.y", "a.z"]) == [["a.x", "a.y"]]
