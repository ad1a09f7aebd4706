"""The fleet step without Redis: what a step carries and what its reply means."""

from __future__ import annotations

import json
import math

import pytest

from threecommas_async import Bucket
from threecommas_async._ratelimit import Lane
from threecommas_async._ratelimit._fleet_options import FleetOptions, fleet_gate_key, fleet_key_prefix
from threecommas_async._ratelimit._fleet_step import (
    BULK_SHARE,
    NO_SEQS,
    Ask,
    AskEntry,
    BanEvent,
    Release,
    StepReply,
    Writes,
    build_step,
    encode_step,
    linger_deadline,
)
from threecommas_async._ratelimit._policy import BanRule

GLOBAL = Bucket("global", limit=100, period=60.0)
DEALS = Bucket("deals", limit=120, period=60.0)
OPTIONS = FleetOptions(max_in_flight=120.0, ticket_grace=2.0)


def test_buckets_are_sent_once_and_referred_to_by_index() -> None:
    writes = Writes(releases=[Release("1:t:1", (GLOBAL, DEALS), sent=True, released_at=10.0)])
    entries = [AskEntry(1, (GLOBAL,), "1:t:2"), AskEntry(2, (DEALS, GLOBAL), "2:t:3")]
    ask = Ask("t", NO_SEQS, entries, (0, 5, 0), 32)
    step = build_step(writes, now=10.5, options=OPTIONS, ask=ask)
    assert step["b"] == [["global", 100, 60000.0], ["deals", 120, 60000.0]]
    assert step["r"] == [["1:t:1", [1, 2], 1, 500.0]]
    assert step["q"] == [[1, [1], "1:t:2", 1, 0], [2, [2, 1], "2:t:3", 1, 0]]
    assert (step["t"], step["sq"], step["ln"], step["n"], step["cap"]) == ("t", ["", "", ""], [0, 5, 0], 5, 32)
    assert json.loads(encode_step(step)) == step


def test_release_age_is_a_duration_clamped_to_the_lease_and_zero_when_unsent() -> None:
    writes = Writes(
        releases=[
            Release("a", (GLOBAL,), sent=True, released_at=0.0),
            Release("b", (GLOBAL,), sent=False, released_at=0.0),
            Release("c", (GLOBAL,), sent=True, released_at=900.0),
        ]
    )
    step = build_step(writes, now=500.0, options=OPTIONS)
    assert [row[3] for row in step["r"]] == [120_000.0, 0.0, 0.0]


def test_blocks_and_bans_become_durations_and_past_blocks_are_dropped() -> None:
    writes = Writes(bans=[BanEvent(3, 30.0, BanRule(120.0, 600.0)), BanEvent(-1, None, BanRule())])
    writes.block(GLOBAL, 400.0)
    writes.block(GLOBAL, 300.0)
    writes.block(DEALS, 50.0)
    step = build_step(writes, now=100.0, options=OPTIONS)
    assert step["k"] == [[1, 300_000.0]]
    assert step["x"] == [[3, 30_000.0, 120_000.0, 600_000.0], [-1, -1, 120_000.0, 259_200_000.0]]
    assert "q" not in step
    assert "ok" not in step


def test_successes_are_folded_into_the_newest_generation() -> None:
    writes = Writes()
    writes.succeeded(2)
    writes.succeeded(1)
    other = Writes()
    other.succeeded(4)
    writes.absorb(other)
    assert writes
    assert build_step(writes, now=0.0, options=OPTIONS)["ok"] == 4


def test_a_step_without_ask_leaves_the_queue_alone_and_a_report_names_the_ticket() -> None:
    step = build_step(Writes(), now=0.0, options=OPTIONS, report=(DEALS,), ticket="me")
    assert "q" not in step
    assert step["s"] == [1]
    assert step["t"] == "me"


def test_writes_absorb_keeps_the_older_releases_first_and_the_earliest_deadline() -> None:
    older = Writes(releases=[Release("a", (GLOBAL,), True, 0.0)], flush_by=5.0, ok=9)
    newer = Writes(releases=[Release("b", (GLOBAL,), True, 1.0)], flush_by=7.0)
    newer.absorb(older)
    assert [r.member for r in newer.releases] == ["a", "b"]
    assert (newer.flush_by, newer.ok) == (5.0, 9)
    assert not Writes()
    assert Writes(bans=[BanEvent(0, None, BanRule())])


def test_linger_is_capped_by_the_period_and_extended_to_a_near_ask() -> None:
    short = Bucket("s", limit=1, period=1.0)
    assert linger_deadline((short,), now=0.0, linger=10.0, next_ask_at=math.inf) == pytest.approx(0.02)
    assert linger_deadline((GLOBAL,), now=0.0, linger=0.005, next_ask_at=3.0) == pytest.approx(3.005)
    assert linger_deadline((GLOBAL,), now=0.0, linger=0.005, next_ask_at=30.0) == pytest.approx(0.005)


def test_reply_is_parsed_into_durations_and_zero_based_indices() -> None:
    raw = json.dumps(
        {
            "g": [1, 3], "w": 1500, "ban": 2000, "held": ["deals"], "sq": ["", "12.5", ""], "s": [[3, 1, 250]],
            "fleet": 7, "fl": [1, 4, 2],
        }
    )
    reply = StepReply.parse(raw)
    assert reply.granted == (0, 2)
    assert reply.wait == 1.5
    assert reply.banned_for == 2.0
    assert reply.held == frozenset({"deals"})
    assert reply.seqs == (None, "12.5", None)
    assert (reply.rows[0].used, reply.rows[0].in_flight, reply.rows[0].blocked_for) == (3, 1, 0.25)
    assert reply.fleet_waiters == 7
    assert reply.fleet_by_lane == (1, 4, 2)
    assert reply.probe is None
    assert reply.open


def test_reply_carries_the_ban_gate() -> None:
    reply = StepReply.parse(json.dumps({"g": [2], "gen": 3, "lvl": 2, "open": 0, "probe": 1}))
    assert (reply.generation, reply.level, reply.open, reply.probe) == (3, 2, False, 0)


def test_reply_without_fields_means_nothing_granted_nothing_left() -> None:
    reply = StepReply.parse(json.dumps({"g": {}, "w": -1, "sq": {}}))
    assert reply.granted == ()
    assert reply.wait is None
    assert reply.seqs == (None, None, None)
    assert StepReply.parse("[]") == StepReply()


def test_each_waiter_carries_its_lane_and_headroom_and_each_lane_its_place() -> None:
    entries = [AskEntry(1, (GLOBAL,), "1:t:1", Lane.URGENT, 0), AskEntry(1, (GLOBAL,), "1:t:2", Lane.BULK, 5)]
    step = build_step(Writes(), now=0.0, options=OPTIONS, ask=Ask("t", ("3.5", None, "1.25"), entries, (1, 0, 4), 32))
    assert step["q"] == [[1, [1], "1:t:1", 0, 0], [1, [1], "1:t:2", 2, 5]]
    assert (step["sq"], step["ln"], step["n"], step["share"]) == (["3.5", "", "1.25"], [1, 0, 4], 5, BULK_SHARE)


def test_the_snapshot_reports_waiters_and_grants_per_lane() -> None:
    reply = StepReply.parse(json.dumps({"s": [[1, 0, 0]], "fleet": 6, "fl": [1, 2, 3], "ban": 0}))
    snapshot = reply.snapshot((GLOBAL,), [4, 5, 6])
    assert snapshot.waiters_by_lane == {"urgent": 1, "normal": 2, "bulk": 3}
    assert snapshot.grants_by_lane == {"urgent": 4, "normal": 5, "bulk": 6}


def test_every_budget_of_a_ban_scope_shares_its_gate_and_its_hash_tag() -> None:
    first, second = fleet_key_prefix("key-a", "ns"), fleet_key_prefix("key-b", "ns")
    gate = fleet_gate_key("ns")
    assert first != second
    assert gate == "threecommas:ns:{ip}:gate"
    assert first.startswith("threecommas:ns:{ip}:")
    assert "key-a" not in first
    assert fleet_gate_key("ns", "egress-2") == "threecommas:ns:{egress-2}:gate"
    assert fleet_key_prefix("key-a", "ns", "egress-2").startswith("threecommas:ns:{egress-2}:")
    assert fleet_gate_key() == "threecommas:{ip}:gate"
    with pytest.raises(ValueError, match="ban_scope"):
        FleetOptions(ban_scope="a}b")


def test_options_are_one_checked_object() -> None:
    with pytest.raises(ValueError, match="fallback_share"):
        FleetOptions(fallback_share=0.0)
    with pytest.raises(ValueError, match="batch_size"):
        FleetOptions(batch_size=0)
    with pytest.raises(ValueError, match="namespace"):
        FleetOptions(namespace="a{b}")
