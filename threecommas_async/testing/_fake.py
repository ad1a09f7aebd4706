"""``FakeThreeCommas``: the stateful fake 3Commas API users' tests and the demo talk to.

It ties the parts together (keys, books, rate limiter, faults, observer, routes) and offers the
ways in: ``fake.app`` (ASGI, for ``httpx.ASGITransport``), ``fake.http_client()``, and
``fake.serve()`` / ``fake.serve_in_thread()`` for real HTTP on loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Any

import httpx

from ._app import BASE_PATH, AsgiApp, Pipeline
from ._clock import Clock, ScaledClock
from ._faults import FaultInjector
from ._handlers import build_route_table
from ._keys import ALL_PERMISSIONS, FakeKey, KeyRing, Permission
from ._limits import Budget, LimitSettings, ServerRateLimiter
from ._observe import Counters, Observer, RepeatRecord, RequestRecord
from ._routing import RouteTable
from ._seed import SeedSizes, seed_book
from ._signature import BODY_JOINS, FakeSigner
from ._state import Book, Mode, World

__all__ = ["FakeThreeCommas"]

IN_PROCESS_BASE_URL = "http://fake-3commas.test" + BASE_PATH


class FakeThreeCommas:
    """A fake 3Commas API: signed requests, per-key budgets, paper and real books, faults, a log.

    ``time_scale`` makes every duration (windows, blocks, bans, latency) last ``time_scale`` times
    as long in real time; ``clock`` replaces the scaled clock (e.g. a :class:`ManualClock`), and its
    ``sleep`` (API seconds) paces latency faults unless ``sleep`` is given. ``body_joins`` are the
    accepted joins of path and body for body-only requests: ``"?"`` (documented vectors) and ``""``
    (the docs' alternative) by default; ``("?",)`` is strict. ``repeat_window`` is how long an
    applied non-idempotent operation is remembered. :meth:`seed` adds values real bodies have carried
    (``"NaN"`` fills in some deals' ``buy_steps``, an ``"Infinity"`` account percentage) unless
    ``odd_values=False``.
    """

    def __init__(
        self,
        *,
        time_scale: float = 1.0,
        clock: Clock | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        limits: LimitSettings | None = None,
        body_joins: Iterable[str] = BODY_JOINS,
        repeat_window: float = 60.0,
        mode: Mode = Mode.REAL,
        seed: int = 0,
        odd_values: bool = True,
    ) -> None:
        if not time_scale > 0:
            raise ValueError("time_scale must be positive")
        self.time_scale = time_scale
        self.odd_values = odd_values
        self.clock: Clock = clock if clock is not None else ScaledClock(time_scale)
        self.keys = KeyRing(seed=seed)
        self.rate_limiter = ServerRateLimiter(limits)
        self.faults = FaultInjector(clock=self.clock, seed=seed)
        self.observer = Observer(repeat_window=repeat_window)
        self.world = World(mode=mode)
        self.routes: RouteTable = build_route_table()
        self._pipeline = Pipeline(
            clock=self.clock,
            time_scale=time_scale,
            sleep=sleep if sleep is not None else getattr(self.clock, "sleep", self._scaled_sleep),
            keys=self.keys,
            limiter=self.rate_limiter,
            faults=self.faults,
            observer=self.observer,
            world=self.world,
            routes=self.routes,
            body_joins=body_joins,
            rng=random.Random(f"handlers:{seed}"),
        )
        self.app = AsgiApp(self._pipeline)
        self._first_key: FakeKey | None = None

    def __repr__(self) -> str:
        return f"FakeThreeCommas(time_scale={self.time_scale}, keys={len(self.keys)})"

    async def _scaled_sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) * self.time_scale)

    def now(self) -> float:
        """The fake's current API time (epoch-like seconds)."""
        return self.clock()

    def add_key(
        self,
        api_key: str | None = None,
        secret: str | None = None,
        *,
        permissions: Iterable[Permission | str] = ALL_PERMISSIONS,
        default_mode: Mode | None = None,
        budgets: Iterable[Budget] | None = None,
    ) -> FakeKey:
        """Register an HMAC key (generated key and secret unless given).

        ``budgets`` gives the key its own budgets (another plan); every key shares its IP's bans.
        """
        key = self.keys.add_hmac(api_key, secret, permissions=permissions, default_mode=default_mode)
        return self._remember(key, budgets)

    def add_rsa_key(
        self,
        public_key: Any,
        api_key: str | None = None,
        *,
        permissions: Iterable[Permission | str] = ALL_PERMISSIONS,
        default_mode: Mode | None = None,
        budgets: Iterable[Budget] | None = None,
    ) -> FakeKey:
        """Register an RSA key by its public key (PEM, or a cryptography public or private key)."""
        key = self.keys.add_rsa(public_key, api_key, permissions=permissions, default_mode=default_mode)
        return self._remember(key, budgets)

    def _remember(self, key: FakeKey, budgets: Iterable[Budget] | None) -> FakeKey:
        if budgets is not None:
            key.budgets = tuple(budgets)
        if self._first_key is None:
            self._first_key = key
        return key

    @property
    def default_key(self) -> FakeKey:
        """The first key registered."""
        if self._first_key is None:
            raise LookupError("no API key registered yet: call add_key() first")
        return self._first_key

    def seed(
        self,
        *,
        seed: int = 0,
        accounts: int = 2,
        bots: int = 4,
        deals: int = 60,
        smart_trades: int = 25,
        grid_bots: int = 3,
        trades: int = 8,
        portfolios: int = 1,
        modes: Iterable[Mode] = (Mode.REAL, Mode.PAPER),
        odd_values: bool | None = None,
    ) -> None:
        """Replace the books of ``modes`` with deterministic content for ``seed``.

        ``odd_values`` (default: the fake's own setting) adds ``"NaN"``/``"Infinity"`` amounts.
        """
        sizes = SeedSizes(accounts, bots, deals, smart_trades, grid_bots, trades, portfolios)
        odd = self.odd_values if odd_values is None else odd_values
        for mode in modes:
            seed_book(self.world.book(mode), sizes, seed, odd_values=odd)

    def ban_ip(self, seconds: float | None = None, *, ip: str = "127.0.0.1") -> float:
        """Ban ``ip`` now (every key behind it): for ``seconds``, or the next escalation step. Returns the end."""
        return self.rate_limiter.ban(ip, now=self.clock(), seconds=seconds)

    def book(self, mode: Mode = Mode.REAL) -> Book:
        return self.world.book(mode)

    @property
    def requests(self) -> list[RequestRecord]:
        return self.observer.requests

    @property
    def counters(self) -> Counters:
        return self.observer.counters

    @property
    def repeats(self) -> list[RepeatRecord]:
        return self.observer.repeats

    def reset_observations(self) -> None:
        self.observer.reset()

    def transport(self) -> httpx.ASGITransport:
        """An in-process transport; requests come from ``127.0.0.1``."""
        return httpx.ASGITransport(app=self.app, client=("127.0.0.1", 50_000))

    def http_client(
        self, key: FakeKey | None = None, *, forced_mode: Mode | None = None, **kwargs: Any
    ) -> httpx.AsyncClient:
        """A plain ``httpx.AsyncClient`` wired in-process, signing with ``key`` (HMAC keys only).

        Requests are signed by the fake's own rule (:class:`FakeSigner`), not by the SDK.
        """
        auth: httpx.Auth | None = None
        if key is not None:
            if key.secret is None:
                raise ValueError("http_client() signs with HMAC keys; pass auth=RsaAuth(...) for RSA keys")
            auth = FakeSigner(key.api_key, key.secret)
        headers = dict(kwargs.pop("headers", {}))
        if forced_mode is not None:
            headers["Forced-Mode"] = forced_mode.value
        kwargs.setdefault("auth", auth)
        return httpx.AsyncClient(transport=self.transport(), base_url=IN_PROCESS_BASE_URL, headers=headers, **kwargs)

    @contextlib.asynccontextmanager
    async def serve(self, *, log_level: str = "warning") -> AsyncIterator[str]:
        """Serve over HTTP on 127.0.0.1 (free port) in this event loop; yields the base URL."""
        from ._server import serve

        async with serve(self.app, log_level=log_level) as base_url:
            yield base_url

    @contextlib.contextmanager
    def serve_in_thread(self, *, log_level: str = "warning") -> Iterator[str]:
        """Serve over HTTP on 127.0.0.1 from a background thread; yields the base URL."""
        from ._server import serve_in_thread

        with serve_in_thread(self.app, log_level=log_level) as base_url:
            yield base_url
