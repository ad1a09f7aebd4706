"""Trading guards and per-call conventions: refused before any I/O, or checked against the answer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from support import MakeClient

from threecommas_async import ThreeCommas, VirtualClock
from threecommas_async._exceptions import (
    PaperModeIgnoredError,
    ReadOnlyError,
    RealModeRefusedError,
    TradingGuardError,
)

Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler, **kwargs: Any) -> ThreeCommas:
    clock = VirtualClock()
    return ThreeCommas(
        "guard-key", "guard-secret-value", transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep,
        **kwargs,
    )


def never(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"sent {request.method} {request.url}")


def recorder(answer: Any = None) -> tuple[list[httpx.Request], Handler]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=answer if answer is not None else {})

    return seen, handler


async def test_read_only_refuses_every_change_before_sending() -> None:
    client = client_for(never, read_only=True)
    with pytest.raises(ReadOnlyError):
        await client.deals.panic_sell(1)
    with pytest.raises(ReadOnlyError):
        await client.bots.enable(1)
    with pytest.raises(ReadOnlyError):
        await client.request("POST", "/ver1/bots/1/disable")


async def test_read_only_still_reads() -> None:
    seen, handler = recorder([])
    client = client_for(handler, read_only=True)
    assert await client.request("GET", "/ver1/accounts") == []
    assert len(seen) == 1


async def test_paper_only_sends_forced_mode_paper_on_every_change() -> None:
    seen, handler = recorder()
    client = client_for(handler, paper_only=True)
    await client.request("POST", "/ver1/bots/1/enable")
    await client.request("GET", "/ver1/bots")
    assert seen[0].headers["Forced-Mode"] == "paper"
    assert "Forced-Mode" not in seen[1].headers


async def test_paper_only_refuses_real_mode_everywhere() -> None:
    with pytest.raises(RealModeRefusedError):
        ThreeCommas("k", "s", paper_only=True, forced_mode="real")
    client = client_for(never, paper_only=True)
    with pytest.raises(RealModeRefusedError):
        client.with_options(forced_mode="real")


async def test_paper_only_raises_when_the_server_ignored_the_header() -> None:
    answer = {"id": 5, "account": {"id": 9, "type": "binance", "name": "Main", "market": "Binance Spot"}}
    seen, handler = recorder(answer)
    client = client_for(handler, paper_only=True)
    with pytest.raises(PaperModeIgnoredError, match="binance") as caught:
        await client.request("POST", "/v2/smart_trades", json={"pair": "USDT_BTC"})
    assert isinstance(caught.value, TradingGuardError)
    assert b'"binance"' in caught.value.body
    assert len(seen) == 1


async def test_paper_only_accepts_a_paper_answer() -> None:
    answer = {"id": 5, "account": {"id": 9, "type": "paper_trading", "name": "Paper", "market": "Paper trading"}}
    _, handler = recorder(answer)
    client = client_for(handler, paper_only=True)
    result = await client.request("POST", "/v2/smart_trades", json={"pair": "USDT_BTC"})
    assert result["id"] == 5


async def test_extra_headers_query_and_body_reach_the_wire() -> None:
    seen, handler = recorder()
    client = client_for(handler).with_options(
        extra_headers={"X-Trace": "abc"}, extra_query={"flag": True}, extra_body={"note": "hi"}
    )
    await client.request("POST", "/ver1/bots/1/update", json={"name": "b"})
    request = seen[0]
    assert request.headers["X-Trace"] == "abc"
    assert request.url.params["flag"] == "true"
    assert b'"note": "hi"' in request.content
    assert b'"name": "b"' in request.content


async def test_extra_options_accumulate_across_views() -> None:
    seen, handler = recorder()
    client = client_for(handler).with_options(extra_headers={"A": "1"}).with_options(extra_headers={"B": "2"})
    await client.request("GET", "/ver1/bots")
    assert seen[0].headers["A"] == "1"
    assert seen[0].headers["B"] == "2"


def test_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch, make_client: MakeClient) -> None:
    monkeypatch.setenv("THREECOMMAS_BASE_URL", "http://127.0.0.1:9/public/api")
    assert make_client(api_key=None, api_secret=None).base_url == "http://127.0.0.1:9/public/api"
    assert make_client(api_key=None, api_secret=None, base_url="http://127.0.0.1:8/x").base_url == "http://127.0.0.1:8/x"


async def test_each_retry_is_one_info_line(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503 if len(calls) < 3 else 200, json=[])

    clock = VirtualClock()
    client = ThreeCommas("k", "s", transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep)
    with caplog.at_level(logging.INFO, logger="threecommas_async"):
        task = asyncio.ensure_future(client.request("GET", "/ver1/accounts"))
        while not task.done():
            await clock.run()
            await asyncio.sleep(0)
        await task
    retries = [r for r in caplog.records if r.levelno == logging.INFO and "retry" in r.getMessage()]
    assert len(retries) == 2
    assert "503" in retries[0].getMessage()


async def test_client_level_raw_response() -> None:
    _, handler = recorder({"id": 7, "name": "bot"})
    client = client_for(handler)
    raw = await client.with_raw_response.general.ping()
    assert raw.status_code == 200
    assert raw.http_response.headers["content-type"] == "application/json"


def test_client_streams_namespace() -> None:
    from threecommas_async.streams import Streams

    client = client_for(never)
    assert isinstance(client.streams, Streams)
