"""DCA bots (``GET /ver1/bots``, ``/ver1/bots/{bot_id}/show``), their statistics and the strategies they can use."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from ._base import ResponseModel, epoch_seconds, wire_name
from ._common import BotEvent, BotStrategy, SafetyStep
from .deals import Deal, DealTakeProfitStep

__all__ = [
    "AvailableStrategy",
    "Bot",
    "BotCopyResult",
    "BotDayProfit",
    "BotDayProfitAmount",
    "BotDealsStats",
    "BotProfitByDay",
    "BotProfitsInUsd",
    "BotStats",
    "BotStatsByDate",
    "PairsBlacklist",
]


@attrs.define(slots=True, kw_only=True)
class Bot(ResponseModel):
    """A DCA bot: its configuration, counters and (when asked for) active deals and events."""

    id: int
    name: str | None = None
    type: str | None = None
    account_id: int | None = None
    account_name: str | None = None
    is_enabled: bool | None = None
    deletable: bool | None = attrs.field(default=None, metadata=wire_name("deletable?"))
    pairs: list[str] | None = None
    strategy: str | None = None
    strategy_list: list[BotStrategy] | None = None
    close_strategy_list: list[BotStrategy] | None = None
    safety_strategy_list: list[BotStrategy] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    url_secret: str | None = None
    easy_form_supported: bool | None = None
    start_order_type: str | None = None

    max_active_deals: int | None = None
    active_deals_count: int | None = None
    max_safety_orders: int | None = None
    active_safety_orders_count: int | None = None
    deal_start_delay_seconds: int | None = None
    disable_after_deals_count: int | None = None
    deals_counter: int | None = None
    allowed_deals_on_same_pair: int | None = None
    close_deals_timeout: int | None = None
    cooldown: Decimal | None = None

    base_order_volume: Decimal | None = None
    base_order_volume_type: str | None = None
    safety_order_volume: Decimal | None = None
    safety_order_volume_type: str | None = None
    safety_order_step_percentage: Decimal | None = None
    safety_order_calculation_mode: str | None = None
    custom_safety_steps: list[SafetyStep] | None = None
    martingale_volume_coefficient: Decimal | None = None
    martingale_step_coefficient: Decimal | None = None
    leverage_type: str | None = None
    leverage_custom_value: Decimal | None = None
    profit_currency: str | None = None
    btc_price_limit: Decimal | None = None
    min_volume_btc_24h: Decimal | None = None
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    min_price_percentage: Decimal | None = None
    max_price_percentage: Decimal | None = None

    take_profit: Decimal | None = None
    take_profit_type: str | None = None
    take_profit_steps: list[DealTakeProfitStep] | None = None
    min_profit_percentage: Decimal | None = None
    min_profit_type: str | None = None
    trailing_enabled: bool | None = None
    trailing_deviation: Decimal | None = None
    tsl_enabled: bool | None = None
    stop_loss_percentage: Decimal | None = None
    stop_loss_type: str | None = None
    stop_loss_timeout_enabled: bool | None = None
    stop_loss_timeout_in_seconds: int | None = None

    finished_deals_count: Decimal | None = None
    finished_deals_profit_usd: Decimal | None = None
    active_deals_usd_profit: Decimal | None = None
    reinvesting_percentage: Decimal | None = None
    risk_reduction_percentage: Decimal | None = None
    reinvested_volume_usd: Decimal | None = None

    active_deals: list[Deal] | None = None
    bot_events: list[BotEvent] | None = None


@attrs.define(slots=True, kw_only=True)
class BotProfitsInUsd(ResponseModel):
    """The ``profits_in_usd`` block of ``GET /ver1/bots/stats``."""

    overall_usd_profit: Decimal | None = None
    today_usd_profit: Decimal | None = None
    active_deals_usd_profit: Decimal | None = None
    funds_locked_in_active_deals: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotStats(ResponseModel):
    """``GET /ver1/bots/stats``: profit per currency overall and today, and the same in USD.

    ``overall_stats`` / ``today_stats`` map a currency code to an amount (``{"USDT": "-47.47"}``);
    the USD figures arrive as JSON numbers. Anything else the server sends is kept in ``extra``.
    """

    overall_stats: dict[str, Decimal] | None = None
    today_stats: dict[str, Decimal] | None = None
    profits_in_usd: BotProfitsInUsd | None = None


@attrs.define(slots=True, kw_only=True)
class BotStatsByDate(ResponseModel):
    """``GET /ver1/bots/stats_by_date``: profit per currency, in USD and in BTC, for one day."""

    stats: dict[str, Decimal] | None = None
    usd_profit: Decimal | None = None
    btc_profit: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotCopyResult(ResponseModel):
    """``POST /ver1/bots/{bot_id}/copy_and_create``: the new bot's id and the funds it needs to start."""

    bot_id: int
    bot_required_amount: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotDealsStats(ResponseModel):
    """``GET /ver1/bots/{bot_id}/deals_stats``: deal counts and profits of one bot."""

    active: int | None = None
    completed: int | None = None
    panic_sold: int | None = None
    from_currency_is_dollars: bool | None = None
    completed_deals_usd_profit: Decimal | None = None
    completed_deals_btc_profit: Decimal | None = None
    funds_locked_in_active_deals: Decimal | None = None
    btc_funds_locked_in_active_deals: Decimal | None = None
    active_deals_usd_profit: Decimal | None = None
    active_deals_btc_profit: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotDayProfitAmount(ResponseModel):
    """A day's profit in BTC and USD."""

    btc: Decimal | None = None
    usd: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotDayProfit(ResponseModel):
    """One day of ``profit_by_day``: the date (``s_date``, ``YYYY-MM-DD``), its start, and the profit."""

    s_date: str | None = None
    unix_timestamp: datetime | None = attrs.field(default=None, metadata=epoch_seconds())
    profit: BotDayProfitAmount | None = None


@attrs.define(slots=True, kw_only=True)
class BotProfitByDay(ResponseModel):
    """``GET /ver1/bots/{bot_id}/profit_by_day``: ``{"data": [...days]}``."""

    data: list[BotDayProfit] | None = None


@attrs.define(slots=True, kw_only=True)
class PairsBlacklist(ResponseModel):
    """``GET /ver1/bots/pairs_black_list`` and its update: the pairs no bot may trade."""

    pairs: list[str] | None = None


@attrs.define(slots=True, kw_only=True)
class AvailableStrategy(ResponseModel):
    """One value of ``GET /ver1/bots/strategy_list`` (an object keyed by strategy id, such as ``"rsi"``).

    ``options`` maps each option of an indicator strategy to its choices (code → label) or null;
    ``accounts_whitelist`` names the account types the strategy runs on.
    """

    name: str | None = None
    strategy_type: str | None = None
    payed: bool | None = None
    beta: bool | None = None
    options: dict[str, Any] | None = None
    accounts_whitelist: list[str] | None = None
