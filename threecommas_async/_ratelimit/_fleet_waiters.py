"""The fleet pump's local waiters: FIFO, counted rather than walked, cancelled ones dropped lazily.

Every operation the pump makes per step (count, oldest batch) costs O(batch), whatever the number of
waiters; failing waiters (an outage, a long ban, closing) walks them once.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

import attrs

from ._backend import Permit
from ._fleet_step import AskEntry

__all__ = ["FleetWaiter", "LocalQueue"]


@attrs.define(slots=True, eq=False)
class FleetWaiter:
    entry: AskEntry
    future: asyncio.Future[Permit]
    since: float
    max_ban_wait: float


class LocalQueue:
    """This process's waiters, oldest first; ``live`` counts those still waiting."""

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
