"""Grid bots: list with limit/offset, create, show, update, enable/disable, delete, events, profits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._http import Reply, invalid_param
from .._keys import Permission
from .._payloads import grid_bot_payload, iso, split_pair
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity, EntityKind
from ._common import by_offset, by_page, descending, entity, epoch_of, numeric, sort_by

__all__ = ["open_grid_bot", "routes"]

routes = RouteGroup()

_READ = Permission.BOTS_READ
_WRITE = Permission.BOTS_WRITE

_SORTS: dict[str, Callable[[Entity], Any]] = {
    "current_profit": lambda grid: numeric(grid["current_profit"]),
    "profit": lambda grid: numeric(grid["current_profit_usd"]),
    "bot_id": lambda grid: grid["id"],
    "pair": lambda grid: grid["pair"],
    "created_at": lambda grid: epoch_of(grid["created_at"]),
    "updated_at": lambda grid: epoch_of(grid["updated_at"]),
    "name": lambda grid: grid["name"],
}

_UPDATABLE = ("upper_price", "lower_price", "quantity_per_grid", "upper_stop_loss_price", "lower_stop_loss_price")


def open_grid_bot(request: HandlerRequest, *, account: Entity, name: str, pair: str, grids: int) -> Entity:
    book = request.book
    grid_bot = grid_bot_payload(
        request.rng,
        grid_bot_id=book.new_id(EntityKind.GRID_BOT),
        account=account,
        name=name,
        pair=pair,
        enabled=True,
        created=request.now,
        grids=grids,
        line_ids=[book.new_id(EntityKind.SUB_TRADE) for _ in range(min(grids, 6))],
    )
    book.grid_bots[grid_bot["id"]] = grid_bot
    _event(request, grid_bot, "Grid bot started")
    return grid_bot


def _event(request: HandlerRequest, grid_bot: Entity, message: str) -> None:
    events = request.book.grid_bot_events.setdefault(grid_bot["id"], [])
    events.append({"id": request.book.new_id(EntityKind.EVENT), "message": message, "created_at": iso(request.now)})


def _grid_bot(request: HandlerRequest) -> Entity:
    return entity(request.book.grid_bots, request.path_int("id"), "Grid bot")


@routes.get("/ver1/grid_bots", _READ)
def list_grid_bots(request: HandlerRequest) -> list[Entity]:
    params = request.params
    account_ids = {int(value) for value in params.sequence("account_ids") if str(value).isdigit()}
    account_id = params.integer("account_id")
    if account_id is not None:
        account_ids.add(account_id)
    state = params.text("state", choices=("enabled", "disabled"))
    sort_key = _SORTS[params.text("sort_by", "created_at", choices=_SORTS)]
    base = params.text("base")
    quote = params.text("quote")
    since = epoch_of(params.text("from"))
    grids = [
        grid
        for grid in request.book.grid_bots.values()
        if (not account_ids or grid["account_id"] in account_ids)
        and (state is None or grid["is_enabled"] == (state == "enabled"))
        and (base is None or split_pair(grid["pair"])[1].upper() == base.upper())
        and (quote is None or split_pair(grid["pair"])[0].upper() == quote.upper())
        and (since is None or (epoch_of(grid["created_at"]) or 0) >= since)
    ]
    ordered = sort_by(grids, sort_key, desc=descending(params, "sort_direction"))
    return by_offset(ordered, params, default_limit=10, max_limit=1000)


@routes.post("/ver1/grid_bots/manual", _WRITE)
def create_grid_bot(request: HandlerRequest) -> Entity:
    params = request.params
    account = entity(request.book.accounts, params.require_integer("account_id"), "Account")
    pair = params.require_text("pair")
    upper = params.require_decimal("upper_price")
    lower = params.require_decimal("lower_price")
    if lower >= upper:
        raise invalid_param("lower_price", "must be less than upper_price")
    grids = params.require_integer("grids_quantity", minimum=2, maximum=200)
    params.require_decimal("quantity_per_grid")
    grid_bot = open_grid_bot(request, account=account, name=params.text("name", pair), pair=pair, grids=grids)
    _apply(request, grid_bot)
    return grid_bot


def _apply(request: HandlerRequest, grid_bot: Entity) -> None:
    params = request.params
    for field in _UPDATABLE:
        value = params.decimal(field)
        if value is not None:
            grid_bot[field] = str(value)
    grids = params.integer("grids_quantity", minimum=2, maximum=200)
    if grids is not None:
        grid_bot["grids_quantity"] = str(grids)
    for field in ("name", "grid_type", "upper_stop_loss_action", "lower_stop_loss_action"):
        text = params.text(field)
        if text is not None:
            grid_bot[field] = text
    for flag in ("upper_stop_loss_enabled", "lower_stop_loss_enabled"):
        enabled = params.boolean(flag)
        if enabled is not None:
            grid_bot[flag] = enabled
    grid_bot["updated_at"] = iso(request.now)


@routes.get("/ver1/grid_bots/{id}", _READ)
def show_grid_bot(request: HandlerRequest) -> Entity:
    return _grid_bot(request)


@routes.patch("/ver1/grid_bots/{id}/manual", _WRITE)
def update_grid_bot(request: HandlerRequest) -> Entity:
    grid_bot = _grid_bot(request)
    _apply(request, grid_bot)
    _event(request, grid_bot, "Grid bot settings updated")
    return grid_bot


@routes.delete("/ver1/grid_bots/{id}", _WRITE)
def delete_grid_bot(request: HandlerRequest) -> Reply:
    """Answered 200 with no body, as documented."""
    grid_bot = _grid_bot(request)
    del request.book.grid_bots[grid_bot["id"]]
    return Reply(status=200, body=b"", headers=())


def _switch(request: HandlerRequest, enabled: bool) -> Entity:
    grid_bot = _grid_bot(request)
    grid_bot["is_enabled"] = enabled
    for line in grid_bot["grid_lines"]:
        line["order_placed"] = enabled
    grid_bot["updated_at"] = iso(request.now)
    _event(request, grid_bot, "Grid bot started" if enabled else "Grid bot stopped")
    return grid_bot


@routes.post("/ver1/grid_bots/{id}/enable", _WRITE, repeat=RepeatCheck.NONE)
def enable_grid_bot(request: HandlerRequest) -> Entity:
    return _switch(request, True)


@routes.post("/ver1/grid_bots/{id}/disable", _WRITE, repeat=RepeatCheck.NONE)
def disable_grid_bot(request: HandlerRequest) -> Entity:
    return _switch(request, False)


@routes.post("/ver1/grid_bots/{id}/note", _WRITE, repeat=RepeatCheck.NONE)
def set_grid_bot_note(request: HandlerRequest) -> Entity:
    grid_bot = _grid_bot(request)
    grid_bot["note"] = request.params.text("note")
    return grid_bot


@routes.get("/ver1/grid_bots/{id}/events", _READ)
def grid_bot_events(request: HandlerRequest) -> list[Entity]:
    grid_bot = _grid_bot(request)
    events = list(reversed(request.book.grid_bot_events.get(grid_bot["id"], [])))
    return by_page(events, request.params, default_per_page=10, max_per_page=100)


@routes.get("/ver1/grid_bots/{id}/market_orders", _READ)
def grid_bot_market_orders(request: HandlerRequest) -> dict[str, Any]:
    grid_bot = _grid_bot(request)
    orders = [
        {
            "order_id": str(line["id"]),
            "order_type": (line["side"] or "buy").upper(),
            "deal_order_type": "Grid",
            "cancellable": bool(line["order_placed"]),
            "status_string": "Active" if line["order_placed"] else "Cancelled",
            "created_at": grid_bot["updated_at"],
            "updated_at": grid_bot["updated_at"],
            "quantity": grid_bot["quantity_per_grid"],
            "quantity_remaining": grid_bot["quantity_per_grid"] if line["order_placed"] else "0.0",
            "total": str(numeric(line["price"]) * numeric(grid_bot["quantity_per_grid"])),
            "rate": line["price"],
            "average_price": "0.0",
        }
        for line in grid_bot["grid_lines"]
    ]
    page = by_offset(orders, request.params, default_limit=50, max_limit=1000)
    return {"grid_lines_orders": page, "balancing_orders": []}


@routes.get("/ver1/grid_bots/{id}/profits", _READ)
def grid_bot_profits(request: HandlerRequest) -> list[Entity]:
    grid_bot = _grid_bot(request)
    count = int(grid_bot["total_profits_count"])
    line_ids = [line["id"] for line in grid_bot["grid_lines"]] or [None]
    return [
        {
            "grid_line_id": line_ids[index % len(line_ids)],
            "profit": "0.0" + str(1000 + index * 37),
            "usd_profit": "0.0" + str(1000 + index * 37),
            "created_at": grid_bot["updated_at"],
        }
        for index in range(min(count, 20))
    ]


@routes.get("/ver1/grid_bots/{id}/required_balances", _READ)
def grid_bot_required_balances(request: HandlerRequest) -> Entity:
    grid_bot = _grid_bot(request)
    quote, base = split_pair(grid_bot["pair"])
    grids = int(grid_bot["grids_quantity"])
    quantity = numeric(grid_bot["quantity_per_grid"])
    required = {
        "quote": {"currency": quote, "quantity": str(quantity * grids / 2)},
        "base": {"currency": base, "quantity": str(quantity * grids / 2 / numeric(grid_bot["current_price"]))},
    }
    return {"required_balance": required, "missing_balance": required, "need_balancing": False}
