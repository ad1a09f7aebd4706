"""A tiny pretty printer for generated calls: flat when it fits the line, else one argument per line."""

from __future__ import annotations

import attrs

from .literals import literal

__all__ = ["LINE_LIMIT", "Call", "Dict", "Node", "render"]

LINE_LIMIT = 110


@attrs.frozen
class Call:
    callee: str
    args: tuple[Node, ...]


@attrs.frozen
class Dict:
    """``{"name": name, ...}`` for Python names passed through unchanged."""

    names: tuple[str, ...]


Node = str | Call | Dict


def flat(node: Node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, Dict):
        return "{" + ", ".join(f"{literal(name)}: {name}" for name in node.names) + "}"
    return f"{node.callee}({', '.join(flat(arg) for arg in node.args)})"


def render(node: Node, indent: int, prefix: str = "", suffix: str = "") -> list[str]:
    pad = " " * indent
    one_line = f"{pad}{prefix}{flat(node)}{suffix}"
    if len(one_line) <= LINE_LIMIT or isinstance(node, str):
        return [one_line]
    inner = " " * (indent + 4)
    if isinstance(node, Dict):
        entries = [f"{inner}{literal(name)}: {name}," for name in node.names]
        return [f"{pad}{prefix}{{", *entries, f"{pad}}}{suffix}"]
    lines = [f"{pad}{prefix}{node.callee}("]
    for arg in node.args:
        lines += render(arg, indent + 4, suffix=",")
    lines.append(f"{pad}){suffix}")
    return lines
