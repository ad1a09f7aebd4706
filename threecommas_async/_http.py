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
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, Literal, TypeVar

import httpx

from ._exceptions import ValidationError

__all__ = ["DEFAULT_MAX_IN_FLIGHT", "POOL_MAX_IN_FLIGHT", "HttpBackend", "build_http_client", "build_transport"]

HttpBackend = Literal["httpx", "aiohttp"]
DEFAULT_MAX_IN_FLIGHT: Final = 8
POOL_MAX_IN_FLIGHT: Final = 100
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
        return httpx.AsyncClient(transport=transport)
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
    return httpx.AsyncClient(limits=limits)


def _aiohttp_client(limits: httpx.Limits) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=_aiohttp_transport(limits))


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
