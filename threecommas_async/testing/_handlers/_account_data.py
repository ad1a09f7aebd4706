"""What the fake reports about one account: balance tables and charts, active trading entities, deposit,
leverage and network info, trading volumes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._keys import Permission
from .._payloads import PAIR_PRICES, iso
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity
from ._accounts import account_of
from ._common import numeric

__all__ = ["routes"]

routes = RouteGroup()

_READ = Permission.ACCOUNTS_READ


def _balances(account: Entity) -> list[dict[str, Any]]:
    usd = numeric(account["usd_amount"])
    shares = (
        ("USDT", Decimal("0.55"), Decimal(1)),
        ("BTC", Decimal("0.3"), PAIR_PRICES["USDT_BTC"]),
        ("ETH", Decimal("0.15"), PAIR_PRICES["USDT_ETH"]),
    )
    rows = []
    for code, share, price in shares:
        usd_value = usd * share
        rows.append(
            {
                "currency_code": code,
                "currency_name": code,
                "currency_icon": f"https://3commas.io/img/coins/{code.lower()}.png",
                "percentage": str(share * 100),
                "position": str(usd_value / price),
                "equity": str(usd_value / price),
                "usd_value": str(usd_value),
                "btc_value": str(usd_value / PAIR_PRICES["USDT_BTC"]),
                "current_price_usd": str(price),
                "on_orders": "0.0",
            }
        )
    return rows


@routes.post("/ver1/accounts/{account_id}/account_table_data", _READ, repeat=RepeatCheck.NONE)
def account_table_data(request: HandlerRequest) -> list[dict[str, Any]]:
    return _balances(account_of(request))


@routes.post("/ver1/accounts/{account_id}/pie_chart_data", _READ, repeat=RepeatCheck.NONE)
def pie_chart_data(request: HandlerRequest) -> list[dict[str, Any]]:
    return [
        {
            "code": row["currency_code"],
            "coinName": row["currency_name"],
            "percentage": row["percentage"],
            "amount": row["position"],
            "usd_value": row["usd_value"],
            "btc_value": row["btc_value"],
        }
        for row in _balances(account_of(request))
    ]


@routes.get("/ver1/accounts/{account_id}/active_trading_entities", _READ)
def active_trading_entities(request: HandlerRequest) -> dict[str, Any]:
    account = account_of(request)
    book = request.book
    return {
        "data": {
            "active_deals_count": sum(
                deal["account_id"] == account["id"] and not deal["finished?"] for deal in book.deals.values()
            ),
            "active_smart_trades_count": sum(
                trade["account"]["id"] == account["id"] and not trade["data"]["finished"]
                for trade in book.smart_trades.values()
            ),
            "active_grid_bots_count": sum(
                grid["account_id"] == account["id"] and grid["is_enabled"] for grid in book.grid_bots.values()
            ),
            "active_bots_count": sum(
                bot["account_id"] == account["id"] and bot["is_enabled"] for bot in book.bots.values()
            ),
            "active_orders_count": 0,
        }
    }


@routes.get("/ver1/accounts/{account_id}/balance_chart_data", _READ)
def balance_chart_data(request: HandlerRequest) -> list[dict[str, Any]]:
    account = account_of(request)
    usd = numeric(account["usd_amount"])
    day = 86_400
    today = int(request.now) // day * day
    return [
        {
            "date": today - offset * day,
            "usd": str(usd * (1 - Decimal(offset) / 100)),
            "btc": str(usd / PAIR_PRICES["USDT_BTC"]),
        }
        for offset in range(6, -1, -1)
    ]


@routes.get("/ver1/accounts/{account_id}/deposit_data", _READ)
def deposit_data(request: HandlerRequest) -> dict[str, Any]:
    account_of(request)
    currency = request.params.require_text("currency")
    return {"currency": currency, "address": "0x5be1d0a3c39e2a4f7b0c12e4b5c0d7f1e0a2b9c8", "address_tag": None}


@routes.get("/ver1/accounts/{account_id}/leverage_data", _READ)
def leverage_data(request: HandlerRequest) -> dict[str, Any]:
    account_of(request)
    pair = request.params.require_text("pair")
    limits = {"min": "1.0", "max": "20.0"} if pair else {}
    return [  # type: ignore[return-value]
        {
            "code": code,
            "name": code.title(),
            "can_set_leverage_value": True,
            "available_leverage_values": [],
            "max_leverage": "20.0",
            "valid": limits,
        }
        for code in ("cross", "isolated")
    ]


@routes.get("/ver1/accounts/{account_id}/networks_info", _READ)
def networks_info(request: HandlerRequest) -> dict[str, Any]:
    account_of(request)
    networks = [
        {
            "network": "ERC20",
            "network_name": "Ethereum (ERC20)",
            "withdraw_fee": "0.00042",
            "withdraw_min": "0.001",
            "default": True,
        },
        {
            "network": "TRC20",
            "network_name": "Tron (TRC20)",
            "withdraw_fee": "1.0",
            "withdraw_min": "10.0",
            "default": False,
        },
    ]
    currency = request.params.text("currency", "USDT")
    return {
        "currency": currency,
        "name": currency,
        "deposit_enable": True,
        "withdraw_enable": True,
        "network_list": networks,
    }


@routes.get("/ver1/accounts/{account_id}/volume/daily", _READ)
def volume_daily(request: HandlerRequest) -> dict[str, Any]:
    account_of(request)
    return {"date": request.params.text("date", iso(request.now)[:10]), "volume": "1843.27519004"}


@routes.get("/ver1/accounts/{account_id}/volume/monthly", _READ)
def volume_monthly(request: HandlerRequest) -> dict[str, Any]:
    account_of(request)
    return {"month": request.params.text("month", iso(request.now)[:7]), "volume": "40211.9385177104"}


@routes.get("/ver1/accounts/{account_id}/volume/total", _READ)
def volume_total(request: HandlerRequest) -> dict[str, Any]:
    account_of(request)
    return {"volume": "518227.102938471100394"}
