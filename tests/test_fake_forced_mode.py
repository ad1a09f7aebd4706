"""A fake that ignores ``Forced-Mode`` (it has happened), and the SDK's paper-only guard catching it."""

from __future__ import annotations

from typing import Any

import pytest

from threecommas_async import ThreeCommas
from threecommas_async._exceptions import PaperModeIgnoredError
from threecommas_async.testing import FakeThreeCommas, ManualClock, Mode

ORDER: dict[str, Any] = {
    "pair": "USDT_BTC",
    "position": {"type": "buy", "order_type": "limit", "units": {"value": "0.001"}, "price": {"value": "58000"}},
}


@pytest.fixture
def fake() -> FakeThreeCommas:
    fake = FakeThreeCommas(clock=ManualClock())
    fake.seed(seed=4, deals=2, smart_trades=1)
    fake.add_key()
    return fake


async def _create(fake: FakeThreeCommas, account_id: int) -> int:
    async with fake.http_client(fake.default_key, forced_mode=Mode.PAPER) as client:
        response = await client.post("/v2/smart_trades", json={**ORDER, "account_id": account_id})
    return response.status_code


async def test_forced_mode_is_honoured_unless_the_fault_is_on(fake: FakeThreeCommas) -> None:
    paper_account = next(iter(fake.book(Mode.PAPER).accounts))
    real_account = next(iter(fake.book(Mode.REAL).accounts))
    assert await _create(fake, paper_account) == 201
    assert await _create(fake, real_account) == 404
    rule = fake.faults.ignore_forced_mode(times=1)
    assert await _create(fake, real_account) == 201
    assert rule.fired == 1
    assert await _create(fake, real_account) == 404
    assert [record.mode for record in fake.requests] == [Mode.PAPER, Mode.PAPER, Mode.REAL, Mode.PAPER]
    assert len(fake.book(Mode.REAL).smart_trades) == 2


async def test_paper_only_client_raises_when_the_server_ignores_forced_mode(fake: FakeThreeCommas) -> None:
    fake.faults.ignore_forced_mode()
    key = fake.default_key
    real_account = next(iter(fake.book(Mode.REAL).accounts))
    async with ThreeCommas(
        api_key=key.api_key, api_secret=key.secret, transport=fake.transport(), paper_only=True
    ) as client:
        with pytest.raises(PaperModeIgnoredError):
            await client.smart_trades.create(account_id=real_account, **ORDER)
    (record,) = fake.requests
    assert record.mode is Mode.REAL
