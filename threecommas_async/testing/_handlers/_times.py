"""Time parameters and fields as the real server reads them: ISO 8601 text, and where numbers fail.

``GET /ver1/bots?from=`` and ``GET /ver1/deals?from=`` take an ISO 8601 date-time
(``2025-08-04T17:07:14Z`` is answered 200); the live server answers an epoch number there with a 500
``unknown_error`` (its database refuses the value), and so does the fake. The parser accepts what
3.10's ``datetime.fromisoformat`` does not: ``Z``, any number of fraction digits, ``+0300`` offsets.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from .._http import ApiFailure, invalid_param
from .._params import Params

__all__ = ["iso_date_time", "iso_epoch", "lenient_time"]

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:[.,](?P<fraction>\d+))?)?"
    r"(?P<zone>Z|z|[+-]\d{2}(?::?\d{2})?)?"
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")

_UNKNOWN_ERROR = ApiFailure(500, "unknown_error", "Unknown error occurred")


def iso_epoch(text: str) -> float | None:
    """Seconds since the epoch of an ISO 8601 date or date-time (naive means UTC); None if not one."""
    found = _ISO.fullmatch(text.strip())
    if found is None:
        return None
    clock = found["time"] or "00:00:00"
    if len(clock) == 5:
        clock += ":00"
    fraction = (found["fraction"] or "0")[:6].ljust(6, "0")
    try:
        moment = datetime.fromisoformat(f"{found['date']}T{clock}.{fraction}{_offset(found['zone'])}")
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def _offset(zone: str | None) -> str:
    if zone is None:
        return ""
    if zone in ("Z", "z"):
        return "+00:00"
    digits = zone[1:].replace(":", "")
    return f"{zone[0]}{digits[:2]}:{digits[2:4] or '00'}"


def iso_date_time(params: Params, name: str) -> float | None:
    """A date-time filter the server passes to its database: ISO 8601 only, a number is a 500."""
    text = params.text(name)
    if text is None:
        return None
    if _NUMBER.fullmatch(text.strip()):
        raise _UNKNOWN_ERROR
    moment = iso_epoch(text)
    if moment is None:
        raise invalid_param(name, "is not a valid date-time")
    return moment


def lenient_time(params: Params, name: str) -> float | None:
    """A time filter given as ISO 8601 text or as epoch seconds."""
    text = params.text(name)
    if text is None:
        return None
    if _NUMBER.fullmatch(text.strip()):
        return float(text)
    moment = iso_epoch(text)
    if moment is None:
        raise invalid_param(name, "is not a valid time")
    return moment
