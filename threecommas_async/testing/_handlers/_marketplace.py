"""The marketplace's signal providers and their signals, as bare JSON arrays (the shapes real clients read)."""

from __future__ import annotations

from typing import Any

from .._http import not_found
from .._payloads import PAIR_PRICES
from .._routing import HandlerRequest, RouteGroup
from .._state import Entity
from ._common import by_offset

__all__ = ["routes"]

routes = RouteGroup()

_PROVIDERS = (
    (101, "Momentum Signals", "momentum_signals"),
    (102, "Breakout Radar", "breakout_radar"),
    (103, "Mean Reversion Desk", "mean_reversion_desk"),
)
_SIGNAL_PAIRS = ("USDT_BTC", "USDT_ETH", "USDT_SOL", "USDT_LINK")


def _item(item_id: int, name: str, key: str) -> Entity:
    return {
        "id": item_id,
        "name": name,
        "preview_url": f"https://fake.invalid/marketplace/{item_id}.png",
        "strategy_type": "signal",
        "strategy_key": key,
        "card_text_1": f"{name}: entries on confirmed moves",
        "card_text_2": "Spot pairs",
        "card_text_3": "Long and short",
        "card_text_4": "Free",
    }


@routes.get("/ver1/marketplace/items", None, signed=False)
def marketplace_items(request: HandlerRequest) -> list[Entity]:
    items = [_item(*provider) for provider in _PROVIDERS]
    return by_offset(items, request.params, default_limit=50, max_limit=1000)


def _signal(item_id: int, index: int, pair: str, now: float) -> dict[str, Any]:
    price = PAIR_PRICES[pair]
    return {
        "id": item_id * 100 + index,
        "pair": pair,
        "exchange": "Binance",
        "signal_type": "long" if index % 2 == 0 else "short",
        "timestamp": int(now) - index * 3600,
        "min": str(price * 98 / 100),
        "max": str(price * 102 / 100),
    }


@routes.get("/ver1/marketplace/{item_id}/signals", None, signed=False)
def marketplace_signals(request: HandlerRequest) -> list[Entity]:
    item_id = request.path_int("item_id")
    if all(provider[0] != item_id for provider in _PROVIDERS):
        raise not_found("Marketplace item")
    signals = [_signal(item_id, index, pair, request.now) for index, pair in enumerate(_SIGNAL_PAIRS)]
    return by_offset(signals, request.params, default_limit=50, max_limit=1000)
