"""Streams across failures: a dead connection noticed after two missed pings (virtual time), 20 seeded
drops while 1,000 deals change (nothing pushed is lost, every final state arrives, no version twice,
per-deal order), and no secret in logs, reprs or errors."""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections import defaultdict
from datetime import datetime

import httpx
import pytest
from stream_helpers import until, wait_for_mode

from threecommas_async import HmacAuth, ThreeCommas, VirtualClock, default_policy
from threecommas_async.models import Deal
from threecommas_async.streams import (
    Source,
    StreamAuthError,
    StreamEvent,
    StreamMode,
    StreamOptions,
    Streams,
    make_identifier,
)
from threecommas_async.testing import FakeCable, FakeThreeCommas


def _wire_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def test_connection_is_dead_after_two_missed_pings_and_reconnects() -> None:
    clock = VirtualClock()
    fake = FakeThreeCommas()
    fake.seed(seed=0)
    key = fake.add_key()
    cable = FakeCable(fake, ping_interval=3.0, sleep=clock.sleep)
    client = ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport(), rate_limit=None)
    options = StreamOptions(connector=cable.connector(), clock=clock, sleep=clock.sleep, rng=random.Random(0))
    async with client, Streams(client, options).deals() as stream:
        await clock.advance(0)
        assert stream.mode is StreamMode.SOCKET
        await clock.advance(30)
        assert (stream.stats.dead, cable.connections_opened) == (0, 1)
        cable.faults.stop_pinging = True
        await clock.advance(5.9)
        assert stream.stats.dead == 0
        await clock.advance(0.2)
        assert stream.stats.dead == 1
        cable.faults.stop_pinging = False
        await clock.advance(1.0)
        assert cable.connections_opened == 2
        assert stream.mode is StreamMode.SOCKET
    await cable.aclose()


@pytest.fixture
def big_fake() -> FakeThreeCommas:
    fake = FakeThreeCommas(time_scale=0.001)
    fake.seed(seed=3, deals=1000, smart_trades=0)
    for deal in list(fake.book().deals.values())[100:]:
        deal.update({"finished?": True, "status": "completed"})
    fake.add_key()
    return fake


async def _change_deals(
    fake: FakeThreeCommas, cable: FakeCable, rng: random.Random, drops: set[int], extra: int
) -> None:
    """Change every deal once, then ``extra`` more changes among the first 150; drop at ``drops`` steps."""
    ids = list(fake.book().deals)
    order = rng.sample(ids, len(ids)) + [rng.choice(ids[:150]) for _ in range(extra)]
    for step, deal_id in enumerate(order):
        fields: dict[str, object] = {"note": f"step {step}"}
        if not fake.book().deals[deal_id]["finished?"] and rng.random() < 0.05:
            fields.update({"finished?": True, "status": "completed"})
        cable.update_deal(deal_id, **fields)
        if step in drops:
            await until(lambda: cable.connections > 0)
            cable.drop_connections()
        if step % 8 == 0:
            await asyncio.sleep(0.001)


async def _wait_for_final_states(fake: FakeThreeCommas, latest: dict[int, datetime]) -> None:
    final = {deal_id: _wire_time(deal["updated_at"]) for deal_id, deal in fake.book().deals.items()}
    for _ in range(2000):
        if all(latest.get(deal_id) == moment for deal_id, moment in final.items()):
            return
        await asyncio.sleep(0.005)
    missing = sum(latest.get(deal_id) != moment for deal_id, moment in final.items())
    raise AssertionError(f"{missing} deals never reached their final state")


async def test_twenty_seeded_drops_while_a_thousand_deals_change(big_fake: FakeThreeCommas) -> None:
    rng = random.Random(20)
    cable = FakeCable(big_fake, ping_interval=0.01)
    key = big_fake.default_key
    client = ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=big_fake.transport(),
        rate_limit=default_policy().scaled(big_fake.time_scale),
    )
    options = StreamOptions(
        connector=cable.connector(), dead_after=1.0, backoff_initial=0.005, backoff_max=0.02, rng=random.Random(1)
    )
    events: list[StreamEvent[Deal]] = []
    latest: dict[int, datetime] = {}

    async def consume(stream: object) -> None:
        async for event in deals:
            events.append(event)
            assert event.entity.updated_at is not None
            latest[event.entity.id] = event.entity.updated_at

    async with client, Streams(client, options).deals() as deals:
        consumer = asyncio.ensure_future(consume(deals))
        await wait_for_mode(deals, StreamMode.SOCKET)
        await _change_deals(big_fake, cable, rng, drops=set(rng.sample(range(1400), 20)), extra=400)
        await _wait_for_final_states(big_fake, latest)
        consumer.cancel()
    await cable.aclose()

    yielded = [(event.entity.id, event.entity.updated_at) for event in events]
    assert len(yielded) == len(set(yielded)), "a version was yielded twice"
    delivered = {(record.entity_id, _wire_time(record.updated_at)) for record in cable.delivered}
    assert delivered <= set(yielded), "a pushed update was lost"
    per_deal: dict[int, list[datetime]] = defaultdict(list)
    for deal_id, moment in yielded:
        assert moment is not None
        per_deal[deal_id].append(moment)
    assert all(versions == sorted(versions) for versions in per_deal.values())
    assert cable.connections_opened >= 21
    assert deals.stats.gap_fills >= deals.stats.confirmed - 2
    assert any(event.source is Source.GAP_FILL for event in events)
    assert len(per_deal) == 1000


class _GatedTransport(httpx.AsyncBaseTransport):
    """Holds deal-list requests while ``gate`` is clear, so a test can change the book meanwhile."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.gate = asyncio.Event()
        self.gate.set()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/ver1/deals"):
            await self.gate.wait()
        return await self.inner.handle_async_request(request)


async def test_a_gap_fill_state_never_overtakes_pushes_still_in_flight() -> None:
    fake = FakeThreeCommas(time_scale=0.001)
    fake.seed(seed=0)
    key = fake.add_key()
    cable = FakeCable(fake, ping_interval=0.01)
    transport = _GatedTransport(fake.transport())
    client = ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=transport, rate_limit=None)
    options = StreamOptions(connector=cable.connector(), dead_after=1.0, backoff_initial=0.01, rng=random.Random(0))
    deal_id = next(deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"])
    seen: list[tuple[str | None, Source]] = []
    async with client, Streams(client, options).deals() as stream:
        await until(lambda: stream.server_time is not None)
        transport.gate.clear()
        cable.drop_connections()
        cable.update_deal(deal_id, note="during the outage")
        await until(lambda: stream.stats.confirmed >= 2)
        cable.faults.frame_delay = 0.05
        cable.update_deal(deal_id, note="v3")
        cable.update_deal(deal_id, note="v4")
        transport.gate.set()
        while not seen or seen[-1][0] != "v4":
            event = await asyncio.wait_for(stream.__anext__(), 3)
            seen.append((event.entity.note, event.source))
    await cable.aclose()
    assert seen == [("v3", Source.SOCKET), ("v4", Source.SOCKET)]


async def test_pings_before_the_next_confirmation_do_not_narrow_the_gap_fill() -> None:
    fake = FakeThreeCommas(time_scale=0.001)
    fake.seed(seed=0)
    key = fake.add_key()
    cable = FakeCable(fake, ping_interval=0.005)
    client = ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport(), rate_limit=None)
    options = StreamOptions(connector=cable.connector(), dead_after=1.0, backoff_initial=0.01, rng=random.Random(0))
    deal_id = next(deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"])
    async with client, Streams(client, options).deals() as stream:
        await until(lambda: stream.server_time is not None)
        cable.faults.subscribe_delay = 0.05
        cable.drop_connections()
        cable.update_deal(deal_id, note="closed during the outage", **{"finished?": True, "status": "completed"})
        event = await asyncio.wait_for(stream.__anext__(), 3)
    await cable.aclose()
    assert (event.entity.id, event.entity.finished, event.source) == (deal_id, True, Source.GAP_FILL)


async def test_no_secret_in_logs_reprs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeThreeCommas(time_scale=0.001)
    fake.seed(seed=0)
    key = fake.add_key()
    assert key.secret is not None
    cable = FakeCable(fake, ping_interval=0.01)
    identifier = make_identifier("DealsChannel", [HmacAuth(key.api_key, key.secret)], "/deals")
    deal_id = next(deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"])
    async with cable.serve() as url:
        options = StreamOptions(url=url, dead_after=1.0, backoff_initial=0.01, rng=random.Random(0))
        good = ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport())
        async with good, Streams(good, options).deals() as stream:
            await wait_for_mode(stream, StreamMode.SOCKET)
            cable.update_deal(deal_id, note="pushed")
            await asyncio.wait_for(stream.__anext__(), 3)
            cable.drop_connections()
            cable.update_deal(deal_id, note="filled")
            await asyncio.wait_for(stream.__anext__(), 3)
            texts = [repr(stream), repr(stream.stats), repr(Streams(good, options))]
        bad = ThreeCommas(api_key=key.api_key, api_secret="wrong-secret", transport=fake.transport())
        async with bad, Streams(bad, options).deals() as rejected:
            with pytest.raises(StreamAuthError) as caught:
                await asyncio.wait_for(rejected.__anext__(), 3)
    texts += [str(caught.value), repr(caught.value), repr(identifier), caplog.text]
    assert "subscribed" in caplog.text
    signature = json.loads(identifier.wire)["users"][0]["signature"]
    for secret in (key.secret, signature):
        pieces = {secret[start : start + 12] for start in range(len(secret) - 11)}
        for text in texts:
            assert not any(piece in text for piece in pieces)


async def test_drops_over_loopback_websockets_still_deliver_every_final_state() -> None:
    fake = FakeThreeCommas(time_scale=0.001)
    fake.seed(seed=5, deals=80, smart_trades=0)
    key = fake.add_key()
    cable = FakeCable(fake, ping_interval=0.01)
    rng = random.Random(8)
    latest: dict[int, datetime] = {}
    yielded: list[tuple[int, datetime]] = []
    async with cable.serve() as url:
        options = StreamOptions(url=url, dead_after=1.0, backoff_initial=0.01, backoff_max=0.03, rng=random.Random(2))
        client = ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport(), rate_limit=None)
        async with client, Streams(client, options).deals() as deals:

            async def consume() -> None:
                async for event in deals:
                    assert event.entity.updated_at is not None
                    latest[event.entity.id] = event.entity.updated_at
                    yielded.append((event.entity.id, event.entity.updated_at))

            consumer = asyncio.ensure_future(consume())
            await until(lambda: deals.server_time is not None)
            await _change_deals(fake, cable, rng, drops=set(rng.sample(range(160), 5)), extra=80)
            await _wait_for_final_states(fake, latest)
            consumer.cancel()
    assert cable.connections_opened >= 6
    assert len(yielded) == len(set(yielded))
