"""Line layout for generated calls: flat when a statement fits the line, else its items filled line by line."""

from __future__ import annotations

from .literals import literal

__all__ = ["LINE_LIMIT", "fill", "fill_dict", "wrap"]

LINE_LIMIT = 110


def fill(items: list[str], indent: int, prefix: str, suffix: str, *, brackets: str = "") -> list[str]:
    """``{prefix}{open}a, b, c{close}{suffix}`` on one line if it fits, else the items filled under it.

    ``brackets`` is the opening and closing pair that wraps the items (``"{}"``, ``"()"``) or empty.
    """
    opening, closing = (brackets[0], brackets[1]) if brackets else ("", "")
    pad = " " * indent
    one_line = f"{pad}{prefix}{opening}{', '.join(items)}{closing}{suffix}"
    if len(one_line) <= LINE_LIMIT:
        return [one_line]
    return [f"{pad}{prefix}{opening}", *wrap(items, indent + 4), f"{pad}{closing}{suffix}"]


def wrap(items: list[str], indent: int) -> list[str]:
    """The items, each followed by a comma, as few lines as fit the limit at ``indent``."""
    inner = " " * indent
    lines: list[str] = []
    current = inner
    for item in items:
        candidate = f"{current}{item},"
        if current != inner and len(candidate) > LINE_LIMIT:
            lines.append(current.rstrip())
            candidate = f"{inner}{item},"
        current = candidate + " "
    return [*lines, current.rstrip()] if items else lines


def fill_dict(names: tuple[str, ...], indent: int, prefix: str, suffix: str) -> list[str]:
    """A ``{"name": name, ...}`` literal of Python names passed through unchanged, laid out by :func:`fill`."""
    return fill([f"{literal(name)}: {name}" for name in names], indent, prefix, suffix, brackets="{}")
