"""The converter on hand-written payloads: shapes from the docs with values of our own."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest

from threecommas_async import _json
from threecommas_async._json import JsonNumber
from threecommas_async.models import (
    Account,
    Bot,
    BotStats,
    BotStatsByDate,
    Deal,
    GridBotMarketOrders,
    MarketOrder,
    Ping,
    ResponseModel,
    ServerTime,
    SimpleTradeEnvelope,
    SmartTrade,
    WireDatetime,
    WireDecimal,
    make_converter,
    structure_response,
    unstructure,
)

UTC = timezone.utc

SMART_TRADE = """{
  "id": 77001234, "version": 2,
  "account": {"id": 5550001, "type": "paper_trading", "name": "Sandbox", "market": "Simulator",
              "link": "/accounts/5550001"},
  "pair": "USDT_SOL", "instant": false,
  "status": {"type": "pending_reduce_funds", "basic_type": "pending_reduce_funds", "title": "Reducing"},
  "leverage": {"enabled": true, "type": "isolated", "value": "3.0", "type_editable": false},
  "position": {
    "type": "sell", "editable": false,
    "units": {"value": "12.5", "editable": false},
    "price": {"value": "142.118", "value_without_commission": "142.09", "editable": false},
    "total": {"value": "1776.475"}, "order_type": "market",
    "status": {"type": "finished", "basic_type": "finished", "title": "Done"}
  },
  "take_profit": {"enabled": true, "price_type": "value", "steps": [
    {"id": 900001, "order_type": "limit", "editable": true, "units": {"value": "6.25"},
     "price": {"type": "bid", "value": "131.5", "percent": null}, "volume": "50.0", "total": "821.875",
     "trailing": {"enabled": true, "percent": "0.75"},
     "status": {"type": "order_placed", "basic_type": "order_placed", "title": "Open"},
     "closed_at": null, "data": {"cancelable": true, "panic_sell_available": true}, "position": 1}
  ]},
  "stop_loss": {"enabled": false},
  "reduce_funds": {"steps": [
    {"id": 900002, "type": "market", "status": {"type": "idle", "basic_type": "idle", "title": "Waiting"},
     "units": {"value": "1.25"}, "price": {"value": "141.2", "value_without_commission": "141.2"},
     "total": {"value": "176.5"}, "closed_at": "2025-05-06T07:08:09.010Z",
     "data": {"cancelable": false, "panic_sell_available": false}}
  ]},
  "market_close": {},
  "note": "", "note_raw": null, "skip_enter_step": false,
  "data": {
    "editable": false,
    "current_price": {"day_change_percent": "-2.04", "bid": "141.1", "ask": "141.3", "last": "141.2",
                      "quote_volume": "99123.5"},
    "target_price_type": "price", "orderbook_price_currency": "USDT", "base_order_finished": true,
    "missing_funds_to_close": "0.0", "liquidation_price": "187.4", "average_enter_price": "142.118",
    "average_close_price": null, "average_enter_price_without_commission": "142.09",
    "average_close_price_without_commission": null, "panic_sell_available": true,
    "add_funds_available": false, "reduce_funds_available": false, "force_start_available": false,
    "force_process_available": true, "cancel_available": true, "finished": false,
    "base_position_step_finished": true, "entered_amount": "12.5", "entered_total": "1776.475",
    "closed_amount": "0.0", "closed_total": "0.0", "commission": 0.00075,
    "created_at": "2025-05-06T07:00:00.000Z", "updated_at": "2025-05-06T07:08:09.010Z", "type": "smart_trade"
  },
  "profit": {"volume": "-3.1", "usd": "-3.1", "percent": "-0.17", "roe": "-0.52"},
  "margin": {"amount": "592.16", "total": "1776.475"},
  "is_position_not_filled": false
}"""

DEAL_MARKET_ORDERS = """[
  {"order_id": "8800112233", "order_type": "BUY", "deal_order_type": "Base", "cancellable": false,
   "status_string": "Filled", "created_at": "2025-01-10T10:00:00.125Z", "updated_at": "2025-01-10T10:00:01.250Z",
   "quantity": "0.015", "quantity_remaining": "0.0", "total": "1411.5", "rate": "94100.0", "average_price": "94100.0"}
]"""

GRID_MARKET_ORDERS = """{
  "grid_lines_orders": [
    {"order_id": 440011, "order_type": "SELL", "status_string": "Active", "created_at": "2025-01-11T11:11:11.111Z",
     "updated_at": "2025-01-11T11:11:12.222Z", "quantity": "310.0", "quantity_remaining": "310.0", "total": "0.0",
     "rate": "0.4412", "average_price": "0.0"}
  ],
  "balancing_orders": [
    {"order_id": 440001, "order_type": "BUY", "status_string": "Filled", "created_at": "2025-01-11T11:00:00.000Z",
     "update_at": "2025-01-11T11:00:02.000Z", "quantity": "1200.0", "quantity_remaining": "0.0",
     "total": "528.36", "rate": "0.4403", "average_price": "0.4403"}
  ]
}"""

BOT_STATS = """{
  "overall_stats": {"USDT": "-12.34567891", "BTC": "0.00012"},
  "today_stats": {"USDT": "3.5"},
  "profits_in_usd": {"overall_usd_profit": -12.35, "today_usd_profit": 3, "active_deals_usd_profit": 0.125,
                     "funds_locked_in_active_deals": 88.5}
}"""

SIMPLE_TRADE = """{"trade": {
  "uuid": "0f8e2c1a-1111-4222-8333-944455556666", "account_id": 31337, "pair": "USDT_LTC",
  "created_at": 1736500000, "closed_at": null,
  "order": {"type": "limit", "side": "sell", "strategy": "gtc", "position_side": "both", "reduce_only": true},
  "units": {"value": "3.3"}, "price": {"value": "101.01"}, "total": {"value": "333.333"},
  "conditional": {"enabled": true, "value": "99.9", "price": {"value": "99.9", "type": "last"}},
  "trailing": {"enabled": true, "value": "0.5", "percent": "0.5"},
  "timeout": {"enabled": true, "value": 600}, "leverage": {"type": "cross", "value": "2"},
  "status": {"value": "placed", "error": null},
  "filled": {"units": "0.0", "total": "0.0", "price": "0.0", "value": "0.0"},
  "data": {"cancelable": true}
}}"""


def _structure(text: str, cast_to: Any) -> Any:
    return structure_response(_json.loads(text), cast_to)


@pytest.mark.parametrize(
    ("text", "cast_to"),
    [
        (SMART_TRADE, SmartTrade),
        (DEAL_MARKET_ORDERS, list[MarketOrder]),
        (GRID_MARKET_ORDERS, GridBotMarketOrders),
        (BOT_STATS, BotStats),
        (SIMPLE_TRADE, SimpleTradeEnvelope),
        ('{"stats": {"USDT": "7.5"}, "usd_profit": "7.5", "btc_profit": "0.0000812"}', BotStatsByDate),
        ('{"pong": "pong"}', Ping),
        ('{"server_time": 1736500000}', ServerTime),
    ],
)
def test_own_fixtures_round_trip(text: str, cast_to: Any) -> None:
    assert unstructure(_structure(text, cast_to)) == _json.loads(text)


def test_smart_trade_nested_values() -> None:
    trade = _structure(SMART_TRADE, SmartTrade)
    assert trade.leverage.value == Decimal("3.0")
    step = trade.take_profit.steps[0]
    assert step.total == Decimal("821.875")
    assert step.trailing.percent == Decimal("0.75")
    assert trade.reduce_funds.steps[0].closed_at == datetime(2025, 5, 6, 7, 8, 9, 10000, tzinfo=UTC)
    assert type(trade.data.commission) is JsonNumber
    assert trade.stop_loss.enabled is False
    assert trade.stop_loss.absent_keys == {key for key in _stop_loss_keys() if key != "enabled"}
    assert unstructure(trade.stop_loss) == {"enabled": False}


def _stop_loss_keys() -> set[str]:
    from threecommas_async.models import SmartTradeStopLoss

    return {field.name for field in attrs.fields(SmartTradeStopLoss)} - {"extra", "absent_keys", "field_errors"}


def test_market_order_ids_keep_their_json_type() -> None:
    deal_orders = _structure(DEAL_MARKET_ORDERS, list[MarketOrder])
    grid_orders = _structure(GRID_MARKET_ORDERS, GridBotMarketOrders)
    assert deal_orders[0].order_id == "8800112233"
    assert grid_orders.grid_lines_orders[0].order_id == 440011
    assert grid_orders.balancing_orders[0].extra == {"update_at": "2025-01-11T11:00:02.000Z"}
    assert grid_orders.balancing_orders[0].updated_at is None


def test_numbers_in_bot_stats_are_exact() -> None:
    stats = _structure(BOT_STATS, BotStats)
    assert stats.overall_stats == {"USDT": Decimal("-12.34567891"), "BTC": Decimal("0.00012")}
    usd = stats.profits_in_usd
    assert type(usd.today_usd_profit) is JsonNumber
    assert usd.today_usd_profit == 3
    assert str(usd.active_deals_usd_profit) == "0.125"


def test_simple_trade_epoch_fields() -> None:
    trade = _structure(SIMPLE_TRADE, SimpleTradeEnvelope).trade
    assert trade.created_at == datetime.fromtimestamp(1736500000, UTC)
    assert trade.closed_at is None
    assert trade.timeout.value == 600
    moved = attrs.evolve(trade, closed_at=datetime(2025, 1, 10, 9, 0, 5, tzinfo=UTC))
    assert unstructure(moved)["closed_at"] == 1736499605


def test_unknown_keys_are_kept_at_every_level() -> None:
    payload = {
        "id": 42,
        "pair": "USDT_XRP",
        "brand_new": {"nested": [1, "2.50"]},
        "take_profit_steps": [{"id": 0, "price": "0.61", "experimental": JsonNumber("1.5")}],
        "crypto_widget": {"buyPrice": "0.6", "newWidgetKey": None},
    }
    deal = structure_response(payload, Deal)
    assert deal.extra == {"brand_new": {"nested": [1, "2.50"]}}
    assert deal.take_profit_steps[0].extra == {"experimental": Decimal("1.5")}
    assert deal.crypto_widget.extra == {"newWidgetKey": None}
    assert unstructure(deal) == payload


def test_absent_keys_stay_absent_unless_set() -> None:
    deal = structure_response({"id": 9, "pair": "USDT_BTC"}, Deal)
    assert deal.final_profit is None
    assert unstructure(deal) == {"id": 9, "pair": "USDT_BTC"}
    deal.final_profit = Decimal("1.25")
    assert unstructure(deal) == {"id": 9, "pair": "USDT_BTC", "final_profit": "1.25"}
    built = Deal(id=9, pair="USDT_BTC")
    assert unstructure(built)["final_profit"] is None


def test_renamed_keys_map_both_ways() -> None:
    deal = structure_response({"id": 1, "finished?": True, "cancellable?": False, "panic_sellable?": False}, Deal)
    assert (deal.finished, deal.cancellable, deal.panic_sellable) == (True, False, False)
    bot = structure_response({"id": 2, "deletable?": False}, Bot)
    assert bot.deletable is False
    assert unstructure(bot) == {"id": 2, "deletable?": False}


def test_other_timestamp_and_amount_spellings_round_trip() -> None:
    payload = {
        "id": 3,
        "created_at": "2025-03-04T05:06:07Z",
        "updated_at": "2025-03-04T08:06:07.5+03:00",
        "closed_at": 1741064767,
        "final_profit": "-4.2e-07",
        "usd_final_profit": "0.0000001",
    }
    deal = structure_response(payload, Deal)
    assert isinstance(deal.created_at, WireDatetime)
    assert deal.updated_at == datetime(2025, 3, 4, 5, 6, 7, 500000, tzinfo=UTC)
    assert deal.closed_at == datetime.fromtimestamp(1741064767, UTC)
    assert isinstance(deal.final_profit, WireDecimal)
    assert deal.final_profit == Decimal("-0.00000042")
    assert str(deal.usd_final_profit) == "0.0000001"
    assert unstructure(deal) == payload


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"id": "5"}, "Deal\\['id'\\]"),
        ({"id": True}, "expected int"),
        ({"id": 5, "finished?": "false"}, "Deal\\['finished\\?'\\]"),
        ({"id": 5, "final_profit": 1.5}, "float"),
        ({"id": 5, "final_profit": "nan"}, "nan"),
        ({"id": 5, "created_at": "yesterday"}, "Deal\\['created_at'\\]"),
        ({"id": 5, "take_profit_steps": [{"price": False}]}, "DealTakeProfitStep\\['price'\\]"),
        ({"id": 5, "bot_events": {}}, "bot_events"),
        ({"pair": "USDT_BTC"}, "'id'"),
        ([], "dict"),
    ],
)
def test_bad_shapes_raise_and_say_where(payload: Any, message: str) -> None:
    with pytest.raises(Exception) as caught:
        structure_response(payload, Deal, strict=True)
    described = "\n".join([str(caught.value), *getattr(caught.value, "__notes__", ())])
    assert re.search(message, described), described


def test_structure_response_cast_targets() -> None:
    data = {"any": [1, "2"]}
    assert structure_response(data, Any) is data
    assert structure_response(data, object) is data
    assert structure_response(data, dict) is data
    listing = [data]
    assert structure_response(listing, list) is listing
    with pytest.raises(TypeError):
        structure_response(listing, dict)
    accounts = structure_response([{"id": 1}, {"id": 2, "name": "b"}], list[Account])
    assert [account.id for account in accounts] == [1, 2]
    assert structure_response({"id": 1}, Account | None) == Account(id=1)
    assert structure_response(None, Account | None) is None


def test_strict_converter_raises_on_unknown_keys() -> None:
    strict = make_converter(forbid_extra_keys=True)
    assert strict.structure({"id": 1, "finished?": True}, Deal).finished is True
    with pytest.raises(Exception, match="surprise"):
        strict.structure({"id": 1, "surprise": 1}, Deal)


def test_models_compare_by_value_and_ignore_absent_keys() -> None:
    left = structure_response({"id": 7, "pair": "USDT_BTC"}, Deal)
    assert left == Deal(id=7, pair="USDT_BTC")
    assert left != Deal(id=7, pair="USDT_ETH")
    assert isinstance(left, ResponseModel)


def test_importing_models_does_no_structuring_work() -> None:
    code = (
        "import threecommas_async.models as m, threecommas_async.models._converter as c; "
        "assert c._default is None; m.structure_response({'id': 1}, m.Deal); assert c._default is not None"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
