"""The fake user's state: a paper book and a real book of entities, and user-level settings.

Entities are kept as the JSON-shaped dicts the API returns (amounts as Decimal strings or
:class:`~threecommas_async._json.JsonNumber`), so what a handler stores is what a client reads.
Paper and real books never share an entity; their id ranges differ so a mixed-up id is a 404.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = ["Book", "EntityKind", "Mode", "World"]

Entity = dict[str, Any]


class Mode(enum.Enum):
    """Which book a request works on (``Forced-Mode`` header, key default, or the user's mode)."""

    PAPER = "paper"
    REAL = "real"


class EntityKind(enum.Enum):
    """Entity families that take numeric ids, with the first id of the real book."""

    ACCOUNT = 31_400_000
    BOT = 14_800_000
    DEAL = 2_270_000_000
    SMART_TRADE = 33_100_000
    SUB_TRADE = 1_180_000_000
    GRID_BOT = 2_610_000
    TRANSFER = 910_000
    PORTFOLIO = 48_000
    EVENT = 7_700_000


_PAPER_OFFSET = 500_000


@attrs.define(eq=False)
class Book:
    """Everything one mode (paper or real) holds, by id."""

    mode: Mode
    accounts: dict[int, Entity] = attrs.Factory(dict)
    bots: dict[int, Entity] = attrs.Factory(dict)
    deals: dict[int, Entity] = attrs.Factory(dict)
    smart_trades: dict[int, Entity] = attrs.Factory(dict)
    smart_trade_trades: dict[int, list[Entity]] = attrs.Factory(dict)
    grid_bots: dict[int, Entity] = attrs.Factory(dict)
    grid_bot_events: dict[int, list[Entity]] = attrs.Factory(dict)
    trades: dict[str, Entity] = attrs.Factory(dict)
    transfers: list[Entity] = attrs.Factory(list)
    portfolios: dict[int, Entity] = attrs.Factory(dict)
    pairs_black_list: list[str] = attrs.Factory(list)
    _next_ids: dict[EntityKind, int] = attrs.Factory(dict)

    def new_id(self, kind: EntityKind) -> int:
        """The next unused id of ``kind`` in this book (paper ids live in a separate range)."""
        offset = _PAPER_OFFSET if self.mode is Mode.PAPER else 0
        next_id = self._next_ids.get(kind, kind.value + offset)
        self._next_ids[kind] = next_id + 1
        return next_id

    def clear(self) -> None:
        for field in attrs.fields(Book):
            value = getattr(self, field.name)
            if isinstance(value, (dict, list)):
                value.clear()

    def active_deals(self, bot_id: int | None = None) -> list[Entity]:
        return [
            deal
            for deal in self.deals.values()
            if not deal["finished?"] and (bot_id is None or deal["bot_id"] == bot_id)
        ]


@attrs.define(eq=False)
class World:
    """The one fake 3Commas user: both books, the account mode, locale and mini-app storage."""

    mode: Mode = Mode.REAL
    locale: str = "en"
    paper: Book = attrs.Factory(lambda: Book(Mode.PAPER))
    real: Book = attrs.Factory(lambda: Book(Mode.REAL))
    storage: dict[str, Any] = attrs.Factory(dict)

    def book(self, mode: Mode) -> Book:
        return self.paper if mode is Mode.PAPER else self.real
