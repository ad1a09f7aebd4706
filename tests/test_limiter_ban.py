"""The ban gate as a circuit breaker (in-memory backend, virtual clock): one escalation per ban event,
a half-open gate that lets exactly one probe out, and a success that opens it and resets escalation."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx

from threecommas_async import (
    Bucket,
    InMemoryBackend,
    IPBannedError,
    RateLimiter,
    RateLimitPolicy,
    ThreeCommas,
    VirtualClock,
    default_policy,
)
from threecommas_async._ratelimit import Permit

BASE = "https://api.3commas.io/public/api"


def make_limiter(clock: VirtualClock, *, max_ban_wait: float = 1000.0) -> RateLimiter:
    policy = RateLimitPolicy(buckets=(Bucket("global", limit=100, period=60.0, block_seconds=300.0),))
    return RateLimiter(policy, InMemoryBackend(clock=clock, sleep=clock.sleep), max_ban_wait=max_ban_wait)


def waiting(count: int, limiter: RateLimiter) -> list[asyncio.Task[Permit]]:
    return [asyncio.create_task(limiter.acquire("GET", "/x")) for _ in range(count)]


async def test_twenty_concurrent_418s_leave_the_base_ban() -> None:
    clock = VirtualClock()
    arrived: list[httpx.Request] = []
    all_in = asyncio.Event()

    async def banned(request: httpx.Request) -> httpx.Response:
        arrived.append(request)
        if len(arrived) == 20:
            all_in.set()
        await all_in.wait()
        return httpx.Response(418, json={"error": "ip_banned"})

    async with respx.mock(base_url=BASE) as router:
        router.get("/ver1/accounts").mock(side_effect=banned)
        client = ThreeCommas(
            "k", "s3cret", rate_limit=default_policy(), max_ban_wait=60.0, clock=clock, sleep=clock.sleep
        )
        async with client:
            results = await asyncio.gather(
                *(client.request("GET", "/ver1/accounts") for _ in range(20)), return_exceptions=True
            )
            assert all(isinstance(result, IPBannedError) for result in results)
            snapshot = await client.rate_limit_snapshot()
    assert snapshot is not None
    assert snapshot.banned_for == 120.0
    assert len(arrived) == 20


async def test_418s_of_requests_granted_before_the_gate_closed_do_not_escalate() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    permits = [await limiter.acquire("GET", "/x") for _ in range(5)]
    lengths = [await limiter.banned(permit, None) for permit in permits]
    assert lengths == [120.0] * 5
    await clock.advance(10.0)
    assert await limiter.banned(permits[0], 300.0) == 300.0
    assert (await limiter.snapshot()).banned_for == 300.0


async def test_half_open_gate_lets_exactly_one_probe_out_and_a_418_on_it_escalates() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await limiter.banned(await limiter.acquire("GET", "/x"), None)
    tasks = waiting(5, limiter)
    await clock.advance(119.0)
    assert not any(task.done() for task in tasks)
    await clock.advance(1.0)
    probes = [task for task in tasks if task.done()]
    assert len(probes) == 1
    probe = probes[0].result()
    assert probe.probe
    await limiter.release(probe)
    assert await limiter.banned(probe, None) == 240.0
    await clock.settle()
    assert sum(task.done() for task in tasks) == 1
    await clock.advance(240.0)
    assert sum(task.done() for task in tasks) == 2


async def test_success_on_the_probe_opens_the_gate_and_resets_escalation() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await limiter.banned(await limiter.acquire("GET", "/x"), None)
    tasks = waiting(5, limiter)
    await clock.advance(120.0)
    probe = next(task for task in tasks if task.done()).result()
    await limiter.release(probe)
    limiter.succeeded(probe)
    await clock.settle()
    assert all(task.done() for task in tasks)
    fresh = tasks[-1].result()
    assert not fresh.probe
    assert await limiter.banned(fresh, None) == 120.0


async def test_a_probe_that_never_left_hands_the_probe_to_the_next_waiter() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await limiter.banned(None, 10.0)
    tasks = waiting(3, limiter)
    await clock.advance(10.0)
    first = next(task for task in tasks if task.done()).result()
    await limiter.release(first, sent=False)
    await clock.settle()
    assert sum(task.done() for task in tasks) == 2


async def test_a_probe_answered_without_a_verdict_lets_one_more_probe_out() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock)
    await limiter.banned(None, 10.0)
    tasks = waiting(3, limiter)
    await clock.advance(10.0)
    first = next(task for task in tasks if task.done()).result()
    await limiter.release(first, sent=True)
    assert sum(task.done() for task in tasks) == 1
    await clock.settle()
    assert sum(task.done() for task in tasks) == 2


async def test_success_of_a_request_granted_before_the_ban_does_not_open_the_gate() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, max_ban_wait=50.0)
    early = await limiter.acquire("GET", "/x")
    await limiter.banned(None, None)
    limiter.succeeded(early)
    with pytest.raises(IPBannedError):
        await limiter.acquire("GET", "/x")
    await clock.advance(120.0)
    assert await limiter.banned(None, None) == 240.0
