"""Deals: list with filters and limit/offset, show, cancel, panic sell, add funds, updates."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .._http import invalid_param, not_allowed
from .._keys import Permission
from .._payloads import iso, split_pair
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity
from ._common import by_offset, descending, entity, epoch_of, finish_deal, in_time_range, numeric, sort_by
from ._entities import custom_safety_steps
from ._smart_trades import open_smart_trade
from ._times import iso_date_time

__all__ = ["routes"]

routes = RouteGroup()

_READ = Permission.BOTS_READ
_WRITE = Permission.BOTS_WRITE

_SCOPES: dict[str, Callable[[Entity], bool]] = {
    "active": lambda deal: not deal["finished?"],
    "finished": lambda deal: bool(deal["finished?"]),
    "completed": lambda deal: deal["status"] in ("completed", "stop_loss_finished"),
    "cancelled": lambda deal: deal["status"] == "cancelled",
    "failed": lambda deal: deal["status"] == "failed",
    "null": lambda deal: True,
}

_ORDERS: dict[str, Callable[[Entity], Any]] = {
    "created_at": lambda deal: epoch_of(deal["created_at"]),
    "updated_at": lambda deal: epoch_of(deal["updated_at"]),
    "closed_at": lambda deal: epoch_of(deal["closed_at"]),
    "profit": lambda deal: numeric(deal["final_profit"]),
    "profit_percentage": lambda deal: numeric(deal["final_profit_percentage"]),
    "null": lambda deal: epoch_of(deal["created_at"]),
}


def _deal(request: HandlerRequest) -> Entity:
    return entity(request.book.deals, request.path_int("deal_id"), "Deal")


def _active_deal(request: HandlerRequest, action: str) -> Entity:
    deal = _deal(request)
    if deal["finished?"]:
        raise not_allowed(f"Deal {deal['id']} is {deal['status']}; it cannot be {action}")
    return deal


@routes.get("/ver1/deals", _READ)
def list_deals(request: HandlerRequest) -> list[Entity]:
    params = request.params
    bot_id = params.integer("bot_id")
    account_id = params.integer("account_id")
    scope = _SCOPES[params.text("scope", "null", choices=_SCOPES)]
    order = _ORDERS[params.text("order", "created_at", choices=_ORDERS)]
    base = params.text("base")
    quote = params.text("quote")
    note = params.text("note")
    in_range = in_time_range(params, "created_at", read_start=iso_date_time)
    deals = [
        deal
        for deal in request.book.deals.values()
        if (bot_id is None or deal["bot_id"] == bot_id)
        and (account_id is None or deal["account_id"] == account_id)
        and scope(deal)
        and (base is None or split_pair(deal["pair"])[1].upper() == base.upper())
        and (quote is None or split_pair(deal["pair"])[0].upper() == quote.upper())
        and (note is None or note.lower() in (deal["note"] or "").lower())
        and in_range(deal)
    ]
    ordered = sort_by(deals, order, desc=descending(params, "order_direction"))
    return by_offset(ordered, params, default_limit=50, max_limit=1000)


@routes.get("/ver1/deals/{deal_id}/show", _READ)
def show_deal(request: HandlerRequest) -> Entity:
    return _deal(request)


@routes.post("/ver1/deals/{deal_id}/cancel", _WRITE, repeat=RepeatCheck.SAME_PATH)
def cancel_deal(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "cancelled")
    finish_deal(request.book, deal, "cancelled", request.now)
    return deal


@routes.post("/ver1/deals/{deal_id}/panic_sell", _WRITE, repeat=RepeatCheck.SAME_PATH)
def panic_sell_deal(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "panic sold")
    finish_deal(request.book, deal, "panic_sold", request.now)
    return deal


@routes.post("/ver1/deals/{deal_id}/panic_sell_step", _WRITE)
def panic_sell_step(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "panic sold")
    trade_id = request.params.require_integer("trade_id")
    for step in deal["take_profit_steps"]:
        if step["trade_id"] == trade_id:
            step.update({"status": "Panic sold", "editable": False, "panic_sellable": False})
            deal["updated_at"] = iso(request.now)
            return deal
    raise invalid_param("trade_id", "does not belong to this deal")


@routes.post("/ver1/deals/{deal_id}/add_funds", _WRITE)
def add_funds(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "funded")
    quantity = request.params.require_decimal("quantity")
    if quantity <= 0:
        raise invalid_param("quantity", "must be greater than 0")
    is_market = request.params.boolean("is_market", False)
    rate = request.params.decimal("rate")
    if not is_market and rate is None:
        raise invalid_param("rate", "can't be blank for a limit order")
    price = numeric(deal["current_price"]) if is_market or rate is None else rate
    deal["bought_amount"] = str(numeric(deal["bought_amount"]) + quantity)
    deal["bought_volume"] = str(numeric(deal["bought_volume"]) + quantity * price)
    deal["completed_manual_safety_orders_count"] += 1
    deal["updated_at"] = iso(request.now)
    return deal


@routes.post("/ver1/deals/{deal_id}/cancel_order", _WRITE)
def cancel_order(request: HandlerRequest) -> list[Entity]:
    _active_deal(request, "changed")
    request.params.require_text("order_id")
    orders: list[Entity] = deal_market_orders(request)
    return orders


@routes.post(
    "/ver1/deals/{deal_id}/convert_to_smart_trade", Permission.SMART_TRADES_WRITE, repeat=RepeatCheck.SAME_PATH
)
def convert_to_smart_trade(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "converted")
    account = request.book.accounts.get(deal["account_id"])
    if account is None:
        raise not_allowed("The deal's account is gone")
    smart_trade = open_smart_trade(
        request,
        account=account,
        pair=deal["pair"],
        units=numeric(deal["bought_amount"]),
        price=numeric(deal["bought_average_price"]),
        order_type="market",
        entered=True,
    )
    finish_deal(request.book, deal, "cancelled", request.now)
    if request.params.boolean("stop_bot", False):
        bot = request.book.bots.get(deal["bot_id"])
        if bot is not None:
            bot["is_enabled"] = False
    return smart_trade


@routes.get("/ver1/deals/{deal_id}/data_for_adding_funds", _READ)
def data_for_adding_funds(request: HandlerRequest) -> dict[str, Any]:
    deal = _deal(request)
    quote, base = split_pair(deal["pair"])
    return {
        "account_id": deal["account_id"],
        "pair": deal["pair"],
        "deal_id": deal["id"],
        "market_supported": True,
        "is_contract": False,
        "available_amount": "1250.48126043",
        "orderbook_price_currency": quote,
        "limits": {
            "minLotSize": "0.0001",
            "lotStep": "0.0001",
            "minPrice": "0.01",
            "priceStep": "0.01",
            "minTotal": "5.0",
        },
        "base_currency": base,
        "current_price": deal["current_price"],
    }


@routes.get("/ver1/deals/{deal_id}/market_orders", _READ)
def deal_market_orders(request: HandlerRequest) -> list[Entity]:
    deal = _deal(request)
    filled = deal["status"] not in ("base_order_placed", "created")
    return [
        {
            "order_id": str(deal["id"] * 10 + 1),
            "order_type": "BUY",
            "deal_order_type": "Base",
            "cancellable": False,
            "status_string": "Filled" if filled else "Active",
            "created_at": deal["created_at"],
            "updated_at": deal["updated_at"],
            "quantity": deal["bought_amount"],
            "quantity_remaining": "0.0" if filled else deal["bought_amount"],
            "total": deal["bought_volume"],
            "rate": deal["bought_average_price"],
            "average_price": deal["bought_average_price"],
        }
    ]


@routes.patch("/ver1/deals/{deal_id}/update_deal", _WRITE)
def update_deal(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "updated")
    params = request.params
    take_profit = params.decimal("take_profit")
    if take_profit is not None:
        deal["take_profit"] = str(take_profit)
    take_profit_type = params.text("take_profit_type", choices=("base", "total"))
    if take_profit_type is not None:
        deal["take_profit_type"] = take_profit_type
    profit_currency = params.text("profit_currency", choices=("quote_currency", "base_currency"))
    if profit_currency is not None:
        deal["profit_currency"] = profit_currency
    for flag in ("trailing_enabled", "sl_to_breakeven_enabled", "tsl_enabled", "stop_loss_timeout_enabled"):
        value = params.boolean(flag)
        if value is not None:
            deal[flag] = value
    for count in ("max_safety_orders", "active_safety_orders_count"):
        number = params.integer(count, minimum=0, maximum=200)
        if number is not None:
            deal[count] = number
    for text_field in ("stop_loss_percentage", "trailing_deviation"):
        value_decimal = params.decimal(text_field)
        if value_decimal is not None:
            deal[text_field] = str(value_decimal)
    if "custom_safety_steps" in params:
        deal["custom_safety_steps"] = [{"editable": True, **step} for step in custom_safety_steps(params)]
    deal["updated_at"] = iso(request.now)
    return deal


@routes.post("/ver1/deals/{deal_id}/update_max_safety_orders", _WRITE, repeat=RepeatCheck.NONE)
def update_max_safety_orders(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "updated")
    deal["max_safety_orders"] = request.params.require_integer("max_safety_orders", minimum=0, maximum=200)
    deal["updated_at"] = iso(request.now)
    return deal


@routes.post("/ver1/deals/{deal_id}/update_tp", _WRITE, repeat=RepeatCheck.NONE)
def update_take_profit(request: HandlerRequest) -> Entity:
    deal = _active_deal(request, "updated")
    percentage = request.params.require_decimal("new_take_profit_percentage")
    if percentage <= 0:
        raise invalid_param("new_take_profit_percentage", "must be greater than 0")
    deal["take_profit"] = str(percentage)
    price = numeric(deal["bought_average_price"]) * (1 + percentage / Decimal(100))
    deal["take_profit_price"] = str(price)
    deal["updated_at"] = iso(request.now)
    return deal
