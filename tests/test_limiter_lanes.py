"""Priority lanes in the in-memory limiter (virtual clock): urgent first, bulk's minimum share, FIFO within a
lane, the urgent reserve, cancellation; and the send loop's choice of lane."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from threecommas_async import Bucket, InMemoryBackend, RateLimiter, RateLimitPolicy, ThreeCommas, VirtualClock
from threecommas_async._ratelimit import Lane, Permit
from threecommas_async._ratelimit._memory import BULK_SHARE

LIMIT = 10
PERIOD = 60.0


def make_limiter(clock: VirtualClock, reserve: int = 0) -> RateLimiter:
    policy = RateLimitPolicy(
        buckets=(Bucket("global", limit=LIMIT, period=PERIOD, block_seconds=300.0),), urgent_reserve=reserve
    )
    return RateLimiter(policy, InMemoryBackend(clock=clock, sleep=clock.sleep))


async def fill(limiter: RateLimiter, lane: Lane = Lane.NORMAL) -> list[Permit]:
    """Take the whole window and release it at once: it frees one period later."""
    permits = []
    while True:
        task = asyncio.ensure_future(limiter.acquire("GET", "/x", lane=lane))
        await asyncio.sleep(0)
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            break
        permits.append(task.result())
    for permit in permits:
        await limiter.release(permit)
    return permits


def waiting(limiter: RateLimiter, lane: Lane, count: int, order: list[tuple[Lane, int]]) -> list[asyncio.Task[None]]:
    async def one(index: int) -> None:
        permit = await limiter.acquire("GET", "/x", lane=lane)
        order.append((lane, index))
        await limiter.release(permit)

    return [asyncio.ensure_future(one(i)) for i in range(count)]


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_a_waiting_urgent_request_goes_before_every_normal_and_bulk_one() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await fill(limiter)
    order: list[tuple[Lane, int]] = []
    tasks = waiting(limiter, Lane.NORMAL, 30, order) + waiting(limiter, Lane.BULK, 30, order)
    await settle()
    tasks += waiting(limiter, Lane.URGENT, 3, order)
    await settle()
    await clock.advance(PERIOD)
    await settle()
    assert order[:3] == [(Lane.URGENT, 0), (Lane.URGENT, 1), (Lane.URGENT, 2)]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_fifo_within_each_lane_and_bulk_gets_its_minimum_share() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await fill(limiter)
    order: list[tuple[Lane, int]] = []
    tasks = waiting(limiter, Lane.NORMAL, 200, order) + waiting(limiter, Lane.BULK, 200, order)
    await settle()
    for _ in range(10):
        await clock.advance(PERIOD)
        await settle()
    granted = order[:100]
    assert len(granted) == 100
    bulk = [index for lane, index in granted if lane is Lane.BULK]
    normal = [index for lane, index in granted if lane is Lane.NORMAL]
    assert bulk == sorted(bulk)
    assert normal == sorted(normal)
    assert len(bulk) >= BULK_SHARE * len(granted)
    assert len(normal) > len(bulk)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_bulk_alone_uses_the_whole_budget() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    order: list[tuple[Lane, int]] = []
    tasks = waiting(limiter, Lane.BULK, LIMIT, order)
    await settle()
    assert len(order) == LIMIT
    await asyncio.gather(*tasks)


async def test_the_reserve_keeps_slots_for_urgent_calls_only() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, reserve=2)
    normal = await fill(limiter, Lane.NORMAL)
    assert len(normal) == LIMIT - 2
    urgent = await fill(limiter, Lane.URGENT)
    assert len(urgent) == 2
    snapshot = await limiter.snapshot()
    assert snapshot.grants_by_lane == {"urgent": 2, "normal": LIMIT - 2, "bulk": 0}


async def test_urgent_slots_fill_the_reserve_first_so_the_other_lanes_keep_limit_less_reserve() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, reserve=2)
    urgent = await fill(limiter, Lane.URGENT)
    assert len(urgent) == LIMIT
    await clock.advance(PERIOD)
    first = await limiter.acquire("POST", "/order", lane=Lane.URGENT)
    await limiter.release(first)
    assert len(await fill(limiter, Lane.NORMAL)) == LIMIT - 2
    assert len(await fill(limiter, Lane.URGENT)) == 1


async def test_an_urgent_call_goes_out_at_once_under_saturation_with_a_reserve() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, reserve=1)
    order: list[tuple[Lane, int]] = []
    tasks = waiting(limiter, Lane.NORMAL, 50, order)
    await settle()
    assert len(order) == LIMIT - 1
    urgent = asyncio.ensure_future(limiter.acquire("POST", "/order", lane=Lane.URGENT))
    await settle()
    assert urgent.done()
    await limiter.release(urgent.result())
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_cancelling_waiters_in_every_lane_leaks_nothing() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await fill(limiter)
    order: list[tuple[Lane, int]] = []
    tasks = [task for lane in Lane for task in waiting(limiter, lane, 20, order)]
    await settle()
    snapshot = await limiter.snapshot()
    assert snapshot.waiters_by_lane == {"urgent": 20, "normal": 20, "bulk": 20}
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await clock.advance(PERIOD)
    snapshot = await limiter.snapshot()
    assert snapshot.waiters == 0
    assert snapshot.bucket("global").used == 0
    assert order == []


def lane_spying_client(answer: object) -> tuple[ThreeCommas, list[Lane]]:
    """A client answered ``answer`` whose limiter records the lane of every request it is asked for."""
    clock = VirtualClock()
    lanes: list[Lane] = []
    client = ThreeCommas(
        "lane-key", "lane-secret", transport=httpx.MockTransport(lambda r: httpx.Response(200, json=answer)),
        clock=clock, sleep=clock.sleep,
    )
    limiter = client.limiter
    assert limiter is not None
    original = limiter.backend.acquire

    async def spy(*args: object, lane: Lane = Lane.NORMAL, **kwargs: object) -> Permit:
        lanes.append(lane)
        return await original(*args, lane=lane, **kwargs)  # type: ignore[arg-type]

    limiter.backend.acquire = spy  # type: ignore[method-assign]
    return client, lanes


def test_a_reserve_as_large_as_a_bucket_is_refused() -> None:
    with pytest.raises(ValueError, match="urgent_reserve"):
        RateLimitPolicy(buckets=(Bucket("global", limit=5, period=1.0),), urgent_reserve=5)


@pytest.mark.parametrize(
    ("method", "path", "priority", "expected"),
    [
        ("GET", "/ver1/accounts", None, Lane.NORMAL),
        ("POST", "/ver1/deals/1/panic_sell", None, Lane.URGENT),
        ("GET", "/ver1/deals", "bulk", Lane.BULK),
        ("POST", "/ver1/bots/1/enable", "normal", Lane.NORMAL),
    ],
)
async def test_the_send_loop_puts_each_call_in_its_lane(
    method: str, path: str, priority: str | None, expected: Lane
) -> None:
    client, lanes = lane_spying_client({})
    view = client.with_options(priority=priority) if priority else client  # type: ignore[arg-type]
    await view.request(method, path)
    assert lanes == [expected]


async def test_a_paginator_priority_reaches_the_limiter() -> None:
    client, lanes = lane_spying_client([])
    assert [deal async for deal in client.deals.iterate(priority="bulk")] == []
    assert lanes == [Lane.BULK]


async def test_urgent_calls_pass_the_in_flight_cap() -> None:
    clock = VirtualClock()
    release = asyncio.Event()
    seen: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        if request.method == "GET":
            await release.wait()
        return httpx.Response(200, json={})

    client = ThreeCommas(
        "lane-key", "lane-secret", transport=httpx.MockTransport(handler), max_in_flight=1,
        clock=clock, sleep=clock.sleep,
    )
    reads = [asyncio.ensure_future(client.request("GET", f"/ver1/accounts/{i}")) for i in range(3)]
    await settle()
    order = asyncio.ensure_future(client.request("POST", "/ver1/deals/1/panic_sell"))
    await settle()
    assert order.done()
    assert seen == ["/public/api/ver1/accounts/0", "/public/api/ver1/deals/1/panic_sell"]
    release.set()
    await asyncio.gather(*reads)
