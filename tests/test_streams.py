"""Streams against the fake's ActionCable server: subscribe, confirm, reject, key check, polling
fallback and return, typed events, pushes caused by API calls, loopback WebSockets, RSA keys."""

from __future__ import annotations

import asyncio
import json
import random
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from stream_helpers import next_event, until, wait_for_mode

from threecommas_async import ThreeCommas, default_policy
from threecommas_async.models import Deal, SmartTrade
from threecommas_async.streams import (
    RejectReason,
    Source,
    StreamAuthError,
    StreamEvent,
    StreamMode,
    StreamOptions,
    Streams,
)
from threecommas_async.testing import FakeCable, FakeThreeCommas, Permission

E = TypeVar("E", Deal, SmartTrade)


@pytest.fixture
def threecommas_time_scale() -> float:
    return 0.001


def fast_options(cable: FakeCable, **overrides: Any) -> StreamOptions:
    settings: dict[str, Any] = {
        "connector": cable.connector(),
        "dead_after": 1.0,
        "backoff_initial": 0.01,
        "backoff_max": 0.04,
        "poll_interval": 0.03,
        "rng": random.Random(0),
    }
    settings.update(overrides)
    return StreamOptions(**settings)


def client_for(fake: FakeThreeCommas, api_key: str, secret: str) -> ThreeCommas:
    return ThreeCommas(
        api_key=api_key,
        api_secret=secret,
        transport=fake.transport(),
        rate_limit=default_policy().scaled(fake.time_scale),
    )


def an_active_deal(fake: FakeThreeCommas) -> int:
    return next(deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"])


async def test_push_arrives_as_a_typed_deal_with_exact_decimals(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    async with Streams(threecommas_client, fast_options(fake_cable)).deals() as stream:
        await wait_for_mode(stream, StreamMode.SOCKET)
        deal_id = an_active_deal(fake_3commas)
        fake_cable.update_deal(deal_id, take_profit="1.2300000001")
        event = await next_event(stream)
    assert event.source is Source.SOCKET
    assert isinstance(event.entity, Deal)
    assert event.entity.id == deal_id
    assert event.entity.take_profit == Decimal("1.2300000001")
    assert stream.mode is StreamMode.CLOSED


async def test_a_change_made_through_the_api_is_pushed(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    async with Streams(threecommas_client, fast_options(fake_cable)).deals() as stream:
        await wait_for_mode(stream, StreamMode.SOCKET)
        deal_id = an_active_deal(fake_3commas)
        await threecommas_client.deals.update(deal_id, take_profit=Decimal("2.5"))
        event = await next_event(stream)
    assert event.source is Source.SOCKET
    assert event.entity.take_profit == Decimal("2.5")


async def test_smart_trade_stream_yields_smart_trades(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    smart_trade_id = next(iter(fake_3commas.book().smart_trades))
    async with Streams(threecommas_client, fast_options(fake_cable)).smart_trades() as stream:
        await wait_for_mode(stream, StreamMode.SOCKET)
        fake_cable.update_smart_trade(smart_trade_id, note="filled")
        event = await next_event(stream)
    assert isinstance(event.entity, SmartTrade)
    assert (event.entity.id, event.entity.note) == (smart_trade_id, "filled")


async def test_snapshot_yields_the_active_deals_first(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    active = {deal_id for deal_id, deal in fake_3commas.book().deals.items() if not deal["finished?"]}
    seen: set[int] = set()
    async with Streams(threecommas_client, fast_options(fake_cable, snapshot=True)).deals() as stream:
        while seen != active:
            event = await next_event(stream)
            assert event.source is Source.GAP_FILL
            seen.add(event.entity.id)


async def test_loopback_websocket_subscribes_and_receives_pushes(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    async with fake_cable.serve() as url:
        options = fast_options(fake_cable, connector=None, url=url)
        async with Streams(threecommas_client, options).deals() as stream:
            await wait_for_mode(stream, StreamMode.SOCKET)
            deal_id = an_active_deal(fake_3commas)
            fake_cable.update_deal(deal_id, note="over tcp")
            event = await next_event(stream)
    assert (event.entity.note, event.source) == ("over tcp", Source.SOCKET)
    assert fake_cable.confirmed == 1


async def test_fake_confirms_a_string_identifier_and_ignores_an_object(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable
) -> None:
    from websockets.asyncio.client import connect

    from threecommas_async import HmacAuth
    from threecommas_async.streams import make_identifier, subscribe_frame

    key = fake_3commas.default_key
    assert key.secret is not None
    identifier = make_identifier("DealsChannel", [HmacAuth(key.api_key, key.secret)], "/deals")
    async with fake_cable.serve() as url, connect(url, proxy=None) as ws:
        assert json.loads(await ws.recv()) == {"type": "welcome"}
        await ws.send(json.dumps({"command": "subscribe", "identifier": json.loads(identifier.wire)}))
        await ws.send(subscribe_frame(identifier))
        answer = json.loads(await ws.recv())
        while answer.get("type") == "ping":
            answer = json.loads(await ws.recv())
    assert answer == {"identifier": identifier.wire, "type": "confirm_subscription"}
    assert fake_cable.confirmed == 1
    assert fake_cable.rejected == 0


async def test_bad_signature_is_rejected_and_the_key_check_raises_bad_credentials(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable
) -> None:
    key = fake_3commas.default_key
    async with client_for(fake_3commas, key.api_key, "not-the-secret") as client:
        stream = Streams(client, fast_options(fake_cable)).deals()
        with pytest.raises(StreamAuthError) as caught:
            await next_event(stream)
    assert caught.value.reason is RejectReason.BAD_CREDENTIALS
    assert fake_cable.rejected == 1
    assert stream.mode is StreamMode.CLOSED


async def test_key_without_the_channel_permission_raises_missing_permission(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable
) -> None:
    key = fake_3commas.add_key(permissions={Permission.SMART_TRADES_READ})
    assert key.secret is not None
    async with client_for(fake_3commas, key.api_key, key.secret) as client:
        with pytest.raises(StreamAuthError) as caught:
            await next_event(Streams(client, fast_options(fake_cable)).deals())
        smart_trades = Streams(client, fast_options(fake_cable)).smart_trades()
        async with smart_trades:
            await wait_for_mode(smart_trades, StreamMode.SOCKET)
    assert caught.value.reason is RejectReason.MISSING_PERMISSION
    assert caught.value.permission == "BOTS_READ"


async def test_rejections_with_a_good_key_fall_back_to_polling_and_switch_back(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    fake_cable.faults.reject_subscriptions = -1
    deal_id = an_active_deal(fake_3commas)
    async with Streams(threecommas_client, fast_options(fake_cable)).deals() as stream:
        await until(lambda: stream.stats.polls >= 1)
        fake_cable.update_deal(deal_id, note="seen by polling")
        polled = await next_event(stream)
        fake_cable.faults.reject_subscriptions = 0
        await wait_for_mode(stream, StreamMode.SOCKET)
        fake_cable.update_deal(deal_id, note="pushed again")
        pushed = await next_event(stream)
    assert (polled.source, polled.entity.note) == (Source.POLLING, "seen by polling")
    assert (pushed.source, pushed.entity.note) == (Source.SOCKET, "pushed again")
    assert stream.stats.rejected >= 2


async def test_refused_connections_poll_and_the_gap_is_filled_on_return(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    fake_cable.faults.refuse_connections = True
    first, second = _two_active(fake_3commas)
    async with Streams(threecommas_client, fast_options(fake_cable)).deals() as stream:
        await until(lambda: stream.stats.polls >= 1)
        fake_cable.update_deal(first, note="while refused")
        polled = await next_event(stream)
        fake_cable.faults.refuse_connections = False
        fake_cable.update_deal(
            second, note="just before the socket returns", **{"finished?": True, "status": "completed"}
        )
        await wait_for_mode(stream, StreamMode.SOCKET)
        filled = await next_event(stream)
    assert (polled.source, polled.entity.id) == (Source.POLLING, first)
    assert filled.entity.id == second
    assert filled.entity.finished is True


def _two_active(fake: FakeThreeCommas) -> tuple[int, int]:
    active = [deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"]]
    return active[0], active[1]


async def test_no_welcome_counts_as_unavailable_and_polls(
    fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    fake_cable.faults.no_welcome = True
    options = fast_options(fake_cable, dead_after=0.05)
    async with Streams(threecommas_client, options).deals() as stream:
        await wait_for_mode(stream, StreamMode.POLLING)
    assert stream.stats.confirmed == 0
    assert stream.stats.dead >= 2


async def test_frames_delayed_by_the_fake_still_arrive_in_order(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    fake_cable.faults.frame_delay = 0.002
    deal_id = an_active_deal(fake_3commas)
    async with Streams(threecommas_client, fast_options(fake_cable)).deals() as stream:
        await wait_for_mode(stream, StreamMode.SOCKET)
        for step in range(5):
            fake_cable.update_deal(deal_id, note=f"step {step}")
        notes = [(await next_event(stream)).entity.note for _ in range(5)]
    assert notes == [f"step {step}" for step in range(5)]


async def test_rsa_key_subscribes(fake_3commas: FakeThreeCommas, fake_cable: FakeCable) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = fake_3commas.add_rsa_key(private_key)
    client = ThreeCommas(api_key=key.api_key, private_key=private_key, transport=fake_3commas.transport())
    async with client, Streams(client, fast_options(fake_cable)).deals() as stream:
        await wait_for_mode(stream, StreamMode.SOCKET)
    assert fake_cable.confirmed == 1


async def test_streams_need_credentials(fake_3commas: FakeThreeCommas) -> None:
    from threecommas_async import MissingCredentialsError

    async with ThreeCommas(transport=fake_3commas.transport()) as client:
        with pytest.raises(MissingCredentialsError):
            Streams(client).deals()


async def test_closing_the_stream_ends_an_iteration_waiting_in_another_task(
    fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    stream = Streams(threecommas_client, fast_options(fake_cable)).deals()
    seen: list[StreamEvent[Deal]] = []

    async def consume() -> None:
        async for event in stream:
            seen.append(event)

    consumer = asyncio.ensure_future(consume())
    await wait_for_mode(stream, StreamMode.SOCKET)
    await stream.aclose()
    await asyncio.wait_for(consumer, 1)
    assert seen == []
    assert repr(stream) == "<Stream DealsChannel mode=closed>"


async def test_a_failed_first_poll_does_not_turn_the_baseline_into_events(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable
) -> None:
    fake_cable.faults.refuse_connections = True
    fake_3commas.faults.server_error(503, endpoints=[("GET", "/ver1/deals")], times=1)
    key = fake_3commas.default_key
    assert key.secret is not None
    deal_id = an_active_deal(fake_3commas)
    async with client_for(fake_3commas, key.api_key, key.secret) as owner:
        client = owner.with_options(max_retries=0)
        async with Streams(client, fast_options(fake_cable)).deals() as stream:
            await until(lambda: stream.stats.polls >= 3)
            fake_cable.update_deal(deal_id, note="the first real change")
            event = await next_event(stream)
    assert (event.entity.id, event.entity.note, event.source) == (deal_id, "the first real change", Source.POLLING)


async def test_the_client_exposes_streams(
    fake_3commas: FakeThreeCommas, fake_cable: FakeCable, threecommas_client: ThreeCommas
) -> None:
    deal_id = an_active_deal(fake_3commas)
    async with threecommas_client.streams.deals(connector=fake_cable.connector()) as stream:
        await wait_for_mode(stream, StreamMode.SOCKET)
        fake_cable.update_deal(deal_id, note="via client.streams")
        event = await next_event(stream)
    assert (event.entity.id, event.entity.note) == (deal_id, "via client.streams")
