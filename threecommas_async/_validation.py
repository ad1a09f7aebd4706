"""Client-side validation: endpoint arguments → :class:`RequestSpec`, or ValidationError before any I/O.

``prepare(endpoint, arguments)`` checks every argument against the endpoint's documented parameters
(required, type, enum, range, length, nested object fields, arrays), normalises amounts to Decimal
(numeric strings and ints accepted, floats converted through their repr) and places each value in
the path, the query string (Rails bracket pairs) or the body. ``arguments`` maps Python parameter names
to values; None means "not given". Per-endpoint work (which parameter goes where, the checkers) is done
once per endpoint and cached, since this runs on every call.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import quote, unquote

import attrs

from ._endpoint import Endpoint, Param, ParamType, RequestSpec
from ._exceptions import ValidationError
from ._wire import flatten_pairs

__all__ = ["MAX_EXPONENT", "as_decimal", "prepare", "validate_raw_path"]

_NUMERIC_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
MAX_EXPONENT = 40
"""Amounts sent are refused beyond ``1E+40`` in size or ``1E-40`` in precision: no real price or quantity
needs more, and a value like ``Decimal("1E+999999")`` would be sent as a million-digit JSON number."""
_DOT_SEGMENTS = frozenset({"", ".", ".."})


class _Invalid(Exception):
    """A value does not fit; ``path`` is where, inside the argument, ``problem`` what is wrong."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem


_N = TypeVar("_N", Decimal, int)

Checker = Callable[[Any, str], Any]
"""Checks one value found at ``path`` and returns what is sent; raises _Invalid."""


def as_decimal(value: object) -> Decimal | int:
    """An amount as sent: ints stay ints, Decimals, numeric strings and floats (via repr) become Decimal.

    Raises ValueError (with an ``expected ..., got ...`` message) for anything else, for NaN and infinities.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number (Decimal, int or numeric str), got bool {value!r}")
    if isinstance(value, int):
        return _sane(Decimal(value), value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"expected a finite number, got {value!r}")
        return _sane(value, value)
    if isinstance(value, str):
        text = value.strip()
        if not _NUMERIC_TEXT.fullmatch(text):
            raise ValueError(f"expected a number (Decimal, int or numeric str), got {_preview(value)}")
        return _sane(Decimal(text), Decimal(text))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value!r}")
        return _sane(Decimal(repr(value)), Decimal(repr(value)))
    raise ValueError(f"expected a number (Decimal, int or numeric str), got {_kind(value)}")


def _sane(amount: Decimal, sent: _N) -> _N:
    """``sent`` when ``amount`` is zero or within ``MAX_EXPONENT`` both ways, else ValueError."""
    if amount and not -MAX_EXPONENT <= amount.adjusted() <= MAX_EXPONENT:
        raise ValueError(
            f"expected a number between 1E-{MAX_EXPONENT} and 1E+{MAX_EXPONENT} in size, "
            f"got one of magnitude 1E{amount.adjusted():+d}"
        )
    return sent


def _preview(value: str) -> str:
    return repr(value) if len(value) <= 40 else f"{value[:40]!r}... ({len(value)} characters)"


def validate_raw_path(path: str) -> None:
    """Refuse a path with a dot segment (``.``, ``..``, also percent-encoded) before it is sent.

    For the low-level ``client.request()``: ``/ver1/deals/../bots`` would be normalised to another
    endpoint than the one named, and booked by the rate limiter under the wrong template.
    """
    for segment in path.split("?", 1)[0].split("#", 1)[0].split("/"):
        if segment and unquote(segment) in _DOT_SEGMENTS:
            raise ValidationError("path", f"expected no '.' or '..' segment, got {_preview(path)}")


def prepare(endpoint: Endpoint[Any], arguments: Mapping[str, Any]) -> RequestSpec:
    """Validate ``arguments`` for ``endpoint`` and build the request; raises ValidationError."""
    plan = _plan_for(endpoint)
    try:
        return plan.build(arguments)
    except _Invalid as invalid:
        raise ValidationError(invalid.path, invalid.problem, endpoint=endpoint.qualified_name) from None


@attrs.frozen
class _Slot:
    """One top-level parameter: where it goes and how its value is checked."""

    param: Param
    check: Checker


class _Plan:
    """Everything about one endpoint that does not depend on the call, worked out once."""

    __slots__ = ("_endpoint", "_path_parts", "_required", "_slots")

    def __init__(self, endpoint: Endpoint[Any]) -> None:
        self._endpoint = endpoint
        self._slots = {param.name: _Slot(param, _checker(param)) for param in endpoint.params}
        self._required = tuple(param.name for param in endpoint.params if param.required)
        self._path_parts = _split_template(endpoint.path)

    def build(self, arguments: Mapping[str, Any]) -> RequestSpec:
        endpoint = self._endpoint
        for name in self._required:
            if arguments.get(name) is None:
                raise _Invalid(name, "is required")
        path_values: dict[str, str] = {}
        query: dict[str, Any] = {}
        body: dict[str, Any] = {}
        for name, value in arguments.items():
            if value is None:
                continue
            slot = self._slots.get(name)
            if slot is None:
                raise _Invalid(name, f"is not a parameter of {endpoint.qualified_name}")
            param = slot.param
            checked = slot.check(value, name)
            if param.location == "path":
                text = str(checked)
                if text in _DOT_SEGMENTS:
                    raise _Invalid(name, f"expected a path segment other than '', '.' or '..', got {text!r}")
                path_values[param.wire] = quote(text, safe="")
            elif param.location == "query":
                query[param.wire] = checked
            else:
                body[param.wire] = checked
        return RequestSpec(
            method=endpoint.method,
            path=self._format_path(path_values),
            template=endpoint.path,
            query=tuple(flatten_pairs(query)) if query else (),
            body=body or None,
            signed=endpoint.signed,
            idempotent=endpoint.idempotent,
            weight=endpoint.weight,
            name=endpoint.qualified_name,
        )

    def _format_path(self, values: Mapping[str, str]) -> str:
        parts = self._path_parts
        if len(parts) == 1:
            return parts[0]
        pieces = [parts[0]]
        for index in range(1, len(parts), 2):
            pieces.append(values[parts[index]])
            pieces.append(parts[index + 1])
        return "".join(pieces)


_plans: dict[int, tuple[Endpoint[Any], _Plan]] = {}


def _plan_for(endpoint: Endpoint[Any]) -> _Plan:
    cached = _plans.get(id(endpoint))
    if cached is not None and cached[0] is endpoint:
        return cached[1]
    plan = _Plan(endpoint)
    _plans[id(endpoint)] = (endpoint, plan)
    return plan


def _split_template(template: str) -> tuple[str, ...]:
    """``/a/{x}/b`` → ``("/a/", "x", "/b")``: literal text and placeholder names alternate."""
    return tuple(re.split(r"\{([^{}]+)\}", template))


# -- checkers -------------------------------------------------------------------------------------


def _checker(param: Param) -> Checker:
    if param.type == "array":
        return _array_checker(param)
    if param.type == "object":
        return _object_checker(param.fields)
    return _scalar_checker(param, param.type)


def _scalar_checker(param: Param, kind: ParamType) -> Checker:
    base = _SCALAR_CHECKERS[kind]
    enum = frozenset(param.enum) if param.enum is not None else None
    minimum, maximum = param.minimum, param.maximum
    min_length, max_length = param.min_length, param.max_length
    if enum is None and minimum is None and maximum is None and min_length is None and max_length is None:
        return base

    def check(value: Any, path: str) -> Any:
        checked = base(value, path)
        if enum is not None and checked not in enum:
            allowed = ", ".join(repr(item) for item in param.enum or ())
            raise _Invalid(path, f"expected one of {allowed}, got {checked!r}")
        if minimum is not None and checked < minimum:
            raise _Invalid(path, f"expected at least {minimum}, got {checked}")
        if maximum is not None and checked > maximum:
            raise _Invalid(path, f"expected at most {maximum}, got {checked}")
        if min_length is not None and len(checked) < min_length:
            raise _Invalid(path, f"expected at least {min_length} characters, got {len(checked)}")
        if max_length is not None and len(checked) > max_length:
            raise _Invalid(path, f"expected at most {max_length} characters, got {len(checked)}")
        return checked

    return check


def _check_string(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise _Invalid(path, f"expected a string, got {_kind(value)}")
    return value


def _check_integer(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(path, f"expected an integer, got {_kind(value)}")
    return value


def _check_number(value: Any, path: str) -> Decimal | int:
    try:
        return as_decimal(value)
    except ValueError as exc:
        raise _Invalid(path, str(exc)) from None


def _check_boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(path, f"expected a boolean, got {_kind(value)}")
    return value


def _check_free_object(value: Any, path: str) -> dict[str, Any]:
    fields = _object_items(value, path)
    return {key: _free_json(item, f"{path}.{key}") for key, item in fields.items() if item is not None}


_SCALAR_CHECKERS: dict[ParamType, Checker] = {
    "string": _check_string,
    "integer": _check_integer,
    "number": _check_number,
    "boolean": _check_boolean,
    "object": _check_free_object,
}


def _array_checker(param: Param) -> Checker:
    item_check = _object_checker(param.fields) if param.fields else _scalar_checker(
        attrs.evolve(param, min_length=None, max_length=None), param.item_type or "object"
    )
    min_length, max_length = param.min_length, param.max_length

    def check(value: Any, path: str) -> list[Any]:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (list, tuple)):
            raise _Invalid(path, f"expected a list, got {_kind(value)}")
        if min_length is not None and len(value) < min_length:
            raise _Invalid(path, f"expected at least {min_length} items, got {len(value)}")
        if max_length is not None and len(value) > max_length:
            raise _Invalid(path, f"expected at most {max_length} items, got {len(value)}")
        return [item_check(item, f"{path}[{index}]") for index, item in enumerate(value)]

    return check


def _object_checker(fields: tuple[Param, ...]) -> Checker:
    if not fields:
        return _check_free_object
    members = {field.wire: (field, _checker(field)) for field in fields}
    required = tuple(field.wire for field in fields if field.required)
    documented = ", ".join(members)

    def check(value: Any, path: str) -> dict[str, Any]:
        given = _object_items(value, path)
        out: dict[str, Any] = {}
        for key, item in given.items():
            if item is None:
                continue
            member = members.get(key)
            if member is None:
                raise _Invalid(f"{path}.{key}", f"is not a documented field (expected one of {documented})")
            out[key] = member[1](item, f"{path}.{key}")
        for key in required:
            if key not in out:
                raise _Invalid(f"{path}.{key}", "is required")
        return out

    return check


def _object_items(value: Any, path: str) -> Mapping[str, Any]:
    """The fields of a dict, or of an attrs params instance (attribute names are wire names)."""
    if isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):
                raise _Invalid(path, f"expected str keys, got key {key!r}")
        return value
    if attrs.has(type(value)):
        return {field.name: getattr(value, field.name) for field in attrs.fields(type(value))}
    raise _Invalid(path, f"expected a mapping or a params object, got {_kind(value)}")


def _free_json(value: Any, path: str) -> Any:
    """A value inside an undocumented object: any JSON value; floats become Decimal via repr."""
    if isinstance(value, (float, Decimal)) or (isinstance(value, int) and not isinstance(value, bool)):
        return _check_number(value, path)
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return [_free_json(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, Mapping) or attrs.has(type(value)):
        return _check_free_object(value, path)
    raise _Invalid(path, f"expected a JSON value, got {_kind(value)}")


def _kind(value: Any) -> str:
    if value is None or isinstance(value, (bool, int, float, str, Decimal)):
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__
