"""What a fleet is configured with (one options object), its Redis keys, and its counters.

Key layout: ``threecommas:[<namespace>:]{<ban scope>}:<hash of the API key>:...`` for a budget and
``threecommas:[<namespace>:]{<ban scope>}:gate`` for the ban gate every budget of the ban scope shares
(one IP bans them all). The ``{hash tag}`` is the ban scope, so on Redis Cluster a budget and its gate
share one slot and a step stays one script call on one node; every key of a ban scope lands on that
node (use one ban scope per egress IP to spread IPs over a cluster).
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import attrs

__all__ = ["DEFAULT_BAN_SCOPE", "FleetOptions", "FleetStats", "fleet_gate_key", "fleet_key_prefix"]

_PREFIX_DOMAIN = b"threecommas_async fleet key v1\x00"
DEFAULT_BAN_SCOPE = "ip"


def _scope_root(namespace: str | None, ban_scope: str | None) -> str:
    _check_name("namespace", namespace)
    _check_name("ban_scope", ban_scope)
    spaced = f"{namespace}:" if namespace else ""
    return f"threecommas:{spaced}{{{ban_scope or DEFAULT_BAN_SCOPE}}}:"


def fleet_key_prefix(api_key: str, namespace: str | None = None, ban_scope: str | None = None) -> str:
    """The Redis key prefix of one budget: a hash of the API key (never the key) under the namespace and
    the ban scope's ``{hash tag}``."""
    if not api_key:
        raise ValueError("api_key must be a non-empty string")
    digest = hashlib.sha256(_PREFIX_DOMAIN + api_key.encode()).hexdigest()[:24]
    return f"{_scope_root(namespace, ban_scope)}{digest}:"


def fleet_gate_key(namespace: str | None = None, ban_scope: str | None = None) -> str:
    """The Redis key of the ban gate shared by every budget of ``ban_scope`` in ``namespace``."""
    return f"{_scope_root(namespace, ban_scope)}gate"


def _check_name(what: str, name: str | None) -> None:
    if name is not None and (not name or any(c in name for c in "{}")):
        raise ValueError(f"{what} must be non-empty and must not contain '{{' or '}}'")


def _positive(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise ValueError(f"{attribute.name} must be positive, not {value!r}")


def _share(instance: Any, attribute: attrs.Attribute[float | None], value: float | None) -> None:
    if value is not None and not 0.0 < value <= 1.0:
        raise ValueError(f"fallback_share must be in (0, 1] or None, not {value!r}")


def _non_negative(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if not value >= 0.0:
        raise ValueError(f"{attribute.name} must be >= 0, not {value!r}")


def _at_least_one(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise ValueError(f"{attribute.name} must be >= 1, not {value!r}")


def _name(instance: Any, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    _check_name(attribute.name, value)


@attrs.frozen(slots=True, kw_only=True)
class FleetOptions:
    """How a fleet backend behaves; every process of a fleet should use the same options.

    ``namespace``: separates fleets that share an API key and a Redis. ``ban_scope``: the budgets (API
    keys) that share one ban gate, since 3Commas bans by IP: by default every budget of the namespace;
    give each egress IP its own scope when the fleet sends from several. ``fallback_share``: None (default)
    fails closed while Redis is unreachable; a share in (0, 1] limits this process to that share of every
    bucket, locally, meanwhile (pick at most 1 / number of processes), probing Redis every
    ``probe_interval`` seconds. ``max_in_flight``: seconds a granted slot may stay unanswered before it is
    presumed lost. ``ticket_grace``: seconds a waiting process's place in the queue outlives its expected
    return. ``batch_size``: local waiters carried per step. ``release_linger``: seconds an answered
    release may wait for a step that asks for budget, to ride along with it, before it is written on its
    own (at most 2 % of the shortest period of its buckets; it costs no budget, since Redis backdates the
    release). ``trust_fresh_start``: grant at once when the fleet's state is missing at first start
    (default: wait one full period, since a previous fleet may have spent the budget a moment ago; a
    fleet whose state vanished later, a flush or a restart, always waits). ``epoch_ttl``: seconds the
    budget's state (its epoch) outlives its last grant (a fleet idle for longer starts as a new one, and waits
    unless ``trust_fresh_start``). ``socket_timeout`` and
    ``connect_timeout`` apply to the client ``RedisBackend.from_url`` makes.
    """

    namespace: str | None = attrs.field(default=None, validator=_name)
    ban_scope: str | None = attrs.field(default=None, validator=_name)
    fallback_share: float | None = attrs.field(default=None, validator=_share)
    max_in_flight: float = attrs.field(default=120.0, validator=_positive)
    ticket_grace: float = attrs.field(default=2.0, validator=_positive)
    batch_size: int = attrs.field(default=32, validator=_at_least_one)
    probe_interval: float = attrs.field(default=1.0, validator=_positive)
    release_linger: float = attrs.field(default=0.005, validator=_non_negative)
    trust_fresh_start: bool = False
    epoch_ttl: float = attrs.field(default=86_400.0, validator=_positive)
    socket_timeout: float = attrs.field(default=2.0, validator=_positive)
    connect_timeout: float = attrs.field(default=1.0, validator=_positive)


@attrs.define(slots=True)
class FleetStats:
    """Counters of one backend. Every step is one Redis round trip (one EVALSHA) made by the pump.

    ``ask_steps`` carried local waiters (asked for budget), ``denied_steps`` are those of them that got
    nothing; ``write_steps`` carried releases, blocks or bans, and ``write_only_steps`` are those of
    them that asked for nothing (a write that found no ask to ride along with). A step can be both an
    ask and a write step. ``local_grants`` came from the fallback.
    """

    steps: int = 0
    ask_steps: int = 0
    denied_steps: int = 0
    write_steps: int = 0
    write_only_steps: int = 0
    grants: int = 0
    grants_by_lane: list[int] = attrs.field(factory=lambda: [0, 0, 0])
    snapshots: int = 0
    failures: int = 0
    local_grants: int = 0

    def count_step(self, *, asked: bool, granted: bool, wrote: bool) -> None:
        self.steps += 1
        if asked:
            self.ask_steps += 1
            if not granted:
                self.denied_steps += 1
        if wrote:
            self.write_steps += 1
            if not asked:
                self.write_only_steps += 1

    def count_grant(self, lane: int) -> None:
        self.grants += 1
        self.grants_by_lane[lane] += 1

    @property
    def steps_per_grant(self) -> float:
        """All round trips (grants, releases, blocks) per granted request."""
        return self.steps / self.grants if self.grants else math.inf

    @property
    def ask_steps_per_grant(self) -> float:
        """Round trips that asked for budget, per granted request."""
        return self.ask_steps / self.grants if self.grants else math.inf

    @property
    def write_only_steps_per_grant(self) -> float:
        """Round trips made only to write (releases, blocks, bans), per granted request."""
        return self.write_only_steps / self.grants if self.grants else math.inf
