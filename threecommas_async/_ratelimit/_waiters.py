"""Waiter queues for the in-memory limiter: FIFO per shape (the set of buckets a request needs), so a
grant costs O(shapes), never a walk over waiters that cannot run.

Waiters of one shape need the same buckets, so once the oldest of them cannot run, none behind it can
(it holds its buckets for everyone after it): only the head of each shape's queue is ever looked at.
Heads are offered in arrival order, which grants exactly what a walk over all waiters in arrival order
would. Cancelled waiters are dropped when they reach the head.
"""

from __future__ import annotations

import asyncio
import itertools
import math
from collections import Counter, deque
from collections.abc import Iterator

import attrs

from ._backend import Lane, Permit
from ._policy import Bucket

__all__ = ["BucketState", "ShapeQueue", "WaitQueues", "Waiter"]


@attrs.define(slots=True, eq=False)
class BucketState:
    """One bucket's weight in use: granted slots, in flight until released, then lingering a period.
    ``urgent`` is the part of ``used`` granted to the urgent lane (it fills the urgent reserve first)."""

    bucket: Bucket
    used: int = 0
    urgent: int = 0
    in_flight: int = 0
    expiries: deque[tuple[float, int, int]] = attrs.field(factory=deque)
    blocked_until: float = -math.inf

    def purge(self, now: float) -> None:
        expiries = self.expiries
        while expiries and expiries[0][0] <= now:
            _, weight, urgent = expiries.popleft()
            self.used -= weight
            self.urgent -= urgent

    def fits(self, weight: int, now: float, headroom: int = 0) -> bool:
        """Whether ``weight`` fits now, leaving ``headroom`` slots (the urgent reserve) to the urgent lane;
        urgent slots in use count against the reserve first, so the other lanes keep ``limit - headroom``."""
        reserved = headroom - self.urgent if headroom > self.urgent else 0
        return now >= self.blocked_until and self.used + weight <= self.bucket.limit - reserved

    def next_change(self, now: float) -> float:
        if now < self.blocked_until:
            return self.blocked_until
        return self.expiries[0][0] if self.expiries else math.inf


@attrs.define(slots=True, eq=False)
class Waiter:
    permit: Permit
    future: asyncio.Future[Permit]
    since: float
    max_ban_wait: float
    seq: int


@attrs.define(slots=True, eq=False)
class ShapeQueue:
    """The waiters that need exactly ``states``, oldest first."""

    buckets: tuple[Bucket, ...]
    states: tuple[BucketState, ...]
    lane: Lane = Lane.NORMAL
    headroom: int = 0
    waiters: deque[Waiter] = attrs.field(factory=deque)
    limit: float = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.limit = min((bucket.limit for bucket in self.buckets), default=math.inf)

    def head(self) -> Waiter | None:
        waiters = self.waiters
        while waiters and waiters[0].future.done():
            waiters.popleft()
        return waiters[0] if waiters else None


class WaitQueues:
    """Every waiting request, grouped by shape."""

    def __init__(self) -> None:
        self._queues: dict[tuple[int, ...], ShapeQueue] = {}
        self.grants: Counter[Lane] = Counter()
        self._seq = itertools.count()

    def __bool__(self) -> bool:
        return any(queue.waiters for queue in self._queues.values())

    def queue(
        self, buckets: tuple[Bucket, ...], states: tuple[BucketState, ...], lane: Lane = Lane.NORMAL, headroom: int = 0
    ) -> ShapeQueue:
        """The queue of ``lane``'s requests that need exactly ``states`` (made on first use)."""
        key = (int(lane), headroom, *(id(state) for state in states))
        queue = self._queues.get(key)
        if queue is None:
            queue = self._queues[key] = ShapeQueue(buckets, states, lane, headroom)
        return queue

    def push(
        self, queue: ShapeQueue, permit: Permit, future: asyncio.Future[Permit], now: float, max_ban_wait: float
    ) -> bool:
        """Queue a waiter; returns whether it is the head of its shape (it may run now)."""
        ahead = queue.head() is not None
        queue.waiters.append(Waiter(permit, future, now, max_ban_wait, next(self._seq)))
        return not ahead

    def live_heads(self) -> list[ShapeQueue]:
        """The queues with a live head (O(shapes))."""
        return [queue for queue in self._queues.values() if queue.head() is not None]

    def __iter__(self) -> Iterator[Waiter]:
        for queue in self._queues.values():
            yield from queue.waiters

    def live_count(self) -> int:
        return sum(1 for waiter in self if not waiter.future.done())

    def live_by_lane(self) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for queue in self._queues.values():
            counts[queue.lane.name.lower()] += sum(1 for waiter in queue.waiters if not waiter.future.done())
        return {lane.name.lower(): counts[lane.name.lower()] for lane in Lane}
