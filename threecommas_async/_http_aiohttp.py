"""The aiohttp wire behind httpx (``httpx-aiohttp``), with errors that say truthfully whether a request left.

``httpx-aiohttp`` maps every ``aiohttp.ClientConnectionError`` (a server that dropped the connection after
reading the request included) to ``httpx.ConnectTimeout``, which the SDK reads as "never sent, safe to
repeat": a POST that reached the server could be sent twice. Here only a failure to open a connection counts
as not sent; a later failure is a read timeout, a read error or a protocol error.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

__all__ = ["HonestAiohttpTransport", "honest_errors", "remap"]


class HonestAiohttpTransport(AiohttpTransport):
    """``httpx_aiohttp.AiohttpTransport`` whose request and body errors go through :func:`remap`."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with honest_errors():
            response = await super().handle_async_request(request)
        response.stream = _HonestStream(response.stream)
        return response


class _HonestStream(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream | httpx.SyncByteStream) -> None:
        assert isinstance(stream, httpx.AsyncByteStream)
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with honest_errors():
            async for chunk in self._stream:
                yield chunk

    async def aclose(self) -> None:
        with honest_errors():
            await self._stream.aclose()


@contextlib.contextmanager
def honest_errors() -> Iterator[None]:
    """Re-raise aiohttp failures (raw, or as httpx-aiohttp mapped them) as the httpx error :func:`remap` gives."""
    try:
        yield
    except Exception as exc:
        mapped = remap(exc)
        if mapped is None:
            raise
        raise mapped from exc


def remap(exc: BaseException) -> httpx.TransportError | None:
    """The truthful httpx error for an aiohttp failure, or None when ``exc`` does not come from aiohttp."""
    cause = exc.__cause__ if isinstance(exc, httpx.TransportError) else exc
    if not isinstance(cause, (aiohttp.ClientError, asyncio.TimeoutError)):
        return None
    return _kind(cause)(f"{type(cause).__name__}: {cause}")


def _kind(cause: BaseException) -> type[httpx.TransportError]:
    if isinstance(cause, aiohttp.ClientConnectorError):
        return httpx.ConnectError
    if isinstance(cause, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout
    if isinstance(cause, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        return httpx.ReadTimeout
    if isinstance(cause, aiohttp.ClientPayloadError):
        return httpx.ReadError
    if isinstance(cause, aiohttp.ClientConnectionError):
        return httpx.RemoteProtocolError
    return httpx.TransportError
