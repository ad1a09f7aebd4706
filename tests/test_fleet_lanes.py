"""Priority lanes and the urgent reserve through the Redis backend (real redis-server, real time, short
windows): two backends stand for two processes."""

from __future__ import annotations

import asyncio
import time

import pytest
import redis.asyncio as aioredis
from redis_server import MakeBackend, RedisServer, fleet_backends, running_redis_server  # noqa: F401 (the redis_server and make_backend fixtures)

from threecommas_async import Bucket
from threecommas_async._ratelimit import Lane, Permit
from threecommas_async._ratelimit._fleet_step import BULK_SHARE
from threecommas_async._ratelimit._redis import RedisBackend

pytestmark = pytest.mark.redis

LIMIT = 10
PERIOD = 0.3
BUCKET = Bucket("global", limit=LIMIT, period=PERIOD)
Order = list[tuple[Lane, int, float]]




async def acquire(backend: RedisBackend, lane: Lane, reserve: int = 0) -> Permit:
    return await backend.acquire((BUCKET,), 1, max_ban_wait=60.0, lane=lane, reserve=reserve)


async def fill(backend: RedisBackend, lane: Lane = Lane.NORMAL, reserve: int = 0) -> int:
    """Take every slot ``lane`` may use, answered at once: they free one period later."""
    taken = 0
    while True:
        try:
            permit = await asyncio.wait_for(acquire(backend, lane, reserve), 0.05)
        except asyncio.TimeoutError:  # not the builtin TimeoutError before Python 3.11
            return taken
        await backend.release(permit, sent=True)
        taken += 1


def waiting(backend: RedisBackend, lane: Lane, count: int, order: Order, reserve: int = 0) -> list[asyncio.Task[None]]:
    async def one(index: int) -> None:
        permit = await acquire(backend, lane, reserve)
        order.append((lane, index, time.monotonic()))
        await backend.release(permit, sent=True)

    return [asyncio.create_task(one(i)) for i in range(count)]


async def stop(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_urgent_requests_of_another_process_go_before_every_waiting_normal_and_bulk_one(
    make_backend: MakeBackend,
) -> None:
    pollers, trader = make_backend(), make_backend()
    await fill(pollers)
    order: Order = []
    tasks = waiting(pollers, Lane.NORMAL, 30, order) + waiting(pollers, Lane.BULK, 30, order)
    await asyncio.sleep(0.05)
    tasks += waiting(trader, Lane.URGENT, 3, order)
    await asyncio.sleep(PERIOD + 0.1)
    # One wave has freed: the urgent calls, which came last, are in it (each process resumes its own
    # grants when its step returns, so the order of resumption across processes says nothing).
    assert len(order) == LIMIT, order
    assert [index for lane, index, _ in order if lane is Lane.URGENT] == [0, 1, 2], order
    await stop(tasks)


async def test_fifo_within_each_lane_and_bulk_gets_its_minimum_share(make_backend: MakeBackend) -> None:
    dashboard, collector = make_backend(), make_backend()
    await fill(dashboard)
    order: Order = []
    tasks = waiting(dashboard, Lane.NORMAL, 200, order) + waiting(collector, Lane.BULK, 200, order)
    await asyncio.sleep(5 * PERIOD + 0.05)
    granted = order[: 5 * LIMIT]
    assert len(granted) == 5 * LIMIT
    bulk = [index for lane, index, _ in granted if lane is Lane.BULK]
    normal = [index for lane, index, _ in granted if lane is Lane.NORMAL]
    assert bulk == sorted(bulk)
    assert normal == sorted(normal)
    assert len(bulk) >= BULK_SHARE * len(granted)
    assert len(normal) > 2 * len(bulk)
    await stop(tasks)


async def test_the_reserve_keeps_slots_for_urgent_calls_only(make_backend: MakeBackend) -> None:
    first, second = make_backend(), make_backend()
    assert await fill(first, Lane.NORMAL, reserve=2) == LIMIT - 2
    assert await fill(second, Lane.BULK, reserve=2) == 0
    assert await fill(second, Lane.URGENT, reserve=2) == 2
    snapshot = await second.snapshot((BUCKET,))
    assert snapshot.bucket("global").used == LIMIT
    assert snapshot.grants_by_lane == {"urgent": 2, "normal": 0, "bulk": 0}
    assert (await first.snapshot((BUCKET,))).grants_by_lane == {"urgent": 0, "normal": LIMIT - 2, "bulk": 0}


async def test_urgent_slots_of_another_process_fill_the_reserve_first(make_backend: MakeBackend) -> None:
    trader, pollers = make_backend(), make_backend()
    await trader.release(await acquire(trader, Lane.URGENT, reserve=2), sent=True)
    assert await fill(pollers, Lane.NORMAL, reserve=2) == LIMIT - 2
    assert await fill(trader, Lane.URGENT, reserve=2) == 1


async def test_an_urgent_call_goes_out_at_once_under_saturation_with_a_reserve(make_backend: MakeBackend) -> None:
    pollers, trader = make_backend(), make_backend()
    order: Order = []
    tasks = waiting(pollers, Lane.NORMAL, 50, order, reserve=1)
    await asyncio.sleep(0.1)
    assert len(order) == LIMIT - 1
    started = time.monotonic()
    permit = await asyncio.wait_for(acquire(trader, Lane.URGENT, reserve=1), PERIOD / 2)
    assert time.monotonic() - started < PERIOD / 2
    await trader.release(permit, sent=True)
    await stop(tasks)


async def test_a_weight_beyond_what_the_lane_may_use_is_refused(make_backend: MakeBackend) -> None:
    backend = make_backend()
    with pytest.raises(ValueError, match="reserved"):
        await backend.acquire((BUCKET,), LIMIT, max_ban_wait=60.0, lane=Lane.NORMAL, reserve=1)


async def test_cancelling_waiters_in_every_lane_leaks_nothing(
    make_backend: MakeBackend, redis_server: RedisServer
) -> None:
    first, second = make_backend(), make_backend()
    await fill(first)
    order: Order = []
    tasks = [task for lane in Lane for task in waiting(first, lane, 10, order) + waiting(second, lane, 10, order)]
    await asyncio.sleep(0.1)
    snapshot = await first.snapshot((BUCKET,))
    assert snapshot.waiters_by_lane == {"urgent": 20, "normal": 20, "bulk": 20}
    await stop(tasks)
    await asyncio.sleep(PERIOD + 0.05)
    snapshot = await second.snapshot((BUCKET,))
    assert snapshot.waiters == 0
    assert snapshot.waiters_by_lane == {"urgent": 0, "normal": 0, "bulk": 0}
    assert snapshot.bucket("global").used == 0
    assert order == []
    raw = aioredis.Redis.from_url(redis_server.url, decode_responses=True)
    try:
        assert [field for field in await raw.hkeys(first.key_prefix + "q") if str(field).startswith("t:")] == []
    finally:
        await raw.aclose()
