"""Amounts and timestamps: exact in, exact out, whatever their spelling."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta, timezone
from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threecommas_async import _json
from threecommas_async._json import JsonNumber
from threecommas_async.models import CurrencyAmount, WireDatetime, WireDecimal, structure_response, unstructure
from threecommas_async.models._values import (
    datetime_from_epoch,
    datetime_from_wire,
    datetime_to_epoch,
    datetime_to_wire,
    decimal_from_wire,
    decimal_to_wire,
)

UTC = timezone.utc


@st.composite
def decimal_texts(draw: st.DrawFn) -> str:
    """Decimal literals in JSON number syntax: up to 60 significant digits, optional exponent."""
    digits = draw(st.text("0123456789", min_size=1, max_size=60))
    if len(digits) > 1:
        digits = digits.lstrip("0") or "0"
    point = draw(st.integers(0, len(digits)))
    whole, fraction = digits[:point] or "0", digits[point:]
    text = "-" if draw(st.booleans()) else ""
    text += whole.lstrip("0") or "0"
    if fraction:
        text += "." + fraction
    if draw(st.booleans()):
        text += draw(st.sampled_from(["e", "E"])) + draw(st.sampled_from(["", "+", "-"]))
        text += str(draw(st.integers(0, 400)))
    return text


def _amount(value: object) -> CurrencyAmount:
    model = structure_response({"currency": "XYZ", "amount": value}, CurrencyAmount)
    assert isinstance(model, CurrencyAmount)
    return model


@settings(max_examples=400)
@given(decimal_texts())
def test_amount_string_round_trips_exactly(text: str) -> None:
    with localcontext() as context:
        context.prec = 5
        model = _amount(text)
    assert model.amount == Decimal(text)
    assert str(model.amount) == text
    assert unstructure(model) == {"currency": "XYZ", "amount": text}


@settings(max_examples=400)
@given(decimal_texts())
def test_amount_json_number_round_trips_exactly(text: str) -> None:
    body = '{"currency": "XYZ", "amount": ' + text + "}"
    model = _amount(_json.loads(body)["amount"])
    assert model.amount == Decimal(text)
    assert type(model.amount) is JsonNumber
    assert unstructure(model)["amount"] is model.amount
    again = _json.loads(_json.dumps(unstructure(model)))
    assert again == _json.loads(body)
    assert _amount(again["amount"]).amount == model.amount


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_canonical_decimal_text_gives_a_plain_decimal(number: Decimal) -> None:
    parsed = decimal_from_wire(str(number))
    assert type(parsed) is Decimal
    assert parsed == number
    assert decimal_to_wire(parsed) == str(number)


@pytest.mark.parametrize(
    ("text", "expected_type"),
    [
        ("0.41977392126027012455593960354579615351317609077582", Decimal),
        ("-0.00000000000000000010999999999999999999993138892165683112", WireDecimal),
        ("1.5795860715256732e-25", WireDecimal),
        ("-3.30980633289966e-05", WireDecimal),
        ("-0.0", Decimal),
        ("100", Decimal),
        ("1E+3", Decimal),
    ],
)
def test_text_spellings(text: str, expected_type: type) -> None:
    parsed = decimal_from_wire(text)
    assert type(parsed) is expected_type
    assert str(parsed) == text
    assert decimal_to_wire(parsed) == text
    assert parsed == Decimal(text)


def test_wire_decimal_behaves_as_its_value() -> None:
    value = decimal_from_wire("2.5e-3")
    assert isinstance(value, WireDecimal)
    assert value == Decimal("0.0025")
    assert hash(value) == hash(Decimal("0.0025"))
    assert type(value + 1) is Decimal
    assert format(value, "f") == "0.0025"
    assert pickle.loads(pickle.dumps(value)).wire == "2.5e-3"
    assert copy.deepcopy(value) == value
    assert _json.dumps({"a": value}) == b'{"a": 2.5e-3}'


def test_integers_and_json_numbers() -> None:
    assert type(decimal_from_wire(7)) is JsonNumber
    assert decimal_to_wire(decimal_from_wire(7)) == 7
    number = JsonNumber("-1.1e-19")
    assert decimal_from_wire(number) is number
    assert decimal_to_wire(number) is number


@pytest.mark.parametrize(
    "value", [True, False, 1.5, None, [], {}, "nan", "sNaN", "inf", "-inf", "abc", " 1", "1_000", "+1", ".5"]
)
def test_not_an_amount(value: object) -> None:
    with pytest.raises((TypeError, ValueError, ArithmeticError)):
        decimal_from_wire(value)


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity"])
def test_special_values_as_strings_become_decimal_specials(text: str) -> None:
    value = decimal_from_wire(text)
    assert type(value) is Decimal
    assert str(value) == text
    assert not value.is_finite()
    assert not value.is_snan()
    assert decimal_to_wire(value) == text


def test_special_json_constants_are_kept() -> None:
    for text in ("NaN", "Infinity", "-Infinity"):
        constant = JsonNumber(text)
        assert decimal_from_wire(constant) is constant
    with pytest.raises(TypeError):
        decimal_from_wire(Decimal("sNaN"))


def test_api_timestamp_is_a_plain_aware_datetime() -> None:
    moment = datetime_from_wire("2025-02-03T04:05:06.789Z")
    assert type(moment) is datetime
    assert moment == datetime(2025, 2, 3, 4, 5, 6, 789000, tzinfo=UTC)
    assert datetime_to_wire(moment) == "2025-02-03T04:05:06.789Z"


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2025-02-03T04:05:06Z", datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)),
        ("2025-02-03T04:05:06.789123Z", datetime(2025, 2, 3, 4, 5, 6, 789123, tzinfo=UTC)),
        ("2025-02-03T07:05:06.789+03:00", datetime(2025, 2, 3, 4, 5, 6, 789000, tzinfo=UTC)),
        ("2025-02-03T04:05:06.789", datetime(2025, 2, 3, 4, 5, 6, 789000, tzinfo=UTC)),
        ("2025-02-03", datetime(2025, 2, 3, tzinfo=UTC)),
        (1738555506, datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)),
    ],
)
def test_other_timestamp_spellings_are_remembered(wire: str | int, expected: datetime) -> None:
    moment = datetime_from_wire(wire)
    assert isinstance(moment, WireDatetime)
    assert moment == expected
    assert moment.utcoffset() is not None
    assert datetime_to_wire(moment) == wire


def test_wire_datetime_survives_pickle_and_copy() -> None:
    moment = datetime_from_wire("2025-02-03T07:05:06+03:00")
    for clone in (pickle.loads(pickle.dumps(moment)), copy.deepcopy(moment), copy.copy(moment)):
        assert isinstance(clone, WireDatetime)
        assert clone == moment
        assert datetime_to_wire(clone) == "2025-02-03T07:05:06+03:00"


def test_derived_datetimes_are_written_in_the_api_format() -> None:
    moment = datetime_from_wire("2025-02-03T04:05:06Z") + timedelta(milliseconds=1)
    assert datetime_to_wire(moment) == "2025-02-03T04:05:06.001Z"
    assert datetime_to_wire(datetime(2025, 2, 3, 4, 5, 6, 7, tzinfo=UTC)) == "2025-02-03T04:05:06.000007Z"
    plus_two = timezone(timedelta(hours=2))
    assert datetime_to_wire(datetime(2025, 2, 3, 4, 5, tzinfo=plus_two)) == "2025-02-03T04:05:00+02:00"


def test_epoch_seconds() -> None:
    moment = datetime_from_epoch(1738555506)
    assert type(moment) is datetime
    assert moment == datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert datetime_to_epoch(moment) == 1738555506
    assert datetime_to_epoch(moment + timedelta(microseconds=250)) == Decimal("1738555506.000250")
    assert type(datetime_to_epoch(moment + timedelta(microseconds=250))) is JsonNumber
    assert datetime_to_epoch(datetime_from_epoch("2025-02-03T04:05:06Z")) == "2025-02-03T04:05:06Z"


@pytest.mark.parametrize("value", [True, 1.5, None, "yesterday", "2025-02-03T24:00:00.000Z"])
def test_not_a_timestamp(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        datetime_from_wire(value)
