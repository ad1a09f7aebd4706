"""Many API keys in one process: one ``ThreeCommas`` client per key, all on one shared connection pool.

:class:`ClientPool` owns the shared ``httpx.AsyncClient`` (either backend), caps the requests in flight over
all its clients together (so thousands of keys never pile thousands of waiters into the HTTP pool), hands
out one client per key (each with its own limiter, since 3Commas budgets are per key) and closes everything
once. :func:`shared_http_client` is the pool alone, for callers who build their clients themselves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from ._client import ThreeCommas
from ._exceptions import ClientClosedError, ValidationError
from ._http import POOL_MAX_IN_FLIGHT, GatedWire, HttpBackend, SdkHttpClient, build_transport, wire_of

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = ["ClientPool", "shared_http_client"]


def shared_http_client(
    http_backend: HttpBackend = "httpx", *, max_in_flight: int = POOL_MAX_IN_FLIGHT
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` for ``ThreeCommas(http_client=...)`` shared by many clients.

    At most ``max_in_flight`` requests are on the wire at once over every client using it; the others wait
    in a FIFO gate in front of the pool. The caller closes it (after the clients): ``await http.aclose()``.
    The clients send straight to its transport (see :class:`~threecommas_async._http.SdkHttpClient`).
    """
    if max_in_flight < 1:
        raise ValidationError("max_in_flight", "must be >= 1")
    transport = build_transport(http_backend, max_connections=max_in_flight)
    gate = asyncio.Semaphore(max_in_flight)
    return SdkHttpClient(GatedTransport(transport, gate), GatedWire(wire_of(transport), gate))


class GatedTransport(httpx.AsyncBaseTransport):
    """At most as many exchanges at once through ``inner`` as ``gate`` allows; a slot is held until the body
    is closed. The SDK's own sends take the same gate on their wire (:class:`GatedWire`)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, gate: asyncio.Semaphore) -> None:
        self._inner = inner
        self._gate = gate

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self._gate.acquire()
        try:
            response = await self._inner.handle_async_request(request)
        except BaseException:
            self._gate.release()
            raise
        response.stream = _ReleasingStream(response.stream, self._gate)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class _ReleasingStream(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream | httpx.SyncByteStream, gate: asyncio.Semaphore) -> None:
        assert isinstance(stream, httpx.AsyncByteStream)
        self._stream = stream
        self._gate: asyncio.Semaphore | None = gate

    async def __aiter__(self) -> Any:
        try:
            async for chunk in self._stream:
                yield chunk
        finally:
            self._release()

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            self._release()

    def _release(self) -> None:
        if self._gate is not None:
            self._gate.release()
            self._gate = None


class ClientPool:
    """One ``ThreeCommas`` per API key, sharing one connection pool; ``async with ClientPool() as pool:``.

    ``pool.client(key, secret)`` returns the key's client, creating it on first use (a key has one client,
    so its budget is held by one limiter). ``client_options`` (``rate_limit``, ``base_url``, ``timeout``,
    ``max_retries``, ...) apply to every client; ``pool.client(..., **options)`` overrides them per key.
    ``max_in_flight`` caps requests on the wire over all clients together (and each client's own). Closing
    the pool closes every client (their limiter timers) and then the shared HTTP client, once.
    """

    def __init__(
        self,
        *,
        http_backend: HttpBackend = "httpx",
        max_in_flight: int = POOL_MAX_IN_FLIGHT,
        **client_options: Any,
    ) -> None:
        for name in ("http_client", "transport", "http_backend"):
            if name in client_options:
                raise ValidationError(name, "is set by the pool for every client")
        self._http = shared_http_client(http_backend, max_in_flight=max_in_flight)
        self._options = {"max_in_flight": max_in_flight, **client_options}
        self._clients: dict[str, ThreeCommas] = {}
        self._closed = False

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The shared ``httpx.AsyncClient`` (owned by the pool: do not close it yourself)."""
        return self._http

    def client(
        self,
        api_key: str,
        api_secret: str | None = None,
        *,
        private_key: str | bytes | RSAPrivateKey | None = None,
        **options: Any,
    ) -> ThreeCommas:
        """The client of ``api_key``, created on first use with the pool's options and ``options``."""
        if self._closed:
            raise ClientClosedError("this ClientPool is closed; create a new one")
        existing = self._clients.get(api_key)
        if existing is not None:
            return existing
        for name in ("http_client", "transport", "http_backend"):
            if name in options:
                raise ValidationError(name, "is set by the pool for every client")
        made = ThreeCommas(
            api_key,
            api_secret,
            private_key=private_key,
            http_client=self._http,
            **{**self._options, **options},
        )
        self._clients[api_key] = made
        return made

    async def remove(self, api_key: str) -> None:
        """Close and forget the client of ``api_key`` (its limiter); the shared pool stays open."""
        made = self._clients.pop(api_key, None)
        if made is not None:
            await made.aclose()

    def __getitem__(self, api_key: str) -> ThreeCommas:
        return self._clients[api_key]

    def __contains__(self, api_key: object) -> bool:
        return api_key in self._clients

    def __iter__(self) -> Iterator[str]:
        return iter(self._clients)

    def __len__(self) -> int:
        return len(self._clients)

    async def aclose(self) -> None:
        """Close every client, then the shared HTTP client; a second call does nothing."""
        if self._closed:
            return
        self._closed = True
        clients, self._clients = list(self._clients.values()), {}
        await asyncio.gather(*(made.aclose() for made in clients))
        await self._http.aclose()

    async def __aenter__(self) -> ClientPool:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"ClientPool(clients={len(self._clients)}, closed={self._closed})"
