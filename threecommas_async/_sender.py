"""The send loop: wait for budget, build and sign the request, send it, classify the answer, retry or raise.

Every attempt, retries included, passes the limiter and is signed afresh. A non-idempotent request
that may have reached the server (timeout after sending, broken connection, 5xx) is never retried:
it raises OutcomeUnknownError.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Literal
from urllib.parse import urlencode

import attrs
import httpx
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt

from . import _json
from ._auth import SigningAuth
from ._clock import SleepFn
from ._endpoint import RequestSpec
from ._exceptions import (
    IPBannedError,
    MissingCredentialsError,
    OutcomeUnknownError,
    PlanLimitError,
    RateLimitError,
    ServerError,
    ThreeCommasError,
    TransportError,
    error_for_status,
)
from ._ratelimit import Permit, RateLimiter
from ._retry import parse_retry_after, request_not_sent, retry_wait, should_retry
from ._version import __version__
from ._wire import flatten_pairs

__all__ = ["BodyEncoding", "ForcedMode", "RequestOptions", "Sender"]

logger = logging.getLogger("threecommas_async")

ForcedMode = Literal["paper", "real"]
BodyEncoding = Literal["json", "form"]
USER_AGENT = f"threecommas_async/{__version__}"


@attrs.frozen(slots=True)
class RequestOptions:
    """Per-call settings; ``client.with_options(...)`` makes a view with other values."""

    forced_mode: ForcedMode | None = None
    timeout: float | httpx.Timeout | None = 30.0
    max_retries: int = 3


class Sender:
    """Sends RequestSpecs through one long-lived httpx.AsyncClient under one RateLimiter."""

    def __init__(
        self,
        *,
        http: httpx.AsyncClient,
        base_url: str,
        auth: SigningAuth | None,
        limiter: RateLimiter | None,
        sleep: SleepFn,
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
        self._sleep = sleep
        self._max_in_flight = max_in_flight
        self._in_flight: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    async def send(self, spec: RequestSpec, options: RequestOptions) -> httpx.Response:
        if spec.signed and self.auth is None:
            raise MissingCredentialsError(
                f"{spec.method} {spec.path} needs an API key and secret (or RSA private key); "
                "pass them to ThreeCommas(...) or set THREECOMMAS_API_KEY and THREECOMMAS_API_SECRET"
            )
        try:
            return await self._attempt(spec, options, 1)
        except Exception as error:
            if options.max_retries == 0 or not self._may_retry(error):
                raise
            await self._sleep(retry_wait(1, error))
        retrying = AsyncRetrying(
            stop=stop_after_attempt(options.max_retries),
            retry=retry_if_exception(self._may_retry),
            wait=_wait_for_retry,
            sleep=self._sleep,
            reraise=True,
        )
        response: httpx.Response | None = None
        async for attempt in retrying:
            with attempt:
                response = await self._attempt(spec, options, attempt.retry_state.attempt_number + 1)
        assert response is not None
        return response

    def _in_flight_gate(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        if self._in_flight is None or self._in_flight[0] is not loop:
            self._in_flight = (loop, asyncio.Semaphore(self._max_in_flight))
        return self._in_flight[1]

    def _may_retry(self, error: BaseException) -> bool:
        """Rate-limit answers are retried only under a limiter, which holds the retry until the block ends."""
        if self.limiter is None and isinstance(error, (RateLimitError, IPBannedError)):
            return False
        return should_retry(error)

    def build_request(self, spec: RequestSpec, options: RequestOptions) -> httpx.Request:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if options.forced_mode is not None:
            headers["Forced-Mode"] = options.forced_mode
        content: bytes | None = None
        if spec.body is not None:
            if self.body_encoding == "json":
                content = _json.dumps(spec.body, decimals=self.decimals)
                headers["Content-Type"] = "application/json"
            else:
                content = urlencode(flatten_pairs(spec.body)).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.http.build_request(
            spec.method,
            self.base_url + spec.path,
            params=spec.query or None,
            content=content,
            headers=headers,
            timeout=options.timeout,
        )

    async def _attempt(self, spec: RequestSpec, options: RequestOptions, attempt: int) -> httpx.Response:
        limiter = self.limiter
        permit = await limiter.acquire(spec.method, spec.template, weight=spec.weight) if limiter else None
        request = self.build_request(spec, options)
        started = time.perf_counter()
        sent = True
        try:
            async with self._in_flight_gate():
                response = await self.http.send(request, auth=self.auth if spec.signed else None)
        except httpx.HTTPError as exc:
            sent = not request_not_sent(exc)
            logger.debug("%s %s failed: %s (attempt %d)", spec.method, spec.path, type(exc).__name__, attempt)
            if sent and not spec.idempotent:
                raise OutcomeUnknownError(
                    f"{type(exc).__name__} after the request was sent", method=spec.method, path=spec.path
                ) from exc
            raise TransportError(type(exc).__name__, method=spec.method, path=spec.path) from exc
        finally:
            if limiter is not None and permit is not None:
                await limiter.release(permit, sent=sent)
        logger.debug(
            "%s %s -> %d in %.3fs (attempt %d, waited %.3fs for budget)",
            spec.method,
            spec.path,
            response.status_code,
            time.perf_counter() - started,
            attempt,
            permit.waited if permit is not None else 0.0,
        )
        if response.status_code < 400:
            if limiter is not None:
                limiter.succeeded()
            return response
        raise await self._error_for(spec, response, permit)

    async def _error_for(self, spec: RequestSpec, response: httpx.Response, permit: Permit | None) -> ThreeCommasError:
        """The error an error response raises, after telling the limiter about 429s and 418s."""
        status = response.status_code
        body = response.content
        try:
            payload = _json.loads(body) if body else None
        except ValueError:
            payload = None
        error = error_for_status(status=status, method=spec.method, path=spec.path, body=body, payload=payload)
        retry_after = parse_retry_after(response.headers, now=time.time())
        error.retry_after = retry_after
        limiter = self.limiter
        if isinstance(error, RateLimitError) and limiter is not None and permit is not None:
            blocked = await limiter.rate_limited(permit, retry_after)
            logger.warning("%s %s -> 429: blocking for %.1fs", spec.method, spec.path, blocked)
        elif isinstance(error, PlanLimitError):
            logger.warning("%s %s -> 429: not allowed by the subscription plan", spec.method, spec.path)
        elif isinstance(error, IPBannedError):
            seconds = await limiter.banned(retry_after) if limiter is not None else (retry_after or 0.0)
            error.retry_at = time.time() + seconds
            logger.warning("%s %s -> 418: IP banned, gate closed for %.0fs", spec.method, spec.path, seconds)
        elif isinstance(error, ServerError) and not spec.idempotent:
            unknown = OutcomeUnknownError(
                f"server answered {status}", method=spec.method, path=spec.path, status=status
            )
            unknown.__cause__ = error
            return unknown
        return error


def _wait_for_retry(state: RetryCallState) -> float:
    """Tenacity runs the retries only (the first attempt is sent without it), hence the + 1."""
    error = state.outcome.exception() if state.outcome is not None else None
    return retry_wait(state.attempt_number + 1, error)
