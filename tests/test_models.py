"""The response models against the project's fixtures in ``tests/data/models``.

Each fixture has the shape of one documented example response (the bot, deal, account, smart trade,
smart-trade trade, grid bot and simple trade examples, and the account bodies of ``accounts.new`` and
``accounts.update``), key for key and JSON type for JSON type, with values of our own: every example
structures, every amount keeps every digit, timestamps are timezone-aware, unstructuring gives back
the same JSON, and the main entities model every documented key (a strict converter accepts them).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from threecommas_async import _json
from threecommas_async._json import JsonNumber
from threecommas_async.models import (
    Account,
    Bot,
    Deal,
    GridBot,
    ResponseModel,
    SimpleTrade,
    SimpleTradeEnvelope,
    SmartTrade,
    SmartTradeTrade,
    make_converter,
    structure_response,
    unstructure,
)
from threecommas_async.models._model_hooks import wire_keys

DATA = Path(__file__).resolve().parent / "data" / "models"

FIXTURE_MODELS: dict[str, type[ResponseModel]] = {
    "bot": Bot,
    "deal": Deal,
    "account": Account,
    "account_created": Account,
    "account_updated": Account,
    "smart_trade": SmartTrade,
    "smart_trade_trade": SmartTradeTrade,
    "grid_bot": GridBot,
    "simple_trade": SimpleTradeEnvelope,
}


def _fixture(name: str) -> Any:
    return _json.loads((DATA / f"{name}.json").read_bytes())


def _payloads() -> list[Any]:
    return [pytest.param(name, model, id=name) for name, model in FIXTURE_MODELS.items()]


def _load(source: str) -> list[Any]:
    return [_fixture(source)]


def _checked_amounts(model: Any, raw: Any, path: str = "$") -> int:
    """Walk a model next to its JSON; assert every Decimal is exact. Returns how many were checked."""
    if isinstance(model, ResponseModel):
        assert isinstance(raw, dict), path
        checked = 0
        keys = wire_keys(type(model))
        for key, name in keys.items():
            if key in raw:
                checked += _checked_amounts(getattr(model, name), raw[key], f"{path}.{key}")
        return checked
    if isinstance(model, list):
        return sum(_checked_amounts(item, raw[index], f"{path}[{index}]") for index, item in enumerate(model))
    if isinstance(model, tuple):
        return sum(_checked_amounts(item, raw[index], f"{path}[{index}]") for index, item in enumerate(model))
    if isinstance(model, dict):
        return sum(_checked_amounts(item, raw[key], f"{path}.{key}") for key, item in model.items())
    if isinstance(model, Decimal):
        if isinstance(raw, str):
            assert str(model) == raw, path
            assert model == Decimal(raw), path
        elif isinstance(raw, JsonNumber):
            assert type(model) is JsonNumber, path
            assert model == raw, path
            assert str(model) == str(raw), path
        else:
            assert type(raw) is int, path
            assert type(model) is JsonNumber, path
            assert model == raw, path
        return 1
    return 0


def _timestamps(model: Any) -> list[datetime]:
    if isinstance(model, ResponseModel):
        return [
            stamp
            for field in attrs.fields(type(model))
            if field.name not in ("extra", "absent_keys", "field_errors")
            for stamp in _timestamps(getattr(model, field.name))
        ]
    if isinstance(model, (list, tuple)):
        return [stamp for item in model for stamp in _timestamps(item)]
    if isinstance(model, datetime):
        return [model]
    return []


def _unmodelled(model: Any, path: str = "$") -> list[str]:
    """Every key, at any depth, that landed in some model's ``extra``."""
    if isinstance(model, ResponseModel):
        found = [f"{path}.{key}" for key in model.extra]
        for field in attrs.fields(type(model)):
            if field.name not in ("extra", "absent_keys", "field_errors"):
                found += _unmodelled(getattr(model, field.name), f"{path}.{field.name}")
        return found
    if isinstance(model, (list, tuple)):
        return [key for index, item in enumerate(model) for key in _unmodelled(item, f"{path}[{index}]")]
    return []


@pytest.mark.parametrize(("source", "model"), _payloads())
def test_every_amount_keeps_every_digit(source: str, model: type[ResponseModel]) -> None:
    for raw in _load(source):
        structured = structure_response(raw, model)
        assert isinstance(structured, model)
        assert _checked_amounts(structured, raw) > 0


@pytest.mark.parametrize(("source", "model"), _payloads())
def test_unstructure_gives_back_the_same_json(source: str, model: type[ResponseModel]) -> None:
    for raw in _load(source):
        text = _json.dumps(raw)
        back = unstructure(structure_response(_json.loads(text), model))
        assert back == _json.loads(text)
        assert _json.loads(_json.dumps(back)) == _json.loads(text)


@pytest.mark.parametrize(("source", "model"), _payloads())
def test_timestamps_are_timezone_aware(source: str, model: type[ResponseModel]) -> None:
    for raw in _load(source):
        stamps = _timestamps(structure_response(raw, model))
        assert stamps
        assert all(stamp.utcoffset() == timedelta(0) for stamp in stamps)


@pytest.mark.parametrize(("source", "model"), _payloads())
def test_main_entities_model_every_documented_key(source: str, model: type[ResponseModel]) -> None:
    strict = make_converter(forbid_extra_keys=True)
    for raw in _load(source):
        assert _unmodelled(structure_response(raw, model)) == []
        assert isinstance(strict.structure(raw, model), model)


def test_strict_converter_names_an_unmodelled_key() -> None:
    raw = dict(_fixture("grid_bot"))
    raw["grid_lines"] = [{**raw["grid_lines"][0], "brand_new_flag": True}]
    lenient = structure_response(raw, GridBot)
    assert _unmodelled(lenient) == ["$.grid_lines[0].brand_new_flag"]
    with pytest.raises(Exception, match="brand_new_flag"):
        make_converter(forbid_extra_keys=True).structure(raw, GridBot)


def test_deal_example_values() -> None:
    deal = structure_response(_fixture("deal"), Deal)
    assert deal.finished is False
    assert deal.cancellable is True
    assert deal.take_profit_steps is not None
    first_step = deal.take_profit_steps[0]
    assert type(first_step.amount_percentage) is JsonNumber
    assert str(first_step.amount_percentage) == "10.0"
    assert deal.created_at == datetime.fromisoformat("2025-05-24T01:35:19.678+00:00")
    assert deal.crypto_widget is not None
    assert deal.crypto_widget.stop_losses == [(Decimal("9732.134973"), False)]


def test_account_example_values() -> None:
    account = structure_response(_fixture("account"), Account)
    profit = account.total_primary_display_currency_profit
    assert profit is not None
    assert type(profit.amount) is JsonNumber
    assert profit.amount == Decimal("-0.01242554258234701")
    assert str(account.usd_amount) == "75.31907158259841553661604523907678607912494169556478"
    assert str(account.total_btc_profit) == "-1.60460166567532e-05"
    assert account.total_btc_profit == Decimal("-0.0000160460166567532")


def test_bot_and_simple_trade_example_values() -> None:
    bot = structure_response(_fixture("bot"), Bot)
    assert bot.deletable is True
    assert bot.finished_deals_count == 0
    trade = structure_response(_fixture("simple_trade"), SimpleTradeEnvelope).trade
    assert isinstance(trade, SimpleTrade)
    assert trade.created_at == datetime.fromisoformat("2025-07-07T07:05:36+00:00")
    assert unstructure(trade)["created_at"] == 1751871936
