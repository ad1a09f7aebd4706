"""Single request values, checked and converted: amounts (``as_decimal``), date-times and dates.

Shared by the endpoint validation (``_validation``) and the ``params`` classes. A value that does not
fit raises :class:`Invalid` (``as_decimal`` raises ValueError, for the params converters).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

__all__ = ["MAX_EXPONENT", "Invalid", "as_decimal", "check_date", "check_datetime", "describe", "preview"]

_NUMERIC_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
MAX_EXPONENT = 40
"""Amounts sent are refused beyond ``1E+40`` in size or ``1E-40`` in precision: no real price or quantity
needs more, and a value like ``Decimal("1E+999999")`` is no amount the API can mean."""
_INT_LIMIT = 10 ** (MAX_EXPONENT + 1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


class Invalid(Exception):
    """A value does not fit; ``path`` is where, inside the argument, ``problem`` what is wrong."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem


def as_decimal(value: object) -> Decimal | int:
    """An amount as sent: ints stay ints, Decimals, numeric strings and floats (via repr) become Decimal.

    Raises ValueError (with an ``expected ..., got ...`` message) for anything else, for NaN and infinities.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number (Decimal, int or numeric str), got bool {value!r}")
    if isinstance(value, int):
        if -_INT_LIMIT < value < _INT_LIMIT:
            return value
        raise ValueError(f"expected a number between 1E-{MAX_EXPONENT} and 1E+{MAX_EXPONENT} in size, got a larger int")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"expected a finite number, got {value!r}")
        return _sane(value)
    if isinstance(value, str):
        text = value.strip()
        if not _NUMERIC_TEXT.fullmatch(text):
            raise ValueError(f"expected a number (Decimal, int or numeric str), got {preview(value)}")
        return _sane(Decimal(text))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value!r}")
        return _sane(Decimal(repr(value)))
    raise ValueError(f"expected a number (Decimal, int or numeric str), got {describe(value)}")


def _sane(amount: Decimal) -> Decimal:
    """``amount`` when it is zero or within ``MAX_EXPONENT`` both ways, else ValueError."""
    if amount and not -MAX_EXPONENT <= amount.adjusted() <= MAX_EXPONENT:
        raise ValueError(
            f"expected a number between 1E-{MAX_EXPONENT} and 1E+{MAX_EXPONENT} in size, "
            f"got one of magnitude 1E{amount.adjusted():+d}"
        )
    return amount


def preview(value: str) -> str:
    return repr(value) if len(value) <= 40 else f"{value[:40]!r}... ({len(value)} characters)"


def check_datetime(value: Any, path: str) -> str:
    """An aware datetime or ISO 8601 text, sent as UTC (``2025-08-04T17:07:14Z``); an ISO date passes as is."""
    if isinstance(value, dt.datetime):
        return _utc_text(value, path)
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            return check_date(text, path)
        return _utc_text(_parse_datetime(text, path), path)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        raise Invalid(
            path,
            f"expected an aware datetime or an ISO 8601 string, got {describe(value)}: the server takes dates here "
            "and answers an epoch number with a 500",
        )
    raise Invalid(path, f"expected an aware datetime or an ISO 8601 string, got {describe(value)}")


def _parse_datetime(text: str, path: str) -> dt.datetime:
    """ISO 8601 date-time text with an offset (``Z``, ``+02``, ``+0200``, ``+02:00``), on every supported Python."""
    match = _ISO_DATETIME.fullmatch(text)
    if match is None:
        raise Invalid(path, f"expected an ISO 8601 date-time such as '2025-08-04T17:07:14Z', got {preview(text)}")
    day, clock, fraction, zone = match.groups()
    if zone is None:
        raise Invalid(path, f"expected a UTC offset or 'Z' (a naive time is ambiguous), got {text!r}")
    if zone.upper() == "Z":
        zone = "+00:00"
    elif len(zone) == 3:
        zone += ":00"
    else:
        zone = f"{zone[:3]}:{zone[-2:]}"
    if len(clock) == len("HH:MM"):
        clock += ":00"
    micro = (fraction or "0")[:6].ljust(6, "0")
    try:
        return dt.datetime.fromisoformat(f"{day}T{clock}.{micro}{zone}")
    except ValueError as exc:
        raise Invalid(path, f"expected a valid ISO 8601 date-time, got {text!r} ({exc})") from None


def _utc_text(moment: dt.datetime, path: str) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise Invalid(path, "expected an aware datetime, got a naive one (ambiguous): attach a tzinfo, e.g. UTC")
    utc = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds" if utc.microsecond else "seconds") + "Z"


def check_date(value: Any, path: str) -> str:
    """A ``date`` (not a datetime) or ``YYYY-MM-DD`` text, sent as ``YYYY-MM-DD``."""
    if isinstance(value, dt.datetime):
        raise Invalid(path, f"expected a date, got a datetime {value!r} (pass its .date() for the day you mean)")
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise Invalid(path, f"expected a date or 'YYYY-MM-DD' text, got {describe(value)}")
    text = value.strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise Invalid(path, f"expected a date or 'YYYY-MM-DD' text, got {preview(value)}")


def describe(value: Any) -> str:
    if value is None or isinstance(value, (bool, int, float, str, Decimal)):
        return f"{type(value).__name__} {value!r}"
    return type(value).__name__
