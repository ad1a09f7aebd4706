# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""Typed request parameters for the nested objects endpoints take.

Attribute names are the wire names. Amounts are stored as Decimal: pass a Decimal, an int or a
numeric string (a float is accepted and converted through its ``repr``, ``0.1`` → ``Decimal("0.1")``).
Attributes left None are not sent. Every attribute is optional here; which ones an endpoint requires
is checked when it is called. Wherever one of these classes is accepted, a plain dict with the same
keys is accepted too. The classes and their fields come from the endpoint spec.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from ._param_fields import Number, named_amounts, to_decimal, to_decimals

__all__ = [
    "ConditionalPrice",
    "CustomSafetyStep",
    "Leverage",
    "LooseAccountTokens",
    "Number",
    "Position",
    "PositionConditional",
    "Price",
    "StopLoss",
    "StopLossConditional",
    "TakeProfit",
    "TakeProfitStep",
    "Timeout",
    "TradeConditional",
    "TradeLeverage",
    "TradeOrder",
    "TradeTrailing",
    "Trailing",
    "Units",
]


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class Units:
    """How much of the base currency: ``{"value": ...}``."""

    value: Decimal | None = attrs.field(default=None, converter=to_decimal)


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class Price:
    """A price: ``{"value": ...}``."""

    value: Decimal | None = attrs.field(default=None, converter=to_decimal)


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class ConditionalPrice:
    """A trigger price: which price to watch (``type``) and a ``value`` or a ``percent``."""

    type: Literal["bid", "ask", "last"] | None = None
    value: Decimal | None = attrs.field(default=None, converter=to_decimal)
    percent: Decimal | None = attrs.field(default=None, converter=to_decimal)


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class Trailing:
    """Trailing: on or off, and the trailing distance in percent."""

    enabled: bool | None = None
    percent: Decimal | None = attrs.field(default=None, converter=to_decimal)


@attrs.frozen(kw_only=True)
class Timeout:
    """A timeout: on or off, and ``value`` seconds."""

    enabled: bool | None = None
    value: int | None = None


@attrs.frozen(kw_only=True)
class Leverage:
    """Smart trade leverage: on or off, margin ``type`` and the leverage ``value``."""

    enabled: bool | None = None
    type: Literal["cross", "isolated"] | None = None
    value: int | None = None


@attrs.frozen(kw_only=True)
class PositionConditional:
    """A conditional entry: the order placed once ``price`` is reached, optionally trailing."""

    order_type: Literal["market", "limit"] | None = None
    price: ConditionalPrice | Mapping[str, Any] | None = None
    trailing: Trailing | Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True)
class Position:
    """The smart trade's position: side (``type``), order type, size (``units``) and ``price``."""

    type: Literal["buy", "sell"] | None = None
    order_type: Literal["market", "limit", "conditional"] | None = None
    units: Units | Mapping[str, Any] | None = None
    price: Price | Mapping[str, Any] | None = None
    conditional: PositionConditional | Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class TakeProfitStep:
    """One take-profit step: ``volume`` percent of the position, closed at ``price``."""

    order_type: Literal["market", "limit"] | None = None
    volume: Decimal | None = attrs.field(default=None, converter=to_decimal)
    price: ConditionalPrice | Mapping[str, Any] | None = None
    trailing: Trailing | Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True)
class TakeProfit:
    """Take profit: on or off, and its steps."""

    enabled: bool | None = None
    steps: Sequence[TakeProfitStep | Mapping[str, Any]] | None = None


@attrs.frozen(kw_only=True)
class StopLossConditional:
    """The stop-loss trigger: the watched ``price`` and whether it trails."""

    price: ConditionalPrice | Mapping[str, Any] | None = None
    trailing: Trailing | Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True)
class StopLoss:
    """Stop loss: on or off, breakeven, the closing order and its trigger, and an optional timeout."""

    enabled: bool | None = None
    breakeven: bool | None = None
    order_type: Literal["market", "limit"] | None = None
    price: Price | Mapping[str, Any] | None = None
    conditional: StopLossConditional | Mapping[str, Any] | None = None
    timeout: Timeout | Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True)
class TradeOrder:
    """A simple trade's order: ``type``, ``side``, time-in-force ``strategy`` and futures options."""

    type: Literal["market", "limit"] | None = None
    side: Literal["buy", "sell"] | None = None
    strategy: Literal["gtc", "ioc", "fok", "post_only"] | None = None
    position_side: Literal["both", "long", "short"] | None = None
    reduce_only: bool | None = None


@attrs.frozen(kw_only=True)
class TradeConditional:
    """A simple trade's trigger: on or off, the comparison (``value``) and the watched ``price``."""

    enabled: bool | None = None
    value: Literal["less", "less_or_equal", "greater", "greater_or_equal"] | None = None
    price: ConditionalPrice | Mapping[str, Any] | None = None


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class TradeTrailing:
    """A simple trade's trailing: on or off, by an absolute ``value`` or a ``percent``."""

    enabled: bool | None = None
    value: Decimal | None = attrs.field(default=None, converter=to_decimal)
    percent: Decimal | None = attrs.field(default=None, converter=to_decimal)


@attrs.frozen(kw_only=True)
class TradeLeverage:
    """A simple trade's margin type."""

    type: Literal["isolated", "cross"] | None = None


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class CustomSafetyStep:
    """One custom safety order: price ``deviation`` (percent) and ``size``; ``editable`` for deals."""

    deviation: Decimal | None = attrs.field(default=None, converter=to_decimal)
    size: Decimal | None = attrs.field(default=None, converter=to_decimal)
    editable: bool | None = None


@attrs.frozen(kw_only=True, field_transformer=named_amounts)
class LooseAccountTokens:
    """The holdings of a loose account: currency ``code`` and ``amount``, position by position."""

    code: Sequence[str] | None = None
    amount: tuple[Decimal, ...] | None = attrs.field(default=None, converter=to_decimals)
