"""Fleet backend: one rate budget and one set of block windows in Redis, shared by every process and host
that uses the same API key, and one ban gate shared by every key of a ban scope (one IP).

:class:`RedisBackend` is the public face; it puts together three parts: the pure step builder
(``_fleet_step``: what the script ``_fleet.lua`` is sent and what its reply means), the pump
(``_fleet_pump``: the Redis I/O, timers and waiters of this process) and, with ``fallback_share``,
the fallback wrapper (``_fallback``). Options live in one :class:`FleetOptions`.

Every decision is one atomic Lua step on the Redis clock (``TIME``), never a client clock. A slot is held
from its grant until ``period`` seconds after its release, exactly like :class:`InMemoryBackend`, so no
window of ``period`` seconds on the Redis clock holds more than ``limit`` weight. A release carries its
age (a duration on the local monotonic clock) and the slot frees at ``TIME - age + period``: no earlier
than ``period`` after the response arrived. An in-flight slot carries a lease (``max_in_flight``) so a
crashed process frees it eventually.

Lanes. Urgent requests anywhere in the fleet are offered budget before normal and bulk ones; normal goes
before bulk except that bulk gets ``BULK_SHARE`` of their grants while both wait (counted fleet-wide);
normal and bulk requests leave the policy's urgent reserve free (less what urgent slots in use already fill
of it). Fairness within a lane: each process
holds one ticket per lane it waits in, ordered by arrival; the ticket says how many requests wait behind
it and the shape (weight, buckets, headroom) of the oldest. A step offers a lane's budget in rounds:
round k offers the k-th waiting request of every ticket, in queue order, so every waiting process gets
its i-th request before any gets its (i+1)-th, and room a sleeping process is due stays reserved for
it. Per bucket, first come first served: a request lacking room in a bucket holds that bucket for
everything after it. A process whose oldest request was granted goes to the back of the queue. A ticket
whose owner does not come back within its expected wait plus ``ticket_grace`` is dropped.

Redis unreachable: fail closed (:class:`RateLimiterUnavailableError`, nothing sent), or, with
``fallback_share``, a local share of every limit until Redis answers again; the slots taken meanwhile are
then written into Redis so the fleet counts them. Every key expires.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import attrs

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from ._backend import DEFAULT_BAN_RULE, Lane, LimiterBackend, LimiterSnapshot, Permit
from ._fallback import FallbackBackend
from ._fleet_options import FleetOptions, FleetStats, fleet_gate_key, fleet_key_prefix
from ._fleet_pump import FleetPump
from ._policy import BanRule, Bucket

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["FleetOptions", "FleetStats", "RedisBackend", "fleet_key_prefix"]


def _import_redis() -> Any:
    try:
        import redis.asyncio
        import redis.exceptions
    except ImportError as exc:
        raise ImportError(
            "RedisBackend needs redis-py (asyncio); install it with: pip install 'threecommas_async[redis]'"
        ) from exc
    return redis


class RedisBackend:
    """A :class:`LimiterBackend` whose budget, block windows and ban gate live in Redis.

    ``RedisBackend(redis_client, api_key=...)`` uses a ``redis.asyncio.Redis`` you own;
    ``RedisBackend.from_url(url, api_key=...)`` makes (and on ``aclose`` closes) its own. Every process
    sharing an API key must use the same Redis, the same ``namespace`` and the same policy. Options come
    as ``options=FleetOptions(...)`` or as its fields by keyword (see :class:`FleetOptions`).
    """

    def __init__(
        self,
        redis: Redis,
        *,
        api_key: str,
        options: FleetOptions | None = None,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
        **fields: Any,
    ) -> None:
        redis_module = _import_redis()
        self.options = attrs.evolve(options or FleetOptions(), **fields)
        self._redis = redis
        self._owns_client = False
        self._pump = FleetPump(
            redis,
            prefix=fleet_key_prefix(api_key, self.options.namespace, self.options.ban_scope),
            gate_key=fleet_gate_key(self.options.namespace, self.options.ban_scope),
            options=self.options,
            errors=(redis_module.exceptions.RedisError, OSError, asyncio.TimeoutError),
            clock=clock,
            sleep=sleep,
        )
        self._fallback: FallbackBackend | None = None
        self._backend: LimiterBackend = self._pump
        if self.options.fallback_share is not None:
            self._fallback = FallbackBackend(
                self._pump,
                share=self.options.fallback_share,
                probe_interval=self.options.probe_interval,
                clock=clock,
                sleep=sleep,
            )
            self._backend = self._fallback

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        api_key: str,
        options: FleetOptions | None = None,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
        **fields: Any,
    ) -> RedisBackend:
        """A backend on its own ``redis.asyncio`` client for ``url`` (``redis://host:port/db``, ``rediss://``).

        The client gives up quickly (``connect_timeout``, ``socket_timeout``, one quick retry) so a Redis
        outage fails closed or falls back promptly instead of stalling every request.
        """
        redis_module = _import_redis()
        from redis.asyncio.retry import Retry
        from redis.backoff import ExponentialBackoff

        resolved = attrs.evolve(options or FleetOptions(), **fields)
        fleet_key_prefix(api_key, resolved.namespace, resolved.ban_scope)
        client = redis_module.asyncio.Redis.from_url(
            url,
            socket_timeout=resolved.socket_timeout,
            socket_connect_timeout=resolved.connect_timeout,
            retry=Retry(ExponentialBackoff(cap=0.05, base=0.01), 1),
        )
        backend = cls(client, api_key=api_key, options=resolved, clock=clock, sleep=sleep)
        backend._owns_client = True
        return backend

    @property
    def key_prefix(self) -> str:
        """Every Redis key this backend touches starts with this."""
        return self._pump.prefix

    @property
    def gate_key(self) -> str:
        """The Redis key of the ban gate this backend shares with every budget of its ban scope."""
        return fleet_gate_key(self.options.namespace, self.options.ban_scope)

    @property
    def local_mode(self) -> bool:
        """True while Redis is unreachable and the local fallback share is in use."""
        return self._fallback is not None and self._fallback.local_mode

    @property
    def stats(self) -> FleetStats:
        stats = self._pump.stats
        if self._fallback is not None:
            stats.local_grants = self._fallback.local_grants
        return stats

    def __repr__(self) -> str:
        mode = "local fallback" if self.local_mode else "shared"
        return f"RedisBackend(prefix={self.key_prefix!r}, mode={mode!r})"

    async def acquire(
        self,
        buckets: tuple[Bucket, ...],
        weight: int,
        *,
        max_ban_wait: float,
        lane: Lane = Lane.NORMAL,
        reserve: int = 0,
    ) -> Permit:
        return await self._backend.acquire(buckets, weight, max_ban_wait=max_ban_wait, lane=lane, reserve=reserve)

    async def release(self, permit: Permit, *, sent: bool) -> None:
        await self._backend.release(permit, sent=sent)

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        await self._backend.block(buckets, seconds)

    async def ban(
        self, seconds: float | None, *, permit: Permit | None = None, rule: BanRule = DEFAULT_BAN_RULE
    ) -> float:
        return await self._backend.ban(seconds, permit=permit, rule=rule)

    def succeeded(self, permit: Permit | None) -> None:
        self._backend.succeeded(permit)

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        return await self._backend.snapshot(buckets)

    async def aclose(self) -> None:
        """Fail local waiters, write what is pending, stop the pump, and close the Redis client when
        ``from_url`` made it."""
        await self._backend.aclose()
        if self._owns_client:
            await self._redis.aclose()
