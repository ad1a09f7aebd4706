"""The response models against the documented example responses and the seeds' account payloads.

Read at test time from ../shared/reference (skipped when absent): every example structures, every
amount keeps every digit, timestamps are timezone-aware, unstructuring gives back the same JSON,
and the main entities model every documented key (a strict converter accepts them).
"""

from __future__ import annotations

import json
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

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
ENDPOINTS = REFERENCE / "3commas-endpoints.json"
SEEDS = REFERENCE / "seeds"

EXAMPLE_MODELS: dict[str, type[ResponseModel]] = {
    "bot": Bot,
    "deal": Deal,
    "account": Account,
    "smart_trade_v2": SmartTrade,
    "smart_trade_v2_trade": SmartTradeTrade,
    "grid_bot": GridBot,
    "simple_trade": SimpleTradeEnvelope,
}
SEED_FILES = ("accounts-new-newdocs.md", "accounts-update-newdocs.txt")


def _example(name: str) -> Any:
    if not ENDPOINTS.is_file():
        pytest.skip(f"reference material not found at {ENDPOINTS}")
    return _json.loads(ENDPOINTS.read_text())["example_responses"][name]


def _json_objects(text: str) -> list[Any]:
    """Every top-level JSON object embedded in a document, decoded like the SDK decodes responses."""
    decoder = json.JSONDecoder(parse_float=JsonNumber)
    found, position = [], text.find("{")
    while position != -1:
        try:
            value, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            position = text.find("{", position + 1)
            continue
        found.append(value)
        position = text.find("{", end)
    return found


def _seed_accounts(file_name: str) -> list[Any]:
    path = SEEDS / file_name
    if not path.is_file():
        pytest.skip(f"seed not found at {path}")
    accounts = [obj for obj in _json_objects(path.read_text()) if "exchange_name" in obj]
    assert accounts, f"no account payload found in {path}"
    return accounts


def _payloads() -> list[Any]:
    cases = [pytest.param(name, model, id=name) for name, model in EXAMPLE_MODELS.items()]
    cases += [pytest.param(f"seed:{name}", Account, id=f"seed-{name}") for name in SEED_FILES]
    return cases


def _load(source: str) -> list[Any]:
    if source.startswith("seed:"):
        return _seed_accounts(source.removeprefix("seed:"))
    return [_example(source)]


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
            if field.name not in ("extra", "absent_keys")
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
            if field.name not in ("extra", "absent_keys"):
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
    raw = dict(_example("grid_bot"))
    raw["grid_lines"] = [{**raw["grid_lines"][0], "brand_new_flag": True}]
    lenient = structure_response(raw, GridBot)
    assert _unmodelled(lenient) == ["$.grid_lines[0].brand_new_flag"]
    with pytest.raises(Exception, match="brand_new_flag"):
        make_converter(forbid_extra_keys=True).structure(raw, GridBot)


def test_deal_example_values() -> None:
    deal = structure_response(_example("deal"), Deal)
    assert deal.finished is False
    assert deal.cancellable is True
    assert deal.take_profit_steps is not None
    first_step = deal.take_profit_steps[0]
    assert type(first_step.amount_percentage) is JsonNumber
    assert str(first_step.amount_percentage) == "40.0"
    assert deal.created_at == datetime.fromisoformat("2024-11-14T15:29:42.248+00:00")
    assert deal.crypto_widget is not None
    assert deal.crypto_widget.stop_losses == [(Decimal("2974.555584"), False)]


def test_account_example_values() -> None:
    account = structure_response(_example("account"), Account)
    profit = account.total_primary_display_currency_profit
    assert profit is not None
    assert type(profit.amount) is JsonNumber
    assert profit.amount == Decimal("-0.05357667685386205")
    assert str(account.usd_amount) == "32.94603614574163795274108884401249103264815794282912"
    assert str(account.total_btc_profit) == "-3.30980633289966e-05"
    assert account.total_btc_profit == Decimal("-0.0000330980633289966")


def test_bot_and_simple_trade_example_values() -> None:
    bot = structure_response(_example("bot"), Bot)
    assert bot.deletable is True
    assert bot.finished_deals_count == 0
    trade = structure_response(_example("simple_trade"), SimpleTradeEnvelope).trade
    assert isinstance(trade, SimpleTrade)
    assert trade.created_at == datetime.fromisoformat("2024-10-02T12:25:36+00:00")
    assert unstructure(trade)["created_at"] == 1727871936
