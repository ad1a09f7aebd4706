"""The IP-wide ban gate: one :class:`BanGate` shared by every in-memory limiter that talks to one API host.

3Commas bans by IP (HTTP 418) while budgets are per key, so a 418 drawn by one key's client stops the
clients of every other key in the process. Clients share the gate of their API host (``host:port``) by
default; ``ThreeCommas(ban_gate=IPBanGate())`` gives a client a gate of its own. Backends watch the gate
they use: whenever it closes, opens, or frees its half-open probe, each of them re-examines its waiters
(on its own event loop), so exactly one of them sends the probe and all resume when it succeeds.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from typing import Protocol

import httpx

from .._clock import ClockFn
from ._gate import BanGate

__all__ = ["IPBanGate", "reset_shared_ban_gates", "shared_ban_gate"]


class GateWatcher(Protocol):
    def gate_moved(self) -> None:
        """The shared gate changed state: fail waiters that would wait too long, grant what now may run."""
        ...

    def watcher_loop(self) -> asyncio.AbstractEventLoop | None:
        """The event loop the watcher's waiters live on (None: it has never waited)."""
        ...


class IPBanGate:
    """A ban gate that several clients may share. Create one to give clients a gate of their own (or to
    share one explicitly, whatever their hosts); by default a client uses :func:`shared_ban_gate`."""

    __slots__ = ("__weakref__", "_watchers", "state")

    def __init__(self) -> None:
        self.state = BanGate()
        self._watchers: weakref.WeakSet[GateWatcher] = weakref.WeakSet()

    def __repr__(self) -> str:
        gate = self.state
        return f"IPBanGate(open={gate.open}, level={gate.level}, generation={gate.generation})"

    def watch(self, watcher: GateWatcher) -> None:
        self._watchers.add(watcher)

    def moved(self, origin: GateWatcher) -> None:
        """Tell every watcher but ``origin`` (which acts on the change itself) that the gate changed."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        for watcher in list(self._watchers):
            if watcher is origin:
                continue
            loop = watcher.watcher_loop()
            if loop is None:
                continue
            if loop is running:
                watcher.gate_moved()
            elif not loop.is_closed():
                loop.call_soon_threadsafe(watcher.gate_moved)


_shared: dict[tuple[str, ClockFn], IPBanGate] = {}
_shared_lock = threading.Lock()


def shared_ban_gate(base_url: str, clock: ClockFn) -> IPBanGate:
    """The process-wide gate of ``base_url``'s host and port, per clock (deadlines from different clocks
    cannot be compared, so clients on a test's virtual clock never share with real ones)."""
    url = httpx.URL(base_url)
    key = (f"{url.host}:{url.port or ''}", clock)
    with _shared_lock:
        gate = _shared.get(key)
        if gate is None:
            gate = _shared[key] = IPBanGate()
        return gate


def reset_shared_ban_gates() -> None:
    """Forget every shared gate (the pytest plugin calls this before each test so no ban leaks between
    tests); clients made before keep the gate they have."""
    with _shared_lock:
        _shared.clear()
