"""The package's imports go one way: each room imports only rooms below it, and no modules
import each other in a circle.  Read from the source with ``ast`` (imports inside functions
count too), so a new arrow upward fails here before it becomes a tangle.

The rooms, lowest first (README, "Architecture"):
"""

from __future__ import annotations

import ast
from pathlib import Path

import fundparse

PACKAGE = Path(fundparse.__file__).parent

# lowest first; a module imports only from its own layer or those before it
LAYERS = [
    ("data", ["fundparse.patterns", "fundparse.startup", "fundparse.model", "fundparse.krw", "fundparse.messages", "fundparse.rules", "fundparse.rules.tables",
              "fundparse.rules.markers", "fundparse.readers"]),
    ("numbers", ["fundparse.numerals", "fundparse.amount", "fundparse.fx",
                 "fundparse.rules.money", "fundparse.rules.context", "fundparse.config", "fundparse.schema",
                 "fundparse.userfiles"]),
    ("engine", ["fundparse.engine"]),
    ("structure", ["fundparse.structure"]),
    ("checks", ["fundparse.checks", "fundparse.suppress"]),
    ("records", ["fundparse.records"]),
    ("pipeline", ["fundparse.pipeline", "fundparse.stream"]),
    ("outputs", ["fundparse.report", "fundparse.etl", "fundparse.spark", "fundparse.gold",
                 "fundparse.service", "fundparse.serve"]),
    ("cli", ["fundparse.cli", "fundparse.eval", "fundparse.__main__"]),
]

__doc__ += "\n".join(f"    {n}. {name}: {', '.join(mods)}" for n, (name, mods) in
                     enumerate(LAYERS, 1))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The fundparse modules ``name`` imports (a name imported from a package counts as that
    package's submodule when there is one)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return {m for m in found if m in MODULES and m != "fundparse" and m != name}


def layer_of(name: str) -> int:
    """The layer of the longest prefix in LAYERS that names the module or a package of it."""
    best = max(((len(p), n) for n, (_, prefixes) in enumerate(LAYERS) for p in prefixes
                if name == p or name.startswith(p + ".")), default=None)
    assert best is not None, f"{name} is in no layer: add it to LAYERS (and README, Architecture)"
    return best[1]


def test_every_module_has_a_layer():
    for name in MODULES:
        if name != "fundparse":
            layer_of(name)


def test_no_import_points_upward():
    upward = []
    for name in MODULES:
        if name == "fundparse":  # the public API imports lazily from the layers it exposes
            continue
        for target in imports_of(name):
            if layer_of(target) > layer_of(name):
                upward.append(f"{name} ({LAYERS[layer_of(name)][0]}) -> "
                              f"{target} ({LAYERS[layer_of(target)][0]})")
    assert upward == []


def test_report_only_renders():
    # report/ is fed results (by cli/batch, cli/review, etl); it never runs the pipeline itself
    for name in MODULES:
        if name.startswith("fundparse.report"):
            assert not {t for t in imports_of(name)
                        if t.startswith(("fundparse.pipeline", "fundparse.engine",
                                         "fundparse.structure", "fundparse.readers"))}, name


def test_no_circles():
    # a package may load its own parts, which import what the package defines
    graph = {name: {t for t in imports_of(name) if not t.startswith(name + ".")}
             for name in MODULES if name != "fundparse"}
    circles = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                circles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, path + [target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


def test_the_walk_sees_the_arrows():
    # the walk itself reads imports, relative ones and those inside functions
    assert "fundparse.engine" in imports_of("fundparse.pipeline")
    assert "fundparse.cli.review" not in imports_of("fundparse.report.html")
    assert "fundparse.rules.tables" in imports_of("fundparse.cli.commands")  # a lazy import


def test_the_rule_codes_below_checks_name_every_check():
    # the configuration (a lower room) validates codes against model.RULE_CODES
    from fundparse.checks import CHECKS
    from fundparse.model import RULE_CODES

    assert sorted(RULE_CODES) == sorted(CHECKS)
