"""Fleet state loss against a real redis-server: after FLUSHALL (or a restart) the fleet grants nothing
until one full period has passed, a first start waits too unless told to trust a fresh fleet."""

from __future__ import annotations

import asyncio
import time

import pytest
import redis.asyncio as aioredis
from redis_server import MakeBackend, RedisServer, fleet_backends, running_redis_server  # noqa: F401 (the redis_server and make_backend fixtures)

from threecommas_async import Bucket
from threecommas_async._ratelimit._redis import RedisBackend

pytestmark = pytest.mark.redis

BUCKET = Bucket("global", limit=5, period=1.0)




async def timed_grant(backend: RedisBackend) -> float:
    started = time.monotonic()
    permit = await backend.acquire((BUCKET,), 1, max_ban_wait=60.0)
    await backend.release(permit, sent=True)
    return time.monotonic() - started


async def test_after_flushall_nothing_is_granted_for_one_period(
    make_backend: MakeBackend, redis_server: RedisServer
) -> None:
    first = make_backend(trust_fresh_start=True)
    second = make_backend(trust_fresh_start=True)
    for _ in range(BUCKET.limit):
        assert await timed_grant(first) < 0.5
    await second.snapshot((BUCKET,))
    raw = aioredis.Redis.from_url(redis_server.url)
    try:
        await raw.flushall()
        flushed_at = time.monotonic()
    finally:
        await raw.aclose()
    grants = await asyncio.gather(timed_grant(first), timed_grant(second))
    assert min(grants) >= 0.0
    assert time.monotonic() - flushed_at >= BUCKET.period - 0.02


async def test_a_first_start_waits_one_period_by_default(make_backend: MakeBackend) -> None:
    backend = make_backend(trust_fresh_start=False)
    waited = await timed_grant(backend)
    assert BUCKET.period - 0.02 <= waited < BUCKET.period + 0.5
    assert await timed_grant(backend) < 0.2


async def test_trust_fresh_start_grants_at_once_and_later_processes_join_the_epoch(
    make_backend: MakeBackend,
) -> None:
    assert await timed_grant(make_backend(trust_fresh_start=True)) < 0.2
    assert await timed_grant(make_backend(trust_fresh_start=False)) < 0.2
