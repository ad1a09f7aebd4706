"""DCA deals (``GET /ver1/deals``, ``/ver1/deals/{deal_id}/show``) and their market orders."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from ._base import ResponseModel, wire_name
from ._common import BotEvent, BotStrategy, SafetyStep
from .market_data import MarketLimits

__all__ = [
    "Deal",
    "DealAddFundsInfo",
    "DealBuyStep",
    "DealCryptoWidget",
    "DealCryptoWidgetMark",
    "DealTakeProfitStep",
    "MarketOrder",
]


@attrs.define(slots=True, kw_only=True)
class DealTakeProfitStep(ResponseModel):
    """One step of a multi-step take profit (a deal's progress, or a bot's configuration)."""

    id: int | None = None
    amount_percentage: Decimal | None = None
    profit_percentage: Decimal | None = None
    editable: bool | None = None
    panic_sellable: bool | None = None
    trade_id: int | None = None
    execution_timestamp: datetime | None = None
    initial_amount: Decimal | None = None
    price: Decimal | None = None
    status: str | None = None


@attrs.define(slots=True, kw_only=True)
class DealBuyStep(ResponseModel):
    """A safety-order price level and how much of it is filled."""

    price: Decimal | None = None
    filled: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class DealCryptoWidgetMark(ResponseModel):
    """A labelled price mark drawn on the deal chart (``TP1``, ...)."""

    type: str | None = None
    label: str | None = None
    price: Decimal | None = None
    position: str | None = None


@attrs.define(slots=True, kw_only=True)
class DealCryptoWidget(ResponseModel):
    """The data behind the deal chart of the 3Commas web UI (camelCase keys on the wire).

    The API spells ``TTPАctivated`` with a Cyrillic ``А`` (U+0410); it maps to ``ttp_activated``.
    """

    progress_accuracy: int | None = attrs.field(default=None, metadata=wire_name("progressAccuracy"))
    ttp_activated: bool | None = attrs.field(default=None, metadata=wire_name("TTP\u0410ctivated"))
    buy_price: Decimal | None = attrs.field(default=None, metadata=wire_name("buyPrice"))
    current_price: Decimal | None = attrs.field(default=None, metadata=wire_name("currentPrice"))
    inverted: bool | None = None
    stop_losses: list[tuple[Decimal, bool]] | None = attrs.field(default=None, metadata=wire_name("stopLosses"))
    liquidation_price: Decimal | None = attrs.field(default=None, metadata=wire_name("LP"))
    buy_steps: list[DealBuyStep] | None = attrs.field(default=None, metadata=wire_name("buySteps"))
    marks: list[DealCryptoWidgetMark] | None = None


@attrs.define(slots=True, kw_only=True)
class Deal(ResponseModel):
    """A DCA deal: one position opened by a bot, its orders, progress and profit."""

    id: int
    type: str | None = None
    bot_id: int | None = None
    bot_name: str | None = None
    account_id: int | None = None
    account_name: str | None = None
    pair: str | None = None
    from_currency: str | None = None
    to_currency: str | None = None
    from_currency_id: int | None = None
    to_currency_id: int | None = None
    market_type: str | None = None
    strategy: str | None = None
    status: str | None = None
    localized_status: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None
    finished: bool | None = attrs.field(default=None, metadata=wire_name("finished?"))
    cancellable: bool | None = attrs.field(default=None, metadata=wire_name("cancellable?"))
    panic_sellable: bool | None = attrs.field(default=None, metadata=wire_name("panic_sellable?"))
    deal_has_error: bool | None = None
    error_message: str | None = None
    failed_message: str | None = None
    note: str | None = None
    add_fundable: bool | None = None
    smart_trade_convertable: bool | None = None

    max_safety_orders: int | None = None
    active_safety_orders_count: int | None = None
    current_active_safety_orders_count: int | None = None
    current_active_safety_orders: int | None = None
    completed_safety_orders_count: int | None = None
    completed_manual_safety_orders_count: int | None = None
    active_manual_safety_orders: int | None = None

    base_order_volume: Decimal | None = None
    base_order_volume_type: str | None = None
    safety_order_volume: Decimal | None = None
    safety_order_volume_type: str | None = None
    safety_order_step_percentage: Decimal | None = None
    safety_order_calculation_mode: str | None = None
    custom_safety_steps: list[SafetyStep] | None = None
    martingale_coefficient: Decimal | None = None
    martingale_volume_coefficient: Decimal | None = None
    martingale_step_coefficient: Decimal | None = None
    leverage_type: str | None = None
    leverage_custom_value: Decimal | None = None
    profit_currency: str | None = None

    take_profit: Decimal | None = None
    take_profit_type: str | None = None
    take_profit_steps: list[DealTakeProfitStep] | None = None
    take_profit_price: Decimal | None = None
    min_profit_percentage: Decimal | None = None
    min_profit_type: str | None = None
    trailing_enabled: bool | None = None
    trailing_deviation: Decimal | None = None
    trailing_max_price: Decimal | None = None
    tsl_enabled: bool | None = None
    tsl_max_price: Decimal | None = None
    stop_loss_percentage: Decimal | None = None
    stop_loss_type: str | None = None
    stop_loss_price: Decimal | None = None
    stop_loss_timeout_enabled: bool | None = None
    stop_loss_timeout_in_seconds: int | None = None
    sl_to_breakeven_enabled: bool | None = None
    sl_to_breakeven_data: Any = None
    close_strategy_list: list[BotStrategy] | None = None
    safety_strategy_list: list[BotStrategy] | None = None

    bought_amount: Decimal | None = None
    bought_volume: Decimal | None = None
    bought_average_price: Decimal | None = None
    base_order_average_price: Decimal | None = None
    sold_amount: Decimal | None = None
    sold_volume: Decimal | None = None
    sold_average_price: Decimal | None = None
    current_price: Decimal | None = None
    orderbook_price_currency: str | None = None
    reserved_base_coin: Decimal | None = None
    reserved_second_coin: Decimal | None = None
    reserved_quote_funds: Decimal | None = None
    reserved_base_funds: Decimal | None = None

    final_profit: Decimal | None = None
    final_profit_percentage: Decimal | None = None
    usd_final_profit: Decimal | None = None
    actual_profit: Decimal | None = None
    actual_usd_profit: Decimal | None = None
    actual_profit_percentage: Decimal | None = None

    last_known_position_info: Any = None
    crypto_widget: DealCryptoWidget | None = None
    buy_steps: list[DealBuyStep] | None = None
    bot_events: list[BotEvent] | None = None


@attrs.define(slots=True, kw_only=True)
class MarketOrder(ResponseModel):
    """An exchange order placed for a deal or grid bot (``GET .../market_orders``)."""

    order_id: str | int | None = None
    order_type: str | None = None
    deal_order_type: str | None = None
    cancellable: bool | None = None
    status_string: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    quantity: Decimal | None = None
    quantity_remaining: Decimal | None = None
    total: Decimal | None = None
    rate: Decimal | None = None
    average_price: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class DealAddFundsInfo(ResponseModel):
    """``GET /ver1/deals/{deal_id}/data_for_adding_funds``: prices, limits and funds for a manual safety order."""

    account_id: int | None = None
    account_type: str | None = None
    deal_type: str | None = None
    pair: str | None = None
    quote_currency: str | None = None
    base_currency: str | None = None
    adding_funds_currency: str | None = None
    orderbook_price: Decimal | None = None
    orderbook_price_currency: str | None = None
    price_per_one_unit_strategy_name: str | None = None
    available_amount: Decimal | None = None
    limits: MarketLimits | None = None
    market_supported: bool | None = None
    is_contract: bool | None = None
    take_profit_price: Decimal | None = None
    stop_loss_price: Decimal | None = None
    limit: Decimal | None = None
    market_buy_min_total: Decimal | None = None
    min_lot_size: Decimal | None = None
    leverage_type: str | None = None
    leverage_custom_value: Decimal | None = None
