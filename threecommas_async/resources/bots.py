# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.bots``: DCA bots: create, edit, enable, start deals, statistics."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from .._endpoint import Priority
from .._pagination import AsyncPaginator
from .._resource import RawResource, Resource, raw_response
from ..models import (
    AccountSmartSellInfo,
    AccountTradeInfo,
    AvailableStrategy,
    Bot,
    BotCopyResult,
    BotDealsStats,
    BotProfitByDay,
    BotStats,
    BotStatsByDate,
    Deal,
    PairsBlacklist,
)
from ..params import CustomSafetyStep, Number
from . import _catalog

__all__ = ["Bots", "BotsWithRawResponse"]


class Bots(Resource):
    """DCA bots: create, edit, enable, start deals, statistics. Reached as ``client.bots``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> BotsWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return BotsWithRawResponse(self._client)

    async def list(
        self,
        *,
        account_id: int | None = None,
        strategy: Literal["long", "short"] | None = None,
        order_direction: Literal["ASC", "DESC", "asc", "desc"] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        from_: dt.datetime | str | None = None,
        scope: Literal["enabled", "disabled"] | None = None,
        sort_by: Literal["created_at", "updated_at", "profit"] | None = None,
        quote: str | None = None,
        sort_direction: Literal["asc", "desc"] | None = None,
        form_type: Literal["gordon", "advanced"] | None = None,
    ) -> builtins.list[Bot]:
        """List DCA bots.

        ``GET /ver1/bots``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_LIST, {
            "account_id": account_id, "strategy": strategy, "order_direction": order_direction,
            "limit": limit, "offset": offset, "from_": from_, "scope": scope, "sort_by": sort_by,
            "quote": quote, "sort_direction": sort_direction, "form_type": form_type,
        })

    def iterate(
        self,
        *,
        account_id: int | None = None,
        strategy: Literal["long", "short"] | None = None,
        order_direction: Literal["ASC", "DESC", "asc", "desc"] | None = None,
        from_: dt.datetime | str | None = None,
        scope: Literal["enabled", "disabled"] | None = None,
        sort_by: Literal["created_at", "updated_at", "profit"] | None = None,
        quote: str | None = None,
        sort_direction: Literal["asc", "desc"] | None = None,
        form_type: Literal["gordon", "advanced"] | None = None,
        page_size: int | None = None,
        priority: Priority | None = None,
    ) -> AsyncPaginator[Bot]:
        """Every row of ``bots.list``, page by page (at most 100 per page, ``limit``/``offset``).

        ``async for row in client.bots.iterate(...)`` walks all pages until a short one;
        ``await`` it for the first page only. ``page_size`` defaults to the maximum; ``priority`` is the
        limiter lane of the page requests (``"bulk"`` for a collector; None: the client's default)."""
        return AsyncPaginator(self._client, _catalog.BOTS_LIST, {
            "account_id": account_id, "strategy": strategy, "order_direction": order_direction,
            "from_": from_, "scope": scope, "sort_by": sort_by, "quote": quote,
            "sort_direction": sort_direction, "form_type": form_type,
        }, page_size=page_size, priority=priority)

    async def account_trade_info(self, *, account_id: int) -> AccountTradeInfo:
        """Get the trading info of an account for DCA bots.

        ``GET /ver1/bots/account_trade_info``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_ACCOUNT_TRADE_INFO, {"account_id": account_id})

    async def account_trade_info_smart_sell(self, *, account_id: int) -> AccountSmartSellInfo:
        """Get the trading info of an account for smart-sell bots.

        ``GET /ver1/bots/account_trade_info_smart_sell``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_ACCOUNT_TRADE_INFO_SMART_SELL, {
            "account_id": account_id,
        })

    async def create(
        self,
        *,
        name: str,
        account_id: int,
        pairs: str | Sequence[str],
        base_order_volume: Number,
        strategy_list: Sequence[Mapping[str, Any]],
        take_profit_type: Literal["base", "total"],
        take_profit: Number,
        safety_order_step_percentage: Number,
        safety_order_volume: Number,
        max_safety_orders: int,
        active_safety_orders_count: int,
        martingale_volume_coefficient: Number,
        martingale_step_coefficient: Number,
        max_active_deals: int | None = None,
        strategy: Literal["short", "long"] | None = None,
        profit_currency: Literal["base_currency", "quote_currency"] | None = None,
        base_order_volume_type: Literal["quote_currency", "base_currency", "percent"] | None = None,
        start_order_type: Literal["limit", "market"] | None = None,
        leverage_type: Literal["custom", "cross", "not_specified", "isolated"] | None = None,
        leverage_custom_value: Number | None = None,
        trailing_enabled: bool | None = None,
        trailing_deviation: Number | None = None,
        take_profit_steps: Sequence[Mapping[str, Any]] | None = None,
        close_strategy_list: Sequence[Mapping[str, Any]] | None = None,
        min_profit_type: Literal["base_order_volume", "total_bought_volume"] | None = None,
        min_profit_percentage: Number | None = None,
        reinvesting_percentage: Number | None = None,
        stop_loss_percentage: Number | None = None,
        stop_loss_type: Literal["stop_loss", "stop_loss_and_disable_bot"] | None = None,
        tsl_enabled: bool | None = None,
        sl_to_breakeven_enabled: bool | None = None,
        sl_to_breakeven_data: Mapping[str, Any] | None = None,
        stop_loss_timeout_enabled: bool | None = None,
        stop_loss_timeout_in_seconds: int | None = None,
        risk_reduction_percentage: Number | None = None,
        safety_order_volume_type: Literal["quote_currency", "base_currency", "percent", "xbt"] | None = None,
        safety_strategy_list: Sequence[Mapping[str, Any]] | None = None,
        custom_safety_steps: Sequence[CustomSafetyStep | Mapping[str, Any]] | None = None,
        min_volume_btc_24h: Number | None = None,
        min_price: Number | None = None,
        max_price: Number | None = None,
        deal_start_delay_seconds: int | None = None,
        cooldown: Number | None = None,
        disable_after_deals_count: int | None = None,
        allowed_deals_on_same_pair: int | None = None,
        min_price_percentage: Number | None = None,
        max_price_percentage: Number | None = None,
        close_deals_timeout: int | None = None,
        btc_price_limit: Number | None = None,
    ) -> Bot:
        """Create a DCA bot.

        ``POST /ver1/bots/create_bot``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_CREATE, {
            "name": name, "account_id": account_id, "pairs": pairs, "base_order_volume": base_order_volume,
            "strategy_list": strategy_list, "take_profit_type": take_profit_type, "take_profit": take_profit,
            "safety_order_step_percentage": safety_order_step_percentage,
            "safety_order_volume": safety_order_volume, "max_safety_orders": max_safety_orders,
            "active_safety_orders_count": active_safety_orders_count,
            "martingale_volume_coefficient": martingale_volume_coefficient,
            "martingale_step_coefficient": martingale_step_coefficient, "max_active_deals": max_active_deals,
            "strategy": strategy, "profit_currency": profit_currency,
            "base_order_volume_type": base_order_volume_type, "start_order_type": start_order_type,
            "leverage_type": leverage_type, "leverage_custom_value": leverage_custom_value,
            "trailing_enabled": trailing_enabled, "trailing_deviation": trailing_deviation,
            "take_profit_steps": take_profit_steps, "close_strategy_list": close_strategy_list,
            "min_profit_type": min_profit_type, "min_profit_percentage": min_profit_percentage,
            "reinvesting_percentage": reinvesting_percentage, "stop_loss_percentage": stop_loss_percentage,
            "stop_loss_type": stop_loss_type, "tsl_enabled": tsl_enabled,
            "sl_to_breakeven_enabled": sl_to_breakeven_enabled, "sl_to_breakeven_data": sl_to_breakeven_data,
            "stop_loss_timeout_enabled": stop_loss_timeout_enabled,
            "stop_loss_timeout_in_seconds": stop_loss_timeout_in_seconds,
            "risk_reduction_percentage": risk_reduction_percentage,
            "safety_order_volume_type": safety_order_volume_type,
            "safety_strategy_list": safety_strategy_list, "custom_safety_steps": custom_safety_steps,
            "min_volume_btc_24h": min_volume_btc_24h, "min_price": min_price, "max_price": max_price,
            "deal_start_delay_seconds": deal_start_delay_seconds, "cooldown": cooldown,
            "disable_after_deals_count": disable_after_deals_count,
            "allowed_deals_on_same_pair": allowed_deals_on_same_pair,
            "min_price_percentage": min_price_percentage, "max_price_percentage": max_price_percentage,
            "close_deals_timeout": close_deals_timeout, "btc_price_limit": btc_price_limit,
        })

    async def pairs_blacklist(self) -> PairsBlacklist:
        """Get the pairs blacklisted for every bot.

        ``GET /ver1/bots/pairs_black_list``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_PAIRS_BLACKLIST, {})

    async def stats(self, *, account_id: int | None = None, bot_id: int | None = None) -> BotStats:
        """Get profit statistics of the bots (all, one account or one bot).

        ``GET /ver1/bots/stats``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_STATS, {
            "account_id": account_id, "bot_id": bot_id,
        })

    async def stats_by_date(
        self,
        *,
        date: dt.date | str,
        account_id: int | None = None,
        bot_id: int | None = None,
    ) -> BotStatsByDate:
        """Get bot profit statistics for one date.

        ``GET /ver1/bots/stats_by_date``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_STATS_BY_DATE, {
            "date": date, "account_id": account_id, "bot_id": bot_id,
        })

    async def strategies(
        self,
        *,
        account_id: int | None = None,
        type: Literal["long", "short"] | None = None,
        strategy: Literal["simple", "composite"] | None = None,
    ) -> builtins.dict[str, AvailableStrategy]:
        """List the deal start strategies (signals) available for bots.

        ``GET /ver1/bots/strategy_list``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_STRATEGIES, {
            "account_id": account_id, "type": type, "strategy": strategy,
        })

    async def update_pairs_blacklist(self, *, pairs: str) -> PairsBlacklist:
        """Replace the pairs blacklist.

        ``POST /ver1/bots/update_pairs_black_list``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_UPDATE_PAIRS_BLACKLIST, {"pairs": pairs})

    async def cancel_all_deals(self, bot_id: int) -> Bot:
        """Cancel every active deal of a bot.

        ``POST /ver1/bots/{bot_id}/cancel_all_deals``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_CANCEL_ALL_DEALS, {"bot_id": bot_id})

    async def copy(
        self,
        bot_id: int,
        *,
        name: str,
        secret: str,
        amount: Number | None = None,
    ) -> BotCopyResult:
        """Copy a shared bot into a new bot.

        ``POST /ver1/bots/{bot_id}/copy_and_create``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_COPY, {
            "bot_id": bot_id, "name": name, "secret": secret, "amount": amount,
        })

    async def deals_stats(self, bot_id: int) -> BotDealsStats:
        """Get the deal statistics of a bot.

        ``GET /ver1/bots/{bot_id}/deals_stats``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_DEALS_STATS, {"bot_id": bot_id})

    async def delete(self, bot_id: int) -> bool:
        """Delete a bot.

        ``POST /ver1/bots/{bot_id}/delete``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_DELETE, {"bot_id": bot_id})

    async def disable(self, bot_id: int) -> Bot:
        """Disable a bot (its deals keep running).

        ``POST /ver1/bots/{bot_id}/disable``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_DISABLE, {"bot_id": bot_id})

    async def enable(self, bot_id: int) -> Bot:
        """Enable a bot.

        ``POST /ver1/bots/{bot_id}/enable``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_ENABLE, {"bot_id": bot_id})

    async def panic_sell_all_deals(self, bot_id: int) -> Bot:
        """Close every active deal of a bot at market price.

        ``POST /ver1/bots/{bot_id}/panic_sell_all_deals``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_PANIC_SELL_ALL_DEALS, {"bot_id": bot_id})

    async def profit_by_day(self, bot_id: int, *, days: int | None = None) -> BotProfitByDay:
        """Get the daily profit of a bot.

        ``GET /ver1/bots/{bot_id}/profit_by_day``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_PROFIT_BY_DAY, {
            "bot_id": bot_id, "days": days,
        })

    async def show(self, bot_id: int, *, include_events: bool | None = None) -> Bot:
        """Get one bot.

        ``GET /ver1/bots/{bot_id}/show``: permission BOTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_SHOW, {
            "bot_id": bot_id, "include_events": include_events,
        })

    async def start_new_deal(
        self,
        bot_id: int,
        *,
        pair: str | None = None,
        skip_signal_checks: bool | None = None,
        skip_open_deals_checks: bool | None = None,
        only_for_enabled: bool | None = None,
    ) -> Deal:
        """Start a new deal on a bot now.

        ``POST /ver1/bots/{bot_id}/start_new_deal``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_START_NEW_DEAL, {
            "bot_id": bot_id, "pair": pair, "skip_signal_checks": skip_signal_checks,
            "skip_open_deals_checks": skip_open_deals_checks, "only_for_enabled": only_for_enabled,
        })

    async def update(
        self,
        bot_id: int,
        *,
        name: str,
        pairs: str | Sequence[str],
        take_profit: Number,
        base_order_volume: Number,
        safety_order_volume: Number,
        martingale_volume_coefficient: Number,
        martingale_step_coefficient: Number,
        max_safety_orders: int,
        active_safety_orders_count: int,
        safety_order_step_percentage: Number,
        take_profit_type: Literal["base", "total"],
        strategy_list: Sequence[Mapping[str, Any]],
        max_active_deals: int | None = None,
        base_order_volume_type: Literal["quote_currency", "base_currency", "percent"] | None = None,
        take_profit_steps: Sequence[Mapping[str, Any]] | None = None,
        safety_order_volume_type: Literal["quote_currency", "base_currency", "percent", "xbt"] | None = None,
        custom_safety_steps: Sequence[CustomSafetyStep | Mapping[str, Any]] | None = None,
        stop_loss_percentage: Number | None = None,
        sl_to_breakeven_enabled: bool | None = None,
        sl_to_breakeven_data: Mapping[str, Any] | None = None,
        cooldown: Number | None = None,
        trailing_enabled: bool | None = None,
        trailing_deviation: Number | None = None,
        leverage_type: Literal["custom", "cross", "not_specified", "isolated"] | None = None,
        leverage_custom_value: Number | None = None,
        stop_loss_timeout_enabled: bool | None = None,
        stop_loss_timeout_in_seconds: int | None = None,
        tsl_enabled: bool | None = None,
        min_volume_btc_24h: Number | None = None,
        deal_start_delay_seconds: int | None = None,
        profit_currency: Literal["base_currency", "quote_currency"] | None = None,
        start_order_type: Literal["limit", "market"] | None = None,
        stop_loss_type: Literal["stop_loss", "stop_loss_and_disable_bot"] | None = None,
        disable_after_deals_count: int | None = None,
        allowed_deals_on_same_pair: int | None = None,
        min_profit_percentage: Number | None = None,
        min_profit_type: Literal["base_order_volume", "total_bought_volume"] | None = None,
        close_strategy_list: Sequence[Mapping[str, Any]] | None = None,
        risk_reduction_percentage: Number | None = None,
        reinvesting_percentage: Number | None = None,
        min_price_percentage: Number | None = None,
        max_price_percentage: Number | None = None,
        close_deals_timeout: int | None = None,
        btc_price_limit: Number | None = None,
        min_price: Number | None = None,
        max_price: Number | None = None,
    ) -> Bot:
        """Edit a bot (the documented required fields must all be sent).

        ``PATCH /ver1/bots/{bot_id}/update``: permission BOTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.BOTS_UPDATE, {
            "bot_id": bot_id, "name": name, "pairs": pairs, "take_profit": take_profit,
            "base_order_volume": base_order_volume, "safety_order_volume": safety_order_volume,
            "martingale_volume_coefficient": martingale_volume_coefficient,
            "martingale_step_coefficient": martingale_step_coefficient,
            "max_safety_orders": max_safety_orders, "active_safety_orders_count": active_safety_orders_count,
            "safety_order_step_percentage": safety_order_step_percentage,
            "take_profit_type": take_profit_type, "strategy_list": strategy_list,
            "max_active_deals": max_active_deals, "base_order_volume_type": base_order_volume_type,
            "take_profit_steps": take_profit_steps, "safety_order_volume_type": safety_order_volume_type,
            "custom_safety_steps": custom_safety_steps, "stop_loss_percentage": stop_loss_percentage,
            "sl_to_breakeven_enabled": sl_to_breakeven_enabled, "sl_to_breakeven_data": sl_to_breakeven_data,
            "cooldown": cooldown, "trailing_enabled": trailing_enabled,
            "trailing_deviation": trailing_deviation, "leverage_type": leverage_type,
            "leverage_custom_value": leverage_custom_value,
            "stop_loss_timeout_enabled": stop_loss_timeout_enabled,
            "stop_loss_timeout_in_seconds": stop_loss_timeout_in_seconds, "tsl_enabled": tsl_enabled,
            "min_volume_btc_24h": min_volume_btc_24h, "deal_start_delay_seconds": deal_start_delay_seconds,
            "profit_currency": profit_currency, "start_order_type": start_order_type,
            "stop_loss_type": stop_loss_type, "disable_after_deals_count": disable_after_deals_count,
            "allowed_deals_on_same_pair": allowed_deals_on_same_pair,
            "min_profit_percentage": min_profit_percentage, "min_profit_type": min_profit_type,
            "close_strategy_list": close_strategy_list,
            "risk_reduction_percentage": risk_reduction_percentage,
            "reinvesting_percentage": reinvesting_percentage, "min_price_percentage": min_price_percentage,
            "max_price_percentage": max_price_percentage, "close_deals_timeout": close_deals_timeout,
            "btc_price_limit": btc_price_limit, "min_price": min_price, "max_price": max_price,
        })


class BotsWithRawResponse(RawResource):
    """``client.bots.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(Bots.list)
    account_trade_info = raw_response(Bots.account_trade_info)
    account_trade_info_smart_sell = raw_response(Bots.account_trade_info_smart_sell)
    create = raw_response(Bots.create)
    pairs_blacklist = raw_response(Bots.pairs_blacklist)
    stats = raw_response(Bots.stats)
    stats_by_date = raw_response(Bots.stats_by_date)
    strategies = raw_response(Bots.strategies)
    update_pairs_blacklist = raw_response(Bots.update_pairs_blacklist)
    cancel_all_deals = raw_response(Bots.cancel_all_deals)
    copy = raw_response(Bots.copy)
    deals_stats = raw_response(Bots.deals_stats)
    delete = raw_response(Bots.delete)
    disable = raw_response(Bots.disable)
    enable = raw_response(Bots.enable)
    panic_sell_all_deals = raw_response(Bots.panic_sell_all_deals)
    profit_by_day = raw_response(Bots.profit_by_day)
    show = raw_response(Bots.show)
    start_new_deal = raw_response(Bots.start_new_deal)
    update = raw_response(Bots.update)
