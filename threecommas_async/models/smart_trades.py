"""SmartTrades v2 (``/v2/smart_trades``) and their sub-trades (``/v2/smart_trades/{id}/trades``).

A SmartTrade nests many small objects; they share three shapes: a status
(:class:`SmartTradeStatus`), an amount with an ``editable`` flag (:class:`SmartTradeValue`) and a
price description (:class:`SmartTradePrice`).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import attrs

from ._base import ResponseModel

__all__ = [
    "SmartTrade",
    "SmartTradeAccount",
    "SmartTradeConditional",
    "SmartTradeCurrentPrice",
    "SmartTradeData",
    "SmartTradeLeverage",
    "SmartTradeMargin",
    "SmartTradeMarketClose",
    "SmartTradePosition",
    "SmartTradePrice",
    "SmartTradeProfit",
    "SmartTradeReduceFunds",
    "SmartTradeReduceFundsInfo",
    "SmartTradeReduceFundsStep",
    "SmartTradeStatus",
    "SmartTradeStepData",
    "SmartTradeStopLoss",
    "SmartTradeTakeProfit",
    "SmartTradeTakeProfitStep",
    "SmartTradeTimeout",
    "SmartTradeTrade",
    "SmartTradeTrailing",
    "SmartTradeValue",
]


@attrs.define(slots=True, kw_only=True)
class SmartTradeAccount(ResponseModel):
    """The exchange account a SmartTrade runs on."""

    id: int | None = None
    type: str | None = None
    name: str | None = None
    market: str | None = None
    link: str | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeStatus(ResponseModel):
    """A status block: machine ``type`` / ``basic_type``, human ``title``, optional ``error``."""

    type: str | None = None
    basic_type: str | None = None
    title: str | None = None
    error: str | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeLeverage(ResponseModel):
    """Leverage settings of a SmartTrade."""

    enabled: bool | None = None
    type: str | None = None
    value: Decimal | None = None
    type_editable: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeValue(ResponseModel):
    """An amount (``units``, ``total``) and whether it may still be edited."""

    value: Decimal | None = None
    value_without_commission: Decimal | None = None
    editable: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradePrice(ResponseModel):
    """A price: its value (with and without commission), source ``type`` and ``percent`` offset."""

    value: Decimal | None = None
    value_without_commission: Decimal | None = None
    type: str | None = None
    percent: Decimal | None = None
    editable: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeTrailing(ResponseModel):
    """Trailing settings of a step or conditional."""

    enabled: bool | None = None
    percent: Decimal | None = None
    editable: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeConditional(ResponseModel):
    """The trigger of a conditional position or stop loss."""

    price: SmartTradePrice | None = None
    trailing: SmartTradeTrailing | None = None
    order_type: str | None = None
    editable: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeTimeout(ResponseModel):
    """A stop-loss timeout (seconds)."""

    enabled: bool | None = None
    value: int | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeStepData(ResponseModel):
    """What may be done with one step right now."""

    cancelable: bool | None = None
    panic_sell_available: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradePosition(ResponseModel):
    """The entry order of a SmartTrade."""

    type: str | None = None
    editable: bool | None = None
    units: SmartTradeValue | None = None
    price: SmartTradePrice | None = None
    total: SmartTradeValue | None = None
    order_type: str | None = None
    status: SmartTradeStatus | None = None
    conditional: SmartTradeConditional | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeTakeProfitStep(ResponseModel):
    """One take-profit step; ``volume`` is the share of the position in percent."""

    id: int | None = None
    order_type: str | None = None
    editable: bool | None = None
    units: SmartTradeValue | None = None
    price: SmartTradePrice | None = None
    volume: Decimal | None = None
    total: Decimal | None = None
    trailing: SmartTradeTrailing | None = None
    status: SmartTradeStatus | None = None
    closed_at: datetime | None = None
    data: SmartTradeStepData | None = None
    position: int | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeTakeProfit(ResponseModel):
    """Take-profit settings and steps."""

    enabled: bool | None = None
    price_type: str | None = None
    steps: list[SmartTradeTakeProfitStep] | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeStopLoss(ResponseModel):
    """Stop-loss settings."""

    enabled: bool | None = None
    price_type: str | None = None
    breakeven: bool | None = None
    order_type: str | None = None
    editable: bool | None = None
    units: SmartTradeValue | None = None
    total: SmartTradeValue | None = None
    price: SmartTradePrice | None = None
    conditional: SmartTradeConditional | None = None
    timeout: SmartTradeTimeout | None = None
    status: SmartTradeStatus | None = None
    closed_at: datetime | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeReduceFundsStep(ResponseModel):
    """One reduce-funds order."""

    id: int | None = None
    type: str | None = None
    status: SmartTradeStatus | None = None
    units: SmartTradeValue | None = None
    price: SmartTradePrice | None = None
    total: SmartTradeValue | None = None
    closed_at: datetime | None = None
    data: SmartTradeStepData | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeReduceFunds(ResponseModel):
    """The reduce-funds orders of a SmartTrade."""

    steps: list[SmartTradeReduceFundsStep] | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeMarketClose(ResponseModel):
    """The close-at-market order, once there is one (``{}`` before)."""

    id: int | None = None
    type: str | None = None
    status: SmartTradeStatus | None = None
    units: SmartTradeValue | None = None
    price: SmartTradePrice | None = None
    total: SmartTradeValue | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeCurrentPrice(ResponseModel):
    """The market's current prices for the pair."""

    bid: Decimal | None = None
    ask: Decimal | None = None
    last: Decimal | None = None
    quote_volume: Decimal | None = None
    day_change_percent: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeData(ResponseModel):
    """Progress, averages and the actions available for the whole SmartTrade."""

    type: str | None = None
    editable: bool | None = None
    current_price: SmartTradeCurrentPrice | None = None
    target_price_type: str | None = None
    orderbook_price_currency: str | None = None
    base_order_finished: bool | None = None
    missing_funds_to_close: Decimal | None = None
    liquidation_price: Decimal | None = None
    average_enter_price: Decimal | None = None
    average_close_price: Decimal | None = None
    average_enter_price_without_commission: Decimal | None = None
    average_close_price_without_commission: Decimal | None = None
    panic_sell_available: bool | None = None
    add_funds_available: bool | None = None
    reduce_funds_available: bool | None = None
    force_start_available: bool | None = None
    force_process_available: bool | None = None
    cancel_available: bool | None = None
    finished: bool | None = None
    base_position_step_finished: bool | None = None
    entered_amount: Decimal | None = None
    entered_total: Decimal | None = None
    closed_amount: Decimal | None = None
    closed_total: Decimal | None = None
    commission: Decimal | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeProfit(ResponseModel):
    """Profit in quote currency (``volume``), USD, percent, and ROE for futures."""

    volume: Decimal | None = None
    usd: Decimal | None = None
    percent: Decimal | None = None
    roe: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeMargin(ResponseModel):
    """Margin used by a futures SmartTrade."""

    amount: Decimal | None = None
    total: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTrade(ResponseModel):
    """A SmartTrade (API v2): entry position, take profit, stop loss and their progress."""

    id: int
    version: int | None = None
    account: SmartTradeAccount | None = None
    pair: str | None = None
    instant: bool | None = None
    status: SmartTradeStatus | None = None
    leverage: SmartTradeLeverage | None = None
    position: SmartTradePosition | None = None
    take_profit: SmartTradeTakeProfit | None = None
    stop_loss: SmartTradeStopLoss | None = None
    reduce_funds: SmartTradeReduceFunds | None = None
    market_close: SmartTradeMarketClose | None = None
    note: str | None = None
    note_raw: str | None = None
    skip_enter_step: bool | None = None
    data: SmartTradeData | None = None
    profit: SmartTradeProfit | None = None
    margin: SmartTradeMargin | None = None
    is_position_not_filled: bool | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeTrade(ResponseModel):
    """One order of a SmartTrade (entry, take-profit step, stop loss, ...)."""

    id: int
    pair: str | None = None
    status: str | None = None
    trade_purpose: str | None = None
    order_side: str | None = None
    order_type: str | None = None
    follow_price_type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    cancelable: bool | None = None
    force_processable: bool | None = None

    initial_amount: Decimal | None = None
    initial_total: Decimal | None = None
    initial_price: Decimal | None = None
    order_price: Decimal | None = None
    average_price: Decimal | None = None
    position_percentage: Decimal | None = None
    take_profit_percentage: Decimal | None = None
    realised_amount: Decimal | None = None
    realised_total: Decimal | None = None
    realised_price: Decimal | None = None
    realised_percentage: Decimal | None = None

    trigger_type: str | None = None
    trigger_condition: str | None = None
    trigger_price: Decimal | None = None
    trigger_price_percentage: Decimal | None = None
    trailing_enabled: bool | None = None
    trail_percentage: Decimal | None = None
    trail_value: Decimal | None = None
    trailing_last_price: Decimal | None = None
    trailing_last_price_updated_at: datetime | None = None


@attrs.define(slots=True, kw_only=True)
class SmartTradeReduceFundsInfo(ResponseModel):
    """``GET /v2/smart_trades/{id}/reduce_funds_info``: how much may be taken out."""

    max_reduce_funds_amount: Decimal | None = None
