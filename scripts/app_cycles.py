"""Fails when the apps of kuulo/ import each other in a cycle.

Reads every module of every app (migrations aside) and every import in it, at module level or
inside a function alike, and draws an edge from the importing app to the imported one. Prints the
edges of any cycle (a strongly connected group of apps) and exits 1; prints a one-line summary and
exits 0 when the graph between apps has no cycle. `make checks` runs it.
"""

import ast
import itertools
import pathlib
import sys
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter

ROOT = pathlib.Path(__file__).resolve().parent.parent / "kuulo"


def app_imports() -> dict[str, dict[str, list[str]]]:
    """{app: {imported app: ["module.py: kuulo.x.y", ...]}}"""
    apps = {path.name for path in ROOT.iterdir() if (path / "__init__.py").exists()}
    edges: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for module in sorted(ROOT.rglob("*.py")):
        parts = module.relative_to(ROOT).parts
        if len(parts) < 2 or parts[0] not in apps or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                target = name.split(".")
                if len(target) > 1 and target[0] == "kuulo" and target[1] in apps and target[1] != parts[0]:
                    edges[parts[0]][target[1]].append(f"{'/'.join(parts)}: {name}")
    return edges


def main() -> int:
    edges = app_imports()
    try:
        order = list(TopologicalSorter({app: set(targets) for app, targets in edges.items()}).static_order())
    except CycleError as error:
        cycle = error.args[1][::-1]  # graphlib lists each app before the app that imports it
        print("Import cycle between apps:", " → ".join(cycle))
        for source, target in itertools.pairwise(cycle):
            for where in edges[source][target]:
                print(f"  {source} → {target}  ({where})")
        return 1
    print(f"No import cycle between the {len(order)} apps; from the bottom up: {' '.join(order)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
