"""Exchanges and market data under ``/ver1/accounts`` (mostly unsigned): connectable exchange types, markets,
pairs and currency rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._http import invalid_param
from .._payloads import EXCHANGES, PAIR_PRICES
from .._routing import HandlerRequest, RouteGroup

__all__ = ["routes"]

routes = RouteGroup()


@routes.get("/ver1/accounts/types_to_connect", None)
def types_to_connect(request: HandlerRequest) -> list[dict[str, Any]]:
    return [
        {
            "name": exchange.exchange_name,
            "market_code": exchange.market_code,
            "type": exchange.market_code,
            "form_fields": {"required": ["api_key", "secret"]},
        }
        for exchange in EXCHANGES
    ]


@routes.get("/ver1/accounts/market_list", None, signed=False)
def market_list(request: HandlerRequest) -> list[dict[str, Any]]:
    return [
        {
            "market_name": exchange.exchange_name,
            "market_url": "",
            "market_icon": "",
            "market_code": exchange.market_code,
            "help_link": "",
            "required_fields": ["api_key", "secret"],
        }
        for exchange in EXCHANGES
    ]


@routes.get("/ver1/accounts/market_pairs", None, signed=False)
def market_pairs(request: HandlerRequest) -> list[str]:
    request.params.require_text("market_code")
    return sorted(PAIR_PRICES)


@routes.get("/v2/accounts/market_pairs", None, signed=False)
def market_pairs_v2(request: HandlerRequest) -> list[str]:
    request.params.require_text("market_code")
    return sorted(PAIR_PRICES)


def _rate(request: HandlerRequest) -> dict[str, Any]:
    pair = request.params.require_text("pair")
    request.params.require_text("market_code")
    last = PAIR_PRICES.get(pair)
    if last is None:
        raise invalid_param("pair", "is not supported by this market")
    exponent = last.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else -2)
    return {
        "minPrice": str(step),
        "maxPrice": str(last * 100),
        "priceStep": str(step),
        "minLotSize": "0.0001",
        "maxLotSize": "90000000.0",
        "lotStep": "0.0001",
        "minTotal": "5.0",
        "bid": str(last - step),
        "ask": str(last + step),
        "last": str(last),
        "strategy_name": None,
        "market_type": "spot",
    }


@routes.get("/ver1/accounts/currency_rates", None, signed=False)
def currency_rates(request: HandlerRequest) -> dict[str, Any]:
    return _rate(request)


@routes.get("/ver1/accounts/currency_rates_with_leverage_data", None, signed=False)
def currency_rates_with_leverage_data(request: HandlerRequest) -> dict[str, Any]:
    return {**_rate(request), "leverage": {"max": "20.0", "types": ["cross", "isolated"]}}
