# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.deals``: DCA bot deals: list, edit, cancel, panic sell, add funds, orders."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from .._endpoint import Priority
from .._exceptions import warn_deprecated
from .._pagination import AsyncPaginator
from .._resource import RawResource, Resource, raw_response
from ..models import Deal, DealAddFundsInfo, MarketOrder, SmartTrade
from ..params import CustomSafetyStep, Number
from . import _catalog

__all__ = ["Deals", "DealsWithRawResponse"]


class Deals(Resource):
    """DCA bot deals: list, edit, cancel, panic sell, add funds, orders. Reached as ``client.deals``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> DealsWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return DealsWithRawResponse(self._client)

    async def list(
        self,
        *,
        bot_id: int | None = None,
        account_id: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        from_: dt.datetime | str | None = None,
        to: dt.datetime | str | None = None,
        scope: Literal["active", "finished", "completed", "cancelled", "failed"] | None = None,
        order: Literal["created_at", "updated_at", "closed_at", "profit", "profit_percentage"] | None = None,
        order_direction: Literal["ASC", "DESC", "asc", "desc"] | None = None,
        base: str | None = None,
        quote: str | None = None,
        note: str | None = None,
    ) -> builtins.list[Deal]:
        """List deals.

        ``GET /ver1/deals``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_LIST, {
            "bot_id": bot_id, "account_id": account_id, "limit": limit, "offset": offset, "from_": from_,
            "to": to, "scope": scope, "order": order, "order_direction": order_direction, "base": base,
            "quote": quote, "note": note,
        })

    def iterate(
        self,
        *,
        bot_id: int | None = None,
        account_id: int | None = None,
        from_: dt.datetime | str | None = None,
        to: dt.datetime | str | None = None,
        scope: Literal["active", "finished", "completed", "cancelled", "failed"] | None = None,
        order: Literal["created_at", "updated_at", "closed_at", "profit", "profit_percentage"] | None = None,
        order_direction: Literal["ASC", "DESC", "asc", "desc"] | None = None,
        base: str | None = None,
        quote: str | None = None,
        note: str | None = None,
        page_size: int | None = None,
        priority: Priority | None = None,
    ) -> AsyncPaginator[Deal]:
        """Every row of ``deals.list``, page by page (at most 1000 per page, ``limit``/``offset``).

        ``async for row in client.deals.iterate(...)`` walks all pages until a short one;
        ``await`` it for the first page only. ``page_size`` defaults to the maximum; ``priority`` is the
        limiter lane of the page requests (``"bulk"`` for a collector; None: the client's default)."""
        return AsyncPaginator(self._client, _catalog.DEALS_LIST, {
            "bot_id": bot_id, "account_id": account_id, "from_": from_, "to": to, "scope": scope,
            "order": order, "order_direction": order_direction, "base": base, "quote": quote, "note": note,
        }, page_size=page_size, priority=priority)

    async def add_funds(
        self,
        deal_id: int,
        *,
        quantity: Number,
        is_market: bool,
        rate: Number,
        response_type: Literal["deal", "market_order", "empty"] | None = None,
    ) -> MarketOrder:
        """Add funds to a deal with a manual safety order.

        ``POST /ver1/deals/{deal_id}/add_funds``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_ADD_FUNDS, {
            "deal_id": deal_id, "quantity": quantity, "is_market": is_market, "rate": rate,
            "response_type": response_type,
        })

    async def cancel(self, deal_id: int) -> Deal:
        """Cancel a deal (open orders cancelled, position kept).

        ``POST /ver1/deals/{deal_id}/cancel``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_CANCEL, {"deal_id": deal_id})

    async def cancel_order(self, deal_id: int, *, order_id: int) -> builtins.list[MarketOrder]:
        """Cancel one manual safety order of a deal.

        ``POST /ver1/deals/{deal_id}/cancel_order``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_CANCEL_ORDER, {
            "deal_id": deal_id, "order_id": order_id,
        })

    async def convert_to_smart_trade(self, deal_id: int, *, stop_bot: bool | None = None) -> SmartTrade:
        """Convert a deal into a smart trade.

        ``POST /ver1/deals/{deal_id}/convert_to_smart_trade``: permission SMART_TRADES_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_CONVERT_TO_SMART_TRADE, {
            "deal_id": deal_id, "stop_bot": stop_bot,
        })

    async def data_for_adding_funds(self, deal_id: int) -> DealAddFundsInfo:
        """Get the limits and balances for adding funds to a deal.

        ``GET /ver1/deals/{deal_id}/data_for_adding_funds``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_DATA_FOR_ADDING_FUNDS, {"deal_id": deal_id})

    async def market_orders(self, deal_id: int) -> builtins.list[MarketOrder]:
        """List the orders of a deal.

        ``GET /ver1/deals/{deal_id}/market_orders``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_MARKET_ORDERS, {"deal_id": deal_id})

    async def panic_sell(self, deal_id: int) -> Deal:
        """Close a deal at market price.

        ``POST /ver1/deals/{deal_id}/panic_sell``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_PANIC_SELL, {"deal_id": deal_id})

    async def panic_sell_step(self, deal_id: int, *, trade_id: int) -> Deal:
        """Close one take-profit step of a deal at market price.

        ``POST /ver1/deals/{deal_id}/panic_sell_step``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_PANIC_SELL_STEP, {
            "deal_id": deal_id, "trade_id": trade_id,
        })

    async def show(self, deal_id: int) -> Deal:
        """Get one deal.

        ``GET /ver1/deals/{deal_id}/show``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_SHOW, {"deal_id": deal_id})

    async def update(
        self,
        deal_id: int,
        *,
        take_profit: Number | None = None,
        take_profit_steps: Sequence[Mapping[str, Any]] | None = None,
        profit_currency: Literal["quote_currency", "base_currency"] | None = None,
        take_profit_type: Literal["base", "total"] | None = None,
        trailing_enabled: bool | None = None,
        sl_to_breakeven_enabled: bool | None = None,
        sl_to_breakeven_data: Mapping[str, Any] | None = None,
        max_safety_orders: int | None = None,
        active_safety_orders_count: int | None = None,
        custom_safety_steps: Sequence[CustomSafetyStep | Mapping[str, Any]] | None = None,
        stop_loss_percentage: Number | None = None,
        stop_loss_timeout_enabled: bool | None = None,
        stop_loss_timeout_in_seconds: int | None = None,
        tsl_enabled: bool | None = None,
        stop_loss_type: Literal["stop_loss", "stop_loss_and_disable_bot"] | None = None,
        close_timeout: int | None = None,
        note: str | None = None,
        min_profit_percentage: Number | None = None,
        trailing_deviation: Number | None = None,
    ) -> Deal:
        """Edit a deal's take profit, stop loss and safety orders.

        ``PATCH /ver1/deals/{deal_id}/update_deal``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_UPDATE, {
            "deal_id": deal_id, "take_profit": take_profit, "take_profit_steps": take_profit_steps,
            "profit_currency": profit_currency, "take_profit_type": take_profit_type,
            "trailing_enabled": trailing_enabled, "sl_to_breakeven_enabled": sl_to_breakeven_enabled,
            "sl_to_breakeven_data": sl_to_breakeven_data, "max_safety_orders": max_safety_orders,
            "active_safety_orders_count": active_safety_orders_count,
            "custom_safety_steps": custom_safety_steps, "stop_loss_percentage": stop_loss_percentage,
            "stop_loss_timeout_enabled": stop_loss_timeout_enabled,
            "stop_loss_timeout_in_seconds": stop_loss_timeout_in_seconds, "tsl_enabled": tsl_enabled,
            "stop_loss_type": stop_loss_type, "close_timeout": close_timeout, "note": note,
            "min_profit_percentage": min_profit_percentage, "trailing_deviation": trailing_deviation,
        })

    async def update_max_safety_orders(self, deal_id: int, *, max_safety_orders: int) -> Deal:
        """Change the maximum number of safety orders of a deal.

        ``POST /ver1/deals/{deal_id}/update_max_safety_orders``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.DEALS_UPDATE_MAX_SAFETY_ORDERS, {
            "deal_id": deal_id, "max_safety_orders": max_safety_orders,
        })

    async def update_tp(self, deal_id: int, *, new_take_profit_percentage: Number) -> Deal:
        """Change the take profit percentage of a deal (deprecated: use deals.update).

        ``POST /ver1/deals/{deal_id}/update_tp``: permission BOTS_WRITE, signed.
        Deprecated by 3Commas: calling it issues a ``DeprecatedEndpointWarning``."""
        warn_deprecated("deals.update_tp", stacklevel=self._warning_stacklevel)
        return await self._client._call_endpoint(_catalog.DEALS_UPDATE_TP, {
            "deal_id": deal_id, "new_take_profit_percentage": new_take_profit_percentage,
        })


class DealsWithRawResponse(RawResource):
    """``client.deals.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(Deals.list)
    add_funds = raw_response(Deals.add_funds)
    cancel = raw_response(Deals.cancel)
    cancel_order = raw_response(Deals.cancel_order)
    convert_to_smart_trade = raw_response(Deals.convert_to_smart_trade)
    data_for_adding_funds = raw_response(Deals.data_for_adding_funds)
    market_orders = raw_response(Deals.market_orders)
    panic_sell = raw_response(Deals.panic_sell)
    panic_sell_step = raw_response(Deals.panic_sell_step)
    show = raw_response(Deals.show)
    update = raw_response(Deals.update)
    update_max_safety_orders = raw_response(Deals.update_max_safety_orders)
    update_tp = raw_response(Deals.update_tp)
