"""The in-memory limiter on a virtual clock: budgets, order, blocks, the ban gate, cancellation."""

from __future__ import annotations

import asyncio
import bisect

import pytest

from threecommas_async import (
    Bucket,
    InMemoryBackend,
    IPBannedError,
    RateLimiter,
    RateLimitPolicy,
    VirtualClock,
    default_policy,
)


def make_limiter(clock: VirtualClock, *buckets: Bucket, max_ban_wait: float = 300.0) -> RateLimiter:
    policy = RateLimitPolicy(buckets=buckets or (Bucket("global", limit=100, period=60.0, block_seconds=300.0),))
    return RateLimiter(policy, InMemoryBackend(clock=clock, sleep=clock.sleep), clock=clock, max_ban_wait=max_ban_wait)


def max_in_any_window(times: list[float], period: float) -> int:
    ordered = sorted(times)
    return max(
        (bisect.bisect_left(ordered, t + period) - i for i, t in enumerate(ordered)),
        default=0,
    )


async def test_thousand_tasks_are_granted_in_arrival_order_and_never_over_the_limit() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=100, period=60.0))
    grants: list[tuple[int, float]] = []
    latency = 0.25

    async def call(index: int) -> None:
        permit = await limiter.acquire("GET", "/ver1/bots")
        grants.append((index, clock()))
        await clock.sleep(latency)
        await limiter.release(permit)

    tasks = [asyncio.create_task(call(i)) for i in range(1000)]
    await clock.run()
    await asyncio.gather(*tasks)

    assert [index for index, _ in grants] == list(range(1000))
    times = [t for _, t in grants]
    assert max_in_any_window(times, 60.0) == 100
    assert times[99] == 0.0
    assert times[100] == pytest.approx(60.0 + latency)
    assert clock() < 10 * (60.0 + latency) + 1


async def test_slot_is_freed_one_period_after_the_response_not_after_the_send() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=1, period=10.0))
    permit = await limiter.acquire("GET", "/x")
    await clock.advance(3.0)
    await limiter.release(permit)
    second = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.advance(9.99)
    assert not second.done()
    await clock.advance(0.02)
    assert second.done()
    assert clock() == pytest.approx(13.01)


async def test_request_not_sent_gives_its_slot_back_at_once() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=1, period=10.0))
    permit = await limiter.acquire("GET", "/x")
    waiter = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.settle()
    await limiter.release(permit, sent=False)
    await clock.settle()
    assert waiter.done()


async def test_no_burst_beyond_the_budget_at_start() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=5, period=1.0))
    permits = [await limiter.acquire("GET", "/x") for _ in range(5)]
    sixth = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.settle()
    assert not sixth.done()
    for permit in permits:
        await limiter.release(permit)
    await clock.advance(1.0)
    assert sixth.done()


async def test_heavy_waiter_is_not_starved_by_light_ones() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=10, period=1.0))
    first = [await limiter.acquire("GET", "/x") for _ in range(8)]
    order: list[str] = []

    async def take(label: str, weight: int) -> None:
        permit = await limiter.acquire("GET", "/x", weight=weight)
        order.append(label)
        await limiter.release(permit)

    heavy = asyncio.create_task(take("heavy", 10))
    await clock.settle()
    light = [asyncio.create_task(take(f"light{i}", 1)) for i in range(3)]
    await clock.settle()
    assert order == []
    for permit in first:
        await limiter.release(permit)
    await clock.run()
    await asyncio.gather(heavy, *light)
    assert order[0] == "heavy"


async def test_waiter_on_a_narrow_bucket_does_not_hold_up_others() -> None:
    clock = VirtualClock()
    policy = default_policy()
    limiter = RateLimiter(policy, InMemoryBackend(clock=clock, sleep=clock.sleep), clock=clock)
    for _ in range(40):
        await limiter.release(await limiter.acquire("GET", "/v2/smart_trades"))
    stuck = asyncio.create_task(limiter.acquire("GET", "/v2/smart_trades"))
    await clock.settle()
    other = asyncio.create_task(limiter.acquire("GET", "/ver1/bots"))
    await clock.settle()
    assert other.done()
    assert not stuck.done()
    await clock.advance(10.0)
    assert stuck.done()


async def test_block_window_stops_every_waiter_until_it_ends() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=100, period=60.0, block_seconds=300.0))
    permit = await limiter.acquire("GET", "/x")
    await limiter.release(permit)
    blocked_for = await limiter.rate_limited(permit, retry_after=None)
    assert blocked_for == 300.0
    waiters = [asyncio.create_task(limiter.acquire("GET", "/x")) for _ in range(50)]
    await clock.advance(299.0)
    assert not any(w.done() for w in waiters)
    snapshot = await limiter.snapshot()
    assert snapshot.waiters == 50
    assert snapshot.bucket("global").blocked_for == pytest.approx(1.0)
    await clock.advance(1.0)
    assert all(w.done() for w in waiters)


async def test_retry_after_overrides_the_policy_block() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=10, period=60.0, block_seconds=300.0))
    permit = await limiter.acquire("GET", "/x")
    assert await limiter.rate_limited(permit, retry_after=7.0) == 7.0
    waiter = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.advance(6.9)
    assert not waiter.done()
    await clock.advance(0.1)
    assert waiter.done()


async def test_ban_gate_holds_everything_and_short_bans_are_waited_out() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, max_ban_wait=200.0)
    assert await limiter.banned(None, retry_after=None) == 120.0
    waiter = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.advance(119.0)
    assert not waiter.done()
    await clock.advance(1.0)
    assert waiter.done()


async def test_long_ban_raises_with_retry_at_and_escalates() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, max_ban_wait=150.0)
    await limiter.banned(None, retry_after=None)
    waiter = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.settle()
    assert await limiter.banned(None, retry_after=None) == 240.0
    await clock.settle()
    with pytest.raises(IPBannedError) as caught:
        await waiter
    assert caught.value.local
    assert caught.value.retry_at is not None
    with pytest.raises(IPBannedError):
        await limiter.acquire("GET", "/x")
    limiter.succeeded()
    await clock.advance(240.0)
    assert await limiter.banned(None, retry_after=None) == 120.0


async def test_cancelled_waiter_leaves_no_trace() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=1, period=1.0))
    permit = await limiter.acquire("GET", "/x")
    cancelled = asyncio.create_task(limiter.acquire("GET", "/x"))
    behind = asyncio.create_task(limiter.acquire("GET", "/x"))
    await clock.settle()
    cancelled.cancel()
    await limiter.release(permit)
    await clock.advance(1.0)
    assert behind.done()
    assert cancelled.cancelled()
    snapshot = await limiter.snapshot()
    assert snapshot.bucket("global").used == 1


async def test_waiting_uses_one_timer_not_polling() -> None:
    clock = VirtualClock()
    limiter = make_limiter(clock, Bucket("global", limit=10, period=60.0))
    for _ in range(10):
        await limiter.release(await limiter.acquire("GET", "/x"))
    waiters = [asyncio.create_task(limiter.acquire("GET", "/x")) for _ in range(1000)]
    await clock.settle()
    assert clock.sleepers == 1
    await clock.advance(59.0)
    assert clock.sleepers == 1
    assert not any(w.done() for w in waiters)
    for w in waiters:
        w.cancel()
    await clock.settle()


def test_policy_matches_templates_and_concrete_paths() -> None:
    policy = default_policy()

    def names(method: str, path: str) -> list[str]:
        return [b.name for b in policy.resolve(method, path)[0]]

    assert names("GET", "/ver1/deals") == ["global", "deals"]
    assert names("GET", "/ver1/deals/{deal_id}/show") == ["global", "deals"]
    assert names("GET", "/ver1/deals/42/show") == ["global", "deals"]
    assert names("POST", "/ver1/deals/42/cancel") == ["global"]
    assert names("GET", "/v2/smart_trades") == ["global", "smart_trades_list"]
    assert names("GET", "/v2/smart_trades/7") == ["global"]
    scaled = policy.scaled(0.01)
    assert scaled.buckets[0].period == pytest.approx(0.6)
    assert scaled.buckets[0].block_seconds == pytest.approx(3.0)


def test_policy_weights_are_data() -> None:
    policy = RateLimitPolicy(buckets=(Bucket("global", limit=10, period=1.0),), weights={"POST /v2/*": 3})
    assert policy.resolve("POST", "/v2/smart_trades")[1] == 3
    assert policy.resolve("GET", "/v2/smart_trades")[1] == 1
    with pytest.raises(ValueError, match="unique"):
        RateLimitPolicy(buckets=(Bucket("a", limit=1, period=1.0), Bucket("a", limit=2, period=1.0)))
