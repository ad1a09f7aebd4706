"""The in-flight cap kept by the in-memory limiter: normal and bulk permits wait for a connection in their
lanes (urgent ones pass), and a request waiting for a connection holds no slot of the budget."""

from __future__ import annotations

import asyncio

import httpx

from threecommas_async import Bucket, InMemoryBackend, RateLimiter, RateLimitPolicy, ThreeCommas, VirtualClock
from threecommas_async._ratelimit import Lane, Permit

POLICY = RateLimitPolicy(buckets=(Bucket("global", limit=100, period=60.0, block_seconds=300.0),))


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


def capped(clock: VirtualClock, cap: int) -> RateLimiter:
    return RateLimiter(POLICY, clock=clock, sleep=clock.sleep, max_in_flight=cap)


async def test_normal_permits_past_the_cap_wait_for_a_release_and_take_no_slot_meanwhile() -> None:
    clock = VirtualClock()
    limiter = capped(clock, 2)
    first = await limiter.acquire("GET", "/x")
    second = await limiter.acquire("GET", "/x")
    third = asyncio.ensure_future(limiter.acquire("GET", "/x"))
    await settle()
    assert not third.done()
    assert (await limiter.snapshot()).bucket("global").used == 2
    await limiter.release(first)
    await settle()
    assert third.done()
    await limiter.release(second)
    await limiter.release(third.result())


async def test_urgent_permits_pass_the_cap() -> None:
    clock = VirtualClock()
    limiter = capped(clock, 1)
    held = await limiter.acquire("GET", "/x")
    urgent = await asyncio.wait_for(limiter.acquire("POST", "/y", lane=Lane.URGENT), 1.0)
    assert urgent.lane is Lane.URGENT
    await limiter.release(urgent)
    await limiter.release(held)


async def test_a_freed_connection_goes_by_lane_not_by_arrival() -> None:
    """Bulk is owed the first grant (its minimum share), then normal goes first although a bulk came before."""
    clock = VirtualClock()
    limiter = capped(clock, 1)
    held = await limiter.acquire("GET", "/x")
    order: list[Lane] = []

    async def one(lane: Lane) -> None:
        permit: Permit = await limiter.acquire("GET", "/x", lane=lane)
        order.append(lane)
        await limiter.release(permit)

    tasks = []
    for lane in (Lane.BULK, Lane.BULK, Lane.NORMAL):
        tasks.append(asyncio.ensure_future(one(lane)))
        await settle()
    await limiter.release(held)
    await asyncio.gather(*tasks)
    assert order == [Lane.BULK, Lane.NORMAL, Lane.BULK]


async def test_a_client_holds_no_budget_for_requests_that_wait_for_a_connection() -> None:
    clock = VirtualClock()
    release = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return httpx.Response(200, json={"ok": True})

    async with ThreeCommas(
        "key",
        "secret",
        transport=httpx.MockTransport(slow),
        rate_limit=POLICY,
        max_in_flight=2,
        clock=clock,
        sleep=clock.sleep,
    ) as client:
        calls = [asyncio.ensure_future(client.request("GET", "/ver1/accounts")) for _ in range(6)]
        await settle()
        snapshot = await client.rate_limit_snapshot()
        assert snapshot is not None
        assert snapshot.bucket("global").used == 2
        assert snapshot.waiters == 4
        release.set()
        await asyncio.gather(*calls)
        after = await client.rate_limit_snapshot()
        assert after is not None
        assert after.bucket("global").used == 6


async def test_a_limiter_over_a_backend_given_leaves_the_cap_to_the_send_loop() -> None:
    clock = VirtualClock()
    limiter = RateLimiter(POLICY, InMemoryBackend(clock=clock), max_in_flight=2)
    assert not limiter.caps_in_flight
    assert capped(clock, 2).caps_in_flight
