"""A rearmable one-shot timer on the injectable clock: the limiters' single timer task."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

from .._clock import ClockFn, SleepFn

__all__ = ["Alarm"]


class Alarm:
    """Calls ``callback`` once the clock reaches the deadline armed; one task at a time."""

    def __init__(self, callback: Callable[[], None], *, clock: ClockFn, sleep: SleepFn) -> None:
        self._callback = callback
        self._clock = clock
        self._sleep = sleep
        self._task: asyncio.Task[None] | None = None
        self.deadline = math.inf

    @property
    def pending(self) -> bool:
        return self._task is not None and not self._task.done()

    def arm(self, deadline: float) -> None:
        """Ring at ``deadline`` unless already due to ring no later."""
        if self.pending and self.deadline <= deadline:
            return
        self.set(deadline)

    def set(self, deadline: float) -> None:
        """Ring at ``deadline``, replacing any earlier or later deadline."""
        self.cancel()
        self.deadline = deadline
        delay = max(deadline - self._clock(), 0.0)
        self._task = asyncio.get_running_loop().create_task(self._ring(delay))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.deadline = math.inf

    def forget(self) -> None:
        """Drop the task without cancelling it (its event loop is gone)."""
        self._task = None
        self.deadline = math.inf

    async def _ring(self, delay: float) -> None:
        await self._sleep(delay)
        self._task = None
        self.deadline = math.inf
        self._callback()
