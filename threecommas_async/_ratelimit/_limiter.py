"""RateLimiter: the policy plus a backend, as the send loop uses it.

It resolves which buckets a request falls in, asks the backend for the weight, and turns server
signals into limiter state: a 429 opens the block window of every bucket the request falls in (the
server does not say which limit tripped, so all of them: the safe side of a ban), a 418 closes the ban
gate, a circuit breaker kept by the backend (``_gate``): once per ban event, for an escalating time
unless the server says how long, then half-open for one probe.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import attrs

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from ._backend import Lane, LimiterBackend, LimiterSnapshot, Permit
from ._ipgate import IPBanGate
from ._memory import InMemoryBackend
from ._policy import RateLimitPolicy

__all__ = ["Attempt", "Outcome", "RateLimiter"]


class Outcome(enum.Enum):
    """What an attempt's answer tells the limiter."""

    OK = "ok"
    RATE_LIMITED = "rate_limited"
    BANNED = "banned"


@attrs.define(slots=True, eq=False)
class Attempt:
    """One attempt's hold on the budget, as the send loop sees it inside ``RateLimiter.attempt``.

    The send loop sets ``sent`` (False only when the request provably never left), ``outcome`` and
    ``retry_after``; on leaving the block the limiter acts on them and fills ``blocked_for`` (a 429)
    or ``ban_seconds`` (a 418).
    """

    permit: Permit
    sent: bool = True
    outcome: Outcome | None = None
    retry_after: float | None = None
    blocked_for: float | None = None
    ban_seconds: float | None = None


class RateLimiter:
    """Grants request weight under ``policy`` through ``backend`` (in-memory unless given, obeying
    ``ban_gate``: a gate of its own unless given, and capping normal and bulk requests in flight at
    ``max_in_flight``: see ``caps_in_flight``).

    ``max_ban_wait``: a caller waits out a ban of at most this many seconds; a longer one raises
    :class:`IPBannedError` with ``retry_at`` at once, without sending.
    """

    def __init__(
        self,
        policy: RateLimitPolicy,
        backend: LimiterBackend | None = None,
        *,
        max_ban_wait: float = 300.0,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
        ban_gate: IPBanGate | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        self.policy = policy
        self.backend: LimiterBackend = (
            backend
            if backend is not None
            else InMemoryBackend(clock=clock, sleep=sleep, ban_gate=ban_gate, max_in_flight=max_in_flight)
        )
        self.caps_in_flight = backend is None and max_in_flight is not None
        """Whether grants already honour the in-flight cap (the send loop then applies none of its own)."""
        self.max_ban_wait = max_ban_wait

    async def acquire(
        self, method: str, path: str, *, weight: int | None = None, lane: Lane = Lane.NORMAL
    ) -> Permit:
        buckets, default_weight = self.policy.resolve(method, path)
        return await self.backend.acquire(
            buckets,
            default_weight if weight is None else weight,
            max_ban_wait=self.max_ban_wait,
            lane=lane,
            reserve=self.policy.urgent_reserve,
        )

    @asynccontextmanager
    async def attempt(
        self, method: str, path: str, *, weight: int | None = None, lane: Lane = Lane.NORMAL
    ) -> AsyncIterator[Attempt]:
        """Hold budget for one attempt in ``lane``; on exit release it and act on what the attempt reported."""
        attempt = Attempt(await self.acquire(method, path, weight=weight, lane=lane))
        try:
            yield attempt
        finally:
            await self.release(attempt.permit, sent=attempt.sent)
        if attempt.outcome is Outcome.OK:
            self.succeeded(attempt.permit)
        elif attempt.outcome is Outcome.RATE_LIMITED:
            attempt.blocked_for = await self.rate_limited(attempt.permit, attempt.retry_after)
        elif attempt.outcome is Outcome.BANNED:
            attempt.ban_seconds = await self.banned(attempt.permit, attempt.retry_after)

    async def release(self, permit: Permit, *, sent: bool = True) -> None:
        await self.backend.release(permit, sent=sent)

    async def rate_limited(self, permit: Permit, retry_after: float | None) -> float:
        """Open the block windows for a 429 on ``permit``'s request; returns the longest block opened."""
        if retry_after is not None:
            await self.backend.block(permit.buckets, retry_after)
            return retry_after
        for bucket in permit.buckets:
            await self.backend.block((bucket,), bucket.block_seconds)
        return max((bucket.block_seconds for bucket in permit.buckets), default=0.0)

    async def banned(self, permit: Permit | None = None, retry_after: float | None = None) -> float:
        """A 418 on ``permit``'s request: close the ban gate unless this 418 belongs to the ban event that
        closed it already (``permit`` None: always a new event); returns the seconds it stays closed."""
        return await self.backend.ban(retry_after, permit=permit, rule=self.policy.ban_rule)

    def succeeded(self, permit: Permit | None = None) -> None:
        """A request got through: a half-open ban gate opens and the next ban starts from the shortest
        length again (a permit granted before the gate last closed changes nothing)."""
        self.backend.succeeded(permit)

    async def snapshot(self) -> LimiterSnapshot:
        return await self.backend.snapshot(self.policy.buckets)

    async def aclose(self) -> None:
        await self.backend.aclose()
