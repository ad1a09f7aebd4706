"""The stream's wire protocol and bookkeeping, without a connection: signatures, identifier, frames,
version tracking, holdback, backoff."""

from __future__ import annotations

import base64
import json
import random
from datetime import datetime, timedelta, timezone

import attrs
import pytest

from threecommas_async import HmacAuth, RsaAuth
from threecommas_async.models import Deal
from threecommas_async.streams import (
    DEALS,
    SMART_TRADES,
    StreamOptions,
    StreamProtocolError,
    channel_signature,
    make_identifier,
    subscribe_frame,
)
from threecommas_async.streams._protocol import Confirmed, Disconnect, Ping, Push, Rejected, Welcome, parse_frame
from threecommas_async.streams._versions import Holdback, VersionTracker

DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
DOC_DEALS = "92cbefb3a2f2a8e94479470c7b5eb7cce43037947461c665e9b7f8b05a81a936"
DOC_SMART_TRADES = "8b30fb42a82e4dcfb4d0273d2910c7ae0add2b32938b19c27c44e306c56c20bc"


def test_hmac_signature_matches_documented_vectors() -> None:
    auth = HmacAuth("doc-key", DOC_SECRET)
    assert channel_signature(auth, DEALS.path) == DOC_DEALS
    assert channel_signature(auth, SMART_TRADES.path) == DOC_SMART_TRADES


def test_rsa_signature_is_base64_pkcs1v15_sha256_over_the_path() -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signature = channel_signature(RsaAuth("rsa-key", key), "/deals")
    key.public_key().verify(base64.b64decode(signature), b"/deals", padding.PKCS1v15(), hashes.SHA256())


def test_subscribe_sends_the_identifier_as_a_json_string() -> None:
    identifier = make_identifier("DealsChannel", [HmacAuth("doc-key", DOC_SECRET)], "/deals")
    frame = json.loads(subscribe_frame(identifier))
    assert frame["command"] == "subscribe"
    assert isinstance(frame["identifier"], str)
    assert json.loads(frame["identifier"]) == {
        "channel": "DealsChannel",
        "users": [{"api_key": "doc-key", "signature": DOC_DEALS}],
    }


def test_identifier_repr_hides_the_signature() -> None:
    identifier = make_identifier("DealsChannel", [HmacAuth("doc-key", DOC_SECRET)], "/deals")
    assert DOC_DEALS not in repr(identifier)
    assert "doc-key" not in repr(identifier)
    assert repr(identifier) == "<Identifier DealsChannel>"


def test_frames_parse_to_types_and_tell_whether_they_are_ours() -> None:
    identifier = make_identifier("DealsChannel", [HmacAuth("doc-key", DOC_SECRET)], "/deals")
    mine, other = identifier.wire, '{"channel":"DealsChannel","users":[]}'
    assert parse_frame('{"type":"welcome"}', identifier) == Welcome()
    assert parse_frame('{"type":"ping","message":1735689600}', identifier) == Ping(1735689600.0)
    assert parse_frame(json.dumps({"identifier": mine, "type": "confirm_subscription"}), identifier) == Confirmed(True)
    assert parse_frame(json.dumps({"identifier": other, "type": "reject_subscription"}), identifier) == Rejected(False)
    assert parse_frame('{"type":"disconnect","reason":"unauthorized","reconnect":false}', identifier) == Disconnect(
        "unauthorized", False
    )
    push = parse_frame(json.dumps({"identifier": mine, "message": {"id": 1, "profit": 0.1}}), identifier)
    assert isinstance(push, Push)
    assert push.ours
    assert str(push.payload["profit"]) == "0.1"
    assert parse_frame('{"type":"something_new"}', identifier) is None


def test_malformed_frames_raise_without_quoting_the_frame() -> None:
    identifier = make_identifier("DealsChannel", [HmacAuth("doc-key", DOC_SECRET)], "/deals")
    broken = '{"identifier": "' + identifier.wire.replace('"', '\\"') + '", "message": '
    with pytest.raises(StreamProtocolError) as caught:
        parse_frame(broken, identifier)
    assert DOC_DEALS not in str(caught.value)
    with pytest.raises(StreamProtocolError):
        parse_frame('{"type":"ping"}', identifier)


class _State:
    def __init__(self, entity_id: int, minute: int | None, note: str = "") -> None:
        self.id = entity_id
        self.at = None if minute is None else datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=minute)
        self.note = note

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _State) and (self.id, self.at, self.note) == (other.id, other.at, other.note)

    __hash__ = None  # type: ignore[assignment]


def _version(state: _State) -> datetime | None:
    return state.at


def test_tracker_yields_each_version_once_and_never_an_older_one() -> None:
    tracker: VersionTracker[_State] = VersionTracker(lambda state: state.id, _version)
    assert tracker.accept(_State(1, 5))
    assert not tracker.accept(_State(1, 5))
    assert not tracker.accept(_State(1, 4))
    assert tracker.accept(_State(1, 6))
    assert tracker.accept(_State(2, 1))
    assert tracker.newest == _State(1, 6).at
    assert tracker.accept(_State(3, None, "a"))
    assert not tracker.accept(_State(3, None, "a"))
    assert tracker.accept(_State(3, None, "b"))


def test_holdback_keeps_the_newest_per_id_and_releases_older_than_the_bound() -> None:
    held: Holdback[_State] = Holdback(lambda state: state.id, _version)
    held.add([_State(1, 3), _State(1, 2), _State(2, 8), _State(3, 1)])
    assert len(held) == 3
    released = held.release(_State(0, 5).at)
    assert [(state.id, state.at) for state in released] == [(3, _State(3, 1).at), (1, _State(1, 3).at)]
    assert [state.id for state in held.release(None)] == [2]


def test_backoff_doubles_up_to_the_cap_with_jitter_below_the_delay() -> None:
    options = StreamOptions(backoff_initial=1.0, backoff_max=8.0, jitter=0.5, rng=random.Random(7))
    for failures, ceiling in [(0, 1.0), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (9, 8.0)]:
        delay = options.backoff(failures)
        assert ceiling * 0.5 <= delay <= ceiling


def test_options_reject_nonsense() -> None:
    with pytest.raises(ValueError):
        StreamOptions(dead_after=0)
    with pytest.raises(ValueError):
        StreamOptions(backoff_initial=5, backoff_max=1)
    with pytest.raises(ValueError):
        StreamOptions(jitter=1.0)


class _RecentDeals:
    """All deals, most recently updated first, in pages of 100; one deal changes after each page read.

    A deal that changes during a scan jumps to the top, above the pages still to read: its new
    version reaches the stream by push or the next read, so a scan owes only the others.
    """

    def __init__(self, count: int) -> None:
        self.minute = count
        self.deals = [Deal(id=number, updated_at=_State(0, number).at) for number in range(count)]
        self.reads = 0
        self.moved: set[int] = set()

    async def page(self, client: object, index: int) -> list[Deal]:
        self.reads += 1
        ordered = sorted(self.deals, key=lambda deal: (deal.updated_at, deal.id), reverse=True)
        rows = ordered[index * 100 : (index + 1) * 100]
        moved = ordered[150]
        self.moved.add(moved.id)
        self.minute += 1
        self.deals = [deal for deal in self.deals if deal is not moved] + [
            Deal(id=moved.id, updated_at=_State(0, self.minute).at)
        ]
        return rows


async def test_changed_since_pages_until_past_the_bound_and_misses_no_row_while_rows_move() -> None:
    book = _RecentDeals(250)
    kind = attrs.evolve(DEALS, recent_page=book.page)
    found = await kind.changed_since(None, _State(0, 40).at)  # type: ignore[arg-type]
    assert {deal.id for deal in found} >= set(range(40, 250)) - book.moved
    assert book.reads == 3
    assert len(await attrs.evolve(DEALS, recent_page=_RecentDeals(250).page).changed_since(None, None)) == 100  # type: ignore[arg-type]
