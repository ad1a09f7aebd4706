"""In-process limiter backend: sliding-window slots, block windows, a ban gate, FIFO waiters, one timer.

Each bucket counts the weight of granted slots. A slot is in flight from its grant until its attempt
ends, then lingers for one ``period`` (a deque, since periods are fixed and releases come in time order).
Waiters are served in arrival order per bucket: a waiter that lacks room in a bucket holds that bucket
for everyone behind it, so small requests never starve a heavy one, yet a waiter stuck on a narrow bucket
(say the smart-trades list) does not hold up requests that only need the global one. A single timer task
sleeps until the earliest moment something can change; nothing polls.
"""

from __future__ import annotations

import asyncio
import math

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from ._alarm import Alarm
from ._backend import DEFAULT_BAN_RULE, BucketSnapshot, LimiterSnapshot, Permit, ban_error
from ._gate import BanGate
from ._policy import BanRule, Bucket
from ._waiters import BucketState, ShapeQueue, Waiter, WaitQueues

__all__ = ["InMemoryBackend"]


class InMemoryBackend:
    """The default backend: one process, one event loop at a time, bound lazily on first use."""

    def __init__(self, *, clock: ClockFn = system_clock, sleep: SleepFn = system_sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._states: dict[str, BucketState] = {}
        self._waiters = WaitQueues()
        self._gate = BanGate()
        self._alarm = Alarm(self._drain, clock=clock, sleep=sleep)
        self._loop: asyncio.AbstractEventLoop | None = None

    def _state(self, bucket: Bucket) -> BucketState:
        state = self._states.get(bucket.name)
        if state is None:
            state = self._states[bucket.name] = BucketState(bucket)
        elif state.bucket is not bucket:
            state.bucket = bucket
        return state

    async def acquire(self, buckets: tuple[Bucket, ...], weight: int, *, max_ban_wait: float) -> Permit:
        now = self._clock()
        if self._gate.remaining(now) > max_ban_wait:
            raise ban_error(self._gate.remaining(now))
        states = tuple(self._state(b) for b in buckets)
        for bucket, state in zip(buckets, states, strict=True):
            if weight > bucket.limit:
                raise ValueError(f"weight {weight} exceeds the limit {bucket.limit} of bucket {bucket.name!r}")
            state.purge(now)
        permit = Permit(buckets=buckets, weight=weight)
        if not self._waiters and self._gate.admits(now) and all(s.fits(weight, now) for s in states):
            self._take(states, permit, now)
            return permit
        loop = self._bind_loop()
        future: asyncio.Future[Permit] = loop.create_future()
        _, head = self._waiters.push(states, lambda seq: Waiter(permit, future, now, max_ban_wait, seq))
        if head:
            self._drain()
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and future.exception() is None:
                await self.release(future.result(), sent=False)
            self._drain()
            raise

    async def release(self, permit: Permit, *, sent: bool) -> None:
        if permit.released:
            return
        permit.released = True
        now = self._clock()
        for bucket in permit.buckets:
            state = self._state(bucket)
            state.in_flight -= permit.weight
            if sent:
                state.expiries.append((now + bucket.period, permit.weight))
            else:
                state.used -= permit.weight
        if permit.probe:
            self._probe_released(permit, sent=sent)
        if self._waiters:
            self._drain()

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        until = self._clock() + seconds
        for bucket in buckets:
            state = self._state(bucket)
            state.blocked_until = max(state.blocked_until, until)
        if self._waiters:
            self._drain()

    async def ban(
        self, seconds: float | None, *, permit: Permit | None = None, rule: BanRule = DEFAULT_BAN_RULE
    ) -> float:
        now = self._clock()
        remaining = self._gate.ban(permit, seconds, rule, now)
        for waiter in self._waiters:
            if remaining > waiter.max_ban_wait and not waiter.future.done():
                waiter.future.set_exception(ban_error(remaining))
        self._drain()
        return remaining

    def succeeded(self, permit: Permit | None) -> None:
        if self._gate.succeeded(permit) and self._waiters:
            self._drain()

    def _probe_released(self, permit: Permit, *, sent: bool) -> None:
        """A probe that was not sent frees the probe at once; an answered one waits for its verdict
        (``succeeded`` or ``ban``, called right after the release) until the loop turns."""
        if not sent:
            self._gate.probe_ended(permit)
            return
        self._bind_loop()
        assert self._loop is not None
        self._loop.call_soon(self._settle_probe, permit)

    def _settle_probe(self, permit: Permit) -> None:
        if self._gate.probe_ended(permit) and self._waiters:
            self._drain()

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        now = self._clock()
        rows = []
        for bucket in buckets:
            state = self._state(bucket)
            state.purge(now)
            rows.append(
                BucketSnapshot(
                    name=bucket.name,
                    limit=bucket.limit,
                    period=bucket.period,
                    used=state.used,
                    in_flight=state.in_flight,
                    available=max(bucket.limit - state.used, 0),
                    blocked_for=max(state.blocked_until - now, 0.0),
                )
            )
        return LimiterSnapshot(tuple(rows), self._waiters.live_count(), self._gate.remaining(now))

    async def aclose(self) -> None:
        self._alarm.cancel()

    def _take(self, states: tuple[BucketState, ...], permit: Permit, now: float) -> None:
        for state in states:
            state.used += permit.weight
            state.in_flight += permit.weight
        self._gate.stamp(permit, now)

    def _bind_loop(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._alarm.forget()
        return loop

    def _drain(self) -> None:
        """Grant what can run now, oldest head first; arm the timer for the earliest change."""
        now = self._clock()
        gate = self._gate
        if not gate.admits(now):
            if now < gate.until and self._waiters:
                self._arm(gate.until)
            return
        for state in self._states.values():
            state.purge(now)
        held: set[int] = set()
        next_change = math.inf
        candidates = self._waiters.live_heads()
        while candidates:
            queue = min(candidates, key=_head_seq)
            waiter = queue.waiters[0]
            weight = waiter.permit.weight
            if any(id(s) in held for s in queue.states):
                candidates.remove(queue)
                continue
            lacking = [s for s in queue.states if not s.fits(weight, now)]
            if lacking:
                for state in lacking:
                    held.add(id(state))
                    next_change = min(next_change, state.next_change(now))
                candidates.remove(queue)
                continue
            queue.waiters.popleft()
            self._take(queue.states, waiter.permit, now)
            waiter.permit.waited = now - waiter.since
            waiter.future.set_result(waiter.permit)
            if not gate.admits(now):
                break
            if queue.head() is None:
                candidates.remove(queue)
        if next_change < math.inf and self._waiters:
            self._arm(next_change)

    def _arm(self, deadline: float) -> None:
        self._bind_loop()
        self._alarm.arm(deadline)


def _head_seq(queue: ShapeQueue) -> int:
    return queue.waiters[0].seq
