"""Grid bot and simple trade payloads."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from decimal import Decimal, localcontext
from typing import Any

from ._market import PAIR_PRICES, iso, jitter, long_amount, price_places, split_pair

__all__ = ["grid_bot_payload", "simple_trade_payload", "simple_trade_status"]

Entity = dict[str, Any]


def grid_bot_payload(
    rng: random.Random,
    *,
    grid_bot_id: int,
    account: Entity,
    name: str,
    pair: str,
    enabled: bool,
    created: float,
    grids: int,
    line_ids: Sequence[int],
) -> Entity:
    quote, _ = split_pair(pair)
    reference = PAIR_PRICES.get(pair, Decimal("1.0"))
    places = price_places(reference) + 1
    lower = jitter(rng, reference * Decimal("0.85"), 0.02, places)
    upper = jitter(rng, reference * Decimal("1.15"), 0.02, places)
    current = jitter(rng, reference, 0.01, places)
    with localcontext() as ctx:
        ctx.prec = 54
        step = (upper / lower) ** (Decimal(1) / grids)
        profit_pct = Decimal(rng.randint(1, 4000)) / 10000 * step
    lines = []
    for index, line_id in enumerate(line_ids):
        price = (current * (1 + Decimal(index - len(line_ids) // 2) / 200)).quantize(Decimal(1).scaleb(-places))
        lines.append(
            {"id": line_id, "price": str(price), "side": "buy" if price < current else "sell", "order_placed": enabled}
        )
    return {
        "id": grid_bot_id,
        "account_id": account["id"],
        "account_name": account["name"],
        "is_enabled": enabled,
        "grids_quantity": str(grids),
        "created_at": iso(created),
        "updated_at": iso(created + 3600.5),
        "strategy_type": "manual",
        "upper_stop_loss_enabled": False,
        "lower_stop_loss_enabled": False,
        "note": None,
        "editable": True,
        "lower_price": str(lower),
        "lower_stop_loss_price": None,
        "lower_stop_loss_action": "stop_bot",
        "upper_price": str(upper),
        "upper_stop_loss_price": None,
        "upper_stop_loss_action": "stop_bot",
        "quantity_per_grid": rng.choice(("5.0", "10.0", "20.0")),
        "leverage_type": "not_specified",
        "leverage_custom_value": None,
        "name": name,
        "pair": pair,
        "start_price": str(current),
        "grid_price_step": str(step),
        "current_profit": long_amount(rng, 1, 16),
        "current_profit_usd": long_amount(rng, 1, 16),
        "total_profits_count": str(rng.randint(0, 60)),
        "bought_volume": "0.0",
        "sold_volume": "0.0",
        "profit_percentage": str(profit_pct),
        "current_price": str(current),
        "max_active_buy_lines": str(grids),
        "max_active_sell_lines": str(grids),
        "order_currency_type": "quote",
        "profit_currency_type": "quote",
        "trailing_up_enabled": "false",
        "grid_type": rng.choice(("geometric", "arithmetic")),
        "investment_base_currency": "0.0",
        "investment_quote_currency": "0.0",
        "unrealized_profit_loss": "0.0",
        "current_profit_loss": None,
        "current_profit_loss_percent": None,
        "orderbook_price_currency": quote,
        "expansion_down_enabled": "false",
        "expansion_down_stop_price": None,
        "grid_lines": lines,
        "mode": None,
    }


def simple_trade_payload(
    rng: random.Random,
    *,
    account_id: int,
    pair: str,
    created: float,
    order_type: str,
    side: str,
    units: Decimal,
    price: Decimal | None,
    finished: bool,
) -> Entity:
    reference = PAIR_PRICES.get(pair, Decimal("1.0"))
    fill_price = price if price is not None else jitter(rng, reference, 0.01, price_places(reference))
    with localcontext() as ctx:
        ctx.prec = 60
        total = units * fill_price
    return {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "account_id": account_id,
        "pair": pair,
        "created_at": int(created),
        "closed_at": int(created) + 1 if finished else None,
        "order": {
            "type": order_type,
            "side": side,
            "strategy": None if order_type == "market" else "gtc",
            "position_side": "both",
            "reduce_only": False,
        },
        "units": {"value": str(units)},
        "price": {"value": str(price) if price is not None else None},
        "total": {"value": str(total)},
        "conditional": {"enabled": False, "value": None, "price": {"value": None, "type": None}},
        "trailing": {"enabled": False, "value": None, "percent": None},
        "timeout": {"enabled": False, "value": None},
        "leverage": {"type": None},
        "status": simple_trade_status("finished" if finished else "processing"),
        "filled": {
            "units": str(units) if finished else "0.0",
            "total": str(total * Decimal("1.001")) if finished else "0.0",
            "price": str(fill_price) if finished else None,
            "value": "100.0" if finished else "0.0",
        },
        "data": {"cancelable": not finished},
    }


def simple_trade_status(value: str) -> Entity:
    """A simple trade's status block: ``value``, its ``basic_type`` and the error text (None)."""
    return {"value": value, "basic_type": value, "error": None}
