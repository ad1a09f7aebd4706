"""The values a stream hands out or is configured with: events, sources, modes, options, counters."""

from __future__ import annotations

import enum
import random
from typing import Generic, TypeVar

import attrs

from .._clock import ClockFn, SleepFn, system_clock, system_sleep
from ._protocol import DEFAULT_URL
from ._socket import Connector

__all__ = ["Source", "StreamEvent", "StreamMode", "StreamOptions", "StreamStats"]

E = TypeVar("E")


class Source(enum.Enum):
    """Where an event's state came from."""

    SOCKET = "socket"
    """Pushed by the server over the WebSocket."""
    GAP_FILL = "gap_fill"
    """Read over REST after a (re)connect: the latest state of something that changed meanwhile."""
    POLLING = "polling"
    """Read over REST while the socket cannot be had."""


class StreamMode(enum.Enum):
    """What a stream is doing now."""

    CONNECTING = "connecting"
    SOCKET = "socket"
    POLLING = "polling"
    CLOSED = "closed"


@attrs.frozen
class StreamEvent(Generic[E]):
    """One new state of one entity (a ``Deal`` or ``SmartTrade``), and where it came from."""

    entity: E
    source: Source


@attrs.define
class StreamStats:
    """Counters of one stream, for monitoring and benchmarks."""

    connects: int = 0
    confirmed: int = 0
    rejected: int = 0
    dead: int = 0
    pushes: int = 0
    gap_fills: int = 0
    """Gap fills completed."""
    polls: int = 0
    """Polls completed."""
    yielded: int = 0
    dropped_stale: int = 0


@attrs.frozen(kw_only=True)
class StreamOptions:
    """How a stream connects, notices a dead connection, reconnects, and polls.

    Durations are in seconds. ``dead_after``: no frame for this long (two missed ~3 s pings) ends the
    connection; it also bounds the wait for the welcome and the confirmation. Reconnects wait
    ``backoff_initial`` doubling per failed attempt up to ``backoff_max``, minus up to ``jitter``
    of it at random. After ``poll_after_failures`` failed attempts in a row the stream polls REST
    every ``poll_interval`` while it keeps trying the socket. ``push_lag`` (server seconds) is how
    far a push may trail its ``updated_at``; it holds gap-fill states back and widens the REST
    window. ``snapshot`` yields the active entities first (as gap-fill events). ``connector``
    replaces the ``websockets`` connection (the testing kit's in-memory one, for instance);
    ``clock``/``sleep`` drive every timer (a ``VirtualClock`` in tests); ``rng`` the jitter.
    """

    url: str = DEFAULT_URL
    dead_after: float = 6.0
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    jitter: float = 0.5
    poll_after_failures: int = 2
    poll_interval: float = 15.0
    push_lag: float = 2.0
    snapshot: bool = False
    connector: Connector | None = None
    clock: ClockFn = system_clock
    sleep: SleepFn = system_sleep
    rng: random.Random = attrs.field(factory=random.Random, eq=False)

    def __attrs_post_init__(self) -> None:
        if not self.dead_after > 0 or not self.poll_interval > 0:
            raise ValueError("dead_after and poll_interval must be positive")
        if not 0 < self.backoff_initial <= self.backoff_max:
            raise ValueError("need 0 < backoff_initial <= backoff_max")
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter is a fraction in [0, 1)")
        if self.poll_after_failures < 1:
            raise ValueError("poll_after_failures must be >= 1")

    def backoff(self, failures: int) -> float:
        """The wait before the next attempt after ``failures`` failed attempts in a row (0: a drop)."""
        delay = min(self.backoff_max, self.backoff_initial * 2.0 ** max(0, failures - 1))
        return delay * (1 - self.jitter * self.rng.random())
