"""The ban gate as a circuit breaker: closed while a ban is assumed, half-open (one probe) once it ends,
open after a success. The in-memory backend runs it as is; ``_fleet.lua`` runs the same rule in Redis.

One ban *event* escalates once, whatever number of 418s it produced: every permit carries the gate's
generation at grant time, and a 418 on a permit granted before the gate last closed belongs to the event
that closed it (no escalation; a longer Retry-After still extends the gate). A 418 on a permit granted
since (or on none) is a new event: the gate closes for Retry-After, or for ``base * 2**level`` capped
at ``cap``, and the level goes up. When the assumed ban ends the gate half-opens: exactly one request
(the probe) is granted; a 418 on it is a new event (the next length), a success opens the gate fully and
resets the level, and a probe that ends with neither (not sent, or a transport error or 5xx) lets the
next waiter probe.
"""

from __future__ import annotations

import math

import attrs

from ._backend import Permit
from ._policy import BanRule

__all__ = ["BanGate"]


@attrs.define(slots=True)
class BanGate:
    """Gate state: ``generation`` counts ban events, ``level`` those since the last success."""

    generation: int = 0
    level: int = 0
    until: float = -math.inf
    open: bool = True
    probe_out: bool = False

    def remaining(self, now: float) -> float:
        return max(self.until - now, 0.0)

    def admits(self, now: float) -> bool:
        """Whether one more request may be granted now (the probe, when half-open)."""
        if self.open:
            return True
        return now >= self.until and not self.probe_out

    def half_open(self, now: float) -> bool:
        return not self.open and now >= self.until

    def stamp(self, permit: Permit, now: float) -> None:
        """Record the gate state on a permit being granted; the first grant when half-open is the probe."""
        permit.ban_generation = self.generation
        if not self.open:
            permit.probe = True
            self.probe_out = True

    def ban(self, permit: Permit | None, retry_after: float | None, rule: BanRule, now: float) -> float:
        """A 418 on ``permit`` (None: unknown, always a new event); returns the seconds the gate stays closed."""
        if permit is not None and permit.ban_generation < self.generation:
            if retry_after is not None:
                self.until = max(self.until, now + retry_after)
            return self.remaining(now)
        seconds = retry_after if retry_after is not None else rule.length(self.level)
        self.generation += 1
        self.level += 1
        self.until = max(self.until, now + seconds)
        self.open = False
        self.probe_out = False
        return self.remaining(now)

    def succeeded(self, permit: Permit | None) -> bool:
        """A success on ``permit``; returns whether the gate opened. A stale permit changes nothing."""
        if permit is not None and permit.ban_generation < self.generation:
            return False
        self.level = 0
        opened = not self.open
        self.open = True
        self.probe_out = False
        return opened

    def probe_ended(self, permit: Permit) -> bool:
        """The probe's attempt ended without a verdict; returns whether the next waiter may probe."""
        if not permit.probe or permit.ban_generation != self.generation or self.open:
            return False
        self.probe_out = False
        return True
