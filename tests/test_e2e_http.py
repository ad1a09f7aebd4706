"""End to end over real HTTP: the fake served by uvicorn on 127.0.0.1, the client on its own pool.

Signatures of GET query strings, JSON bodies, PATCH and DELETE survive a real wire; a TCP reset
is a real one (the server aborts the connection); the limiter keeps a burst free of 429s.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from support import MakeClient

from threecommas_async import OutcomeUnknownError, ThreeCommas
from threecommas_async.models import Bot, GridBot
from threecommas_async.params import Position, Price, Units
from threecommas_async.testing import FakeThreeCommas, Mode, Phase


@pytest.fixture
async def served(fake_3commas: FakeThreeCommas, make_client: MakeClient) -> AsyncIterator[ThreeCommas]:
    async with fake_3commas.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        async with make_client(fake_3commas, base_url=base_url, timeout=10.0) as client:
            yield client


async def test_signed_calls_of_every_method_over_loopback(served: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    book = fake_3commas.book(Mode.REAL)
    account_id = next(iter(book.accounts))
    active = next(deal_id for deal_id, deal in book.deals.items() if not deal["finished?"])
    grid_id = next(iter(book.grid_bots))

    bots = await served.bots.list(limit=2, order_direction="ASC")
    created = await served.smart_trades.create(
        account_id=account_id,
        pair="USDT_ETH",
        position=Position(type="buy", order_type="limit", units=Units(value="1.5"), price=Price(value="2999.99")),
        note="über loopback",
    )
    updated = await served.deals.update(active, take_profit=Decimal("1.625"))
    deleted = await served.grid_bots.with_raw_response.delete(grid_id)
    paper_bots = await served.with_options(forced_mode="paper").bots.list()

    assert all(isinstance(bot, Bot) for bot in bots)
    assert len(bots) == 2
    assert created.note == "über loopback"
    assert created.position is not None
    assert created.position.price is not None
    assert created.position.price.value == Decimal("2999.99")
    assert updated.take_profit == Decimal("1.625")
    assert (deleted.parsed, deleted.status_code, deleted.http_response.content) == (None, 200, b"")
    assert grid_id not in book.grid_bots
    assert {bot.id for bot in paper_bots} == set(fake_3commas.book(Mode.PAPER).bots)
    assert {record.status for record in fake_3commas.requests} <= {200, 201}
    assert {record.method for record in fake_3commas.requests} == {"GET", "POST", "PATCH", "DELETE"}


async def test_tcp_reset_after_a_write_is_outcome_unknown_and_not_repeated(
    served: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    grid_id = next(iter(fake_3commas.book(Mode.REAL).grid_bots))
    fake_3commas.faults.connection_reset(
        endpoints=[("POST", "/ver1/grid_bots/{id}/disable")], phase=Phase.AFTER_HANDLER
    )
    fake_3commas.faults.connection_reset(endpoints=[("GET", "/ver1/grid_bots/{id}")], times=1)

    with pytest.raises(OutcomeUnknownError):
        await served.grid_bots.disable(grid_id)
    shown = await served.grid_bots.show(grid_id)

    assert isinstance(shown, GridBot)
    assert shown.is_enabled is False
    assert fake_3commas.counters.connections_dropped == 2
    assert fake_3commas.counters.repeats == 0
    assert [record.status for record in fake_3commas.requests] == [None, None, 200]


async def test_a_burst_over_loopback_draws_no_429(served: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    results = await asyncio.gather(*(served.accounts.list() for _ in range(150)))

    assert len(results) == 150
    assert fake_3commas.counters.by_status == {200: 150}
    assert fake_3commas.observer.max_in_window(60.0) <= 100
