"""The fake 3Commas server in a child process, for benchmarks that must not share a GIL with it.

:class:`FakeServerProcess` starts ``FakeThreeCommas`` (seeded, one HMAC key with a fixed key and
secret) in a spawned process, serving HTTP on a free loopback port, and answers three questions over a
pipe: the fake's current API time, what it saw (every request's arrival time and status), and stop.
``budgets=False`` turns the fake's rate limits off (for overhead measurements).

The fake accepts both signature forms for a request without query string (``path?`` + body, as the
SDK signs, and ``path`` + body, as py3cw signs), so py3cw is measured on its rate behaviour only.
"""

from __future__ import annotations

import multiprocessing
import socket
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

API_KEY = "bench-api-key-0123456789abcdef"
API_SECRET = "bench-api-secret-fedcba9876543210"


def _bind_without_nagle() -> socket.socket:
    """Like ``testing._server._bind``, but the socket says it is TCP, so asyncio sets TCP_NODELAY on
    accepted connections (without it every response waits ~40 ms for a delayed ACK; reported)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def _serve(conn: Connection, time_scale: float, budgets: bool, seed: int, book: dict[str, int]) -> None:
    from threecommas_async.testing import FakeThreeCommas, LimitSettings, _server

    _server._bind = _bind_without_nagle
    fake = FakeThreeCommas(time_scale=time_scale, seed=seed, body_joins=("?", ""))
    fake.seed(seed=seed, **{"deals": 200, "smart_trades": 40, **book})
    fake.add_key(API_KEY, API_SECRET)
    if not budgets:
        fake.rate_limiter.settings = LimitSettings(budgets=())
    with fake.serve_in_thread(log_level="error") as base_url:
        conn.send(base_url)
        while True:
            command = conn.recv()
            if command == "now":
                conn.send(fake.now())
            elif command == "seen":
                conn.send(
                    {
                        "arrivals": [(record.time, record.status) for record in fake.requests],
                        "bans_imposed": fake.counters.bans_imposed,
                        "blocks_opened": fake.counters.blocks_opened,
                        "deal_ids": sorted(fake.book().deals),
                        "active_deal_ids": sorted(i for i, d in fake.book().deals.items() if not d["finished?"]),
                        "account_ids": sorted(fake.book().accounts),
                        "bot_ids": sorted(fake.book().bots),
                        "methods": [record.method for record in fake.requests],
                    }
                )
            elif command == "stop":
                conn.send("stopped")
                return


class FakeServerProcess:
    """``with FakeServerProcess(time_scale=...) as fake:`` -> ``fake.base_url``, ``fake.now()``, ``fake.seen()``."""

    def __init__(self, *, time_scale: float, budgets: bool = True, seed: int = 0, **book: int) -> None:
        """``book``: ``FakeThreeCommas.seed`` sizes (``deals=``, ``accounts=``, ...) over the defaults."""
        self.time_scale = time_scale
        self._args = (time_scale, budgets, seed, book)
        self._conn: Connection | None = None
        self._process: Any = None
        self.base_url = ""

    def __enter__(self) -> FakeServerProcess:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, *self._args), daemon=True)
        self._process.start()
        if not parent.poll(30):
            raise RuntimeError("the fake server process did not start")
        self.base_url = parent.recv()
        self._conn = parent
        return self

    def _ask(self, command: str) -> Any:
        assert self._conn is not None
        self._conn.send(command)
        return self._conn.recv()

    def now(self) -> float:
        """The fake's API time (its windows and bans run on it)."""
        return float(self._ask("now"))

    def seen(self) -> dict[str, Any]:
        """Every request's (arrival API time, status or None), and the blocks and bans the fake imposed."""
        return dict(self._ask("seen"))

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self._ask("stop")
        finally:
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()
