"""Structuring 10,000 realistic deals: our cattrs converter vs pydantic v2 vs msgspec.

Run from the repository root::

    .venv/bin/python benchmarks/bench_structuring.py [--deals 10000] [--repeats 5] [--gc on|off|both]

Every contender gets models of the same shapes: the pydantic models and msgspec Structs are
generated here from the attrs models in ``threecommas_async.models`` (same fields, same JSON keys,
``Decimal | None`` for every amount, ``datetime | None`` for timestamps, nested objects as nested
models). The deals are generated with fixed-seed random values in the shape of a 3Commas deal
(every documented field, 1-4 take-profit steps, 2-10 bot events, a chart widget).

Measured as process CPU time (``time.process_time``: the work is single-threaded and CPU-bound, and
CPU time is far less disturbed than wall time on a shared machine), each best of ``--repeats`` runs,
contenders interleaved in one process, with the garbage collector on (what an application sees: all
contenders allocate many tracked objects) and off (the raw cost of the code):

* from decoded dicts (what the SDK does after ``_json.loads``):
  cattrs ``structure_response(deals, list[Deal])``; pydantic ``TypeAdapter.validate_python``;
  msgspec ``convert`` (msgspec refuses Decimal subclasses, so it gets a copy of the dicts in which
  the few JSON numbers are plain Decimals instead of ``JsonNumber``).
* end to end from the JSON bytes: ``_json.loads`` (msgspec with ``float_hook=JsonNumber``, the standard
  library for what msgspec refuses) + cattrs, and the standard library's ``json`` alone + cattrs (the SDK
  without msgspec installed); pydantic ``validate_json``; msgspec ``json.decode``.
* a ``--page`` of 1,000 deals, bytes to models: clean, with ``"NaN"``/``"Infinity"`` strings in every
  10th deal (as real bodies carry them), and with the JSON constants ``NaN``/``Infinity`` (which msgspec
  refuses, so ``_json.loads`` hands that body to the standard library).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import types
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs
import msgspec
import pydantic

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from threecommas_async import _json
from threecommas_async._json import JsonNumber
from threecommas_async.models import Deal, ResponseModel, structure_response
from threecommas_async.models._base import WIRE_NAME

_BOOKKEEPING = ("extra", "absent_keys", "field_errors")
_START = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)
_PAIRS = [("USDT", "BTC"), ("USDT", "ETH"), ("USDC", "SOL"), ("BTC", "ADA"), ("USDT", "DOGE"), ("EUR", "XRP")]


def _amount(rng: random.Random, whole_digits: int, fraction_digits: int) -> str:
    whole = rng.randrange(10**whole_digits)
    fraction = rng.randrange(10**fraction_digits)
    return f"{whole}.{fraction:0{fraction_digits}d}"


def _signed(rng: random.Random, whole_digits: int, fraction_digits: int) -> str:
    text = _amount(rng, whole_digits, fraction_digits)
    return "-" + text if rng.random() < 0.4 else text


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")[:-6] + "Z"


def make_deal(rng: random.Random, index: int) -> dict[str, Any]:
    """One deal with every field of the documented deal shape, values made up here."""
    quote, base = rng.choice(_PAIRS)
    created = _START + timedelta(seconds=rng.randrange(10_000_000))
    updated = created + timedelta(seconds=rng.randrange(1, 500_000), milliseconds=rng.randrange(1000))
    finished = rng.random() < 0.5
    price = _amount(rng, 4, 4)
    step_count = rng.randint(1, 4)
    take_profit_steps = [
        {
            "id": step,
            "amount_percentage": JsonNumber(f"{rng.choice([10, 20, 25, 30, 50])}.0"),
            "profit_percentage": JsonNumber(f"{step + 1}.{rng.randrange(10)}"),
            "editable": rng.random() < 0.8,
            "panic_sellable": True,
            "trade_id": 2_000_000_000 + index * 10 + step,
            "execution_timestamp": None,
            "initial_amount": _amount(rng, 1, 5),
            "price": _amount(rng, 4, 2),
            "status": rng.choice(["Placed", "Idle", "Filled"]),
        }
        for step in range(step_count)
    ]
    buy_steps = [{"price": _amount(rng, 4, 2), "filled": _amount(rng, 1, 2)} for _ in range(rng.randint(1, 3))]
    events = [
        {
            "message": f"Placing safety trade ({n + 1}). Price: {_amount(rng, 4, 2)} {quote}",
            "created_at": _timestamp(created + timedelta(seconds=n * 13, milliseconds=rng.randrange(1000))),
        }
        for n in range(rng.randint(2, 10))
    ]
    return {
        "from_currency_id": 0,
        "to_currency_id": 0,
        "id": 5_000_000_000 + index,
        "type": "Deal",
        "bot_id": 70_000_000 + rng.randrange(500),
        "max_safety_orders": rng.randint(1, 12),
        "deal_has_error": rng.random() < 0.02,
        "account_id": 40_000_000 + rng.randrange(20),
        "active_safety_orders_count": rng.randint(0, 5),
        "created_at": _timestamp(created),
        "updated_at": _timestamp(updated),
        "closed_at": _timestamp(updated) if finished else None,
        "finished?": finished,
        "current_active_safety_orders_count": rng.randint(0, 5),
        "current_active_safety_orders": rng.randint(0, 5),
        "completed_safety_orders_count": rng.randint(0, 8),
        "completed_manual_safety_orders_count": rng.randint(0, 2),
        "cancellable?": not finished,
        "panic_sellable?": not finished,
        "trailing_enabled": rng.random() < 0.3,
        "tsl_enabled": rng.random() < 0.3,
        "stop_loss_timeout_enabled": False,
        "stop_loss_timeout_in_seconds": rng.choice([0, 60, 300]),
        "active_manual_safety_orders": 0,
        "pair": f"{quote}_{base}",
        "status": "completed" if finished else rng.choice(["bought", "base_order_placed", "ttp_order_placed"]),
        "localized_status": "Completed" if finished else "Active",
        "take_profit": _amount(rng, 1, 1) if rng.random() < 0.5 else None,
        "take_profit_steps": take_profit_steps,
        "base_order_volume": _amount(rng, 3, 1),
        "safety_order_volume": _amount(rng, 3, 1),
        "safety_order_step_percentage": _amount(rng, 1, 2),
        "safety_order_calculation_mode": "from_base_order",
        "custom_safety_steps": [
            {"deviation": _amount(rng, 1, 1), "size": _amount(rng, 2, 1), "editable": True}
            for _ in range(rng.randint(0, 2))
        ],
        "leverage_type": "not_specified",
        "leverage_custom_value": None,
        "bought_amount": _amount(rng, 2, 6),
        "bought_volume": _amount(rng, 4, 8),
        "bought_average_price": price,
        "base_order_average_price": price,
        "sold_amount": _amount(rng, 2, 6) if finished else "0.0",
        "sold_volume": _amount(rng, 4, 8) if finished else "0.0",
        "sold_average_price": _amount(rng, 4, 4) if finished else "0",
        "take_profit_type": rng.choice(["total", "base"]),
        "final_profit": _signed(rng, 2, 8),
        "martingale_coefficient": "1.0",
        "martingale_volume_coefficient": _amount(rng, 1, 2),
        "martingale_step_coefficient": _amount(rng, 1, 2),
        "stop_loss_percentage": _amount(rng, 1, 1),
        "sl_to_breakeven_enabled": False,
        "sl_to_breakeven_data": None,
        "error_message": None,
        "profit_currency": "quote_currency",
        "stop_loss_type": "stop_loss",
        "safety_order_volume_type": "quote_currency",
        "base_order_volume_type": "quote_currency",
        "from_currency": quote,
        "to_currency": base,
        "final_profit_percentage": _signed(rng, 1, 2),
        "usd_final_profit": _signed(rng, 2, 2),
        "actual_profit": _signed(rng, 2, 8),
        "actual_usd_profit": _signed(rng, 2, 8),
        "failed_message": None,
        "reserved_base_coin": _amount(rng, 4, 8),
        "reserved_second_coin": _amount(rng, 1, 6),
        "trailing_deviation": _amount(rng, 1, 1),
        "trailing_max_price": None,
        "tsl_max_price": None,
        "strategy": rng.choice(["long", "short"]),
        "last_known_position_info": None,
        "min_profit_percentage": "0.0",
        "min_profit_type": None,
        "close_strategy_list": [],
        "safety_strategy_list": [],
        "note": None,
        "add_fundable": not finished,
        "smart_trade_convertable": not finished,
        "bot_name": f"{base}/{quote} bot {index % 97}",
        "account_name": f"Account {index % 20}",
        "market_type": "spot",
        "current_price": _amount(rng, 4, 2),
        "take_profit_price": _amount(rng, 4, 2),
        "stop_loss_price": _amount(rng, 4, 6),
        "actual_profit_percentage": _signed(rng, 1, 2),
        "reserved_quote_funds": "0.0",
        "reserved_base_funds": "0.0",
        "orderbook_price_currency": quote,
        "crypto_widget": {
            "progressAccuracy": 2,
            "TTP\u0410ctivated": False,
            "buyPrice": price,
            "currentPrice": _amount(rng, 4, 2),
            "inverted": False,
            "stopLosses": [[_amount(rng, 4, 6), False]],
            "LP": None,
            "buySteps": buy_steps,
            "marks": [
                {"type": "tp", "label": f"TP{n + 1}", "price": step["price"], "position": "down"}
                for n, step in enumerate(take_profit_steps)
            ],
        },
        "buy_steps": buy_steps,
        "bot_events": events,
    }


def make_deals(count: int) -> list[dict[str, Any]]:
    rng = random.Random(20250301)
    return [make_deal(rng, index) for index in range(count)]


def _plain_decimals(value: Any) -> Any:
    if isinstance(value, JsonNumber):
        return Decimal(value)
    if isinstance(value, dict):
        return {key: _plain_decimals(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_decimals(item) for item in value]
    return value


class _Mirror:
    """Builds pydantic models / msgspec Structs with the fields of our attrs models."""

    def __init__(self, build: Callable[[type[ResponseModel], Callable[[Any], Any]], Any]) -> None:
        self._build = build
        self._made: dict[type[ResponseModel], Any] = {}

    def model(self, model: type[ResponseModel]) -> Any:
        if model not in self._made:
            attrs.resolve_types(model)
            self._made[model] = self._build(model, self.annotation)
        return self._made[model]

    def annotation(self, annotation: Any) -> Any:
        if isinstance(annotation, type) and issubclass(annotation, ResponseModel):
            return self.model(annotation)
        origin = get_origin(annotation)
        if origin is Union or origin is types.UnionType:
            return Union[tuple(self.annotation(arg) for arg in get_args(annotation))]  # noqa: UP007
        if origin is list:
            return list[self.annotation(get_args(annotation)[0])]  # type: ignore[misc]
        return annotation


def _model_fields(model: type[ResponseModel]) -> list[attrs.Attribute[Any]]:
    return [field for field in attrs.fields(model) if field.name not in _BOOKKEEPING]


def _pydantic_model(model: type[ResponseModel], annotation: Callable[[Any], Any]) -> Any:
    definitions: dict[str, Any] = {}
    for field in _model_fields(model):
        default = ... if field.default is attrs.NOTHING else field.default
        alias = field.metadata.get(WIRE_NAME)
        definitions[field.name] = (annotation(field.type), pydantic.Field(default, alias=alias))
    return pydantic.create_model(
        f"Pydantic{model.__name__}",
        __config__=pydantic.ConfigDict(extra="allow", populate_by_name=True),
        **definitions,
    )


def _msgspec_struct(model: type[ResponseModel], annotation: Callable[[Any], Any]) -> Any:
    required, optional = [], []
    for field in _model_fields(model):
        wire = field.metadata.get(WIRE_NAME, field.name)
        if field.default is attrs.NOTHING:
            required.append((field.name, annotation(field.type), msgspec.field(name=wire)))
        else:
            optional.append((field.name, annotation(field.type), msgspec.field(default=None, name=wire)))
    return msgspec.defstruct(f"Msgspec{model.__name__}", required + optional, kw_only=True)


def _timed(run: Callable[[], Any]) -> float:
    started = time.process_time()
    result = run()
    elapsed = time.process_time() - started
    del result
    return elapsed


def _check_same_values(ours: list[Deal], theirs: list[Any]) -> None:
    for deal, other in zip(ours, theirs, strict=True):
        assert deal.final_profit == other.final_profit, (deal.final_profit, other.final_profit)
        assert deal.take_profit_steps is not None
        assert [s.amount_percentage for s in deal.take_profit_steps] == [
            s.amount_percentage for s in other.take_profit_steps
        ]
        assert deal.created_at == other.created_at


def poisoned_page(deals: list[dict[str, Any]], *, constants: bool) -> bytes:
    """The same page with NaN/Infinity in every 10th deal: as strings (as real bodies carry them) or constants."""
    page = [dict(deal) for deal in deals]
    nan: Any = JsonNumber("NaN") if constants else "NaN"
    infinity: Any = JsonNumber("Infinity") if constants else "Infinity"
    for deal in page[::10]:
        deal["buy_steps"] = [{**step, "filled": nan} for step in deal["buy_steps"]]
        deal["actual_profit_percentage"] = infinity
        deal["final_profit_percentage"] = JsonNumber("-Infinity") if constants else "-Infinity"
    return _encode_constants(page)


def _encode_constants(value: Any) -> bytes:
    """``_json.dumps`` refuses non-finite numbers (requests never carry them); a response may, so write them here."""
    marked = _mark_constants(value)
    text = _json.dumps(marked).decode()
    for name in ("-Infinity", "Infinity", "NaN"):
        text = text.replace(f'"\\u0000{name}"', name)
    return text.encode()


def _mark_constants(value: Any) -> Any:
    if isinstance(value, JsonNumber) and not value.is_finite():
        return "\u0000" + str(value)
    if isinstance(value, dict):
        return {key: _mark_constants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_mark_constants(item) for item in value]
    return value


def _stdlib_loads(data: bytes) -> Any:
    """The standard library alone, as ``_json.loads`` decodes without msgspec."""
    return json.loads(data, parse_float=JsonNumber, parse_constant=JsonNumber)


def _decoders() -> dict[str, Callable[[bytes], Any]]:
    return {"_json.loads (msgspec)": _json.loads, "stdlib json": _stdlib_loads}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deals", type=int, default=10_000)
    parser.add_argument("--page", type=int, default=1_000, help="deals in the page of the NaN/Infinity comparison")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--gc", choices=["on", "off", "both"], default="both", help="garbage collector during runs")
    options = parser.parse_args()

    deals = make_deals(options.deals)
    body = _json.dumps(deals)
    deals_for_msgspec = _plain_decimals(deals)

    pydantic_deals = pydantic.TypeAdapter(list[_Mirror(_pydantic_model).model(Deal)])  # type: ignore[misc,arg-type,var-annotated]
    msgspec_deal = _Mirror(_msgspec_struct).model(Deal)
    msgspec_decoder = msgspec.json.Decoder(list[msgspec_deal])  # type: ignore[valid-type]

    warm = deals[:50]
    structure_response(warm, list[Deal])
    ours = structure_response(deals, list[Deal])
    _check_same_values(ours, pydantic_deals.validate_python(deals))
    _check_same_values(ours, msgspec.convert(deals_for_msgspec, list[msgspec_deal]))  # type: ignore[valid-type]
    _check_same_values(ours, msgspec_decoder.decode(body))
    decoders = _decoders()
    for decode in decoders.values():
        _check_same_values(ours, structure_response(decode(body), list[Deal]))
    del ours

    contenders: dict[str, Callable[[], Any]] = {
        "cattrs (ours)": lambda: structure_response(deals, list[Deal]),
        "pydantic v2 validate_python": lambda: pydantic_deals.validate_python(deals),
        "msgspec convert": lambda: msgspec.convert(deals_for_msgspec, list[msgspec_deal]),  # type: ignore[valid-type]
    }
    end_to_end = {f"{name} + cattrs (ours)": _bytes_to_deals(decode, body) for name, decode in decoders.items()}
    contenders.update(end_to_end)
    contenders["pydantic v2 validate_json"] = lambda: pydantic_deals.validate_json(body)
    contenders["msgspec json.decode"] = lambda: msgspec_decoder.decode(body)
    print(
        f"Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, msgspec {msgspec.__version__}; "
        f"{options.deals} deals, {len(body) / 1e6:.1f} MB of JSON, best of {options.repeats}"
    )
    collectors = ("on", "off") if options.gc == "both" else (options.gc,)
    for collector in collectors:
        best = _race(contenders, options.repeats, gc_enabled=collector == "on")
        _table(best, list(contenders)[:3], "cattrs (ours)", collector, options.deals)
        _table(best, list(contenders)[3:], "pydantic v2 validate_json", collector, options.deals)
    _poisoned(deals[: options.page], decoders, options.repeats, collectors)


def _bytes_to_deals(decode: Callable[[bytes], Any], body: bytes) -> Callable[[], Any]:
    return lambda: structure_response(decode(body), list[Deal])


def _table(best: dict[str, float], names: list[str], reference: str, collector: str, count: int) -> None:
    print()
    print(f"{'garbage collector ' + collector:32} {'best s':>8} {'us/deal':>8} {'vs ' + reference[:12]:>16}")
    for name in names:
        seconds = best[name]
        print(f"{name:32} {seconds:8.3f} {seconds / count * 1e6:8.1f} {seconds / best[reference]:15.2f}x")


def _poisoned(
    page: list[dict[str, Any]], decoders: dict[str, Callable[[bytes], Any]], repeats: int, collectors: tuple[str, ...]
) -> None:
    bodies = {
        "clean": _json.dumps(page),
        "NaN/Infinity strings": poisoned_page(page, constants=False),
        "NaN/Infinity constants": poisoned_page(page, constants=True),
    }
    for body in bodies.values():
        for decode in decoders.values():
            assert len(structure_response(decode(body), list[Deal])) == len(page)
    runs = {
        f"{decoder} {kind}": _bytes_to_deals(decode, body)
        for decoder, decode in decoders.items()
        for kind, body in bodies.items()
    }
    for collector in collectors:
        best = _race(runs, repeats * 3, gc_enabled=collector == "on")
        print()
        print(f"{len(page)}-deal page, bytes to models, garbage collector {collector}")
        for decoder in decoders:
            clean = best[f"{decoder} clean"]
            for kind in bodies:
                seconds = best[f"{decoder} {kind}"]
                print(f"  {decoder + ' ' + kind:38} {seconds * 1e3:8.1f} ms {seconds / clean:6.2f}x clean")


def _race(contenders: dict[str, Callable[[], Any]], repeats: int, *, gc_enabled: bool) -> dict[str, float]:
    best = {name: float("inf") for name in contenders}
    try:
        for _ in range(repeats):
            for name, run in contenders.items():
                gc.collect()
                if not gc_enabled:
                    gc.disable()
                best[name] = min(best[name], _timed(run))
                gc.enable()
    finally:
        gc.enable()
    return best


if __name__ == "__main__":
    main()
