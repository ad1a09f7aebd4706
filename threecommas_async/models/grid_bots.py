"""Grid bots (``/ver1/grid_bots``), their grid lines and market orders.

Several counters and flags of a grid bot arrive as JSON strings (``"grids_quantity": "81"``,
``"trailing_up_enabled": "true"``); counters are Decimals like every other number sent as text and
the string flags stay as sent.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import attrs

from ._base import ResponseModel
from .deals import MarketOrder

__all__ = [
    "CurrencyQuantity",
    "GridBot",
    "GridBotBalances",
    "GridBotMarketOrders",
    "GridBotProfit",
    "GridBotRequiredBalances",
    "GridLine",
]


@attrs.define(slots=True, kw_only=True)
class GridLine(ResponseModel):
    """One price level of the grid; ``side`` is None while no order is assigned."""

    id: int | None = None
    price: Decimal | None = None
    side: str | None = None
    order_placed: bool | None = None


@attrs.define(slots=True, kw_only=True)
class GridBot(ResponseModel):
    """A grid bot: price range, grid geometry, investment and profit."""

    id: int
    name: str | None = None
    account_id: int | None = None
    account_name: str | None = None
    pair: str | None = None
    is_enabled: bool | None = None
    editable: bool | None = None
    note: str | None = None
    mode: str | None = None
    strategy_type: str | None = None
    grid_type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    lower_price: Decimal | None = None
    upper_price: Decimal | None = None
    start_price: Decimal | None = None
    current_price: Decimal | None = None
    grid_price_step: Decimal | None = None
    grids_quantity: Decimal | None = None
    quantity_per_grid: Decimal | None = None
    max_active_buy_lines: Decimal | None = None
    max_active_sell_lines: Decimal | None = None
    order_currency_type: str | None = None
    profit_currency_type: str | None = None
    orderbook_price_currency: str | None = None
    leverage_type: str | None = None
    leverage_custom_value: Decimal | None = None

    upper_stop_loss_enabled: bool | None = None
    upper_stop_loss_price: Decimal | None = None
    upper_stop_loss_action: str | None = None
    lower_stop_loss_enabled: bool | None = None
    lower_stop_loss_price: Decimal | None = None
    lower_stop_loss_action: str | None = None
    trailing_up_enabled: bool | str | None = None
    expansion_down_enabled: bool | str | None = None
    expansion_down_stop_price: Decimal | None = None

    investment_base_currency: Decimal | None = None
    investment_quote_currency: Decimal | None = None
    bought_volume: Decimal | None = None
    sold_volume: Decimal | None = None
    current_profit: Decimal | None = None
    current_profit_usd: Decimal | None = None
    total_profits_count: Decimal | None = None
    profit_percentage: Decimal | None = None
    unrealized_profit_loss: Decimal | None = None
    current_profit_loss: Decimal | None = None
    current_profit_loss_percent: Decimal | None = None

    grid_lines: list[GridLine] | None = None


@attrs.define(slots=True, kw_only=True)
class GridBotMarketOrders(ResponseModel):
    """``GET /ver1/grid_bots/{id}/market_orders``: orders of the grid lines and balancing orders."""

    grid_lines_orders: list[MarketOrder] | None = None
    balancing_orders: list[MarketOrder] | None = None


@attrs.define(slots=True, kw_only=True)
class GridBotProfit(ResponseModel):
    """One closed grid cycle of ``GET /ver1/grid_bots/{id}/profits`` and the grid line it closed on."""

    grid_line_id: int | None = None
    profit: Decimal | None = None
    usd_profit: Decimal | None = None
    created_at: datetime | None = None
    grid_line: GridLine | None = None


@attrs.define(slots=True, kw_only=True)
class CurrencyQuantity(ResponseModel):
    """``{"quantity": "12.5", "currency": "USDT"}``."""

    quantity: Decimal | None = None
    currency: str | None = None


@attrs.define(slots=True, kw_only=True)
class GridBotBalances(ResponseModel):
    """Base and quote amounts a grid bot needs (or lacks)."""

    base: CurrencyQuantity | None = None
    quote: CurrencyQuantity | None = None


@attrs.define(slots=True, kw_only=True)
class GridBotRequiredBalances(ResponseModel):
    """``GET /ver1/grid_bots/{id}/required_balances``: what a grid bot needs to start and what is missing."""

    required_balance: GridBotBalances | None = None
    missing_balance: GridBotBalances | None = None
    necessary_quantities: CurrencyQuantity | None = None
    need_balancing: bool | None = None
    balancing_available: bool | None = None
