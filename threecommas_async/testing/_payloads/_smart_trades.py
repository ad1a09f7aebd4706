"""Smart trade (v2) payloads and their sub-trades."""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal, localcontext
from typing import Any

from ..._json import JsonNumber
from ._market import PAIR_PRICES, amount, iso, jitter, long_amount, price_places, split_pair

__all__ = ["smart_trade_payload", "smart_trade_sub_trades"]

Entity = dict[str, Any]

_SMART_TRADE_TITLES = {
    "waiting_position": "Pending Position Opened",
    "waiting_targets": "Waiting Targets",
    "finished": "Finished",
    "cancelled": "Cancelled",
    "failed": "Failed",
    "panic_sold": "Closed At Market",
}


def smart_trade_payload(
    rng: random.Random,
    *,
    smart_trade_id: int,
    account: Entity,
    pair: str,
    status: str,
    created: float,
    position_type: str = "buy",
    order_type: str = "limit",
    units: Decimal | None = None,
    price: Decimal | None = None,
    take_profit_step_ids: Sequence[int] = (),
    note: str = "",
) -> Entity:
    quote, _ = split_pair(pair)
    reference = PAIR_PRICES.get(pair, Decimal("1.0"))
    places = price_places(reference)
    entry = price if price is not None else jitter(rng, reference, 0.02, places)
    size = units if units is not None else (Decimal(rng.choice(("20", "50", "120"))) / entry).quantize(Decimal("1e-4"))
    last = jitter(rng, entry, 0.01, places)
    finished = status in ("finished", "cancelled", "failed", "panic_sold")
    entered = status != "waiting_position" and status != "cancelled"
    with localcontext() as ctx:
        ctx.prec = 60
        total = size * entry
        profit_pct = ((last - entry) / entry * 100).quantize(Decimal("0.01"))
    return {
        "id": smart_trade_id,
        "account": {
            "id": account["id"],
            "type": account["market_code"],
            "name": account["name"],
            "market": account["exchange_name"],
            "link": f"/accounts/{account['id']}",
        },
        "pair": pair,
        "instant": order_type == "market",
        "status": _smart_trade_status(status),
        "leverage": {"enabled": False},
        "position": {
            "type": position_type,
            "editable": not entered,
            "units": {"value": str(size), "editable": not entered},
            "price": {"value": str(entry), "value_without_commission": str(entry), "editable": not entered},
            "total": {"value": str(total)},
            "order_type": order_type,
            "status": _step_status("finished" if entered else "order_placed"),
        },
        "take_profit": {
            "enabled": bool(take_profit_step_ids),
            "price_type": "value",
            "steps": [
                {
                    "id": step_id,
                    "order_type": "limit",
                    "editable": not finished,
                    "units": {"value": None},
                    "price": {
                        "type": "last",
                        "value": str(entry * Decimal("1.1")),
                        "value_without_commission": str(entry * Decimal("1.1")),
                        "percent": None,
                    },
                    "volume": "100.0",
                    "total": None,
                    "trailing": {"enabled": False, "percent": None},
                    "status": _step_status("finished" if status == "finished" else "idle"),
                    "data": {"cancelable": not finished, "panic_sell_available": entered and not finished},
                    "position": index + 1,
                }
                for index, step_id in enumerate(take_profit_step_ids)
            ],
        },
        "stop_loss": {
            "enabled": False,
            "price_type": "value",
            "breakeven": False,
            "order_type": "market",
            "editable": not finished,
            "price": {"value": None, "value_without_commission": None, "percent": None},
            "conditional": {
                "price": {"value": None, "type": "last", "percent": None},
                "trailing": {"enabled": False, "percent": None},
            },
            "timeout": {"enabled": False, "value": None},
            "status": _step_status("idle"),
            "closed_at": None,
        },
        "reduce_funds": {"steps": []},
        "market_close": {},
        "note": note,
        "note_raw": note,
        "skip_enter_step": False,
        "data": {
            "editable": not finished,
            "current_price": {
                "bid": str(last - Decimal(1).scaleb(-places)),
                "ask": str(last),
                "last": str(last),
                "quote_volume": long_amount(rng, 6, 5),
                "day_change_percent": amount(Decimal(str(rng.uniform(-4, 4))), 3),
            },
            "target_price_type": "price",
            "orderbook_price_currency": quote,
            "base_order_finished": entered,
            "missing_funds_to_close": "0.0",
            "liquidation_price": None,
            "average_enter_price": str(entry) if entered else None,
            "average_close_price": str(last) if status == "finished" else None,
            "average_enter_price_without_commission": str(entry) if entered else None,
            "average_close_price_without_commission": str(last) if status == "finished" else None,
            "panic_sell_available": entered and not finished,
            "add_funds_available": not finished,
            "reduce_funds_available": entered and not finished,
            "force_start_available": not entered and not finished,
            "force_process_available": not finished,
            "cancel_available": not finished,
            "finished": finished,
            "base_position_step_finished": entered,
            "entered_amount": str(size) if entered else "0.0",
            "entered_total": str(total) if entered else "0.0",
            "closed_amount": str(size) if status == "finished" else "0.0",
            "closed_total": str(size * last) if status == "finished" else "0.0",
            "commission": JsonNumber("0.001"),
            "created_at": iso(created),
            "updated_at": iso(created + 95.25),
            "closed_at": None,
            "type": "smart_trade",
        },
        "profit": {
            "volume": str(profit_pct * total / 100) if entered else None,
            "usd": amount(profit_pct * total / 100, 2) if entered else None,
            "percent": str(profit_pct) if entered else "0.0",
            "roe": None,
        },
        "margin": {"amount": None, "total": None},
        "is_position_not_filled": not entered,
    }


def _smart_trade_status(status: str) -> Entity:
    return {"type": status, "basic_type": status, "title": _SMART_TRADE_TITLES.get(status, status)}


def _step_status(status: str) -> Entity:
    titles = {"idle": "Pending", "order_placed": "Placed", "finished": "Finished", "cancelled": "Cancelled"}
    return {"type": status, "basic_type": status, "title": titles.get(status, status)}


def smart_trade_sub_trades(smart_trade: Entity, trade_ids: Sequence[int]) -> list[Entity]:
    """The position trade and one trade per take-profit step, shaped like the documented sub-trade."""
    position = smart_trade["position"]
    entered = smart_trade["data"]["base_position_step_finished"]
    created = smart_trade["data"]["created_at"]
    purposes = ["position"] + ["take_profit"] * (len(trade_ids) - 1)
    trades = []
    for trade_id, purpose in zip(trade_ids, purposes, strict=True):
        is_position = purpose == "position"
        trades.append(
            {
                "id": trade_id,
                "average_price": position["price"]["value"] if is_position and entered else None,
                "follow_price_type": "last",
                "initial_amount": position["units"]["value"],
                "initial_total": position["total"]["value"],
                "order_price": position["price"]["value"] if is_position else None,
                "order_side": position["type"] if is_position else _opposite(position["type"]),
                "order_type": position["order_type"] if is_position else "limit",
                "pair": smart_trade["pair"],
                "position_percentage": "100.0",
                "realised_amount": position["units"]["value"] if is_position and entered else "0.0",
                "realised_total": position["total"]["value"] if is_position and entered else None,
                "status": "finished" if is_position and entered else "to_process",
                "take_profit_percentage": None if is_position else "10.0",
                "trade_purpose": purpose,
                "trail_percentage": None,
                "trail_value": None,
                "trailing_enabled": False,
                "trailing_last_price": None,
                "trailing_last_price_updated_at": None,
                "trigger_condition": "less_or_equal" if is_position else "greater_or_equal",
                "trigger_price": None,
                "trigger_price_percentage": None,
                "trigger_type": "instant" if is_position else "conditional",
                "created_at": created,
                "updated_at": smart_trade["data"]["updated_at"],
                "realised_percentage": "100.0" if is_position and entered else "0.0",
                "initial_price": position["price"]["value"],
                "realised_price": position["price"]["value"] if is_position and entered else None,
                "cancelable": not (is_position and entered),
                "force_processable": not (is_position and entered),
            }
        )
    return trades


def _opposite(side: str) -> str:
    return "sell" if side == "buy" else "buy"
