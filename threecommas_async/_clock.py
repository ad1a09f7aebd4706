"""Time as the limiter sees it: a monotonic ``clock()`` and an awaitable ``sleep()``, both injectable.

``VirtualClock`` is a deterministic stand-in for tests: time moves only when the test advances it.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Awaitable, Callable

__all__ = ["ClockFn", "SleepFn", "VirtualClock", "system_clock", "system_sleep"]

ClockFn = Callable[[], float]
SleepFn = Callable[[float], Awaitable[None]]

system_clock: ClockFn = time.monotonic
system_sleep: SleepFn = asyncio.sleep


class VirtualClock:
    """A manual monotonic clock. Call it for the time; ``await clock.sleep(s)`` parks until advanced.

    ``await clock.advance(seconds)`` moves time forward, waking sleepers in deadline order and letting
    the event loop settle after each wake-up; ``await clock.run(until=...)`` jumps from deadline to
    deadline until nothing sleeps or ``until`` is reached.
    """

    def __init__(self, start: float = 0.0, *, settle_rounds: int = 30) -> None:
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()
        self._settle_rounds = settle_rounds

    def __call__(self) -> float:
        return self._now

    @property
    def now(self) -> float:
        return self._now

    @property
    def sleepers(self) -> int:
        return sum(1 for _, _, fut in self._sleepers if not fut.done())

    async def sleep(self, seconds: float) -> None:
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._now + max(seconds, 0.0), next(self._seq), fut))
        await fut

    async def settle(self) -> None:
        for _ in range(self._settle_rounds):
            await asyncio.sleep(0)

    async def advance(self, seconds: float) -> None:
        await self._run_to(self._now + seconds)

    async def run(self, *, until: float | None = None, max_steps: int = 1_000_000) -> None:
        """Advance deadline by deadline until no sleeper is left (or ``until``)."""
        await self.settle()
        for _ in range(max_steps):
            self._drop_done()
            if not self._sleepers:
                return
            deadline = self._sleepers[0][0]
            if until is not None and deadline > until:
                self._now = max(self._now, until)
                return
            await self._run_to(deadline)
        raise RuntimeError("VirtualClock.run: too many steps")

    async def _run_to(self, target: float) -> None:
        await self.settle()
        while True:
            self._drop_done()
            if self._sleepers and self._sleepers[0][0] <= target:
                deadline = self._sleepers[0][0]
                self._now = max(self._now, deadline)
                while self._sleepers and self._sleepers[0][0] <= deadline:
                    _, _, fut = heapq.heappop(self._sleepers)
                    if not fut.done():
                        fut.set_result(None)
                await self.settle()
                continue
            if self._now >= target:
                return
            self._now = target
            await self.settle()

    def _drop_done(self) -> None:
        while self._sleepers and self._sleepers[0][2].done():
            heapq.heappop(self._sleepers)
