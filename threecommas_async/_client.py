"""ThreeCommas: the client users hold. Credentials, options, one connection pool, one limiter,
resource namespaces (``client.deals``, ``client.bots``, ...) and the low-level ``request``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
import httpx

from . import _json
from ._auth import BodyJoin
from ._clock import ClockFn, SleepFn, system_clock, system_sleep
from ._credentials import Credentials
from ._endpoint import PRIORITIES, Endpoint, RequestSpec
from ._exceptions import RealModeRefusedError, ValidationError
from ._guards import TradingGuard
from ._http import DEFAULT_MAX_IN_FLIGHT, HttpBackend, build_http_client
from ._ratelimit import (
    IPBanGate,
    LimiterBackend,
    LimiterSnapshot,
    RateLimiter,
    RateLimitPolicy,
    default_policy,
    shared_ban_gate,
)
from ._response import RawResponse
from ._sender import BodyEncoding, ForcedMode, Priority, RequestOptions, Sender
from ._wire import flatten_pairs
from .resources._namespaces import RawResponseNamespaces, ResourceNamespaces

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

    from .streams import Streams

__all__ = ["DEFAULT_BASE_URL", "ThreeCommas"]

T = TypeVar("T")

DEFAULT_BASE_URL: Final = "https://api.3commas.io/public/api"
_DEFAULT: Final = object()
_NOT_IDEMPOTENT_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class ThreeCommas(ResourceNamespaces):
    """Async client for the 3Commas API.

    Credentials come from the arguments or the environment (``THREECOMMAS_API_KEY`` with
    ``THREECOMMAS_API_SECRET``, or ``THREECOMMAS_PRIVATE_KEY``: PEM text or a path to a PEM file).
    Without credentials only unsigned endpoints (ping, time, market data) can be called.

    ``rate_limit`` is a :class:`RateLimitPolicy` (default: the documented budgets) or None to turn
    limiting off. ``limiter_backend`` shares the budget beyond this process (see ``RedisBackend``).
    3Commas bans by IP: every client in this process that talks to the same API host obeys one ban gate,
    whatever its key, so one 418 stops them all; ``ban_gate=IPBanGate()`` gives a client a gate of its
    own (or pass one gate to the clients that should share it).
    ``body_encoding`` sends bodies as JSON (default) or form fields; ``decimals`` writes Decimals in JSON
    bodies as numbers (default) or strings; ``body_join`` picks the signing join for body-only requests.
    ``max_in_flight`` caps concurrent requests (and sizes the connection pool; default 8, ample for one
    key's budget): httpx's pool spends CPU per request in proportion to the requests in it.
    ``http_backend="aiohttp"`` (the ``[aiohttp]`` extra) sends through aiohttp behind the same httpx API,
    several times faster. ``clock`` and ``sleep`` drive the limiter and retry waits (tests inject a
    VirtualClock).
    """

    def __init__(
        self,
        api_key: str | None = None,
        api_secret: str | None = None,
        *,
        private_key: str | bytes | RSAPrivateKey | None = None,
        private_key_password: bytes | None = None,
        base_url: str | None = None,
        forced_mode: ForcedMode | None = None,
        read_only: bool = False,
        paper_only: bool = False,
        timeout: float | httpx.Timeout | None = 30.0,
        max_retries: int = 3,
        strict: bool = False,
        rate_limit: RateLimitPolicy | object | None = _DEFAULT,
        limiter_backend: LimiterBackend | None = None,
        max_ban_wait: float = 300.0,
        ban_gate: IPBanGate | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        http_backend: HttpBackend = "httpx",
        body_encoding: BodyEncoding = "json",
        decimals: _json.DecimalEncoding = "number",
        body_join: BodyJoin = "?",
        clock: ClockFn = system_clock,
        sleep: SleepFn = system_sleep,
    ) -> None:
        credentials = Credentials(api_key, api_secret, private_key, private_key_password)
        del api_secret, private_key, private_key_password
        credentials.check()
        _check_forced_mode(forced_mode)
        if paper_only and forced_mode == "real":
            raise RealModeRefusedError("forced_mode='real' contradicts paper_only=True")
        if max_retries < 0:
            raise ValidationError("max_retries", "must be >= 0")
        auth = credentials.auth(body_join)
        base_url = base_url or os.environ.get("THREECOMMAS_BASE_URL") or DEFAULT_BASE_URL
        policy = default_policy() if rate_limit is _DEFAULT else rate_limit
        if policy is not None and not isinstance(policy, RateLimitPolicy):
            raise TypeError("rate_limit must be a RateLimitPolicy or None")
        if policy is None and limiter_backend is not None:
            raise ValidationError(
                "limiter_backend", "needs a rate_limit policy; rate_limit=None turns limiting off"
            )
        if max_in_flight < 1:
            raise ValidationError("max_in_flight", "must be >= 1")
        if ban_gate is not None and limiter_backend is not None:
            raise ValidationError("ban_gate", "is kept by the limiter_backend given (a fleet keeps its gate in Redis)")
        limiter = (
            RateLimiter(
                policy,
                limiter_backend,
                max_ban_wait=max_ban_wait,
                clock=clock,
                sleep=sleep,
                ban_gate=ban_gate if ban_gate is not None else shared_ban_gate(base_url, clock),
                max_in_flight=max_in_flight,
            )
            if policy is not None
            else None
        )
        if http_client is not None and transport is not None:
            raise ValidationError("http_client", "and transport were both given: pass one")
        if http_client is not None and http_backend != "httpx":
            raise ValidationError("http_backend", "is the wire of a client the SDK builds; http_client was given")
        self._owns_http = http_client is None
        self._is_view = False
        http = http_client or build_http_client(http_backend, max_connections=max_in_flight, transport=transport)
        self._sender = Sender(
            http=http,
            base_url=base_url,
            auth=auth,
            limiter=limiter,
            sleep=sleep,
            guard=TradingGuard(read_only=read_only, paper_only=paper_only),
            max_in_flight=max_in_flight,
            body_encoding=body_encoding,
            decimals=decimals,
        )
        self._options = RequestOptions(
            forced_mode=forced_mode, timeout=timeout, max_retries=max_retries, strict=strict
        )

    @property
    def base_url(self) -> str:
        return self._sender.base_url

    @property
    def options(self) -> RequestOptions:
        return self._options

    @property
    def limiter(self) -> RateLimiter | None:
        return self._sender.limiter

    @property
    def streams(self) -> Streams:
        """Realtime deal and smart-trade updates (ActionCable, falling back to polling); needs the ``streams`` extra."""
        from .streams import Streams

        return Streams(self)

    @property
    def with_raw_response(self) -> RawResponseNamespaces:
        """Every namespace with calls returning :class:`RawResponse` (``client.with_raw_response.deals.show(1)``)."""
        return RawResponseNamespaces(self)

    def with_options(
        self,
        *,
        forced_mode: ForcedMode | object | None = _DEFAULT,
        timeout: float | httpx.Timeout | object | None = _DEFAULT,
        max_retries: int | object = _DEFAULT,
        strict: bool | None = None,
        priority: Priority | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> ThreeCommas:
        """A view of this client with other per-call options, sharing its connections and limiter.

        ``extra_headers``, ``extra_query`` and ``extra_body`` are added to every request made through the
        view (on top of those of the client it came from), for parameters the SDK does not know yet.
        """
        changes: dict[str, Any] = {}
        if forced_mode is not _DEFAULT:
            _check_forced_mode(forced_mode)
            if forced_mode == "real" and self._sender.guard.paper_only:
                raise RealModeRefusedError("with_options(forced_mode='real') on a paper_only client")
            changes["forced_mode"] = forced_mode
        if strict is not None:
            changes["strict"] = strict
        if priority is not None:
            _check_priority(priority)
            changes["priority"] = priority
        for name, extra in (("extra_headers", extra_headers), ("extra_query", extra_query), ("extra_body", extra_body)):
            if extra is not None:
                changes[name] = {**getattr(self._options, name), **extra}
        if timeout is not _DEFAULT:
            changes["timeout"] = timeout
        if max_retries is not _DEFAULT:
            if not isinstance(max_retries, int) or max_retries < 0:
                raise ValidationError("max_retries", "must be an int >= 0")
            changes["max_retries"] = max_retries
        view = object.__new__(ThreeCommas)
        view._sender = self._sender
        view._owns_http = False
        view._is_view = True
        view._options = attrs.evolve(self._options, **changes)
        return view

    async def rate_limit_snapshot(self) -> LimiterSnapshot | None:
        """Tokens used and free per bucket, waiters, block and ban timers (None when limiting is off)."""
        limiter = self._sender.limiter
        return await limiter.snapshot() if limiter is not None else None

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Mapping[str, Any] | None = None,
        signed: bool = True,
        idempotent: bool | None = None,
        weight: int | None = None,
        priority: Priority | None = None,
    ) -> Any:
        """Call any path (relative to the base URL) through the same limiter, signing and retries.

        ``params`` go to the query string, ``json`` to the body (encoded as the client's
        ``body_encoding``). Returns the decoded JSON with every non-integer number as a Decimal.
        A POST, PUT, PATCH or DELETE is treated as not idempotent unless ``idempotent=True``.
        ``priority`` picks the limiter lane (default: urgent for a change, normal for a read).
        """
        if priority is not None:
            _check_priority(priority)
        method = method.upper()
        if not path.startswith("/"):
            path = "/" + path
        from ._validation import validate_raw_path

        validate_raw_path(path)
        spec = RequestSpec(
            method=method,
            path=path,
            template=path,
            query=tuple(flatten_pairs(params)) if params else (),
            body=json,
            signed=signed,
            idempotent=(method not in _NOT_IDEMPOTENT_METHODS) if idempotent is None else idempotent,
            weight=weight,
            priority=priority,
        )
        return (await self._sender.send(spec, self._options)).value

    async def _call_endpoint(
        self, endpoint: Endpoint[T], arguments: Mapping[str, Any], *, priority: str | None = None
    ) -> T:
        return (await self._call_endpoint_raw(endpoint, arguments, priority=priority)).parsed

    async def _call_endpoint_raw(
        self, endpoint: Endpoint[T], arguments: Mapping[str, Any], *, priority: str | None = None
    ) -> RawResponse[T]:
        from ._validation import prepare

        cast_to = endpoint.response_type
        spec = prepare(endpoint, arguments, priority=priority)
        success = await self._sender.send(spec, self._options, cast_to)
        return RawResponse(success.response, success.value)

    async def aclose(self) -> None:
        """Stop the limiter's timer and close the connection pool if this client created it.

        A ``with_options`` view closes nothing: the client it came from owns the pool and limiter.
        """
        if self._is_view:
            return
        self._sender.closed = True
        limiter = self._sender.limiter
        if limiter is not None:
            await limiter.aclose()
        if self._owns_http:
            await self._sender.http.aclose()

    async def __aenter__(self) -> ThreeCommas:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        sender = getattr(self, "_sender", None)
        options = getattr(self, "_options", None)
        if sender is None or options is None:
            return "ThreeCommas(<not initialised>)"
        return f"ThreeCommas(auth={sender.auth!r}, base_url={sender.base_url!r}, forced_mode={options.forced_mode!r})"


def _check_priority(value: object) -> None:
    if value not in PRIORITIES:
        raise ValidationError("priority", f"must be one of {', '.join(map(repr, PRIORITIES))}, not {value!r}")


def _check_forced_mode(value: object) -> None:
    if value not in (None, "paper", "real"):
        raise ValidationError("forced_mode", f"must be None, 'paper' or 'real', not {value!r}")


def _type_name(cast_to: Any) -> str:
    return getattr(cast_to, "__name__", None) or repr(cast_to)
