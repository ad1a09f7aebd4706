"""The testing kit's own names (old ones deprecated) and its one clock driving both the fake and a client."""

from __future__ import annotations

import asyncio

import pytest

import threecommas_async
import threecommas_async.testing as testing
from threecommas_async import ThreeCommas, default_policy
from threecommas_async.testing import FakeThreeCommas, ManualClock, ScaledClock, ServerErrorFault, ServerRateLimiter


@pytest.mark.parametrize(("old", "new"), [("RateLimiter", ServerRateLimiter), ("ServerError", ServerErrorFault)])
def test_old_names_still_work_with_a_deprecation_warning(old: str, new: type) -> None:
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated"):
        assert getattr(testing, old) is new
    assert old in testing.__all__


def test_kit_names_do_not_clash_with_the_sdk() -> None:
    sdk_names = set(threecommas_async.__all__)
    kit_names = set(testing.__all__) - {"RateLimiter", "ServerError"}
    assert sdk_names & kit_names == set()


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = testing.NoSuchThing


async def test_manual_clock_sleep_parks_until_advanced() -> None:
    clock = ManualClock(start=100.0)
    woke: list[float] = []

    async def sleeper(seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append(clock())

    tasks = [asyncio.create_task(sleeper(s)) for s in (5.0, 1.0, 0.0)]
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert woke == [100.0]
    assert clock.sleepers == 2
    clock.advance(2.0)
    await asyncio.sleep(0)
    assert woke == [100.0, 102.0]
    clock.set(110.0)
    await asyncio.gather(*tasks)
    assert woke == [100.0, 102.0, 110.0]


async def test_scaled_clock_sleeps_in_api_seconds() -> None:
    clock = ScaledClock(0.001)
    before = clock()
    await clock.sleep(20.0)
    assert clock() - before >= 20.0


async def test_one_manual_clock_drives_the_client_limiter_and_the_fake() -> None:
    clock = ManualClock()
    fake = FakeThreeCommas(clock=clock)
    fake.seed(seed=1, deals=2, smart_trades=0)
    key = fake.add_key()
    async with ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=fake.transport(),
        rate_limit=default_policy(),
        clock=clock,
        sleep=clock.sleep,
    ) as client:
        calls = asyncio.gather(*(client.request("GET", "/ver1/accounts") for _ in range(110)))
        while not calls.done():
            clock.advance(1.0)
            for _ in range(20):
                await asyncio.sleep(0)
        await calls
    times = [record.time for record in fake.requests]
    assert fake.counters.by_status == {200: 110}
    assert max(times) - min(times) >= 60.0
    assert fake.observer.max_in_window(60.0) <= 100


async def test_latency_faults_wait_on_the_fakes_own_clock() -> None:
    clock = ManualClock()
    fake = FakeThreeCommas(clock=clock)
    fake.seed(seed=1, deals=2, smart_trades=0)
    key = fake.add_key()
    fake.faults.latency(7.0)
    async with fake.http_client(key) as client:
        call = asyncio.ensure_future(client.get("/ver1/accounts"))
        for _ in range(20):
            await asyncio.sleep(0)
        assert not call.done()
        assert clock.sleepers == 1
        clock.advance(7.0)
        response = await call
    (record,) = fake.requests
    assert response.status_code == 200
    assert record.arrived is not None
    assert record.answered == record.arrived + 7.0
