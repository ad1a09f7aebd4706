"""The one response function: what the outcome of one attempt means, with no I/O (as gidgethub's ``sansio``).

``interpret`` takes what came back from one attempt (an ``httpx.Response`` or the httpx error that ended it)
and returns a verdict:

- :class:`Success`: the body decoded and structured into the endpoint's response type, in one step
  (a ``None`` response type, for endpoints documented without a body, gives None whatever the body);
- :class:`Retry`: the error, and how long to wait before the next attempt;
- :class:`Failure`: the complete error to raise.

Every verdict also says what the limiter must learn (``outcome``: a success, a 429, a 418), the server's
``Retry-After``, and whether the request left at all (``sent``). The send loop does the I/O around it.
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Mapping
from typing import Any

import attrs
import httpx

from . import _json
from ._exceptions import (
    APIError,
    IPBannedError,
    OutcomeUnknownError,
    PaperModeIgnoredError,
    RateLimitError,
    RedirectError,
    ResponseDecodeError,
    ResponseValidationError,
    ServerError,
    ThreeCommasError,
    TransportError,
    bounded,
    error_for_status,
)
from ._guards import NO_GUARD, TradingGuard
from ._ratelimit import Outcome

__all__ = [
    "MAX_BODY_BYTES",
    "Call",
    "Failure",
    "Retry",
    "Success",
    "Verdict",
    "backoff",
    "decode_body",
    "interpret",
    "parse_retry_after",
    "request_not_sent",
]

MAX_BODY_BYTES = 256 * 1024 * 1024
_RNG = random.Random()
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


@attrs.frozen(slots=True)
class Call:
    """What interpreting an answer needs to know about the request it answers."""

    method: str
    path: str
    idempotent: bool
    limited: bool = True
    response_type: Any = Any
    guard: TradingGuard = NO_GUARD
    strict: bool = False


@attrs.frozen(slots=True)
class Success:
    value: Any
    response: httpx.Response
    outcome: Outcome | None = Outcome.OK
    retry_after: float | None = None
    sent: bool = True


@attrs.frozen(slots=True)
class Retry:
    error: ThreeCommasError
    wait: float
    outcome: Outcome | None = None
    retry_after: float | None = None
    sent: bool = True


@attrs.frozen(slots=True)
class Failure:
    error: ThreeCommasError
    outcome: Outcome | None = None
    retry_after: float | None = None
    sent: bool = True


Verdict = Success | Retry | Failure


def interpret(
    result: httpx.Response | httpx.HTTPError,
    call: Call,
    *,
    attempt: int,
    now: float,
    rng: random.Random | None = None,
) -> Verdict:
    """The verdict on attempt number ``attempt`` (1-based) of ``call``; ``now`` is the wall clock (epoch s)."""
    if isinstance(result, httpx.HTTPError):
        return _transport_failure(result, call, attempt, rng)
    status = result.status_code
    if status < 300:
        return _success(result, call)
    error = _error(result, call)
    retry_after = parse_retry_after(result.headers, now=now)
    error.retry_after = retry_after
    if isinstance(error, RateLimitError):
        return _rate_signal(error, Outcome.RATE_LIMITED, call, retry_after)
    if isinstance(error, IPBannedError):
        return _rate_signal(error, Outcome.BANNED, call, retry_after)
    if isinstance(error, ServerError):
        if not call.idempotent:
            return Failure(_outcome_unknown(f"server answered {status}", call, error, status))
        wait = retry_after if retry_after is not None else backoff(attempt, rng=rng)
        return Retry(error, wait, retry_after=retry_after)
    return Failure(error, retry_after=retry_after)


def decode_body(response: httpx.Response, call: Call) -> Any:
    """The body as exact JSON (None when empty); a typed error for anything that is not JSON we can read."""
    body = response.content
    if len(body) > MAX_BODY_BYTES:
        raise _decode_error(f"body of {len(body)} bytes exceeds {MAX_BODY_BYTES}", response, call)
    if not body.strip():
        return None
    try:
        return _json.loads(body)
    except _json.JsonDepthError:
        raise _decode_error("JSON nested too deeply", response, call) from None
    except UnicodeDecodeError as exc:
        raise _decode_error(f"body is not UTF-8 ({exc.reason})", response, call) from None
    except ValueError as exc:
        raise _decode_error(f"malformed JSON ({exc})", response, call) from None


def _success(response: httpx.Response, call: Call) -> Verdict:
    try:
        data = decode_body(response, call)
    except ResponseDecodeError as undecodable:
        return Failure(undecodable, outcome=Outcome.OK)
    if not call.idempotent:
        try:
            call.guard.check_answer(call.method, call.path, data)
        except PaperModeIgnoredError as ignored:
            ignored.body = response.content
            return Failure(ignored, outcome=Outcome.OK)
    if call.response_type is Any or call.response_type is object:
        return Success(data, response)
    if call.response_type is None:
        return Success(None, response)
    from .models import structure_response

    try:
        return Success(structure_response(data, call.response_type, strict=call.strict), response)
    except Exception as exc:
        message = "; ".join([str(exc), *getattr(exc, "__notes__", ())])
        error = ResponseValidationError(
            f"response does not fit {_type_name(call.response_type)}: {bounded(message)}",
            status=response.status_code,
            body=response.content,
            method=call.method,
            path=call.path,
        )
        return Failure(error, outcome=Outcome.OK)


def _error(response: httpx.Response, call: Call) -> APIError:
    """The typed error for a non-2xx answer; an unreadable body never changes its class."""
    try:
        payload = decode_body(response, call)
    except ResponseDecodeError:
        payload = None
    error = error_for_status(
        status=response.status_code, method=call.method, path=call.path, body=response.content, payload=payload
    )
    if isinstance(error, RedirectError):
        error.location = response.headers.get("location")
    return error


def _rate_signal(error: APIError, outcome: Outcome, call: Call, retry_after: float | None) -> Verdict:
    """A 429 or 418: the limiter must hear of it; with a limiter to hold the retry, it is retried."""
    if call.limited:
        return Retry(error, 0.0, outcome=outcome, retry_after=retry_after)
    return Failure(error, outcome=outcome, retry_after=retry_after)


def _transport_failure(exc: httpx.HTTPError, call: Call, attempt: int, rng: random.Random | None) -> Verdict:
    sent = not request_not_sent(exc)
    if sent and not call.idempotent:
        return Failure(_outcome_unknown(f"{type(exc).__name__} after the request was sent", call, exc), sent=sent)
    error = TransportError(type(exc).__name__, method=call.method, path=call.path)
    error.__cause__ = exc
    return Retry(error, backoff(attempt, rng=rng), sent=sent)


def _outcome_unknown(message: str, call: Call, cause: BaseException, status: int | None = None) -> ThreeCommasError:
    error = OutcomeUnknownError(message, method=call.method, path=call.path, status=status)
    error.__cause__ = cause
    return error


def _decode_error(message: str, response: httpx.Response, call: Call) -> ResponseDecodeError:
    return ResponseDecodeError(
        message, status=response.status_code, body=response.content, method=call.method, path=call.path
    )


def request_not_sent(exc: BaseException) -> bool:
    """True when the httpx error proves no byte of the request reached the server."""
    return isinstance(exc, _NOT_SENT)


def backoff(attempt: int, *, base: float = 0.5, cap: float = 30.0, rng: random.Random | None = None) -> float:
    """Capped exponential backoff with jitter: half the step fixed, half random."""
    step = min(cap, base * 2.0 ** max(attempt - 1, 0))
    return step / 2 + (rng or _RNG).uniform(0, step / 2)


def parse_retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait from ``Retry-After-Ms``, or ``Retry-After`` as seconds or an HTTP date.

    ``now`` is the wall-clock time (epoch seconds) used for HTTP dates. None when absent or unreadable.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    milliseconds = lowered.get("retry-after-ms")
    if milliseconds is not None:
        seconds = _non_negative(milliseconds)
        if seconds is not None:
            return seconds / 1000.0
    value = lowered.get("retry-after")
    if value is None:
        return None
    seconds = _non_negative(value.strip())
    if seconds is not None:
        return seconds
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return max(moment.timestamp() - now, 0.0)


def _non_negative(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return max(number, 0.0) if number == number and number != float("inf") else None


def _type_name(cast_to: Any) -> str:
    return getattr(cast_to, "__name__", None) or repr(cast_to)

