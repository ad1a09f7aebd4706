"""General endpoints: ping, server time, credential check, portfolios, mini apps."""

from __future__ import annotations

import math
from typing import Any

from .._http import invalid_param, not_found
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity
from ._common import by_offset, by_page

__all__ = ["routes"]

routes = RouteGroup()


@routes.get("/ver1/ping", None, signed=False)
def ping(request: HandlerRequest) -> dict[str, Any]:
    return {"pong": "pong"}


@routes.get("/ver1/time", None, signed=False)
def server_time(request: HandlerRequest) -> dict[str, Any]:
    return {"server_time": math.floor(request.now)}


@routes.get("/ver1/validate", None)
def validate(request: HandlerRequest) -> dict[str, Any]:
    return {"valid": True}


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
