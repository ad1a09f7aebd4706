"""The generated layer's static types: ``mypy --strict tests/test_codegen_types.py`` checks the
``assert_type`` lines (typed by the endpoint, no cast; raw twins typed ``RawResponse[T]``); the test
below checks at run time that the twin of a method answers the same call with a ``RawResponse``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest

from threecommas_async import DeprecatedEndpointWarning, RawResponse, ThreeCommas
from threecommas_async.models import AvailableStrategy, CredentialsValidity, Deal, Ping

if TYPE_CHECKING:
    from typing_extensions import assert_type

    from threecommas_async._pagination import AsyncPaginator

    async def _static_types(client: ThreeCommas) -> None:
        assert_type(await client.deals.show(1), Deal)
        assert_type(await client.deals.list(), list[Deal])
        assert_type(await client.deals.with_raw_response.show(1), RawResponse[Deal])
        assert_type(await client.deals.with_raw_response.list(limit=5), RawResponse[list[Deal]])
        assert_type(client.deals.iterate(scope="active"), AsyncPaginator[Deal])
        assert_type(await client.general.validate_credentials(), CredentialsValidity)
        assert_type(await client.bots.delete(1), bool)
        assert_type(await client.grid_bots.delete(1), None)
        assert_type(await client.market_data.pairs_v1(), list[str])
        assert_type(await client.bots.strategies(), dict[str, AvailableStrategy])
        assert_type(await client.users.current_mode(), Any)
        assert_type(await client.general.with_raw_response.ping(), RawResponse[Ping])


async def test_raw_twin_runs_the_same_call_and_returns_the_raw_response() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"id": 7, "pair": "USDT_BTC"}, headers={"X-Trace": "t"})

    transport = httpx.MockTransport(answer)
    async with ThreeCommas(api_key="k", api_secret="s", transport=transport) as client:
        plain = await client.deals.show(7)
        raw = await client.deals.with_raw_response.show(7)
    assert isinstance(plain, Deal)
    assert isinstance(raw, RawResponse)
    assert raw.parsed == plain
    assert raw.headers["X-Trace"] == "t"
    assert [request.url.path for request in seen] == ["/public/api/ver1/deals/7/show"] * 2


async def test_deprecation_warnings_point_at_the_caller_for_both_twins() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=[]))
    async with ThreeCommas(api_key="k", api_secret="s", transport=transport) as client:
        with pytest.warns(DeprecatedEndpointWarning) as plain:
            await client.portfolios.list_legacy()
        with pytest.warns(DeprecatedEndpointWarning) as raw:
            await client.portfolios.with_raw_response.list_legacy()
    assert [warning.filename for warning in (*plain, *raw)] == [__file__, __file__]


async def _client_level_raw_response_is_typed(client: ThreeCommas) -> None:
    assert_type(await client.with_raw_response.general.ping(), RawResponse[Ping])
