"""JSON constants and exact number text through the client: ``request()`` and a typed endpoint."""

from __future__ import annotations

from decimal import Decimal

import httpx

from threecommas_async import JsonNumber, ThreeCommas
from threecommas_async._clock import VirtualClock
from threecommas_async.models import Account

BODY = b'[{"id": 7, "usd_amount": NaN, "day_profit_usd_percentage": Infinity, "btc_amount": -1.1e-19, "x": -Infinity}]'


def _client() -> ThreeCommas:
    clock = VirtualClock()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=BODY, headers={"content-type": "application/json"})

    return ThreeCommas(
        "json-key", "json-secret-value", transport=httpx.MockTransport(answer), clock=clock, sleep=clock.sleep
    )


async def test_request_gives_decimals_for_json_constants() -> None:
    async with _client() as client:
        (row,) = await client.request("GET", "/ver1/accounts")
    for key in ("usd_amount", "day_profit_usd_percentage", "x"):
        assert type(row[key]) is JsonNumber
        assert not isinstance(row[key], float)
    assert row["usd_amount"].is_nan()
    assert row["day_profit_usd_percentage"] == Decimal("Infinity")
    assert str(row["btc_amount"]) == "-1.1e-19"


async def test_a_typed_page_with_constants_is_not_poisoned() -> None:
    async with _client() as client:
        (account,) = await client.accounts.list()
    assert isinstance(account, Account)
    assert account.usd_amount is not None
    assert account.usd_amount.is_nan()
    assert account.btc_amount == Decimal("-1.1e-19")
    assert account.extra["x"] == Decimal("-Infinity")
    assert not account.field_errors
