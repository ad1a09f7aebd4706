"""Pagination: the pure paging core, the paginator over a scripted server, and the real client with respx."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import httpx
import pytest
import respx
from support import MakeClient

from threecommas_async import ValidationError, _validation
from threecommas_async._endpoint import Endpoint, RequestSpec
from threecommas_async._pagination import (
    MAX_REPEATED_PAGES,
    AsyncPaginator,
    PageCursor,
    fresh_rows,
    page_size_for,
    row_key,
)
from threecommas_async.resources import BY_NAME

BASE_URL = "https://api.3commas.io/public/api"
DEALS_LIST = BY_NAME["deals.list"]
SMART_TRADES_LIST = BY_NAME["smart_trades.list"]


@attrs.frozen
class Row:
    id: int


# -- pure core -------------------------------------------------------------------------------------


def test_offset_cursor_walks_by_page_size() -> None:
    cursor = PageCursor("offset", 50)
    assert cursor.arguments() == {"limit": 50, "offset": 0}
    second = cursor.advance(50)
    assert second is not None
    assert second.arguments() == {"limit": 50, "offset": 50}
    third = second.advance(50)
    assert third is not None
    assert third.arguments() == {"limit": 50, "offset": 100}


def test_page_cursor_counts_pages_from_one() -> None:
    cursor = PageCursor("page", 100)
    assert cursor.arguments() == {"page": 1, "per_page": 100}
    following = cursor.advance(100)
    assert following is not None
    assert following.arguments() == {"page": 2, "per_page": 100}


@pytest.mark.parametrize("received", [0, 1, 49])
def test_short_page_ends_the_walk(received: int) -> None:
    assert PageCursor("offset", 50).advance(received) is None
    assert PageCursor("page", 50, index=3).advance(received) is None


def test_page_size_defaults_to_the_endpoint_maximum_and_is_capped() -> None:
    assert page_size_for(DEALS_LIST, None) == 1000
    assert page_size_for(DEALS_LIST, 250) == 250
    assert page_size_for(DEALS_LIST, 5000) == 1000
    assert page_size_for(SMART_TRADES_LIST, None) == 100
    assert page_size_for(SMART_TRADES_LIST, 101) == 100
    assert page_size_for(BY_NAME["bots.list"], None) == 100


@pytest.mark.parametrize("bad", [0, -1, True, 2.5, "10"])
def test_page_size_must_be_a_positive_int(bad: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        page_size_for(DEALS_LIST, bad)
    assert caught.value.param == "page_size"
    assert caught.value.endpoint == "deals.list"


def test_row_keys() -> None:
    assert row_key(Row(3)) == ("id", 3)
    assert row_key({"id": 4}) == ("id", 4)
    assert row_key({"uuid": "u1"}) == ("uuid", "u1")
    assert row_key({"name": "x"}) is None
    assert row_key({"id": ["unhashable"]}) is None


def test_fresh_rows_drops_seen_keys_and_keeps_keyless_rows() -> None:
    seen: set[Any] = set()
    assert fresh_rows([Row(1), Row(2)], seen) == [Row(1), Row(2)]
    assert fresh_rows([Row(2), Row(3), {"name": "a"}, {"name": "a"}], seen) == [Row(3), {"name": "a"}, {"name": "a"}]
    assert fresh_rows([Row(3), Row(3)], set()) == [Row(3)]


# -- the paginator over a scripted, in-memory server ------------------------------------------------


class ScriptedServer:
    """Answers ``_call_endpoint`` from an in-memory, newest-first table; records every call."""

    def __init__(self, rows: list[int], *, ignore_offset: bool = False) -> None:
        self.rows = rows
        self.ignore_offset = ignore_offset
        self.calls: list[dict[str, Any]] = []
        self.priorities: list[str | None] = []
        self.before_call: list[Any] = []

    async def _call_endpoint(
        self, endpoint: Endpoint[Any], arguments: Mapping[str, Any], *, priority: str | None = None
    ) -> Any:
        self.calls.append(dict(arguments))
        self.priorities.append(priority)
        if self.before_call:
            self.before_call.pop(0)(self)
        if "limit" in arguments:
            size, start = arguments["limit"], arguments["offset"]
        else:
            size, start = arguments["per_page"], (arguments["page"] - 1) * arguments["per_page"]
        if self.ignore_offset:
            start = 0
        return [Row(row_id) for row_id in self.rows[start : start + size]]


def paginator(
    server: ScriptedServer, endpoint: Endpoint[Any] = DEALS_LIST, page_size: int = 2, **filters: Any
) -> AsyncPaginator[Any]:
    return AsyncPaginator(server, endpoint, filters, page_size=page_size)


async def test_offset_walk_ends_on_a_short_page() -> None:
    server = ScriptedServer([5, 4, 3, 2, 1])
    rows = [row.id async for row in paginator(server, scope="active")]
    assert rows == [5, 4, 3, 2, 1]
    assert server.calls == [
        {"scope": "active", "limit": 2, "offset": 0},
        {"scope": "active", "limit": 2, "offset": 2},
        {"scope": "active", "limit": 2, "offset": 4},
    ]


async def test_full_last_page_needs_one_empty_page() -> None:
    server = ScriptedServer([4, 3, 2, 1])
    pages = [[row.id for row in page] async for page in paginator(server).pages()]
    assert pages == [[4, 3], [2, 1]]
    assert [call["offset"] for call in server.calls] == [0, 2, 4]


async def test_page_style_walk() -> None:
    server = ScriptedServer([9, 8, 7, 6, 5])
    rows = [row.id async for row in paginator(server, SMART_TRADES_LIST, page_size=3)]
    assert rows == [9, 8, 7, 6, 5]
    assert server.calls == [{"page": 1, "per_page": 3}, {"page": 2, "per_page": 3}]


async def test_rows_created_during_the_walk_are_neither_lost_nor_repeated() -> None:
    server = ScriptedServer([6, 5, 4, 3, 2, 1])

    def new_row_arrives(s: ScriptedServer) -> None:
        s.rows.insert(0, 7)

    server.before_call = [lambda s: None, new_row_arrives]
    rows = [row.id async for row in paginator(server, page_size=2)]
    assert rows == [6, 5, 4, 3, 2, 1]
    assert [call["offset"] for call in server.calls] == [0, 2, 4, 6]


async def test_a_whole_page_of_new_rows_is_skipped_not_fatal() -> None:
    server = ScriptedServer([6, 5, 4, 3, 2, 1])

    def page_of_new_rows(s: ScriptedServer) -> None:
        s.rows[:0] = [8, 7]

    server.before_call = [lambda s: None, page_of_new_rows]
    rows = [row.id async for row in paginator(server, page_size=2)]
    assert rows == [6, 5, 4, 3, 2, 1]


async def test_a_server_ignoring_the_offset_cannot_loop_forever() -> None:
    server = ScriptedServer([3, 2, 1], ignore_offset=True)
    rows = [row.id async for row in paginator(server, page_size=2)]
    assert rows == [3, 2]
    assert len(server.calls) == 1 + MAX_REPEATED_PAGES


async def test_awaiting_returns_the_first_page_only() -> None:
    server = ScriptedServer([5, 4, 3, 2, 1])
    first = await paginator(server)
    assert [row.id for row in first] == [5, 4]
    assert len(server.calls) == 1


async def test_each_walk_starts_again() -> None:
    server = ScriptedServer([2, 1])
    walker = paginator(server, page_size=5)
    assert [row.id async for row in walker] == [2, 1]
    assert [row.id async for row in walker] == [2, 1]


async def test_page_size_is_capped_in_requests() -> None:
    server = ScriptedServer([1])
    walker = AsyncPaginator(server, DEALS_LIST, {}, page_size=10_000)
    assert walker.page_size == 1000
    await walker
    assert server.calls == [{"limit": 1000, "offset": 0}]


def test_unpaginated_endpoint_is_refused() -> None:
    with pytest.raises(ValueError, match="not paginated"):
        AsyncPaginator(ScriptedServer([]), BY_NAME["deals.show"], {})


# -- through the client ----------------------------------------------------------------------------


def _deal(deal_id: int) -> dict[str, Any]:
    return {"id": deal_id, "pair": "USDT_SOL", "bought_volume": "12.000000000000000000001"}


async def test_client_iterates_deals_with_limit_and_offset(make_client: MakeClient) -> None:
    table = [_deal(deal_id) for deal_id in range(107, 100, -1)]

    def answer(request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params["limit"])
        offset = int(request.url.params["offset"])
        return httpx.Response(200, json=table[offset : offset + limit])

    with respx.mock(base_url=BASE_URL) as router:
        route = router.get("/ver1/deals").mock(side_effect=answer)
        async with make_client(api_key="k", api_secret="s", rate_limit=None) as client:
            deals = [deal async for deal in client.deals.iterate(scope="finished", page_size=3)]
    assert [deal.id for deal in deals] == list(range(107, 100, -1))
    queries = [dict(call.request.url.params) for call in route.calls]
    assert queries == [
        {"scope": "finished", "limit": "3", "offset": "0"},
        {"scope": "finished", "limit": "3", "offset": "3"},
        {"scope": "finished", "limit": "3", "offset": "6"},
    ]


async def test_client_iterates_smart_trades_with_page_and_per_page(make_client: MakeClient) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        rows = [{"id": 1000 + index} for index in range(100)] if page == 1 else [{"id": 5}]
        return httpx.Response(200, json=rows)

    with respx.mock(base_url=BASE_URL) as router:
        route = router.get("/v2/smart_trades").mock(side_effect=answer)
        async with make_client(api_key="k", api_secret="s", rate_limit=None) as client:
            trades = [trade async for trade in client.smart_trades.iterate(status="active")]
    assert len(trades) == 101
    assert [dict(call.request.url.params) for call in route.calls] == [
        {"status": "active", "page": "1", "per_page": "100"},
        {"status": "active", "page": "2", "per_page": "100"},
    ]


async def test_client_paginator_validates_filters_before_sending(make_client: MakeClient) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        route = router.get("/ver1/deals").mock(return_value=httpx.Response(200, json=[]))
        async with make_client(api_key="k", api_secret="s", rate_limit=None) as client:
            with pytest.raises(ValidationError) as caught:
                await client.deals.iterate(scope="open")  # type: ignore[arg-type]
    assert caught.value.param == "scope"
    assert not route.called


# -- priority lanes --------------------------------------------------------------------------------


async def test_priority_rides_on_every_page_request() -> None:
    server = ScriptedServer([5, 4, 3, 2, 1])
    rows = [row.id async for row in AsyncPaginator(server, DEALS_LIST, {}, page_size=2, priority="bulk")]
    assert rows == [5, 4, 3, 2, 1]
    assert server.priorities == ["bulk", "bulk", "bulk"]


async def test_priority_defaults_to_the_clients_default() -> None:
    server = ScriptedServer([1])
    await paginator(server)
    assert server.priorities == [None]


def test_an_unknown_priority_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        AsyncPaginator(ScriptedServer([]), DEALS_LIST, {}, priority="high")  # type: ignore[arg-type]
    assert caught.value.param == "priority"


async def test_generated_iterate_sends_its_priority_to_the_send_loop(
    monkeypatch: pytest.MonkeyPatch, make_client: MakeClient
) -> None:
    built: list[RequestSpec] = []
    real_prepare = _validation.prepare

    def prepare(endpoint: Endpoint[Any], arguments: Mapping[str, Any], *, priority: str | None = None) -> RequestSpec:
        built.append(real_prepare(endpoint, arguments, priority=priority))
        return built[-1]

    monkeypatch.setattr(_validation, "prepare", prepare)
    with respx.mock(base_url=BASE_URL) as router:
        router.get("/ver1/deals").mock(return_value=httpx.Response(200, json=[_deal(7)]))
        async with make_client(api_key="k", api_secret="s", rate_limit=None) as client:
            assert [deal.id async for deal in client.deals.iterate(scope="active", priority="bulk")] == [7]
            assert [deal.id for deal in await client.deals.iterate()] == [7]
            assert [deal.id for deal in await client.deals.list()] == [7]
    assert [spec.priority for spec in built] == ["bulk", None, None]
