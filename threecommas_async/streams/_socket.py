"""The socket a stream talks through: a small protocol, and its implementation on ``websockets``.

Streams only need to send text, receive text and abort; tests and the fake may plug in another
:data:`Connector` (the testing kit has an in-memory one). The ``websockets`` connection logs
nothing at DEBUG level, so frames (which carry the subscription signature) never reach a log.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

__all__ = [
    "CableSocket",
    "Connector",
    "SocketClosed",
    "SocketUnavailable",
    "frameless_logger",
    "websocket_connector",
]


class SocketClosed(Exception):
    """The connection ended (closed by either side, reset, or aborted)."""


class SocketUnavailable(Exception):
    """No connection could be opened (refused, DNS, TLS, HTTP handshake rejected, timeout)."""


class CableSocket(Protocol):
    async def send(self, text: str) -> None:
        """Send one text frame; raises :class:`SocketClosed`."""

    async def recv(self) -> str | bytes:
        """The next frame; raises :class:`SocketClosed`."""

    def abort(self) -> None:
        """Drop the connection now, without a closing handshake (a dead peer would not answer)."""

    async def close(self) -> None:
        """Close politely, within a short timeout."""


Connector = Callable[[str], Awaitable[CableSocket]]
"""Opens a socket to a URL; raises :class:`SocketUnavailable`."""


class _NoDebug(logging.LoggerAdapter):  # type: ignore[type-arg]
    """A logger for ``websockets`` that never logs frames (they carry the signature)."""

    def isEnabledFor(self, level: int) -> bool:
        return level > logging.DEBUG and self.logger.isEnabledFor(level)


def frameless_logger(name: str) -> logging.LoggerAdapter:  # type: ignore[type-arg]
    """A logger for ``websockets`` connections that drops its DEBUG output (frame contents)."""
    return _NoDebug(logging.getLogger(name), {})


_LOGGER = frameless_logger("threecommas_async.streams.websocket")
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class WebSocketConnection:
    """:class:`CableSocket` over a ``websockets`` client connection."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    async def send(self, text: str) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            await self._connection.send(text)
        except ConnectionClosed:
            raise SocketClosed("connection closed") from None

    async def recv(self) -> str | bytes:
        from websockets.exceptions import ConnectionClosed

        try:
            frame: str | bytes = await self._connection.recv()
        except ConnectionClosed:
            raise SocketClosed("connection closed") from None
        return frame

    def abort(self) -> None:
        self._connection.transport.abort()

    async def close(self) -> None:
        await self._connection.close()


def websocket_connector(*, open_timeout: float = 10.0, close_timeout: float = 1.0) -> Connector:
    """A :data:`Connector` on the ``websockets`` library (the ``streams`` extra).

    The system proxy settings apply, except for loopback URLs. Protocol-level WebSocket pings are
    off: ActionCable's own pings tell a dead connection.
    """
    try:
        from websockets.asyncio.client import connect
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("streams need the 'websockets' package: pip install 'threecommas_async[streams]'") from exc

    async def open_socket(url: str) -> CableSocket:
        proxy: Literal[True] | None = None if urlsplit(url).hostname in _LOOPBACK else True
        try:
            connection = await connect(
                url,
                open_timeout=open_timeout,
                close_timeout=close_timeout,
                ping_interval=None,
                proxy=proxy,
                max_size=2**22,
                logger=_LOGGER,
            )
        except (OSError, TimeoutError) as exc:
            raise SocketUnavailable(f"cannot connect: {type(exc).__name__}") from exc
        except Exception as exc:
            if type(exc).__module__.startswith("websockets"):
                raise SocketUnavailable(f"handshake failed: {type(exc).__name__}") from exc
            raise
        return WebSocketConnection(connection)

    return open_socket
