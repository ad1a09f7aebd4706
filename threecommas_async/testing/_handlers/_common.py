"""Helpers the handler modules share: lookups, pagination, ordering, time filters, state changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from .._http import not_found
from .._params import Params
from .._payloads import iso
from .._state import Book, Entity
from ._times import iso_epoch, lenient_time

__all__ = [
    "by_offset",
    "by_page",
    "descending",
    "entity",
    "epoch_of",
    "finish_deal",
    "in_time_range",
    "numeric",
    "refresh_bot",
    "sort_by",
]

K = TypeVar("K")


def entity(entities: Mapping[K, Entity], entity_id: K, what: str) -> Entity:
    found = entities.get(entity_id)
    if found is None:
        raise not_found(what)
    return found


def by_offset(items: list[Entity], params: Params, *, default_limit: int, max_limit: int) -> list[Entity]:
    """``limit``/``offset`` pagination: a bare array, the last page is short (or empty)."""
    limit = params.integer("limit", default_limit, minimum=1, maximum=max_limit)
    offset = params.integer("offset", 0, minimum=0)
    return items[offset : offset + limit]


def by_page(items: list[Entity], params: Params, *, default_per_page: int, max_per_page: int) -> list[Entity]:
    """``page``/``per_page`` pagination (pages count from 1)."""
    page = params.integer("page", 1, minimum=1)
    per_page = params.integer("per_page", default_per_page, minimum=1, maximum=max_per_page)
    start = (page - 1) * per_page
    return items[start : start + per_page]


def descending(params: Params, *names: str, default: bool = True) -> bool:
    """Read the first of ``names`` given (``ASC``/``DESC``, any case); True for descending."""
    for name in names:
        value = params.text(name, choices=("asc", "desc"))
        if value is not None:
            return value == "desc"
    return default


def numeric(value: Any) -> Decimal:
    try:
        return Decimal(str(value)) if value is not None else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def sort_by(items: Iterable[Entity], key: Callable[[Entity], Any], *, desc: bool) -> list[Entity]:
    """Stable order by ``key`` then id, so pages never overlap or skip."""
    return sorted(items, key=lambda item: (_none_last(key(item)), item["id"]), reverse=desc)


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is not None, value if value is not None else 0)


def epoch_of(value: str | int | float | None) -> float | None:
    """Seconds since the epoch of an ISO 8601 string (``Z`` allowed) or of a number."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = value.strip()
    if text.lstrip("-").replace(".", "", 1).isdigit():
        return float(text)
    return iso_epoch(text)


TimeReader = Callable[[Params, str], float | None]


def in_time_range(
    params: Params,
    field: str,
    *,
    read_start: TimeReader = lenient_time,
    read_end: TimeReader = lenient_time,
) -> Callable[[Entity], bool]:
    """A filter keeping entities whose ``field`` time lies within the ``from``/``to`` parameters."""
    start = read_start(params, "from")
    end = read_end(params, "to")

    def accept(item: Entity) -> bool:
        moment = epoch_of(item.get(field))
        if moment is None:
            return start is None and end is None
        return (start is None or moment >= start) and (end is None or moment <= end)

    return accept


_LOCALIZED = {
    "cancelled": "Cancelled",
    "panic_sold": "Panic sold",
    "completed": "Completed",
    "failed": "Failed",
    "stop_loss_finished": "Stop loss finished",
}


def finish_deal(book: Book, deal: Entity, status: str, now: float) -> None:
    """Close an active deal as ``status`` (cancelled, panic_sold, completed, ...)."""
    deal.update(
        {
            "status": status,
            "localized_status": _LOCALIZED.get(status, status),
            "finished?": True,
            "cancellable?": False,
            "panic_sellable?": False,
            "add_fundable": False,
            "smart_trade_convertable": False,
            "current_active_safety_orders_count": 0,
            "current_active_safety_orders": 0,
            "closed_at": iso(now),
            "updated_at": iso(now),
        }
    )
    if status == "panic_sold":
        deal["sold_amount"] = deal["bought_amount"]
        deal["sold_average_price"] = deal["current_price"]
        deal["final_profit"] = deal["actual_profit"]
        deal["usd_final_profit"] = str(numeric(deal["actual_profit"]).quantize(Decimal("0.01")))
    for step in deal["take_profit_steps"]:
        step["editable"] = False
        step["panic_sellable"] = False
        step["status"] = "Cancelled" if status == "cancelled" else "Finished"
    bot = book.bots.get(deal["bot_id"])
    if bot is not None:
        refresh_bot(book, bot)


def refresh_bot(book: Book, bot: Entity) -> None:
    """Recompute a bot's deal counters from the deals in its book."""
    deals = [deal for deal in book.deals.values() if deal["bot_id"] == bot["id"]]
    active = [deal for deal in deals if not deal["finished?"]]
    finished = [deal for deal in deals if deal["finished?"] and deal["status"] != "cancelled"]
    bot["active_deals_count"] = len(active)
    bot["finished_deals_count"] = str(len(finished))
    bot["finished_deals_profit_usd"] = str(_total(deal["usd_final_profit"] for deal in finished))
    bot["active_deals_usd_profit"] = str(_total(deal["actual_usd_profit"] for deal in active))


def _total(values: Iterable[Any]) -> Decimal:
    return sum((numeric(value) for value in values), Decimal("0.0"))
