"""How amounts and timestamps are read from JSON and written back, exactly.

Amounts
    A JSON string becomes a :class:`~decimal.Decimal` with exactly the digits sent. When
    ``str(Decimal(text))`` would not reproduce the text (``"-3.3e-05"`` reads back as
    ``"-0.000033"``), the value is a :class:`WireDecimal`, which remembers the text and returns it from
    ``str()``. A JSON number arrives from :func:`threecommas_async._json.loads` as a
    :class:`~threecommas_async._json.JsonNumber` and is kept as it is; a JSON integer in an amount field
    becomes a ``JsonNumber`` too, so both are written back as numbers. ``"NaN"``, ``"Infinity"`` and
    ``"-Infinity"`` (which real bodies carry) become the Decimal special values, as do the JSON
    constants of the same names. Booleans, floats and other spellings (``"nan"``, ``"sNaN"``,
    ``"inf"``) are refused.

Timestamps
    An ISO 8601 string becomes a timezone-aware :class:`~datetime.datetime`. The API's own format,
    ``2024-10-24T19:57:43.635Z`` (UTC, milliseconds, ``Z``), gives a plain ``datetime`` and is written
    back in the same format. Any other spelling (no fraction, an offset, no zone — read as UTC) or an
    epoch-seconds integer in an ISO field gives a :class:`WireDatetime`, which remembers what was sent
    and is written back as that. Fields the API sends as epoch seconds are read from integers as
    plain UTC datetimes and written back as integers.

    Spellings other than the API's own go through :func:`portable_parse_iso` on every Python: it
    rewrites them into the one form Python 3.10's ``datetime.fromisoformat`` reads (3.10 takes no
    ``Z`` and only 3- or 6-digit fractions), so 3.10 and 3.13 give the same datetimes.

Everything here is plain functions over values; the cattrs wiring lives in ``_converter``.
"""

from __future__ import annotations

import operator
import re
import sys
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from .._json import JSON_NUMBER_TEXT, JsonNumber

__all__ = [
    "API_TIMESTAMP_LAYOUT",
    "WireDatetime",
    "WireDecimal",
    "datetime_from_epoch",
    "datetime_from_wire",
    "datetime_to_epoch",
    "datetime_to_wire",
    "decimal_from_wire",
    "decimal_to_wire",
    "numeric_strings_from_wire",
    "numeric_strings_to_wire",
    "portable_parse_api_timestamp",
    "portable_parse_iso",
]

_UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_ONE_SECOND = timedelta(seconds=1)


class WireDecimal(Decimal):
    """A Decimal whose text as sent (``"1.5e-05"``) is not its canonical ``str()``.

    ``str()`` returns the text as sent, so writing it back reproduces the response. It compares,
    hashes and calculates as the Decimal it equals; arithmetic results are plain Decimals.
    """

    __slots__ = ("wire",)
    wire: str

    def __new__(cls, wire: str) -> WireDecimal:
        self = super().__new__(cls, wire)
        self.wire = wire
        return self

    def __str__(self) -> str:
        return self.wire

    def __reduce__(self) -> tuple[type[WireDecimal], tuple[str]]:
        return (type(self), (self.wire,))


class WireDatetime(datetime):
    """A timezone-aware datetime that remembers the JSON value it came from.

    Used only when the value was not in the field's usual format (an ISO string without
    milliseconds, with an offset, an epoch integer in an ISO field, ...), so that writing it back
    gives the same JSON value. Results of arithmetic on it do not carry ``wire``.
    """

    __slots__ = ("wire",)
    wire: str | int

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        plain = datetime.combine(self.date(), self.timetz(), self.tzinfo)
        return (_restore_wire_datetime, (plain, getattr(self, "wire", None)))


def _restore_wire_datetime(plain: datetime, wire: str | int | None) -> datetime:
    if wire is None:
        return plain
    remembered = WireDatetime.combine(plain.date(), plain.timetz(), plain.tzinfo)
    remembered.wire = wire
    return remembered


def decimal_from_wire(value: Any) -> Decimal:
    """An exact Decimal from a JSON string, JSON number or JSON integer (see module docstring)."""
    kind = type(value)
    if kind is str:
        try:
            number = Decimal(value)
        except ArithmeticError:
            raise ValueError(f"not a decimal number: {value[:80]!r}") from None
        if str(number) == value and number.is_finite():
            return number
        return _uncanonical_decimal(value)
    if kind is JsonNumber:
        return value  # type: ignore[no-any-return]
    if kind is int:
        return JsonNumber(value)
    if isinstance(value, Decimal) and not value.is_snan():
        return value
    raise TypeError(f"expected a decimal string or JSON number, got {type(value).__name__}: {value!r}")


_SPECIAL_VALUES = {text: Decimal(text) for text in ("NaN", "Infinity", "-Infinity")}


def _uncanonical_decimal(text: str) -> Decimal:
    special = _SPECIAL_VALUES.get(text)
    if special is not None:
        return special
    if JSON_NUMBER_TEXT.fullmatch(text) is None:
        raise ValueError(f"not a decimal number: {text!r}")
    return WireDecimal(text)


def numeric_strings_from_wire(value: Any) -> dict[str, Any]:
    """A JSON object (strategy options) whose decimal-string values become exact Decimals."""
    if type(value) is not dict:
        raise TypeError(f"expected a JSON object, got {type(value).__name__}")
    return {
        key: decimal_from_wire(item) if type(item) is str and JSON_NUMBER_TEXT.fullmatch(item) else item
        for key, item in value.items()
    }


def numeric_strings_to_wire(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """The JSON object back: Decimals as the text they came from (JSON numbers stay numbers)."""
    if value is None:
        return None
    return {key: decimal_to_wire(item) if isinstance(item, Decimal) else item for key, item in value.items()}


def decimal_to_wire(value: Decimal) -> Decimal | str:
    """A JSON number (kept as :class:`JsonNumber`) or the decimal's text."""
    if isinstance(value, JsonNumber):
        return value
    return str(value)


def datetime_from_wire(value: Any) -> datetime:
    """An aware datetime from an ISO 8601 string (or, leniently, epoch seconds)."""
    if type(value) is str:
        if _looks_like_api_timestamp(value):
            try:
                return _parse_utc_timestamp(value)
            except ValueError:
                pass
        return _remembered_iso(value)
    if type(value) is int:
        moment = WireDatetime.fromtimestamp(value, _UTC)
        moment.wire = value
        return moment
    raise TypeError(f"expected an ISO 8601 string, got {type(value).__name__}: {value!r}")


API_TIMESTAMP_LAYOUT = ((23, "Z"), (19, "."), (10, "T"), (4, "-"), (7, "-"), (13, ":"), (16, ":"))
"""Where ``2024-10-24T19:57:43.635Z`` has its separators (24 characters, hours below 24); the parser
checks the digits. Cheaper than a regex."""


_SEPARATORS_AT = operator.itemgetter(*(position for position, _ in API_TIMESTAMP_LAYOUT))
_SEPARATORS = tuple(char for _, char in API_TIMESTAMP_LAYOUT)


def _looks_like_api_timestamp(text: str) -> bool:
    return len(text) == 24 and _SEPARATORS_AT(text) == _SEPARATORS and text[11:13] < "24"


def datetime_from_epoch(value: Any) -> datetime:
    """An aware UTC datetime from epoch seconds (or, leniently, an ISO 8601 string)."""
    if type(value) is int:
        return datetime.fromtimestamp(value, _UTC)
    if type(value) is str:
        return _remembered_iso(value)
    raise TypeError(f"expected epoch seconds, got {type(value).__name__}: {value!r}")


def datetime_to_wire(value: datetime) -> str | int:
    """The JSON value for a timestamp in an ISO field: the remembered one, else the API's format."""
    wire = getattr(value, "wire", None)
    if wire is not None:
        return wire  # type: ignore[no-any-return]
    offset = value.utcoffset()
    if offset is None or offset:
        return value.isoformat()
    spec = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    return value.isoformat(timespec=spec)[:-6] + "Z"


def datetime_to_epoch(value: datetime) -> str | int | Decimal:
    """The JSON value for a timestamp in an epoch field: the remembered one, else epoch seconds."""
    wire = getattr(value, "wire", None)
    if wire is not None:
        return wire  # type: ignore[no-any-return]
    if value.utcoffset() is None:
        value = value.replace(tzinfo=_UTC)
    elapsed = value - _EPOCH
    whole_seconds = elapsed // _ONE_SECOND
    if not elapsed.microseconds:
        return whole_seconds
    return JsonNumber(Decimal(whole_seconds) + Decimal(elapsed.microseconds).scaleb(-6))


def _remembered_iso(text: str) -> WireDatetime:
    moment = _parse_iso(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_UTC)
    remembered = WireDatetime.combine(moment.date(), moment.timetz(), moment.tzinfo)
    remembered.wire = text
    return remembered


_ISO_PARTS = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[T ](?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)(?:[.,](?P<fraction>[0-9]+))?"
    r"(?P<zone>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)


def portable_parse_iso(text: str) -> datetime:
    """ISO 8601 as Python 3.11's ``fromisoformat`` reads it, on every supported Python.

    Python 3.10's ``fromisoformat`` takes only its own output: no ``Z``, fractions of exactly 3 or 6
    digits, ``+HH:MM`` offsets. This rewrites the common spellings (``Z``, any fraction length, ``,``
    as the decimal sign, ``+HHMM`` and ``+HH``) into that form first.
    """
    parts = _ISO_PARTS.fullmatch(text)
    if parts is None:
        return datetime.fromisoformat(text)
    date, time, fraction, zone = parts.group("date", "time", "fraction", "zone")
    if time is None:
        return datetime.fromisoformat(date)
    fraction = "" if fraction is None else "." + (fraction + "00000")[:6]
    if zone is None:
        zone = ""
    elif zone in ("Z", "z"):
        zone = "+00:00"
    else:
        digits = zone[1:].replace(":", "")
        zone = f"{zone[0]}{digits[:2]}:{digits[2:] or '00'}"
    return datetime.fromisoformat(f"{date}T{time}{fraction}{zone}")


def portable_parse_api_timestamp(text: str) -> datetime:
    """``2024-10-24T19:57:43.635Z`` (already matched by the API format) on every supported Python."""
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=_UTC)


_parse_iso = portable_parse_iso
_parse_utc_timestamp = datetime.fromisoformat if sys.version_info >= (3, 11) else portable_parse_api_timestamp
