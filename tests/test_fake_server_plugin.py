"""The pytest plugin's fixtures, and that the SDK does not import the testing package."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from threecommas_async.testing import FakeThreeCommas, Mode, ScaledClock

pytest_plugins = ["pytester"]


def test_fake_fixture_is_seeded_with_one_full_permission_key(fake_3commas: FakeThreeCommas) -> None:
    assert isinstance(fake_3commas.clock, ScaledClock)
    assert fake_3commas.time_scale == 0.01
    assert fake_3commas.book(Mode.REAL).deals
    assert fake_3commas.book(Mode.PAPER).deals
    assert len(fake_3commas.default_key.permissions) == 6


async def test_client_fixture_talks_to_the_fake(threecommas_client: Any, fake_3commas: FakeThreeCommas) -> None:
    pong = await threecommas_client.request("GET", "/ver1/ping", signed=False)
    deals = await threecommas_client.request("GET", "/ver1/deals", params={"limit": 3})
    assert pong == {"pong": "pong"}
    assert len(deals) == 3
    assert [record.status for record in fake_3commas.requests] == [200, 200]
    assert fake_3commas.requests[-1].key == fake_3commas.default_key.api_key


async def test_client_limiter_keeps_the_fake_free_of_429(
    threecommas_client: Any, fake_3commas: FakeThreeCommas
) -> None:
    import asyncio

    await asyncio.gather(*(threecommas_client.request("GET", "/ver1/accounts") for _ in range(130)))
    assert fake_3commas.counters.by_status.get(429, 0) == 0
    assert fake_3commas.counters.by_status[200] == 130


def test_time_scale_can_be_overridden_by_users(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makeconftest(
        """
import pytest

@pytest.fixture
def threecommas_time_scale():
    return 0.5
"""
    )
    pytester.makepyfile(
        """
def test_scale(fake_3commas):
    assert fake_3commas.time_scale == 0.5
"""
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_registering_the_plugin_imports_neither_the_sdk_nor_httpx() -> None:
    code = (
        "import sys, pytest; before = set(sys.modules); import pytest_threecommas_async; "
        "new = set(sys.modules) - before; "
        "heavy = sorted(m for m in new if m.split('.')[0] in ('threecommas_async', 'httpx', 'httpcore', 'attrs', "
        "'cattrs', 'uvicorn', 'cryptography')); assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plugin_loads_the_sdk_only_when_a_fixture_is_used(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(
        """
import sys

def test_a_plain_test():
    assert not [name for name in sys.modules if name.startswith("threecommas_async")]

def test_b_with_the_fake(fake_3commas):
    assert "threecommas_async.testing._fake" in sys.modules
"""
    )
    unrelated = ("cacheprovider", "xdist", "hypothesispytest", "anyio", "respx")  # ~0.6 s of start-up
    result = pytester.runpytest_subprocess(*(arg for name in unrelated for arg in ("-p", f"no:{name}")))
    result.assert_outcomes(passed=2)


def test_old_plugin_module_name_still_provides_the_fixtures() -> None:
    import pytest_threecommas_async
    from threecommas_async.testing import pytest_plugin

    for name in ("fake_3commas", "threecommas_client", "threecommas_time_scale"):
        assert getattr(pytest_plugin, name) is getattr(pytest_threecommas_async, name)


def test_importing_the_sdk_does_not_import_testing() -> None:
    code = "import sys, threecommas_async; assert 'threecommas_async.testing' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


async def test_sdk_models_read_the_fake_payloads_exactly(
    threecommas_client: Any, fake_3commas: FakeThreeCommas
) -> None:
    from decimal import Decimal

    book = fake_3commas.book(Mode.REAL)
    accounts = await threecommas_client.accounts.list()
    deals = await threecommas_client.deals.list(limit=25)
    deal = await threecommas_client.deals.show(deals[0].id)
    smart_trades = await threecommas_client.smart_trades.list(per_page=100)
    sub_trades = await threecommas_client.smart_trades.trades(smart_trades[0].id)
    grid_orders = await threecommas_client.grid_bots.market_orders(next(iter(book.grid_bots)))
    assert [account.id for account in accounts] == sorted(book.accounts)
    assert accounts[0].usd_amount == Decimal(book.accounts[accounts[0].id]["usd_amount"])
    assert len(deals) == 25
    assert deal.id == deals[0].id
    assert len(smart_trades) == len(book.smart_trades)
    assert sub_trades
    assert grid_orders.grid_lines_orders
    assert fake_3commas.counters.by_status.keys() == {200}


async def test_client_and_fake_share_a_virtual_clock_deterministically() -> None:
    import asyncio

    from threecommas_async import ThreeCommas, VirtualClock

    clock = VirtualClock(start=1_735_689_600.0)
    fake = FakeThreeCommas(clock=clock, sleep=clock.sleep)
    fake.seed(seed=1, deals=5, smart_trades=1)
    key = fake.add_key()
    client = ThreeCommas(
        api_key=key.api_key, api_secret=key.secret, transport=fake.transport(), clock=clock, sleep=clock.sleep
    )
    async with client:
        work = asyncio.gather(*(client.request("GET", "/ver1/accounts") for _ in range(250)))
        while not work.done():
            await clock.run()
            await asyncio.sleep(0)
        await work
    assert fake.counters.by_status == {200: 250}
    assert fake.observer.max_in_window(60.0) == 100
    assert clock() - 1_735_689_600.0 == pytest.approx(120.0)
