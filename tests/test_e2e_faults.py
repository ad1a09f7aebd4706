"""End to end: what the client does when the fake misbehaves, and what it shows of each answer.

5xx and dropped connections on reads are retried transparently. On writes they raise
``OutcomeUnknownError`` without a second attempt: the fake's repeat counter proves nothing was
applied twice, and re-reading the state tells whether the first attempt took effect. A plan-limit
429 is not a rate limit (no retry, no block); broken JSON is a ``ResponseDecodeError`` with the raw
body. ``with_raw_response`` shows status and headers. A burst through the default policy (the fake and
the client on one virtual clock) never draws a 429, and the fake never sees more than the budget in any window.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Coroutine
from decimal import Decimal
from typing import Any

import httpx
import pytest
from support import MakeClient, MakeFake, drive

from threecommas_async import (
    OutcomeUnknownError,
    PlanLimitError,
    ResponseDecodeError,
    ThreeCommas,
    TransportError,
    VirtualClock,
    default_policy,
)
from threecommas_async.models import Bot, Deal
from threecommas_async.testing import FakeThreeCommas, Mode, Phase, ScaledClock
from threecommas_async.testing._clock import DEFAULT_EPOCH

PANIC_SELL = ("POST", "/ver1/deals/{deal_id}/panic_sell")
DEAL_SHOW = ("GET", "/ver1/deals/{deal_id}/show")


@pytest.fixture
async def threecommas_client(fake_3commas: FakeThreeCommas) -> AsyncIterator[ThreeCommas]:
    """The plugin's client on the fake's own scaled clock: a retry's backoff passes in API time (100x faster)."""
    clock = fake_3commas.clock
    assert isinstance(clock, ScaledClock)
    key = fake_3commas.default_key
    async with ThreeCommas(
        key.api_key, key.secret, transport=fake_3commas.transport(), rate_limit=default_policy(), clock=clock,
        sleep=clock.sleep,
    ) as client:
        yield client


def _active_deal(fake: FakeThreeCommas) -> int:
    return next(deal_id for deal_id, deal in fake.book(Mode.REAL).deals.items() if not deal["finished?"])


def _statuses(fake: FakeThreeCommas, template: str) -> list[int | None]:
    return [record.status for record in fake.requests if record.template == template]


async def test_server_error_on_a_read_is_retried(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.server_error(502, endpoints=[DEAL_SHOW], times=1)

    deal = await threecommas_client.deals.show(deal_id)

    assert isinstance(deal, Deal)
    assert deal.id == deal_id
    assert _statuses(fake_3commas, DEAL_SHOW[1]) == [502, 200]


async def test_dropped_connection_on_a_read_is_retried(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    fake_3commas.faults.connection_reset(endpoints=[("GET", "/ver1/bots")], times=1)

    bots = await threecommas_client.bots.list()

    assert bots
    assert all(isinstance(bot, Bot) for bot in bots)
    assert _statuses(fake_3commas, "/ver1/bots") == [None, 200]
    assert fake_3commas.counters.connections_dropped == 1


async def test_server_error_before_a_write_applied_it_raises_and_state_says_retry_is_safe(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.server_error(500, endpoints=[PANIC_SELL], times=1)

    with pytest.raises(OutcomeUnknownError) as caught:
        await threecommas_client.deals.panic_sell(deal_id)

    assert caught.value.status == 500
    assert _statuses(fake_3commas, PANIC_SELL[1]) == [500]
    assert (await threecommas_client.deals.show(deal_id)).finished is False
    sold = await threecommas_client.deals.panic_sell(deal_id)
    assert sold.status == "panic_sold"
    assert fake_3commas.counters.repeats == 0


async def test_server_error_after_a_write_applied_it_raises_and_state_shows_it_done(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.server_error(502, endpoints=[PANIC_SELL], times=1, phase=Phase.AFTER_HANDLER)

    with pytest.raises(OutcomeUnknownError) as caught:
        await threecommas_client.deals.panic_sell(deal_id)

    assert caught.value.status == 502
    assert _statuses(fake_3commas, PANIC_SELL[1]) == [502]
    assert (await threecommas_client.deals.show(deal_id)).status == "panic_sold"
    assert fake_3commas.counters.repeats == 0


@pytest.mark.parametrize("phase", [Phase.BEFORE_HANDLER, Phase.AFTER_HANDLER])
async def test_connection_reset_on_a_write_raises_outcome_unknown_once(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas, phase: Phase
) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.connection_reset(endpoints=[PANIC_SELL], times=1, phase=phase)

    with pytest.raises(OutcomeUnknownError) as caught:
        await threecommas_client.deals.panic_sell(deal_id)

    assert caught.value.status is None
    assert isinstance(caught.value.__cause__, httpx.TransportError)
    assert _statuses(fake_3commas, PANIC_SELL[1]) == [None]
    assert fake_3commas.counters.repeats == 0
    applied = (await threecommas_client.deals.show(deal_id)).finished
    assert applied is (phase is Phase.AFTER_HANDLER)


async def test_reads_give_up_after_max_retries(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    fake_3commas.faults.connection_reset(endpoints=[("GET", "/ver1/accounts")])

    with pytest.raises(TransportError):
        await threecommas_client.with_options(max_retries=1).accounts.list()

    assert _statuses(fake_3commas, "/ver1/accounts") == [None, None]


async def test_plan_limit_is_not_retried_and_does_not_block(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    fake_3commas.faults.plan_limit(endpoints=[("GET", "/ver1/grid_bots")], times=1)

    with pytest.raises(PlanLimitError) as caught:
        await threecommas_client.grid_bots.list()

    assert caught.value.status == 429
    assert "subscription plan" in (caught.value.error_description or "")
    assert _statuses(fake_3commas, "/ver1/grid_bots") == [429]
    snapshot = await threecommas_client.rate_limit_snapshot()
    assert snapshot is not None
    assert all(bucket.blocked_for == 0 for bucket in snapshot.buckets)
    assert len(await threecommas_client.grid_bots.list()) == len(fake_3commas.book(Mode.REAL).grid_bots)


async def test_malformed_json_raises_decode_error_with_the_raw_body(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    fake_3commas.faults.malformed_json(endpoints=[("GET", "/ver1/accounts")], times=1)

    with pytest.raises(ResponseDecodeError) as caught:
        await threecommas_client.accounts.list()

    assert caught.value.status == 200
    assert caught.value.body.startswith(b"[{")
    assert caught.value.path.endswith("/ver1/accounts")
    assert _statuses(fake_3commas, "/ver1/accounts") == [200]
    assert await threecommas_client.accounts.list()


async def test_with_raw_response_gives_status_headers_and_the_parsed_model(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    deal_id = _active_deal(fake_3commas)
    raw = await threecommas_client.deals.with_raw_response.show(deal_id)
    created = await threecommas_client.accounts.with_raw_response.create(type="binance", name="raw e2e")

    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert isinstance(raw.parsed, Deal)
    assert raw.parsed.id == deal_id
    assert raw.parsed.bought_volume == Decimal(fake_3commas.book(Mode.REAL).deals[deal_id]["bought_volume"])
    assert created.status_code == 201
    assert created.parsed.name == "raw e2e"
    assert raw.http_response.request.headers["apikey"] == fake_3commas.default_key.api_key


async def test_a_burst_through_the_default_policy_draws_no_429(make_fake: MakeFake, make_client: MakeClient) -> None:
    clock = VirtualClock(start=DEFAULT_EPOCH)
    fake = make_fake(clock=clock, sleep=clock.sleep)
    key = fake.add_key()
    book = fake.book(Mode.REAL)
    deal_ids = itertools.cycle(sorted(book.deals))
    client = make_client(fake, clock=clock)
    calls: list[Coroutine[Any, Any, object]] = []
    for index in range(240):
        kind = index % 4
        if kind == 0:
            calls.append(client.bots.list())
        elif kind == 1:
            calls.append(client.deals.list(limit=5))
        elif kind == 2:
            calls.append(client.deals.show(next(deal_ids)))
        else:
            calls.append(client.smart_trades.list(per_page=5))
    results = await drive(clock, asyncio.gather(*calls))

    assert len(results) == 240
    counters = fake.counters
    assert counters.by_status == {200: 240}
    assert counters.during_block == counters.blocks_opened == counters.bans_imposed == 0
    assert fake.observer.max_in_window(60.0, key=key.api_key) <= 100
    assert fake.observer.max_in_window(10.0, templates=[("GET", "/v2/smart_trades")]) <= 40
    assert clock() - DEFAULT_EPOCH >= 120.0


@pytest.fixture
def fast_fake(make_fake: MakeFake) -> FakeThreeCommas:
    return make_fake(seed=5, fake_seed=5, deals=30, time_scale=0.001)


@pytest.fixture
def fast_client(fast_fake: FakeThreeCommas, make_client: MakeClient) -> ThreeCommas:
    return make_client(fast_fake)


async def test_one_429_blocks_every_task_until_the_window_reopens(
    fast_client: ThreeCommas, fast_fake: FakeThreeCommas
) -> None:
    fast_fake.faults.rate_limit_storm(endpoints=[("GET", "/ver1/bots")], times=1)

    async def later_accounts() -> object:
        await asyncio.sleep(0.02)
        return await fast_client.accounts.list()

    results = await asyncio.gather(fast_client.bots.list(), *(later_accounts() for _ in range(20)))

    assert len(results) == 21
    statuses = fast_fake.counters.by_status
    assert (statuses[429], statuses[200]) == (1, 21)
    assert fast_fake.counters.during_block == 0
    storm = next(record for record in fast_fake.requests if record.status == 429)
    after = [record.time - storm.time for record in fast_fake.requests if record.time > storm.time]
    assert min(after) >= 300.0
