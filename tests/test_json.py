"""Exact decimals through JSON, both ways; every decoding test runs on msgspec (when installed) and on the
standard library alone."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from threecommas_async import JsonNumber, _json
from threecommas_async._json import JsonDepthError

FIFTY_DIGITS = "0.73915208376112093847561209384756120938475612093847"


@pytest.fixture(params=["msgspec", "stdlib"], autouse=True)
def decoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "msgspec":
        pytest.importorskip("msgspec")
        assert _json._fast_decode is not None
    else:
        monkeypatch.setattr(_json, "_fast_decode", None)
    name: str = request.param
    return name


@pytest.mark.parametrize("decoder", ["msgspec"], indirect=True)  # about the msgspec path only
def test_msgspec_decodes_first_and_refused_documents_go_to_the_standard_library(
    decoder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[object] = []
    fast = _json._fast_decode
    assert fast is not None

    def spy(data: object) -> object:
        tried.append(data)
        return fast(data)

    monkeypatch.setattr(_json, "_fast_decode", spy)

    assert _json.loads(b"[1.5]") == [Decimal("1.5")]
    assert str(_json.loads(b"[NaN]")[0]) == "NaN"
    assert tried == [b"[1.5]", b"[NaN]"]


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
    assert _json.dumps(body) == (f'{{"amount": {FIFTY_DIGITS}, "echo": -1.1e-19, "ok": true, "none": null}}'.encode())
    assert _json.dumps(body, decimals="string") == (
        f'{{"amount": "{FIFTY_DIGITS}", "echo": -1.1e-19, "ok": true, "none": null}}'.encode()
    )


@pytest.mark.parametrize("text", ["-1.1e-19", "1E+5", "2.50E-3", "0.0000001", "1e400", "-0.0", "12.500", "-7e0"])
def test_number_text_round_trips_exactly(text: str) -> None:
    (number,) = _json.loads(f"[{text}]")
    assert type(number) is JsonNumber
    assert number == Decimal(text)
    assert str(number) == text
    assert _json.dumps([number]) == f"[{text}]".encode()
    assert pickle.loads(pickle.dumps(number)) == number
    assert str(pickle.loads(pickle.dumps(number))) == text


def test_arithmetic_on_a_remembered_number_is_plain() -> None:
    total = JsonNumber("1e-7") + 1
    assert type(total) is Decimal
    assert str(total) == "1.0000001"


@pytest.mark.parametrize("text", ["1_000", " 1.5", "+2", ".5"])
def test_only_json_number_text_is_remembered(text: str) -> None:
    assert str(JsonNumber(text)) == str(Decimal(text))


@pytest.mark.parametrize(
    ("constant", "expected"), [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity")]
)
def test_json_constants_become_decimal_special_values(constant: str, expected: str) -> None:
    data = _json.loads(f'{{"filled": {constant}, "deep": [{{"x": {constant}}}], "ok": 1.5}}')
    for value in (data["filled"], data["deep"][0]["x"]):
        assert type(value) is JsonNumber
        assert not isinstance(value, float)
        assert str(value) == expected
        assert not value.is_finite()
    assert data["ok"] == Decimal("1.5")


@pytest.mark.parametrize("open_close", [("[", "]"), ('{"a":', "}")])
def test_too_deep_raises_a_typed_value_error(open_close: tuple[str, str]) -> None:
    opening, closing = open_close
    depth = 100_000
    with pytest.raises(JsonDepthError) as caught:
        _json.loads((opening * depth + "1" + closing * depth).encode())
    assert isinstance(caught.value, ValueError)
    assert _json.loads(opening * 100 + "1" + closing * 100) is not None


def test_malformed_input_raises_value_error() -> None:
    for text in (b"{", b"[1,]", b'{"a" 1}', b"\xff"):
        with pytest.raises(ValueError):
            _json.loads(text)


def test_dumps_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(ValueError, match="non-finite"):
        _json.dumps({"x": Decimal("NaN")})
    with pytest.raises(ValueError, match="non-finite"):
        _json.dumps({"x": _json.loads("NaN")})
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
    assert _json.dumps([decoded]) == encoded
