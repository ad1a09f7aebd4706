"""cattrs hooks for leaf values: Decimals, datetimes, strict JSON scalars, and ``X | None`` of them.

Scalars are strict: a ``str`` field takes only a JSON string, an ``int`` field only a JSON integer
(not ``true``), a ``bool`` field only ``true``/``false`` — no coercion, so nothing is silently
rewritten (cattrs' default would turn ``"false"`` into ``True``). ``X | None`` gets one direct hook
instead of cattrs' per-value union dispatch; unions of scalars (``bool | str | None``) pass values
of the listed types through unchanged.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

from cattrs.fns import identity

from ._values import (
    datetime_from_wire,
    datetime_to_epoch,
    datetime_to_wire,
    decimal_from_wire,
    decimal_to_wire,
)

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "SCALAR_TYPES",
    "is_optional",
    "is_scalar_union",
    "optional_structure_hook",
    "optional_unstructure_hook",
    "register_scalar_hooks",
    "scalar_union_structure_hook",
    "scalar_union_unstructure_hook",
    "unstructure_epoch_or_none",
]

StructureHook = Callable[[Any, Any], Any]
UnstructureHook = Callable[[Any], Any]

SCALAR_TYPES: frozenset[type] = frozenset({str, int, bool})
_NONE_TYPE = type(None)


def register_scalar_hooks(converter: cattrs.Converter) -> None:
    """Register the leaf hooks; call before any hook for composite types."""
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, decimal_to_wire)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(datetime, datetime_to_wire)
    for scalar in SCALAR_TYPES:
        converter.register_structure_hook(scalar, _strict_scalar_hook(scalar))
        converter.register_unstructure_hook(scalar, identity)


def _structure_decimal(value: Any, _: Any) -> Decimal:
    return decimal_from_wire(value)


def _structure_datetime(value: Any, _: Any) -> datetime:
    return datetime_from_wire(value)


def _strict_scalar_hook(scalar: type) -> StructureHook:
    def structure_scalar(value: Any, _: Any) -> Any:
        if type(value) is scalar:
            return value
        raise TypeError(f"expected {scalar.__name__}, got {type(value).__name__}: {value!r}")

    return structure_scalar


def _union_members(type_: Any) -> tuple[Any, ...]:
    origin = get_origin(type_)
    if origin is Union or origin is types.UnionType:
        return get_args(type_)
    return ()


def is_optional(type_: Any) -> bool:
    """``X | None`` for a single X."""
    members = _union_members(type_)
    return len(members) == 2 and _NONE_TYPE in members


def is_scalar_union(type_: Any) -> bool:
    """A union of two or more JSON scalar types, possibly with None (``bool | str | None``)."""
    members = {member for member in _union_members(type_) if member is not _NONE_TYPE}
    return len(members) >= 2 and members <= SCALAR_TYPES


def _optional_member(type_: Any) -> Any:
    return next(member for member in get_args(type_) if member is not _NONE_TYPE)


def _structure_decimal_or_none(value: Any, _: Any) -> Decimal | None:
    if value is None:
        return None
    return decimal_from_wire(value)


def _structure_datetime_or_none(value: Any, _: Any) -> datetime | None:
    if value is None:
        return None
    return datetime_from_wire(value)


def _unstructure_decimal_or_none(value: Decimal | None) -> Decimal | str | None:
    if value is None:
        return None
    return decimal_to_wire(value)


def _unstructure_datetime_or_none(value: datetime | None) -> str | int | None:
    if value is None:
        return None
    return datetime_to_wire(value)


def unstructure_epoch_or_none(value: datetime | None) -> str | int | Decimal | None:
    """Unstructure hook for an optional epoch-seconds timestamp field."""
    if value is None:
        return None
    return datetime_to_epoch(value)


def _scalar_or_none_hook(scalar: type) -> StructureHook:
    def structure_scalar_or_none(value: Any, _: Any) -> Any:
        if value is None or type(value) is scalar:
            return value
        raise TypeError(f"expected {scalar.__name__} or null, got {type(value).__name__}: {value!r}")

    return structure_scalar_or_none


_DIRECT_OPTIONAL_STRUCTURE: dict[Any, StructureHook] = {
    Decimal: _structure_decimal_or_none,
    datetime: _structure_datetime_or_none,
    **{scalar: _scalar_or_none_hook(scalar) for scalar in SCALAR_TYPES},
}
_DIRECT_OPTIONAL_UNSTRUCTURE: dict[Any, UnstructureHook] = {
    Decimal: _unstructure_decimal_or_none,
    datetime: _unstructure_datetime_or_none,
    **{scalar: identity for scalar in SCALAR_TYPES},
}


def optional_structure_hook(type_: Any, converter: cattrs.Converter) -> StructureHook:
    """One hook for ``X | None``: None passes, anything else goes to X's hook."""
    member = _optional_member(type_)
    direct = _DIRECT_OPTIONAL_STRUCTURE.get(member)
    if direct is not None:
        return direct
    structure_member = converter.get_structure_hook(member)

    def structure_or_none(value: Any, _: Any) -> Any:
        if value is None:
            return None
        return structure_member(value, member)

    return structure_or_none


def optional_unstructure_hook(type_: Any, converter: cattrs.Converter) -> UnstructureHook:
    """One hook for ``X | None``; identity when X's own hook is the identity."""
    member = _optional_member(type_)
    direct = _DIRECT_OPTIONAL_UNSTRUCTURE.get(member)
    if direct is not None:
        return direct
    unstructure_member = converter.get_unstructure_hook(member)
    if unstructure_member is identity:
        return identity

    def unstructure_or_none(value: Any) -> Any:
        if value is None:
            return None
        return unstructure_member(value)

    return unstructure_or_none


def scalar_union_structure_hook(type_: Any) -> StructureHook:
    """Pass through values whose type is one of the union's scalar members (or None if listed)."""
    allowed = frozenset(get_args(type_))

    def structure_scalar_union(value: Any, _: Any) -> Any:
        if type(value) in allowed:
            return value
        raise TypeError(f"expected one of {type_}, got {type(value).__name__}: {value!r}")

    return structure_scalar_union


def scalar_union_unstructure_hook(_: Any) -> UnstructureHook:
    """Scalars are already JSON values."""
    return identity
