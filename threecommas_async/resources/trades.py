# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.trades``: Simple trades: single market, limit or conditional orders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from .._resource import RawResource, Resource, raw_response
from ..models import SimpleTradeEnvelope, SimpleTradeList
from ..params import Price, Timeout, TradeConditional, TradeLeverage, TradeOrder, TradeTrailing, Units
from . import _catalog

__all__ = ["Trades", "TradesWithRawResponse"]


class Trades(Resource):
    """Simple trades: single market, limit or conditional orders. Reached as ``client.trades``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> TradesWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return TradesWithRawResponse(self._client)

    async def list(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        order_by: Literal["pair", "created_at"] | None = None,
        order_direction: Literal["asc", "desc", "ASC", "DESC"] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> SimpleTradeList:
        """List active simple trades.

        ``GET /ver1/trades``: permission SMART_TRADES_READ, signed."""
        return await self._client._call_endpoint(_catalog.TRADES_LIST, {
            "account_id": account_id, "pair": pair, "order_by": order_by, "order_direction": order_direction,
            "limit": limit, "offset": offset,
        })

    async def create(
        self,
        *,
        account_id: int,
        pair: str,
        order: TradeOrder | Mapping[str, Any],
        units: Units | Mapping[str, Any],
        conditional: TradeConditional | Mapping[str, Any],
        trailing: TradeTrailing | Mapping[str, Any],
        timeout: Timeout | Mapping[str, Any],
        price: Price | Mapping[str, Any] | None = None,
        leverage: TradeLeverage | Mapping[str, Any] | None = None,
    ) -> SimpleTradeEnvelope:
        """Place a simple trade (market, limit or conditional order).

        ``POST /ver1/trades``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.TRADES_CREATE, {
            "account_id": account_id, "pair": pair, "order": order, "units": units,
            "conditional": conditional, "trailing": trailing, "timeout": timeout, "price": price,
            "leverage": leverage,
        })

    async def history(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        order_by: Literal["pair", "created_at", "closed_at"] | None = None,
        order_direction: Literal["asc", "desc", "ASC", "DESC"] | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> SimpleTradeList:
        """List finished simple trades.

        ``GET /ver1/trades/history``: permission SMART_TRADES_READ, signed."""
        return await self._client._call_endpoint(_catalog.TRADES_HISTORY, {
            "account_id": account_id, "pair": pair, "order_by": order_by, "order_direction": order_direction,
            "limit": limit, "offset": offset,
        })

    async def show(self, uuid: str) -> SimpleTradeEnvelope:
        """Get one simple trade.

        ``GET /ver1/trades/{uuid}``: permission SMART_TRADES_READ, signed."""
        return await self._client._call_endpoint(_catalog.TRADES_SHOW, {"uuid": uuid})

    async def cancel(self, uuid: str) -> SimpleTradeEnvelope:
        """Cancel a simple trade.

        ``POST /ver1/trades/{uuid}/cancel``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.TRADES_CANCEL, {"uuid": uuid})


class TradesWithRawResponse(RawResource):
    """``client.trades.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(Trades.list)
    create = raw_response(Trades.create)
    history = raw_response(Trades.history)
    show = raw_response(Trades.show)
    cancel = raw_response(Trades.cancel)
