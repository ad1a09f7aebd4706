"""No value poisons a page: special values, values that do not fit, strict mode, required ids, new fields."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from threecommas_async import _json
from threecommas_async._json import JsonNumber
from threecommas_async.models import (
    Account,
    Bot,
    BotCopyResult,
    BotStrategy,
    Deal,
    FieldError,
    GridBot,
    SafetyStep,
    SimpleTradeStatus,
    SmartTradeData,
    SmartTradeStopLoss,
    SmartTradeValue,
    make_converter,
    structure_response,
    unstructure,
)


def _deal(index: int, **fields: Any) -> dict[str, Any]:
    return {"id": 900 + index, "pair": "USDT_SOL", "final_profit": "1.25", "buy_steps": [], **fields}


def test_nan_and_infinity_strings_do_not_fail_a_page() -> None:
    page = [_deal(n) for n in range(50)]
    page[7]["buy_steps"] = [{"price": "131.5", "filled": "NaN"}]
    page[8]["final_profit"] = "-Infinity"
    page[9]["actual_profit_percentage"] = "Infinity"
    deals = structure_response(page, list[Deal])
    assert len(deals) == 50
    filled = deals[7].buy_steps[0].filled
    assert filled.is_nan()
    assert deals[8].final_profit == Decimal("-Infinity")
    assert deals[9].actual_profit_percentage == Decimal("Infinity")
    assert all(not deal.field_errors for deal in deals)
    assert unstructure(deals) == page


def test_json_constants_reach_models_as_decimals() -> None:
    body = b'[{"id": 1, "usd_amount": NaN, "day_profit_usd_percentage": Infinity, "btc_amount": -Infinity}]'
    (account,) = structure_response(_json.loads(body), list[Account])
    assert type(account.usd_amount) is JsonNumber
    assert account.usd_amount.is_nan()
    assert account.day_profit_usd_percentage == Decimal("Infinity")
    assert account.btc_amount == Decimal("-Infinity")
    assert not account.field_errors


@pytest.mark.parametrize(
    ("key", "value", "attribute", "reason"),
    [
        ("finished?", "false", "finished", "expected bool"),
        ("final_profit", 1.5, "final_profit", "float"),
        ("final_profit", "twelve", "final_profit", "not a decimal"),
        ("created_at", "yesterday", "created_at", "ValueError"),
        ("bot_events", {}, "bot_events", "JSON array"),
        ("max_safety_orders", "5", "max_safety_orders", "expected int"),
    ],
)
def test_a_value_that_does_not_fit_is_kept_not_raised(key: str, value: Any, attribute: str, reason: str) -> None:
    page = [_deal(0), _deal(1, **{key: value}), _deal(2)]
    deals = structure_response(page, list[Deal])
    odd = deals[1]
    assert getattr(odd, attribute) is None
    assert set(odd.field_errors) == {key}
    error = odd.field_errors[key]
    assert isinstance(error, FieldError)
    assert error.value == value
    assert reason in error.reason
    assert odd.final_profit is None or odd.final_profit == Decimal("1.25")
    assert not deals[0].field_errors
    assert unstructure(odd) == page[1]


def test_strict_raises_and_names_the_field() -> None:
    with pytest.raises(TypeError) as caught:
        structure_response([_deal(0, **{"finished?": "false"})], list[Deal], strict=True)
    assert any(re.search(r"Deal\['finished\?'\]", note) for note in getattr(caught.value, "__notes__", ()))


def test_nested_values_that_do_not_fit_stay_in_their_own_row() -> None:
    deal = structure_response(_deal(0, take_profit_steps=[{"id": 1, "price": False, "status": "Placed"}]), Deal)
    step = deal.take_profit_steps[0]
    assert step.price is None
    assert step.status == "Placed"
    assert step.field_errors["price"].value is False
    assert not deal.field_errors


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    "payload",
    [{"pair": "USDT_BTC"}, {"id": "5"}, {"id": None}, {"id": 5, "active_deals": [{"pair": "USDT_BTC"}]}],
)
def test_missing_or_mistyped_ids_still_raise(payload: dict[str, Any], strict: bool) -> None:
    with pytest.raises((KeyError, TypeError)) as caught:
        structure_response(payload, Bot, strict=strict)
    assert any("'id'" in note for note in getattr(caught.value, "__notes__", ())) or "id" in str(caught.value)


def test_a_body_of_the_wrong_json_type_still_raises() -> None:
    with pytest.raises(TypeError):
        structure_response({"id": 1}, list[Deal])
    with pytest.raises(TypeError):
        structure_response([None], list[Deal])


def test_unknown_keys_still_refused_by_a_converter_that_forbids_them() -> None:
    strict_keys = make_converter(forbid_extra_keys=True)
    with pytest.raises(Exception, match="brand_new"):
        strict_keys.structure({"id": 1, "grid_lines": [{"id": 2, "brand_new": 1}]}, GridBot)


def test_a_long_reason_is_bounded() -> None:
    deal = structure_response(_deal(0, pair=["x" * 10_000]), Deal)
    assert len(deal.field_errors["pair"].reason) <= 200
    assert deal.field_errors["pair"].value == ["x" * 10_000]


def test_new_deal_and_bot_fields() -> None:
    steps = [{"deviation": "1.5", "size": 25, "editable": True}, {"deviation": JsonNumber("3.25"), "size": "40.0"}]
    for model in (Deal, Bot):
        raw = {"id": 3, "safety_order_calculation_mode": "from_base_order", "custom_safety_steps": steps}
        entity = structure_response(raw, model)
        assert entity.safety_order_calculation_mode == "from_base_order"
        assert entity.custom_safety_steps == [
            SafetyStep(deviation=Decimal("1.5"), size=Decimal(25), editable=True),
            SafetyStep(deviation=Decimal("3.25"), size=Decimal("40.0")),
        ]
        assert entity.extra == {}
        assert unstructure(entity) == raw


def test_strategy_options_numeric_strings_become_decimals() -> None:
    raw = {"strategy": "rsi", "options": {"time": "5m", "points": "30", "ratio": "1.50", "n": 7, "on": True}}
    strategy = structure_response(raw, BotStrategy)
    assert strategy.options == {"time": "5m", "points": Decimal("30"), "ratio": Decimal("1.50"), "n": 7, "on": True}
    assert type(strategy.options["points"]) is Decimal
    assert unstructure(strategy) == raw
    odd = structure_response({"strategy": "rsi", "options": ["not", "an", "object"]}, BotStrategy)
    assert odd.options is None
    assert "options" in odd.field_errors


def test_smaller_documented_fields() -> None:
    assert structure_response({"closed_at": "2025-02-03T04:05:06.789Z"}, SmartTradeData).closed_at is not None
    assert structure_response({"closed_at": None, "enabled": True}, SmartTradeStopLoss).extra == {}
    value = structure_response({"value": "0.5", "value_without_commission": "0.49"}, SmartTradeValue)
    assert value.value_without_commission == Decimal("0.49")
    assert structure_response({"value": "finished", "basic_type": "finished"}, SimpleTradeStatus).extra == {}
    assert structure_response({"id": 1, "nomics_id": "kucoin"}, Account).nomics_id == "kucoin"


def test_bot_copy_result() -> None:
    result = structure_response(_json.loads(b'{"bot_id": 4455, "bot_required_amount": 240}'), BotCopyResult)
    assert result.bot_id == 4455
    assert result.bot_required_amount == 240
    assert type(result.bot_required_amount) is JsonNumber
