"""ClientPool: one client per key on one shared connection pool, a shared in-flight gate, one close.

Keys sign with their own secrets over real loopback HTTP (both backends); a key has one client; the gate
holds a slot until the body is closed; closing the pool closes every client and the shared HTTP client.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from threecommas_async import ClientPool, ThreeCommas, ValidationError, default_policy, shared_http_client
from threecommas_async._auth import SigningAuth
from threecommas_async._exceptions import ClientClosedError
from threecommas_async._http import GatedWire, HttpBackend, Outgoing
from threecommas_async._pool import GatedTransport
from threecommas_async.testing import FakeThreeCommas

pytest.importorskip("uvicorn")
pytest.importorskip("httpx_aiohttp")


@pytest.fixture
async def base_url(fake_3commas: FakeThreeCommas) -> AsyncIterator[str]:
    async with fake_3commas.serve() as url:
        yield url


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
async def test_many_keys_sign_with_their_own_secrets_over_one_pool(
    fake_3commas: FakeThreeCommas, base_url: str, backend: HttpBackend
) -> None:
    keys = [fake_3commas.add_key() for _ in range(5)]
    policy = default_policy().scaled(fake_3commas.time_scale)

    async with ClientPool(http_backend=backend, max_in_flight=4, base_url=base_url, rate_limit=policy) as pool:
        clients = [pool.client(key.api_key, key.secret) for key in keys]
        results = await asyncio.gather(*(made.request("GET", "/ver1/bots") for made in clients for _ in range(3)))

        assert len(results) == 15
        assert len(pool) == 5
        assert {made._sender.http for made in clients} == {pool.http_client}
        assert len({id(made.limiter) for made in clients}) == 5
    assert {record.status for record in fake_3commas.requests} == {200}
    assert {record.key for record in fake_3commas.requests} == {key.api_key for key in keys}


async def test_a_key_has_one_client() -> None:
    async with ClientPool(rate_limit=None) as pool:
        first = pool.client("key-a", "secret-a")

        assert pool.client("key-a", "secret-a") is first
        assert pool["key-a"] is first
        assert "key-a" in pool
        assert list(pool) == ["key-a"]


async def test_closing_the_pool_closes_every_client_and_the_shared_client_once() -> None:
    pool = ClientPool(rate_limit=None)
    made = pool.client("key-a", "secret-a")

    await pool.aclose()
    await pool.aclose()

    assert pool.http_client.is_closed
    with pytest.raises(ClientClosedError):
        await made.request("GET", "/ver1/bots")
    with pytest.raises(ClientClosedError):
        pool.client("key-b", "secret-b")


async def test_removing_a_key_leaves_the_shared_pool_open() -> None:
    async with ClientPool(rate_limit=None) as pool:
        made = pool.client("key-a", "secret-a")

        await pool.remove("key-a")

        assert "key-a" not in pool
        assert not pool.http_client.is_closed
        with pytest.raises(ClientClosedError):
            await made.request("GET", "/ver1/bots")


@pytest.mark.parametrize("name", ["http_client", "transport", "http_backend"])
async def test_options_the_pool_sets_are_refused(name: str) -> None:
    options: dict[str, Any] = {name: None}
    with pytest.raises(ValidationError, match=name):
        ClientPool(**options)
    async with ClientPool() as pool:
        with pytest.raises(ValidationError, match=name):
            pool.client("key-a", "secret-a", **options)


async def test_the_gate_holds_at_most_its_limit_until_bodies_are_closed() -> None:
    in_flight, peak = 0, 0
    release = asyncio.Event()

    async def answer(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await release.wait()
        in_flight -= 1
        return httpx.Response(200, stream=httpx.ByteStream(b"[]"))

    async with httpx.AsyncClient(transport=GatedTransport(httpx.MockTransport(answer), asyncio.Semaphore(2))) as http:
        tasks = [asyncio.create_task(http.get("http://test/x")) for _ in range(6)]
        for _ in range(5):
            await asyncio.sleep(0)
        waiting_at_the_gate = peak
        release.set()
        responses = await asyncio.gather(*tasks)

    assert waiting_at_the_gate == 2
    assert peak == 2
    assert [response.status_code for response in responses] == [200] * 6


async def test_a_failed_exchange_gives_its_slot_back() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=GatedTransport(httpx.MockTransport(fail), asyncio.Semaphore(1))) as http:
        for _ in range(3):
            with pytest.raises(httpx.ConnectError):
                await asyncio.wait_for(http.get("http://test/x"), 1.0)


async def test_shared_http_client_serves_clients_built_by_hand() -> None:
    http = shared_http_client(max_in_flight=3)
    async with ThreeCommas("key-a", "secret-a", http_client=http, rate_limit=None):
        pass

    assert not http.is_closed
    await http.aclose()
    with pytest.raises(ValidationError, match="max_in_flight"):
        shared_http_client(max_in_flight=0)


async def test_the_sdks_own_sends_take_the_same_gate() -> None:
    in_flight, peak = 0, 0
    release = asyncio.Event()

    class SlowWire:
        async def exchange(self, outgoing: Outgoing, auth: SigningAuth | None) -> httpx.Response:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            await release.wait()
            in_flight -= 1
            return httpx.Response(200)

    http: Any = shared_http_client(max_in_flight=2)
    try:
        assert isinstance(http.wire, GatedWire)
        assert http.wire._gate is http._transport._gate
        wire = GatedWire(SlowWire(), http.wire._gate)
        outgoing = Outgoing("GET", "http://test/x", b"/x", {}, None, httpx.Timeout(1.0), "http://test/x", ())
        tasks = [asyncio.create_task(wire.exchange(outgoing, None)) for _ in range(5)]
        for _ in range(5):
            await asyncio.sleep(0)
        waiting_at_the_gate = peak
        release.set()
        await asyncio.gather(*tasks)
    finally:
        await http.aclose()

    assert waiting_at_the_gate == 2
    assert peak == 2
