"""Many keys on one IP: each with its own budget, one 418 ban for all; a log that measures waits per request."""

from __future__ import annotations

import asyncio

import pytest

from threecommas_async import ThreeCommas, default_policy
from threecommas_async.testing import Budget, FakeKey, FakeThreeCommas, LimitSettings, ManualClock

SMALL = (Budget("small_plan", limit=3, period=10.0, block=5.0),)


pytestmark = pytest.mark.fake(
    seed=2, deals=5, smart_trades=1, limits=LimitSettings(violations_to_ban=2, ban_initial=30.0)
)


@pytest.fixture
def clock(fake: FakeThreeCommas) -> ManualClock:
    assert isinstance(fake.clock, ManualClock)
    return fake.clock


async def _statuses(fake: FakeThreeCommas, key: FakeKey, count: int, path: str = "/ver1/accounts") -> list[int]:
    async with fake.http_client(key) as client:
        return [(await client.get(path)).status_code for _ in range(count)]


async def test_each_key_spends_its_own_budget(fake: FakeThreeCommas) -> None:
    small = fake.add_key(budgets=SMALL)
    default = fake.add_key()
    assert small.budgets == SMALL
    assert default.budgets is None
    assert await _statuses(fake, small, 4) == [200, 200, 200, 429]
    assert await _statuses(fake, default, 50) == [200] * 50
    assert fake.rate_limiter.blocked_until(small.api_key, "small_plan") is not None
    assert fake.rate_limiter.blocked_until(default.api_key, "all_endpoints") is None


async def test_one_ban_stops_every_key_on_the_ip(fake: FakeThreeCommas, clock: ManualClock) -> None:
    noisy = fake.add_key(budgets=SMALL)
    quiet = fake.add_key()
    assert await _statuses(fake, noisy, 6) == [200, 200, 200, 429, 429, 418]
    assert await _statuses(fake, quiet, 2) == [418, 418]
    assert fake.counters.during_ban_by_key == {quiet.api_key: 2}
    assert fake.counters.bans_imposed == 1
    clock.advance(30.0)
    assert await _statuses(fake, quiet, 1) == [200]
    assert await _statuses(fake, noisy, 1) == [200]


async def test_ban_ip_bans_every_key(fake: FakeThreeCommas, clock: ManualClock) -> None:
    keys = [fake.add_key(budgets=SMALL), fake.add_key(), fake.add_key(budgets=(Budget("big", 1000, 60.0, 60.0),))]
    until = fake.ban_ip(12.0)
    assert until == clock() + 12.0
    for key in keys:
        assert await _statuses(fake, key, 1) == [418]
    clock.advance(12.0)
    for key in keys:
        assert await _statuses(fake, key, 1) == [200]
    assert set(fake.counters.during_ban_by_key) == {key.api_key for key in keys}


async def test_log_records_arrival_key_path_and_query(fake: FakeThreeCommas, clock: ManualClock) -> None:
    key = fake.add_key()
    async with fake.http_client(key) as client:
        await client.get("/ver1/deals", params={"limit": 2})
        clock.advance(1.5)
        await client.get("/ver1/bots")
    first, second = fake.observer.records(key=key.api_key)
    assert (first.path, first.template, first.query) == ("/public/api/ver1/deals", "/ver1/deals", "limit=2")
    assert second.arrived is not None
    assert first.arrived is not None
    assert second.arrived - first.arrived == 1.5
    assert first.time == first.arrived == first.answered
    assert fake.observer.records(template="/ver1/bots") == [second]


async def test_log_measures_how_long_a_call_waited_behind_a_busy_key(clock: ManualClock) -> None:
    fake = FakeThreeCommas(clock=clock)
    fake.seed(seed=2, deals=5, smart_trades=1)
    key = fake.add_key()
    deal_id = next(iter(fake.book().deals))
    async with ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=fake.transport(),
        rate_limit=default_policy(),
        clock=clock,
        sleep=clock.sleep,
    ) as client:
        pollers = [asyncio.ensure_future(client.request("GET", "/ver1/accounts")) for _ in range(100)]
        for _ in range(20):
            await asyncio.sleep(0)
        issued = clock()
        urgent = asyncio.ensure_future(client.deals.show(deal_id))
        while not urgent.done():
            clock.advance(1.0)
            for _ in range(20):
                await asyncio.sleep(0)
        await asyncio.gather(*pollers, urgent)
    (shown,) = fake.observer.records(key=key.api_key, template="/ver1/deals/{deal_id}/show")
    assert shown.arrived is not None
    waited = shown.arrived - issued
    assert 55.0 <= waited <= 62.0
    assert fake.counters.by_status == {200: 101}
