"""The fleet pump's pending writes: releases, imports, block windows, bans and successes waiting for the
next step, and when they must go even if no step asks for budget.

An unsent release is due at once; an answered one rides along with the next step and, if none comes, is
written when its linger ends (Redis backdates it, so the wait costs no budget). Writes a step could not
deliver (Redis unreachable) are retained for the next step that gets through.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

from .._clock import ClockFn, SleepFn
from ._alarm import Alarm
from ._fleet_step import Release, Writes, linger_deadline
from ._policy import Bucket

__all__ = ["WriteQueue"]


class WriteQueue:
    """``pending`` goes with the next step; ``wake`` (given by the pump) starts a step soon."""

    def __init__(self, *, linger: float, wake: Callable[[], None], clock: ClockFn, sleep: SleepFn) -> None:
        self._linger = linger
        self._wake = wake
        self._clock = clock
        self.pending = Writes()
        self._retained = Writes()
        self._flushed: asyncio.Future[None] | None = None
        self._alarm = Alarm(self.flush_now, clock=clock, sleep=sleep)

    def ready(self, *, closing: bool) -> bool:
        """Whether the pending writes must go now."""
        pending = self.pending
        return bool(pending) and (closing or pending.flush_by <= self._clock())

    def release(self, member: str, buckets: tuple[Bucket, ...], *, sent: bool, next_ask_at: float) -> None:
        now = self._clock()
        pending = self.pending
        pending.releases.append(Release(member, buckets, sent, now))
        if not sent:
            pending.flush_by = -math.inf
            return
        deadline = linger_deadline(buckets, now=now, linger=self._linger, next_ask_at=next_ask_at)
        pending.flush_by = min(pending.flush_by, deadline)
        if pending.flush_by <= now:
            self.flush_now()
        else:
            self._alarm.arm(pending.flush_by)

    def flush_now(self) -> None:
        self.pending.flush_by = -math.inf
        self._wake()

    async def submit(self, loop: asyncio.AbstractEventLoop) -> None:
        """Have every pending write sent at once and wait for the step (never raises for Redis)."""
        if self._flushed is None or self._flushed.done():
            self._flushed = loop.create_future()
        flushed = self._flushed
        self.flush_now()
        await asyncio.shield(flushed)

    def take(self) -> tuple[Writes, asyncio.Future[None] | None]:
        """What the step about to run carries (retained writes first) and the future to finish after it."""
        writes = self.pending
        writes.absorb(self._retained)
        self.pending, self._retained = Writes(), Writes()
        self._alarm.cancel()
        flushed, self._flushed = self._flushed, None
        return writes, flushed

    def retain(self, writes: Writes) -> None:
        """A step could not deliver ``writes``: keep them for the next one."""
        self._retained = writes

    def closing(self) -> None:
        """Everything still retained goes with the last step."""
        self.pending.absorb(self._retained)
        self._retained = Writes()
        self._alarm.cancel()

    def cancel(self) -> None:
        self._alarm.cancel()

    def forget(self) -> None:
        """The event loop changed: drop its timer and future."""
        self._alarm.forget()
        self._flushed = None


def finish(flushed: asyncio.Future[None] | None) -> None:
    if flushed is not None and not flushed.done():
        flushed.set_result(None)
