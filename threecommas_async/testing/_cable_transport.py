"""How the fake's ActionCable server meets clients: an in-memory socket pair, or WebSockets on loopback.

Both give the server a :class:`Peer` (send, receive, abort) and the client a
:class:`~threecommas_async.streams.CableSocket`. The in-memory pair delivers, in order, everything
sent before an abort, then reports the connection closed on both ends.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Protocol

from ..streams._socket import SocketClosed, WebSocketConnection, frameless_logger

__all__ = ["MemoryEnd", "Peer", "memory_pair", "serve_websockets"]


class Peer(Protocol):
    """The server's side of one connection."""

    async def send(self, text: str) -> None: ...

    async def recv(self) -> str | bytes: ...

    def abort(self) -> None: ...


class _Wire:
    """State shared by both ends of an in-memory connection."""

    def __init__(self) -> None:
        self.closed = False


class MemoryEnd:
    """One end of an in-memory connection; usable as a client socket and as a server peer."""

    def __init__(self, wire: _Wire) -> None:
        self._wire = wire
        self._inbox: asyncio.Queue[str | bytes | None] = asyncio.Queue()
        self.other: MemoryEnd | None = None

    async def send(self, text: str) -> None:
        if self._wire.closed or self.other is None:
            raise SocketClosed("connection closed")
        self.other._inbox.put_nowait(text)

    async def recv(self) -> str | bytes:
        item = await self._inbox.get()
        if item is None:
            self._inbox.put_nowait(None)
            raise SocketClosed("connection closed")
        return item

    def abort(self) -> None:
        if self._wire.closed:
            return
        self._wire.closed = True
        self._inbox.put_nowait(None)
        if self.other is not None:
            self.other._inbox.put_nowait(None)

    async def close(self) -> None:
        self.abort()


def memory_pair() -> tuple[MemoryEnd, MemoryEnd]:
    """A connected (client, server) pair."""
    wire = _Wire()
    client, server = MemoryEnd(wire), MemoryEnd(wire)
    client.other, server.other = server, client
    return client, server


@contextlib.asynccontextmanager
async def serve_websockets(
    handler: Callable[[Peer], Awaitable[None]], refuse: Callable[[], bool]
) -> AsyncIterator[str]:
    """Serve WebSockets on 127.0.0.1 (free port) at ``/websocket``; yields the ``ws://`` URL.

    While ``refuse()`` is true the opening handshake is answered with HTTP 503.
    """
    from websockets.asyncio.server import serve
    from websockets.http11 import Response

    async def on_connection(connection: Any) -> None:
        await handler(WebSocketConnection(connection))

    def process_request(connection: Any, request: Any) -> Response | None:
        if refuse():
            response: Response = connection.respond(503, "Service Unavailable\n")
            return response
        return None

    async with serve(
        on_connection,
        "127.0.0.1",
        0,
        process_request=process_request,
        ping_interval=None,
        close_timeout=1,
        logger=frameless_logger("threecommas_async.testing.cable"),
    ) as server:
        host, port = next(iter(server.sockets)).getsockname()[:2]
        yield f"ws://{host}:{port}/websocket"
