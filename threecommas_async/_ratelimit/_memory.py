"""In-process limiter backend: sliding-window slots, block windows, a ban gate, FIFO waiters, one timer.

Each bucket counts the weight of granted slots. A slot is in flight from its grant until its attempt
ends, then lingers for one ``period`` (a deque, since periods are fixed and releases come in time order).
Waiters are served by lane (urgent, then normal, then bulk, with bulk owed ``BULK_SHARE`` of the grants
while normal and bulk both wait), in arrival order within a lane: a waiter that lacks room in a bucket
holds that bucket for everyone it goes before, so small requests never starve a heavy one and no normal
request takes a slot an urgent one is waiting for, yet a waiter stuck on a narrow bucket (say the
smart-trades list) does not hold up requests that only need the global one. With a reserve, the normal
and bulk lanes leave that many slots of every bucket to the urgent lane. A single timer task sleeps until
the earliest moment something can change; nothing polls.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from ._alarm import Alarm
from ._backend import DEFAULT_BAN_RULE, BucketSnapshot, Lane, LimiterSnapshot, Permit, ban_error
from ._ipgate import IPBanGate
from ._policy import BanRule, Bucket
from ._waiters import BucketState, ShapeQueue, WaitQueues

__all__ = ["BULK_SHARE", "InMemoryBackend"]

_SHAPE_CACHE = 256
BULK_SHARE = 0.1
"""While normal and bulk requests both wait, at least this share of their grants goes to bulk."""


class InMemoryBackend:
    """The default backend: one process, one event loop at a time, bound lazily on first use.

    ``ban_gate`` is the gate this backend obeys and closes on a 418; share one between backends (clients)
    whose requests leave from the same IP. Default: a gate of its own.

    ``max_in_flight`` caps the normal and bulk permits held at once (urgent ones pass): the send loop's
    in-flight cap, kept here so that it honours the lanes and so that no slot of the budget is held by a
    request that waits for a connection (that time would be lost to the budget, one period later).
    """

    def __init__(
        self,
        *,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
        ban_gate: IPBanGate | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._states: dict[str, BucketState] = {}
        self._waiters = WaitQueues()
        self._shapes: dict[tuple[int, int, int], tuple[tuple[Bucket, ...], ShapeQueue]] = {}
        self._contended = 0
        self._contended_bulk = 0
        self._ip_gate = ban_gate if ban_gate is not None else IPBanGate()
        self._ip_gate.watch(self)
        self._gate = self._ip_gate.state
        self._alarm = Alarm(self._drain, clock=clock, sleep=sleep)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.max_in_flight = max_in_flight if max_in_flight is not None else math.inf
        self._capped_in_flight = 0

    def _shape(self, buckets: tuple[Bucket, ...], lane: Lane, headroom: int) -> ShapeQueue:
        """The queue of ``buckets``' shape in ``lane``; found by the tuple's identity first (the policy resolves
        each endpoint to one cached tuple), then by bucket names (that cache is bounded)."""
        queue = self._waiters.queue(buckets, tuple(self._state(b) for b in buckets), lane, headroom)
        if len(self._shapes) >= _SHAPE_CACHE:
            self._shapes.clear()
        queue.limit = min((bucket.limit for bucket in buckets), default=math.inf) - headroom
        self._shapes[(id(buckets), lane, headroom)] = (buckets, queue)
        return queue

    def _state(self, bucket: Bucket) -> BucketState:
        state = self._states.get(bucket.name)
        if state is None:
            state = self._states[bucket.name] = BucketState(bucket)
        elif state.bucket is not bucket:
            state.bucket = bucket
        return state

    async def acquire(
        self,
        buckets: tuple[Bucket, ...],
        weight: int,
        *,
        max_ban_wait: float,
        lane: Lane = Lane.NORMAL,
        reserve: int = 0,
    ) -> Permit:
        now = self._clock()
        gate = self._gate
        if gate.until - now > max_ban_wait:
            raise ban_error(gate.remaining(now))
        headroom = 0 if lane is Lane.URGENT else reserve
        cached = self._shapes.get((id(buckets), lane, headroom))
        queue = cached[1] if cached is not None and cached[0] is buckets else self._shape(buckets, lane, headroom)
        if weight > queue.limit:
            bucket = min(buckets, key=lambda b: b.limit)
            raise ValueError(
                f"weight {weight} exceeds the limit {bucket.limit} of bucket {bucket.name!r} (less {headroom} reserved)"
            )
        permit = Permit(buckets, weight, lane=lane)
        if not self._waiters and gate.admits(now) and (lane is Lane.URGENT or self._connection_free()):
            states = queue.states
            for state in states:
                state.purge(now)
            if all(state.fits(weight, now, headroom) for state in states):
                self._take(states, permit, now)
                return permit
        loop = self._bind_loop()
        future: asyncio.Future[Permit] = loop.create_future()
        if self._waiters.push(queue, permit, future, now, max_ban_wait):
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
        if permit.lane is not Lane.URGENT:
            self._capped_in_flight -= 1
        now = self._clock()
        urgent = permit.weight if permit.lane is Lane.URGENT else 0
        for bucket in permit.buckets:
            state = self._state(bucket)
            state.in_flight -= permit.weight
            if sent:
                state.expiries.append((now + bucket.period, permit.weight, urgent))
            else:
                state.used -= permit.weight
                state.urgent -= urgent
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
        self._ip_gate.moved(self)
        self.gate_moved()
        return remaining

    def succeeded(self, permit: Permit | None) -> None:
        if self._gate.succeeded(permit):
            self._ip_gate.moved(self)
            if self._waiters:
                self._drain()

    @property
    def ban_gate(self) -> IPBanGate:
        return self._ip_gate

    def gate_moved(self) -> None:
        """The gate changed: waiters that would wait longer than they allow fail, the rest are re-examined."""
        if not self._waiters:
            return
        remaining = self._gate.remaining(self._clock())
        for waiter in self._waiters:
            if remaining > waiter.max_ban_wait and not waiter.future.done():
                waiter.future.set_exception(ban_error(remaining))
        self._drain()

    def watcher_loop(self) -> asyncio.AbstractEventLoop | None:
        return self._loop

    def _probe_released(self, permit: Permit, *, sent: bool) -> None:
        """A probe that was not sent frees the probe at once; an answered one waits for its verdict
        (``succeeded`` or ``ban``, called right after the release) until the loop turns."""
        if not sent:
            if self._gate.probe_ended(permit):
                self._ip_gate.moved(self)
            return
        self._bind_loop()
        assert self._loop is not None
        self._loop.call_soon(self._settle_probe, permit)

    def _settle_probe(self, permit: Permit) -> None:
        if self._gate.probe_ended(permit):
            self._ip_gate.moved(self)
            if self._waiters:
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
        return LimiterSnapshot(
            tuple(rows),
            self._waiters.live_count(),
            self._gate.remaining(now),
            waiters_by_lane=self._waiters.live_by_lane(),
            grants_by_lane={lane.name.lower(): self._waiters.grants[lane] for lane in Lane},
        )

    async def aclose(self) -> None:
        self._alarm.cancel()

    def _take(self, states: tuple[BucketState, ...], permit: Permit, now: float) -> None:
        urgent = permit.weight if permit.lane is Lane.URGENT else 0
        for state in states:
            state.used += permit.weight
            state.urgent += urgent
            state.in_flight += permit.weight
        self._waiters.grants[permit.lane] += 1
        if permit.lane is not Lane.URGENT:
            self._capped_in_flight += 1
        self._gate.stamp(permit, now)

    def _connection_free(self) -> bool:
        return self._capped_in_flight < self.max_in_flight

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
            queue = min(candidates, key=self._rank_of(candidates))
            waiter = queue.waiters[0]
            weight = waiter.permit.weight
            if any(id(s) in held for s in queue.states) or (
                queue.lane is not Lane.URGENT and not self._connection_free()
            ):
                candidates.remove(queue)
                continue
            lacking = [s for s in queue.states if not s.fits(weight, now, queue.headroom)]
            if lacking:
                for state in lacking:
                    held.add(id(state))
                    next_change = min(next_change, state.next_change(now))
                candidates.remove(queue)
                continue
            queue.waiters.popleft()
            self._count_contention(queue.lane, candidates)
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


    def _rank_of(self, candidates: list[ShapeQueue]) -> Callable[[ShapeQueue], tuple[float, int]]:
        """Lane first (bulk ahead of normal while it is owed its share), then arrival."""
        bulk_owed = self._contended_bulk < BULK_SHARE * (self._contended + 1)
        ranks = {Lane.URGENT: 0.0, Lane.NORMAL: 1.0, Lane.BULK: 0.5 if bulk_owed else 2.0}

        def rank(queue: ShapeQueue) -> tuple[float, int]:
            return ranks[queue.lane], queue.waiters[0].seq

        return rank

    def _count_contention(self, lane: Lane, candidates: list[ShapeQueue]) -> None:
        """Count a normal or bulk grant made while the other of the two lanes also waits."""
        if lane is Lane.URGENT:
            return
        other = Lane.BULK if lane is Lane.NORMAL else Lane.NORMAL
        if any(queue.lane is other for queue in candidates):
            self._contended += 1
            self._contended_bulk += lane is Lane.BULK
