"""The limiter backend interface, the permit it hands out, and the snapshot it reports.

A backend grants weight atomically across every bucket a request falls in, holds a slot from the grant
until ``period`` seconds after the response arrived (so the server, which counts arrivals, can never see
more than ``limit`` in any window), and keeps the block windows and the ban gate.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

import attrs

from .._exceptions import IPBannedError
from ._policy import BanRule, Bucket

DEFAULT_BAN_RULE = BanRule()

__all__ = ["BucketSnapshot", "HeldSlot", "Lane", "LimiterBackend", "LimiterSnapshot", "Permit", "ban_error"]


class Lane(enum.IntEnum):
    """Which queue a request waits in. A waiting ``URGENT`` request is granted before any ``NORMAL`` or
    ``BULK`` one; ``NORMAL`` goes before ``BULK``, except that ``BULK`` gets a minimum share of the grants
    while both wait. First come, first served within a lane."""

    URGENT = 0
    NORMAL = 1
    BULK = 2

    @classmethod
    def named(cls, name: str) -> Lane:
        """``"urgent"``, ``"normal"`` or ``"bulk"``."""
        return cls[name.upper()]


@attrs.define(slots=True, eq=False)
class Permit:
    """Weight granted in ``buckets``; give it back with ``release`` once the attempt has ended."""

    buckets: tuple[Bucket, ...]
    weight: int
    waited: float = 0.0
    token: Any = None
    released: bool = False
    ban_generation: int = 0
    probe: bool = False
    lane: Lane = Lane.NORMAL


@attrs.frozen(slots=True)
class HeldSlot:
    """A slot held outside a shared backend (by a fallback), to be counted by it: in flight or lingering."""

    buckets: tuple[Bucket, ...]
    weight: int
    in_flight: bool


@attrs.frozen(slots=True)
class BucketSnapshot:
    name: str
    limit: int
    period: float
    used: int
    in_flight: int
    available: int
    blocked_for: float


@attrs.frozen(slots=True)
class LimiterSnapshot:
    """Limiter state for dashboards: per-bucket use, waiters, and seconds left in a ban."""

    buckets: tuple[BucketSnapshot, ...]
    waiters: int
    banned_for: float
    waiters_by_lane: Mapping[str, int] = attrs.field(factory=dict)
    grants_by_lane: Mapping[str, int] = attrs.field(factory=dict)

    def bucket(self, name: str) -> BucketSnapshot:
        return next(b for b in self.buckets if b.name == name)


@runtime_checkable
class LimiterBackend(Protocol):
    async def acquire(
        self,
        buckets: tuple[Bucket, ...],
        weight: int,
        *,
        max_ban_wait: float,
        lane: Lane = Lane.NORMAL,
        reserve: int = 0,
    ) -> Permit:
        """Wait (first come, first served within ``lane``) until ``weight`` fits every bucket, then take it.

        ``reserve`` slots of every bucket are left to ``Lane.URGENT``. Raises IPBannedError at once when a
        ban is in force for longer than ``max_ban_wait``.
        """
        ...

    async def release(self, permit: Permit, *, sent: bool) -> None:
        """End the permit's attempt. ``sent=False`` (provably not sent) frees the slot at once;
        otherwise the slot is freed one period from now."""
        ...

    async def block(self, buckets: tuple[Bucket, ...], seconds: float) -> None:
        """Open a block window: nothing in these buckets is granted for ``seconds``."""
        ...

    async def ban(
        self, seconds: float | None, *, permit: Permit | None = None, rule: BanRule = DEFAULT_BAN_RULE
    ) -> float:
        """A 418 on ``permit``'s request (see ``_gate``): close the ban gate for ``seconds`` (None: the
        rule's escalating length) unless the 418 belongs to the event that closed it already; nothing at
        all is granted until it lifts. Returns the seconds the gate stays closed."""
        ...

    def succeeded(self, permit: Permit | None) -> None:
        """A request got an answer that was not a ban: a half-open gate opens, escalation resets."""
        ...

    async def snapshot(self, buckets: tuple[Bucket, ...]) -> LimiterSnapshot: ...

    async def aclose(self) -> None: ...


def ban_error(remaining: float) -> IPBannedError:
    """The error for a caller who would wait longer than allowed for a ban to lift."""
    error = IPBannedError(
        status=418,
        method="*",
        path="*",
        error="ip_banned",
        error_description=f"IP ban in force for {remaining:.0f} more seconds; not waiting",
    )
    error.retry_at = time.time() + remaining
    error.local = True
    return error
