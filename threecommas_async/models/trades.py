"""Simple trades (``/ver1/trades``): one exchange order, timestamps in epoch seconds."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import attrs

from ._base import ResponseModel, epoch_seconds

__all__ = [
    "SimpleTrade",
    "SimpleTradeConditional",
    "SimpleTradeConditionalPrice",
    "SimpleTradeData",
    "SimpleTradeEnvelope",
    "SimpleTradeFilled",
    "SimpleTradeLeverage",
    "SimpleTradeList",
    "SimpleTradeOrder",
    "SimpleTradeStatus",
    "SimpleTradeTimeout",
    "SimpleTradeTrailing",
    "SimpleTradeValue",
]


@attrs.define(slots=True, kw_only=True)
class SimpleTradeOrder(ResponseModel):
    """Order kind and side."""

    type: str | None = None
    side: str | None = None
    strategy: str | None = None
    position_side: str | None = None
    reduce_only: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeValue(ResponseModel):
    """A requested amount (``units``, ``price``, ``total``)."""

    value: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeConditionalPrice(ResponseModel):
    """The trigger price of a conditional order and its source."""

    value: Decimal | None = None
    type: str | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeConditional(ResponseModel):
    """Conditional-order settings."""

    enabled: bool | None = None
    value: Decimal | None = None
    price: SimpleTradeConditionalPrice | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeTrailing(ResponseModel):
    """Trailing settings."""

    enabled: bool | None = None
    value: Decimal | None = None
    percent: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeTimeout(ResponseModel):
    """Order timeout (seconds)."""

    enabled: bool | None = None
    value: int | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeLeverage(ResponseModel):
    """Leverage settings."""

    type: str | None = None
    value: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeStatus(ResponseModel):
    """Status (``value``) and the error text when it failed."""

    value: str | None = None
    basic_type: str | None = None
    error: str | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeFilled(ResponseModel):
    """What was executed: units, total, average price, and the filled share in percent."""

    units: Decimal | None = None
    total: Decimal | None = None
    price: Decimal | None = None
    value: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeData(ResponseModel):
    """What may be done with the trade right now."""

    cancelable: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTrade(ResponseModel):
    """A simple trade: one order on one account, with what was requested and what was filled."""

    uuid: str
    account_id: int | None = None
    pair: str | None = None
    created_at: datetime | None = attrs.field(default=None, metadata=epoch_seconds())
    closed_at: datetime | None = attrs.field(default=None, metadata=epoch_seconds())
    order: SimpleTradeOrder | None = None
    units: SimpleTradeValue | None = None
    price: SimpleTradeValue | None = None
    total: SimpleTradeValue | None = None
    conditional: SimpleTradeConditional | None = None
    trailing: SimpleTradeTrailing | None = None
    timeout: SimpleTradeTimeout | None = None
    leverage: SimpleTradeLeverage | None = None
    status: SimpleTradeStatus | None = None
    filled: SimpleTradeFilled | None = None
    data: SimpleTradeData | None = None


@attrs.define(slots=True, kw_only=True)
class SimpleTradeEnvelope(ResponseModel):
    """``{"trade": {...}}``, the shape the simple-trade endpoints answer with."""

    trade: SimpleTrade


@attrs.define(slots=True, kw_only=True)
class SimpleTradeList(ResponseModel):
    """``{"trades": [...]}``, the shape ``GET /ver1/trades`` and ``/ver1/trades/history`` answer with."""

    trades: list[SimpleTrade] | None = None
