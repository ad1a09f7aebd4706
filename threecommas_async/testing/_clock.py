"""The testing kit's one notion of time: API seconds, read with ``clock()``, waited on with ``clock.sleep()``.

Every window, block, ban, latency and timestamp of the fake is measured in *API seconds* read from a
:class:`Clock`. :class:`ScaledClock` makes API time run ``1 / time_scale`` times faster than real time
(``time_scale=0.01``: a 60 s window lasts 0.6 real seconds); :class:`ManualClock` only moves when a
test calls :meth:`ManualClock.advance`, and its ``sleep`` parks until then. Clock values are
epoch-like, so they double as server time. Both clocks also fit the SDK's ``clock=``/``sleep=``
parameters, so one :class:`ManualClock` can drive a client's limiter and the fake together.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable
from typing import Protocol

__all__ = ["DEFAULT_EPOCH", "Clock", "ManualClock", "ScaledClock"]

DEFAULT_EPOCH = 1_735_689_600.0
"""2025-01-01T00:00:00Z: where a :class:`ManualClock` starts unless told otherwise."""


class Clock(Protocol):
    """Returns the current API time in (epoch-like) seconds."""

    def __call__(self) -> float: ...


class ScaledClock:
    """API time that starts at the wall-clock time and runs ``1 / time_scale`` times as fast."""

    def __init__(
        self,
        time_scale: float = 1.0,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        start: float | None = None,
    ) -> None:
        if not time_scale > 0:
            raise ValueError("time_scale must be positive")
        self.time_scale = time_scale
        self._monotonic = monotonic
        self._real_start = monotonic()
        self._api_start = time.time() if start is None else start

    def __call__(self) -> float:
        return self._api_start + (self._monotonic() - self._real_start) / self.time_scale

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` API seconds (``seconds * time_scale`` real seconds)."""
        await asyncio.sleep(max(0.0, seconds) * self.time_scale)

    def __repr__(self) -> str:
        return f"ScaledClock(time_scale={self.time_scale})"


class ManualClock:
    """API time that moves only when :meth:`advance` or :meth:`set` is called; sleepers wake then."""

    def __init__(self, start: float = DEFAULT_EPOCH) -> None:
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self._now

    @property
    def sleepers(self) -> int:
        """How many tasks wait in :meth:`sleep`."""
        return sum(not future.done() for _, _, future in self._sleepers)

    async def sleep(self, seconds: float) -> None:
        """Park until the clock has moved ``seconds`` forward (yields once when ``seconds <= 0``)."""
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._order), future))
        await future

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += seconds
        self._wake()

    def set(self, now: float) -> None:
        if now < self._now:
            raise ValueError("a clock does not go backwards")
        self._now = now
        self._wake()

    def _wake(self) -> None:
        while self._sleepers and self._sleepers[0][0] <= self._now:
            _, _, future = heapq.heappop(self._sleepers)
            if not future.done():
                future.set_result(None)

    def __repr__(self) -> str:
        return f"ManualClock(now={self._now})"
