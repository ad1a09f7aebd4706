"""The fake follows the real server: the parameters it accepts, the fields it sends, the odd values it may seed."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

from threecommas_async._json import loads
from threecommas_async.testing import FakeThreeCommas, ManualClock, Mode
from threecommas_async.testing._handlers._times import iso_epoch

pytestmark = pytest.mark.fake(seed=5, bots=6, deals=40, smart_trades=8, trades=4)


async def _call(fake: FakeThreeCommas, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async with fake.http_client(fake.default_key) as client:
        return await client.request(method, path, **kwargs)


async def _json(fake: FakeThreeCommas, method: str, path: str, **kwargs: Any) -> Any:
    response = await _call(fake, method, path, **kwargs)
    assert response.status_code in (200, 201), response.text
    return loads(response.content)


def _created(entity: dict[str, Any]) -> float:
    return datetime.fromisoformat(entity["created_at"].replace("Z", "+00:00")).timestamp()


@pytest.mark.parametrize("path", ["/ver1/bots", "/ver1/deals"])
async def test_from_takes_an_iso_date_time(fake: FakeThreeCommas, path: str) -> None:
    everything = await _json(fake, "GET", path, params={"limit": 100})
    cutoff = int(sorted(_created(item) for item in everything)[len(everything) // 2]) + 1
    moment = datetime.fromtimestamp(cutoff, tz=timezone.utc)
    since = await _json(fake, "GET", path, params={"limit": 100, "from": moment.strftime("%Y-%m-%dT%H:%M:%SZ")})
    assert 0 < len(since) < len(everything)
    assert {item["id"] for item in everything if _created(item) >= cutoff} == {item["id"] for item in since}
    shifted = moment.astimezone(timezone(timedelta(hours=3))).strftime("%Y-%m-%dT%H:%M:%S.0+03:00")
    offset = await _json(fake, "GET", path, params={"limit": 100, "from": shifted})
    assert [item["id"] for item in offset] == [item["id"] for item in since]


@pytest.mark.parametrize("path", ["/ver1/bots", "/ver1/deals"])
@pytest.mark.parametrize("value", ["1754327234000", "1754327234"])
async def test_epoch_number_from_is_a_500_unknown_error(fake: FakeThreeCommas, path: str, value: str) -> None:
    response = await _call(fake, "GET", path, params={"from": value})
    assert response.status_code == 500
    assert loads(response.content)["error"] == "unknown_error"


async def test_from_that_is_no_date_is_a_400(fake: FakeThreeCommas) -> None:
    response = await _call(fake, "GET", "/ver1/deals", params={"from": "yesterday"})
    assert response.status_code == 400
    assert loads(response.content)["error_attributes"] == {"from": ["is not a valid date-time"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-08-04T17:07:14Z", datetime(2025, 8, 4, 17, 7, 14, tzinfo=timezone.utc)),
        ("2025-03-04T08:06:07.5+03:00", datetime(2025, 3, 4, 5, 6, 7, 500_000, tzinfo=timezone.utc)),
        ("2025-03-04T08:06+0100", datetime(2025, 3, 4, 7, 6, tzinfo=timezone.utc)),
        ("2025-03-04", datetime(2025, 3, 4, tzinfo=timezone.utc)),
    ],
)
def test_iso_parser_reads_forms_that_python_3_10_refuses(text: str, expected: datetime) -> None:
    assert iso_epoch(text) == expected.timestamp()


@pytest.mark.parametrize("value", ["not_specified", "custom", "cross", "isolated", "NOT_SPECIFIED"])
async def test_bot_leverage_type_takes_every_documented_value(fake: FakeThreeCommas, value: str) -> None:
    bot_id = next(iter(fake.book().bots))
    bot = await _json(fake, "PATCH", f"/ver1/bots/{bot_id}/update", json={"leverage_type": value})
    assert bot["leverage_type"] == value.lower()


async def test_bot_leverage_type_outside_the_list_is_a_400(fake: FakeThreeCommas) -> None:
    bot_id = next(iter(fake.book().bots))
    response = await _call(fake, "PATCH", f"/ver1/bots/{bot_id}/update", json={"leverage_type": "extreme"})
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/ver1/bots", "/ver1/deals"])
async def test_order_direction_in_either_case(fake: FakeThreeCommas, path: str) -> None:
    orders = {}
    for direction in ("asc", "ASC", "Asc", "desc", "DESC"):
        items = await _json(fake, "GET", path, params={"order_direction": direction, "limit": 100})
        orders[direction] = [item["id"] for item in items]
    assert orders["asc"] == orders["ASC"] == orders["Asc"] == list(reversed(orders["desc"]))
    assert orders["desc"] == orders["DESC"]


async def test_bot_pairs_as_a_list_or_a_string(fake: FakeThreeCommas) -> None:
    account_id = next(iter(fake.book().accounts))
    settings = {
        "account_id": account_id,
        "base_order_volume": "10",
        "take_profit": "1.5",
        "safety_order_volume": "20",
        "safety_order_step_percentage": "1.0",
        "max_safety_orders": 3,
        "active_safety_orders_count": 1,
    }
    listed = await _json(
        fake, "POST", "/ver1/bots/create_bot", json={**settings, "name": "L", "pairs": ["USDT_BTC", "USDT_ETH"]}
    )
    single = await _json(fake, "POST", "/ver1/bots/create_bot", json={**settings, "name": "S", "pairs": "USDT_BTC"})
    assert (listed["pairs"], listed["type"]) == (["USDT_BTC", "USDT_ETH"], "Bot::MultiBot")
    assert (single["pairs"], single["type"]) == (["USDT_BTC"], "Bot::SingleBot")
    updated = await _json(fake, "PATCH", f"/ver1/bots/{single['id']}/update", json={"pairs": ["USDT_ETH"]})
    assert updated["pairs"] == ["USDT_ETH"]


async def test_grid_bots_account_ids_as_an_int_or_a_list(fake: FakeThreeCommas) -> None:
    grids = fake.book().grid_bots.values()
    account_id = next(iter(grids))["account_id"]
    mine = sorted(grid["id"] for grid in grids if grid["account_id"] == account_id)
    as_int = await _json(fake, "GET", "/ver1/grid_bots", params={"account_ids": account_id})
    as_list = await _json(fake, "GET", "/ver1/grid_bots", params=[("account_ids[]", account_id)])
    all_ids = ",".join(map(str, fake.book().accounts))
    every = await _json(fake, "GET", "/ver1/grid_bots", params={"account_ids": all_ids})
    assert sorted(grid["id"] for grid in as_int) == mine
    assert sorted(grid["id"] for grid in as_list) == mine
    assert len(every) == len(grids)


async def test_every_deal_and_bot_carries_the_safety_order_fields(fake: FakeThreeCommas) -> None:
    bots = await _json(fake, "GET", "/ver1/bots", params={"limit": 100})
    deals = await _json(fake, "GET", "/ver1/deals", params={"limit": 1000})
    started = await _json(
        fake, "POST", f"/ver1/bots/{bots[0]['id']}/start_new_deal", json={"skip_open_deals_checks": True}
    )
    shown = await _json(fake, "GET", f"/ver1/deals/{started['id']}/show")
    for entity in [*bots, *deals, started, shown]:
        assert isinstance(entity["safety_order_calculation_mode"], str)
        assert isinstance(entity["custom_safety_steps"], list)
    custom = [bot for bot in bots if bot["custom_safety_steps"]]
    assert custom
    assert all(step.keys() == {"deviation", "size"} for step in custom[0]["custom_safety_steps"])
    custom_deals = [deal for deal in deals if deal["bot_id"] == custom[0]["id"]]
    assert all(deal["custom_safety_steps"] for deal in custom_deals)
    assert all("editable" in step for deal in custom_deals for step in deal["custom_safety_steps"])


async def test_deal_custom_safety_steps_can_be_updated(fake: FakeThreeCommas) -> None:
    deal_id = next(deal["id"] for deal in fake.book().deals.values() if not deal["finished?"])
    steps = [{"deviation": "1.5", "size": "20"}, {"deviation": "3", "size": "40", "editable": False}]
    deal = await _json(fake, "PATCH", f"/ver1/deals/{deal_id}/update_deal", json={"custom_safety_steps": steps})
    assert deal["custom_safety_steps"] == [
        {"editable": True, "deviation": "1.5", "size": "20"},
        {"editable": False, "deviation": "3", "size": "40"},
    ]


async def test_smart_trade_trade_and_account_fields_from_the_current_docs(fake: FakeThreeCommas) -> None:
    smart_trades = await _json(fake, "GET", "/v2/smart_trades", params={"per_page": 100})
    for smart_trade in smart_trades:
        assert "closed_at" in smart_trade["data"]
        assert "closed_at" in smart_trade["stop_loss"]
        assert "value_without_commission" in smart_trade["position"]["price"]
        assert "value_without_commission" in smart_trade["stop_loss"]["price"]
        for step in smart_trade["take_profit"]["steps"]:
            assert "value_without_commission" in step["price"]
    uuid = next(uuid for uuid, wrapper in fake.book().trades.items() if wrapper["trade"]["closed_at"] is None)
    shown = await _json(fake, "GET", f"/ver1/trades/{uuid}")
    cancelled = await _json(fake, "POST", f"/ver1/trades/{uuid}/cancel")
    for trade in (shown["trade"], cancelled["trade"]):
        assert trade["status"]["basic_type"] == trade["status"]["value"]
    accounts = await _json(fake, "GET", "/ver1/accounts")
    assert all(isinstance(account["nomics_id"], str) for account in accounts)


async def test_bots_copy_answers_the_new_id_and_the_funds_needed(fake: FakeThreeCommas) -> None:
    bot = next(iter(fake.book().bots.values()))
    copied = await _json(fake, "POST", f"/ver1/bots/{bot['id']}/copy_and_create", json={"name": "Twin"})
    assert copied.keys() == {"bot_id", "bot_required_amount"}
    assert fake.book().bots[copied["bot_id"]]["name"] == "Twin"
    assert float(copied["bot_required_amount"]) > float(bot["base_order_volume"])


def _odd_strings(payload: Any) -> set[str]:
    if isinstance(payload, dict):
        return set().union(*(_odd_strings(value) for value in payload.values()))
    if isinstance(payload, list):
        return set().union(*(_odd_strings(value) for value in payload))
    return {payload} if payload in ("NaN", "Infinity", "-Infinity") else set()


async def test_odd_values_are_on_by_default_and_can_be_turned_off(fake: FakeThreeCommas) -> None:
    deals = await _json(fake, "GET", "/ver1/deals", params={"limit": 1000})
    accounts = await _json(fake, "GET", "/ver1/accounts")
    assert _odd_strings(deals) | _odd_strings(accounts) == {"NaN", "Infinity"}
    plain = FakeThreeCommas(clock=ManualClock(), odd_values=False)
    plain.seed(seed=5, deals=40)
    plain.add_key()
    assert _odd_strings(await _json(plain, "GET", "/ver1/deals", params={"limit": 1000})) == set()


async def test_odd_values_option_seeds_nan_fills_and_an_infinite_percentage() -> None:
    plain = FakeThreeCommas(clock=ManualClock(), odd_values=False)
    odd = FakeThreeCommas(clock=ManualClock(), odd_values=True)
    for fake in (plain, odd):
        fake.seed(seed=5, deals=40)
        fake.add_key()
    response = await _call(odd, "GET", "/ver1/deals", params={"limit": 1000})
    assert b'"filled": "NaN"' in response.content.replace(b'":"', b'": "')
    deals = loads(response.content)
    nan_deals = [deal for deal in deals if any(step["filled"] == "NaN" for step in deal["buy_steps"])]
    assert len(nan_deals) == 4
    accounts = await _json(odd, "GET", "/ver1/accounts")
    assert [account["btc_profit_percentage"] for account in accounts].count("Infinity") == 1
    assert list(odd.book(Mode.REAL).deals) == list(plain.book(Mode.REAL).deals)
    plain.seed(seed=5, deals=40, odd_values=True)
    assert plain.book(Mode.PAPER).deals.keys() == odd.book(Mode.PAPER).deals.keys()
    assert _odd_strings(list(plain.book(Mode.PAPER).deals.values())) == {"NaN"}


async def test_the_sdk_reads_a_page_with_odd_values() -> None:
    from decimal import Decimal

    from threecommas_async import ThreeCommas

    fake = FakeThreeCommas(clock=ManualClock(), odd_values=True)
    fake.seed(seed=5, deals=40)
    key = fake.add_key()
    async with ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport()) as client:
        deals = await client.deals.list(limit=1000)
        accounts = await client.accounts.list()
    fills = [step.filled for deal in deals for step in deal.buy_steps or () if step.filled is not None]
    assert sum(fill.is_nan() for fill in fills) == 4
    assert [account.btc_profit_percentage for account in accounts].count(Decimal("Infinity")) == 1
