"""The field machinery of the generated ``params`` classes: amounts stored as Decimal, errors that name the field.

``params.py`` is generated from the spec; what its attrs classes share is written here once:
the ``Number`` alias, the amount converters and the field transformer that puts ``Class.field`` into
a ``ValidationError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from ._exceptions import ValidationError
from ._scalars import as_decimal

__all__ = ["Number", "named_amounts", "to_decimal", "to_decimals"]

Number: TypeAlias = Decimal | int | str
"""An amount: a Decimal, an int or a numeric string (never a float, which is inexact)."""


def to_decimal(value: Number | None) -> Decimal | None:
    """Store an amount as Decimal; ``named_amounts`` puts the field name into the error."""
    return None if value is None else _decimal_at("", value)


def to_decimals(values: Sequence[Number] | None) -> tuple[Decimal, ...] | None:
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise ValidationError("", f"expected a list of numbers, got {type(values).__name__} {values!r}")
    return tuple(_decimal_at(f"[{index}]", value) for index, value in enumerate(values))


def _decimal_at(where: str, value: Any) -> Decimal:
    try:
        amount = as_decimal(value)
    except ValueError as exc:
        raise ValidationError(where, str(exc)) from None
    return Decimal(amount) if isinstance(amount, int) else amount


def named_amounts(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Wrap the amount converters so a bad value raises ValidationError naming ``Class.field``."""
    return [_name_errors(cls, field) for field in fields]


def _name_errors(cls: type, field: attrs.Attribute[Any]) -> attrs.Attribute[Any]:
    convert: Any = field.converter
    if convert is not to_decimal and convert is not to_decimals:
        return field
    where = f"{cls.__name__}.{field.name}"

    def named(value: Any) -> Any:
        try:
            return convert(value)
        except ValidationError as exc:
            raise ValidationError(where + exc.param, exc.problem) from None
        except ValueError as exc:
            raise ValidationError(where, str(exc)) from None

    return field.evolve(converter=named)
