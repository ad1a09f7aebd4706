"""Both HTTP backends (httpx's pool, aiohttp behind httpx) against the fake over real loopback HTTP.

The same calls run on each: signed reads and writes, typed API errors, a retried 5xx, a dropped connection
after a write (outcome unknown, never repeated), a paginator, a burst under the limiter. Then what the
aiohttp wire's errors mean (``httpx-aiohttp`` alone would call a dropped POST "never sent"), and the pool.
"""

from __future__ import annotations

import asyncio
import builtins
import logging
import re
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from threecommas_async import (
    AuthenticationError,
    NotFoundError,
    OutcomeUnknownError,
    ThreeCommas,
    ValidationError,
    default_policy,
)
from threecommas_async._auth import HmacAuth
from threecommas_async._http import HttpBackend, build_http_client, build_transport
from threecommas_async.models import Deal
from threecommas_async.testing import FakeThreeCommas, Mode, Phase

pytest.importorskip("uvicorn")
pytest.importorskip("httpx_aiohttp")

BACKENDS: tuple[HttpBackend, ...] = ("httpx", "aiohttp")
DEAL_SHOW = ("GET", "/ver1/deals/{deal_id}/show")
PANIC_SELL = ("POST", "/ver1/deals/{deal_id}/panic_sell")


async def _no_wait(seconds: float) -> None:
    await asyncio.sleep(0)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> HttpBackend:
    value: HttpBackend = request.param
    return value


@pytest.fixture
async def base_url(fake_3commas: FakeThreeCommas) -> AsyncIterator[str]:
    async with fake_3commas.serve() as url:
        yield url


@pytest.fixture
async def client(fake_3commas: FakeThreeCommas, base_url: str, backend: HttpBackend) -> AsyncIterator[ThreeCommas]:
    key = fake_3commas.default_key
    async with ThreeCommas(
        key.api_key,
        key.secret,
        base_url=base_url,
        rate_limit=default_policy().scaled(fake_3commas.time_scale),
        http_backend=backend,
        timeout=10.0,
        sleep=_no_wait,
    ) as made:
        yield made


def _active_deal(fake: FakeThreeCommas) -> int:
    return next(deal_id for deal_id, deal in fake.book(Mode.REAL).deals.items() if not deal["finished?"])


def _statuses(fake: FakeThreeCommas, template: str) -> list[int | None]:
    return [record.status for record in fake.requests if record.template == template]


async def test_signed_read_and_write(client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    deal_id = _active_deal(fake_3commas)

    bots = await client.bots.list(limit=2, order_direction="ASC")
    updated = await client.deals.update(deal_id, take_profit=Decimal("1.625"))

    assert len(bots) == 2
    assert updated.take_profit == Decimal("1.625")
    assert {record.status for record in fake_3commas.requests} == {200}


async def test_typed_errors(
    client: ThreeCommas, fake_3commas: FakeThreeCommas, base_url: str, backend: HttpBackend
) -> None:
    with pytest.raises(NotFoundError):
        await client.deals.show(10**9)
    key = fake_3commas.default_key.api_key
    async with ThreeCommas(key, "not-the-secret", base_url=base_url, rate_limit=None, http_backend=backend) as wrong:
        with pytest.raises(AuthenticationError):
            await wrong.bots.list()


async def test_server_error_on_a_read_is_retried(client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.server_error(502, endpoints=[DEAL_SHOW], times=1)

    deal = await client.deals.show(deal_id)

    assert isinstance(deal, Deal)
    assert _statuses(fake_3commas, DEAL_SHOW[1]) == [502, 200]


async def test_dropped_connection_on_a_read_is_retried(client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.connection_reset(endpoints=[DEAL_SHOW], times=1)

    deal = await client.deals.show(deal_id)

    assert deal.id == deal_id
    assert _statuses(fake_3commas, DEAL_SHOW[1]) == [None, 200]


async def test_dropped_connection_after_a_write_is_outcome_unknown_and_not_repeated(
    client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    deal_id = _active_deal(fake_3commas)
    fake_3commas.faults.connection_reset(endpoints=[PANIC_SELL], phase=Phase.AFTER_HANDLER)

    with pytest.raises(OutcomeUnknownError):
        await client.deals.panic_sell(deal_id)

    assert len(_statuses(fake_3commas, PANIC_SELL[1])) == 1


async def test_paginator_walks_every_page(client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    fake_3commas.seed(seed=7, deals=130, smart_trades=0, bots=2)

    ids = [deal.id async for deal in client.deals.iterate(page_size=50)]

    assert len(ids) == len(set(ids)) == 130
    assert set(ids) == set(fake_3commas.book(Mode.REAL).deals)
    assert fake_3commas.counters.by_template["GET /ver1/deals"] == 3


async def test_a_burst_under_the_limiter_draws_no_429(client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    await asyncio.gather(*(client.request("GET", "/ver1/bots") for _ in range(40)))

    assert _statuses(fake_3commas, "/ver1/bots") == [200] * 40


def test_unknown_backend_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="http_backend"):
        build_transport("curl", max_connections=4)  # type: ignore[arg-type]


def test_a_transport_and_a_non_default_backend_conflict() -> None:
    with pytest.raises(ValidationError, match="http_backend"):
        build_http_client("aiohttp", transport=httpx.MockTransport(lambda request: httpx.Response(200)))


def test_pool_keeps_every_connection_alive() -> None:
    transport = build_transport("httpx", max_connections=50)

    assert isinstance(transport, httpx.AsyncHTTPTransport)
    pool: Any = transport._pool
    assert pool._max_connections == 50
    assert pool._max_keepalive_connections == 50


def test_missing_aiohttp_extra_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def refuse_httpx_aiohttp(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "httpx_aiohttp" or name.endswith("_http_aiohttp"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse_httpx_aiohttp)
    with pytest.raises(ImportError, match=r"threecommas_async\[aiohttp\]"):
        build_transport("aiohttp", max_connections=4)


async def test_a_default_client_keeps_eight_connections_alive() -> None:
    async with ThreeCommas("key-a", "secret-a", rate_limit=None) as made:
        pool: Any = made._sender.http._transport._pool  # type: ignore[attr-defined]

        assert pool._max_connections == 8
        assert pool._max_keepalive_connections == 8


async def test_httpx_wire_still_reads_proxies_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")

    async with build_http_client("httpx", max_connections=4) as http:
        proxies = [pattern for pattern, mounted in http._mounts.items() if mounted is not None]

    assert proxies


async def test_a_backend_with_a_ready_http_client_is_refused() -> None:
    async with httpx.AsyncClient() as http:
        with pytest.raises(ValidationError, match="http_backend"):
            ThreeCommas("key-a", "secret-a", http_client=http, http_backend="aiohttp")


async def test_a_query_that_needs_encoding_is_signed_as_sent(
    client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    await client.request("GET", "/ver1/bots", params={"label": "a b&c/é+"})

    record = fake_3commas.requests[-1]
    assert (record.template, record.status) == ("/ver1/bots", 200)
    assert record.query == "label=a+b%26c%2F%C3%A9%2B"


async def test_the_response_carries_the_request_as_sent(client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    raw = await client.general.with_raw_response.ping()

    request = raw.http_response.request
    assert request.method == "GET"
    assert request.url.path.endswith("/ver1/ping")
    assert raw.http_response.elapsed.total_seconds() >= 0


async def test_the_sdks_own_client_keeps_no_cookies() -> None:
    cookies_sent: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        cookies_sent.append(request.headers.get("cookie"))
        return httpx.Response(200, headers={"set-cookie": "session=abc; Path=/"}, json=[])

    async with ThreeCommas("key-a", "secret-a", transport=httpx.MockTransport(answer), rate_limit=None) as made:
        await made.request("GET", "/ver1/bots")
        await made.request("GET", "/ver1/bots")

    assert cookies_sent == [None, None]


async def test_the_aiohttp_session_has_no_cookie_jar() -> None:
    import aiohttp

    transport: Any = build_transport("aiohttp", max_connections=2)
    try:
        assert isinstance(transport.session().cookie_jar, aiohttp.DummyCookieJar)
    finally:
        await transport.aclose()


async def test_a_callers_http_client_is_used_with_its_hooks_and_signed_on_its_url() -> None:
    hooked: list[httpx.Request] = []

    async def hook(request: httpx.Request) -> None:
        hooked.append(request)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[])

    http = httpx.AsyncClient(
        transport=httpx.MockTransport(answer), event_hooks={"request": [hook]}, params={"extra": "x y"}
    )
    async with http, ThreeCommas("key-a", "secret-a", http_client=http, rate_limit=None) as made:
        await made.request("GET", "/ver1/bots", params={"limit": 3})

    (request,) = hooked
    assert request.url.raw_path in (  # httpx < 0.28 writes a space in a query as %20
        b"/public/api/ver1/bots?extra=x+y&limit=3",
        b"/public/api/ver1/bots?extra=x%20y&limit=3",
    )
    expected = HmacAuth("key-a", "secret-a").headers_for(request.url.raw_path, b"")
    assert request.headers["Signature"] == expected["Signature"]


async def test_each_attempt_logs_its_status_and_time_at_debug(
    client: ThreeCommas, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="threecommas_async")

    await client.request("GET", "/ver1/bots")

    assert re.search(r"GET /ver1/bots -> 200 in \d+\.\d{3}s", caplog.text)
