"""How parameter values become query-string and form pairs (Rails bracket style).

``{"a": {"b": 1}, "ids": [1, 2]}`` becomes ``a[b]=1&ids[]=1&ids[]=2``. Booleans are ``true``/``false``,
Decimals keep every digit, None values are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

__all__ = ["flatten_pairs", "scalar_text"]


def scalar_text(value: Any) -> str:
    """The wire text of one scalar parameter value."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot send non-finite Decimal {value!r}")
        return str(value)
    if isinstance(value, float):
        return float.__repr__(value)
    return str(value)


def flatten_pairs(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Flatten a (possibly nested) mapping into ordered ``(key, text)`` pairs, skipping None."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        _flatten(key, value, pairs)
    return pairs


def _flatten(prefix: str, value: Any, pairs: list[tuple[str, str]]) -> None:
    if value is None:
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{prefix}[{key}]", item, pairs)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _flatten(f"{prefix}[]", item, pairs)
    else:
        pairs.append((prefix, scalar_text(value)))

