"""A fallback around any limiter backend: while the primary cannot be reached, grant from a local
:class:`InMemoryBackend` with every limit scaled by ``share``, and go back once it answers again.

A primary that is :class:`Recoverable` (the fleet pump) is probed cheaply and is handed the slots taken
meanwhile, so the shared budget counts them; any other primary is simply tried again after
``probe_interval``. Blocks and bans go to both sides.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import attrs

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from .._exceptions import RateLimiterUnavailableError
from ._backend import DEFAULT_BAN_RULE, HeldSlot, Lane, LimiterBackend, LimiterSnapshot, Permit
from ._memory import InMemoryBackend
from ._policy import BanRule, Bucket

__all__ = ["FallbackBackend", "Recoverable"]

logger = logging.getLogger("threecommas_async")


@runtime_checkable
class Recoverable(Protocol):
    async def reachable(self) -> bool: ...

    def adopt(self, slots: Sequence[HeldSlot]) -> list[Permit]: ...


@attrs.define(slots=True, eq=False)
class _LocalSlot:
    inner: Permit
    adopted: Permit | None = None


class FallbackBackend:
    """``primary`` while it answers; a local share of every limit while it raises
    :class:`RateLimiterUnavailableError`."""

    def __init__(
        self,
        primary: LimiterBackend,
        *,
        share: float,
        probe_interval: float = 1.0,
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
    ) -> None:
        if not 0.0 < share <= 1.0:
            raise ValueError("fallback_share must be in (0, 1]")
        self.primary = primary
        self._share = share
        self._probe_interval = probe_interval
        self._clock = clock
        self._local = InMemoryBackend(clock=clock, sleep=sleep)
        self._scaled: dict[str, tuple[Bucket, Bucket]] = {}
        self._slots: set[_LocalSlot] = set()
        self._local_mode = False
        self._next_probe = -math.inf
        self.local_grants = 0

    @property
    def local_mode(self) -> bool:
        """True while the primary is unreachable and the local share is in use."""
        return self._local_mode

    async def acquire(
        self,
        buckets: tuple[Bucket, ...],
        weight: int,
        *,
        max_ban_wait: float,
        lane: Lane = Lane.NORMAL,
        reserve: int = 0,
    ) -> Permit:
        if self._local_mode and not await self._primary_is_back():
            return await self._acquire_locally(buckets, weight, max_ban_wait, lane, reserve)
        try:
            return await self.primary.acquire(buckets, weight, max_ban_wait=max_ban_wait, lane=lane, reserve=reserve)
        except RateLimiterUnavailableError:
            self._enter_local_mode()
            return await self._acquire_locally(buckets, weight, max_ban_wait, lane, reserve)

    async def release(self, permit: Permit, *, sent: bool) -> None:
        token = permit.token
        if not isinstance(token, _LocalSlot):
            await self.primary.release(permit, sent=sent)
            return
        if permit.released:
            return
        permit.released = True
        self._slots.discard(token)
        await self._local.release(token.inner, sent=sent)
        if token.adopted is not None:
            await self.primary.release(token.adopted, sent=sent)

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        await self._local.block(self._scaled_all(buckets), seconds)
        await self.primary.block(buckets, seconds)

    async def ban(
        self, seconds: float | None, *, permit: Permit | None = None, rule: BanRule = DEFAULT_BAN_RULE
    ) -> float:
        inner = self._inner(permit)
        if permit is not None and inner is None:
            shared = await self.primary.ban(seconds, permit=permit, rule=rule)
            if shared > 0:
                await self._local.ban(shared, rule=rule)
            return shared
        local = await self._local.ban(seconds, permit=inner, rule=rule)
        shared = await self.primary.ban(seconds, permit=self._outer(permit), rule=rule)
        return max(local, shared) if self._local_mode else shared

    def succeeded(self, permit: Permit | None) -> None:
        """The shared gate hears every success; the local one only those of its own permits (a shared
        permit's generation means nothing to it)."""
        inner = self._inner(permit)
        if permit is None or inner is not None:
            self._local.succeeded(inner)
        self.primary.succeeded(self._outer(permit))

    @staticmethod
    def _inner(permit: Permit | None) -> Permit | None:
        token = permit.token if permit is not None else None
        return token.inner if isinstance(token, _LocalSlot) else None

    @staticmethod
    def _outer(permit: Permit | None) -> Permit | None:
        token = permit.token if permit is not None else None
        return token.adopted if isinstance(token, _LocalSlot) else permit

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        if not self._local_mode:
            try:
                return await self.primary.snapshot(buckets)
            except RateLimiterUnavailableError:
                pass
        return await self._local.snapshot(self._scaled_all(buckets))

    async def aclose(self) -> None:
        await self._local.aclose()
        await self.primary.aclose()

    def _scaled_bucket(self, bucket: Bucket) -> Bucket:
        known = self._scaled.get(bucket.name)
        if known is not None and known[0] == bucket:
            return known[1]
        scaled = attrs.evolve(bucket, limit=max(1, math.floor(bucket.limit * self._share)))
        self._scaled[bucket.name] = (bucket, scaled)
        return scaled

    def _scaled_all(self, buckets: tuple[Bucket, ...]) -> tuple[Bucket, ...]:
        return tuple(self._scaled_bucket(b) for b in buckets)

    def _enter_local_mode(self) -> None:
        if self._local_mode:
            return
        self._local_mode = True
        self._next_probe = self._clock() + self._probe_interval
        logger.warning(
            "shared rate limiter (Redis) unreachable: using %.0f%% of the budget locally until it answers",
            self._share * 100,
        )

    async def _primary_is_back(self) -> bool:
        now = self._clock()
        if now < self._next_probe:
            return False
        self._next_probe = now + self._probe_interval
        if isinstance(self.primary, Recoverable):
            if not await self.primary.reachable():
                return False
            await self._hand_over(self.primary)
        self._local_mode = False
        logger.warning("shared rate limiter (Redis) reachable again: back to the shared budget")
        return True

    async def _hand_over(self, primary: Recoverable) -> None:
        """Give the primary the slots the local side holds, so the shared budget counts them."""
        slots = sorted(self._slots, key=id)
        held = [HeldSlot(self._originals(s.inner.buckets), s.inner.weight, in_flight=True) for s in slots]
        scaled = tuple(pair[1] for pair in self._scaled.values())
        snapshot = await self._local.snapshot(scaled)
        for row in snapshot.buckets:
            lingering = row.used - row.in_flight
            if lingering > 0:
                held.append(HeldSlot(self._originals((self._scaled[row.name][1],)), lingering, in_flight=False))
        for slot, permit in zip(slots, primary.adopt(held), strict=False):
            slot.adopted = permit

    def _originals(self, scaled: tuple[Bucket, ...]) -> tuple[Bucket, ...]:
        return tuple(self._scaled[b.name][0] for b in scaled)

    async def _acquire_locally(
        self, buckets: tuple[Bucket, ...], weight: int, max_ban_wait: float, lane: Lane, reserve: int
    ) -> Permit:
        """The local share keeps the reserve scaled like the limits (at most all but one slot)."""
        scaled = self._scaled_all(buckets)
        local_reserve = min([math.floor(reserve * self._share), *(b.limit - 1 for b in scaled)])
        headroom = 0 if lane is Lane.URGENT else local_reserve
        local_weight = min([weight, *(b.limit - headroom for b in scaled)])
        inner = await self._local.acquire(
            scaled, local_weight, max_ban_wait=max_ban_wait, lane=lane, reserve=local_reserve
        )
        if not self._local_mode:
            await self._local.release(inner, sent=False)
            return await self.acquire(buckets, weight, max_ban_wait=max_ban_wait, lane=lane, reserve=reserve)
        slot = _LocalSlot(inner)
        self._slots.add(slot)
        self.local_grants += 1
        return Permit(buckets=buckets, weight=weight, waited=inner.waited, token=slot, lane=lane)
