"""Client-side validation: bad arguments raise ValidationError naming the parameter, before any I/O."""

from __future__ import annotations

import datetime
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx
from support import MakeClient

from threecommas_async import ThreeCommas, ValidationError
from threecommas_async._endpoint import Endpoint, Param
from threecommas_async._validation import as_decimal, prepare
from threecommas_async.params import ConditionalPrice, Position, TakeProfit, TakeProfitStep, Units
from threecommas_async.resources import BY_NAME

BASE_URL = "https://api.3commas.io/public/api"


def invalid(name: str, arguments: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        prepare(BY_NAME[name], arguments)
    assert caught.value.endpoint == name
    return caught.value


# -- required, types, enums, ranges, lengths ------------------------------------------------------


def test_missing_required_path_param() -> None:
    error = invalid("deals.show", {})
    assert error.param == "deal_id"
    assert "required" in error.problem
    assert "deals.show" in str(error)


def test_missing_required_body_param() -> None:
    error = invalid("deals.add_funds", {"deal_id": 3, "quantity": "1", "is_market": True})
    assert error.param == "rate"


def test_none_counts_as_not_given() -> None:
    assert invalid("deals.show", {"deal_id": None}).param == "deal_id"
    spec = prepare(BY_NAME["deals.list"], {"bot_id": None, "scope": "active"})
    assert spec.query == (("scope", "active"),)


@pytest.mark.parametrize(
    ("arguments", "param", "fragment"),
    [
        ({"bot_id": "5"}, "bot_id", "expected an integer, got str '5'"),
        ({"bot_id": 5.0}, "bot_id", "expected an integer, got float"),
        ({"bot_id": True}, "bot_id", "expected an integer, got bool True"),
        ({"scope": 1}, "scope", "expected a string, got int 1"),
        ({"note": b"x"}, "note", "expected a string, got bytes"),
    ],
)
def test_wrong_types(arguments: dict[str, Any], param: str, fragment: str) -> None:
    error = invalid("deals.list", arguments)
    assert error.param == param
    assert fragment in error.problem


def test_bool_is_not_a_number_and_not_an_int() -> None:
    error = invalid("deals.add_funds", {"deal_id": 1, "quantity": True, "is_market": True, "rate": "1"})
    assert error.param == "quantity"
    assert "bool" in error.problem
    assert invalid("deals.show", {"deal_id": False}).param == "deal_id"


def test_int_is_not_a_bool() -> None:
    error = invalid("deals.add_funds", {"deal_id": 1, "quantity": "1", "is_market": 1, "rate": "1"})
    assert error.param == "is_market"
    assert "expected a boolean" in error.problem


def test_bad_enum_value_lists_the_allowed_ones() -> None:
    error = invalid("deals.list", {"scope": "open"})
    assert error.param == "scope"
    assert "'active'" in error.problem
    assert "got 'open'" in error.problem


def test_enum_is_case_sensitive() -> None:
    assert invalid("deals.list", {"scope": "Active"}).param == "scope"


@pytest.mark.parametrize(
    ("name", "arguments", "param"),
    [
        ("deals.list", {"limit": 1001}, "limit"),
        ("smart_trades.list", {"per_page": 0}, "per_page"),
        ("smart_trades.list", {"per_page": 101}, "per_page"),
        ("deals.update", {"deal_id": 1, "max_safety_orders": 201}, "max_safety_orders"),
        ("deals.update", {"deal_id": 1, "close_timeout": 59}, "close_timeout"),
    ],
)
def test_integer_range(name: str, arguments: dict[str, Any], param: str) -> None:
    assert invalid(name, arguments).param == param


def test_number_range_is_exact() -> None:
    endpoint = BY_NAME["bots.update"]
    minimum = next(p for p in endpoint.params if p.name == "martingale_volume_coefficient").minimum
    assert minimum == Decimal("0.1")
    base = _bot_update_arguments()
    assert prepare(endpoint, {**base, "martingale_volume_coefficient": "0.1"}).body is not None
    error = invalid("bots.update", {**base, "martingale_volume_coefficient": "0.09999999999999999999"})
    assert error.param == "martingale_volume_coefficient"
    assert "at least 0.1" in error.problem


def test_limits_accept_the_bounds() -> None:
    spec = prepare(BY_NAME["deals.list"], {"limit": 1000})
    assert spec.query == (("limit", "1000"),)


@pytest.mark.parametrize("note", ["", "n" * 301])
def test_string_length(note: str) -> None:
    error = invalid("smart_trades.set_note", {"smart_trade_id": 1, "note": note})
    assert error.param == "note"
    assert "characters" in error.problem


def test_unknown_argument_is_refused() -> None:
    error = invalid("deals.list", {"bot": 1})
    assert error.param == "bot"
    assert "not a parameter" in error.problem


# -- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ("0.00000001234567890123456789012345", Decimal("0.00000001234567890123456789012345")),
        ("12", Decimal("12")),
        ("-1.5e-19", Decimal("-1.5E-19")),
        (" 2.50 ", Decimal("2.50")),
        (".5", Decimal("0.5")),
        (Decimal("0.41977392126027012455593960354579615351317609077582"),
         Decimal("0.41977392126027012455593960354579615351317609077582")),
        (0.1, Decimal("0.1")),
        (1e-7, Decimal("1e-07")),
        (7, 7),
    ],
)
def test_numbers_become_exact_decimals(given: Any, sent: Decimal | int) -> None:
    spec = prepare(BY_NAME["deals.add_funds"], {"deal_id": 1, "quantity": given, "is_market": False, "rate": 1})
    assert spec.body is not None
    value = spec.body["quantity"]
    assert value == sent
    assert type(value) is type(sent)
    assert str(value) == str(sent)


@pytest.mark.parametrize("bad", ["abc", "", "1,5", "0x10", "NaN", "Infinity", "1_000", Decimal("NaN"),
                                 Decimal("-Infinity"), math.inf, math.nan, [1], None.__class__])
def test_non_numbers_are_refused(bad: Any) -> None:
    error = invalid("deals.add_funds", {"deal_id": 1, "quantity": bad, "is_market": False, "rate": 1})
    assert error.param == "quantity"
    assert "expected a" in error.problem


def test_as_decimal_keeps_ints() -> None:
    assert as_decimal(10**30) == 10**30
    assert as_decimal("1e3") == Decimal("1E+3")


# -- placement ------------------------------------------------------------------------------------


def test_query_params_are_text_pairs_with_wire_names() -> None:
    spec = prepare(BY_NAME["deals.list"], {"from_": "2024-01-02T00:00:00Z", "limit": 5, "bot_id": 9})
    assert sorted(spec.query) == [("bot_id", "9"), ("from", "2024-01-02T00:00:00Z"), ("limit", "5")]
    assert spec.body is None


def test_query_arrays_use_brackets() -> None:
    arguments = {"account_types": ["binance", "kraken"], "profit_per_day_from": "0.5"}
    spec = prepare(BY_NAME["marketplace.presets"], arguments)
    assert spec.query == (
        ("account_types[]", "binance"),
        ("account_types[]", "kraken"),
        ("profit_per_day_from", "0.5"),
    )


def test_path_params_are_quoted_and_template_kept() -> None:
    spec = prepare(BY_NAME["trades.show"], {"uuid": "a/b c?d"})
    assert spec.path == "/ver1/trades/a%2Fb%20c%3Fd"
    assert spec.template == "/ver1/trades/{uuid}"
    spec = prepare(BY_NAME["smart_trades.close_trade_by_market"], {"smart_trade_id": 4, "trade_id": 77})
    assert spec.path == "/v2/smart_trades/4/trades/77/close_by_market"


def test_empty_path_segment_is_refused() -> None:
    assert invalid("trades.show", {"uuid": ""}).param == "uuid"


def test_request_spec_carries_endpoint_facts() -> None:
    spec = prepare(BY_NAME["deals.cancel"], {"deal_id": 12})
    assert (spec.method, spec.path, spec.signed, spec.idempotent, spec.weight, spec.name) == (
        "POST", "/ver1/deals/12/cancel", True, False, 1, "deals.cancel"
    )
    assert spec.body is None
    ping = prepare(BY_NAME["general.ping"], {})
    assert (ping.signed, ping.idempotent, ping.query, ping.body) == (False, True, (), None)


def test_python_names_map_to_wire_names_in_the_path() -> None:
    spec = prepare(BY_NAME["grid_bots.show"], {"grid_bot_id": 31})
    assert spec.path == "/ver1/grid_bots/31"


# -- nested objects --------------------------------------------------------------------------------


def _smart_trade(**overrides: Any) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "account_id": 8,
        "pair": "USDT_ETH",
        "position": {"type": "buy", "order_type": "limit", "units": {"value": "0.25"}, "price": {"value": "3100.5"}},
    }
    arguments.update(overrides)
    return arguments


def test_nested_dict_unknown_key_is_refused() -> None:
    position = {"type": "buy", "order_type": "market", "units": {"value": "1", "amount": "2"}}
    error = invalid("smart_trades.create", _smart_trade(position=position))
    assert error.param == "position.units.amount"
    assert "not a documented field" in error.problem


def test_nested_required_field() -> None:
    error = invalid("smart_trades.create", _smart_trade(position={"type": "buy"}))
    assert error.param == "position.order_type"


def test_nested_array_item_path() -> None:
    take_profit = {"enabled": True, "steps": [{"volume": "50"}, {"volume": "x"}]}
    error = invalid("smart_trades.create", _smart_trade(take_profit=take_profit))
    assert error.param == "take_profit.steps[1].volume"


def test_nested_range_and_enum() -> None:
    take_profit = {"enabled": True, "steps": [{"trailing": {"enabled": True, "percent": "0.001"}}]}
    assert invalid("smart_trades.create", _smart_trade(take_profit=take_profit)).param == (
        "take_profit.steps[0].trailing.percent"
    )
    take_profit = {"enabled": True, "steps": [{"price": {"type": "mid"}}]}
    assert invalid("smart_trades.create", _smart_trade(take_profit=take_profit)).param == (
        "take_profit.steps[0].price.type"
    )


def test_object_param_needs_a_mapping() -> None:
    error = invalid("smart_trades.create", _smart_trade(position=["buy"]))
    assert error.param == "position"
    assert "mapping" in error.problem


def test_array_param_needs_a_list() -> None:
    error = invalid("smart_trades.create", _smart_trade(take_profit={"enabled": True, "steps": "all"}))
    assert error.param == "take_profit.steps"


def test_params_classes_and_dicts_give_the_same_body() -> None:
    typed = prepare(
        BY_NAME["smart_trades.create"],
        _smart_trade(
            position=Position(type="buy", order_type="market", units=Units(value="0.25")),
            take_profit=TakeProfit(
                enabled=True,
                steps=[
                    TakeProfitStep(order_type="limit", volume=100, price=ConditionalPrice(type="bid", percent="2.5"))
                ],
            ),
        ),
    )
    plain = prepare(
        BY_NAME["smart_trades.create"],
        _smart_trade(
            position={"type": "buy", "order_type": "market", "units": {"value": "0.25"}},
            take_profit={
                "enabled": True,
                "steps": [{"order_type": "limit", "volume": 100, "price": {"type": "bid", "percent": "2.5"}}],
            },
        ),
    )
    assert typed.body == plain.body
    assert typed.body is not None
    assert typed.body["position"] == {"type": "buy", "order_type": "market", "units": {"value": Decimal("0.25")}}
    step = typed.body["take_profit"]["steps"][0]
    assert step["volume"] == Decimal(100)
    assert step["price"] == {"type": "bid", "percent": Decimal("2.5")}


def test_params_class_field_not_documented_for_this_endpoint() -> None:
    position = Position(type="buy", order_type="market", units=Units(value=1))
    error = invalid("smart_trades.update", {"smart_trade_id": 1, "position": position})
    assert error.param == "position.type"


def test_params_class_refuses_a_bad_amount_at_construction() -> None:
    with pytest.raises(ValidationError) as caught:
        Units(value="one")
    assert caught.value.param == "Units.value"


def test_free_form_objects_pass_json_values_and_convert_floats() -> None:
    data = {"min_profit": 0.3, "steps": [{"x": 1}], "enabled": True, "label": None}
    spec = prepare(BY_NAME["mini_apps.write_storage"], {"key": "k1", "data": data})
    assert spec.body == {"key": "k1", "data": {"min_profit": Decimal("0.3"), "steps": [{"x": 1}], "enabled": True}}


def test_free_form_objects_refuse_non_json_values() -> None:
    data = {"when": datetime.date(2024, 1, 1)}
    error = invalid("mini_apps.write_storage", {"key": "k1", "data": data})
    assert error.param == "data.when"


def test_plans_are_cached_per_endpoint_object() -> None:
    endpoint: Endpoint[Any] = Endpoint(
        resource="things",
        name="show",
        method="GET",
        path="/things/{thing_id}",
        permission=None,
        signed=False,
        weight=2,
        idempotent=True,
        params=(Param("thing_id", "thing_id", "integer", "path", required=True),),
    )
    assert prepare(endpoint, {"thing_id": 1}).path == "/things/1"
    assert prepare(endpoint, {"thing_id": 2}).path == "/things/2"
    other: Endpoint[Any] = Endpoint(
        resource="things",
        name="show",
        method="GET",
        path="/other/{thing_id}",
        permission=None,
        signed=False,
        weight=2,
        idempotent=True,
        params=(Param("thing_id", "thing_id", "integer", "path", required=True),),
    )
    assert prepare(other, {"thing_id": 1}).path == "/other/1"


# -- nothing is sent --------------------------------------------------------------------------------


@pytest.fixture
async def mocked(make_client: MakeClient) -> AsyncIterator[tuple[ThreeCommas, respx.MockRouter]]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        router.route().mock(return_value=httpx.Response(200, json={}))
        async with make_client(api_key="k", api_secret="s", rate_limit=None) as client:
            yield client, router


CALLS: list[tuple[str, Callable[[ThreeCommas], Awaitable[Any]]]] = [
    ("missing", lambda c: c.deals.add_funds(1, quantity="1", is_market=True, rate=None)),  # type: ignore[arg-type]
    ("wrong type", lambda c: c.deals.show("7")),  # type: ignore[arg-type]
    ("bad enum", lambda c: c.deals.list(scope="open")),  # type: ignore[arg-type]
    ("range", lambda c: c.deals.list(limit=5000)),
    ("nested key", lambda c: c.smart_trades.create(account_id=1, pair="USDT_BTC", position={"side": "buy"})),
    ("bool not int", lambda c: c.bots.show(True)),
    ("bad number", lambda c: c.deals.add_funds(1, quantity="lots", is_market=True, rate="1")),
    ("paginator page size", lambda c: c.deals.iterate(page_size=0)),
]


@pytest.mark.parametrize(("label", "call"), CALLS, ids=[label for label, _ in CALLS])
async def test_invalid_calls_send_nothing(
    mocked: tuple[ThreeCommas, respx.MockRouter], label: str, call: Callable[[ThreeCommas], Awaitable[Any]]
) -> None:
    client, router = mocked
    with pytest.raises(ValidationError):
        await call(client)
    assert router.calls.call_count == 0


def _bot_update_arguments() -> dict[str, Any]:
    return {
        "bot_id": 5,
        "name": "mine",
        "pairs": "USDT_ETH",
        "take_profit": "1.5",
        "base_order_volume": "10",
        "safety_order_volume": "20",
        "martingale_volume_coefficient": "1",
        "martingale_step_coefficient": "1",
        "max_safety_orders": 3,
        "active_safety_orders_count": 1,
        "safety_order_step_percentage": "2",
        "take_profit_type": "total",
        "strategy_list": [{"strategy": "nonstop"}],
    }
