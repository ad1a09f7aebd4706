"""Every typed endpoint against a fixture in the shape of its documented example response.

``tests/data/models/endpoints/<resource>.<method>.json`` has the shape of the example response on the
endpoint's docs page (where the docs show none, the shape real clients read from the live server, cited in
the endpoint's spec notes), key for key and JSON type for JSON type, with values of our own. Each one
structures into the endpoint's declared return type with nothing left over (no unknown key, no value
that does not fit, even under ``strict``) and unstructures to the same JSON, every number with its type and text.
"""

from __future__ import annotations

import importlib
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from threecommas_async import _json
from threecommas_async._endpoint import Endpoint
from threecommas_async.models import ResponseModel, make_converter, structure_response, unstructure
from threecommas_async.resources import ENDPOINTS

DATA = Path(__file__).resolve().parent / "data" / "models" / "endpoints"
FIXTURES = sorted(DATA.glob("*.json"))
BY_NAME = {endpoint.qualified_name: endpoint for endpoint in ENDPOINTS}
DOCUMENTED_EXTRAS = {
    "grid_bots.market_orders": {"$.balancing_orders[0].update_at"},
    "bots.account_trade_info": {"$.ticker['USDT_ATOM'].name"},
    "bots.account_trade_info_smart_sell": {"$.ticker['BTC_LTC'].name"},
}
"""Keys a fixture carries that the model leaves in ``extra`` on purpose (the trade-info tickers reuse
``CurrencyRates``, which has no ``name``: the exchange's own symbol for the pair)."""


def _return_type(endpoint: Endpoint[Any]) -> Any:
    module = importlib.import_module(f"threecommas_async.resources.{endpoint.resource}")
    resource = next(
        value
        for name, value in vars(module).items()
        if isinstance(value, type) and value.__module__ == module.__name__ and not name.endswith("WithRawResponse")
    )
    return typing.get_type_hints(getattr(resource, endpoint.name))["return"]


def _leftovers(model: Any, path: str = "$") -> set[str]:
    if isinstance(model, ResponseModel):
        found = {f"{path}.{key}" for key in [*model.extra, *model.field_errors]}
        for field in attrs.fields(type(model)):
            if field.name not in ("extra", "absent_keys", "field_errors"):
                found |= _leftovers(getattr(model, field.name), f"{path}.{field.name}")
        return found
    if isinstance(model, list):
        return {key for index, item in enumerate(model) for key in _leftovers(item, f"{path}[{index}]")}
    if isinstance(model, dict):
        return {key for name, item in model.items() for key in _leftovers(item, f"{path}[{name!r}]")}
    return set()


def _exact(value: Any) -> Any:
    """JSON with every number as its type and text, so ``==`` also compares digits and spelling."""
    if isinstance(value, dict):
        return {key: _exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_exact(item) for item in value]
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return ("number", str(value))
    return value


def test_there_is_a_fixture_for_many_endpoints() -> None:
    assert len(FIXTURES) >= 82


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_documented_shape_structures_exactly(path: Path) -> None:
    endpoint = BY_NAME[path.stem]
    returns = _return_type(endpoint)
    assert returns is not Any, f"{endpoint.qualified_name} has a documented shape but returns Any"
    text = path.read_bytes()
    structured = structure_response(_json.loads(text), returns, strict=True)
    assert _leftovers(structured) == DOCUMENTED_EXTRAS.get(endpoint.qualified_name, set())
    assert _exact(unstructure(structured)) == _exact(_json.loads(text))


@pytest.mark.parametrize(
    "path", [path for path in FIXTURES if path.stem not in DOCUMENTED_EXTRAS][::4], ids=lambda path: path.stem
)
def test_documented_shape_passes_a_converter_that_forbids_unknown_keys(path: Path) -> None:
    endpoint = BY_NAME[path.stem]
    make_converter(forbid_extra_keys=True, strict=True).structure(
        _json.loads(path.read_bytes()), _return_type(endpoint)
    )
