"""Building the httpx client the SDK sends through: the connection pool, its size, and the HTTP backend.

``http_backend="httpx"`` (default) is httpx's own pool (httpcore). ``http_backend="aiohttp"`` keeps the httpx
API (auth, requests, responses) and hands the wire to aiohttp through ``httpx-aiohttp`` (the ``[aiohttp]``
extra): several times the throughput of httpcore on one core, which matters when one process polls many keys.

``DEFAULT_MAX_IN_FLIGHT`` (8) is one client's cap, chosen by ``benchmarks/bench_transport.py``: httpcore's pool
costs CPU per request in proportion to what is in it (about 1.0 ms at 4, 1.3 at 8, 2.0 at 100 on the bench
machine), aiohttp's least around 8; one key's budget (under 2 requests/s) needs far fewer than 8 in flight even
at a 1 s round trip. ``POOL_MAX_IN_FLIGHT`` (100) is a :class:`ClientPool`'s cap over all its keys: many keys
need about their total request rate × round trip in flight.

Both pools keep every connection they open alive (httpx's default keeps 20 of 100, so a busy client
reconnects over and over). The aiohttp wire lives in ``_http_aiohttp`` and is imported only when asked for.

The send loop puts each signed request on a *wire* (:class:`Wire`): an :class:`Outgoing` in, the whole answer
(body read) out as an ``httpx.Response``, or the ``httpx.HTTPError`` that ended the exchange. ``ClientWire`` sends
through a caller's ``httpx.AsyncClient`` with everything it is configured with (hooks, cookies, proxies), signed
in httpx's auth flow. Clients the SDK builds (:class:`SdkHttpClient`) skip that machinery, which costs more CPU
than the exchange itself: ``TransportWire`` hands a request straight to the transport, the aiohttp wire straight
to aiohttp; both send the URL byte for byte as it was signed, and keep no cookies (3Commas signs every request;
the widely used py3cw keeps none either). ``GatedWire`` caps the exchanges in flight.
"""

from __future__ import annotations

import asyncio
import datetime
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypeVar

import attrs
import httpx

from ._exceptions import ValidationError

if TYPE_CHECKING:
    from ._auth import SigningAuth

__all__ = [
    "DEFAULT_MAX_IN_FLIGHT",
    "POOL_MAX_IN_FLIGHT",
    "ClientWire",
    "GatedWire",
    "HttpBackend",
    "Outgoing",
    "SdkHttpClient",
    "TransportWire",
    "Wire",
    "build_http_client",
    "build_transport",
]

HttpBackend = Literal["httpx", "aiohttp"]
DEFAULT_MAX_IN_FLIGHT: Final = 8
POOL_MAX_IN_FLIGHT: Final = 100
_URL_CACHE: Final = 1024
_T = TypeVar("_T")
_AIOHTTP_MISSING: Final = "http_backend='aiohttp' needs the aiohttp extra: pip install 'threecommas_async[aiohttp]'"


def build_http_client(
    backend: HttpBackend = "httpx",
    *,
    max_connections: int = DEFAULT_MAX_IN_FLIGHT,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` whose pool keeps up to ``max_connections`` connections open and alive.

    ``transport`` (tests, mocks) is used as given; otherwise ``backend`` picks the wire. On httpx's own
    wire the client reads proxies from the environment (``HTTPS_PROXY``, ...) as httpx does by default.
    """
    if transport is not None:
        if backend != "httpx":
            raise ValidationError("http_backend", "and transport were both given: pass one")
        return SdkHttpClient(transport, TransportWire(transport))
    return _builder(backend, _CLIENTS)(_limits(max_connections))


def build_transport(backend: HttpBackend, *, max_connections: int) -> httpx.AsyncBaseTransport:
    """The transport for ``backend``, its pool holding ``max_connections`` keep-alive connections."""
    return _builder(backend, _TRANSPORTS)(_limits(max_connections))


def _limits(max_connections: int) -> httpx.Limits:
    if max_connections < 1:
        raise ValidationError("max_connections", "must be >= 1")
    return httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)


def _builder(backend: str, builders: Mapping[str, Callable[[httpx.Limits], _T]]) -> Callable[[httpx.Limits], _T]:
    builder = builders.get(backend)
    if builder is None:
        raise ValidationError("http_backend", f"must be one of {sorted(builders)}, not {backend!r}")
    return builder


def _httpx_client(limits: httpx.Limits) -> httpx.AsyncClient:
    return SdkHttpClient.on_httpx(limits)


def _aiohttp_client(limits: httpx.Limits) -> httpx.AsyncClient:
    transport = _aiohttp_transport(limits)
    return SdkHttpClient(transport, wire_of(transport))


def _httpx_transport(limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    return httpx.AsyncHTTPTransport(limits=limits)


def _aiohttp_transport(limits: httpx.Limits) -> httpx.AsyncBaseTransport:
    try:
        from ._http_aiohttp import HonestAiohttpTransport
    except ImportError as exc:
        raise ImportError(_AIOHTTP_MISSING) from exc
    return HonestAiohttpTransport(limits=limits)


_TRANSPORTS: Final[Mapping[str, Callable[[httpx.Limits], httpx.AsyncBaseTransport]]] = {
    "httpx": _httpx_transport,
    "aiohttp": _aiohttp_transport,
}
_CLIENTS: Final[Mapping[str, Callable[[httpx.Limits], httpx.AsyncClient]]] = {
    "httpx": _httpx_client,
    "aiohttp": _aiohttp_client,
}


@attrs.define(slots=True, eq=False)
class Outgoing:
    """One request as the send loop hands it to a wire.

    ``url`` is absolute and already percent-encoded, ``query`` appended; ``target`` is its path and query as
    bytes (what is signed). The SDK's own wires send ``url`` byte for byte. ``path_url`` (``url`` before the
    query) and ``query`` are for a caller's client, which merges its own parameters in.
    """

    method: str
    url: str
    target: bytes
    headers: dict[str, str]
    content: bytes | None
    timeout: httpx.Timeout
    path_url: str
    query: tuple[tuple[str, str], ...]

    def signed_headers(self, auth: SigningAuth | None) -> dict[str, str]:
        """The headers, with ``Apikey`` and ``Signature`` added when ``auth`` is given."""
        if auth is not None:
            self.headers.update(auth.headers_for(self.target, self.content or b""))
        return self.headers

    def to_request(self, url: httpx.URL | None = None) -> httpx.Request:
        """The ``httpx.Request`` of this exchange, as sent (``url``: ``self.url`` already parsed)."""
        return httpx.Request(
            self.method,
            self.url if url is None else url,
            headers=self.headers,
            content=self.content,
            extensions={"timeout": self.timeout.as_dict()},
        )


class Wire(Protocol):
    """Sends one request and returns the answer with its body read; raises ``httpx.HTTPError`` on failure."""

    async def exchange(self, outgoing: Outgoing, auth: SigningAuth | None) -> httpx.Response: ...


class ClientWire:
    """Through a caller's ``httpx.AsyncClient``, with all its configuration; signed in httpx's auth flow."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def exchange(self, outgoing: Outgoing, auth: SigningAuth | None) -> httpx.Response:
        request = self._http.build_request(
            outgoing.method,
            outgoing.path_url,
            params=outgoing.query or None,
            content=outgoing.content,
            headers=outgoing.headers,
            timeout=outgoing.timeout,
        )
        return await self._http.send(request, auth=auth)


class TransportWire:
    """Straight to an httpx transport: no client-level hooks, cookies, redirects or auth flow."""

    def __init__(self, transport: httpx.AsyncBaseTransport) -> None:
        self._transport = transport
        self._urls: dict[str, httpx.URL] = {}

    def _url(self, text: str) -> httpx.URL:
        """``text`` parsed, from a bounded cache (a poller asks for the same few URLs over and over)."""
        url = self._urls.get(text)
        if url is None:
            if len(self._urls) >= _URL_CACHE:
                self._urls.clear()
            url = self._urls[text] = httpx.URL(text)
        return url

    async def exchange(self, outgoing: Outgoing, auth: SigningAuth | None) -> httpx.Response:
        outgoing.signed_headers(auth)
        request = outgoing.to_request(self._url(outgoing.url))
        started = time.perf_counter()
        response = await self._transport.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        response.request = request
        response.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
        return response


class GatedWire:
    """At most as many exchanges through ``inner`` at once as ``gate`` allows (a pool's cap over its clients)."""

    def __init__(self, inner: Wire, gate: asyncio.Semaphore) -> None:
        self._inner = inner
        self._gate = gate

    async def exchange(self, outgoing: Outgoing, auth: SigningAuth | None) -> httpx.Response:
        async with self._gate:
            return await self._inner.exchange(outgoing, auth)


class SdkHttpClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` the SDK built, with the :class:`Wire` its send loop uses (``wire``).

    Requests sent through ``client.send(...)`` work as on any httpx client; the SDK's own send loop uses
    ``wire``, which skips client-level hooks, cookies and default headers set on it later.
    """

    def __init__(self, transport: httpx.AsyncBaseTransport | None, wire: Wire | None, **options: Any) -> None:
        super().__init__(transport=transport, **options)
        self.wire: Wire = wire if wire is not None else ClientWire(self)

    @classmethod
    def on_httpx(cls, limits: httpx.Limits) -> SdkHttpClient:
        """httpx's own pool; proxies from the environment as httpx reads them (then through the client)."""
        made = cls(None, None, limits=limits)
        if not any(mounted is not None for mounted in made._mounts.values()):
            made.wire = TransportWire(made._transport)
        return made


def wire_of(transport: httpx.AsyncBaseTransport) -> Wire:
    """The fastest wire onto ``transport``: aiohttp itself for the aiohttp transport, else the transport."""
    sending = getattr(transport, "wire", None)
    return sending() if callable(sending) else TransportWire(transport)
