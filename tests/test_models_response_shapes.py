"""The response shapes beyond models and lists of models: ``bool``, ``None``, ``list[str]``, ``dict[str, Model]``.

Through the fake, every endpoint typed with one of them (or with a model written for it) decodes to its
declared type. Against a scripted transport, an odd value inside one of their models lands in
``field_errors`` instead of failing the call (``strict=True`` raises), a body-less endpoint answers None
whatever the body, and a body of another JSON type than the declared one is a ``ResponseValidationError``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from threecommas_async import ResponseValidationError, ThreeCommas, VirtualClock
from threecommas_async.models import (
    AccountTransfer,
    AvailableStrategy,
    CredentialsValidity,
    MarketplaceBot,
    MarketplacePresets,
)
from threecommas_async.testing import FakeThreeCommas, Mode

ODD_PRESETS = {
    "bots": [
        {"id": 1, "name": "fine", "copies": 3, "profit": {"amount": "1.5", "chart_data": ["0.5"]}},
        {"id": 2, "name": "odd", "copies": "many", "profit": {"amount": "lots", "chart_data": ["0.5"]}},
    ],
    "total": 2,
    "page": 1,
}
ODD_STRATEGIES = {
    "manual": {"name": "Manual", "payed": False, "beta": False},
    "rsi": {"name": "RSI", "payed": "no", "accounts_whitelist": "everything"},
}


def _client(body: bytes, **options: Any) -> ThreeCommas:
    clock = VirtualClock()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    return ThreeCommas("shape-key", "shape-secret", transport=transport, clock=clock, sleep=clock.sleep, **options)


def _json_client(payload: Any, **options: Any) -> ThreeCommas:
    return _client(json.dumps(payload).encode(), **options)


async def test_newly_typed_endpoints_decode_through_the_fake(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    client = threecommas_client
    book = fake_3commas.book(Mode.REAL)
    first = next(iter(book.accounts))
    second = (await client.accounts.create(type="binance", name="Shapes spot")).id
    bot_id = next(bot_id for bot_id, bot in book.bots.items() if not bot["is_enabled"])
    grid_id = next(iter(book.grid_bots))

    assert await client.general.validate_credentials() == CredentialsValidity(valid=True)
    transfer = await client.accounts.transfer(
        currency="USDT", amount="1.25", from_account_id=first, to_account_id=second
    )
    assert isinstance(transfer, AccountTransfer)
    assert transfer.id is not None
    assert not transfer.field_errors
    pairs = await client.market_data.pairs_v1(market_code="binance")
    assert pairs
    assert all(isinstance(pair, str) for pair in pairs)
    strategies = await client.bots.strategies()
    assert strategies
    assert all(isinstance(value, AvailableStrategy) for value in strategies.values())
    assert all(not value.extra and not value.field_errors for value in strategies.values())
    presets = await client.marketplace.presets(page=1)
    assert isinstance(presets, MarketplacePresets)
    assert presets.bots
    assert all(isinstance(bot, MarketplaceBot) and not bot.extra for bot in presets.bots)
    assert presets.bots[0].profit is not None
    assert isinstance(presets.bots[0].profit.amount, Decimal)
    assert await client.bots.delete(bot_id) is True
    assert await client.accounts.remove(second) is True
    raw = await client.grid_bots.with_raw_response.delete(grid_id)
    assert raw.parsed is None
    assert (bot_id in book.bots, second in book.accounts, grid_id in book.grid_bots) == (False, False, False)


async def test_an_odd_value_in_a_presets_page_is_kept_raw() -> None:
    presets = await _json_client(ODD_PRESETS).marketplace.presets()
    assert presets.bots is not None
    fine, odd = presets.bots
    assert (fine.copies, fine.field_errors) == (3, {})
    assert odd.copies is None
    assert odd.field_errors["copies"].value == "many"
    assert odd.profit is not None
    assert odd.profit.amount is None
    assert odd.profit.field_errors["amount"].value == "lots"
    assert odd.profit.chart_data == [Decimal("0.5")]
    with pytest.raises(ResponseValidationError, match="MarketplaceBot"):
        await _json_client(ODD_PRESETS, strict=True).marketplace.presets()


async def test_an_odd_value_in_one_strategy_keeps_the_others() -> None:
    strategies = await _json_client(ODD_STRATEGIES).bots.strategies()
    assert strategies["manual"] == AvailableStrategy(name="Manual", payed=False, beta=False)
    rsi = strategies["rsi"]
    assert (rsi.name, rsi.payed, rsi.accounts_whitelist) == ("RSI", None, None)
    assert set(rsi.field_errors) == {"payed", "accounts_whitelist"}
    with pytest.raises(ResponseValidationError):
        await _json_client(ODD_STRATEGIES, strict=True).bots.strategies()


async def test_a_transfer_id_of_another_type_does_not_fail_the_transfer() -> None:
    transfer = await _json_client({"id": "tr-81", "status": "ok"}).accounts.transfer(
        currency="USDT", amount="1", from_account_id=1, to_account_id=2
    )
    assert transfer.id is None
    assert transfer.field_errors["id"].value == "tr-81"
    assert transfer.extra == {"status": "ok"}


@pytest.mark.parametrize("body", [b"", b"{}", b'{"id": 5, "name": "grid"}', b"true"])
async def test_an_endpoint_without_a_documented_body_answers_none_whatever_the_body(body: bytes) -> None:
    raw = await _client(body).grid_bots.with_raw_response.delete(5)
    assert raw.parsed is None
    assert raw.http_response.content == body


async def test_a_boolean_endpoint_returns_the_boolean() -> None:
    assert await _client(b"false").bots.delete(3) is False
    assert await _client(b"true").accounts.remove(3) is True


@pytest.mark.parametrize(
    ("call", "body"),
    [
        ("bots.delete", b'{"id": 3}'),
        ("accounts.remove", b'"true"'),
        ("market_data.pairs_v1", b'{"pairs": []}'),
        ("market_data.pairs_v1", b'["USDT_BTC", 7]'),
        ("bots.strategies", b'[{"name": "x"}]'),
    ],
)
async def test_a_body_of_another_json_type_is_a_validation_error(call: str, body: bytes) -> None:
    resource, name = call.split(".")
    arguments: dict[str, Any] = {"bots.delete": {"bot_id": 3}, "accounts.remove": {"account_id": 3}}.get(call, {})
    method = getattr(getattr(_client(body), resource), name)
    with pytest.raises(ResponseValidationError) as caught:
        await method(**arguments)
    assert caught.value.body == body
