"""The aiohttp wire behind httpx (``httpx-aiohttp``), with errors that say truthfully whether a request left.

``httpx-aiohttp`` maps every ``aiohttp.ClientConnectionError`` (a server that dropped the connection after
reading the request included) to ``httpx.ConnectTimeout``, which the SDK reads as "never sent, safe to
repeat": a POST that reached the server could be sent twice. Here only a failure to open a connection counts
as not sent; a later failure is a read timeout, a read error or a protocol error.

:class:`AiohttpWire` is the SDK's own send path on this transport's session: aiohttp directly, no
``httpx.Request`` built (unless the response's ``request`` is asked for), the whole body read at once, the URL
sent byte for byte as signed, no cookie jar.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import time
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import aiohttp
import httpx
import yarl
from httpx_aiohttp import AiohttpTransport

from ._http import Outgoing

if TYPE_CHECKING:
    from ._auth import SigningAuth

__all__ = ["AiohttpWire", "HonestAiohttpTransport", "honest_errors", "remap"]


class HonestAiohttpTransport(AiohttpTransport):
    """``httpx_aiohttp.AiohttpTransport`` whose request and body errors go through :func:`remap`; no cookie jar."""

    def get_client(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self.limits.max_connections or 0,
            keepalive_timeout=self.limits.keepalive_expiry,
            ssl=self.ssl_context,
        )
        return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())

    def session(self) -> aiohttp.ClientSession:
        """The aiohttp session, made on first use (inside the event loop)."""
        if not isinstance(self.client, aiohttp.ClientSession):
            self.client = self.get_client()
        return self.client

    def wire(self) -> AiohttpWire:
        return AiohttpWire(self)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with honest_errors():
            response = await super().handle_async_request(request)
        response.stream = _HonestStream(response.stream)
        return response


class AiohttpWire:
    """The send loop's path onto ``transport``'s aiohttp session (see the module docstring)."""

    def __init__(self, transport: HonestAiohttpTransport) -> None:
        self._transport = transport
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    def _timeout(self, timeout: httpx.Timeout) -> aiohttp.ClientTimeout:
        key = (timeout.connect, timeout.read, timeout.pool)
        made = self._timeouts.get(key)
        if made is None:
            made = self._timeouts[key] = aiohttp.ClientTimeout(
                sock_connect=timeout.connect, sock_read=timeout.read, connect=timeout.pool
            )
        return made

    async def exchange(self, outgoing: Outgoing, auth: SigningAuth | None) -> httpx.Response:
        headers = outgoing.signed_headers(auth)
        started = time.perf_counter()
        with honest_errors():
            async with self._transport.session().request(
                outgoing.method,
                yarl.URL(outgoing.url, encoded=True),
                headers=headers,
                data=outgoing.content,
                allow_redirects=False,
                auto_decompress=False,
                timeout=self._timeout(outgoing.timeout),
            ) as answer:
                body = await answer.read()
        response = _WireResponse(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(body),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": (answer.reason or "").encode()},
        )
        response.outgoing = outgoing
        response.read()
        response.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
        return response


class _WireResponse(httpx.Response):
    """An ``httpx.Response`` whose ``request`` is built from what was sent only when asked for."""

    outgoing: Outgoing | None = None

    @property
    def request(self) -> httpx.Request:
        if self._request is None and self.outgoing is not None:
            self._request = self.outgoing.to_request()
        return super().request

    @request.setter
    def request(self, value: httpx.Request) -> None:
        self._request = value


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
