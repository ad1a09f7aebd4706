"""Serving the fake over real HTTP on loopback with uvicorn (the ``server`` extra).

:func:`serve` runs uvicorn as a task of the running event loop; :func:`serve_in_thread` runs it in a
thread with its own loop, for synchronous code. Both bind 127.0.0.1 on a free port and yield the
base URL (``http://127.0.0.1:<port>/public/api``). Dropped-connection faults abort the TCP
connection, so the client sees what a real reset looks like.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

from ._app import ABORT_EXTENSION, BASE_PATH, AsgiApp, Receive, Scope, Send

__all__ = ["serve", "serve_in_thread"]


def _uvicorn() -> Any:
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("serving the fake over HTTP needs uvicorn: pip install 'threecommas_async[server]'") from exc
    return uvicorn


class _AbortingApp:
    """Gives the fake a way to abort the TCP connection of the current request."""

    def __init__(self, app: AsgiApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            transport = getattr(getattr(send, "__self__", None), "transport", None)
            if isinstance(transport, asyncio.BaseTransport) and hasattr(transport, "abort"):
                scope = dict(scope)
                scope["extensions"] = {**scope.get("extensions", {}), ABORT_EXTENSION: transport.abort}
        await self._app(scope, receive, send)


def _bind() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def _make_server(app: AsgiApp, log_level: str) -> Any:
    uvicorn = _uvicorn()

    class _QuietServer(uvicorn.Server):  # type: ignore[misc, name-defined]
        """Leaves the process' signal handlers alone."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    config = uvicorn.Config(
        _AbortingApp(app),
        log_level=log_level,
        access_log=False,
        lifespan="off",
        proxy_headers=False,
        server_header=False,
        date_header=False,
    )
    return _QuietServer(config)


def _base_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{host}:{port}{BASE_PATH}"


@contextlib.asynccontextmanager
async def serve(app: AsgiApp, *, log_level: str = "warning") -> AsyncIterator[str]:
    """Serve ``app`` on 127.0.0.1 as a task of this loop; yields the base URL."""
    server = _make_server(app, log_level)
    sock = _bind()
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                task.result()
                raise RuntimeError("the fake server stopped while starting")
            await asyncio.sleep(0.005)
        yield _base_url(sock)
    finally:
        server.should_exit = True
        await asyncio.gather(task, return_exceptions=True)
        sock.close()


@contextlib.contextmanager
def serve_in_thread(app: AsgiApp, *, log_level: str = "warning", timeout: float = 10.0) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 from a background thread; yields the base URL.

    The fake's state is then changed from that thread: read counters freely, but change keys,
    faults or books only while no request is in flight.
    """
    server = _make_server(app, log_level)
    sock = _bind()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(server.serve(sockets=[sock]))
        except BaseException as exc:  # pragma: no cover - reported to the caller below
            failure.append(exc)

    thread = threading.Thread(target=run, name="fake-3commas", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)
        if failure or not server.started:
            raise RuntimeError("the fake server did not start") from (failure[0] if failure else None)
        yield _base_url(sock)
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
