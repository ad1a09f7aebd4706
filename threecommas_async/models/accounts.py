"""Exchange accounts: ``GET /ver1/accounts``, ``/ver1/accounts/{account_id}``, ``new``, ``update``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from ._base import ResponseModel
from ._common import CurrencyAmount

__all__ = ["Account"]


@attrs.define(slots=True, kw_only=True)
class Account(ResponseModel):
    """A connected exchange account with its balances and profit figures."""

    id: int
    name: str | None = None
    exchange_name: str | None = None
    market_code: str | None = None
    nomics_id: str | None = None
    market_icon: str | None = None
    pretty_display_type: str | None = None
    api_key: str | None = None
    api_key_invalid: bool | None = None
    api_keys_state: str | None = None
    customer_id: str | None = None
    subaccount_name: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    auto_balance_period: int | None = None
    auto_balance_portfolio_id: int | None = None
    auto_balance_portfolio: Any = None
    auto_balance_currency_change_limit: Decimal | None = None
    auto_balance_method: str | None = None
    auto_balance_error: str | None = None
    autobalance_enabled: bool | None = None
    last_auto_balance: datetime | None = None

    hedge_mode_available: bool | None = None
    hedge_mode_enabled: bool | None = None
    is_locked: bool | None = None
    lock_reason: str | None = None
    smart_trading_supported: bool | None = None
    smart_selling_supported: bool | None = None
    available_for_trading: dict[str, Any] | None = None
    stats_supported: bool | None = None
    trading_supported: bool | None = None
    market_buy_supported: bool | None = None
    market_sell_supported: bool | None = None
    conditional_buy_supported: bool | None = None
    bots_allowed: bool | None = None
    bots_ttp_allowed: bool | None = None
    bots_tsl_allowed: bool | None = None
    gordon_bots_available: bool | None = None
    multi_bots_allowed: bool | None = None
    fast_convert_available: bool | None = None
    grid_bots_allowed: bool | None = None
    deposit_enabled: bool | None = None
    include_in_summary: bool | None = None
    available_include_in_summary: bool | None = None
    supported_market_types: list[str] | None = None

    primary_display_currency_amount: CurrencyAmount | None = None
    primary_display_currency_profit: CurrencyAmount | None = None
    primary_display_currency_profit_percentage: CurrencyAmount | None = None
    day_profit_primary_display_currency: CurrencyAmount | None = None
    day_profit_primary_display_currency_percentage: CurrencyAmount | None = None
    total_primary_display_currency_profit: CurrencyAmount | None = None

    btc_amount: Decimal | None = None
    usd_amount: Decimal | None = None
    day_profit_btc: Decimal | None = None
    day_profit_usd: Decimal | None = None
    day_profit_btc_percentage: Decimal | None = None
    day_profit_usd_percentage: Decimal | None = None
    btc_profit: Decimal | None = None
    usd_profit: Decimal | None = None
    btc_profit_percentage: Decimal | None = None
    usd_profit_percentage: Decimal | None = None
    total_btc_profit: Decimal | None = None
    total_usd_profit: Decimal | None = None
