"""Fake 3Commas server: injected latency, 5xx, dropped connections, 429 storms, bans, broken JSON, plan limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from threecommas_async._exceptions import is_plan_limit
from threecommas_async._json import loads
from threecommas_async.testing import FakeThreeCommas, ManualClock, Mode, Phase


class Harness:
    def __init__(self) -> None:
        self.clock = ManualClock()
        self.slept: list[float] = []
        self.fake = FakeThreeCommas(clock=self.clock, sleep=self._sleep, seed=3)
        self.fake.seed(seed=3, deals=10, smart_trades=3)
        self.key = self.fake.add_key()

    async def _sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.clock.advance(seconds)

    def active_deal(self) -> int:
        return next(deal_id for deal_id, deal in self.fake.book().deals.items() if not deal["finished?"])


@pytest.fixture
def harness() -> Harness:
    return Harness()


@pytest.fixture
async def client(harness: Harness) -> AsyncIterator[httpx.AsyncClient]:
    async with harness.fake.http_client(harness.key) as client:
        yield client


async def test_latency_uses_the_injected_sleep(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.latency(2.5, jitter=0.5)
    response = await client.get("/ver1/ping")
    assert response.status_code == 200
    assert len(harness.slept) == 1
    assert 2.5 <= harness.slept[0] <= 3.0


async def test_latency_on_arrival_delays_the_arrival_the_limiter_sees(
    harness: Harness, client: httpx.AsyncClient
) -> None:
    start = harness.clock()
    harness.fake.faults.latency(4.0, phase=Phase.ON_ARRIVAL)
    await client.get("/ver1/ping")
    assert harness.fake.requests[-1].time == start + 4.0


async def test_scaled_latency_sleeps_real_time_times_scale() -> None:
    fake = FakeThreeCommas(time_scale=0.001)
    fake.faults.latency(50.0)
    async with httpx.AsyncClient(transport=fake.transport(), base_url="http://fake/public/api") as client:
        response = await client.get("/ver1/ping")
    assert response.status_code == 200
    assert response.elapsed.total_seconds() >= 0.045


async def test_server_errors_500_json_and_gateway_html(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.server_error(500, times=1)
    harness.fake.faults.server_error(502, 504, on_requests={2, 3})
    statuses = []
    bodies = []
    for _ in range(4):
        response = await client.get("/ver1/ping")
        statuses.append(response.status_code)
        bodies.append(response)
    assert statuses[0] == 500
    assert loads(bodies[0].content)["error"] == "internal_server_error"
    assert set(statuses[1:3]) <= {502, 504}
    assert bodies[1].headers["content-type"] == "text/html"
    assert b"Bad Gateway" in bodies[1].content or b"Gateway Time-out" in bodies[1].content
    assert statuses[3] == 200


async def test_server_error_before_handler_changes_nothing(harness: Harness, client: httpx.AsyncClient) -> None:
    deal_id = harness.active_deal()
    harness.fake.faults.server_error(500, times=1)
    response = await client.post(f"/ver1/deals/{deal_id}/cancel")
    assert response.status_code == 500
    assert harness.fake.book().deals[deal_id]["status"] != "cancelled"


async def test_server_error_after_handler_has_applied_the_change(harness: Harness, client: httpx.AsyncClient) -> None:
    deal_id = harness.active_deal()
    harness.fake.faults.server_error(502, phase=Phase.AFTER_HANDLER, times=1)
    response = await client.post(f"/ver1/deals/{deal_id}/cancel")
    assert response.status_code == 502
    assert harness.fake.book().deals[deal_id]["status"] == "cancelled"


async def test_connection_reset_in_process_raises_a_transport_error(
    harness: Harness, client: httpx.AsyncClient
) -> None:
    deal_id = harness.active_deal()
    harness.fake.faults.connection_reset(times=1)
    with pytest.raises(httpx.TransportError):
        await client.post(f"/ver1/deals/{deal_id}/cancel")
    assert harness.fake.book().deals[deal_id]["status"] != "cancelled"
    harness.fake.faults.connection_reset(phase=Phase.AFTER_HANDLER, times=1)
    with pytest.raises(httpx.ReadError):
        await client.post(f"/ver1/deals/{deal_id}/cancel")
    assert harness.fake.book().deals[deal_id]["status"] == "cancelled"
    assert harness.fake.counters.connections_dropped == 2
    assert harness.fake.requests[-1].status is None


async def test_rate_limit_storm_for_a_duration(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.rate_limit_storm(duration=30.0)
    storm = [(await client.get("/ver1/ping")).status_code for _ in range(5)]
    harness.clock.advance(30.0)
    after = await client.get("/ver1/ping")
    assert storm == [429] * 5
    assert after.status_code == 200
    assert harness.fake.counters.faults["RateLimitStorm"] == 5


async def test_ban_fault_bans_the_ip_with_escalation(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.ban(times=1)
    first = await client.get("/ver1/ping")
    again = await client.get("/ver1/ping")
    assert first.status_code == again.status_code == 418
    assert harness.fake.rate_limiter.ban_until("127.0.0.1") == pytest.approx(harness.clock() + 120.0)
    assert harness.fake.counters.bans_imposed == 1
    assert harness.fake.counters.during_ban == 1
    harness.clock.advance(121)
    assert (await client.get("/ver1/ping")).status_code == 200


async def test_malformed_json_body(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.malformed_json(endpoints=[("GET", "/ver1/deals")])
    broken = await client.get("/ver1/deals")
    fine = await client.get("/ver1/ping")
    assert broken.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    assert loads(fine.content) == {"pong": "pong"}


async def test_plan_limit_429_is_recognisably_not_a_rate_limit(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.plan_limit(endpoints=[("POST", "/v2/smart_trades")])
    response = await client.post("/v2/smart_trades", json={})
    body = loads(response.content)
    assert response.status_code == 429
    assert "subscription plan" in body["error_description"]
    assert is_plan_limit(429, body["error"], body["error_description"])


async def test_faults_scoped_by_key(harness: Harness) -> None:
    other = harness.fake.add_key()
    harness.fake.faults.server_error(500, key=other.api_key)
    async with harness.fake.http_client(harness.key) as mine, harness.fake.http_client(other) as theirs:
        assert (await mine.get("/ver1/accounts")).status_code == 200
        assert (await theirs.get("/ver1/accounts")).status_code == 500


async def test_probability_is_deterministic_for_a_seed() -> None:
    def run() -> list[bool]:
        fake = FakeThreeCommas(clock=ManualClock(), seed=42)
        fake.faults.server_error(503, probability=0.3)
        return [bool(fake.faults.select(None, "GET", "/ver1/ping", 0.0)) for _ in range(200)]

    first, second = run(), run()
    assert first == second
    assert 30 <= sum(first) <= 90


async def test_faults_can_be_removed_and_cleared(harness: Harness, client: httpx.AsyncClient) -> None:
    rule = harness.fake.faults.server_error(500)
    assert (await client.get("/ver1/ping")).status_code == 500
    harness.fake.faults.remove(rule)
    assert (await client.get("/ver1/ping")).status_code == 200
    harness.fake.faults.rate_limit_storm()
    harness.fake.faults.clear()
    assert (await client.get("/ver1/ping")).status_code == 200


async def test_delayed_fault_window(harness: Harness, client: httpx.AsyncClient) -> None:
    harness.fake.faults.server_error(500, delay=10.0, duration=5.0)
    before = await client.get("/ver1/ping")
    harness.clock.advance(12)
    during = await client.get("/ver1/ping")
    harness.clock.advance(5)
    after = await client.get("/ver1/ping")
    assert (before.status_code, during.status_code, after.status_code) == (200, 500, 200)


async def test_faults_do_not_leak_between_books(harness: Harness) -> None:
    harness.fake.faults.malformed_json(times=1)
    async with harness.fake.http_client(harness.key, forced_mode=Mode.PAPER) as paper:
        response = await paper.get("/ver1/accounts")
    assert response.status_code == 200
    assert harness.fake.requests[-1].mode is Mode.PAPER
    assert harness.fake.requests[-1].faults == ("MalformedJson",)
