# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.marketplace``: The signal and preset marketplace."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Literal

from .._resource import RawResource, Resource, raw_response
from ..models import MarketplaceItem, MarketplacePresets, MarketplaceSignal
from ..params import Number
from . import _catalog

__all__ = ["Marketplace", "MarketplaceWithRawResponse"]


class Marketplace(Resource):
    """The signal and preset marketplace. Reached as ``client.marketplace``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> MarketplaceWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return MarketplaceWithRawResponse(self._client)

    async def items(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        scope: Literal["all", "paid", "free"] | None = None,
        order: Literal["subscribers", "name", "newest"] | None = None,
        locale: Literal["en", "ru", "zh", "zh-CN", "es", "pt", "ko", "fr", "cs", "tr", "de", "it"] | None = None,
    ) -> builtins.list[MarketplaceItem]:
        """List signal providers in the marketplace.

        ``GET /ver1/marketplace/items``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKETPLACE_ITEMS, {
            "limit": limit, "offset": offset, "scope": scope, "order": order, "locale": locale,
        })

    async def presets(
        self,
        *,
        profit_per_day_from: Number | None = None,
        profit_per_day_to: Number | None = None,
        profit_per_month_from: Number | None = None,
        profit_per_month_to: Number | None = None,
        account_types: Sequence[str] | None = None,
        markets: Sequence[str] | None = None,
        with_all_market_pairs: bool | None = None,
        pairs: Sequence[str] | None = None,
        days_running_from: int | None = None,
        days_running_to: int | None = None,
        deal_start_conditions: Sequence[str] | None = None,
        bot_type: str | None = None,
        bot_strategy: str | None = None,
        cmc: str | None = None,
        sort_by: str | None = None,
        sort_direction: Literal["asc", "desc"] | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> MarketplacePresets:
        """List bot presets from the marketplace.

        ``GET /ver1/marketplace/presets``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.MARKETPLACE_PRESETS, {
            "profit_per_day_from": profit_per_day_from, "profit_per_day_to": profit_per_day_to,
            "profit_per_month_from": profit_per_month_from, "profit_per_month_to": profit_per_month_to,
            "account_types": account_types, "markets": markets,
            "with_all_market_pairs": with_all_market_pairs, "pairs": pairs,
            "days_running_from": days_running_from, "days_running_to": days_running_to,
            "deal_start_conditions": deal_start_conditions, "bot_type": bot_type,
            "bot_strategy": bot_strategy, "cmc": cmc, "sort_by": sort_by, "sort_direction": sort_direction,
            "page": page, "per_page": per_page,
        })

    async def signals(
        self,
        item_id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        order: Literal["pair", "exchange", "signal_type", "date"] | None = None,
        order_direction: Literal["asc", "desc", "ASC", "DESC"] | None = None,
        locale: Literal["en", "ru", "zh", "zh-CN", "es", "pt", "ko", "fr", "cs", "tr", "de", "it"] | None = None,
    ) -> builtins.list[MarketplaceSignal]:
        """List the signals of a marketplace item.

        ``GET /ver1/marketplace/{item_id}/signals``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.MARKETPLACE_SIGNALS, {
            "item_id": item_id, "limit": limit, "offset": offset, "order": order,
            "order_direction": order_direction, "locale": locale,
        })


class MarketplaceWithRawResponse(RawResource):
    """``client.marketplace.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    items = raw_response(Marketplace.items)
    presets = raw_response(Marketplace.presets)
    signals = raw_response(Marketplace.signals)
