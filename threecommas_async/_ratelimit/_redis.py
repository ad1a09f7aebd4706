"""Fleet backend: one rate budget, one set of block windows and one ban gate in Redis, shared by every
process and host that uses the same API key.

Every decision is one atomic Lua step (``_fleet.lua``) on the Redis clock (``TIME``), never a client
clock. A slot is held from its grant until ``period`` seconds after its release, exactly like
:class:`InMemoryBackend`, so no window of ``period`` seconds on the Redis clock holds more than ``limit``
weight. A release carries its age (local monotonic clock at the write minus at the release: a duration,
so no clocks are mixed) and the slot frees at ``TIME - age + period``: no earlier than ``period`` after
the response arrived, since the script runs after the write left. An in-flight slot carries a lease
(``max_in_flight``) so a crashed process frees it eventually.

Each process runs one pump task that owns all Redis traffic: it carries the oldest local waiters (up to
``batch_size``), pending releases, block windows and bans in one step, sleeps until the wait the step
returned, and is woken early only by local events (an arrival that may fit, a slot freed at once, a
write that is due). Waiting costs no round trips, and releases cost none of their own: an answered
release rides along with the next step that asks for budget, written on its own only when none comes
within ``release_linger`` (or, when this process's next ask is already scheduled within a tenth of the
shortest period, by that ask). A snapshot writes what is pending first. Since the release is
backdated, riding along costs no budget; other processes just see the slot freed that much later.
Unsent releases (they free a slot at once), blocks and bans are written at once. So a step is made
about once per grant at most (see ``FleetStats``).

Fairness. Each waiting process holds one ticket in a Redis queue ordered by arrival; the ticket says how
many requests wait behind it and the shape (weight, buckets) of the oldest. A step offers budget in
rounds: round k offers the k-th waiting request of every ticket, in queue order (other processes'
requests taken to be shaped like their oldest), so every waiting process gets its i-th request before any
gets its (i+1)-th, and room a sleeping process is due stays reserved for it. Per bucket, first come first
served: a request lacking room in a bucket holds that bucket for everything after it, so a heavy request
is never starved by light ones, while one stuck on a narrow bucket does not hold up requests that need
only other buckets. A process whose oldest request was granted goes to the back of the queue. So while k
processes wait on a bucket they share it evenly (each gets one of every k grants while budget frees one
slot at a time) and a newcomer never overtakes a process already waiting. A ticket whose owner does not
come back within its expected wait plus ``ticket_grace`` is dropped (a live owner re-enters at its old
position). Within a process the oldest ``batch_size`` waiters follow the same per-bucket rule as
:class:`InMemoryBackend`; younger ones wait to enter the batch.

A process sleeps until the earliest moment the step computed its next request could fit (a lower bound:
an unanswered slot is assumed answered now). Capacity freed sooner by another process (a release of an
unsent request, a ticket ahead cancelled) is noticed at the next step, not pushed. A ban set by another
process fails local waiters that would wait longer than their ``max_ban_wait`` at their next step.

Redis unreachable: fail closed (:class:`RateLimiterUnavailableError`, nothing sent), or, with
``fallback_share``, a local :class:`InMemoryBackend` with every limit scaled by that share until Redis
answers again (probed every ``probe_interval`` seconds); the slots taken meanwhile are then written into
Redis so the fleet counts them. Releases, blocks and bans that could not be written are retried with the
next step. Every key expires (a little over the longest period, lease, block, ban or ticket it holds).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import itertools
import json
import logging
import math
import uuid
from collections import deque
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from .._exceptions import RateLimiterUnavailableError
from ._backend import BucketSnapshot, LimiterSnapshot, Permit, ban_error
from ._memory import InMemoryBackend
from ._policy import Bucket

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.commands.core import AsyncScript

__all__ = ["FleetStats", "RedisBackend", "fleet_key_prefix"]

logger = logging.getLogger("threecommas_async")

_KEY_MARGIN_MS = 1000.0
_WAKE_SLACK = 0.0002
_LINGER_PERIOD_SHARE = 0.02
_RIDE_PERIOD_SHARE = 0.1
_PREFIX_DOMAIN = b"threecommas_async fleet key v1\x00"


@functools.cache
def _script_source() -> str:
    return resources.files(__name__.rpartition(".")[0]).joinpath("_fleet.lua").read_text(encoding="utf-8")


def _import_redis() -> Any:
    try:
        import redis.asyncio
        import redis.exceptions
    except ImportError as exc:
        raise ImportError(
            "RedisBackend needs redis-py (asyncio); install it with: pip install 'threecommas_async[redis]'"
        ) from exc
    return redis


def fleet_key_prefix(api_key: str, namespace: str | None = None) -> str:
    """The Redis key prefix of a fleet: a hash of the API key (never the key), plus an optional namespace.

    The hash sits in a ``{hash tag}`` so every key of the fleet lands in one Redis Cluster slot.
    """
    if not api_key:
        raise ValueError("api_key must be a non-empty string")
    if namespace is not None and (not namespace or any(c in namespace for c in "{}")):
        raise ValueError("namespace must be non-empty and must not contain '{' or '}'")
    digest = hashlib.sha256(_PREFIX_DOMAIN + api_key.encode()).hexdigest()[:24]
    scope = f"{namespace}:" if namespace else ""
    return f"threecommas:{scope}{{{digest}}}:"


@attrs.define(slots=True)
class FleetStats:
    """Counters of one backend. Every step is one Redis round trip (one EVALSHA) made by the pump.

    ``ask_steps`` carried local waiters (asked for budget), ``denied_steps`` are those of them that got
    nothing; ``write_steps`` carried releases, blocks or bans, and ``write_only_steps`` are those of
    them that asked for nothing (a write that found no ask to ride along with). A step can be both an
    ask and a write step. ``local_grants`` came from the fallback.
    """

    steps: int = 0
    ask_steps: int = 0
    denied_steps: int = 0
    write_steps: int = 0
    write_only_steps: int = 0
    grants: int = 0
    snapshots: int = 0
    failures: int = 0
    local_grants: int = 0

    @property
    def steps_per_grant(self) -> float:
        """All round trips (grants, releases, blocks) per granted request."""
        return self.steps / self.grants if self.grants else math.inf

    @property
    def ask_steps_per_grant(self) -> float:
        """Round trips that asked for budget, per granted request."""
        return self.ask_steps / self.grants if self.grants else math.inf

    @property
    def write_only_steps_per_grant(self) -> float:
        """Round trips made only to write (releases, blocks, bans), per granted request."""
        return self.write_only_steps / self.grants if self.grants else math.inf


@attrs.frozen(slots=True)
class _SharedSlot:
    member: str


@attrs.define(slots=True, eq=False)
class _LocalSlot:
    inner: Permit
    member: str | None = None


@attrs.frozen(slots=True)
class _Release:
    """A slot to give back; ``released_at`` is the local clock when the attempt ended."""

    member: str
    buckets: tuple[Bucket, ...]
    sent: bool
    released_at: float


@attrs.frozen(slots=True)
class _Import:
    member: str
    buckets: tuple[Bucket, ...]
    in_flight: bool


@attrs.define(slots=True, eq=False)
class _Ops:
    """Writes waiting for the next step. Block and ban deadlines are on the local clock until sent.

    ``flush_by`` (local clock) is when they must be sent even if no step asks for budget before then:
    ``-inf`` for writes that go at once, the end of the linger for answered releases.
    """

    releases: list[_Release] = attrs.field(factory=list)
    imports: list[_Import] = attrs.field(factory=list)
    blocks: dict[str, tuple[Bucket, float]] = attrs.field(factory=dict)
    ban_until: float = -math.inf
    flush_by: float = math.inf

    def __bool__(self) -> bool:
        return bool(self.releases or self.imports or self.blocks) or self.ban_until > -math.inf

    def block(self, bucket: Bucket, until: float) -> None:
        current = self.blocks.get(bucket.name)
        if current is None or current[1] < until:
            self.blocks[bucket.name] = (bucket, until)

    def absorb(self, other: _Ops) -> None:
        self.releases[:0] = other.releases
        self.imports[:0] = other.imports
        for bucket, until in other.blocks.values():
            self.block(bucket, until)
        self.ban_until = max(self.ban_until, other.ban_until)
        self.flush_by = min(self.flush_by, other.flush_by)


@attrs.define(slots=True, eq=False)
class _Waiter:
    buckets: tuple[Bucket, ...]
    weight: int
    member: str
    future: asyncio.Future[Permit]
    since: float
    max_ban_wait: float


class _Unreachable(Exception):
    """Redis did not answer a step; the Redis error is ``__cause__``."""


class _StepBuilder:
    """Builds the JSON of one step; buckets are sent once in a table and referred to by index."""

    def __init__(self) -> None:
        self.table: list[list[Any]] = []
        self._index: dict[str, int] = {}

    def refs(self, buckets: Iterable[Bucket]) -> list[int]:
        refs = []
        for bucket in buckets:
            index = self._index.get(bucket.name)
            if index is None:
                self.table.append([bucket.name, bucket.limit, bucket.period * 1000.0])
                index = self._index[bucket.name] = len(self.table)
            refs.append(index)
        return refs


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class RedisBackend:
    """A :class:`LimiterBackend` whose budget, block windows and ban gate live in Redis.

    ``RedisBackend(redis_client, api_key=...)`` uses a ``redis.asyncio.Redis`` you own;
    ``RedisBackend.from_url(url, api_key=...)`` makes (and on ``aclose`` closes) its own. Every process
    sharing an API key must use the same Redis, the same ``namespace`` and the same policy.

    ``fallback_share``: None (default) fails closed while Redis is unreachable; a share in (0, 1] limits
    this process to that share of every bucket, locally, meanwhile (pick at most 1 / number of processes).
    ``max_in_flight``: seconds a granted slot may stay unanswered before it is presumed lost.
    ``ticket_grace``: seconds a waiting process's place in the queue outlives its expected return.
    ``batch_size``: local waiters carried per step.
    ``release_linger``: seconds an answered release may wait for a step that asks for budget, to ride
    along with it, before it is written on its own (at most 2 % of the shortest period of its buckets;
    when this process's next ask is due within a tenth of that period, the release waits for that ask
    instead). It costs no budget: the slot frees ``period`` after the release whenever the write reaches
    Redis; only other processes see it that much later. ``release(sent=True)`` returns at once;
    ``aclose`` writes whatever is still pending.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        api_key: str,
        namespace: str | None = None,
        fallback_share: float | None = None,
        max_in_flight: float = 120.0,
        ticket_grace: float = 2.0,
        batch_size: int = 32,
        probe_interval: float = 1.0,
        release_linger: float = 0.005,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
    ) -> None:
        redis_module = _import_redis()
        if fallback_share is not None and not 0.0 < fallback_share <= 1.0:
            raise ValueError("fallback_share must be in (0, 1] or None")
        if max_in_flight <= 0 or ticket_grace <= 0 or probe_interval <= 0:
            raise ValueError("max_in_flight, ticket_grace and probe_interval must be positive")
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        if not release_linger >= 0.0:
            raise ValueError("release_linger must be >= 0")
        self._redis = redis
        self._prefix = fleet_key_prefix(api_key, namespace)
        self._errors: tuple[type[BaseException], ...] = (
            redis_module.exceptions.RedisError,
            OSError,
            asyncio.TimeoutError,
        )
        self._fallback_share = fallback_share
        self._fallback = InMemoryBackend(clock=clock, sleep=sleep) if fallback_share is not None else None
        self._scaled: dict[str, tuple[Bucket, Bucket]] = {}
        self._max_in_flight = max_in_flight
        self._ticket_grace = ticket_grace
        self._batch_size = batch_size
        self._probe_interval = probe_interval
        self._release_linger = release_linger
        self._clock = clock
        self._sleep = sleep
        self._owns_client = False
        self._script: AsyncScript | None = None
        self._ticket = uuid.uuid4().hex[:12]
        self._ids = itertools.count(1)
        self.stats = FleetStats()

        self._waiters: deque[_Waiter] = deque()
        self._ops = _Ops()
        self._retained = _Ops()
        self._flushed: asyncio.Future[None] | None = None
        self._due = False
        self._held: frozenset[str] = frozenset()
        self._seq: str | None = None
        self._known_ban_until = -math.inf
        self._local_mode = False
        self._next_probe = -math.inf
        self._local_slots: set[_LocalSlot] = set()
        self._outage_logged = False
        self._closing = False

        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._pump_task: asyncio.Task[None] | None = None
        self._timer: asyncio.Task[None] | None = None
        self._ask_at = math.inf
        self._flush_timer: asyncio.Task[None] | None = None
        self._flush_timer_at = math.inf

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        api_key: str,
        namespace: str | None = None,
        fallback_share: float | None = None,
        max_in_flight: float = 120.0,
        ticket_grace: float = 2.0,
        batch_size: int = 32,
        probe_interval: float = 1.0,
        release_linger: float = 0.005,
        socket_timeout: float = 2.0,
        connect_timeout: float = 1.0,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
    ) -> RedisBackend:
        """A backend on its own ``redis.asyncio`` client for ``url`` (``redis://host:port/db``, ``rediss://``).

        The client gives up quickly (``connect_timeout``, ``socket_timeout``, one quick retry) so a Redis
        outage fails closed or falls back promptly instead of stalling every request.
        """
        redis_module = _import_redis()
        from redis.asyncio.retry import Retry
        from redis.backoff import ExponentialBackoff

        client = redis_module.asyncio.Redis.from_url(
            url,
            socket_timeout=socket_timeout,
            socket_connect_timeout=connect_timeout,
            retry=Retry(ExponentialBackoff(cap=0.05, base=0.01), 1),
        )
        backend = cls(
            client,
            api_key=api_key,
            namespace=namespace,
            fallback_share=fallback_share,
            max_in_flight=max_in_flight,
            ticket_grace=ticket_grace,
            batch_size=batch_size,
            probe_interval=probe_interval,
            release_linger=release_linger,
            clock=clock,
            sleep=sleep,
        )
        backend._owns_client = True
        return backend

    @property
    def key_prefix(self) -> str:
        """Every Redis key this backend touches starts with this."""
        return self._prefix

    @property
    def local_mode(self) -> bool:
        """True while Redis is unreachable and the local fallback share is in use."""
        return self._local_mode

    def __repr__(self) -> str:
        mode = "local fallback" if self._local_mode else "shared"
        return f"RedisBackend(prefix={self._prefix!r}, mode={mode!r})"

    # ----------------------------------------------------------------- LimiterBackend

    async def acquire(self, buckets: tuple[Bucket, ...], weight: int, *, max_ban_wait: float) -> Permit:
        for bucket in buckets:
            if weight > bucket.limit:
                raise ValueError(f"weight {weight} exceeds the limit {bucket.limit} of bucket {bucket.name!r}")
        now = self._clock()
        banned_for = self._known_ban_until - now
        if banned_for > max_ban_wait:
            raise ban_error(banned_for)
        if self._local_mode and not await self._redis_is_back(now):
            return await self._acquire_locally(buckets, weight, max_ban_wait)
        try:
            return await self._acquire_shared(buckets, weight, max_ban_wait, now)
        except _Unreachable as exc:
            if self._fallback is None:
                raise RateLimiterUnavailableError(
                    f"the shared rate limiter (Redis) cannot be reached ({type(exc.__cause__).__name__}); "
                    "nothing was sent"
                ) from exc.__cause__
            self._enter_local_mode()
            return await self._acquire_locally(buckets, weight, max_ban_wait)

    async def release(self, permit: Permit, *, sent: bool) -> None:
        if permit.released:
            return
        permit.released = True
        token = permit.token
        if isinstance(token, _LocalSlot):
            self._local_slots.discard(token)
            assert self._fallback is not None
            await self._fallback.release(token.inner, sent=sent)
            if token.member is None:
                return
            member = token.member
        elif isinstance(token, _SharedSlot):
            member = token.member
        else:
            raise TypeError("this permit was not granted by this RedisBackend")
        self._queue_release(member, permit.buckets, sent=sent)
        if not sent:
            await self._submit()

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        if self._fallback is not None:
            await self._fallback.block(tuple(self._scaled_bucket(b) for b in buckets), seconds)
        until = self._clock() + seconds
        for bucket in buckets:
            self._ops.block(bucket, until)
        await self._submit()

    async def ban(self, seconds: float) -> None:
        now = self._clock()
        self._known_ban_until = max(self._known_ban_until, now + seconds)
        if self._fallback is not None:
            await self._fallback.ban(seconds)
        self._fail_banned_waiters(self._known_ban_until - now)
        self._ops.ban_until = max(self._ops.ban_until, now + seconds)
        await self._submit()

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        if self._ops and not self._local_mode:
            await self._submit()
        if not self._local_mode:
            builder = _StepBuilder()
            step = {
                "s": builder.refs(buckets),
                "t": self._ticket,
                "n": self._live_waiter_count(),
                **self._constants(),
            }
            step["b"] = builder.table
            try:
                reply = await self._call(step)
            except _Unreachable as exc:
                if self._fallback is None:
                    raise RateLimiterUnavailableError(
                        "the shared rate limiter (Redis) cannot be reached; no snapshot"
                    ) from exc.__cause__
            else:
                self.stats.snapshots += 1
                rows = tuple(
                    BucketSnapshot(
                        name=bucket.name,
                        limit=bucket.limit,
                        period=bucket.period,
                        used=int(row[0]),
                        in_flight=int(row[1]),
                        available=max(bucket.limit - int(row[0]), 0),
                        blocked_for=float(row[2]) / 1000.0,
                    )
                    for bucket, row in zip(buckets, _as_list(reply.get("s")), strict=True)
                )
                return LimiterSnapshot(rows, int(reply.get("fleet", 0)), float(reply.get("ban", 0)) / 1000.0)
        assert self._fallback is not None
        return await self._fallback.snapshot(tuple(self._scaled_bucket(b) for b in buckets))

    async def aclose(self) -> None:
        """Fail local waiters, write what is pending (releases, blocks, leaving the queue), stop the pump,
        and close the Redis client when ``from_url`` made it."""
        for waiter in self._waiters:
            if not waiter.future.done():
                waiter.future.set_exception(RateLimiterUnavailableError("the rate limiter was closed"))
        self._waiters.clear()
        for timer in (self._timer, self._flush_timer):
            if timer is not None:
                timer.cancel()
        self._timer = self._flush_timer = None
        self._flush_timer_at = math.inf
        pump = self._pump_task
        if pump is not None and not pump.done() and self._loop is asyncio.get_running_loop():
            self._closing = True
            if not self._local_mode:
                self._ops.absorb(self._retained)
                self._retained = _Ops()
            self._due = True
            assert self._wake is not None
            self._wake.set()
            try:
                await pump
            finally:
                self._closing = False
                self._pump_task = None
        if self._fallback is not None:
            await self._fallback.aclose()
        if self._owns_client:
            await self._redis.aclose()

    # ----------------------------------------------------------------- shared path

    async def _acquire_shared(
        self, buckets: tuple[Bucket, ...], weight: int, max_ban_wait: float, now: float
    ) -> Permit:
        loop = self._bind()
        waiters = self._waiters
        while waiters and waiters[0].future.done():
            waiters.popleft()
        was_idle = not waiters
        waiter = _Waiter(
            buckets,
            weight,
            f"{weight}:{self._ticket}:{next(self._ids)}",
            loop.create_future(),
            now,
            max_ban_wait,
        )
        waiters.append(waiter)
        if was_idle or (
            len(waiters) <= self._batch_size
            and self._known_ban_until <= now
            and not any(bucket.name in self._held for bucket in buckets)
        ):
            self._kick()
        self._ensure_pump()
        try:
            return await waiter.future
        except asyncio.CancelledError:
            future = waiter.future
            if future.done() and not future.cancelled() and future.exception() is None:
                self._queue_release(waiter.member, buckets, sent=False)
                self._kick()
            elif self._seq is not None and self._live_waiter_count() == 0:
                self._kick()
            raise

    def _kick(self) -> None:
        self._due = True
        if self._wake is not None:
            self._wake.set()

    def _queue_release(self, member: str, buckets: tuple[Bucket, ...], *, sent: bool) -> None:
        """Queue a release. An unsent one is due at once (the caller has the pump woken); an answered
        one rides along with the next step and, if none comes, is written when its linger ends."""
        now = self._clock()
        ops = self._ops
        ops.releases.append(_Release(member, buckets, sent, now))
        if not sent:
            ops.flush_by = -math.inf
            return
        shortest = min((bucket.period for bucket in buckets), default=math.inf)
        linger = min(self._release_linger, _LINGER_PERIOD_SHARE * shortest)
        ask_at = self._ask_at if self._timer is not None and not self._timer.done() else math.inf
        if now < ask_at <= now + _RIDE_PERIOD_SHARE * shortest - linger:
            linger += ask_at - now
        ops.flush_by = min(ops.flush_by, now + linger)
        if self._local_mode:
            self._retained.absorb(ops)
            self._ops = _Ops()
            return
        self._bind()
        self._ensure_pump()
        self._arm_flush()

    def _arm_flush(self) -> None:
        deadline = self._ops.flush_by
        timer = self._flush_timer
        if timer is not None and not timer.done():
            if self._flush_timer_at <= deadline:
                return
            timer.cancel()
        self._flush_timer = None
        self._flush_timer_at = math.inf
        delay = deadline - self._clock()
        if delay <= 0.0:
            assert self._wake is not None
            self._wake.set()
            return
        assert self._loop is not None
        self._flush_timer_at = deadline
        self._flush_timer = self._loop.create_task(self._flush_after(delay))

    async def _flush_after(self, delay: float) -> None:
        await self._sleep(delay)
        self._flush_timer = None
        self._flush_timer_at = math.inf
        self._ops.flush_by = -math.inf
        if self._wake is not None:
            self._wake.set()

    async def _submit(self) -> None:
        """Have every pending write sent at once and wait for the step (never raises for Redis)."""
        if self._local_mode:
            self._retained.absorb(self._ops)
            self._ops = _Ops()
            return
        self._ops.flush_by = -math.inf
        loop = self._bind()
        if self._flushed is None or self._flushed.done():
            self._flushed = loop.create_future()
        flushed = self._flushed
        self._ensure_pump()
        assert self._wake is not None
        self._wake.set()
        await asyncio.shield(flushed)

    def _bind(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._wake = asyncio.Event()
            self._pump_task = None
            self._timer = None
            self._flush_timer = None
            self._flush_timer_at = math.inf
            self._flushed = None
        return loop

    def _ensure_pump(self) -> None:
        if self._pump_task is None or self._pump_task.done():
            assert self._loop is not None
            self._pump_task = self._loop.create_task(self._pump())

    def _live_waiter_count(self) -> int:
        return sum(1 for waiter in self._waiters if not waiter.future.done())

    def _work_ready(self) -> bool:
        ops = self._ops
        if ops and (self._closing or ops.flush_by <= self._clock()):
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
        ops = self._ops
        ops.absorb(self._retained)
        self._ops, self._retained = _Ops(), _Ops()
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
            self._flush_timer_at = math.inf
        flushed, self._flushed = self._flushed, None
        self._waiters = deque(w for w in self._waiters if not w.future.done())
        batch = [] if self._closing else list(itertools.islice(self._waiters, self._batch_size))
        more = len(self._waiters) > len(batch)
        builder = _StepBuilder()
        now = self._clock()
        step: dict[str, Any] = {
            "r": [
                [r.member, builder.refs(r.buckets), 1 if r.sent else 0, self._release_age_ms(r, now)]
                for r in ops.releases
            ],
            "i": [[i.member, builder.refs(i.buckets), 1 if i.in_flight else 0] for i in ops.imports],
            "k": [
                [builder.refs((bucket,))[0], (until - now) * 1000.0]
                for bucket, until in ops.blocks.values()
                if until > now
            ],
            "ban": max(ops.ban_until - now, 0.0) * 1000.0,
            **self._constants(),
        }
        if batch or self._seq is not None:
            step.update(
                t=self._ticket,
                seq=self._seq or "",
                q=[[w.weight, builder.refs(w.buckets), w.member] for w in batch],
                more=more,
                n=len(self._waiters),
                cap=self._batch_size,
            )
        step["b"] = builder.table
        try:
            reply = await self._call(step)
        except _Unreachable as exc:
            self.stats.failures += 1
            ops.releases.extend(_Release(w.member, w.buckets, False, now) for w in batch)
            self._retained = ops
            self._fail_waiters(exc)
            self._finish_flush(flushed)
            return
        stats = self.stats
        stats.steps += 1
        if batch:
            stats.ask_steps += 1
            if not _as_list(reply.get("g")):
                stats.denied_steps += 1
        if ops:
            stats.write_steps += 1
            if not batch:
                stats.write_only_steps += 1
        self._outage_logged = False
        self._finish_flush(flushed)
        if "q" in step:
            self._apply(reply, batch)

    def _apply(self, reply: dict[str, Any], batch: list[_Waiter]) -> None:
        now = self._clock()
        granted = _as_list(reply.get("g"))
        for index in granted:
            waiter = batch[int(index) - 1]
            self.stats.grants += 1
            if waiter.future.done():
                self._queue_release(waiter.member, waiter.buckets, sent=False)
                continue
            waiter.future.set_result(
                Permit(
                    buckets=waiter.buckets,
                    weight=waiter.weight,
                    waited=now - waiter.since,
                    token=_SharedSlot(waiter.member),
                )
            )
        seq = reply.get("seq")
        self._seq = seq if isinstance(seq, str) and seq else None
        self._held = frozenset(str(name) for name in _as_list(reply.get("held")))
        banned_ms = float(reply.get("ban", 0))
        if banned_ms > 0:
            self._known_ban_until = max(self._known_ban_until, now + banned_ms / 1000.0)
            self._fail_banned_waiters(banned_ms / 1000.0)
        wait_ms = float(reply.get("w", -1))
        if self._live_waiter_count() == 0:
            return
        if wait_ms <= 0 and granted:
            self._due = True
        else:
            self._arm(max(wait_ms / 1000.0, 0.0) + _WAKE_SLACK)

    def _release_age_ms(self, release: _Release, now: float) -> float:
        """How long ago (local clock, a duration) an answered release happened: Redis backdates it."""
        if not release.sent:
            return 0.0
        return min(max(now - release.released_at, 0.0), self._max_in_flight) * 1000.0

    def _arm(self, seconds: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        assert self._loop is not None
        self._ask_at = self._clock() + seconds
        self._timer = self._loop.create_task(self._ring_after(seconds))

    async def _ring_after(self, seconds: float) -> None:
        await self._sleep(seconds)
        self._timer = None
        self._kick()

    def _finish_flush(self, flushed: asyncio.Future[None] | None) -> None:
        if flushed is not None and not flushed.done():
            flushed.set_result(None)

    def _fail_waiters(self, exc: _Unreachable) -> None:
        if not self._outage_logged:
            self._outage_logged = True
            logger.warning("shared rate limiter (Redis) unreachable: %s", type(exc.__cause__).__name__)
        for waiter in self._waiters:
            if not waiter.future.done():
                error = _Unreachable()
                error.__cause__ = exc.__cause__
                waiter.future.set_exception(error)
        self._waiters.clear()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _fail_banned_waiters(self, remaining: float) -> None:
        for waiter in self._waiters:
            if remaining > waiter.max_ban_wait and not waiter.future.done():
                waiter.future.set_exception(ban_error(remaining))

    def _constants(self) -> dict[str, float]:
        return {
            "lease": self._max_in_flight * 1000.0,
            "grace": self._ticket_grace * 1000.0,
            "margin": _KEY_MARGIN_MS,
        }

    async def _call(self, step: dict[str, Any]) -> dict[str, Any]:
        if self._script is None:
            self._script = self._redis.register_script(_script_source())
        payload = json.dumps(step, separators=(",", ":"))
        try:
            raw = await self._script(keys=[self._prefix + "q"], args=[self._prefix, payload])
        except self._errors as exc:
            raise _Unreachable() from exc
        reply = json.loads(raw)
        return reply if isinstance(reply, dict) else {}

    # ----------------------------------------------------------------- local fallback

    def _scaled_bucket(self, bucket: Bucket) -> Bucket:
        known = self._scaled.get(bucket.name)
        if known is not None and known[0] == bucket:
            return known[1]
        share = self._fallback_share if self._fallback_share is not None else 1.0
        scaled = attrs.evolve(bucket, limit=max(1, math.floor(bucket.limit * share)))
        self._scaled[bucket.name] = (bucket, scaled)
        return scaled

    def _enter_local_mode(self) -> None:
        if self._local_mode:
            return
        self._local_mode = True
        self._next_probe = self._clock() + self._probe_interval
        self._retained.absorb(self._ops)
        self._ops = _Ops()
        logger.warning(
            "shared rate limiter (Redis) unreachable: using %.0f%% of the budget locally until it answers",
            (self._fallback_share or 0.0) * 100,
        )

    async def _redis_is_back(self, now: float) -> bool:
        if now < self._next_probe:
            return False
        self._next_probe = now + self._probe_interval
        try:
            await self._redis.ping()
        except self._errors:
            return False
        await self._leave_local_mode()
        return True

    async def _leave_local_mode(self) -> None:
        """Write the slots the fallback holds into Redis, so the fleet counts them, and go shared again."""
        assert self._fallback is not None
        self._local_mode = False
        imports = self._ops.imports
        for slot in self._local_slots:
            slot.member = f"{slot.inner.weight}:{self._ticket}:{next(self._ids)}"
            originals = tuple(self._scaled[b.name][0] for b in slot.inner.buckets)
            imports.append(_Import(slot.member, originals, in_flight=True))
        scaled = tuple(pair[1] for pair in self._scaled.values())
        snapshot = await self._fallback.snapshot(scaled)
        for row in snapshot.buckets:
            lingering = row.used - row.in_flight
            if lingering > 0:
                member = f"{lingering}:{self._ticket}:{next(self._ids)}"
                imports.append(_Import(member, (self._scaled[row.name][0],), in_flight=False))
        self._ops.absorb(self._retained)
        self._ops.flush_by = -math.inf
        self._retained = _Ops()
        logger.warning("shared rate limiter (Redis) reachable again: back to the shared budget")

    async def _acquire_locally(self, buckets: tuple[Bucket, ...], weight: int, max_ban_wait: float) -> Permit:
        assert self._fallback is not None
        scaled = tuple(self._scaled_bucket(b) for b in buckets)
        local_weight = min([weight, *(b.limit for b in scaled)])
        inner = await self._fallback.acquire(scaled, local_weight, max_ban_wait=max_ban_wait)
        if not self._local_mode:
            await self._fallback.release(inner, sent=False)
            return await self.acquire(buckets, weight, max_ban_wait=max_ban_wait)
        slot = _LocalSlot(inner)
        self._local_slots.add(slot)
        self.stats.local_grants += 1
        return Permit(buckets=buckets, weight=weight, waited=inner.waited, token=slot)
