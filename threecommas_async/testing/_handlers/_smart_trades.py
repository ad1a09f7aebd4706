"""Smart trades v2: list with page/per_page, create, show, update, cancel, close, funds, sub-trades."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .._http import invalid_param, not_allowed, not_found
from .._keys import Permission
from .._params import to_decimal
from .._payloads import iso, smart_trade_payload, smart_trade_sub_trades, split_pair
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity, EntityKind
from ._common import by_page, descending, entity, epoch_of, in_time_range, numeric, sort_by

__all__ = ["open_smart_trade", "routes"]

routes = RouteGroup()

_READ = Permission.SMART_TRADES_READ
_WRITE = Permission.SMART_TRADES_WRITE
_ACTIVE = frozenset({"created", "waiting_position", "waiting_targets"})

_STATUS_FILTERS: dict[str, Callable[[str], bool]] = {
    "all": lambda status: True,
    "active": lambda status: status in _ACTIVE,
    "finished": lambda status: status not in _ACTIVE,
    "successfully_finished": lambda status: status == "finished",
    "cancelled": lambda status: status == "cancelled",
    "failed": lambda status: status == "failed",
}

_ORDERS: dict[str, Callable[[Entity], Any]] = {
    "created_at": lambda trade: epoch_of(trade["data"]["created_at"]),
    "updated_at": lambda trade: epoch_of(trade["data"]["updated_at"]),
    "closed_at": lambda trade: epoch_of(trade["data"].get("closed_at")),
    "status": lambda trade: trade["status"]["type"],
    "profit": lambda trade: numeric(trade["profit"]["volume"]),
    "profit_percentage": lambda trade: numeric(trade["profit"]["percent"]),
}


def open_smart_trade(
    request: HandlerRequest,
    *,
    account: Entity,
    pair: str,
    units: Decimal | None,
    price: Decimal | None,
    order_type: str,
    entered: bool,
    position_type: str = "buy",
    take_profit_steps: int = 0,
    note: str = "",
) -> Entity:
    """Create and store a smart trade with its sub-trades; returns the smart trade payload."""
    book = request.book
    smart_trade_id = book.new_id(EntityKind.SMART_TRADE)
    step_ids = [book.new_id(EntityKind.SUB_TRADE) for _ in range(take_profit_steps)]
    smart_trade = smart_trade_payload(
        request.rng,
        smart_trade_id=smart_trade_id,
        account=account,
        pair=pair,
        status="waiting_targets" if entered else "waiting_position",
        created=request.now,
        position_type=position_type,
        order_type=order_type,
        units=units,
        price=price,
        take_profit_step_ids=step_ids,
        note=note,
    )
    book.smart_trades[smart_trade_id] = smart_trade
    book.smart_trade_trades[smart_trade_id] = smart_trade_sub_trades(
        smart_trade, [book.new_id(EntityKind.SUB_TRADE), *step_ids]
    )
    return smart_trade


def _smart_trade(request: HandlerRequest, name: str = "id") -> Entity:
    return entity(request.book.smart_trades, request.path_int(name), "Smart trade")


def _active(request: HandlerRequest, action: str) -> Entity:
    smart_trade = _smart_trade(request)
    if smart_trade["data"]["finished"]:
        raise not_allowed(f"Smart trade {smart_trade['id']} is finished; it cannot be {action}")
    return smart_trade


def _set_status(smart_trade: Entity, status: str, now: float) -> None:
    finished = status not in _ACTIVE
    smart_trade["status"] = {"type": status, "basic_type": status, "title": status.replace("_", " ").title()}
    data = smart_trade["data"]
    data.update({"updated_at": iso(now), "finished": finished, "editable": not finished})
    if finished:
        data["closed_at"] = iso(now)
        if smart_trade["stop_loss"]["enabled"]:
            smart_trade["stop_loss"]["closed_at"] = iso(now)
        for flag in (
            "panic_sell_available",
            "add_funds_available",
            "reduce_funds_available",
            "force_start_available",
            "force_process_available",
            "cancel_available",
        ):
            data[flag] = False
        for step in smart_trade["take_profit"]["steps"]:
            step["editable"] = False
            step["data"] = {"cancelable": False, "panic_sell_available": False}


def _enter_position(smart_trade: Entity, now: float) -> None:
    position = smart_trade["position"]
    position["editable"] = False
    position["units"]["editable"] = False
    position["price"]["editable"] = False
    position["status"] = {"type": "finished", "basic_type": "finished", "title": "Finished"}
    data = smart_trade["data"]
    data.update(
        {
            "base_order_finished": True,
            "base_position_step_finished": True,
            "entered_amount": position["units"]["value"],
            "entered_total": position["total"]["value"],
            "average_enter_price": position["price"]["value"],
            "force_start_available": False,
            "panic_sell_available": True,
            "reduce_funds_available": True,
        }
    )
    smart_trade["is_position_not_filled"] = False
    _set_status(smart_trade, "waiting_targets", now)


@routes.get("/v2/smart_trades", _READ)
def list_smart_trades(request: HandlerRequest) -> list[Entity]:
    params = request.params
    account_id = params.integer("account_id")
    pair = params.text("pair")
    trade_type = params.text(
        "type", choices=("simple_buy", "simple_sell", "smart_sell", "smart_trade", "smart_cover", "smart_buy")
    )
    status_filter = _STATUS_FILTERS[params.text("status", "all", choices=_STATUS_FILTERS)]
    order = _ORDERS[params.text("order_by", "status", choices=_ORDERS)]
    base = params.text("base")
    quote = params.text("quote")
    in_range = in_time_range(params, "created_at")
    trades = [
        trade
        for trade in request.book.smart_trades.values()
        if (account_id is None or trade["account"]["id"] == account_id)
        and (pair is None or trade["pair"] == pair)
        and (trade_type is None or trade["data"]["type"] == trade_type)
        and status_filter(trade["status"]["type"])
        and (base is None or split_pair(trade["pair"])[1].upper() == base.upper())
        and (quote is None or split_pair(trade["pair"])[0].upper() == quote.upper())
        and in_range(trade["data"])
    ]
    ordered = sort_by(trades, order, desc=descending(params, "order_direction"))
    return by_page(ordered, params, default_per_page=10, max_per_page=100)


@routes.post("/v2/smart_trades", _WRITE)
def create_smart_trade(request: HandlerRequest) -> Entity:
    params = request.params
    account = entity(request.book.accounts, params.require_integer("account_id"), "Account")
    pair = params.require_text("pair")
    position = params.mapping("position")
    position_type = position.get("type")
    if position_type not in ("buy", "sell"):
        raise invalid_param("position[type]", "is not included in the list (buy, sell)")
    order_type = position.get("order_type")
    if order_type not in ("market", "limit", "conditional"):
        raise invalid_param("position[order_type]", "is not included in the list (market, limit, conditional)")
    units = _nested_decimal(position, "units", "position[units][value]", required=True)
    price = _nested_decimal(position, "price", "position[price][value]", required=order_type == "limit")
    take_profit = params.mapping("take_profit")
    steps = take_profit.get("steps") or []
    note = params.text("note", "")
    if len(note) > 300:
        raise invalid_param("note", "is too long (maximum is 300 characters)")
    return open_smart_trade(
        request,
        account=account,
        pair=pair,
        units=units,
        price=price,
        order_type=order_type,
        entered=order_type == "market" or bool(params.boolean("skip_enter_step", False)),
        position_type=position_type,
        take_profit_steps=len(steps) if isinstance(steps, list) else 0,
        note=note,
    )


def _nested_decimal(container: dict[str, Any], name: str, wire: str, *, required: bool) -> Decimal | None:
    holder = container.get(name)
    value = holder.get("value") if isinstance(holder, dict) else None
    if value is None or value == "":
        if required:
            raise invalid_param(wire, "can't be blank")
        return None
    number = to_decimal(value, wire)
    if number <= 0:
        raise invalid_param(wire, "must be greater than 0")
    return number


@routes.get("/v2/smart_trades/{id}", _READ)
def show_smart_trade(request: HandlerRequest) -> Entity:
    return _smart_trade(request)


@routes.delete("/v2/smart_trades/{id}", _WRITE)
def cancel_smart_trade(request: HandlerRequest) -> Entity:
    smart_trade = _active(request, "cancelled")
    _set_status(smart_trade, "cancelled", request.now)
    for trade in request.book.smart_trade_trades.get(smart_trade["id"], []):
        if trade["status"] != "finished":
            trade["status"] = "cancelled"
            trade["cancelable"] = False
    return smart_trade


@routes.patch("/v2/smart_trades/{id}", _WRITE)
def update_smart_trade(request: HandlerRequest) -> Entity:
    smart_trade = _active(request, "updated")
    position = request.params.mapping("position")
    units = _nested_decimal(position, "units", "position[units][value]", required=False)
    price = _nested_decimal(position, "price", "position[price][value]", required=False)
    if (units is not None or price is not None) and not smart_trade["position"]["editable"]:
        raise not_allowed("The position is already entered and cannot be edited")
    if units is not None:
        smart_trade["position"]["units"]["value"] = str(units)
    if price is not None:
        smart_trade["position"]["price"]["value"] = str(price)
        smart_trade["position"]["price"]["value_without_commission"] = str(price)
    current_units = numeric(smart_trade["position"]["units"]["value"])
    current_price = numeric(smart_trade["position"]["price"]["value"])
    smart_trade["position"]["total"]["value"] = str(current_units * current_price)
    take_profit = request.params.mapping("take_profit")
    if "enabled" in take_profit:
        smart_trade["take_profit"]["enabled"] = str(take_profit["enabled"]).lower() == "true"
    smart_trade["data"]["updated_at"] = iso(request.now)
    return smart_trade


def _change_funds(request: HandlerRequest, sign: int) -> Entity:
    smart_trade = _active(request, "changed")
    params = request.params
    params.require_text("order_type", choices=("market", "limit"))
    units = _nested_decimal(params.as_dict(), "units", "units[value]", required=True) or Decimal(0)
    current = numeric(smart_trade["position"]["units"]["value"])
    updated = current + sign * units
    if updated <= 0:
        raise invalid_param("units[value]", "must be less than the position size")
    smart_trade["position"]["units"]["value"] = str(updated)
    smart_trade["position"]["total"]["value"] = str(updated * numeric(smart_trade["position"]["price"]["value"]))
    smart_trade["data"]["updated_at"] = iso(request.now)
    return smart_trade


@routes.post("/v2/smart_trades/{id}/add_funds", _WRITE)
def add_funds(request: HandlerRequest) -> Entity:
    return _change_funds(request, 1)


@routes.post("/v2/smart_trades/{id}/reduce_funds", _WRITE)
def reduce_funds(request: HandlerRequest) -> Entity:
    return _change_funds(request, -1)


@routes.get("/v2/smart_trades/{id}/reduce_funds_info", _WRITE)
def reduce_funds_info(request: HandlerRequest) -> dict[str, Any]:
    smart_trade = _smart_trade(request)
    units = smart_trade["position"]["units"]["value"]
    return {
        "id": smart_trade["id"],
        "max_reduce_funds_amount": units,
        "available_amount": units,
        "max_amount": units,
        "min_amount": "0.0001",
        "reduce_funds_available": smart_trade["data"]["reduce_funds_available"],
    }


@routes.post("/v2/smart_trades/{id}/close_by_market", _WRITE, repeat=RepeatCheck.SAME_PATH)
def close_by_market(request: HandlerRequest) -> Entity:
    smart_trade = _active(request, "closed")
    _set_status(smart_trade, "panic_sold", request.now)
    return smart_trade


@routes.post("/v2/smart_trades/{id}/force_start", _WRITE, repeat=RepeatCheck.SAME_PATH)
def force_start(request: HandlerRequest) -> Entity:
    smart_trade = _active(request, "started")
    if not smart_trade["data"]["force_start_available"]:
        raise not_allowed("The position is already entered")
    _enter_position(smart_trade, request.now)
    return smart_trade


@routes.post("/v2/smart_trades/{id}/force_process", _WRITE, repeat=RepeatCheck.SAME_PATH)
def force_process(request: HandlerRequest) -> Entity:
    smart_trade = _active(request, "processed")
    if smart_trade["data"]["force_start_available"]:
        _enter_position(smart_trade, request.now)
    smart_trade["data"]["updated_at"] = iso(request.now)
    return smart_trade


@routes.post("/v2/smart_trades/{id}/set_note", _WRITE, repeat=RepeatCheck.NONE)
def set_note(request: HandlerRequest) -> Entity:
    smart_trade = _smart_trade(request)
    note = request.params.text("note", "")
    if len(note) > 300:
        raise invalid_param("note", "is too long (maximum is 300 characters)")
    smart_trade["note"] = note
    smart_trade["note_raw"] = note
    return smart_trade


@routes.get("/v2/smart_trades/{smart_trade_id}/trades", _READ)
def list_sub_trades(request: HandlerRequest) -> list[Entity]:
    smart_trade = _smart_trade(request, "smart_trade_id")
    return request.book.smart_trade_trades.get(smart_trade["id"], [])


def _sub_trade(request: HandlerRequest) -> Entity:
    smart_trade = _smart_trade(request, "smart_trade_id")
    trade_id = request.path_int("trade_id")
    for trade in request.book.smart_trade_trades.get(smart_trade["id"], []):
        if trade["id"] == trade_id:
            return trade
    raise not_found("Trade")


@routes.delete("/v2/smart_trades/{smart_trade_id}/trades/{trade_id}", _WRITE)
def cancel_sub_trade(request: HandlerRequest) -> Entity:
    trade = _sub_trade(request)
    if not trade["cancelable"]:
        raise not_allowed("This trade cannot be cancelled")
    trade.update(
        {"status": "cancelled", "cancelable": False, "force_processable": False, "updated_at": iso(request.now)}
    )
    return trade


@routes.post(
    "/v2/smart_trades/{smart_trade_id}/trades/{trade_id}/close_by_market", _WRITE, repeat=RepeatCheck.SAME_PATH
)
def close_sub_trade_by_market(request: HandlerRequest) -> Entity:
    trade = _sub_trade(request)
    if trade["status"] in ("finished", "cancelled"):
        raise not_allowed("This trade is already closed")
    trade.update(
        {
            "status": "finished",
            "order_type": "market",
            "realised_amount": trade["initial_amount"],
            "realised_percentage": "100.0",
            "cancelable": False,
            "force_processable": False,
            "updated_at": iso(request.now),
        }
    )
    return trade
