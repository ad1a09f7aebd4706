"""Nonsense refused before any I/O: dot path segments, negative paging, non-positive ids, absurd amounts."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from codegen.spec import SpecError, load_spec
from threecommas_async import ThreeCommas, ValidationError
from threecommas_async._endpoint import Endpoint, Param
from threecommas_async._validation import MAX_EXPONENT, as_decimal, prepare, validate_raw_path
from threecommas_async.resources import BY_NAME, ENDPOINTS

ROOT = Path(__file__).resolve().parents[1]


def _refused(endpoint: Endpoint[Any], arguments: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        prepare(endpoint, arguments)
    return caught.value


def _required(endpoint: Endpoint[Any]) -> dict[str, Any]:
    return {param.name: _valid(param) for param in endpoint.params if param.required}


def _valid(param: Param) -> Any:
    """A value that passes ``param``'s checks (required members of objects included)."""
    if param.type == "object" or param.item_type == "object":
        members = {field.wire: _valid(field) for field in param.fields if field.required}
        return [members] if param.type == "array" else members
    kind = param.item_type if param.type == "array" else param.type
    if param.format is not None:
        return "2025-08-04"
    if param.enum:
        value: Any = param.enum[0]
    else:
        value = {"integer": 1, "string": "x", "number": "1", "boolean": True}[str(kind)]
        if kind == "integer" and param.minimum is not None:
            value = int(param.minimum)
        if kind == "number" and param.minimum is not None:
            value = str(param.minimum)
    return [value] if param.type == "array" else value


@pytest.mark.parametrize("segment", ["", ".", ".."])
@pytest.mark.parametrize("name", ["trades.show", "trades.cancel"])
def test_dot_and_empty_path_segments_are_refused(name: str, segment: str) -> None:
    endpoint = BY_NAME[name]
    path_param = next(param.name for param in endpoint.params if param.location == "path")
    error = _refused(endpoint, {**_required(endpoint), path_param: segment})
    assert error.param == path_param
    assert "'.' or '..'" in error.problem


def test_dotted_but_not_dot_segments_still_go_out_encoded() -> None:
    endpoint = BY_NAME["trades.show"]
    path_param = next(param.name for param in endpoint.params if param.location == "path")
    for segment in ("a.b", "..."):
        spec = prepare(endpoint, {**_required(endpoint), path_param: segment})
        assert spec.path.endswith(f"/{segment}")


async def test_a_dot_segment_sends_nothing() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    transport = httpx.MockTransport(answer)
    async with ThreeCommas(api_key="k", api_secret="s", transport=transport) as client:
        with pytest.raises(ValidationError):
            await client.trades.cancel("..")
        with pytest.raises(ValidationError):
            await client.deals.list(limit=-5)
    assert sent == []


def _bounded(wires: tuple[str, ...]) -> list[tuple[Endpoint[Any], Param]]:
    return [
        (endpoint, param)
        for endpoint in ENDPOINTS
        for param in endpoint.params
        if param.type == "integer" and (param.wire in wires or param.wire == "id" or param.wire.endswith("_id"))
    ]


def _ids(case: tuple[Endpoint[Any], Param]) -> str:
    return f"{case[0].qualified_name}.{case[1].name}"


@pytest.mark.parametrize("case", _bounded(("limit", "page", "per_page", "offset")), ids=_ids)
def test_negative_paging_and_non_positive_ids_are_refused_everywhere(case: tuple[Endpoint[Any], Param]) -> None:
    endpoint, param = case
    for bad in (-5, 0) if param.wire != "offset" else (-5, -1):
        error = _refused(endpoint, {param.name: bad, **_required(endpoint)} | {param.name: bad})
        assert error.param == param.name
        assert "at least" in error.problem
    assert prepare(endpoint, {**_required(endpoint), param.name: 1}).method == endpoint.method


def test_every_list_method_bounds_its_paging() -> None:
    wires = ("limit", "offset", "page", "per_page")
    paged = [endpoint for endpoint in ENDPOINTS if any(p.wire in wires for p in endpoint.params)]
    assert len(paged) >= 14
    offset_zero = prepare(BY_NAME["deals.list"], {"offset": 0, "limit": 1})
    assert ("offset", "0") in offset_zero.query


@pytest.mark.parametrize(
    "amount",
    [Decimal("1E+999999"), Decimal("1E-999999"), Decimal(f"1E+{MAX_EXPONENT + 1}"), 10 ** (MAX_EXPONENT + 1), "1e-50"],
)
def test_absurd_amounts_are_refused(amount: object) -> None:
    with pytest.raises(ValueError, match="in size"):
        as_decimal(amount)
    error = _refused(BY_NAME["deals.add_funds"], {"deal_id": 1, "quantity": amount, "is_market": True, "rate": 1})
    assert error.param == "quantity"


@pytest.mark.parametrize(
    "amount", [Decimal("0"), Decimal("0E-60"), Decimal("1E-18"), Decimal("123456789.123456789"), 10**20]
)
def test_real_amounts_pass(amount: Decimal | int) -> None:
    assert as_decimal(amount) == amount


def test_absurd_amounts_inside_free_objects_are_refused() -> None:
    endpoint = next(e for e in ENDPOINTS for p in e.params if p.type == "object" and not p.fields)
    free = next(p for p in endpoint.params if p.type == "object" and not p.fields)
    bad = {"nested": [Decimal("1E+999999")]}
    error = _refused(endpoint, {free.name: bad, **_required(endpoint)} | {free.name: bad})
    assert error.param == f"{free.name}.nested[0]"


@pytest.mark.parametrize(
    "path", ["/ver1/deals/../bots", "/ver1/./deals", "..", "/ver1/%2e%2E/x", "/ver1/deals/.?a=b", "/ver1/x/%2E"]
)
def test_raw_paths_with_dot_segments_are_refused(path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_raw_path(path)
    assert caught.value.param == "path"


@pytest.mark.parametrize("path", ["/ver1/deals/5/show", "/ver1/a.b/...", "/ver1/deals?from=..", "/ver1/x/"])
def test_raw_paths_without_dot_segments_pass(path: str) -> None:
    validate_raw_path(path)


def test_spec_refuses_a_paging_or_id_parameter_without_its_floor(tmp_path: Path) -> None:
    spec = json.loads((ROOT / "spec/endpoints.json").read_text())
    deals_list = next(e for e in spec["endpoints"] if (e["resource"], e["name"]) == ("deals", "list"))
    offset = next(p for p in deals_list["params"] if p["wire"] == "offset")
    offset["minimum"] = -1
    path = tmp_path / "endpoints.json"
    path.write_text(json.dumps(spec))
    with pytest.raises(SpecError, match=r"deals\.list\.offset"):
        load_spec(path)


def test_prepare_carries_a_known_priority_and_refuses_others() -> None:
    endpoint = BY_NAME["deals.list"]
    assert prepare(endpoint, {}).priority is None
    assert prepare(endpoint, {}, priority="urgent").priority == "urgent"
    with pytest.raises(ValidationError) as caught:
        prepare(endpoint, {}, priority="asap")
    assert caught.value.param == "priority"
