"""The fallback wrapper passes lanes and the reserve to the shared backend, and keeps a scaled reserve in its
local share while the shared backend is unreachable (virtual clock, no Redis)."""

from __future__ import annotations

import asyncio
from typing import Any

from threecommas_async import Bucket, RateLimiterUnavailableError, VirtualClock
from threecommas_async._ratelimit import Lane, LimiterSnapshot, Permit
from threecommas_async._ratelimit._fallback import FallbackBackend

BUCKET = Bucket("global", limit=10, period=60.0)


class Primary:
    """A shared backend that records what it is asked, and is unreachable while ``down``."""

    def __init__(self) -> None:
        self.down = False
        self.asked: list[tuple[Lane, int]] = []

    async def acquire(
        self,
        buckets: tuple[Bucket, ...],
        weight: int,
        *,
        max_ban_wait: float,
        lane: Lane = Lane.NORMAL,
        reserve: int = 0,
    ) -> Permit:
        if self.down:
            raise RateLimiterUnavailableError("down")
        self.asked.append((lane, reserve))
        return Permit(buckets, weight, lane=lane)

    async def release(self, permit: Permit, *, sent: bool) -> None:
        return None

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        return None

    async def ban(self, seconds: float | None, **kwargs: Any) -> float:
        return 0.0

    def succeeded(self, permit: Permit | None) -> None:
        return None

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot:
        raise RateLimiterUnavailableError("down")

    async def aclose(self) -> None:
        return None


async def granted_now(backend: FallbackBackend, lane: Lane, reserve: int) -> int:
    count = 0
    while True:
        task = asyncio.ensure_future(backend.acquire((BUCKET,), 1, max_ban_wait=60.0, lane=lane, reserve=reserve))
        for _ in range(3):
            await asyncio.sleep(0)
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            return count
        count += 1


async def test_lanes_and_the_reserve_reach_the_shared_backend() -> None:
    clock = VirtualClock()
    primary = Primary()
    backend = FallbackBackend(primary, share=0.5, clock=clock, sleep=clock.sleep)
    permit = await backend.acquire((BUCKET,), 1, max_ban_wait=60.0, lane=Lane.BULK, reserve=3)
    assert permit.lane is Lane.BULK
    assert primary.asked == [(Lane.BULK, 3)]


async def test_the_local_share_keeps_a_scaled_reserve_for_urgent_calls() -> None:
    clock = VirtualClock()
    primary = Primary()
    primary.down = True
    backend = FallbackBackend(primary, share=0.5, clock=clock, sleep=clock.sleep)
    assert await granted_now(backend, Lane.NORMAL, reserve=4) == 3
    assert backend.local_mode
    assert await granted_now(backend, Lane.URGENT, reserve=4) == 2
    snapshot = await backend.snapshot((BUCKET,))
    assert snapshot.grants_by_lane == {"urgent": 2, "normal": 3, "bulk": 0}
    await backend.aclose()
