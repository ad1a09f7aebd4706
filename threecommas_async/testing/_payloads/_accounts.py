"""Exchange-account payloads: long decimal balances and profits, one JSON number in exponent form."""

from __future__ import annotations

import random
from decimal import ROUND_DOWN, Decimal
from typing import Any

from ..._json import JsonNumber
from ._market import Exchange, amount, iso, long_amount

__all__ = ["account_payload"]

Entity = dict[str, Any]


def account_payload(
    rng: random.Random, *, account_id: int, name: str, exchange: Exchange, created: float, updated: float
) -> Entity:
    usd = long_amount(rng, rng.randint(2, 5), 48)
    day_profit = long_amount(rng, 1, 50, negative=rng.random() < 0.4)
    profit = long_amount(rng, 1, 50, negative=rng.random() < 0.5)
    btc = long_amount(rng, 0, 48)
    profit_number = Decimal(profit).quantize(Decimal("1e-17"), rounding=ROUND_DOWN)
    return {
        "id": account_id,
        "auto_balance_period": rng.choice((6, 12, 24)),
        "auto_balance_portfolio_id": None,
        "auto_balance_portfolio": None,
        "auto_balance_currency_change_limit": None,
        "autobalance_enabled": False,
        "hedge_mode_available": exchange.market_type == "futures",
        "hedge_mode_enabled": False,
        "is_locked": False,
        "smart_trading_supported": True,
        "smart_selling_supported": True,
        "available_for_trading": {},
        "stats_supported": True,
        "trading_supported": True,
        "market_buy_supported": True,
        "market_sell_supported": True,
        "conditional_buy_supported": True,
        "bots_allowed": True,
        "bots_ttp_allowed": True,
        "bots_tsl_allowed": True,
        "gordon_bots_available": True,
        "multi_bots_allowed": True,
        "created_at": iso(created),
        "updated_at": iso(updated),
        "last_auto_balance": None,
        "fast_convert_available": True,
        "grid_bots_allowed": True,
        "api_key_invalid": False,
        "market_icon": f"https://3commas.io/img/exchanges/{exchange.market_code}.png",
        "deposit_enabled": False,
        "include_in_summary": True,
        "supported_market_types": [exchange.market_type],
        "primary_display_currency_profit_percentage": {"currency": "USD", "amount": amount(Decimal(profit), 2)},
        "primary_display_currency_profit": {"currency": "USD", "amount": profit},
        "day_profit_primary_display_currency_percentage": {"currency": "USD", "amount": amount(Decimal(day_profit), 4)},
        "day_profit_primary_display_currency": {"currency": "USD", "amount": day_profit},
        "primary_display_currency_amount": {"currency": "USD", "amount": usd},
        "total_primary_display_currency_profit": {"currency": "USD", "amount": JsonNumber(profit_number)},
        "available_include_in_summary": True,
        "name": name,
        "auto_balance_method": None,
        "auto_balance_error": None,
        "customer_id": None,
        "subaccount_name": None,
        "lock_reason": None,
        "btc_amount": btc,
        "usd_amount": usd,
        "day_profit_btc": long_amount(rng, 0, 54, negative=day_profit.startswith("-")),
        "day_profit_usd": day_profit,
        "day_profit_btc_percentage": amount(Decimal(day_profit) / 3, 2),
        "day_profit_usd_percentage": amount(Decimal(day_profit), 2),
        "btc_profit": long_amount(rng, 0, 48, negative=profit.startswith("-")),
        "usd_profit": profit,
        "usd_profit_percentage": amount(Decimal(profit) / 2, 2),
        "btc_profit_percentage": amount(Decimal(profit) * 3, 2),
        "total_btc_profit": f"{'-' if profit.startswith('-') else ''}{rng.randint(1000, 9999) / 1000}e-05",
        "total_usd_profit": str(profit_number),
        "pretty_display_type": exchange.pretty_display_type,
        "exchange_name": exchange.exchange_name,
        "market_code": exchange.market_code,
        "nomics_id": exchange.market_code,
        "api_keys_state": "ok",
        "dust_amount_btc": JsonNumber(f"-{rng.randint(11, 99) / 10}e-19"),
    }
