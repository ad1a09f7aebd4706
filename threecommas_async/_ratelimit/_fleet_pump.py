"""The fleet pump: the Redis I/O of a fleet backend (one task per process), its timers and waiters.

Every decision is made by the script (``_fleet.lua``) on the Redis clock; what a step carries and what
its reply means is built in ``_fleet_step``, the call itself is ``_fleet_link``'s and the pending writes
are ``_fleet_writes``'. The pump carries the oldest local waiters of every lane (up to ``batch_size``
each, urgent first), pending releases, block windows and bans in one step, sleeps until the wait the
step returned, and is woken early only by local events (an arrival that may fit, an urgent arrival, a
slot freed at once, a write that is due). Waiting costs no round trips, and answered releases ride along
with the next step that asks for budget (written on their own only after ``release_linger``).

Redis unreachable: waiters fail with :class:`RateLimiterUnavailableError` (nothing is sent) and the
writes are kept for the next step that gets through; ``FallbackBackend`` can sit around the pump.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._clock import ClockFn, SleepFn
from .._exceptions import RateLimiterUnavailableError
from ._alarm import Alarm
from ._backend import DEFAULT_BAN_RULE, HeldSlot, Lane, LimiterSnapshot, Permit, ban_error
from ._fleet_link import ScriptLink, SharedSlot, Unreachable, unavailable, unreachable
from ._fleet_options import FleetOptions, FleetStats
from ._fleet_step import NO_SEQS, Ask, AskEntry, BanEvent, Import, Release, StepReply, Writes, build_step
from ._fleet_waiters import FleetWaiter, LaneQueues
from ._fleet_writes import WriteQueue, finish
from ._gate import BanGate
from ._policy import BanRule, Bucket

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["FleetPump"]

logger = logging.getLogger("threecommas_async")

_WAKE_SLACK = 0.005
"""Seconds past the moment the script named to ask again: a slot still in flight frees one period after its
answer, which comes a little after the script can know; asking 5 ms late finds it free instead of coming back
empty (8 processes: 0.94-0.97 Redis round trips per grant instead of 1.01-1.02, the budget still over 99%)."""


class FleetPump:
    """A :class:`LimiterBackend` whose budget, block windows and ban gate live in Redis (no fallback)."""

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str,
        gate_key: str,
        options: FleetOptions,
        errors: tuple[type[BaseException], ...],
        clock: ClockFn,
        sleep: SleepFn,
    ) -> None:
        self._link = ScriptLink(redis, prefix=prefix, gate_key=gate_key, errors=errors)
        self.prefix = prefix
        self._options = options
        self._clock = clock
        self._ticket = uuid.uuid4().hex[:12]
        self._ids = itertools.count(1)
        self.stats = FleetStats()
        self._waiters = LaneQueues()
        self._writes = WriteQueue(linger=options.release_linger, wake=self._wake_up, clock=clock, sleep=sleep)
        self._due = False
        self._held: frozenset[str] = frozenset()
        self._seqs: tuple[str | None, ...] = NO_SEQS
        self._known_ban_until = -math.inf
        self._gate = BanGate()
        self._epoch: str | None = None
        self._longest_period = 0.0
        self._reachable = True
        self._outage_logged = False
        self._closing = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._pump_task: asyncio.Task[None] | None = None
        self._ask_alarm = Alarm(self._kick, clock=clock, sleep=sleep)

    # ----------------------------------------------------------------- LimiterBackend

    async def acquire(
        self,
        buckets: tuple[Bucket, ...],
        weight: int,
        *,
        max_ban_wait: float,
        lane: Lane = Lane.NORMAL,
        reserve: int = 0,
    ) -> Permit:
        headroom = 0 if lane is Lane.URGENT else reserve
        for bucket in buckets:
            if weight > bucket.limit - headroom:
                raise ValueError(
                    f"weight {weight} exceeds the limit {bucket.limit} of bucket {bucket.name!r}"
                    f" (less {headroom} reserved)"
                )
        self._longest_period = max(self._longest_period, *(bucket.period for bucket in buckets))
        now = self._clock()
        if self._known_ban_until - now > max_ban_wait:
            raise ban_error(self._known_ban_until - now)
        waiter = self._enqueue(AskEntry(weight, buckets, self._member(weight, lane), lane, headroom), now, max_ban_wait)
        try:
            return await waiter.future
        except Unreachable as exc:
            raise unavailable(exc.__cause__) from exc.__cause__
        except asyncio.CancelledError:
            self._cancelled(waiter)
            raise

    async def release(self, permit: Permit, *, sent: bool) -> None:
        if permit.released:
            return
        if not isinstance(permit.token, SharedSlot):
            raise TypeError("this permit was not granted by this fleet backend")
        permit.released = True
        self._queue_release(permit.token.member, permit.buckets, sent=sent)
        if not sent:
            await self._submit()

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        until = self._clock() + seconds
        for bucket in buckets:
            self._writes.pending.block(bucket, until)
        await self._submit()

    async def ban(
        self, seconds: float | None, *, permit: Permit | None = None, rule: BanRule = DEFAULT_BAN_RULE
    ) -> float:
        generation = -1 if permit is None else permit.ban_generation
        if seconds is not None and (permit is None or generation >= self._gate.generation):
            self._known_ban_until = max(self._known_ban_until, self._clock() + seconds)
        self._writes.pending.bans.append(BanEvent(generation, seconds, rule))
        await self._submit()
        now = self._clock()
        if not self._reachable:
            assumed = seconds if seconds is not None else rule.length(self._gate.level)
            self._known_ban_until = max(self._known_ban_until, now + assumed)
        self._fail_banned_waiters(self._known_ban_until - now)
        return max(self._known_ban_until - now, 0.0)

    def succeeded(self, permit: Permit | None) -> None:
        gate = self._gate
        if permit is not None and permit.ban_generation < gate.generation:
            return
        if gate.level == 0 and gate.open and not (permit is not None and permit.probe):
            return
        self._writes.pending.succeeded(-1 if permit is None else permit.ban_generation)
        self._writes.flush_now()

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        if self._writes.pending:
            await self._submit()
        step = build_step(Writes(), now=self._clock(), report=buckets, ticket=self._ticket, **self._step_context())
        step["n"] = self._waiters.live
        step["ln"] = list(self._waiters.live_by_lane())
        try:
            reply = await self._call(step)
        except Unreachable as exc:
            raise RateLimiterUnavailableError(
                "the shared rate limiter (Redis) cannot be reached; no snapshot"
            ) from exc.__cause__
        self.stats.snapshots += 1
        return reply.snapshot(buckets, self.stats.grants_by_lane)

    async def aclose(self) -> None:
        """Fail local waiters, write what is pending (releases, blocks, leaving the queue), stop the pump."""
        self._waiters.fail_all(lambda: RateLimiterUnavailableError("the rate limiter was closed"))
        self._ask_alarm.cancel()
        self._writes.cancel()
        pump = self._pump_task
        if pump is not None and not pump.done() and self._loop is asyncio.get_running_loop():
            self._closing = True
            self._writes.closing()
            self._due = True
            assert self._wake is not None
            self._wake.set()
            try:
                await pump
            finally:
                self._closing = False
                self._pump_task = None

    # ----------------------------------------------------------------- recovery (FallbackBackend)

    async def reachable(self) -> bool:
        return await self._link.reachable()

    def adopt(self, slots: Sequence[HeldSlot]) -> list[Permit]:
        """Count slots taken elsewhere meanwhile; in-flight ones come back as permits to release here."""
        permits = []
        for slot in slots:
            member = self._member(slot.weight)
            self._writes.pending.imports.append(Import(member, slot.buckets, slot.in_flight))
            if slot.in_flight:
                permits.append(Permit(buckets=slot.buckets, weight=slot.weight, token=SharedSlot(member)))
        self._writes.flush_now()
        self._kick()
        return permits

    # ----------------------------------------------------------------- local queue

    def _member(self, weight: int, lane: Lane = Lane.NORMAL) -> str:
        """A slot's name in Redis: its weight (marked ``u`` in the urgent lane, whose slots fill the reserve
        first), this process's ticket and a counter."""
        return f"{weight}{'u' if lane is Lane.URGENT else ''}:{self._ticket}:{next(self._ids)}"

    def _enqueue(self, entry: AskEntry, now: float, max_ban_wait: float) -> FleetWaiter:
        """Queue a waiter; ask at once when it may fit now, and always for an urgent one (the fleet must
        learn of it, so that other processes leave it the next free slot)."""
        loop = self._bind()
        waiter = FleetWaiter(entry, loop.create_future(), now, max_ban_wait)
        if self._waiters.push(waiter) or (self._known_ban_until <= now and self._worth_asking(entry)):
            self._kick()
        self._ensure_pump()
        return waiter

    def _worth_asking(self, entry: AskEntry) -> bool:
        if entry.lane is Lane.URGENT:
            return True
        lane = self._waiters.lanes[entry.lane]
        return len(lane) <= self._options.batch_size and not any(b.name in self._held for b in entry.buckets)

    def _cancelled(self, waiter: FleetWaiter) -> None:
        future, entry = waiter.future, waiter.entry
        if future.cancelled():
            self._waiters.cancelled(entry.lane)
        if future.done() and not future.cancelled() and future.exception() is None:
            self._queue_release(entry.member, entry.buckets, sent=False)
            self._kick()
        elif self._seqs[entry.lane] is not None and self._waiters.lanes[entry.lane].live == 0:
            self._kick()

    def _fail_banned_waiters(self, remaining: float) -> None:
        self._waiters.fail(lambda waiter: ban_error(remaining) if remaining > waiter.max_ban_wait else None)

    # ----------------------------------------------------------------- writes

    def _queue_release(self, member: str, buckets: tuple[Bucket, ...], *, sent: bool) -> None:
        self._bind()
        self._ensure_pump()
        next_ask_at = self._ask_alarm.deadline if self._ask_alarm.pending else math.inf
        self._writes.release(member, buckets, sent=sent, next_ask_at=next_ask_at)

    async def _submit(self) -> None:
        loop = self._bind()
        self._ensure_pump()
        await self._writes.submit(loop)

    # ----------------------------------------------------------------- the pump

    def _kick(self) -> None:
        self._due = True
        if self._wake is not None:
            self._wake.set()

    def _wake_up(self) -> None:
        self._bind()
        self._ensure_pump()
        assert self._wake is not None
        self._wake.set()

    def _bind(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._wake = asyncio.Event()
            self._pump_task = None
            self._ask_alarm.forget()
            self._writes.forget()
        return loop

    def _ensure_pump(self) -> None:
        if self._pump_task is None or self._pump_task.done():
            assert self._loop is not None
            self._pump_task = self._loop.create_task(self._pump())

    def _work_ready(self) -> bool:
        if self._writes.ready(closing=self._closing):
            return True
        return self._due and (self._waiters.live > 0 or any(seq is not None for seq in self._seqs))

    async def _pump(self) -> None:
        wake = self._wake
        assert wake is not None
        while True:
            await wake.wait()
            wake.clear()
            while self._work_ready():
                await self._step()
            if self._closing:
                return

    async def _step(self) -> None:
        self._due = False
        writes, flushed = self._writes.take()
        batch = [] if self._closing else self._waiters.batch(self._options.batch_size)
        now = self._clock()
        ask = None
        if batch or any(seq is not None for seq in self._seqs):
            entries = [waiter.entry for waiter in batch]
            ask = Ask(self._ticket, self._seqs, entries, self._waiters.live_by_lane(), self._options.batch_size)
        try:
            reply = await self._call(build_step(writes, now=now, ask=ask, **self._step_context()))
        except Unreachable as exc:
            self.stats.failures += 1
            writes.releases.extend(Release(w.entry.member, w.entry.buckets, False, now) for w in batch)
            self._writes.retain(writes)
            self._reachable = False
            self._fail_waiters(exc)
            finish(flushed)
            return
        self.stats.count_step(asked=bool(batch), granted=bool(reply.granted), wrote=bool(writes))
        self._outage_logged = False
        self._reachable = True
        self._learn_gate(reply, now)
        finish(flushed)
        if ask is not None:
            self._apply(reply, batch)

    def _apply(self, reply: StepReply, batch: list[FleetWaiter]) -> None:
        now = self._clock()
        for index in reply.granted:
            waiter = batch[index]
            entry = waiter.entry
            self.stats.count_grant(entry.lane)
            if waiter.future.done():
                self._queue_release(entry.member, entry.buckets, sent=False)
                continue
            permit = Permit(
                entry.buckets, entry.weight, waited=now - waiter.since, token=SharedSlot(entry.member), lane=entry.lane
            )
            permit.ban_generation = reply.generation
            permit.probe = index == reply.probe
            self._waiters.grant(waiter, permit)
        self._seqs = reply.seqs
        self._held = reply.held
        if self._waiters.live == 0:
            return
        if reply.granted and (reply.wait is None or reply.wait <= 0):
            self._due = True
        else:
            self._ask_alarm.set(now + max(reply.wait or 0.0, 0.0) + _WAKE_SLACK)

    def _step_context(self) -> dict[str, Any]:
        return {
            "options": self._options,
            "fresh": self._epoch is None and self._options.trust_fresh_start,
            "longest_period": self._longest_period,
        }

    def _learn_gate(self, reply: StepReply, now: float) -> None:
        self._epoch = reply.epoch or self._epoch
        gate = self._gate
        gate.generation, gate.level, gate.open = reply.generation, reply.level, reply.open
        self._known_ban_until = now + reply.banned_for
        if reply.banned_for > 0:
            self._fail_banned_waiters(reply.banned_for)

    def _fail_waiters(self, exc: Unreachable) -> None:
        if not self._outage_logged:
            self._outage_logged = True
            logger.warning("shared rate limiter (Redis) unreachable: %s", type(exc.__cause__).__name__)
        self._waiters.fail_all(lambda: unreachable(exc.__cause__))
        self._ask_alarm.cancel()

    async def _call(self, step: dict[str, Any]) -> StepReply:
        return await self._link.call(step)
