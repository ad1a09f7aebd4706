"""The fleet pump's local waiters: one FIFO per lane, counted rather than walked, cancelled ones dropped
lazily.

Every operation the pump makes per step (count, oldest batch) costs O(batch), whatever the number of
waiters; failing waiters (an outage, a long ban, closing) walks them once.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

import attrs

from ._backend import Lane, Permit
from ._fleet_step import AskEntry

__all__ = ["FleetWaiter", "LaneQueues", "LocalQueue"]


@attrs.define(slots=True, eq=False)
class FleetWaiter:
    entry: AskEntry
    future: asyncio.Future[Permit]
    since: float
    max_ban_wait: float


class LocalQueue:
    """One lane's waiters, oldest first; ``live`` counts those still waiting."""

    def __init__(self) -> None:
        self._waiters: deque[FleetWaiter] = deque()
        self.live = 0

    def __len__(self) -> int:
        return len(self._waiters)

    def push(self, waiter: FleetWaiter) -> bool:
        """Queue ``waiter``; returns whether nobody was waiting before it."""
        waiters = self._waiters
        while waiters and waiters[0].future.done():
            waiters.popleft()
        idle = not waiters
        waiters.append(waiter)
        self.live += 1
        return idle

    def cancelled(self) -> None:
        """A waiter's future was cancelled by its task."""
        self.live -= 1

    def grant(self, waiter: FleetWaiter, permit: Permit) -> None:
        waiter.future.set_result(permit)
        self.live -= 1

    def batch(self, size: int) -> list[FleetWaiter]:
        """The oldest live waiters, up to ``size``."""
        waiters = self._waiters
        while waiters and waiters[0].future.done():
            waiters.popleft()
        if len(waiters) > 2 * self.live + 64:
            self._waiters = waiters = deque(w for w in waiters if not w.future.done())
        batch: list[FleetWaiter] = []
        for waiter in waiters:
            if not waiter.future.done():
                batch.append(waiter)
                if len(batch) == size:
                    break
        return batch

    def fail(self, error: Callable[[FleetWaiter], BaseException | None]) -> None:
        """Fail each live waiter for which ``error`` gives an exception."""
        for waiter in self._waiters:
            if not waiter.future.done():
                exc = error(waiter)
                if exc is not None:
                    waiter.future.set_exception(exc)
                    self.live -= 1

    def fail_all(self, error: Callable[[], BaseException]) -> None:
        self.fail(lambda waiter: error())
        self._waiters.clear()
        self.live = 0


class LaneQueues:
    """This process's waiters, one :class:`LocalQueue` per lane."""

    def __init__(self) -> None:
        self.lanes: tuple[LocalQueue, ...] = tuple(LocalQueue() for _ in Lane)

    @property
    def live(self) -> int:
        return sum(queue.live for queue in self.lanes)

    def __len__(self) -> int:
        return sum(len(queue) for queue in self.lanes)

    def live_by_lane(self) -> tuple[int, ...]:
        return tuple(queue.live for queue in self.lanes)

    def push(self, waiter: FleetWaiter) -> bool:
        """Queue ``waiter`` in its lane; returns whether nobody was waiting in that lane before it."""
        return self.lanes[waiter.entry.lane].push(waiter)

    def cancelled(self, lane: Lane) -> None:
        self.lanes[lane].cancelled()

    def grant(self, waiter: FleetWaiter, permit: Permit) -> None:
        self.lanes[waiter.entry.lane].grant(waiter, permit)

    def batch(self, size: int) -> list[FleetWaiter]:
        """The oldest live waiters of every lane (up to ``size`` each), urgent first."""
        return [waiter for queue in self.lanes for waiter in queue.batch(size)]

    def fail(self, error: Callable[[FleetWaiter], BaseException | None]) -> None:
        for queue in self.lanes:
            queue.fail(error)

    def fail_all(self, error: Callable[[], BaseException]) -> None:
        for queue in self.lanes:
            queue.fail_all(error)
