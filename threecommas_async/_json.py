"""JSON in and out without floats.

Decoding turns every JSON number with a fraction or exponent into :class:`JsonNumber`, a
:class:`~decimal.Decimal` that remembers it arrived as a number (and its exact text, ``-1.1e-19``), so
it can be sent back as the same number. The constants ``NaN``, ``Infinity`` and ``-Infinity`` that some
servers write become the matching Decimal special values, never floats. A document nested deeper than
the decoder can take raises :class:`JsonDepthError` (a ``ValueError``), never ``RecursionError``.
With ``msgspec`` installed (the ``fast`` extra), it decodes first, handing each non-integer number's text to
:class:`JsonNumber` (never a float); any document it refuses (the constants, another encoding, a lone
surrogate, a huge integer, malformed or too deep input) goes to the standard library's :mod:`json`, which
decides the result or the error, so both paths give the same values and errors.

Encoding writes Decimals digit for digit, either as JSON numbers (default) or as JSON strings.
The separators match :func:`json.dumps`' defaults, which is what the documented signing vector signs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal

__all__ = ["DecimalEncoding", "JsonDepthError", "JsonNumber", "dumps", "loads"]

DecimalEncoding = Literal["number", "string"]

JSON_NUMBER_TEXT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


class JsonDepthError(ValueError):
    """The JSON document is nested deeper than the decoder takes (hostile or broken input)."""


class JsonNumber(Decimal):
    """A Decimal that was a JSON number on the wire; encodes back as the same number.

    Built from text whose canonical Decimal spelling differs (``"-1.1e-19"``, ``"0.0000001"``), it keeps
    that text: ``str()`` returns it, so encoding writes it back unchanged. Arithmetic on it returns plain
    :class:`~decimal.Decimal`; it compares and hashes as a Decimal.
    """

    __slots__ = ("_text",)
    _text: str | None

    def __new__(cls, value: Any = "0", context: Any = None) -> JsonNumber:
        self = Decimal.__new__(cls, value, context)
        self._text = None
        if value.__class__ is str and Decimal.__str__(self) != value and JSON_NUMBER_TEXT.fullmatch(value):
            self._text = value
        return self

    def __str__(self) -> str:
        text = self._text
        return Decimal.__str__(self) if text is None else text

    def __reduce__(self) -> tuple[type[JsonNumber], tuple[str]]:
        return (type(self), (str(self),))


def _fast_decoder() -> tuple[Callable[[Any], Any] | None, tuple[type[BaseException], ...]]:
    try:
        import msgspec
    except ImportError:
        return None, ()
    return msgspec.json.Decoder(float_hook=JsonNumber).decode, (msgspec.DecodeError, RecursionError)


_fast_decode, _FAST_REFUSALS = _fast_decoder()


def loads(data: str | bytes | bytearray) -> Any:
    """Parse JSON, giving :class:`JsonNumber` for every non-integer number and constant (never a float).

    Raises :class:`json.JSONDecodeError` (a ``ValueError``) for malformed input and
    :class:`JsonDepthError` for input nested too deep.
    """
    if _fast_decode is not None:
        try:
            return _fast_decode(data)
        except _FAST_REFUSALS:
            pass
    try:
        return json.loads(data, parse_float=JsonNumber, parse_constant=JsonNumber)
    except RecursionError:
        raise JsonDepthError("JSON nested too deep to decode") from None


_encode_str = json.encoder.encode_basestring_ascii


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
