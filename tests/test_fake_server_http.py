"""Fake 3Commas server over real HTTP on loopback (uvicorn): requests, signing, dropped connections."""

from __future__ import annotations

import ssl

import httpx
import pytest

from threecommas_async._auth import HmacAuth
from threecommas_async._json import loads
from threecommas_async.testing import FakeThreeCommas, Phase

pytest.importorskip("uvicorn")


pytestmark = pytest.mark.fake(seed=4, deals=6, smart_trades=2)


async def test_serve_answers_signed_requests_over_http(fake: FakeThreeCommas, ssl_context: ssl.SSLContext) -> None:
    key = fake.add_key()
    assert key.secret is not None
    async with fake.serve() as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        assert base_url.endswith("/public/api")
        async with httpx.AsyncClient(
            base_url=base_url, auth=HmacAuth(key.api_key, key.secret), verify=ssl_context
        ) as client:
            ping = await client.get("/ver1/ping")
            deals = await client.get("/ver1/deals", params={"limit": 4})
            created = await client.post(
                "/ver1/accounts/update", json={"account_id": next(iter(fake.book().accounts)), "name": "Over HTTP"}
            )
    assert loads(ping.content) == {"pong": "pong"}
    assert len(loads(deals.content)) == 4
    assert created.status_code == 201
    assert fake.requests[-1].client_ip == "127.0.0.1"


async def test_dropped_connection_over_http_is_a_transport_error(
    fake: FakeThreeCommas, ssl_context: ssl.SSLContext
) -> None:
    key = fake.add_key()
    assert key.secret is not None
    deal_id = next(deal_id for deal_id, deal in fake.book().deals.items() if not deal["finished?"])
    fake.faults.connection_reset(phase=Phase.AFTER_HANDLER, times=1)
    auth = HmacAuth(key.api_key, key.secret)
    async with fake.serve() as base_url, httpx.AsyncClient(base_url=base_url, auth=auth, verify=ssl_context) as client:
        with pytest.raises(httpx.TransportError):
            await client.post(f"/ver1/deals/{deal_id}/cancel")
        after = await client.get("/ver1/ping")
    assert after.status_code == 200
    assert fake.book().deals[deal_id]["status"] == "cancelled"
    assert fake.counters.connections_dropped == 1


def test_serve_in_thread_for_synchronous_code(fake: FakeThreeCommas, ssl_context: ssl.SSLContext) -> None:
    with fake.serve_in_thread() as base_url, httpx.Client(base_url=base_url, verify=ssl_context) as client:
        response = client.get("/ver1/time")
    assert loads(response.content) == {"server_time": int(fake.now())}


def test_listening_socket_lets_asyncio_set_tcp_nodelay() -> None:
    """asyncio only sets TCP_NODELAY on accepted sockets whose listener says proto=IPPROTO_TCP;
    without it every small response waited ~40 ms for delayed ACKs."""
    import socket

    from threecommas_async.testing._server import _bind

    sock = _bind()
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
