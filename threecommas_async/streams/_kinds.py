"""What differs between the deals stream and the smart-trades stream: channel, path, model, version,
and the REST reads that fill a gap (everything updated since a moment, newest first) or take a snapshot.

Every REST read goes through the client, so through its limiter, retries and signing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from ..models import Deal, SmartTrade

if TYPE_CHECKING:
    from .._client import ThreeCommas

__all__ = ["DEALS", "SMART_TRADES", "StreamKind"]

E = TypeVar("E", Deal, SmartTrade)


@attrs.frozen
class StreamKind(Generic[E]):
    """One ActionCable channel and how to read the same entities over REST."""

    channel: str
    path: str
    permission: str
    model: type[E]
    version_of: Callable[[E], datetime | None]
    active: Callable[[ThreeCommas], AsyncIterator[E]]
    recent_page: Callable[[ThreeCommas, int], Awaitable[list[E]]]
    """Page ``n`` (from 0) of every entity, active or finished, most recently updated first."""
    page_size: int
    probe: Callable[[ThreeCommas], Awaitable[object]]

    async def active_now(self, client: ThreeCommas) -> list[E]:
        return [entity async for entity in self.active(client)]

    async def changed_since(self, client: ThreeCommas, since: datetime | None) -> list[E]:
        """Every entity updated at or after ``since`` (without ``since``: the most recent page).

        Reads pages of all entities, most recently updated first, until one reaches past ``since``.
        Paging by offset cannot skip a row here: nothing leaves this list, and a change only moves its
        row to the top, which can repeat a row on the next page but never push one past a boundary.
        """
        found: list[E] = []
        page = 0
        while True:
            rows = await self.recent_page(client, page)
            fresh = [row for row in rows if since is None or _at_or_after(self.version_of(row), since)]
            found.extend(fresh)
            if since is None or len(rows) < self.page_size or len(fresh) < len(rows):
                return found
            page += 1


def _at_or_after(version: datetime | None, since: datetime) -> bool:
    return version is None or version >= since


def _deal_version(deal: Deal) -> datetime | None:
    return deal.updated_at


def _smart_trade_version(smart_trade: SmartTrade) -> datetime | None:
    return smart_trade.data.updated_at if smart_trade.data is not None else None


_DEAL_PAGE = 100
_SMART_TRADE_PAGE = 100


async def _recent_deals(client: ThreeCommas, page: int) -> list[Deal]:
    return await client.deals.list(
        order="updated_at", order_direction="DESC", limit=_DEAL_PAGE, offset=page * _DEAL_PAGE
    )


async def _recent_smart_trades(client: ThreeCommas, page: int) -> list[SmartTrade]:
    return await client.smart_trades.list(
        status="all", order_by="updated_at", order_direction="DESC", per_page=_SMART_TRADE_PAGE, page=page + 1
    )


DEALS: StreamKind[Deal] = StreamKind(
    channel="DealsChannel",
    path="/deals",
    permission="BOTS_READ",
    model=Deal,
    version_of=_deal_version,
    active=lambda client: client.deals.iterate(scope="active").__aiter__(),
    recent_page=_recent_deals,
    page_size=_DEAL_PAGE,
    probe=lambda client: client.deals.list(limit=1),
)

SMART_TRADES: StreamKind[SmartTrade] = StreamKind(
    channel="SmartTradesChannel",
    path="/smart_trades",
    permission="SMART_TRADES_READ",
    model=SmartTrade,
    version_of=_smart_trade_version,
    active=lambda client: client.smart_trades.iterate(status="active").__aiter__(),
    recent_page=_recent_smart_trades,
    page_size=_SMART_TRADE_PAGE,
    probe=lambda client: client.smart_trades.list(per_page=1),
)
