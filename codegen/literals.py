"""Python source literals in the style ruff and the project use (double quotes)."""

from __future__ import annotations

import json
from decimal import Decimal

__all__ = ["decimal_literal", "literal"]


def literal(value: str | int | bool | None) -> str:
    """A Python literal for a str, int, bool or None, strings double-quoted."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def decimal_literal(value: Decimal) -> str:
    return f'Decimal("{value}")'
