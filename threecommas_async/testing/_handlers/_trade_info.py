"""What an account can trade with DCA and smart-sell bots: free balances by currency and a ticker per pair."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._payloads import PAIR_PRICES, split_pair
from .._routing import HandlerRequest, RouteGroup
from .._state import Entity
from ._common import entity, numeric

__all__ = ["routes"]

routes = RouteGroup()

_SHARES = {"USDT": Decimal("0.55"), "BTC": Decimal("0.3"), "ETH": Decimal("0.15")}


def _balances(account: Entity) -> dict[str, str]:
    usd = numeric(account["usd_amount"])
    prices = {"USDT": Decimal(1), "BTC": PAIR_PRICES["USDT_BTC"], "ETH": PAIR_PRICES["USDT_ETH"]}
    return {code: str(usd * share / prices[code]) for code, share in _SHARES.items()}


def _ticker(pair: str) -> dict[str, Any]:
    last = PAIR_PRICES[pair]
    quote, base = split_pair(pair)
    step = Decimal(1).scaleb(min(-2, int(last.as_tuple().exponent)))
    return {
        "last": str(last),
        "bid": str(last - step),
        "ask": str(last + step),
        "name": f"{base}{quote}",
        "orderbook_ask": str(last + step),
        "orderbook_bid": str(last - step),
        "orderbook_last": str(last),
        "orderbook_price_currency": quote,
        "strategy_name": "orderbook_price",
        "contract_strategy_name": "orderbook_price",
        "instrumentKind": "spot",
        "priceStep": str(step),
        "minLotSize": "0.0001",
        "maxLotSize": "90000000.0",
        "lotStep": "0.0001",
        "minTotal": "5.0",
        "minPrice": str(step),
        "maxPrice": str(last * 100),
    }


def _tickers() -> dict[str, dict[str, Any]]:
    return {pair: _ticker(pair) for pair in sorted(PAIR_PRICES)}


@routes.get("/ver1/bots/account_trade_info", None)
def account_trade_info(request: HandlerRequest) -> dict[str, Any]:
    account = entity(request.book.accounts, request.params.require_integer("account_id"), "Account")
    return {"available_for_trade_balances": _balances(account), "ticker": _tickers()}


@routes.get("/ver1/bots/account_trade_info_smart_sell", None)
def account_trade_info_smart_sell(request: HandlerRequest) -> dict[str, Any]:
    account = entity(request.book.accounts, request.params.require_integer("account_id"), "Account")
    return {"available_for_sell_balances": _balances(account), "ticker": _tickers()}
