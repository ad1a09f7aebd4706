"""The send loop: for each attempt, hold budget, build and sign the request, send it, and let the one response
function (:func:`~threecommas_async._interpret.interpret`) say what the answer means; then retry or raise.

Every attempt, retries included, passes the limiter and is signed afresh. The limiter is driven from one
place, ``RateLimiter.attempt``: it hears of every success, 429 and 418 there. A non-idempotent request that
may have reached the server is never retried: the interpreter turns it into OutcomeUnknownError.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from typing import Any, Literal
from urllib.parse import urlencode

import attrs
import httpx

from . import _json
from ._auth import SigningAuth
from ._clock import SleepFn
from ._endpoint import Priority, RequestSpec
from ._exceptions import ClientClosedError, EventLoopError, IPBannedError, MissingCredentialsError
from ._guards import NO_GUARD, TradingGuard
from ._http import ClientWire, Outgoing, SdkHttpClient, Wire
from ._interpret import Call, Failure, Success, Verdict, interpret
from ._ratelimit import Lane, RateLimiter
from ._version import __version__
from ._wire import flatten_pairs

__all__ = ["BodyEncoding", "ForcedMode", "Priority", "RequestOptions", "Sender", "lane_of"]

logger = logging.getLogger("threecommas_async")

ForcedMode = Literal["paper", "real"]
BodyEncoding = Literal["json", "form"]
USER_AGENT = f"threecommas_async/{__version__}"
_PATH_CACHE = 1024


@attrs.frozen(slots=True)
class RequestOptions:
    """Per-call settings; ``client.with_options(...)`` makes a view with other values.

    ``priority`` puts every request of the view in that limiter lane (default: ``"urgent"`` for calls that
    change something, ``"normal"`` for reads; a paginator's own ``priority=`` wins).
    ``strict`` makes a response value that does not fit its field raise ``ResponseValidationError``; by default it
    is kept raw in the model's ``field_errors`` and the attribute is None, so one odd value never loses a page.
    ``extra_headers``, ``extra_query`` and ``extra_body`` are merged into every request made through the
    view (after the endpoint's own values, so they can override them), as in openai-python.
    """

    forced_mode: ForcedMode | None = None
    timeout: float | httpx.Timeout | None = 30.0
    max_retries: int = 3
    strict: bool = False
    priority: Priority | None = None
    extra_headers: Mapping[str, str] = attrs.field(factory=dict)
    extra_query: Mapping[str, Any] = attrs.field(factory=dict)
    extra_body: Mapping[str, Any] = attrs.field(factory=dict)


class Sender:
    """Sends RequestSpecs through one long-lived httpx.AsyncClient (its wire) under one RateLimiter."""

    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        base_url: str,
        auth: SigningAuth | None,
        limiter: RateLimiter | None,
        sleep: SleepFn,
        guard: TradingGuard = NO_GUARD,
        max_in_flight: int = 100,
        body_encoding: BodyEncoding = "json",
        decimals: _json.DecimalEncoding = "number",
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.auth = auth
        self.limiter = limiter
        self.body_encoding: BodyEncoding = body_encoding
        self.decimals: _json.DecimalEncoding = decimals
        self.guard = guard
        self.closed = False
        self._sleep = sleep
        self._max_in_flight = max_in_flight
        self.wire: Wire = http.wire if isinstance(http, SdkHttpClient) else ClientWire(http)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._in_flight: asyncio.Semaphore | None = None
        self._paths: dict[str, tuple[str, bytes]] = {}
        self._timeouts: dict[float | None, httpx.Timeout] = {}

    async def send(self, spec: RequestSpec, options: RequestOptions, response_type: Any = Any) -> Success:
        """Send ``spec`` until a verdict is final; the success carries the body as ``response_type``."""
        in_flight = self._check_usable()
        self.guard.check(spec.method, spec.path, is_read=spec.idempotent, forced_mode=options.forced_mode)
        if spec.signed and self.auth is None:
            raise MissingCredentialsError(
                f"{spec.method} {spec.path} needs an API key and secret (or RSA private key); "
                "pass them to ThreeCommas(...) or set THREECOMMAS_API_KEY and THREECOMMAS_API_SECRET"
            )
        call = Call(
            spec.method, spec.path, spec.idempotent, self.limiter is not None, response_type, self.guard, options.strict
        )
        attempt = 1
        while True:
            verdict = await self._attempt(spec, options, call, attempt, in_flight)
            if isinstance(verdict, Success):
                return verdict
            if isinstance(verdict, Failure) or attempt > options.max_retries:
                raise verdict.error
            logger.info(
                "%s %s: %s; retry %d of %d in %.2fs",
                spec.method,
                spec.path,
                verdict.error,
                attempt,
                options.max_retries,
                verdict.wait,
            )
            if verdict.wait > 0:
                await self._sleep(verdict.wait)
            attempt += 1

    def _check_usable(self) -> asyncio.Semaphore:
        """Refuse a closed client or a second event loop with a typed error; the in-flight gate of this loop."""
        if self.closed or self.http.is_closed:
            raise ClientClosedError("this ThreeCommas client is closed; create a new one")
        loop = asyncio.get_running_loop()
        if self._loop is None or self._in_flight is None:
            self._loop, self._in_flight = loop, asyncio.Semaphore(self._max_in_flight)
        elif self._loop is not loop:
            raise EventLoopError(
                "this ThreeCommas client was first used in another event loop; create one client per event "
                "loop (for example inside the coroutine passed to asyncio.run), or aclose() it and make a new one"
            )
        return self._in_flight

    async def _attempt(
        self, spec: RequestSpec, options: RequestOptions, call: Call, number: int, gate: asyncio.Semaphore
    ) -> Verdict:
        limiter = self.limiter
        if limiter is None:
            result = await self._exchange(spec, options, gate)
            return interpret(result, call, attempt=number, now=time.time())
        lane = lane_of(spec, options)
        async with limiter.attempt(spec.method, spec.template, weight=spec.weight, lane=lane) as hold:
            result = await self._exchange(
                spec, options, None if lane is Lane.URGENT or limiter.caps_in_flight else gate
            )
            verdict = interpret(result, call, attempt=number, now=time.time())
            hold.sent, hold.outcome, hold.retry_after = verdict.sent, verdict.outcome, verdict.retry_after
        if hold.ban_seconds is not None and not isinstance(verdict, Success):
            error = verdict.error
            if isinstance(error, IPBannedError):
                error.retry_at = time.time() + hold.ban_seconds
            logger.warning("%s %s -> 418: IP banned, gate closed for %.0fs", spec.method, spec.path, hold.ban_seconds)
        elif hold.blocked_for is not None:
            logger.warning("%s %s -> 429: blocking for %.1fs", spec.method, spec.path, hold.blocked_for)
        return verdict

    async def _exchange(
        self, spec: RequestSpec, options: RequestOptions, gate: asyncio.Semaphore | None
    ) -> httpx.Response | httpx.HTTPError:
        """One HTTP exchange: the response, or the httpx error that ended it. ``gate`` caps requests in
        flight; urgent requests pass without it, so they never queue behind reads."""
        outgoing = self.outgoing(spec, options)
        auth = self.auth if spec.signed else None
        try:
            if gate is None:
                response = await self.wire.exchange(outgoing, auth)
            else:
                async with gate:
                    response = await self.wire.exchange(outgoing, auth)
        except httpx.HTTPError as exc:
            logger.debug("%s %s failed: %s", spec.method, spec.path, type(exc).__name__)
            return exc
        if logger.isEnabledFor(logging.DEBUG):
            seconds = response.elapsed.total_seconds()
            logger.debug("%s %s -> %d in %.3fs", spec.method, spec.path, response.status_code, seconds)
        return response

    def outgoing(self, spec: RequestSpec, options: RequestOptions) -> Outgoing:
        """The request to send: URL (encoded, as signed), headers, body and timeout."""
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json", "Accept-Encoding": "gzip, deflate"}
        if self.guard.paper_only and not spec.idempotent:
            headers["Forced-Mode"] = "paper"
        elif options.forced_mode is not None:
            headers["Forced-Mode"] = options.forced_mode
        body = spec.body
        if options.extra_body:
            body = {**(body or {}), **options.extra_body}
        content: bytes | None = None
        if body is not None:
            if self.body_encoding == "json":
                content = _json.dumps(body, decimals=self.decimals)
                headers["Content-Type"] = "application/json"
            else:
                content = urlencode(flatten_pairs(body)).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        if options.extra_headers:
            headers.update(options.extra_headers)
        query = spec.query
        if options.extra_query:
            query = (*query, *flatten_pairs(options.extra_query))
        path_url, path_target = self._encoded(spec.path)
        url, target = path_url, path_target
        if query:
            tail = ("&" if b"?" in path_target else "?") + urlencode(query)
            url, target = path_url + tail, path_target + tail.encode("ascii")
        timeout = self._timeout(options.timeout)
        return Outgoing(spec.method, url, target, headers, content, timeout, path_url, query)

    def _encoded(self, path: str) -> tuple[str, bytes]:
        """The absolute URL of ``path`` and its path bytes, percent-encoded once (by httpx) and cached."""
        known = self._paths.get(path)
        if known is None:
            if len(self._paths) >= _PATH_CACHE:
                self._paths.clear()
            parsed = httpx.URL(self.base_url + path)
            known = self._paths[path] = (str(parsed), parsed.raw_path)
        return known

    def _timeout(self, value: float | httpx.Timeout | None) -> httpx.Timeout:
        if isinstance(value, httpx.Timeout):
            return value
        made = self._timeouts.get(value)
        if made is None:
            made = self._timeouts[value] = httpx.Timeout(value)
        return made


def lane_of(spec: RequestSpec, options: RequestOptions) -> Lane:
    """The request's own priority, else the view's, else urgent for a change and normal for a read."""
    priority = spec.priority or options.priority
    if priority is not None:
        return Lane.named(priority)
    return Lane.NORMAL if spec.idempotent else Lane.URGENT
