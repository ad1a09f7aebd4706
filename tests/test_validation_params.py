"""Parameters as the real server takes them: ISO 8601 date-times, dates, wider enums, one-or-many lists."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import pytest

from codegen.spec import load_spec
from threecommas_async import ThreeCommas, ValidationError
from threecommas_async._endpoint import Endpoint, Param
from threecommas_async._validation import prepare
from threecommas_async.resources import BY_NAME, ENDPOINTS

ROOT = Path(__file__).resolve().parents[1]
UTC = dt.timezone.utc
MOMENT = dt.datetime(2025, 8, 4, 17, 7, 14, tzinfo=UTC)


def _query(name: str, arguments: dict[str, Any]) -> list[tuple[str, str]]:
    return list(prepare(BY_NAME[name], arguments).query)


def _refused(name: str, arguments: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        prepare(BY_NAME[name], arguments)
    return caught.value


def _formatted(kind: str) -> list[tuple[Endpoint[Any], Param]]:
    return [(e, p) for e in ENDPOINTS for p in e.params if p.format == kind]


def _ids(case: tuple[Endpoint[Any], Param]) -> str:
    return f"{case[0].qualified_name}.{case[1].name}"


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        (MOMENT, "2025-08-04T17:07:14Z"),
        (MOMENT.astimezone(dt.timezone(dt.timedelta(hours=2))), "2025-08-04T17:07:14Z"),
        (MOMENT.replace(microsecond=500), "2025-08-04T17:07:14.000500Z"),
        ("2025-08-04T17:07:14Z", "2025-08-04T17:07:14Z"),
        ("2025-08-04T19:07:14+02:00", "2025-08-04T17:07:14Z"),
        ("2025-08-04T19:07:14.5+0200", "2025-08-04T17:07:14.500000Z"),
        ("2025-08-04T12:07-05", "2025-08-04T17:07:00Z"),
        ("2025-08-04t17:07:14.123456789z", "2025-08-04T17:07:14.123456Z"),
        ("2025-08-04", "2025-08-04"),
    ],
)
def test_bots_list_from_goes_out_as_iso_utc(given: dt.datetime | str, sent: str) -> None:
    assert ("from", sent) in _query("bots.list", {"from_": given})


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        (1754327234000, "epoch number with a 500"),
        (1754327234.0, "epoch number with a 500"),
        (dt.datetime(2025, 8, 4, 17, 7, 14), "naive"),
        ("2025-08-04T17:07:14", "naive time is ambiguous"),
        ("yesterday", "ISO 8601"),
        ("2025-02-30T10:00:00Z", "valid ISO 8601"),
        (True, "aware datetime"),
    ],
)
def test_bots_list_from_refuses_what_the_server_cannot_take(given: object, reason: str) -> None:
    error = _refused("bots.list", {"from_": given})
    assert error.param == "from_"
    assert reason in error.problem


@pytest.mark.parametrize("case", _formatted("date-time"), ids=_ids)
def test_every_date_time_filter_takes_an_aware_datetime_and_refuses_an_int(case: tuple[Endpoint[Any], Param]) -> None:
    endpoint, param = case
    required = {p.name: 1 if p.type == "integer" else "2025-08-01" for p in endpoint.params if p.required}
    spec = prepare(endpoint, {**required, param.name: MOMENT})
    assert (param.wire, "2025-08-04T17:07:14Z") in spec.query
    with pytest.raises(ValidationError, match="epoch"):
        prepare(endpoint, {param.name: 1754327234, **required} | {param.name: 1754327234})


def test_the_audited_time_parameters() -> None:
    date_times = {_ids(case) for case in _formatted("date-time")}
    assert date_times == {
        "accounts.balance_chart_data.date_from", "accounts.balance_chart_data.date_to", "bots.list.from_",
        "deals.list.from_", "deals.list.to", "grid_bots.list.from_", "grid_bots.profits.from_",
        "grid_bots.profits.to", "smart_trades.list.from_", "smart_trades.list.to",
    }  # fmt: skip
    assert {_ids(case) for case in _formatted("date")} == {"accounts.volume_daily.date", "bots.stats_by_date.date"}
    start_time = next(p for p in BY_NAME["accounts.transfer_history"].params if p.wire == "start_time")
    assert (start_time.type, start_time.format) == ("integer", None)


def test_date_parameters_take_a_date() -> None:
    assert ("date", "2025-08-04") in _query("bots.stats_by_date", {"date": dt.date(2025, 8, 4)})
    assert ("date", "2025-08-04") in _query("accounts.volume_daily", {"account_id": 1, "date": "2025-08-04"})
    assert "datetime" in _refused("bots.stats_by_date", {"date": MOMENT}).problem
    assert "YYYY-MM-DD" in _refused("bots.stats_by_date", {"date": "2025-13-01"}).problem
    assert "YYYY-MM-DD" in _refused("bots.stats_by_date", {"date": 20250804}).problem


@pytest.mark.parametrize("name", ["bots.create", "bots.update"])
@pytest.mark.parametrize("value", ["custom", "cross", "not_specified", "isolated"])
def test_leverage_type_takes_what_real_bots_report(name: str, value: str) -> None:
    param = next(p for p in BY_NAME[name].params if p.wire == "leverage_type")
    assert param.enum is not None
    assert value in param.enum
    assert "leverage_type" not in _refused(name, {"leverage_type": value}).param


def test_grid_bot_update_takes_not_specified() -> None:
    leverage_type = next(p for p in BY_NAME["grid_bots.update"].params if p.wire == "leverage_type")
    assert "not_specified" in (leverage_type.enum or ())


@pytest.mark.parametrize("name", ["deals.list", "bots.list", "smart_trades.list", "trades.list"])
@pytest.mark.parametrize("value", ["asc", "ASC", "desc", "DESC"])
def test_order_direction_in_either_case_is_sent_as_given(name: str, value: str) -> None:
    required = {p.name: "x" for p in BY_NAME[name].params if p.required}
    assert ("order_direction", value) in _query(name, {**required, "order_direction": value})


def test_order_direction_in_mixed_case_is_refused() -> None:
    assert _refused("deals.list", {"order_direction": "Asc"}).param == "order_direction"


def _alone(name: str, wire: str) -> Endpoint[Any]:
    """An endpoint holding only ``name``'s parameter ``wire``: its checks without the other required ones."""
    param = next(p for p in BY_NAME[name].params if p.wire == wire)
    return Endpoint("t", "t", "POST", "/t", "BOTS_WRITE", params=(param,))


@pytest.mark.parametrize("name", ["bots.create", "bots.update"])
def test_pairs_take_a_list_or_one_pair_sent_as_given(name: str) -> None:
    endpoint = _alone(name, "pairs")
    assert prepare(endpoint, {"pairs": ["USDT_BTC", "USDT_ETH"]}).body == {"pairs": ["USDT_BTC", "USDT_ETH"]}
    assert prepare(endpoint, {"pairs": ("USDT_BTC",)}).body == {"pairs": ["USDT_BTC"]}
    assert prepare(endpoint, {"pairs": "USDT_BTC"}).body == {"pairs": "USDT_BTC"}
    with pytest.raises(ValidationError) as caught:
        prepare(endpoint, {"pairs": ["USDT_BTC", 1]})
    assert caught.value.param == "pairs[1]"


def test_grid_bots_account_ids_take_a_list_or_one_id() -> None:
    assert _query("grid_bots.list", {"account_ids": 5}) == [("account_ids", "5")]
    assert _query("grid_bots.list", {"account_ids": [5, 6]}) == [("account_ids[]", "5"), ("account_ids[]", "6")]
    assert _refused("grid_bots.list", {"account_ids": 0}).param == "account_ids"
    assert _refused("grid_bots.list", {"account_ids": "5"}).param == "account_ids"


CHANGED = {
    "bots.list": ("from", "order_direction"), "bots.create": ("leverage_type", "pairs"),
    "bots.update": ("leverage_type", "pairs"), "bots.stats_by_date": ("date",),
    "deals.list": ("from", "to", "order_direction"), "grid_bots.list": ("from", "account_ids"),
    "grid_bots.update": ("leverage_type",), "grid_bots.profits": ("from", "to"),
    "smart_trades.list": ("from", "to", "order_direction"), "trades.list": ("order_direction",),
    "trades.history": ("order_direction",), "marketplace.signals": ("order_direction",),
    "accounts.balance_chart_data": ("date_from", "date_to"), "accounts.volume_daily": ("date",),
    "accounts.transfer_history": ("start_time",),
}  # fmt: skip


def test_every_changed_parameter_has_a_note_citing_evidence() -> None:
    spec = load_spec(ROOT / "spec/endpoints.json")
    notes = {endpoint.qualified_name: endpoint.notes for endpoint in spec.endpoints}
    for name, wires in CHANGED.items():
        for wire in wires:
            found = [n for n in notes[name] if n.startswith(f"{wire}:") or n.startswith(f"{wire}/")]
            found += [n for n in notes[name] if f"/{wire}:" in n.split(" ")[0]]
            assert found, f"{name}.{wire}"
            assert any(word in " ".join(found) for word in ("docs", "live server", "reference")), f"{name}.{wire}"


async def test_through_the_client_a_datetime_goes_out_and_an_epoch_sends_nothing() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[])

    async with ThreeCommas(api_key="k", api_secret="s", transport=httpx.MockTransport(answer)) as client:
        assert await client.bots.list(from_=MOMENT) == []
        with pytest.raises(ValidationError, match="epoch"):
            await client.deals.list(from_=1754327234000)  # type: ignore[arg-type]
    assert len(sent) == 1
    assert sent[0].url.params["from"] == "2025-08-04T17:07:14Z"
