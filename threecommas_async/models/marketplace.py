"""The marketplace: signal providers (``GET /ver1/marketplace/items``), their signals
(``GET /ver1/marketplace/{item_id}/signals``) and bot presets (``GET /ver1/marketplace/presets``)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ._base import ResponseModel

__all__ = [
    "MarketplaceBot",
    "MarketplaceBotProfit",
    "MarketplaceItem",
    "MarketplaceItemRef",
    "MarketplacePresets",
    "MarketplaceSignal",
]


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


@attrs.define(slots=True, kw_only=True)
class MarketplaceItem(ResponseModel):
    """One signal provider of ``GET /ver1/marketplace/items``: its ``strategy_key`` names the bot start
    strategy that follows it; ``card_text_1`` to ``card_text_4`` are the lines of its marketplace card."""

    id: int
    name: str | None = None
    preview_url: str | None = None
    strategy_type: str | None = None
    strategy_key: str | None = None
    card_text_1: str | None = None
    card_text_2: str | None = None
    card_text_3: str | None = None
    card_text_4: str | None = None


@attrs.define(slots=True, kw_only=True)
class MarketplaceSignal(ResponseModel):
    """One signal of ``GET /ver1/marketplace/{item_id}/signals``: a ``signal_type`` (``long``/``short``) on
    ``pair`` at ``exchange``, with the ``min``/``max`` price range; ``timestamp`` is the number as sent."""

    id: int
    pair: str | None = None
    exchange: str | None = None
    signal_type: str | None = None
    timestamp: int | None = None
    min: Decimal | None = None
    max: Decimal | None = None
