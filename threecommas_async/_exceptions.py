"""Every error the SDK raises, and the one mapping from HTTP status to error class.

Hierarchy::

    ThreeCommasError
    ├── ValidationError             bad input caught before any network call (also a ValueError)
    ├── TransportError              the request failed below HTTP (connect, timeout, reset); original as __cause__
    ├── OutcomeUnknownError         a non-idempotent call may or may not have been applied; never retried
    ├── RateLimiterUnavailableError the shared limiter (Redis) cannot be reached; nothing was sent
    ├── MissingCredentialsError     no usable credentials (key without secret, or none for a signed call)
    ├── ClientClosedError           the client was used after ``aclose()`` (also a RuntimeError)
    ├── EventLoopError              the client was used from a second event loop (also a RuntimeError)
    ├── TradingGuardError           a trading guard refused the call (nothing was sent) or its answer
    │   ├── ReadOnlyError           a call that changes state on a ``read_only`` client
    │   ├── RealModeRefusedError    ``forced_mode="real"`` on a ``paper_only`` client
    │   └── PaperModeIgnoredError   the answer names a real account: the server ignored ``Forced-Mode: paper``
    ├── ResponseDecodeError         the body is not the JSON we expected: carries status and raw body
    │   └── ResponseValidationError the JSON does not fit the response model
    └── APIError                    the server answered with an error status
        ├── RedirectError           3xx: redirects are never followed (credentials stay on one host)
        ├── BadRequestError         400
        ├── AuthenticationError     401 bad key, signature or IP whitelist
        ├── PermissionDeniedError   403 missing permission, or not allowed in the current state
        ├── NotFoundError           404
        ├── UnprocessableError      422
        ├── RateLimitError          429 rate limit (block window opened for every task)
        ├── PlanLimitError          429 "not available with your current subscription plan"; never retried
        ├── IPBannedError           418 IP ban; ``retry_at`` says when it lifts
        └── ServerError             5xx

No exception message or attribute carries an API secret or private key.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any

__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "DeprecatedEndpointWarning",
    "EventLoopError",
    "IPBannedError",
    "MissingCredentialsError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PaperModeIgnoredError",
    "PermissionDeniedError",
    "PlanLimitError",
    "RateLimitError",
    "RateLimiterUnavailableError",
    "ReadOnlyError",
    "RealModeRefusedError",
    "RedirectError",
    "ResponseDecodeError",
    "ResponseValidationError",
    "ServerError",
    "ThreeCommasError",
    "TradingGuardError",
    "TransportError",
    "UnprocessableError",
    "ValidationError",
    "error_for_status",
    "is_plan_limit",
]

_BODY_PREVIEW = 500
_MESSAGE_LIMIT = 2000


def _rebuild(cls: type[ThreeCommasError], args: tuple[Any, ...], state: dict[str, Any]) -> ThreeCommasError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


def bounded(text: str, limit: int = _MESSAGE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, saying how long it was."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text)} characters]"


def body_preview(body: bytes) -> str:
    """The start of a body for a message, with its full length when it was cut."""
    preview = body[:_BODY_PREVIEW].decode("utf-8", "replace")
    return preview if len(body) <= _BODY_PREVIEW else f"{preview}... [{len(body)} bytes]"


class ThreeCommasError(Exception):
    """Base class of every error raised by threecommas_async.

    Every error pickles with its fields (for multiprocessing and task queues), whatever its constructor takes.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class DeprecatedEndpointWarning(DeprecationWarning):
    """Issued when a deprecated 3Commas endpoint is called."""


class ValidationError(ThreeCommasError, ValueError):
    """A parameter failed client-side validation; nothing was sent."""

    def __init__(self, param: str, problem: str, *, endpoint: str | None = None) -> None:
        self.param = param
        self.problem = problem
        self.endpoint = endpoint
        where = f"{endpoint}: " if endpoint else ""
        super().__init__(f"{where}parameter {param!r} {problem}")


class TransportError(ThreeCommasError):
    """The request failed below the HTTP layer; the httpx error is ``__cause__``."""

    def __init__(self, message: str, *, method: str, path: str) -> None:
        self.method = method
        self.path = path
        super().__init__(f"{method} {path}: {message}")


class OutcomeUnknownError(ThreeCommasError):
    """A non-idempotent request may have been applied by the server, or not.

    Raised instead of retrying when a request that places, cancels, creates, updates or deletes
    something timed out after it was sent or got a 5xx answer. Check the state before trying again.
    ``status`` is the HTTP status for a 5xx, None for a timeout or broken connection.
    """

    def __init__(self, message: str, *, method: str, path: str, status: int | None = None) -> None:
        self.method = method
        self.path = path
        self.status = status
        super().__init__(f"{method} {path}: outcome unknown, not retried: {message}")


class RateLimiterUnavailableError(ThreeCommasError):
    """The shared rate limiter cannot be reached; the request was not sent (fail closed)."""


class MissingCredentialsError(ThreeCommasError):
    """Credentials are incomplete (a key without its secret), or a signed endpoint was called without any."""


class ClientClosedError(ThreeCommasError, RuntimeError):
    """The client was used after ``aclose()`` (or after its ``async with`` block); make a new one."""


class EventLoopError(ThreeCommasError, RuntimeError):
    """The client was used from an event loop other than the one it first ran on.

    Connections and the limiter's timer belong to one loop. Create one client per event loop (for example
    inside the coroutine you pass to ``asyncio.run``), or ``aclose()`` it and create a new one.
    """


class TradingGuardError(ThreeCommasError):
    """A trading guard (``read_only``, ``paper_only``) refused a call or its answer."""


class ReadOnlyError(TradingGuardError):
    """A call that places, cancels, changes or deletes something, on a ``read_only`` client; nothing was sent."""


class RealModeRefusedError(TradingGuardError):
    """Real mode was asked for on a ``paper_only`` client; nothing was sent."""


class PaperModeIgnoredError(TradingGuardError):
    """A paper-only call's answer names a real account: the server ignored ``Forced-Mode: paper``.

    The call has been applied; check the real account at once. The raw answer is ``body``.
    """

    body: bytes = b""


class ResponseDecodeError(ThreeCommasError):
    """The response body is not what the endpoint returns (malformed JSON, wrong shape)."""

    def __init__(self, message: str, *, status: int, body: bytes, method: str, path: str) -> None:
        self.status = status
        self.body = body
        self.method = method
        self.path = path
        super().__init__(f"{method} {path} -> {status}: {bounded(message)}; body: {body_preview(body)!r}")


class ResponseValidationError(ResponseDecodeError):
    """The JSON decoded, but does not fit the response model."""


class APIError(ThreeCommasError):
    """The server answered with an error status.

    ``error``, ``error_description`` and ``error_attributes`` come from the documented error body
    ``{"error": ..., "error_description": ..., "error_attributes": {field: [messages]}}``.
    """

    status: int
    retry_after: float | None = None

    def __init__(
        self,
        *,
        status: int,
        method: str,
        path: str,
        body: bytes = b"",
        error: str | None = None,
        error_description: str | None = None,
        error_attributes: Mapping[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.method = method
        self.path = path
        self.body = body
        self.error = error
        self.error_description = error_description
        self.error_attributes: dict[str, Any] = dict(error_attributes or {})
        detail = bounded(error_description or error or "") or body_preview(body) or "no body"
        super().__init__(f"{method} {path} -> {status}: {detail}")


class RedirectError(APIError):
    """3xx: the SDK never follows redirects, so credentials never go to another host.

    ``location`` is the target the server named, if any. A redirect is not retried.
    """

    location: str | None = None


class BadRequestError(APIError):
    """400."""


class AuthenticationError(APIError):
    """401: bad API key, bad signature or IP not whitelisted."""


class PermissionDeniedError(APIError):
    """403: the key lacks the permission, or the operation is not allowed in the current state."""


class NotFoundError(APIError):
    """404."""


class UnprocessableError(APIError):
    """422."""


class RateLimitError(APIError):
    """429 rate limit. ``blocked_until`` is the limiter-clock time the block window ends."""

    blocked_until: float | None = None


class PlanLimitError(APIError):
    """429 meaning the subscription plan does not allow the request. Not a rate limit; never retried."""


class IPBannedError(APIError):
    """418: the IP is banned. ``retry_at`` is the wall-clock (epoch seconds) time the ban is expected to lift.

    ``local`` is True when the limiter refused to wait for a ban in force (nothing was sent).
    """

    retry_at: float | None = None
    local: bool = False


class ServerError(APIError):
    """5xx."""


_STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    418: IPBannedError,
    422: UnprocessableError,
    429: RateLimitError,
}

_PLAN_LIMIT = re.compile(
    r"\bnot (?:available|allowed) (?:with|on|for|in) your (?:current )?(?:subscription )?plan\b", re.IGNORECASE
)


def is_plan_limit(status: int, error: str | None, description: str | None) -> bool:
    """True when a 429 says the subscription plan, not the request rate, refused the call.

    The real body reads ``{"error": "The request type 'read' is not available with your current subscription
    plan. ..."}``: the phrase is matched as a whole, so a rate-limit text that merely mentions a "plan"
    (or "explanation", "planned") stays a rate limit.
    """
    if status != 429:
        return False
    return any(_PLAN_LIMIT.search(text) for text in (error, description) if text)


def error_for_status(
    *,
    status: int,
    method: str,
    path: str,
    body: bytes,
    payload: Any,
) -> APIError:
    """Build the typed error for an error response. ``payload`` is the decoded body, or None."""
    fields = payload if isinstance(payload, Mapping) else {}
    error = _text_or_none(fields.get("error"))
    description = _text_or_none(fields.get("error_description"))
    attributes = fields.get("error_attributes")
    if is_plan_limit(status, error, description):
        cls: type[APIError] = PlanLimitError
    elif 300 <= status < 400:
        cls = RedirectError
    elif status >= 500:
        cls = ServerError
    else:
        cls = _STATUS_ERRORS.get(status, APIError)
    return cls(
        status=status,
        method=method,
        path=path,
        body=body,
        error=error,
        error_description=description,
        error_attributes=attributes if isinstance(attributes, Mapping) else None,
    )


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def warn_deprecated(endpoint: str, *, stacklevel: int = 3) -> None:
    """Warn that ``endpoint`` is deprecated by 3Commas."""
    warnings.warn(
        f"{endpoint} is deprecated by 3Commas and may be removed",
        DeprecatedEndpointWarning,
        stacklevel=stacklevel,
    )
