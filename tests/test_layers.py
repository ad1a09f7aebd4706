"""The package's layers point downward: no module imports one above it (TYPE_CHECKING imports aside).

Bottom up: base data and errors → models, signing, guards → limiter → the one response function → send loop →
request building → client and generated endpoints → everything built on the client (testing kit, streams, CLI).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "threecommas_async"

RANKS: dict[str, int] = {
    "_version": 0,
    "_clock": 0,
    "_exceptions": 0,
    "_json": 0,
    "_wire": 0,
    "_endpoint": 0,
    "_scalars": 0,
    "_response": 0,
    "params": 5,
    "_param_fields": 5,
    "models": 1,
    "_auth": 1,
    "_credentials": 1,
    "_guards": 1,
    "_ratelimit": 2,
    "_interpret": 3,
    "_sender": 4,
    "_http": 4,
    "_http_aiohttp": 4,
    "_validation": 5,
    "_pagination": 5,
    "_resource": 5,
    "_client": 6,
    "resources": 6,
    "streams": 6,
}
TOP = 7


def rank(module: str) -> int:
    """The layer of ``threecommas_async.<module>``; modules not listed sit on top (built on the client)."""
    return RANKS.get(module.split(".")[0], TOP)


def runtime_imports(path: Path) -> set[str]:
    """Package-relative modules imported by ``path`` at run time (outside ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text())
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for branch in node.orelse:
                visit(branch)
            return
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
            if node.module is None:
                found.update(f"{target}.{alias.name}" for alias in node.names)
            else:
                found.add(target)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("threecommas_async."):
            found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {name.removeprefix("threecommas_async.") for name in found if name.startswith("threecommas_async.")}


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if ".venv" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_layer_above_it(path: Path) -> None:
    own = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    upward = sorted(name for name in runtime_imports(path) if rank(name) > rank(own))
    assert not upward, f"{own} (layer {rank(own)}) imports {upward}"


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    assert rank("_sender") > rank("_interpret") > rank("_ratelimit") > rank("models")
    assert "_client" in runtime_imports(PACKAGE / "__init__.py")
    assert runtime_imports(PACKAGE / "_interpret.py") >= {"_ratelimit", "_exceptions"}
