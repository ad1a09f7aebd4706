"""``limits --redis URL`` shows a fleet's current use of the budget."""

from __future__ import annotations

import asyncio

import pytest
from redis_server import RedisServer, running_redis_server  # noqa: F401 (the redis_server fixture)

from threecommas_async import RedisBackend, ThreeCommas, default_policy
from threecommas_async.cli import main
from threecommas_async.testing import IN_PROCESS_BASE_URL, FakeThreeCommas

pytestmark = pytest.mark.redis


async def _spend(url: str, requests: int) -> None:
    fake = FakeThreeCommas()
    fake.seed(deals=5)
    key = fake.add_key("fleet-key", "fleet-secret")
    backend = RedisBackend.from_url(url, api_key=key.api_key, trust_fresh_start=True)
    async with ThreeCommas(
        key.api_key, key.secret, base_url=IN_PROCESS_BASE_URL, transport=fake.transport(),
        rate_limit=default_policy(), limiter_backend=backend,
    ) as client:
        for _ in range(requests):
            await client.accounts.list()
    await backend.aclose()


def test_limits_shows_the_fleet_snapshot(redis_server: RedisServer, capsys: pytest.CaptureFixture[str]) -> None:
    asyncio.run(_spend(redis_server.url, 3))
    assert main(["limits", "--redis", redis_server.url, "--api-key", "fleet-key"]) == 0
    out = capsys.readouterr().out
    assert "Fleet now:" in out
    assert "global             used    3/100" in out
