"""Endpoints typed from what real clients read from the live server (the docs show no response shape).

``users.change_mode`` (a bare ``true``), ``marketplace.items`` and ``marketplace.signals`` (bare arrays),
``bots.account_trade_info`` and its smart-sell twin (balances and a ticker per pair) and the v2
``market_data.pairs`` (pair strings) decode through the fake to their declared types. Against a scripted
transport, an odd value lands in ``field_errors`` without failing the call (``strict=True`` raises), a key
spelled otherwise stays in ``extra``, and a bare ``bool``/``list[str]`` body of another JSON type raises.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from threecommas_async import ResponseValidationError, ThreeCommas, VirtualClock
from threecommas_async.models import (
    AccountSmartSellInfo,
    AccountTradeInfo,
    CurrencyRates,
    MarketplaceItem,
    MarketplaceSignal,
)
from threecommas_async.testing import FakeThreeCommas, Mode

ODD_SIGNALS = [
    {"id": 7, "pair": "USDT_ATOM", "signal_type": "long", "timestamp": 1731400020, "min": "8.1", "max": "8.4"},
    {"id": 8, "pair": "USDT_DOT", "signal_type": "short", "timestamp": "yesterday", "min": "n/a", "max": "4.2"},
]


def _client(payload: Any, **options: Any) -> ThreeCommas:
    clock = VirtualClock()
    body = json.dumps(payload).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    return ThreeCommas("live-key", "live-secret", transport=transport, clock=clock, sleep=clock.sleep, **options)


async def test_live_shaped_endpoints_decode_through_the_fake(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    client = threecommas_client
    account_id = next(iter(fake_3commas.book(Mode.REAL).accounts))

    items = await client.marketplace.items(limit=2)
    assert [type(item) for item in items] == [MarketplaceItem, MarketplaceItem]
    assert all(item.strategy_key and not item.extra and not item.field_errors for item in items)
    signals = await client.marketplace.signals(items[0].id)
    assert signals
    assert all(isinstance(signal, MarketplaceSignal) and not signal.extra for signal in signals)
    assert all(isinstance(signal.min, Decimal) and isinstance(signal.timestamp, int) for signal in signals)
    trade_info = await client.bots.account_trade_info(account_id=account_id)
    assert isinstance(trade_info, AccountTradeInfo)
    assert (trade_info.extra, trade_info.field_errors) == ({}, {})
    assert trade_info.available_for_trade_balances is not None
    assert all(isinstance(amount, Decimal) for amount in trade_info.available_for_trade_balances.values())
    assert trade_info.ticker is not None
    btc = trade_info.ticker["USDT_BTC"]
    assert isinstance(btc, CurrencyRates)
    assert (btc.extra, btc.field_errors) == ({"name": "BTCUSDT"}, {})
    assert isinstance(btc.min_lot_size, Decimal)
    sell_info = await client.bots.account_trade_info_smart_sell(account_id=account_id)
    assert isinstance(sell_info, AccountSmartSellInfo)
    assert sell_info.available_for_sell_balances == trade_info.available_for_trade_balances
    pairs = await client.market_data.pairs(market_code="binance")
    assert pairs == await client.market_data.pairs_v1(market_code="binance")
    assert await client.users.change_mode(mode="paper") is True
    assert fake_3commas.world.mode is Mode.PAPER


async def test_an_odd_value_in_one_signal_keeps_the_page() -> None:
    fine, odd = await _client(ODD_SIGNALS).marketplace.signals(3)
    assert (fine.min, fine.max, fine.timestamp, fine.field_errors) == (Decimal("8.1"), Decimal("8.4"), 1731400020, {})
    assert (odd.min, odd.timestamp, odd.max) == (None, None, Decimal("4.2"))
    assert {key: error.value for key, error in odd.field_errors.items()} == {"min": "n/a", "timestamp": "yesterday"}
    with pytest.raises(ResponseValidationError, match="MarketplaceSignal"):
        await _client(ODD_SIGNALS, strict=True).marketplace.signals(3)


async def test_a_marketplace_item_keeps_unknown_keys() -> None:
    (item,) = await _client([{"id": 5, "name": "Desk", "subscribers": 12}]).marketplace.items()
    assert (item.id, item.name, item.strategy_key, item.extra) == (5, "Desk", None, {"subscribers": 12})


async def test_trade_info_spelled_otherwise_stays_in_extra() -> None:
    body = {"availableForTradeBalances": {"USDT": "10"}, "ticker": {"USDT_BTC": {"last": "oops", "bid": "1.5"}}}
    info = await _client(body).bots.account_trade_info(account_id=1)
    assert info.available_for_trade_balances is None
    assert info.extra == {"availableForTradeBalances": {"USDT": "10"}}
    assert info.ticker is not None
    ticker = info.ticker["USDT_BTC"]
    assert (ticker.last, ticker.bid, ticker.field_errors["last"].value) == (None, Decimal("1.5"), "oops")
    with pytest.raises(ResponseValidationError):
        await _client(body, strict=True).bots.account_trade_info(account_id=1)


async def test_a_balance_that_is_not_an_amount_keeps_the_rest() -> None:
    body = {"available_for_sell_balances": {"LTC": "many"}, "ticker": {}}
    info = await _client(body).bots.account_trade_info_smart_sell(account_id=1)
    assert (info.available_for_sell_balances, info.ticker) == (None, {})
    assert info.field_errors["available_for_sell_balances"].value == {"LTC": "many"}


async def test_change_mode_returns_the_boolean() -> None:
    assert await _client(True).users.change_mode(mode="real") is True
    assert await _client(False).users.change_mode(mode="real") is False


@pytest.mark.parametrize(
    ("call", "payload"),
    [
        ("users.change_mode", {"mode": "paper"}),
        ("market_data.pairs", [{"pair": "USDT_BTC"}]),
        ("marketplace.items", {"items": []}),
    ],
)
async def test_a_body_of_another_json_type_is_a_validation_error(call: str, payload: Any) -> None:
    resource, name = call.split(".")
    arguments: dict[str, Any] = {"users.change_mode": {"mode": "paper"}}.get(call, {})
    with pytest.raises(ResponseValidationError):
        await getattr(getattr(_client(payload), resource), name)(**arguments)
