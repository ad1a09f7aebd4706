"""The bot preset marketplace: ``GET /ver1/marketplace/presets`` (one page of preset bots)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ._base import ResponseModel

__all__ = ["MarketplaceBot", "MarketplaceBotProfit", "MarketplaceItemRef", "MarketplacePresets"]


@attrs.define(slots=True, kw_only=True)
class MarketplaceItemRef(ResponseModel):
    """The marketplace item (provider) a preset bot belongs to."""

    id: int | None = None
    name: str | None = None
    icon_url: str | None = None


@attrs.define(slots=True, kw_only=True)
class MarketplaceBotProfit(ResponseModel):
    """A preset bot's profit over ``period``, with the points of its chart."""

    period: str | None = None
    amount: Decimal | None = None
    chart_data: list[Decimal] | None = None


@attrs.define(slots=True, kw_only=True)
class MarketplaceBot(ResponseModel):
    """One preset bot; ``copies`` counts the bots copied from it. ``secret`` (the preset's copy secret) is not
    shown in ``repr``."""

    id: int
    type: str | None = None
    name: str | None = None
    strategy: str | None = None
    secret: str | None = attrs.field(default=None, repr=False)
    marketplace_item: MarketplaceItemRef | None = None
    profit: MarketplaceBotProfit | None = None
    currencies: list[str] | None = None
    copies: int | None = None
    is_favorite: bool | None = None


@attrs.define(slots=True, kw_only=True)
class MarketplacePresets(ResponseModel):
    """``GET /ver1/marketplace/presets``: one ``page`` of preset ``bots`` out of ``total``."""

    bots: list[MarketplaceBot] | None = None
    total: int | None = None
    page: int | None = None
