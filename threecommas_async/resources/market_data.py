# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.market_data``: Markets, pairs and currency rates (unsigned)."""

from __future__ import annotations

import builtins
from typing import Literal

from .._resource import RawResource, Resource, raw_response
from ..models import CurrencyRates, Market
from . import _catalog

__all__ = ["MarketData", "MarketDataWithRawResponse"]


class MarketData(Resource):
    """Markets, pairs and currency rates (unsigned). Reached as ``client.market_data``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> MarketDataWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return MarketDataWithRawResponse(self._client)

    async def pairs(self, *, market_code: str | None = None) -> builtins.list[str]:
        """List the pairs of a market (v2).

        ``GET /v2/accounts/market_pairs``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKET_DATA_PAIRS, {"market_code": market_code})

    async def currency_rates(
        self,
        *,
        pair: str,
        market_code: str | None = None,
        limit_type: Literal["bot", "smart_trade"] | None = None,
        pretty_display_type: str | None = None,
    ) -> CurrencyRates:
        """Get the current rates and limits of a pair.

        ``GET /ver1/accounts/currency_rates``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKET_DATA_CURRENCY_RATES, {
            "pair": pair, "market_code": market_code, "limit_type": limit_type,
            "pretty_display_type": pretty_display_type,
        })

    async def currency_rates_with_leverage(self, *, market_code: str, pair: str) -> CurrencyRates:
        """Get the current rates of a pair with its leverage limits.

        ``GET /ver1/accounts/currency_rates_with_leverage_data``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKET_DATA_CURRENCY_RATES_WITH_LEVERAGE, {
            "market_code": market_code, "pair": pair,
        })

    async def markets(self) -> builtins.list[Market]:
        """List the supported markets (exchanges).

        ``GET /ver1/accounts/market_list``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKET_DATA_MARKETS, {})

    async def pairs_v1(
        self,
        *,
        market_code: str | None = None,
        pretty_display_type: str | None = None,
    ) -> builtins.list[str]:
        """List the pairs of a market (v1).

        ``GET /ver1/accounts/market_pairs``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKET_DATA_PAIRS_V1, {
            "market_code": market_code, "pretty_display_type": pretty_display_type,
        })


class MarketDataWithRawResponse(RawResource):
    """``client.market_data.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    pairs = raw_response(MarketData.pairs)
    currency_rates = raw_response(MarketData.currency_rates)
    currency_rates_with_leverage = raw_response(MarketData.currency_rates_with_leverage)
    markets = raw_response(MarketData.markets)
    pairs_v1 = raw_response(MarketData.pairs_v1)
