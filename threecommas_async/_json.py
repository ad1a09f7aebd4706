"""JSON in and out without floats.

Decoding turns every JSON number with a fraction or exponent into :class:`JsonNumber`, a
:class:`~decimal.Decimal` that remembers it arrived as a number, so it can be sent back as a number.
Encoding writes Decimals digit for digit, either as JSON numbers (default) or as JSON strings.
The separators match :func:`json.dumps`' defaults, which is what the documented signing vector signs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

__all__ = ["DecimalEncoding", "JsonNumber", "dumps", "loads"]

DecimalEncoding = Literal["number", "string"]


class JsonNumber(Decimal):
    """A Decimal that was a JSON number on the wire; encodes back as a number.

    Arithmetic on it returns plain :class:`~decimal.Decimal`; it compares and hashes as a Decimal.
    """

    __slots__ = ()


_encode_str = json.encoder.encode_basestring_ascii


def loads(data: str | bytes | bytearray) -> Any:
    """Parse JSON, giving :class:`JsonNumber` for every non-integer number (never a float)."""
    return json.loads(data, parse_float=JsonNumber)


def dumps(value: Any, *, decimals: DecimalEncoding = "number") -> bytes:
    """Serialize ``value`` to UTF-8 JSON bytes, keeping every digit of every Decimal.

    ``decimals="number"`` writes a :class:`JsonNumber` or :class:`Decimal` as a JSON number;
    ``"string"`` writes plain Decimals as JSON strings (a :class:`JsonNumber` stays a number, as received).
    A float is written with its shortest round-tripping repr. NaN and infinities are refused.
    """
    parts: list[str] = []
    _encode(value, parts, decimals == "string")
    return "".join(parts).encode()


def _encode(value: Any, out: list[str], decimals_as_strings: bool) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(_encode_str(value))
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot encode non-finite Decimal {value!r} as JSON")
        text = str(value)
        if decimals_as_strings and not isinstance(value, JsonNumber):
            out.append(f'"{text}"')
        else:
            out.append(text)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"cannot encode non-finite float {value!r} as JSON")
        out.append(float.__repr__(value))
    elif isinstance(value, Mapping):
        out.append("{")
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be str, not {type(key).__name__}")
            if not first:
                out.append(", ")
            first = False
            out.append(_encode_str(key))
            out.append(": ")
            _encode(item, out, decimals_as_strings)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(", ")
            _encode(item, out, decimals_as_strings)
        out.append("]")
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")
