"""Fake 3Commas server: request log, counters, repeated non-idempotent operations, window maxima."""

from __future__ import annotations

import httpx
import pytest

from threecommas_async.testing import FakeKey, FakeThreeCommas, ManualClock, Mode

pytestmark = pytest.mark.fake(seed=8, deals=20, smart_trades=5, repeat_window=30.0)


@pytest.fixture
def clock(fake: FakeThreeCommas) -> ManualClock:
    assert isinstance(fake.clock, ManualClock)
    return fake.clock


def _active_deals(fake: FakeThreeCommas) -> list[int]:
    return [deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"]]


async def test_request_log_records_every_request(
    fake: FakeThreeCommas, key: FakeKey, client: httpx.AsyncClient
) -> None:
    await client.get("/ver1/deals", params={"limit": 2})
    await client.get("/ver1/deals/123/show")
    record, missing = fake.requests
    assert (record.key, record.method, record.template, record.status, record.mode) == (
        key.api_key,
        "GET",
        "/ver1/deals",
        200,
        Mode.REAL,
    )
    assert record.path == "/public/api/ver1/deals"
    assert record.time == fake.now()
    assert missing.status == 404
    assert fake.counters.by_status == {200: 1, 404: 1}
    assert fake.counters.by_key[key.api_key] == 2
    assert fake.counters.by_template["GET /ver1/deals/{deal_id}/show"] == 1
    fake.reset_observations()
    assert fake.requests == []
    assert fake.counters.requests == 0


async def test_cancel_twice_is_a_repeat_even_when_refused(fake: FakeThreeCommas, client: httpx.AsyncClient) -> None:
    deal_id = _active_deals(fake)[0]
    first = await client.post(f"/ver1/deals/{deal_id}/cancel")
    second = await client.post(f"/ver1/deals/{deal_id}/cancel")
    assert (first.status_code, second.status_code) == (201, 403)
    assert fake.counters.repeats == 1
    repeat = fake.repeats[0]
    assert (repeat.method, repeat.path, repeat.status) == ("POST", f"/public/api/ver1/deals/{deal_id}/cancel", 403)


async def test_failed_first_attempt_is_not_counted(fake: FakeThreeCommas, client: httpx.AsyncClient) -> None:
    fake.faults.server_error(500, times=1)
    deal_id = _active_deals(fake)[0]
    await client.post(f"/ver1/deals/{deal_id}/panic_sell")
    await client.post(f"/ver1/deals/{deal_id}/panic_sell")
    assert fake.counters.repeats == 0


async def test_create_with_identical_body_is_a_repeat(
    fake: FakeThreeCommas, clock: ManualClock, client: httpx.AsyncClient
) -> None:
    account_id = next(iter(fake.book().accounts))
    body = {
        "account_id": account_id,
        "pair": "USDT_BTC",
        "position": {"type": "buy", "order_type": "market", "units": {"value": "0.001"}},
    }
    other = {**body, "pair": "USDT_ETH"}
    assert (await client.post("/v2/smart_trades", json=body)).status_code == 201
    assert (await client.post("/v2/smart_trades", json=other)).status_code == 201
    assert fake.counters.repeats == 0
    clock.advance(10)
    assert (await client.post("/v2/smart_trades", json=body)).status_code == 201
    assert fake.counters.repeats == 1
    clock.advance(31)
    assert (await client.post("/v2/smart_trades", json=body)).status_code == 201
    assert fake.counters.repeats == 1


async def test_idempotent_operations_are_never_repeats(fake: FakeThreeCommas, client: httpx.AsyncClient) -> None:
    bot_id = next(iter(fake.book().bots))
    for _ in range(3):
        await client.post(f"/ver1/bots/{bot_id}/enable")
        await client.get(f"/ver1/bots/{bot_id}/show")
    assert fake.counters.repeats == 0


async def test_repeat_after_reset_after_handler_is_caught(fake: FakeThreeCommas, client: httpx.AsyncClient) -> None:
    from threecommas_async.testing import Phase

    deal_id = _active_deals(fake)[0]
    fake.faults.connection_reset(phase=Phase.AFTER_HANDLER, times=1)
    with pytest.raises(httpx.TransportError):
        await client.post(f"/ver1/deals/{deal_id}/panic_sell")
    await client.post(f"/ver1/deals/{deal_id}/panic_sell")
    assert fake.counters.repeats == 1


async def test_max_in_window(
    fake: FakeThreeCommas, clock: ManualClock, key: FakeKey, client: httpx.AsyncClient
) -> None:
    for step in range(10):
        await client.get("/ver1/ping")
        clock.advance(1.0 if step % 2 else 0.0)
    assert fake.observer.max_in_window(2.0) == 4
    assert fake.observer.max_in_window(100.0, key=key.api_key) == 10
    assert fake.observer.max_in_window(100.0, templates=[("GET", "/ver1/deals")]) == 0
