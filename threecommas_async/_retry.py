"""Retry decisions as small pure functions: was a failed request sent, may it be retried, how long to wait,
and what a Retry-After header means.

Rate-limit and ban errors wait 0 here: the limiter holds the next attempt until the block window or
ban gate opens, for every task at once.
"""

from __future__ import annotations

import email.utils
import random
from collections.abc import Mapping

import httpx

from ._exceptions import (
    IPBannedError,
    RateLimitError,
    ServerError,
    ThreeCommasError,
    TransportError,
)

__all__ = ["backoff", "parse_retry_after", "request_not_sent", "retry_wait", "should_retry"]

_RNG = random.Random()
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def request_not_sent(exc: BaseException) -> bool:
    """True when the httpx error proves no byte of the request reached the server."""
    return isinstance(exc, _NOT_SENT)


def should_retry(error: BaseException) -> bool:
    """Whether an attempt that ended in ``error`` may be tried again.

    The send loop has already turned the unsafe cases (a non-idempotent request that may have been
    applied) into OutcomeUnknownError, which is never retried.
    """
    if isinstance(error, IPBannedError):
        return not error.local
    return isinstance(error, (RateLimitError, ServerError, TransportError))


def backoff(attempt: int, *, base: float = 0.5, cap: float = 30.0, rng: random.Random | None = None) -> float:
    """Capped exponential backoff with jitter: half the step fixed, half random."""
    step = min(cap, base * 2.0 ** max(attempt - 1, 0))
    return step / 2 + (rng or _RNG).uniform(0, step / 2)


def retry_wait(attempt: int, error: BaseException | None, *, rng: random.Random | None = None) -> float:
    """Seconds to sleep before retry number ``attempt`` (1-based) after ``error``."""
    if isinstance(error, (RateLimitError, IPBannedError)):
        return 0.0
    retry_after = getattr(error, "retry_after", None) if isinstance(error, ThreeCommasError) else None
    if isinstance(retry_after, (int, float)) and retry_after >= 0:
        return float(retry_after)
    return backoff(attempt, rng=rng)


def parse_retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait from ``Retry-After-Ms``, or ``Retry-After`` as seconds or an HTTP date.

    ``now`` is the wall-clock time (epoch seconds) used for HTTP dates. None when absent or unreadable.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    milliseconds = lowered.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(float(milliseconds) / 1000.0, 0.0)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment is None:
        return None
    return max(moment.timestamp() - now, 0.0)
