"""The fake server's notion of time: API seconds, optionally running faster than real time.

Every window, block, ban and timestamp of the fake is measured in *API seconds* read from a
:class:`Clock`. :class:`ScaledClock` makes API time run ``1 / time_scale`` times faster than real time
(``time_scale=0.01``: a 60 s window lasts 0.6 real seconds); :class:`ManualClock` only moves when a
test calls :meth:`ManualClock.advance`. Clock values are epoch-like, so they double as server time.
"""

from __future__ import annotations

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

    def __repr__(self) -> str:
        return f"ScaledClock(time_scale={self.time_scale})"


class ManualClock:
    """API time that moves only when :meth:`advance` or :meth:`set` is called."""

    def __init__(self, start: float = DEFAULT_EPOCH) -> None:
        self._now = start

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._now += seconds

    def set(self, now: float) -> None:
        if now < self._now:
            raise ValueError("a clock does not go backwards")
        self._now = now

    def __repr__(self) -> str:
        return f"ManualClock(now={self._now})"
