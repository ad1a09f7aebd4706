"""The fleet step without I/O: what a step of ``_fleet.lua`` is sent (the writes pending, the local
waiters asking for budget, the buckets to report) and what its reply means.

Everything here is pure data and functions of the local clock value passed in, so the step's encoding
and decoding are tested without Redis. Block and ban deadlines are on the local clock until encoded;
the script only ever sees durations, which it applies to the Redis clock.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import attrs

from ._backend import BucketSnapshot, Lane, LimiterSnapshot
from ._fleet_options import FleetOptions
from ._policy import BanRule, Bucket

__all__ = [
    "BULK_SHARE",
    "NO_SEQS",
    "Ask",
    "AskEntry",
    "BanEvent",
    "Import",
    "Release",
    "StepReply",
    "Writes",
    "build_step",
    "encode_step",
    "linger_deadline",
    "script_source",
]

BULK_SHARE = 0.1
"""While normal and bulk requests both wait anywhere in the fleet, at least this share of their grants goes
to bulk (the in-memory backend's rule, counted fleet-wide)."""
KEY_MARGIN_MS = 1000.0
_SCRIPT_PARTS = ("_fleet.lua", "_fleet_walk.lua")
LINGER_PERIOD_SHARE = 0.02
RIDE_PERIOD_SHARE = 0.1


@functools.cache
def script_source() -> str:
    """The step script: ``_fleet.lua`` then ``_fleet_walk.lua``, one chunk."""
    package = resources.files(__name__.rpartition(".")[0])
    return "\n".join(package.joinpath(name).read_text(encoding="utf-8") for name in _SCRIPT_PARTS)


@attrs.frozen(slots=True)
class Release:
    """A slot to give back; ``released_at`` is the local clock when the attempt ended."""

    member: str
    buckets: tuple[Bucket, ...]
    sent: bool
    released_at: float


@attrs.frozen(slots=True)
class Import:
    """A slot taken while the fleet could not be reached, to be counted by the fleet."""

    member: str
    buckets: tuple[Bucket, ...]
    in_flight: bool


@attrs.frozen(slots=True)
class BanEvent:
    """A 418 on a permit of gate ``generation`` (-1: unknown); ``seconds`` from Retry-After or None."""

    generation: int
    seconds: float | None
    rule: BanRule


@attrs.define(slots=True, eq=False)
class Writes:
    """Writes waiting for the next step. ``flush_by`` (local clock) is when they must be sent even if no
    step asks for budget before then: ``-inf`` for writes that go at once, the end of the linger for
    answered releases."""

    releases: list[Release] = attrs.field(factory=list)
    imports: list[Import] = attrs.field(factory=list)
    blocks: dict[str, tuple[Bucket, float]] = attrs.field(factory=dict)
    bans: list[BanEvent] = attrs.field(factory=list)
    ok: int | None = None
    flush_by: float = math.inf

    def __bool__(self) -> bool:
        return bool(self.releases or self.imports or self.blocks or self.bans) or self.ok is not None

    def block(self, bucket: Bucket, until: float) -> None:
        current = self.blocks.get(bucket.name)
        if current is None or current[1] < until:
            self.blocks[bucket.name] = (bucket, until)

    def succeeded(self, generation: int) -> None:
        self.ok = generation if self.ok is None else max(self.ok, generation)

    def absorb(self, other: Writes) -> None:
        self.releases[:0] = other.releases
        self.imports[:0] = other.imports
        for bucket, until in other.blocks.values():
            self.block(bucket, until)
        self.bans[:0] = other.bans
        if other.ok is not None:
            self.succeeded(other.ok)
        self.flush_by = min(self.flush_by, other.flush_by)


@attrs.frozen(slots=True)
class AskEntry:
    """One local waiter as the step sees it: its ``lane``, and the ``headroom`` of every bucket it must
    leave free (the urgent reserve; 0 in the urgent lane)."""

    weight: int
    buckets: tuple[Bucket, ...]
    member: str
    lane: Lane = Lane.NORMAL
    headroom: int = 0


NO_SEQS: tuple[str | None, ...] = (None,) * len(Lane)


@attrs.frozen(slots=True)
class Ask:
    """This process's places in the fleet queue (one per lane, ``seqs``), the oldest local waiters of
    every lane (``batch``, urgent first) and how many wait in each lane in all (``waiting``)."""

    ticket: str
    seqs: tuple[str | None, ...]
    batch: Sequence[AskEntry]
    waiting: tuple[int, ...]
    cap: int


def linger_deadline(buckets: Iterable[Bucket], *, now: float, linger: float, next_ask_at: float) -> float:
    """When an answered release must be written if no ask carries it first.

    At most ``LINGER_PERIOD_SHARE`` of the shortest period; when this process's next ask is already
    scheduled within ``RIDE_PERIOD_SHARE`` of that period, the release waits for that ask instead.
    """
    shortest = min((bucket.period for bucket in buckets), default=math.inf)
    wait = min(linger, LINGER_PERIOD_SHARE * shortest)
    if now < next_ask_at <= now + RIDE_PERIOD_SHARE * shortest - wait:
        wait += next_ask_at - now
    return now + wait


def release_age_ms(release: Release, *, now: float, max_in_flight: float) -> float:
    """How long ago (local clock, a duration) an answered release happened: Redis backdates it."""
    if not release.sent:
        return 0.0
    return min(max(now - release.released_at, 0.0), max_in_flight) * 1000.0


class _BucketTable:
    """Buckets are sent once in a table and referred to by 1-based index."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self._index: dict[str, int] = {}

    def refs(self, buckets: Iterable[Bucket]) -> list[int]:
        refs = []
        for bucket in buckets:
            index = self._index.get(bucket.name)
            if index is None:
                self.rows.append([bucket.name, bucket.limit, bucket.period * 1000.0])
                index = self._index[bucket.name] = len(self.rows)
            refs.append(index)
        return refs


def build_step(
    writes: Writes,
    *,
    now: float,
    options: FleetOptions,
    ask: Ask | None = None,
    report: tuple[Bucket, ...] = (),
    ticket: str = "",
    fresh: bool = False,
    longest_period: float = 0.0,
) -> dict[str, Any]:
    """The step for the script: ``writes`` always, ``ask`` to maintain the ticket and ask for budget,
    ``report`` to read those buckets (``ticket`` names this process so its own waiters are not counted
    twice). ``fresh``: this process has not seen the fleet's epoch yet and trusts a missing one;
    ``longest_period``: the longest period it knows of (the wait after the fleet's state was lost)."""
    table = _BucketTable()
    step: dict[str, Any] = {
        "r": [
            [
                r.member,
                table.refs(r.buckets),
                1 if r.sent else 0,
                release_age_ms(r, now=now, max_in_flight=options.max_in_flight),
            ]
            for r in writes.releases
        ],
        "i": [[i.member, table.refs(i.buckets), 1 if i.in_flight else 0] for i in writes.imports],
        "k": [
            [table.refs((bucket,))[0], (until - now) * 1000.0]
            for bucket, until in writes.blocks.values()
            if until > now
        ],
        "x": [
            [
                event.generation,
                -1 if event.seconds is None else event.seconds * 1000.0,
                event.rule.base * 1000.0,
                event.rule.cap * 1000.0,
            ]
            for event in writes.bans
        ],
        "lease": options.max_in_flight * 1000.0,
        "grace": options.ticket_grace * 1000.0,
        "margin": KEY_MARGIN_MS,
        "hp": longest_period * 1000.0,
        "ettl": options.epoch_ttl * 1000.0,
    }
    if fresh:
        step["fresh"] = 1
    if writes.ok is not None:
        step["ok"] = writes.ok
    if ask is not None:
        step.update(_ask_fields(ask, table))
    if report:
        step.update(s=table.refs(report), t=ticket)
    step["b"] = table.rows
    return step


def _ask_fields(ask: Ask, table: _BucketTable) -> dict[str, Any]:
    return {
        "t": ask.ticket,
        "sq": [seq or "" for seq in ask.seqs],
        "q": [
            [entry.weight, table.refs(entry.buckets), entry.member, int(entry.lane), entry.headroom]
            for entry in ask.batch
        ],
        "ln": list(ask.waiting),
        "n": sum(ask.waiting),
        "cap": ask.cap,
        "share": BULK_SHARE,
    }


def encode_step(step: dict[str, Any]) -> str:
    return json.dumps(step, separators=(",", ":"))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _seq(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


@attrs.frozen(slots=True)
class BucketRow:
    used: int
    in_flight: int
    blocked_for: float


@attrs.frozen(slots=True)
class StepReply:
    """What a step decided: ``granted`` indices into the batch (0-based), ``wait`` seconds until the
    earliest waiter left could fit (None: none left), ``banned_for`` seconds, the buckets someone lacks
    room in (``held``), the ticket's queue position in each lane (``seqs``), the reported rows and
    fleet-wide waiters (in all and per lane), and the
    ban gate: its ``generation``, escalation ``level``, whether it is ``open``, and which granted index
    (0-based, into the batch) is the half-open ``probe``; the fleet's ``epoch``, and ``hold``: the
    seconds every grant is still held after the fleet's state was lost."""

    granted: tuple[int, ...] = ()
    wait: float | None = None
    banned_for: float = 0.0
    held: frozenset[str] = frozenset()
    seqs: tuple[str | None, ...] = NO_SEQS
    rows: tuple[BucketRow, ...] = ()
    fleet_waiters: int = 0
    fleet_by_lane: tuple[int, ...] = (0,) * len(Lane)
    generation: int = 0
    level: int = 0
    open: bool = True
    probe: int | None = None
    epoch: str | None = None
    hold: float = 0.0

    def snapshot(self, buckets: tuple[Bucket, ...], grants: Sequence[int] = (0, 0, 0)) -> LimiterSnapshot:
        """The reported rows as the limiter's snapshot of ``buckets``; ``grants`` per lane (this process's)."""
        rows = tuple(
            BucketSnapshot(
                name=bucket.name,
                limit=bucket.limit,
                period=bucket.period,
                used=row.used,
                in_flight=row.in_flight,
                available=max(bucket.limit - row.used, 0),
                blocked_for=row.blocked_for,
            )
            for bucket, row in zip(buckets, self.rows, strict=True)
        )
        return LimiterSnapshot(
            rows,
            self.fleet_waiters,
            self.banned_for,
            waiters_by_lane={lane.name.lower(): self.fleet_by_lane[lane] for lane in Lane},
            grants_by_lane={lane.name.lower(): grants[lane] for lane in Lane},
        )

    @classmethod
    def parse(cls, raw: str | bytes) -> StepReply:
        reply = json.loads(raw)
        if not isinstance(reply, dict):
            return cls()
        wait_ms = float(reply.get("w", -1))
        seqs = _as_list(reply.get("sq"))
        by_lane = [int(count) for count in _as_list(reply.get("fl"))]
        return cls(
            granted=tuple(int(index) - 1 for index in _as_list(reply.get("g"))),
            wait=None if wait_ms < 0 else wait_ms / 1000.0,
            banned_for=max(float(reply.get("ban", 0)), 0.0) / 1000.0,
            held=frozenset(str(name) for name in _as_list(reply.get("held"))),
            seqs=tuple(_seq(seqs[lane] if lane < len(seqs) else None) for lane in Lane),
            rows=tuple(BucketRow(int(row[0]), int(row[1]), float(row[2]) / 1000.0) for row in _as_list(reply.get("s"))),
            fleet_waiters=int(reply.get("fleet", 0)),
            fleet_by_lane=tuple(by_lane[lane] if lane < len(by_lane) else 0 for lane in Lane),
            generation=int(reply.get("gen", 0)),
            level=int(reply.get("lvl", 0)),
            open=bool(reply.get("open", 1)),
            probe=int(reply.get("probe", 0)) - 1 if reply.get("probe") else None,
            epoch=str(reply["ep"]) if reply.get("ep") else None,
            hold=max(float(reply.get("hold", 0)), 0.0) / 1000.0,
        )
