"""Client-side validation: endpoint arguments → :class:`RequestSpec`, or ValidationError before any I/O.

``prepare(endpoint, arguments)`` checks every argument against the endpoint's documented parameters
(required, type, enum, range, length, nested object fields, arrays), normalises amounts to Decimal
(numeric strings and ints accepted, floats converted through their repr) and places each value in
the path, the query string (Rails bracket pairs) or the body. ``arguments`` maps Python parameter names
to values; None means "not given". Per-endpoint work (which parameter goes where, the checkers) is done
once per endpoint and cached, since this runs on every call.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote, unquote

import attrs

from ._endpoint import PRIORITIES, Endpoint, Param, ParamType, RequestSpec
from ._exceptions import ValidationError
from ._scalars import MAX_EXPONENT, Invalid, as_decimal, check_date, check_datetime, describe, preview
from ._wire import flatten_pairs

__all__ = ["MAX_EXPONENT", "as_decimal", "check_priority", "prepare", "validate_raw_path"]

_DOT_SEGMENTS = frozenset({"", ".", ".."})


Checker = Callable[[Any, str], Any]
"""Checks one value found at ``path`` and returns what is sent; raises Invalid."""


def validate_raw_path(path: str) -> None:
    """Refuse a path with a dot segment (``.``, ``..``, also percent-encoded) before it is sent.

    For the low-level ``client.request()``: ``/ver1/deals/../bots`` would be normalised to another
    endpoint than the one named, and booked by the rate limiter under the wrong template.
    """
    for segment in path.split("?", 1)[0].split("#", 1)[0].split("/"):
        if segment and unquote(segment) in _DOT_SEGMENTS:
            raise ValidationError("path", f"expected no '.' or '..' segment, got {preview(path)}")


def prepare(endpoint: Endpoint[Any], arguments: Mapping[str, Any], *, priority: str | None = None) -> RequestSpec:
    """Validate ``arguments`` for ``endpoint`` and build the request; raises ValidationError.

    ``priority`` is the limiter lane the request asks for (None: the client's default).
    """
    plan = _plan_for(endpoint)
    try:
        spec = plan.build(arguments)
    except Invalid as invalid:
        raise ValidationError(invalid.path, invalid.problem, endpoint=endpoint.qualified_name) from None
    if priority is None:
        return spec
    return attrs.evolve(spec, priority=check_priority(priority, endpoint))


def check_priority(priority: str | None, endpoint: Endpoint[Any]) -> str | None:
    """``priority`` if it names a limiter lane (or is None), else ValidationError."""
    if priority is not None and priority not in PRIORITIES:
        expected = ", ".join(repr(lane) for lane in PRIORITIES)
        raise ValidationError(
            "priority", f"expected one of {expected}, got {priority!r}", endpoint=endpoint.qualified_name
        )
    return priority


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
                raise Invalid(name, "is required")
        path_values: dict[str, str] = {}
        query: dict[str, Any] = {}
        body: dict[str, Any] = {}
        for name, value in arguments.items():
            if value is None:
                continue
            slot = self._slots.get(name)
            if slot is None:
                raise Invalid(name, f"is not a parameter of {endpoint.qualified_name}")
            param = slot.param
            checked = slot.check(value, name)
            if param.location == "path":
                text = str(checked)
                if text in _DOT_SEGMENTS:
                    raise Invalid(name, f"expected a path segment other than '', '.' or '..', got {text!r}")
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
    if param.format == "date-time":
        return check_datetime
    if param.format == "date":
        return check_date
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
            raise Invalid(path, f"expected one of {allowed}, got {checked!r}")
        if minimum is not None and checked < minimum:
            raise Invalid(path, f"expected at least {minimum}, got {checked}")
        if maximum is not None and checked > maximum:
            raise Invalid(path, f"expected at most {maximum}, got {checked}")
        if min_length is not None and len(checked) < min_length:
            raise Invalid(path, f"expected at least {min_length} characters, got {len(checked)}")
        if max_length is not None and len(checked) > max_length:
            raise Invalid(path, f"expected at most {max_length} characters, got {len(checked)}")
        return checked

    return check


def _check_string(value: Any, path: str) -> str:
    if not isinstance(value, str):
        raise Invalid(path, f"expected a string, got {describe(value)}")
    return value


def _check_integer(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(path, f"expected an integer, got {describe(value)}")
    return value


def _check_number(value: Any, path: str) -> Decimal | int:
    try:
        return as_decimal(value)
    except ValueError as exc:
        raise Invalid(path, str(exc)) from None


def _check_boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid(path, f"expected a boolean, got {describe(value)}")
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

    single = param.single

    def check(value: Any, path: str) -> Any:
        if single and not isinstance(value, (list, tuple)):
            return item_check(value, path)
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (list, tuple)):
            raise Invalid(path, f"expected a list, got {describe(value)}")
        if min_length is not None and len(value) < min_length:
            raise Invalid(path, f"expected at least {min_length} items, got {len(value)}")
        if max_length is not None and len(value) > max_length:
            raise Invalid(path, f"expected at most {max_length} items, got {len(value)}")
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
                raise Invalid(f"{path}.{key}", f"is not a documented field (expected one of {documented})")
            out[key] = member[1](item, f"{path}.{key}")
        for key in required:
            if key not in out:
                raise Invalid(f"{path}.{key}", "is required")
        return out

    return check


def _object_items(value: Any, path: str) -> Mapping[str, Any]:
    """The fields of a dict, or of an attrs params instance (attribute names are wire names)."""
    if isinstance(value, Mapping):
        for key in value:
            if not isinstance(key, str):
                raise Invalid(path, f"expected str keys, got key {key!r}")
        return value
    if attrs.has(type(value)):
        return {field.name: getattr(value, field.name) for field in attrs.fields(type(value))}
    raise Invalid(path, f"expected a mapping or a params object, got {describe(value)}")


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
    raise Invalid(path, f"expected a JSON value, got {describe(value)}")
