# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.smart_trades``: Smart trades (v2): position, take profit, stop loss, and their trades."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from .._endpoint import Priority
from .._pagination import AsyncPaginator
from .._resource import RawResource, Resource, raw_response
from ..models import SmartTrade, SmartTradeReduceFundsInfo, SmartTradeTrade
from ..params import Leverage, Position, Price, StopLoss, TakeProfit, Units
from . import _catalog

__all__ = ["SmartTrades", "SmartTradesWithRawResponse"]


class SmartTrades(Resource):
    """Smart trades (v2): position, take profit, stop loss, and their trades. Reached as ``client.smart_trades``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> SmartTradesWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return SmartTradesWithRawResponse(self._client)

    async def list(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: Literal["simple_buy", "simple_sell", "smart_sell", "smart_trade", "smart_cover", "smart_buy"] | None = None,
        page: int | None = None,
        per_page: int | None = None,
        status: Literal["all", "active", "finished", "successfully_finished", "cancelled", "failed"] | None = None,
        order_by: Literal["created_at", "updated_at", "closed_at", "status", "profit", "profit_percentage"] | None = None,
        order_direction: Literal["ASC", "DESC", "asc", "desc"] | None = None,
        from_: dt.datetime | str | None = None,
        to: dt.datetime | str | None = None,
        base: str | None = None,
        quote: str | None = None,
    ) -> builtins.list[SmartTrade]:
        """List smart trades.

        ``GET /v2/smart_trades``: permission SMART_TRADES_READ, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_LIST, {
            "account_id": account_id, "pair": pair, "type": type, "page": page, "per_page": per_page,
            "status": status, "order_by": order_by, "order_direction": order_direction, "from_": from_,
            "to": to, "base": base, "quote": quote,
        })

    def iterate(
        self,
        *,
        account_id: int | None = None,
        pair: str | None = None,
        type: Literal["simple_buy", "simple_sell", "smart_sell", "smart_trade", "smart_cover", "smart_buy"] | None = None,
        status: Literal["all", "active", "finished", "successfully_finished", "cancelled", "failed"] | None = None,
        order_by: Literal["created_at", "updated_at", "closed_at", "status", "profit", "profit_percentage"] | None = None,
        order_direction: Literal["ASC", "DESC", "asc", "desc"] | None = None,
        from_: dt.datetime | str | None = None,
        to: dt.datetime | str | None = None,
        base: str | None = None,
        quote: str | None = None,
        page_size: int | None = None,
        priority: Priority | None = None,
    ) -> AsyncPaginator[SmartTrade]:
        """Every row of ``smart_trades.list``, page by page (at most 100 per page, ``per_page``/``page``).

        ``async for row in client.smart_trades.iterate(...)`` walks all pages until a short one;
        ``await`` it for the first page only. ``page_size`` defaults to the maximum; ``priority`` is the
        limiter lane of the page requests (``"bulk"`` for a collector; None: the client's default)."""
        return AsyncPaginator(self._client, _catalog.SMART_TRADES_LIST, {
            "account_id": account_id, "pair": pair, "type": type, "status": status, "order_by": order_by,
            "order_direction": order_direction, "from_": from_, "to": to, "base": base, "quote": quote,
        }, page_size=page_size, priority=priority)

    async def create(
        self,
        *,
        account_id: int,
        pair: str,
        instant: bool | None = None,
        skip_enter_step: bool | None = None,
        leverage: Leverage | Mapping[str, Any] | None = None,
        position: Position | Mapping[str, Any] | None = None,
        take_profit: TakeProfit | Mapping[str, Any] | None = None,
        stop_loss: StopLoss | Mapping[str, Any] | None = None,
        note: str | None = None,
    ) -> SmartTrade:
        """Create a smart trade.

        ``POST /v2/smart_trades``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_CREATE, {
            "account_id": account_id, "pair": pair, "instant": instant, "skip_enter_step": skip_enter_step,
            "leverage": leverage, "position": position, "take_profit": take_profit, "stop_loss": stop_loss,
            "note": note,
        })

    async def cancel(self, smart_trade_id: int) -> SmartTrade:
        """Cancel a smart trade.

        ``DELETE /v2/smart_trades/{id}``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_CANCEL, {
            "smart_trade_id": smart_trade_id,
        })

    async def show(self, smart_trade_id: int) -> SmartTrade:
        """Get one smart trade.

        ``GET /v2/smart_trades/{id}``: permission SMART_TRADES_READ, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_SHOW, {
            "smart_trade_id": smart_trade_id,
        })

    async def update(
        self,
        smart_trade_id: int,
        *,
        leverage: Leverage | Mapping[str, Any] | None = None,
        position: Position | Mapping[str, Any] | None = None,
        take_profit: TakeProfit | Mapping[str, Any] | None = None,
        stop_loss: StopLoss | Mapping[str, Any] | None = None,
    ) -> SmartTrade:
        """Edit a smart trade.

        ``PATCH /v2/smart_trades/{id}``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_UPDATE, {
            "smart_trade_id": smart_trade_id, "leverage": leverage, "position": position,
            "take_profit": take_profit, "stop_loss": stop_loss,
        })

    async def add_funds(
        self,
        smart_trade_id: int,
        *,
        order_type: Literal["market", "limit"],
        units: Units | Mapping[str, Any],
        price: Price | Mapping[str, Any],
    ) -> SmartTrade:
        """Add funds to a smart trade's position (averaging).

        ``POST /v2/smart_trades/{id}/add_funds``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_ADD_FUNDS, {
            "smart_trade_id": smart_trade_id, "order_type": order_type, "units": units, "price": price,
        })

    async def close_by_market(self, smart_trade_id: int) -> SmartTrade:
        """Close a smart trade at market price.

        ``POST /v2/smart_trades/{id}/close_by_market``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_CLOSE_BY_MARKET, {
            "smart_trade_id": smart_trade_id,
        })

    async def force_process(self, smart_trade_id: int) -> SmartTrade:
        """Ask 3Commas to process a smart trade now.

        ``POST /v2/smart_trades/{id}/force_process``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_FORCE_PROCESS, {
            "smart_trade_id": smart_trade_id,
        })

    async def force_start(self, smart_trade_id: int) -> SmartTrade:
        """Open a smart trade's pending position now.

        ``POST /v2/smart_trades/{id}/force_start``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_FORCE_START, {
            "smart_trade_id": smart_trade_id,
        })

    async def reduce_funds(
        self,
        smart_trade_id: int,
        *,
        order_type: Literal["market", "limit"],
        units: Units | Mapping[str, Any],
        price: Price | Mapping[str, Any],
    ) -> SmartTrade:
        """Reduce a smart trade's position.

        ``POST /v2/smart_trades/{id}/reduce_funds``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_REDUCE_FUNDS, {
            "smart_trade_id": smart_trade_id, "order_type": order_type, "units": units, "price": price,
        })

    async def reduce_funds_info(self, smart_trade_id: int) -> SmartTradeReduceFundsInfo:
        """Get the limits for reducing a smart trade's position.

        ``GET /v2/smart_trades/{id}/reduce_funds_info``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_REDUCE_FUNDS_INFO, {
            "smart_trade_id": smart_trade_id,
        })

    async def set_note(self, smart_trade_id: int, *, note: str) -> SmartTrade:
        """Set the note of a smart trade.

        ``POST /v2/smart_trades/{id}/set_note``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_SET_NOTE, {
            "smart_trade_id": smart_trade_id, "note": note,
        })

    async def trades(self, smart_trade_id: int) -> builtins.list[SmartTradeTrade]:
        """List the trades (orders) of a smart trade.

        ``GET /v2/smart_trades/{smart_trade_id}/trades``: permission SMART_TRADES_READ, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_TRADES, {
            "smart_trade_id": smart_trade_id,
        })

    async def cancel_trade(self, smart_trade_id: int, trade_id: int) -> SmartTrade:
        """Cancel one trade of a smart trade.

        ``DELETE /v2/smart_trades/{smart_trade_id}/trades/{trade_id}``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_CANCEL_TRADE, {
            "smart_trade_id": smart_trade_id, "trade_id": trade_id,
        })

    async def close_trade_by_market(self, smart_trade_id: int, trade_id: int) -> SmartTrade:
        """Close one trade of a smart trade at market price.

        ``POST /v2/smart_trades/{smart_trade_id}/trades/{trade_id}/close_by_market``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.SMART_TRADES_CLOSE_TRADE_BY_MARKET, {
            "smart_trade_id": smart_trade_id, "trade_id": trade_id,
        })


class SmartTradesWithRawResponse(RawResource):
    """``client.smart_trades.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(SmartTrades.list)
    create = raw_response(SmartTrades.create)
    cancel = raw_response(SmartTrades.cancel)
    show = raw_response(SmartTrades.show)
    update = raw_response(SmartTrades.update)
    add_funds = raw_response(SmartTrades.add_funds)
    close_by_market = raw_response(SmartTrades.close_by_market)
    force_process = raw_response(SmartTrades.force_process)
    force_start = raw_response(SmartTrades.force_start)
    reduce_funds = raw_response(SmartTrades.reduce_funds)
    reduce_funds_info = raw_response(SmartTrades.reduce_funds_info)
    set_note = raw_response(SmartTrades.set_note)
    trades = raw_response(SmartTrades.trades)
    cancel_trade = raw_response(SmartTrades.cancel_trade)
    close_trade_by_market = raw_response(SmartTrades.close_trade_by_market)
