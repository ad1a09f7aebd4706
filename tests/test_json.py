"""Exact decimals through JSON, both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threecommas_async import JsonNumber, _json

FIFTY_DIGITS = "0.73915208376112093847561209384756120938475612093847"


def test_strings_and_numbers_become_exact_decimals() -> None:
    data = _json.loads(f'{{"s": "{FIFTY_DIGITS}", "n": -1.1e-19, "f": 0.8317462091837465, "i": 7}}')
    assert data["s"] == FIFTY_DIGITS
    assert Decimal(data["s"]) == Decimal(FIFTY_DIGITS)
    assert isinstance(data["n"], JsonNumber)
    assert data["n"] == Decimal("-1.1e-19")
    assert str(data["f"]) == "0.8317462091837465"
    assert data["i"] == 7
    assert type(data["i"]) is int


def test_dumps_keeps_every_digit_and_the_kind() -> None:
    body = {"amount": Decimal(FIFTY_DIGITS), "echo": _json.loads("-1.1e-19"), "ok": True, "none": None}
    assert _json.dumps(body) == (
        f'{{"amount": {FIFTY_DIGITS}, "echo": -1.1E-19, "ok": true, "none": null}}'.encode()
    )
    assert _json.dumps(body, decimals="string") == (
        f'{{"amount": "{FIFTY_DIGITS}", "echo": -1.1E-19, "ok": true, "none": null}}'.encode()
    )


def test_dumps_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(ValueError, match="non-finite"):
        _json.dumps({"x": Decimal("NaN")})
    with pytest.raises(TypeError):
        _json.dumps({"x": object()})
    with pytest.raises(TypeError):
        _json.dumps({1: "x"})


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_any_finite_decimal_round_trips(value: Decimal) -> None:
    encoded = _json.dumps([value])
    (decoded,) = _json.loads(encoded)
    assert Decimal(decoded) == value
    assert Decimal(decoded).as_tuple().digits == value.as_tuple().digits or value.is_zero()
