"""Catalog answers in their documented shapes: the bot strategy list and the marketplace presets page."""

from __future__ import annotations

from typing import Any

from .._keys import Permission
from .._routing import HandlerRequest, RouteGroup
from .._state import Entity
from ._common import by_page

__all__ = ["routes"]

routes = RouteGroup()

_INTERVALS = {"5m": "5 minutes", "1h": "1 hour", "1d": "1 day"}
_STRATEGIES: dict[str, dict[str, Any]] = {
    "manual": {"name": "Manual / API", "strategy_type": "signal", "payed": False, "beta": False},
    "nonstop": {"name": "Open a new deal asap", "strategy_type": "signal", "payed": False, "beta": False},
    "rsi": {
        "name": "RSI",
        "strategy_type": "indicator",
        "payed": False,
        "beta": False,
        "options": {
            "time": _INTERVALS,
            "points": None,
            "trigger_condition": {"less": "less", "greater": "greater"},
            "time_period": None,
        },
        "accounts_whitelist": ["Account::BinanceAccount", "Account::PaperTradingAccount"],
    },
}
_PRESETS: tuple[dict[str, Any], ...] = (
    {
        "id": 9001,
        "type": "Bot::SingleBot",
        "name": "Conservative DCA",
        "strategy": "long",
        "secret": "fake-preset-9001",
        "marketplace_item": {"id": 101, "name": "Momentum Signals", "icon_url": "https://fake.invalid/101.png"},
        "profit": {"period": "30d", "amount": "3.61", "chart_data": ["0.12", "0.31", "0.2"]},
        "currencies": ["USDT", "BTC"],
        "copies": 412,
        "is_favorite": False,
    },
    {
        "id": 9002,
        "type": "Bot::MultiBot",
        "name": "Multi-pair scalper",
        "strategy": "long",
        "secret": "fake-preset-9002",
        "marketplace_item": {"id": 102, "name": "Breakout Radar", "icon_url": "https://fake.invalid/102.png"},
        "profit": {"period": "30d", "amount": "9.3", "chart_data": ["0.31", "0.44"]},
        "currencies": ["USDT", "ETH", "SOL"],
        "copies": 57,
        "is_favorite": True,
    },
)


@routes.get("/ver1/bots/strategy_list", Permission.BOTS_READ)
def strategy_list(request: HandlerRequest) -> dict[str, Any]:
    """An object keyed by strategy id, as the docs show it."""
    return {key: dict(value) for key, value in _STRATEGIES.items()}


@routes.get("/ver1/marketplace/presets", None)
def marketplace_presets(request: HandlerRequest) -> dict[str, Any]:
    """One page of preset bots: ``{bots, total, page}``."""
    bots: list[Entity] = [dict(preset) for preset in _PRESETS]
    page = request.params.integer("page", 1, minimum=1)
    return {
        "bots": by_page(bots, request.params, default_per_page=10, max_per_page=100),
        "total": len(bots),
        "page": page,
    }
