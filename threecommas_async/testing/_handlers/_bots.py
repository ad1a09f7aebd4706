"""DCA bots: list, show, create, copy, update, enable/disable, delete, deals of a bot, stats."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .._http import invalid_param, not_allowed
from .._keys import Permission
from .._payloads import PAIR_PRICES, bot_payload, deal_payload, iso, split_pair
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Book, Entity, EntityKind
from ._common import by_offset, descending, entity, epoch_of, finish_deal, numeric, refresh_bot, sort_by
from ._entities import LEVERAGE_TYPES, custom_safety_steps, required_amount
from ._times import iso_date_time

__all__ = ["open_deal", "routes"]

routes = RouteGroup()

_READ = Permission.BOTS_READ
_WRITE = Permission.BOTS_WRITE

_SCOPES: dict[str, Callable[[Entity], bool]] = {
    "enabled": lambda bot: bool(bot["is_enabled"]),
    "enable": lambda bot: bool(bot["is_enabled"]),
    "disabled": lambda bot: not bot["is_enabled"],
    "null": lambda bot: True,
}

_SORTS: dict[str, Callable[[Entity], Any]] = {
    "created_at": lambda bot: epoch_of(bot["created_at"]),
    "updated_at": lambda bot: epoch_of(bot["updated_at"]),
    "profit": lambda bot: numeric(bot["finished_deals_profit_usd"]),
}

_UPDATABLE_DECIMALS = (
    "take_profit",
    "base_order_volume",
    "safety_order_volume",
    "martingale_volume_coefficient",
    "martingale_step_coefficient",
    "safety_order_step_percentage",
    "stop_loss_percentage",
    "trailing_deviation",
    "btc_price_limit",
    "min_volume_btc_24h",
)
_UPDATABLE_INTEGERS = ("max_active_deals", "max_safety_orders", "active_safety_orders_count", "cooldown")


def open_deal(request: HandlerRequest, bot: Entity, pair: str) -> Entity:
    """Start a deal for ``bot`` on ``pair`` now, store it, and return it."""
    book = request.book
    account = entity(book.accounts, bot["account_id"], "Account")
    deal_id = book.new_id(EntityKind.DEAL)
    deal = deal_payload(
        request.rng,
        deal_id=deal_id,
        bot=bot,
        account=account,
        pair=pair,
        status="bought",
        created=request.now,
        closed=None,
        trade_ids=[book.new_id(EntityKind.SUB_TRADE), book.new_id(EntityKind.SUB_TRADE)],
    )
    book.deals[deal_id] = deal
    refresh_bot(book, bot)
    return deal


def _bot(request: HandlerRequest) -> Entity:
    return entity(request.book.bots, request.path_int("bot_id"), "Bot")


def _with_events(bot: Entity, include: bool) -> Entity:
    if not include:
        return bot
    return {**bot, "bot_events": [{"message": f"Bot {bot['name']} saved", "created_at": bot["updated_at"]}]}


@routes.get("/ver1/bots", _READ)
def list_bots(request: HandlerRequest) -> list[Entity]:
    params = request.params
    account_id = params.integer("account_id")
    strategy = params.text("strategy", choices=("long", "short"))
    scope = _SCOPES[params.text("scope", "null", choices=_SCOPES)]
    sort_key = _SORTS[params.text("sort_by", "created_at", choices=_SORTS)]
    quote = params.text("quote")
    since = iso_date_time(params, "from")
    bots = [
        bot
        for bot in request.book.bots.values()
        if (account_id is None or bot["account_id"] == account_id)
        and (strategy is None or bot["strategy"] == strategy)
        and scope(bot)
        and (quote is None or any(split_pair(pair)[0].upper() == quote.upper() for pair in bot["pairs"]))
        and (since is None or (epoch_of(bot["created_at"]) or 0) >= since)
    ]
    ordered = sort_by(bots, sort_key, desc=descending(params, "order_direction", "sort_direction"))
    return by_offset(ordered, params, default_limit=50, max_limit=100)


@routes.get("/ver1/bots/{bot_id}/show", _READ)
def show_bot(request: HandlerRequest) -> Entity:
    return _with_events(_bot(request), bool(request.params.boolean("include_events", False)))


def _pairs(request: HandlerRequest) -> list[str]:
    pairs = [str(pair).strip() for pair in request.params.sequence("pairs")]
    if not pairs:
        raise invalid_param("pairs", "can't be blank")
    for pair in pairs:
        quote, base = split_pair(pair)
        if not quote or not base:
            raise invalid_param("pairs", f"{pair} is not a QUOTE_BASE pair")
    return pairs


@routes.post("/ver1/bots/create_bot", _WRITE)
def create_bot(request: HandlerRequest) -> Entity:
    params = request.params
    name = params.require_text("name")
    account = entity(request.book.accounts, params.require_integer("account_id"), "Account")
    pairs = _pairs(request)
    strategy = params.text("strategy", "long", choices=("long", "short"))
    params.require_decimal("base_order_volume")
    params.require_decimal("take_profit")
    params.require_decimal("safety_order_volume")
    params.require_decimal("safety_order_step_percentage")
    params.require_integer("max_safety_orders", minimum=0, maximum=200)
    params.require_integer("active_safety_orders_count", minimum=0)
    book = request.book
    bot = bot_payload(
        request.rng,
        bot_id=book.new_id(EntityKind.BOT),
        account=account,
        name=name,
        pairs=pairs,
        strategy=strategy,
        enabled=False,
        created=request.now,
    )
    _apply_settings(request, bot)
    book.bots[bot["id"]] = bot
    return bot


def _apply_settings(request: HandlerRequest, bot: Entity) -> None:
    params = request.params
    for field in _UPDATABLE_DECIMALS:
        value = params.decimal(field)
        if value is not None:
            bot[field] = str(value)
    for field in _UPDATABLE_INTEGERS:
        number = params.integer(field, minimum=0)
        if number is not None:
            bot[field] = number if field != "cooldown" else str(number)
    for field in (
        "take_profit_type",
        "base_order_volume_type",
        "safety_order_volume_type",
        "start_order_type",
        "profit_currency",
        "stop_loss_type",
        "safety_order_calculation_mode",
    ):
        text = params.text(field)
        if text is not None:
            bot[field] = text
    leverage_type = params.text("leverage_type", choices=LEVERAGE_TYPES)
    if leverage_type is not None:
        bot["leverage_type"] = leverage_type
    if "custom_safety_steps" in params:
        bot["custom_safety_steps"] = custom_safety_steps(params)
    for flag in ("trailing_enabled", "tsl_enabled", "stop_loss_timeout_enabled"):
        value_flag = params.boolean(flag)
        if value_flag is not None:
            bot[flag] = value_flag
    for listed in ("strategy_list", "close_strategy_list", "safety_strategy_list", "take_profit_steps"):
        raw = params.raw(listed)
        if isinstance(raw, list):
            bot[listed] = raw
    bot["updated_at"] = iso(request.now)


@routes.patch("/ver1/bots/{bot_id}/update", _WRITE)
def update_bot(request: HandlerRequest) -> Entity:
    bot = _bot(request)
    name = request.params.text("name")
    if name is not None:
        bot["name"] = name
    if "pairs" in request.params:
        bot["pairs"] = _pairs(request)
        bot["type"] = "Bot::MultiBot" if len(bot["pairs"]) > 1 else "Bot::SingleBot"
    _apply_settings(request, bot)
    return bot


@routes.post("/ver1/bots/{bot_id}/enable", _WRITE, repeat=RepeatCheck.NONE)
def enable_bot(request: HandlerRequest) -> Entity:
    bot = _bot(request)
    bot.update({"is_enabled": True, "deletable?": False, "updated_at": iso(request.now)})
    return bot


@routes.post("/ver1/bots/{bot_id}/disable", _WRITE, repeat=RepeatCheck.NONE)
def disable_bot(request: HandlerRequest) -> Entity:
    bot = _bot(request)
    bot.update({"is_enabled": False, "deletable?": True, "updated_at": iso(request.now)})
    return bot


@routes.post("/ver1/bots/{bot_id}/delete", _WRITE, repeat=RepeatCheck.SAME_PATH)
def delete_bot(request: HandlerRequest) -> bool:
    bot = _bot(request)
    if bot["is_enabled"]:
        raise not_allowed("Disable the bot before deleting it")
    del request.book.bots[bot["id"]]
    return True


@routes.post("/ver1/bots/{bot_id}/copy_and_create", _WRITE)
def copy_bot(request: HandlerRequest) -> dict[str, Any]:
    """Copy a bot; answered with the new id and the funds it needs, as documented."""
    source = _bot(request)
    book = request.book
    copy = {
        **source,
        "id": book.new_id(EntityKind.BOT),
        "name": request.params.text("name", f"{source['name']} (copy)"),
        "is_enabled": False,
        "deletable?": True,
        "active_deals_count": 0,
        "finished_deals_count": "0",
        "finished_deals_profit_usd": "0.0",
        "active_deals_usd_profit": "0.0",
        "created_at": iso(request.now),
        "updated_at": iso(request.now),
    }
    book.bots[copy["id"]] = copy
    return {"bot_id": copy["id"], "bot_required_amount": str(required_amount(copy))}


@routes.post("/ver1/bots/{bot_id}/start_new_deal", _WRITE)
def start_new_deal(request: HandlerRequest) -> Entity:
    bot = _bot(request)
    params = request.params
    if params.boolean("only_for_enabled", False) and not bot["is_enabled"]:
        raise not_allowed("The bot is disabled")
    pair = params.text("pair") or bot["pairs"][0]
    if pair not in bot["pairs"]:
        raise invalid_param("pair", "is not one of the bot's pairs")
    if (
        not params.boolean("skip_open_deals_checks", False)
        and len(request.book.active_deals(bot["id"])) >= bot["max_active_deals"]
    ):
        raise not_allowed("Max active deals reached")
    return open_deal(request, bot, pair)


def _finish_all(request: HandlerRequest, status: str) -> Entity:
    bot = _bot(request)
    for deal in request.book.active_deals(bot["id"]):
        finish_deal(request.book, deal, status, request.now)
    return bot


@routes.post("/ver1/bots/{bot_id}/cancel_all_deals", _WRITE, repeat=RepeatCheck.SAME_PATH)
def cancel_all_deals(request: HandlerRequest) -> Entity:
    return _finish_all(request, "cancelled")


@routes.post("/ver1/bots/{bot_id}/panic_sell_all_deals", _WRITE, repeat=RepeatCheck.SAME_PATH)
def panic_sell_all_deals(request: HandlerRequest) -> Entity:
    return _finish_all(request, "panic_sold")


@routes.get("/ver1/bots/{bot_id}/deals_stats", _READ)
def deals_stats(request: HandlerRequest) -> dict[str, Any]:
    bot = _bot(request)
    deals = [deal for deal in request.book.deals.values() if deal["bot_id"] == bot["id"]]
    completed = [deal for deal in deals if deal["status"] in ("completed", "stop_loss_finished")]
    return {
        "completed": len(completed),
        "panic_sold": sum(deal["status"] == "panic_sold" for deal in deals),
        "active": sum(not deal["finished?"] for deal in deals),
        "from_currency_is_dollars": True,
        "completed_deals_usd_profit": str(sum((numeric(deal["usd_final_profit"]) for deal in completed), Decimal(0))),
        "from_currency": "USD",
        "current_deals_usd_profit": bot["active_deals_usd_profit"],
        "active_deals_usd_profit": bot["active_deals_usd_profit"],
        "active_deals_btc_profit": "0.0",
    }


@routes.get("/ver1/bots/{bot_id}/profit_by_day", _READ)
def profit_by_day(request: HandlerRequest) -> dict[str, Any]:
    bot = _bot(request)
    days = request.params.integer("days", 7, minimum=1, maximum=365)
    totals: dict[str, Decimal] = {}
    for deal in request.book.deals.values():
        if deal["bot_id"] == bot["id"] and deal["closed_at"]:
            day = deal["closed_at"][:10]
            totals[day] = totals.get(day, Decimal(0)) + numeric(deal["usd_final_profit"])
    recent = sorted(totals.items())[-days:]
    return {"data": [{"d": day, "y": str(total)} for day, total in recent]}


@routes.get("/ver1/bots/pairs_black_list", _READ)
def pairs_black_list(request: HandlerRequest) -> dict[str, Any]:
    return {"pairs": list(request.book.pairs_black_list)}


@routes.post("/ver1/bots/update_pairs_black_list", _WRITE, repeat=RepeatCheck.NONE)
def update_pairs_black_list(request: HandlerRequest) -> dict[str, Any]:
    request.book.pairs_black_list[:] = [str(pair) for pair in request.params.sequence("pairs")]
    return {"pairs": list(request.book.pairs_black_list)}


def _stats(book: Book, account_id: int | None, bot_id: int | None) -> dict[str, Any]:
    deals = [
        deal
        for deal in book.deals.values()
        if (account_id is None or deal["account_id"] == account_id) and (bot_id is None or deal["bot_id"] == bot_id)
    ]
    finished = [deal for deal in deals if deal["finished?"]]
    total = sum((numeric(deal["usd_final_profit"]) for deal in finished), Decimal(0))
    active = sum((numeric(deal["actual_usd_profit"]) for deal in deals if not deal["finished?"]), Decimal(0))
    return {
        "overall_stats": {"USD": str(total), "BTC": str((total / PAIR_PRICES["USDT_BTC"]).quantize(Decimal("1e-8")))},
        "today_stats": {"USD": "0.0", "BTC": "0.0"},
        "profits_in_usd": {
            "overall_usd_profit": str(total),
            "today_usd_profit": "0.0",
            "active_deals_usd_profit": str(active),
        },
    }


@routes.get("/ver1/bots/stats", _READ)
def bots_stats(request: HandlerRequest) -> dict[str, Any]:
    return _stats(request.book, request.params.integer("account_id"), request.params.integer("bot_id"))


@routes.get("/ver1/bots/stats_by_date", _READ)
def bots_stats_by_date(request: HandlerRequest) -> dict[str, Any]:
    stats = _stats(request.book, request.params.integer("account_id"), request.params.integer("bot_id"))
    usd = stats["overall_stats"]["USD"]
    return {"stats": {"USDT": usd}, "usd_profit": usd, "btc_profit": stats["overall_stats"]["BTC"]}
