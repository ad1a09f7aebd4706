"""Simple trades (``/ver1/trades``): active and history lists, create, show, cancel."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .._http import invalid_param, not_allowed
from .._keys import Permission
from .._params import to_decimal
from .._payloads import simple_trade_payload, simple_trade_status
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity
from ._common import by_offset, descending, entity

__all__ = ["routes"]

routes = RouteGroup()

_READ = Permission.SMART_TRADES_READ
_WRITE = Permission.SMART_TRADES_WRITE

_ORDERS: dict[str, Callable[[Entity], Any]] = {
    "pair": lambda trade: trade["pair"],
    "created_at": lambda trade: trade["created_at"],
    "closed_at": lambda trade: trade["closed_at"] or 0,
}


def _listing(request: HandlerRequest, finished: bool, orders: tuple[str, ...]) -> list[Entity]:
    params = request.params
    account_id = params.integer("account_id")
    pair = params.text("pair")
    order = _ORDERS[params.text("order_by", "created_at", choices=orders)]
    trades = [
        wrapper["trade"]
        for wrapper in request.book.trades.values()
        if (wrapper["trade"]["status"]["value"] in ("finished", "cancelled")) == finished
        and (account_id is None or wrapper["trade"]["account_id"] == account_id)
        and (pair is None or wrapper["trade"]["pair"] == pair)
    ]
    desc = descending(params, "order_direction", default=False)
    ordered = sorted(trades, key=lambda trade: (order(trade), trade["uuid"]), reverse=desc)
    return by_offset(ordered, params, default_limit=10, max_limit=1000)


@routes.get("/ver1/trades", _READ)
def active_trades(request: HandlerRequest) -> Entity:
    return {"trades": _listing(request, False, ("pair", "created_at"))}


@routes.get("/ver1/trades/history", _READ)
def trades_history(request: HandlerRequest) -> Entity:
    return {"trades": _listing(request, True, ("pair", "created_at", "closed_at"))}


@routes.post("/ver1/trades", _WRITE)
def create_trade(request: HandlerRequest) -> Entity:
    params = request.params
    account = entity(request.book.accounts, params.require_integer("account_id"), "Account")
    pair = params.require_text("pair")
    order = params.mapping("order")
    order_type = order.get("type")
    side = order.get("side")
    if order_type not in ("market", "limit"):
        raise invalid_param("order[type]", "is not included in the list (market, limit)")
    if side not in ("buy", "sell"):
        raise invalid_param("order[side]", "is not included in the list (buy, sell)")
    units = _value(params.mapping("units"), "units[value]")
    if units is None:
        raise invalid_param("units[value]", "can't be blank")
    price = _value(params.mapping("price"), "price[value]")
    if order_type == "limit" and price is None:
        raise invalid_param("price[value]", "can't be blank for a limit order")
    trade = simple_trade_payload(
        request.rng,
        account_id=account["id"],
        pair=pair,
        created=request.now,
        order_type=order_type,
        side=side,
        units=units,
        price=price,
        finished=order_type == "market",
    )
    wrapper = {"trade": trade}
    request.book.trades[trade["uuid"]] = wrapper
    return wrapper


def _value(container: dict[str, Any], wire: str) -> Decimal | None:
    value = container.get("value")
    if value is None or value == "":
        return None
    number = to_decimal(value, wire)
    if number <= 0:
        raise invalid_param(wire, "must be greater than 0")
    return number


@routes.get("/ver1/trades/{uuid}", _READ)
def show_trade(request: HandlerRequest) -> Entity:
    return entity(request.book.trades, request.path_text("uuid"), "Trade")


@routes.post("/ver1/trades/{uuid}/cancel", _WRITE, repeat=RepeatCheck.SAME_PATH)
def cancel_trade(request: HandlerRequest) -> Entity:
    wrapper = entity(request.book.trades, request.path_text("uuid"), "Trade")
    trade = wrapper["trade"]
    if not trade["data"]["cancelable"]:
        raise not_allowed("The trade is already finished")
    trade["status"] = simple_trade_status("cancelled")
    trade["closed_at"] = int(request.now)
    trade["data"]["cancelable"] = False
    return wrapper
