"""Request parameters as the fake reads them: query string, form or JSON body, Rails bracket names.

Query and body are merged with the query string winning on conflict (as documented). Form and query
names like ``a[b][c]`` and ``ids[]`` become nested dicts and lists. Typed accessors answer with a
``400 record_invalid`` error body (``error_attributes`` naming the field) when a value does not fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, overload
from urllib.parse import parse_qsl

from .._json import loads
from ._http import ApiFailure, invalid_param

__all__ = ["Params", "parse_params"]

_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


def parse_params(query_string: bytes, body: bytes, content_type: str | None) -> Params:
    """Merge query string and body (JSON or form) into one :class:`Params`; the query wins."""
    merged: dict[str, Any] = {}
    if body.strip():
        merged.update(_parse_body(body, content_type))
    merged.update(nest_pairs(parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)))
    return Params(merged)


def _parse_body(body: bytes, content_type: str | None) -> dict[str, Any]:
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        return nest_pairs(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    try:
        decoded = loads(body)
    except ValueError:
        raise ApiFailure(400, "invalid_json", "The request body is not valid JSON") from None
    if not isinstance(decoded, dict):
        raise ApiFailure(400, "invalid_json", "The request body must be a JSON object")
    return decoded


def nest_pairs(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Rails-style nesting: ``a[b]=1`` -> ``{"a": {"b": "1"}}``, ``ids[]=1&ids[]=2`` -> lists."""
    root: dict[str, Any] = {}
    for name, value in pairs:
        head, _, rest = name.partition("[")
        keys = [head] + ([part.rstrip("]") for part in ("[" + rest).split("[")[1:]] if rest else [])
        _assign(root, keys, value)
    return root


def _assign(container: dict[str, Any], keys: list[str], value: str) -> None:
    key, rest = keys[0], keys[1:]
    if not rest:
        container[key] = value
        return
    if rest[0] == "":
        items = container.setdefault(key, [])
        if not isinstance(items, list):
            items = container[key] = []
        _append(items, rest[1:], value)
        return
    child = container.get(key)
    if not isinstance(child, dict):
        child = container[key] = {}
    _assign(child, rest, value)


def _append(items: list[Any], keys: list[str], value: str) -> None:
    if not keys:
        items.append(value)
        return
    last = items[-1] if items and isinstance(items[-1], dict) else None
    if last is None or _has_path(last, keys):
        last = {}
        items.append(last)
    _assign(last, keys, value)


def _has_path(item: dict[str, Any], keys: list[str]) -> bool:
    """True when ``item`` already holds a value at ``keys`` (Rails then starts a new array item)."""
    node: Any = item
    for key in keys:
        if key == "" or not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


class Params:
    """Read-only access to merged request parameters, with typed accessors."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = dict(data)

    def __contains__(self, name: str) -> bool:
        return self._data.get(name) is not None

    def raw(self, name: str) -> Any:
        return self._data.get(name)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._data)

    @overload
    def text(self, name: str, default: str, *, choices: Iterable[str] | None = None) -> str: ...

    @overload
    def text(self, name: str, default: None = None, *, choices: Iterable[str] | None = None) -> str | None: ...

    def text(self, name: str, default: str | None = None, *, choices: Iterable[str] | None = None) -> str | None:
        value = self._data.get(name)
        if value is None or value == "":
            return default
        if not isinstance(value, (str, int, Decimal)) or isinstance(value, bool):
            raise invalid_param(name, "must be a string")
        text = str(value)
        if choices is not None:
            allowed = list(choices)
            lowered = {choice.lower(): choice for choice in allowed}
            if text.lower() not in lowered:
                raise invalid_param(name, f"is not included in the list ({', '.join(allowed)})")
            return lowered[text.lower()]
        return text

    def require_text(self, name: str, *, choices: Iterable[str] | None = None) -> str:
        value = self.text(name, choices=choices)
        if value is None:
            raise invalid_param(name, "can't be blank")
        return value

    @overload
    def integer(self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int: ...

    @overload
    def integer(
        self, name: str, default: None = None, *, minimum: int | None = None, maximum: int | None = None
    ) -> int | None: ...

    def integer(
        self,
        name: str,
        default: int | None = None,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        value = self._data.get(name)
        if value is None or value == "":
            return default
        number = _to_int(value)
        if number is None:
            raise invalid_param(name, "is not a number")
        if minimum is not None and number < minimum:
            raise invalid_param(name, f"must be greater than or equal to {minimum}")
        if maximum is not None and number > maximum:
            raise invalid_param(name, f"must be less than or equal to {maximum}")
        return number

    def require_integer(self, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        value = self.integer(name, minimum=minimum, maximum=maximum)
        if value is None:
            raise invalid_param(name, "can't be blank")
        return value

    def decimal(self, name: str, default: Decimal | None = None) -> Decimal | None:
        value = self._data.get(name)
        if value is None or value == "":
            return default
        return to_decimal(value, name)

    def require_decimal(self, name: str) -> Decimal:
        value = self.decimal(name)
        if value is None:
            raise invalid_param(name, "can't be blank")
        return value

    def boolean(self, name: str, default: bool | None = None) -> bool | None:
        value = self._data.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        text = str(value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise invalid_param(name, "must be true or false")

    def mapping(self, name: str) -> dict[str, Any]:
        value = self._data.get(name)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise invalid_param(name, "must be an object")
        return dict(value)

    def sequence(self, name: str) -> list[Any]:
        """A list given as a list, a comma-separated string, or one number (``account_ids=5``)."""
        value = self._data.get(name)
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return [value]
        if not isinstance(value, list):
            raise invalid_param(name, "must be an array")
        return list(value)


def to_decimal(value: Any, name: str) -> Decimal:
    if isinstance(value, bool):
        raise invalid_param(name, "is not a number")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise invalid_param(name, "is not a number") from None
        if number.is_finite():
            return number
    raise invalid_param(name, "is not a number")


def _to_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else None
    if isinstance(value, str):
        text = value.strip()
        if text.lstrip("-").isdigit():
            return int(text)
    return None
