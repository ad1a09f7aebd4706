"""Fake 3Commas server: per-key budgets, sliding/fixed windows, blocks, violations, escalating 418 bans."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from threecommas_async._json import loads
from threecommas_async.testing import (
    DEFAULT_BUDGETS,
    Budget,
    FakeKey,
    FakeThreeCommas,
    FixedWindow,
    LimitSettings,
    ManualClock,
    ScaledClock,
    ServerRateLimiter,
)

IP = "127.0.0.1"


def _check(limiter: ServerRateLimiter, clock: ManualClock, method: str = "GET", template: str = "/ver1/bots") -> int:
    return limiter.check("key", IP, method, template, clock()).status


def test_budget_matching() -> None:
    everything, deals, smart = DEFAULT_BUDGETS
    assert everything.applies_to("GET", "/ver1/deals")
    assert everything.applies_to("POST", None)
    assert deals.applies_to("get", "/ver1/deals/{deal_id}/show")
    assert not deals.applies_to("POST", "/ver1/deals/{deal_id}/cancel")
    assert smart.applies_to("GET", "/v2/smart_trades")
    assert not smart.applies_to("POST", "/v2/smart_trades")
    lenient = Budget("all", 100, 60, 300, exclude={("GET", "/ver1/deals")})
    assert not lenient.applies_to("GET", "/ver1/deals")
    assert lenient.scaled(0.01).period == pytest.approx(0.6)


def test_sliding_window_blocks_then_bans_with_escalation() -> None:
    clock = ManualClock(start=0.0)
    limiter = ServerRateLimiter()
    assert all(_check(limiter, clock) == 200 for _ in range(100))
    first = limiter.check("key", IP, "GET", "/ver1/bots", clock())
    assert (first.status, first.during_block, first.until) == (429, False, 300.0)
    clock.advance(1)
    assert limiter.check("key", IP, "GET", "/ver1/bots", clock()).during_block
    assert _check(limiter, clock) == 429
    banned = limiter.check("key", IP, "GET", "/ver1/bots", clock())
    assert (banned.status, banned.new_ban, banned.until) == (418, True, 1 + 120.0)
    clock.advance(60)
    during_ban = limiter.check("other-key", IP, "GET", "/ver1/ping", clock())
    assert (during_ban.status, during_ban.during_ban) == (418, True)
    clock.advance(61)
    assert limiter.ban_until(IP) == 121.0
    assert _check(limiter, clock) == 429
    assert _check(limiter, clock) == 429
    second_ban = limiter.check("key", IP, "GET", "/ver1/bots", clock())
    assert second_ban.status == 418
    assert second_ban.until == pytest.approx(clock() + 240.0)
    assert limiter.ban_count(IP) == 2


def test_ban_duration_is_capped_at_three_days() -> None:
    limiter = ServerRateLimiter()
    durations: list[float] = []
    for _ in range(15):
        now = 10_000_000.0 * (len(durations) + 1)
        durations.append(limiter.ban(IP, now=now) - now)
    assert durations[:3] == [120.0, 240.0, 480.0]
    assert max(durations) == 259_200.0


def test_sliding_window_frees_slots_exactly_one_period_after_each_arrival() -> None:
    clock = ManualClock(start=0.0)
    limiter = ServerRateLimiter(LimitSettings(budgets=(Budget("small", limit=3, period=10.0, block=5.0),)))
    for offset in (0.0, 4.0, 8.0):
        clock.set(offset)
        assert _check(limiter, clock) == 200
    clock.set(9.9)
    assert _check(limiter, clock) == 429
    clock.set(15.0)
    assert [_check(limiter, clock) for _ in range(3)] == [200, 200, 429]


def test_fixed_window_resets_at_period_boundaries() -> None:
    clock = ManualClock(start=0.0)
    limiter = ServerRateLimiter(LimitSettings(budgets=(Budget("small", 3, 10.0, 1.0),), window=FixedWindow))
    clock.set(7.0)
    assert [_check(limiter, clock) for _ in range(3)] == [200, 200, 200]
    clock.set(10.0)
    assert [_check(limiter, clock) for _ in range(3)] == [200, 200, 200]


def test_budgets_are_per_key_and_replaceable() -> None:
    clock = ManualClock(start=0.0)
    limiter = ServerRateLimiter()
    limiter.budgets = [Budget("tiny", limit=1, period=60.0, block=60.0)]
    assert limiter.check("a", IP, "GET", "/ver1/bots", clock()).status == 200
    assert limiter.check("b", IP, "GET", "/ver1/bots", clock()).status == 200
    assert limiter.check("a", IP, "GET", "/ver1/bots", clock()).status == 429
    assert limiter.blocked_until("a", "tiny") == 60.0
    assert limiter.blocked_until("b", "tiny") is None


def test_deals_budget_and_global_budget_both_count() -> None:
    clock = ManualClock(start=0.0)
    limiter = ServerRateLimiter()
    statuses = [_check(limiter, clock, "GET", "/ver1/deals") for _ in range(101)]
    assert statuses.count(200) == 100
    decision = limiter.check("key", IP, "GET", "/ver1/deals", clock())
    assert decision.budget == "all_endpoints"


def test_smart_trades_list_budget_blocks_only_that_endpoint() -> None:
    clock = ManualClock(start=0.0)
    limiter = ServerRateLimiter()
    assert [_check(limiter, clock, "GET", "/v2/smart_trades") for _ in range(40)].count(200) == 40
    over = limiter.check("key", IP, "GET", "/v2/smart_trades", clock())
    assert (over.status, over.budget, over.until) == (429, "smart_trades_list", 10.0)
    assert _check(limiter, clock, "GET", "/ver1/bots") == 200
    clock.advance(10)
    assert _check(limiter, clock, "GET", "/v2/smart_trades") == 200


@pytest.fixture
def manual() -> tuple[FakeThreeCommas, ManualClock, FakeKey]:
    clock = ManualClock()
    fake = FakeThreeCommas(clock=clock)
    fake.seed(seed=2, deals=5, smart_trades=2)
    return fake, clock, fake.add_key()


async def test_http_429_block_and_418_ban_are_counted(manual: tuple[FakeThreeCommas, ManualClock, FakeKey]) -> None:
    fake, clock, key = manual
    async with fake.http_client(key) as client:
        statuses = [(await client.get("/ver1/bots")).status_code for _ in range(101)]
        clock.advance(5)
        during = [(await client.get("/ver1/ping")).status_code for _ in range(3)]
        banned = await client.get("/ver1/ping")
        other = fake.add_key()
        async with fake.http_client(other) as second:
            other_key = await second.get("/ver1/bots")
    assert statuses[:100] == [200] * 100
    assert statuses[100] == 429
    assert during == [429, 429, 418]
    assert banned.status_code == 418
    assert loads(banned.content)["error"] == "ip_banned"
    assert other_key.status_code == 418
    counters = fake.counters
    assert counters.blocks_opened == 1
    assert counters.during_block == 3
    assert counters.during_block_by_key[key.api_key] == 3
    assert counters.during_ban == 2
    assert counters.bans_imposed == 1
    assert counters.by_status[429] == 3
    assert counters.by_status[418] == 3
    assert "retry-after" not in banned.headers
    assert fake.observer.max_in_window(60.0, key=key.api_key, admitted_only=True) == 100


async def test_unsigned_requests_are_limited_by_client_ip(manual: tuple[FakeThreeCommas, ManualClock, FakeKey]) -> None:
    fake, _, _ = manual
    fake.rate_limiter.budgets = [Budget("tiny", limit=2, period=60.0, block=60.0)]
    async with httpx.AsyncClient(transport=fake.transport(), base_url="http://fake/public/api") as client:
        statuses = [(await client.get("/ver1/ping")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


async def test_retry_after_is_sent_in_real_seconds_when_enabled() -> None:
    clock = ManualClock(start=0.0)
    fake = FakeThreeCommas(
        clock=clock,
        time_scale=0.01,
        limits=LimitSettings(budgets=(Budget("tiny", 1, 60.0, 300.0),), send_retry_after=True),
    )
    key = fake.add_key()
    async with fake.http_client(key) as client:
        await client.get("/ver1/ping")
        limited = await client.get("/ver1/ping")
        clock.advance(100)
        later = await client.get("/ver1/ping")
    assert limited.headers["retry-after"] == "3"
    assert later.headers["retry-after"] == "2"


async def test_scaled_time_makes_a_block_last_scaled_real_time() -> None:
    fake = FakeThreeCommas(
        time_scale=0.001, limits=LimitSettings(budgets=(Budget("tiny", limit=2, period=60.0, block=100.0),))
    )
    assert isinstance(fake.clock, ScaledClock)
    key = fake.add_key()
    async with fake.http_client(key) as client:
        assert [(await client.get("/ver1/ping")).status_code for _ in range(3)] == [200, 200, 429]
        started = time.monotonic()
        while (await client.get("/ver1/ping")).status_code != 200:
            await asyncio.sleep(0.01)
            if time.monotonic() - started > 5:
                pytest.fail("the scaled block never ended")
    assert 0.05 <= time.monotonic() - started < 5
