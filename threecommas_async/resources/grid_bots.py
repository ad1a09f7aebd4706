# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.grid_bots``: Grid bots: create, edit, enable, orders, profits."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from typing import Literal

from .._endpoint import Priority
from .._pagination import AsyncPaginator
from .._resource import RawResource, Resource, raw_response
from ..models import BotEvent, GridBot, GridBotMarketOrders, GridBotProfit, GridBotRequiredBalances
from ..params import Number
from . import _catalog

__all__ = ["GridBots", "GridBotsWithRawResponse"]


class GridBots(Resource):
    """Grid bots: create, edit, enable, orders, profits. Reached as ``client.grid_bots``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> GridBotsWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return GridBotsWithRawResponse(self._client)

    async def list(
        self,
        *,
        account_id: int | None = None,
        state: Literal["enabled", "disabled"] | None = None,
        sort_by: Literal["current_profit", "profit", "bot_id", "pair", "created_at", "updated_at", "name"] | None = None,
        sort_direction: Literal["ASC", "DESC"] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        from_: dt.datetime | str | None = None,
        base: str | None = None,
        quote: str | None = None,
        account_ids: int | Sequence[int] | None = None,
        account_types: str | None = None,
    ) -> builtins.list[GridBot]:
        """List grid bots.

        ``GET /ver1/grid_bots``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_LIST, {
            "account_id": account_id, "state": state, "sort_by": sort_by, "sort_direction": sort_direction,
            "limit": limit, "offset": offset, "from_": from_, "base": base, "quote": quote,
            "account_ids": account_ids, "account_types": account_types,
        })

    def iterate(
        self,
        *,
        account_id: int | None = None,
        state: Literal["enabled", "disabled"] | None = None,
        sort_by: Literal["current_profit", "profit", "bot_id", "pair", "created_at", "updated_at", "name"] | None = None,
        sort_direction: Literal["ASC", "DESC"] | None = None,
        from_: dt.datetime | str | None = None,
        base: str | None = None,
        quote: str | None = None,
        account_ids: int | Sequence[int] | None = None,
        account_types: str | None = None,
        page_size: int | None = None,
        priority: Priority | None = None,
    ) -> AsyncPaginator[GridBot]:
        """Every row of ``grid_bots.list``, page by page (at most 1000 per page, ``limit``/``offset``).

        ``async for row in client.grid_bots.iterate(...)`` walks all pages until a short one;
        ``await`` it for the first page only. ``page_size`` defaults to the maximum; ``priority`` is the
        limiter lane of the page requests (``"bulk"`` for a collector; None: the client's default)."""
        return AsyncPaginator(self._client, _catalog.GRID_BOTS_LIST, {
            "account_id": account_id, "state": state, "sort_by": sort_by, "sort_direction": sort_direction,
            "from_": from_, "base": base, "quote": quote, "account_ids": account_ids,
            "account_types": account_types,
        }, page_size=page_size, priority=priority)

    async def create(
        self,
        *,
        account_id: int,
        pair: str,
        upper_price: Number,
        lower_price: Number,
        grids_quantity: Number,
        quantity_per_grid: Number,
        name: str | None = None,
        grid_type: Literal["geometric", "arithmetic"] | None = None,
        order_currency_type: Literal["base", "quote"] | None = None,
        profit_currency_type: Literal["base", "quote"] | None = None,
        upper_stop_loss_enabled: bool | None = None,
        upper_stop_loss_action: Literal["stop_bot", "stop_bot_and_buy", "stop_bot_and_close_position"] | None = None,
        upper_stop_loss_price: Number | None = None,
        lower_stop_loss_enabled: bool | None = None,
        lower_stop_loss_action: Literal["stop_bot", "stop_bot_and_sell", "stop_bot_and_close_position"] | None = None,
        lower_stop_loss_price: Number | None = None,
        leverage_type: Literal["cross", "isolated", "not_specified"] | None = None,
        leverage_custom_value: Number | None = None,
        mode: Literal["reversal", "long", "short"] | None = None,
        max_active_sell_lines: int | None = None,
        trailing_up_enabled: bool | None = None,
        trailing_down_enabled: bool | None = None,
        expansion_down_enabled: bool | None = None,
        expansion_down_stop_price: Number | None = None,
        expansion_up_enabled: bool | None = None,
        expansion_up_stop_price: Number | None = None,
        ignore_warnings: bool | None = None,
        note: str | None = None,
        max_active_buy_lines: int | None = None,
    ) -> GridBot:
        """Create a grid bot with manual settings.

        ``POST /ver1/grid_bots/manual``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_CREATE, {
            "account_id": account_id, "pair": pair, "upper_price": upper_price, "lower_price": lower_price,
            "grids_quantity": grids_quantity, "quantity_per_grid": quantity_per_grid, "name": name,
            "grid_type": grid_type, "order_currency_type": order_currency_type,
            "profit_currency_type": profit_currency_type, "upper_stop_loss_enabled": upper_stop_loss_enabled,
            "upper_stop_loss_action": upper_stop_loss_action, "upper_stop_loss_price": upper_stop_loss_price,
            "lower_stop_loss_enabled": lower_stop_loss_enabled,
            "lower_stop_loss_action": lower_stop_loss_action, "lower_stop_loss_price": lower_stop_loss_price,
            "leverage_type": leverage_type, "leverage_custom_value": leverage_custom_value, "mode": mode,
            "max_active_sell_lines": max_active_sell_lines, "trailing_up_enabled": trailing_up_enabled,
            "trailing_down_enabled": trailing_down_enabled, "expansion_down_enabled": expansion_down_enabled,
            "expansion_down_stop_price": expansion_down_stop_price,
            "expansion_up_enabled": expansion_up_enabled, "expansion_up_stop_price": expansion_up_stop_price,
            "ignore_warnings": ignore_warnings, "note": note, "max_active_buy_lines": max_active_buy_lines,
        })

    async def delete(self, grid_bot_id: int) -> None:
        """Delete a grid bot.

        ``DELETE /ver1/grid_bots/{id}``: permission BOTS_WRITE, signed.
        The docs give no response body: returns None (``with_raw_response`` keeps the answer)."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_DELETE, {"grid_bot_id": grid_bot_id})

    async def show(self, grid_bot_id: int) -> GridBot:
        """Get one grid bot.

        ``GET /ver1/grid_bots/{id}``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_SHOW, {"grid_bot_id": grid_bot_id})

    async def disable(self, grid_bot_id: int) -> GridBot:
        """Disable a grid bot.

        ``POST /ver1/grid_bots/{id}/disable``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_DISABLE, {"grid_bot_id": grid_bot_id})

    async def enable(self, grid_bot_id: int) -> GridBot:
        """Enable a grid bot.

        ``POST /ver1/grid_bots/{id}/enable``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_ENABLE, {"grid_bot_id": grid_bot_id})

    async def events(self, grid_bot_id: int, *, page: int, per_page: int) -> builtins.list[BotEvent]:
        """List the events of a grid bot.

        ``GET /ver1/grid_bots/{id}/events``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_EVENTS, {
            "grid_bot_id": grid_bot_id, "page": page, "per_page": per_page,
        })

    async def update(
        self,
        grid_bot_id: int,
        *,
        upper_price: Number,
        lower_price: Number,
        grids_quantity: Number,
        quantity_per_grid: Number,
        name: str | None = None,
        grid_type: Literal["geometric", "arithmetic"] | None = None,
        upper_stop_loss_enabled: bool | None = None,
        upper_stop_loss_action: Literal["stop_bot", "stop_bot_and_buy", "stop_bot_and_close_position"] | None = None,
        upper_stop_loss_price: Number | None = None,
        lower_stop_loss_enabled: bool | None = None,
        lower_stop_loss_action: Literal["stop_bot", "stop_bot_and_sell", "stop_bot_and_close_position"] | None = None,
        lower_stop_loss_price: Number | None = None,
        leverage_type: Literal["cross", "isolated", "not_specified"] | None = None,
        leverage_custom_value: Number | None = None,
        max_active_sell_lines: int | None = None,
        trailing_up_enabled: bool | None = None,
        trailing_down_enabled: bool | None = None,
        expansion_down_enabled: bool | None = None,
        expansion_down_stop_price: Number | None = None,
        expansion_up_enabled: bool | None = None,
        expansion_up_stop_price: Number | None = None,
        ignore_warnings: bool | None = None,
        note: str | None = None,
        max_active_buy_lines: int | None = None,
    ) -> GridBot:
        """Edit a grid bot with manual settings.

        ``PATCH /ver1/grid_bots/{id}/manual``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_UPDATE, {
            "grid_bot_id": grid_bot_id, "upper_price": upper_price, "lower_price": lower_price,
            "grids_quantity": grids_quantity, "quantity_per_grid": quantity_per_grid, "name": name,
            "grid_type": grid_type, "upper_stop_loss_enabled": upper_stop_loss_enabled,
            "upper_stop_loss_action": upper_stop_loss_action, "upper_stop_loss_price": upper_stop_loss_price,
            "lower_stop_loss_enabled": lower_stop_loss_enabled,
            "lower_stop_loss_action": lower_stop_loss_action, "lower_stop_loss_price": lower_stop_loss_price,
            "leverage_type": leverage_type, "leverage_custom_value": leverage_custom_value,
            "max_active_sell_lines": max_active_sell_lines, "trailing_up_enabled": trailing_up_enabled,
            "trailing_down_enabled": trailing_down_enabled, "expansion_down_enabled": expansion_down_enabled,
            "expansion_down_stop_price": expansion_down_stop_price,
            "expansion_up_enabled": expansion_up_enabled, "expansion_up_stop_price": expansion_up_stop_price,
            "ignore_warnings": ignore_warnings, "note": note, "max_active_buy_lines": max_active_buy_lines,
        })

    async def market_orders(
        self,
        grid_bot_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> GridBotMarketOrders:
        """List the filled orders of a grid bot.

        ``GET /ver1/grid_bots/{id}/market_orders``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_MARKET_ORDERS, {
            "grid_bot_id": grid_bot_id, "limit": limit, "offset": offset,
        })

    async def set_note(self, grid_bot_id: int, *, note: str | None = None) -> GridBot:
        """Set the note of a grid bot.

        ``POST /ver1/grid_bots/{id}/note``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_SET_NOTE, {
            "grid_bot_id": grid_bot_id, "note": note,
        })

    async def profits(
        self,
        grid_bot_id: int,
        *,
        from_: dt.datetime | str | None = None,
        to: dt.datetime | str | None = None,
    ) -> builtins.list[GridBotProfit]:
        """List the profits of a grid bot.

        ``GET /ver1/grid_bots/{id}/profits``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_PROFITS, {
            "grid_bot_id": grid_bot_id, "from_": from_, "to": to,
        })

    async def required_balances(self, grid_bot_id: int) -> GridBotRequiredBalances:
        """Get the balances a grid bot needs to run.

        ``GET /ver1/grid_bots/{id}/required_balances``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.GRID_BOTS_REQUIRED_BALANCES, {
            "grid_bot_id": grid_bot_id,
        })


class GridBotsWithRawResponse(RawResource):
    """``client.grid_bots.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(GridBots.list)
    create = raw_response(GridBots.create)
    delete = raw_response(GridBots.delete)
    show = raw_response(GridBots.show)
    disable = raw_response(GridBots.disable)
    enable = raw_response(GridBots.enable)
    events = raw_response(GridBots.events)
    update = raw_response(GridBots.update)
    market_orders = raw_response(GridBots.market_orders)
    set_note = raw_response(GridBots.set_note)
    profits = raw_response(GridBots.profits)
    required_balances = raw_response(GridBots.required_balances)
