"""DCA bot and deal payloads."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Any

from ..._json import JsonNumber
from ._market import PAIR_PRICES, amount, iso, jitter, price_places, split_pair

__all__ = ["bot_payload", "deal_payload"]

Entity = dict[str, Any]

_DEAL_LOCALIZED = {
    "created": "Created",
    "base_order_placed": "Base order placed",
    "bought": "Active",
    "ttp_order_placed": "Trailing take profit",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "panic_sold": "Panic sold",
    "failed": "Failed",
    "stop_loss_finished": "Stop loss finished",
}


def bot_payload(
    rng: random.Random,
    *,
    bot_id: int,
    account: Entity,
    name: str,
    pairs: Sequence[str],
    strategy: str,
    enabled: bool,
    created: float,
) -> Entity:
    base_volume = Decimal(rng.choice(("10.0", "15.0", "25.0", "50.0", "100.0")))
    return {
        "id": bot_id,
        "account_id": account["id"],
        "is_enabled": enabled,
        "max_safety_orders": rng.randint(2, 8),
        "active_safety_orders_count": rng.randint(1, 2),
        "pairs": list(pairs),
        "strategy_list": [{"strategy": "nonstop", "options": {}}],
        "close_strategy_list": [],
        "safety_strategy_list": [],
        "max_active_deals": max(1, len(pairs)) * rng.randint(1, 3),
        "active_deals_count": 0,
        "deletable?": not enabled,
        "created_at": iso(created),
        "updated_at": iso(created),
        "trailing_enabled": rng.random() < 0.3,
        "tsl_enabled": False,
        "deal_start_delay_seconds": None,
        "stop_loss_timeout_enabled": False,
        "stop_loss_timeout_in_seconds": 0,
        "disable_after_deals_count": None,
        "deals_counter": None,
        "allowed_deals_on_same_pair": None,
        "easy_form_supported": False,
        "close_deals_timeout": None,
        "url_secret": uuid.UUID(int=rng.getrandbits(128), version=4).hex[:10],
        "take_profit_steps": [],
        "name": name,
        "take_profit": str(Decimal(rng.choice(("1.2", "1.5", "2.0", "2.5", "3.0")))),
        "min_profit_percentage": None,
        "base_order_volume": str(base_volume),
        "safety_order_volume": str(base_volume * 2),
        "safety_order_step_percentage": rng.choice(("1.0", "1.5", "2.0")),
        "take_profit_type": "total",
        "min_profit_type": None,
        "type": "Bot::MultiBot" if len(pairs) > 1 else "Bot::SingleBot",
        "martingale_volume_coefficient": rng.choice(("1.0", "1.5", "2.0")),
        "martingale_step_coefficient": rng.choice(("1.0", "1.2", "2.0")),
        "stop_loss_percentage": rng.choice(("0.0", "5.0", "8.0")),
        "cooldown": "0",
        "btc_price_limit": "0.0",
        "strategy": strategy,
        "min_volume_btc_24h": "0.0",
        "profit_currency": "quote_currency",
        "min_price": None,
        "max_price": None,
        "stop_loss_type": "stop_loss",
        "safety_order_volume_type": "quote_currency",
        "base_order_volume_type": "quote_currency",
        "account_name": account["name"],
        "trailing_deviation": "0.2",
        "finished_deals_profit_usd": "0.0",
        "finished_deals_count": "0",
        "leverage_type": "not_specified",
        "leverage_custom_value": None,
        "safety_order_calculation_mode": "default",
        "custom_safety_steps": [],
        "start_order_type": rng.choice(("limit", "market")),
        "active_deals_usd_profit": "0.0",
        "reinvesting_percentage": None,
        "risk_reduction_percentage": None,
        "reinvested_volume_usd": None,
        "min_price_percentage": None,
        "max_price_percentage": None,
    }


def deal_payload(
    rng: random.Random,
    *,
    deal_id: int,
    bot: Entity,
    account: Entity,
    pair: str,
    status: str,
    created: float,
    closed: float | None,
    trade_ids: Sequence[int] = (),
) -> Entity:
    quote, base = split_pair(pair)
    reference = PAIR_PRICES.get(pair, Decimal("1.0"))
    places = price_places(reference)
    buy_price = jitter(rng, reference, 0.06, places)
    current = jitter(rng, buy_price, 0.03, places)
    volume = Decimal(bot["base_order_volume"])
    with localcontext() as ctx:
        ctx.prec = 60
        bought_amount = (volume / buy_price).quantize(Decimal("1e-4"), rounding=ROUND_DOWN)
        bought_volume = bought_amount * buy_price * Decimal("1.00075")
        finished = closed is not None
        sold_price = jitter(rng, buy_price, 0.04, places) if finished and status != "cancelled" else Decimal(0)
        sold_amount = bought_amount if sold_price else Decimal("0.0")
        sold_volume = sold_amount * sold_price * Decimal("0.99925")
        profit = sold_volume - bought_volume if sold_price else (current - buy_price) * bought_amount
        profit_pct = (profit / bought_volume * 100).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    take_profit_pct = Decimal(bot["take_profit"])
    tp_price = (buy_price * (1 + take_profit_pct / 100)).quantize(Decimal(1).scaleb(-places))
    stop_loss_price = (buy_price * Decimal("0.96")).quantize(Decimal(1).scaleb(-(places + 4)))
    steps = [
        {
            "id": index,
            "amount_percentage": JsonNumber(share),
            "profit_percentage": JsonNumber(f"{take_profit_pct + index}"),
            "editable": not finished,
            "panic_sellable": not finished,
            "trade_id": trade_id,
            "execution_timestamp": None,
            "initial_amount": amount(bought_amount * Decimal(share) / 100, 4),
            "price": amount(buy_price * (1 + (take_profit_pct + index) / 100), places),
            "status": "Finished" if finished else "Placed",
        }
        for index, (share, trade_id) in enumerate(zip(("60.0", "40.0"), trade_ids[:2], strict=False))
    ]
    events = [
        {
            "message": (
                f"Placing base order. Price: {buy_price} {quote} Size: {volume} {quote} ({bought_amount} {base})"
            ),
            "created_at": iso(created + 0.11),
        },
        {
            "message": f"Base order executed.  Price: {buy_price} {quote}.  Size: {amount(bought_volume, 8)} {quote}",
            "created_at": iso(created + 31.4),
        },
    ]
    return {
        "from_currency_id": 0,
        "to_currency_id": 0,
        "id": deal_id,
        "type": "Deal",
        "bot_id": bot["id"],
        "max_safety_orders": bot["max_safety_orders"],
        "deal_has_error": status == "failed",
        "account_id": account["id"],
        "active_safety_orders_count": bot["active_safety_orders_count"],
        "created_at": iso(created),
        "updated_at": iso(closed if closed is not None else created + 60),
        "closed_at": iso(closed) if closed is not None else None,
        "finished?": finished,
        "current_active_safety_orders_count": 0 if finished else bot["active_safety_orders_count"],
        "current_active_safety_orders": 0 if finished else bot["active_safety_orders_count"],
        "completed_safety_orders_count": rng.randint(0, 2),
        "completed_manual_safety_orders_count": 0,
        "cancellable?": not finished,
        "panic_sellable?": not finished,
        "trailing_enabled": bot["trailing_enabled"],
        "tsl_enabled": False,
        "stop_loss_timeout_enabled": False,
        "stop_loss_timeout_in_seconds": 0,
        "active_manual_safety_orders": 0,
        "pair": pair,
        "status": status,
        "localized_status": _DEAL_LOCALIZED.get(status, status),
        "take_profit": bot["take_profit"] if not steps else None,
        "take_profit_steps": steps,
        "base_order_volume": bot["base_order_volume"],
        "safety_order_volume": bot["safety_order_volume"],
        "safety_order_step_percentage": bot["safety_order_step_percentage"],
        "leverage_type": "not_specified",
        "leverage_custom_value": None,
        "safety_order_calculation_mode": bot.get("safety_order_calculation_mode", "default"),
        "custom_safety_steps": [{**step, "editable": not finished} for step in bot.get("custom_safety_steps", [])],
        "bought_amount": str(bought_amount),
        "bought_volume": amount(bought_volume, 8),
        "bought_average_price": str(buy_price),
        "base_order_average_price": str(buy_price),
        "sold_amount": str(sold_amount),
        "sold_volume": amount(sold_volume, 8),
        "sold_average_price": str(sold_price) if sold_price else "0",
        "take_profit_type": "total",
        "final_profit": amount(profit, 8) if finished else "0.0",
        "martingale_coefficient": "1.0",
        "martingale_volume_coefficient": bot["martingale_volume_coefficient"],
        "martingale_step_coefficient": bot["martingale_step_coefficient"],
        "stop_loss_percentage": bot["stop_loss_percentage"],
        "sl_to_breakeven_enabled": False,
        "sl_to_breakeven_data": None,
        "error_message": "Insufficient funds" if status == "failed" else None,
        "profit_currency": "quote_currency",
        "stop_loss_type": "stop_loss",
        "safety_order_volume_type": "quote_currency",
        "base_order_volume_type": "quote_currency",
        "from_currency": quote,
        "to_currency": base,
        "final_profit_percentage": str(profit_pct) if finished else "0",
        "usd_final_profit": amount(profit, 2) if finished else "0.0",
        "actual_profit": str(profit),
        "actual_usd_profit": amount(profit, 8),
        "failed_message": "Insufficient funds" if status == "failed" else None,
        "reserved_base_coin": amount(bought_volume, 8),
        "reserved_second_coin": str(bought_amount),
        "trailing_deviation": bot["trailing_deviation"],
        "trailing_max_price": None,
        "tsl_max_price": None,
        "strategy": bot["strategy"],
        "last_known_position_info": None,
        "min_profit_percentage": "0.0",
        "min_profit_type": None,
        "close_strategy_list": [],
        "safety_strategy_list": [],
        "note": None,
        "add_fundable": not finished,
        "smart_trade_convertable": not finished,
        "bot_name": bot["name"],
        "account_name": account["name"],
        "market_type": "spot",
        "current_price": str(current),
        "take_profit_price": str(tp_price),
        "stop_loss_price": str(stop_loss_price),
        "actual_profit_percentage": str(profit_pct),
        "reserved_quote_funds": "0.0",
        "reserved_base_funds": "0.0",
        "orderbook_price_currency": quote,
        "crypto_widget": {
            "progressAccuracy": 2,
            "buyPrice": str(buy_price),
            "currentPrice": str(current),
            "inverted": False,
            "stopLosses": [[str(stop_loss_price), False]],
            "LP": None,
            "buySteps": [],
            "marks": [
                {"type": "tp", "label": f"TP{index + 1}", "price": step["price"], "position": "down"}
                for index, step in enumerate(steps)
            ],
        },
        "buy_steps": [],
        "bot_events": events,
    }
