"""Fake 3Commas server: seeded books, payload shapes, pagination, filters, state changes, paper vs real."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import httpx
import pytest

from threecommas_async._auth import HmacAuth
from threecommas_async._json import JsonNumber, loads
from threecommas_async.testing import FakeKey, FakeThreeCommas, ManualClock, Mode, Permission

Client = httpx.AsyncClient


pytestmark = pytest.mark.fake(seed=5, accounts=2, bots=3, deals=57, smart_trades=23, grid_bots=3, trades=6)


async def _json(client: Client, method: str, path: str, **kwargs: Any) -> Any:
    response = await client.request(method, path, **kwargs)
    assert response.status_code < 300, response.text
    return loads(response.content)


def test_seed_is_deterministic_and_books_are_separate() -> None:
    first, second = FakeThreeCommas(clock=ManualClock()), FakeThreeCommas(clock=ManualClock())
    first.seed(seed=9)
    second.seed(seed=9)
    assert first.book(Mode.REAL).deals == second.book(Mode.REAL).deals
    assert first.book(Mode.PAPER).smart_trades == second.book(Mode.PAPER).smart_trades
    assert not set(first.book(Mode.REAL).deals) & set(first.book(Mode.PAPER).deals)
    other = FakeThreeCommas(clock=ManualClock())
    other.seed(seed=10)
    assert other.book().deals != first.book().deals
    first.seed(seed=9)
    assert first.book().deals == second.book().deals


async def test_deal_payload_has_the_documented_shape(client: Client) -> None:
    deals = await _json(client, "GET", "/ver1/deals", params={"limit": 1})
    deal = deals[0]
    for field in (
        "id",
        "bot_id",
        "account_id",
        "pair",
        "status",
        "finished?",
        "cancellable?",
        "panic_sellable?",
        "bought_amount",
        "bought_volume",
        "final_profit",
        "take_profit_steps",
        "bot_events",
        "created_at",
    ):
        assert field in deal
    assert isinstance(deal["bought_volume"], str)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", deal["created_at"])
    shown = await _json(client, "GET", f"/ver1/deals/{deal['id']}/show")
    assert shown == deal


async def test_account_amounts_are_long_strings_and_some_json_numbers(client: Client) -> None:
    accounts = await _json(client, "GET", "/ver1/accounts")
    account = accounts[0]
    assert isinstance(account["usd_amount"], str)
    assert len(account["usd_amount"].replace(".", "").lstrip("0")) > 40
    number = account["total_primary_display_currency_profit"]["amount"]
    assert isinstance(number, JsonNumber)
    assert isinstance(account["dust_amount_btc"], JsonNumber)
    assert "e" in str(account["dust_amount_btc"]).lower()


async def test_deals_limit_offset_pages_end_with_a_short_page(client: Client, fake: FakeThreeCommas) -> None:
    seen: list[int] = []
    offset = 0
    while True:
        page = await _json(client, "GET", "/ver1/deals", params={"limit": 20, "offset": offset})
        seen.extend(deal["id"] for deal in page)
        if len(page) < 20:
            break
        offset += 20
    assert len(seen) == len(set(seen)) == len(fake.book().deals) == 57
    assert len(page) == 17


async def test_deals_scope_order_and_filters(client: Client, fake: FakeThreeCommas) -> None:
    active = await _json(client, "GET", "/ver1/deals", params={"scope": "active", "limit": 1000})
    finished = await _json(client, "GET", "/ver1/deals", params={"scope": "finished", "limit": 1000})
    assert active
    assert finished
    assert all(not deal["finished?"] for deal in active)
    assert all(deal["finished?"] for deal in finished)
    assert len(active) + len(finished) == 57
    ascending = await _json(
        client, "GET", "/ver1/deals", params={"order": "profit", "order_direction": "ASC", "limit": 1000}
    )
    profits = [Decimal(deal["final_profit"]) for deal in ascending]
    assert profits == sorted(profits)
    newest_first = await _json(client, "GET", "/ver1/deals", params={"limit": 1000})
    assert [deal["created_at"] for deal in newest_first] == sorted(
        (deal["created_at"] for deal in newest_first), reverse=True
    )
    bot_id = next(iter(fake.book().bots))
    by_bot = await _json(client, "GET", "/ver1/deals", params={"bot_id": bot_id, "limit": 1000})
    assert by_bot
    assert all(deal["bot_id"] == bot_id for deal in by_bot)


async def test_deals_limit_above_1000_is_refused(client: Client) -> None:
    response = await client.get("/ver1/deals", params={"limit": 1001})
    assert response.status_code == 400
    assert "limit" in loads(response.content)["error_attributes"]


async def test_smart_trades_page_per_page(client: Client) -> None:
    pages = []
    page_number = 1
    while True:
        page = await _json(client, "GET", "/v2/smart_trades", params={"page": page_number, "per_page": 10})
        pages.append(page)
        if len(page) < 10:
            break
        page_number += 1
    assert [len(page) for page in pages] == [10, 10, 3]
    ids = [trade["id"] for page in pages for trade in page]
    assert len(set(ids)) == 23
    trade = pages[0][0]
    assert {"account", "position", "take_profit", "stop_loss", "data", "profit", "status"} <= set(trade)
    sub_trades = await _json(client, "GET", f"/v2/smart_trades/{trade['id']}/trades")
    assert sub_trades[0]["trade_purpose"] == "position"


async def test_bot_lifecycle(client: Client, fake: FakeThreeCommas) -> None:
    account_id = next(iter(fake.book().accounts))
    created = await _json(
        client,
        "POST",
        "/ver1/bots/create_bot",
        json={
            "name": "Test bot",
            "account_id": account_id,
            "pairs": ["USDT_ETH"],
            "base_order_volume": "12.5",
            "take_profit": "1.8",
            "safety_order_volume": "20",
            "safety_order_step_percentage": "1.1",
            "max_safety_orders": 3,
            "active_safety_orders_count": 1,
            "martingale_volume_coefficient": "1.0",
            "martingale_step_coefficient": "1.0",
            "strategy_list": [{"strategy": "nonstop"}],
        },
    )
    bot_id = created["id"]
    assert created["is_enabled"] is False
    assert created["base_order_volume"] == "12.5"
    enabled = await _json(client, "POST", f"/ver1/bots/{bot_id}/enable")
    assert enabled["is_enabled"] is True
    deal = await _json(client, "POST", f"/ver1/bots/{bot_id}/start_new_deal")
    assert deal["bot_id"] == bot_id
    assert deal["status"] == "bought"
    shown = await _json(client, "GET", f"/ver1/bots/{bot_id}/show")
    assert shown["active_deals_count"] == 1
    panic = await _json(client, "POST", f"/ver1/deals/{deal['id']}/panic_sell")
    assert panic["status"] == "panic_sold"
    assert panic["finished?"] is True
    refused = await client.post(f"/ver1/deals/{deal['id']}/cancel")
    assert refused.status_code == 403
    cannot_delete = await client.post(f"/ver1/bots/{bot_id}/delete")
    assert cannot_delete.status_code == 403
    await _json(client, "POST", f"/ver1/bots/{bot_id}/disable")
    updated = await _json(client, "PATCH", f"/ver1/bots/{bot_id}/update", json={"name": "Renamed", "take_profit": "2"})
    assert updated["name"] == "Renamed"
    await _json(client, "POST", f"/ver1/bots/{bot_id}/delete")
    assert (await client.get(f"/ver1/bots/{bot_id}/show")).status_code == 404


async def test_cancel_all_deals_of_a_bot(client: Client, fake: FakeThreeCommas) -> None:
    book = fake.book()
    bot_id = next(bot for bot in book.bots if book.active_deals(bot))
    await _json(client, "POST", f"/ver1/bots/{bot_id}/cancel_all_deals")
    assert book.active_deals(bot_id) == []
    assert book.bots[bot_id]["active_deals_count"] == 0


async def test_smart_trade_lifecycle(client: Client, fake: FakeThreeCommas) -> None:
    account_id = next(iter(fake.book().accounts))
    created = await _json(
        client,
        "POST",
        "/v2/smart_trades",
        json={
            "account_id": account_id,
            "pair": "USDT_SOL",
            "position": {"type": "buy", "order_type": "limit", "units": {"value": "1.25"}, "price": {"value": "140.5"}},
            "take_profit": {"enabled": True, "steps": [{"order_type": "limit", "volume": 50}, {"volume": 50}]},
        },
    )
    trade_id = created["id"]
    assert created["status"]["type"] == "waiting_position"
    assert created["position"]["units"]["value"] == "1.25"
    assert len(await _json(client, "GET", f"/v2/smart_trades/{trade_id}/trades")) == 3
    updated = await _json(
        client, "PATCH", f"/v2/smart_trades/{trade_id}", json={"position": {"price": {"value": "139"}}}
    )
    assert updated["position"]["price"]["value"] == "139"
    started = await _json(client, "POST", f"/v2/smart_trades/{trade_id}/force_start")
    assert started["status"]["type"] == "waiting_targets"
    closed = await _json(client, "POST", f"/v2/smart_trades/{trade_id}/close_by_market")
    assert closed["data"]["finished"] is True
    assert (await client.delete(f"/v2/smart_trades/{trade_id}")).status_code == 403


async def test_smart_trade_create_validates_position(client: Client, fake: FakeThreeCommas) -> None:
    account_id = next(iter(fake.book().accounts))
    response = await client.post(
        "/v2/smart_trades",
        json={"account_id": account_id, "pair": "USDT_SOL", "position": {"type": "buy", "order_type": "limit"}},
    )
    assert response.status_code == 400
    assert "position[units][value]" in loads(response.content)["error_attributes"]


async def test_grid_bots_and_simple_trades(client: Client, fake: FakeThreeCommas) -> None:
    grid_bots = await _json(client, "GET", "/ver1/grid_bots")
    assert len(grid_bots) == 3
    grid_id = grid_bots[0]["id"]
    disabled = await _json(client, "POST", f"/ver1/grid_bots/{grid_id}/disable")
    assert disabled["is_enabled"] is False
    assert (await _json(client, "GET", f"/ver1/grid_bots/{grid_id}/events"))[0]["message"] == "Grid bot stopped"
    account_id = next(iter(fake.book().accounts))
    trade = await _json(
        client,
        "POST",
        "/ver1/trades",
        json={
            "account_id": account_id,
            "pair": "USDT_ADA",
            "order": {"type": "limit", "side": "buy"},
            "units": {"value": "100"},
            "price": {"value": "0.44"},
        },
    )
    uuid = trade["trade"]["uuid"]
    assert (await _json(client, "GET", f"/ver1/trades/{uuid}"))["trade"]["status"]["value"] == "processing"
    cancelled = await _json(client, "POST", f"/ver1/trades/{uuid}/cancel")
    assert cancelled["trade"]["status"]["value"] == "cancelled"
    history = await _json(client, "GET", "/ver1/trades/history", params={"limit": 100})
    assert uuid in {item["uuid"] for item in history["trades"]}


async def test_paper_and_real_books_are_independent(fake: FakeThreeCommas, key: FakeKey) -> None:
    async with fake.http_client(key, forced_mode=Mode.PAPER) as paper, fake.http_client(key) as real:
        paper_deals = await _json(paper, "GET", "/ver1/deals", params={"limit": 1000, "scope": "active"})
        real_deals = await _json(real, "GET", "/ver1/deals", params={"limit": 1000})
        target = paper_deals[0]["id"]
        assert (await real.get(f"/ver1/deals/{target}/show")).status_code == 404
        await _json(paper, "POST", f"/ver1/deals/{target}/cancel")
        paper_accounts = await _json(paper, "GET", "/ver1/accounts")
    assert not {deal["id"] for deal in paper_deals} & {deal["id"] for deal in real_deals}
    assert fake.book(Mode.PAPER).deals[target]["status"] == "cancelled"
    assert all(account["market_code"] == "paper_trading" for account in paper_accounts)
    assert {record.mode for record in fake.requests} == {Mode.PAPER, Mode.REAL}


async def test_forced_mode_header_is_validated(client: Client) -> None:
    response = await client.get("/ver1/deals", headers={"Forced-Mode": "demo"})
    assert response.status_code == 400
    assert loads(response.content)["error"] == "invalid_forced_mode"


async def test_mode_comes_from_header_then_key_default_then_user_mode(fake: FakeThreeCommas, key: FakeKey) -> None:
    paper_key = fake.add_key(default_mode=Mode.PAPER)
    async with fake.http_client(paper_key) as client:
        assert (await _json(client, "GET", "/ver1/users/current_mode")) == {"mode": "paper"}
        forced = await _json(client, "GET", "/ver1/users/current_mode", headers={"Forced-Mode": "real"})
        assert forced == {"mode": "real"}
    async with fake.http_client(key) as client:
        assert (await _json(client, "GET", "/ver1/users/current_mode")) == {"mode": "real"}
        await _json(client, "POST", "/ver1/users/change_mode", json={"mode": "paper"})
        assert (await _json(client, "GET", "/ver1/users/current_mode")) == {"mode": "paper"}


async def test_transfers_are_recorded(client: Client, fake: FakeThreeCommas) -> None:
    first, second = list(fake.book().accounts)[:2]
    transfer = await _json(
        client,
        "POST",
        "/ver1/accounts/transfer",
        json={
            "currency": "USDT",
            "amount": "12.345678901234567890123",
            "from_account_id": first,
            "to_account_id": second,
        },
    )
    assert transfer["amount"] == "12.345678901234567890123"
    history = await _json(client, "GET", "/ver1/accounts/transfer_history", params={"account_id": second})
    assert [item["id"] for item in history] == [transfer["id"]]


async def test_form_encoded_rails_brackets_are_understood(client: Client, fake: FakeThreeCommas) -> None:
    account_id = next(iter(fake.book().accounts))
    response = await client.post(
        "/v2/smart_trades",
        data={
            "account_id": str(account_id),
            "pair": "USDT_BTC",
            "position[type]": "buy",
            "position[order_type]": "market",
            "position[units][value]": "0.01",
        },
    )
    assert response.status_code == 201
    assert loads(response.content)["position"]["units"]["value"] == "0.01"


async def test_malformed_request_json_is_400(client: Client) -> None:
    response = await client.post(
        "/ver1/bots/create_bot", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert loads(response.content)["error"] == "invalid_json"


def _catalog() -> Any:
    catalog = pytest.importorskip("threecommas_async.resources._catalog", reason="endpoint catalog not generated yet")
    return catalog.ENDPOINTS


def test_every_catalog_endpoint_is_routed_with_the_same_security(fake: FakeThreeCommas) -> None:
    endpoints = _catalog()
    missing = []
    for endpoint in endpoints:
        route = fake.routes.get(endpoint.method, endpoint.path)
        if route is None:
            missing.append(f"{endpoint.method} {endpoint.path}")
            continue
        permission = None if endpoint.permission in (None, "NONE") else Permission[endpoint.permission]
        assert (route.permission, route.signed) == (permission, endpoint.signed), endpoint.qualified_name
    assert missing == []
    assert len(fake.routes) == len({(endpoint.method, endpoint.path) for endpoint in endpoints})


def _concrete(template: str, fake: FakeThreeCommas) -> str:
    book = fake.book()
    smart_trade_id = next(iter(book.smart_trades))
    values = {
        "account_id": next(iter(book.accounts)),
        "bot_id": next(iter(book.bots)),
        "deal_id": next(deal_id for deal_id, deal in book.deals.items() if not deal["finished?"]),
        "id": smart_trade_id if template.startswith("/v2/") else next(iter(book.grid_bots)),
        "smart_trade_id": smart_trade_id,
        "trade_id": book.smart_trade_trades[smart_trade_id][-1]["id"],
        "uuid": next(iter(book.trades)),
        "item_id": 101,
    }
    if template.startswith("/ver1/portfolios/{id}"):
        values["id"] = next(iter(book.portfolios))
    return re.sub(r"\{(\w+)\}", lambda match: str(values[match.group(1)]), template)


async def test_every_route_answers_json_without_a_server_error(fake: FakeThreeCommas, client: Client) -> None:
    fake.rate_limiter.budgets = []
    failures = []
    for route in list(fake.routes):
        path = _concrete(route.template, fake)
        response = await client.request(route.method, path)
        body: Any = json.loads(response.content) if response.content else None
        documented_bare = response.status_code < 300 and body in (True, None)
        if response.status_code >= 500 or not (isinstance(body, (dict, list)) or documented_bare):
            failures.append(f"{route.method} {path} -> {response.status_code}")
        if route.method == "GET" and response.status_code >= 300 and response.status_code != 400:
            failures.append(f"{route.method} {path} -> {response.status_code} {body}")
        if response.status_code >= 400:
            assert "error" in body
    assert failures == []


async def test_app_works_with_a_plain_asgi_transport(fake: FakeThreeCommas, key: FakeKey) -> None:
    assert key.secret is not None
    transport = httpx.ASGITransport(app=fake.app)
    auth = HmacAuth(key.api_key, key.secret)
    base_url = "https://api.3commas.io/public/api"
    async with httpx.AsyncClient(transport=transport, base_url=base_url, auth=auth) as client:
        response = await client.get("/ver1/bots", params={"limit": 1})
    assert response.status_code == 200
    assert len(loads(response.content)) == 1


async def test_a_broken_book_answers_500_not_an_exception(fake: FakeThreeCommas, client: Client) -> None:
    deal = next(iter(fake.book().deals.values()))
    del deal["finished?"]
    response = await client.get("/ver1/deals", params={"scope": "active"})
    assert response.status_code == 500
    assert loads(response.content)["error"] == "internal_server_error"
