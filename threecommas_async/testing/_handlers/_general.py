"""General endpoints: ping, server time, credential check, users, marketplace, portfolios, mini apps."""

from __future__ import annotations

import math
from typing import Any

from .._http import invalid_param, not_found
from .._keys import Permission
from .._payloads import iso
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity, Mode
from ._common import by_offset, by_page

__all__ = ["routes"]

routes = RouteGroup()

_MARKETPLACE = (
    {"id": 101, "name": "Momentum Signals", "type": "signal_provider", "locale": "en", "profit_per_month": "4.21"},
    {"id": 102, "name": "Breakout Radar", "type": "signal_provider", "locale": "en", "profit_per_month": "2.87"},
    {"id": 103, "name": "Mean Reversion Desk", "type": "signal_provider", "locale": "en", "profit_per_month": "1.95"},
)


@routes.get("/ver1/ping", None, signed=False)
def ping(request: HandlerRequest) -> dict[str, Any]:
    return {"pong": "pong"}


@routes.get("/ver1/time", None, signed=False)
def server_time(request: HandlerRequest) -> dict[str, Any]:
    return {"server_time": math.floor(request.now)}


@routes.get("/ver1/validate", None)
def validate(request: HandlerRequest) -> dict[str, Any]:
    return {"valid": True}


@routes.post("/ver1/users/change_mode", Permission.ACCOUNTS_WRITE, repeat=RepeatCheck.NONE)
def change_mode(request: HandlerRequest) -> dict[str, Any]:
    mode = request.params.require_text("mode", choices=("paper", "real"))
    request.world.mode = Mode(mode)
    return {"mode": mode}


@routes.get("/ver1/users/current_mode", Permission.ACCOUNTS_READ)
def current_mode(request: HandlerRequest) -> dict[str, Any]:
    return {"mode": request.mode.value}


@routes.put("/ver1/users/locale", None)
def change_locale(request: HandlerRequest) -> dict[str, Any]:
    locale = request.params.require_text("locale")
    request.world.locale = locale
    return {"locale": locale}


@routes.get("/ver1/users/permissions_info", None)
def permissions_info(request: HandlerRequest) -> dict[str, Any]:
    granted = {permission.value for permission in request.key.permissions} if request.key else set()
    return {
        "permissions": {permission.value: permission.value in granted for permission in Permission},
        "security": "SIGNED",
    }


@routes.get("/ver1/marketplace/items", None, signed=False)
def marketplace_items(request: HandlerRequest) -> list[Entity]:
    return by_offset([dict(item) for item in _MARKETPLACE], request.params, default_limit=50, max_limit=1000)


@routes.get("/ver1/marketplace/{item_id}/signals", None, signed=False)
def marketplace_signals(request: HandlerRequest) -> list[Entity]:
    item_id = request.path_int("item_id")
    if all(item["id"] != item_id for item in _MARKETPLACE):
        raise not_found("Marketplace item")
    signals = [
        {
            "id": item_id * 100 + index,
            "pair": pair,
            "signal_type": "long",
            "created_at": iso(request.now - index * 3600),
        }
        for index, pair in enumerate(("USDT_BTC", "USDT_ETH", "USDT_SOL", "USDT_LINK"))
    ]
    return by_offset(signals, request.params, default_limit=50, max_limit=1000)


@routes.get("/ver1/portfolios", None)
def portfolios(request: HandlerRequest) -> list[Entity]:
    items = sorted(request.book.portfolios.values(), key=lambda item: item["id"])
    return by_page(items, request.params, default_per_page=10, max_per_page=100)


@routes.get("/ver1/portfolios/portfolios", None)
def portfolios_deprecated(request: HandlerRequest) -> list[Entity]:
    items = sorted(request.book.portfolios.values(), key=lambda item: item["id"])
    return by_offset(items, request.params, default_limit=50, max_limit=1000)


@routes.get("/ver1/portfolios/{id}", None)
def show_portfolio(request: HandlerRequest) -> Entity:
    portfolio = request.book.portfolios.get(request.path_int("id"))
    if portfolio is None:
        raise not_found("Portfolio")
    return portfolio


@routes.get("/ver1/mini_apps/credentials", None)
def mini_apps_credentials(request: HandlerRequest) -> dict[str, Any]:
    request.params.require_text("token")
    return {"user_id": 5_412_903, "valid": True}


@routes.get("/ver1/mini_apps/storage", None)
def mini_apps_storage_read(request: HandlerRequest) -> dict[str, Any]:
    key = request.params.require_text("key")
    return {"key": key, "data": request.world.storage.get(key)}


@routes.post("/ver1/mini_apps/storage", None, repeat=RepeatCheck.NONE)
def mini_apps_storage_write(request: HandlerRequest) -> dict[str, Any]:
    key = request.params.require_text("key")
    data = request.params.raw("data")
    if data is None:
        raise invalid_param("data", "can't be blank")
    request.world.storage[key] = data
    return {"key": key, "data": data}
