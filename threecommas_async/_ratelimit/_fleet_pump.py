"""The fleet pump: the Redis I/O of a fleet backend (one task per process), its timers and waiters.

Every decision is made by the script (``_fleet.lua``) on the Redis clock; what a step carries and what
its reply means is built in ``_fleet_step``. The pump owns all Redis traffic: it carries the oldest
local waiters (up to ``batch_size``), pending releases, block windows and bans in one step, sleeps until
the wait the step returned, and is woken early only by local events (an arrival that may fit, a slot
freed at once, a write that is due). Waiting costs no round trips, and answered releases ride along with
the next step that asks for budget (written on their own only after ``release_linger``).

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

import attrs

from .._clock import ClockFn, SleepFn
from .._exceptions import RateLimiterUnavailableError
from ._alarm import Alarm
from ._backend import DEFAULT_BAN_RULE, HeldSlot, Lane, LimiterSnapshot, Permit, ban_error
from ._fleet_options import FleetOptions, FleetStats
from ._fleet_step import (
    Ask,
    AskEntry,
    BanEvent,
    Import,
    Release,
    StepReply,
    Writes,
    build_step,
    encode_step,
    linger_deadline,
    script_source,
)
from ._fleet_waiters import FleetWaiter, LocalQueue
from ._gate import BanGate
from ._policy import BanRule, Bucket

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.commands.core import AsyncScript

__all__ = ["FleetPump"]

logger = logging.getLogger("threecommas_async")

_WAKE_SLACK = 0.0002


@attrs.frozen(slots=True)
class _SharedSlot:
    member: str


class _Unreachable(Exception):
    """Redis did not answer a step; the Redis error is ``__cause__``."""


def _unreachable(cause: BaseException | None) -> _Unreachable:
    error = _Unreachable()
    error.__cause__ = cause
    return error


def _unavailable(cause: BaseException | None) -> RateLimiterUnavailableError:
    error = RateLimiterUnavailableError(
        f"the shared rate limiter (Redis) cannot be reached ({type(cause).__name__}); nothing was sent"
    )
    error.__cause__ = cause
    return error


class FleetPump:
    """A :class:`LimiterBackend` whose budget, block windows and ban gate live in Redis (no fallback)."""

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str,
        options: FleetOptions,
        errors: tuple[type[BaseException], ...],
        clock: ClockFn,
        sleep: SleepFn,
    ) -> None:
        self._redis = redis
        self.prefix = prefix
        self._options = options
        self._errors = errors
        self._clock = clock
        self._ticket = uuid.uuid4().hex[:12]
        self._ids = itertools.count(1)
        self._script: AsyncScript | None = None
        self.stats = FleetStats()
        self._waiters = LocalQueue()
        self._writes = Writes()
        self._retained = Writes()
        self._flushed: asyncio.Future[None] | None = None
        self._due = False
        self._held: frozenset[str] = frozenset()
        self._seq: str | None = None
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
        self._flush_alarm = Alarm(self._flush_now, clock=clock, sleep=sleep)

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
        for bucket in buckets:
            if weight > bucket.limit:
                raise ValueError(f"weight {weight} exceeds the limit {bucket.limit} of bucket {bucket.name!r}")
        self._longest_period = max(self._longest_period, *(bucket.period for bucket in buckets))
        now = self._clock()
        if self._known_ban_until - now > max_ban_wait:
            raise ban_error(self._known_ban_until - now)
        waiter = self._enqueue(AskEntry(weight, buckets, self._member(weight)), now, max_ban_wait)
        try:
            return await waiter.future
        except _Unreachable as exc:
            raise _unavailable(exc.__cause__) from exc.__cause__
        except asyncio.CancelledError:
            future = waiter.future
            if future.cancelled():
                self._waiters.cancelled()
            if future.done() and not future.cancelled() and future.exception() is None:
                self._queue_release(waiter.entry.member, buckets, sent=False)
                self._kick()
            elif self._seq is not None and self._live_waiter_count() == 0:
                self._kick()
            raise

    async def release(self, permit: Permit, *, sent: bool) -> None:
        if permit.released:
            return
        if not isinstance(permit.token, _SharedSlot):
            raise TypeError("this permit was not granted by this fleet backend")
        permit.released = True
        self._queue_release(permit.token.member, permit.buckets, sent=sent)
        if not sent:
            await self._submit()

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        until = self._clock() + seconds
        for bucket in buckets:
            self._writes.block(bucket, until)
        await self._submit()

    async def ban(
        self, seconds: float | None, *, permit: Permit | None = None, rule: BanRule = DEFAULT_BAN_RULE
    ) -> float:
        generation = -1 if permit is None else permit.ban_generation
        if seconds is not None and (permit is None or generation >= self._gate.generation):
            self._known_ban_until = max(self._known_ban_until, self._clock() + seconds)
        self._writes.bans.append(BanEvent(generation, seconds, rule))
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
        self._writes.succeeded(-1 if permit is None else permit.ban_generation)
        self._writes.flush_by = -math.inf
        self._bind()
        self._ensure_pump()
        self._flush_now()

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        if self._writes:
            await self._submit()
        step = build_step(Writes(), now=self._clock(), report=buckets, ticket=self._ticket, **self._step_context())
        step["n"] = self._live_waiter_count()
        try:
            reply = await self._call(step)
        except _Unreachable as exc:
            raise RateLimiterUnavailableError(
                "the shared rate limiter (Redis) cannot be reached; no snapshot"
            ) from exc.__cause__
        self.stats.snapshots += 1
        return reply.snapshot(buckets)

    async def aclose(self) -> None:
        """Fail local waiters, write what is pending (releases, blocks, leaving the queue), stop the pump."""
        self._waiters.fail_all(lambda: RateLimiterUnavailableError("the rate limiter was closed"))
        self._ask_alarm.cancel()
        self._flush_alarm.cancel()
        pump = self._pump_task
        if pump is not None and not pump.done() and self._loop is asyncio.get_running_loop():
            self._closing = True
            self._writes.absorb(self._retained)
            self._retained = Writes()
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
        try:
            await self._redis.ping()
        except self._errors:
            return False
        return True

    def adopt(self, slots: Sequence[HeldSlot]) -> list[Permit]:
        """Count slots taken elsewhere meanwhile; in-flight ones come back as permits to release here."""
        permits = []
        for slot in slots:
            member = self._member(slot.weight)
            self._writes.imports.append(Import(member, slot.buckets, slot.in_flight))
            if slot.in_flight:
                permits.append(Permit(buckets=slot.buckets, weight=slot.weight, token=_SharedSlot(member)))
        self._writes.flush_by = -math.inf
        self._bind()
        self._ensure_pump()
        self._kick()
        return permits

    # ----------------------------------------------------------------- local queue

    def _member(self, weight: int) -> str:
        return f"{weight}:{self._ticket}:{next(self._ids)}"

    def _enqueue(self, entry: AskEntry, now: float, max_ban_wait: float) -> FleetWaiter:
        loop = self._bind()
        waiter = FleetWaiter(entry, loop.create_future(), now, max_ban_wait)
        if self._waiters.push(waiter) or (
            len(self._waiters) <= self._options.batch_size
            and self._known_ban_until <= now
            and not any(bucket.name in self._held for bucket in entry.buckets)
        ):
            self._kick()
        self._ensure_pump()
        return waiter

    def _live_waiter_count(self) -> int:
        return self._waiters.live

    def _fail_banned_waiters(self, remaining: float) -> None:
        self._waiters.fail(lambda waiter: ban_error(remaining) if remaining > waiter.max_ban_wait else None)

    # ----------------------------------------------------------------- writes

    def _queue_release(self, member: str, buckets: tuple[Bucket, ...], *, sent: bool) -> None:
        """An unsent release is due at once; an answered one rides along with the next step and, if
        none comes, is written when its linger ends."""
        now = self._clock()
        writes = self._writes
        writes.releases.append(Release(member, buckets, sent, now))
        if not sent:
            writes.flush_by = -math.inf
            return
        next_ask_at = self._ask_alarm.deadline if self._ask_alarm.pending else math.inf
        deadline = linger_deadline(buckets, now=now, linger=self._options.release_linger, next_ask_at=next_ask_at)
        writes.flush_by = min(writes.flush_by, deadline)
        self._bind()
        self._ensure_pump()
        if writes.flush_by <= now:
            self._flush_now()
        else:
            self._flush_alarm.arm(writes.flush_by)

    def _flush_now(self) -> None:
        self._writes.flush_by = -math.inf
        if self._wake is not None:
            self._wake.set()

    async def _submit(self) -> None:
        """Have every pending write sent at once and wait for the step (never raises for Redis)."""
        self._writes.flush_by = -math.inf
        loop = self._bind()
        if self._flushed is None or self._flushed.done():
            self._flushed = loop.create_future()
        flushed = self._flushed
        self._ensure_pump()
        assert self._wake is not None
        self._wake.set()
        await asyncio.shield(flushed)

    # ----------------------------------------------------------------- the pump

    def _kick(self) -> None:
        self._due = True
        if self._wake is not None:
            self._wake.set()

    def _bind(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._wake = asyncio.Event()
            self._pump_task = None
            self._ask_alarm.forget()
            self._flush_alarm.forget()
            self._flushed = None
        return loop

    def _ensure_pump(self) -> None:
        if self._pump_task is None or self._pump_task.done():
            assert self._loop is not None
            self._pump_task = self._loop.create_task(self._pump())

    def _work_ready(self) -> bool:
        writes = self._writes
        if writes and (self._closing or writes.flush_by <= self._clock()):
            return True
        return self._due and (self._live_waiter_count() > 0 or self._seq is not None)

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
        writes = self._writes
        writes.absorb(self._retained)
        self._writes, self._retained = Writes(), Writes()
        self._flush_alarm.cancel()
        flushed, self._flushed = self._flushed, None
        batch = [] if self._closing else self._waiters.batch(self._options.batch_size)
        now = self._clock()
        ask = None
        if batch or self._seq is not None:
            entries = [waiter.entry for waiter in batch]
            ask = Ask(self._ticket, self._seq, entries, max(self._waiters.live, len(batch)), self._options.batch_size)
        try:
            reply = await self._call(build_step(writes, now=now, ask=ask, **self._step_context()))
        except _Unreachable as exc:
            self.stats.failures += 1
            writes.releases.extend(Release(w.entry.member, w.entry.buckets, False, now) for w in batch)
            self._retained = writes
            self._reachable = False
            self._fail_waiters(exc)
            _finish(flushed)
            return
        self.stats.count_step(asked=bool(batch), granted=bool(reply.granted), wrote=bool(writes))
        self._outage_logged = False
        self._reachable = True
        self._learn_gate(reply, now)
        _finish(flushed)
        if ask is not None:
            self._apply(reply, batch)

    def _apply(self, reply: StepReply, batch: list[FleetWaiter]) -> None:
        now = self._clock()
        for index in reply.granted:
            waiter = batch[index]
            entry = waiter.entry
            self.stats.grants += 1
            if waiter.future.done():
                self._queue_release(entry.member, entry.buckets, sent=False)
                continue
            permit = Permit(entry.buckets, entry.weight, waited=now - waiter.since, token=_SharedSlot(entry.member))
            permit.ban_generation = reply.generation
            permit.probe = index == reply.probe
            self._waiters.grant(waiter, permit)
        self._seq = reply.seq
        self._held = reply.held
        if self._live_waiter_count() == 0:
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

    def _fail_waiters(self, exc: _Unreachable) -> None:
        if not self._outage_logged:
            self._outage_logged = True
            logger.warning("shared rate limiter (Redis) unreachable: %s", type(exc.__cause__).__name__)
        self._waiters.fail_all(lambda: _unreachable(exc.__cause__))
        self._ask_alarm.cancel()

    async def _call(self, step: dict[str, Any]) -> StepReply:
        if self._script is None:
            self._script = self._redis.register_script(script_source())
        try:
            raw = await self._script(keys=[self.prefix + "q"], args=[self.prefix, encode_step(step)])
        except self._errors as exc:
            raise _Unreachable() from exc
        return StepReply.parse(raw)


def _finish(flushed: asyncio.Future[None] | None) -> None:
    if flushed is not None and not flushed.done():
        flushed.set_result(None)
