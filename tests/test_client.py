"""The client and its send loop against respx: signing, bodies, Forced-Mode, errors, retries, limits."""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import respx
from support import TEST_SECRET, MakeClient, SigningVector, drive

from threecommas_async import (
    APIError,
    AuthenticationError,
    BadRequestError,
    Bucket,
    HmacAuth,
    InMemoryBackend,
    IPBannedError,
    MissingCredentialsError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    PlanLimitError,
    RateLimitError,
    RateLimitPolicy,
    ResponseDecodeError,
    ServerError,
    ThreeCommas,
    TransportError,
    UnprocessableError,
    VirtualClock,
    default_policy,
)

BASE = "https://api.3commas.io/public/api"
SECRET = TEST_SECRET


def counting(responses: Callable[[int, httpx.Request], httpx.Response]) -> tuple[list[httpx.Request], Any]:
    seen: list[httpx.Request] = []

    def side_effect(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return responses(len(seen), request)

    return seen, side_effect


@respx.mock
async def test_json_body_is_signed_as_sent(
    make_client: MakeClient, signing_vectors: dict[str, SigningVector]
) -> None:
    vector = signing_vectors["json_body"]
    route = respx.post(f"{BASE}/ver1/users/change_mode").respond(json={"ok": True})
    client = make_client(clock=VirtualClock(), api_key="k", api_secret=vector.secret)
    assert await client.request("POST", "/ver1/users/change_mode", json={"mode": "paper"}) == {"ok": True}
    sent = route.calls.last.request
    assert sent.content == b'{"mode": "paper"}'
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["Signature"] == vector.signature
    assert sent.headers["Apikey"] == "k"


@respx.mock
async def test_form_body_option(make_client: MakeClient, signing_vectors: dict[str, SigningVector]) -> None:
    vector = signing_vectors["form_or_query"]
    route = respx.post(f"{BASE}/ver1/users/change_mode").respond(json={})
    client = make_client(clock=VirtualClock(), api_key="k", api_secret=vector.secret, body_encoding="form")
    await client.request("POST", "/ver1/users/change_mode", json={"mode": "paper"})
    sent = route.calls.last.request
    assert sent.content == b"mode=paper"
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sent.headers["Signature"] == vector.signature


@respx.mock
async def test_nested_and_decimal_bodies_keep_every_digit(make_client: MakeClient) -> None:
    route = respx.post(f"{BASE}/v2/smart_trades").respond(json={})
    client = make_client()
    amount = Decimal("0.000012345678901234567890123456789")
    await client.request("POST", "/v2/smart_trades", json={"position": {"units": {"value": amount}}})
    assert route.calls.last.request.content == (
        b'{"position": {"units": {"value": 0.000012345678901234567890123456789}}}'
    )
    strings = make_client(decimals="string")
    await strings.request("POST", "/v2/smart_trades", json={"v": amount})
    assert route.calls.last.request.content == b'{"v": "0.000012345678901234567890123456789"}'
    form = make_client(body_encoding="form")
    await form.request("POST", "/v2/smart_trades", json={"position": {"units": {"value": amount}}})
    assert parse_qs(route.calls.last.request.content.decode()) == {
        "position[units][value]": ["0.000012345678901234567890123456789"]
    }


@respx.mock
async def test_forced_mode_per_client_and_per_call(make_client: MakeClient) -> None:
    route = respx.get(f"{BASE}/ver1/accounts").respond(json=[])
    client = make_client(forced_mode="paper")
    await client.request("GET", "/ver1/accounts")
    assert route.calls.last.request.headers["Forced-Mode"] == "paper"
    await client.with_options(forced_mode="real").request("GET", "/ver1/accounts")
    assert route.calls.last.request.headers["Forced-Mode"] == "real"
    await client.with_options(forced_mode=None).request("GET", "/ver1/accounts")
    assert "Forced-Mode" not in route.calls.last.request.headers
    await client.request("GET", "/ver1/accounts")
    assert route.calls.last.request.headers["Forced-Mode"] == "paper"
    with pytest.raises(ValueError, match="forced_mode"):
        client.with_options(forced_mode="demo")


async def test_with_options_shares_pool_and_limiter(make_client: MakeClient) -> None:
    client = make_client()
    view = client.with_options(timeout=5.0, max_retries=0)
    assert view._sender is client._sender
    assert view.limiter is client.limiter
    assert view.options.timeout == 5.0
    assert client.options.max_retries == 3


@respx.mock
async def test_unsigned_requests_carry_no_credentials(make_client: MakeClient) -> None:
    route = respx.get(f"{BASE}/ver1/ping").respond(json={"pong": "pong"})
    await make_client().request("GET", "/ver1/ping", signed=False)
    assert "Signature" not in route.calls.last.request.headers
    assert "Apikey" not in route.calls.last.request.headers


@respx.mock
async def test_query_params_are_signed_with_the_query(make_client: MakeClient) -> None:
    route = respx.get(f"{BASE}/ver1/deals").respond(json=[])
    await make_client().request("GET", "/ver1/deals", params={"scope": "active", "limit": 5, "ok": True})
    request = route.calls.last.request
    assert request.url.query == b"scope=active&limit=5&ok=true"
    assert request.headers["Signature"] == HmacAuth("x", SECRET).sign(
        b"/public/api/ver1/deals?scope=active&limit=5&ok=true"
    )


@pytest.mark.parametrize(
    ("status", "body", "error_type"),
    [
        (400, {"error": "record_invalid", "error_attributes": {"pair": ["is bad"]}}, BadRequestError),
        (401, {"error": "signature_invalid", "error_description": "Provided signature is invalid"},
         AuthenticationError),
        (403, {"error": "access_denied"}, PermissionDeniedError),
        (404, {"error": "not_found"}, NotFoundError),
        (418, {"error": "banned"}, IPBannedError),
        (422, {"error": "unprocessable"}, UnprocessableError),
        (429, {"error": "rate_limit"}, RateLimitError),
        (429, {"error": "plan", "error_description": "Not available with your current subscription plan"},
         PlanLimitError),
        (500, {"error": "boom"}, ServerError),
        (502, None, ServerError),
        (504, None, ServerError),
        (409, {"error": "conflict"}, APIError),
    ],
)
@respx.mock
async def test_status_to_error_mapping(
    status: int, body: Any, error_type: type[APIError], make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    kwargs = {"json": body} if body is not None else {"content": b"<html>gateway</html>"}
    respx.get(f"{BASE}/ver1/bots").respond(status, **kwargs)
    client = make_client(clock=virtual_clock, max_retries=0)
    with pytest.raises(error_type) as caught:
        await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    error = caught.value
    assert type(error) is error_type
    assert error.status == status
    assert error.method == "GET"
    assert error.path == "/ver1/bots"
    if body is not None:
        assert error.error == body["error"]
        assert error.error_attributes == body.get("error_attributes", {})
    else:
        assert error.body == b"<html>gateway</html>"


@respx.mock
async def test_one_429_blocks_fifty_tasks_and_nothing_is_sent_during_the_block(
    make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    arrivals: list[tuple[float, int]] = []

    def answer(count: int, request: httpx.Request) -> httpx.Response:
        status = 429 if count == 10 else 200
        arrivals.append((virtual_clock(), status))
        return httpx.Response(status, json={"error": "rate_limit"} if status == 429 else [])

    _, side_effect = counting(answer)
    respx.get(f"{BASE}/ver1/bots").mock(side_effect=side_effect)
    client = make_client(clock=virtual_clock)

    async def poll() -> None:
        for _ in range(2):
            await client.request("GET", "/ver1/bots")

    await drive(virtual_clock, asyncio.gather(*(poll() for _ in range(50))))
    statuses = [status for _, status in arrivals]
    assert statuses.count(429) == 1
    assert statuses.count(200) == 100
    blocked_at = next(t for t, status in arrivals if status == 429)
    block = default_policy().buckets[0].block_seconds
    assert not [t for t, _ in arrivals if blocked_at < t < blocked_at + block]
    assert max(t for t, _ in arrivals) >= blocked_at + block


@respx.mock
async def test_418_closes_the_gate_for_everyone_then_requests_resume(
    make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    arrivals: list[float] = []

    def answer(count: int, request: httpx.Request) -> httpx.Response:
        arrivals.append(virtual_clock())
        return httpx.Response(418, json={"error": "banned"}) if count == 1 else httpx.Response(200, json=[])

    _, side_effect = counting(answer)
    respx.get(f"{BASE}/ver1/bots").mock(side_effect=side_effect)
    client = make_client(clock=virtual_clock)
    results = await drive(virtual_clock, asyncio.gather(*(client.request("GET", "/ver1/bots") for _ in range(5))))
    assert results == [[]] * 5
    assert arrivals[0] == 0.0
    assert all(t >= 120.0 for t in arrivals[1:])


@respx.mock
async def test_long_ban_raises_ip_banned_with_retry_at_without_sending(
    make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.get(f"{BASE}/ver1/bots").respond(418, json={"error": "banned"}, headers={"Retry-After": "3600"})
    client = make_client(clock=virtual_clock)
    with pytest.raises(IPBannedError) as caught:
        await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    assert caught.value.retry_at is not None
    assert route.call_count == 1
    with pytest.raises(IPBannedError):
        await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    assert route.call_count == 1


@respx.mock
async def test_plan_limit_429_is_not_retried_and_blocks_nothing(
    make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.get(f"{BASE}/ver1/bots").respond(
        429, json={"error": "forbidden", "error_description": "Not available with your current subscription plan"}
    )
    client = make_client(clock=virtual_clock)
    with pytest.raises(PlanLimitError):
        await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    assert route.call_count == 1
    snapshot = await client.rate_limit_snapshot()
    assert snapshot is not None
    assert snapshot.bucket("global").blocked_for == 0.0


@respx.mock
async def test_retry_after_is_honoured_for_the_block(make_client: MakeClient, virtual_clock: VirtualClock) -> None:
    arrivals: list[float] = []

    def answer(count: int, request: httpx.Request) -> httpx.Response:
        arrivals.append(virtual_clock())
        if count == 1:
            return httpx.Response(429, json={"error": "rate_limit"}, headers={"Retry-After": "7"})
        return httpx.Response(200, json=[])

    respx.get(f"{BASE}/ver1/bots").mock(side_effect=counting(answer)[1])
    client = make_client(clock=virtual_clock)
    await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    assert arrivals == [0.0, 7.0]


@pytest.mark.parametrize("failure", [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("reset")])
@respx.mock
async def test_post_is_not_retried_after_it_may_have_been_sent(
    failure: Exception, make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.post(f"{BASE}/ver1/deals/5/panic_sell").mock(side_effect=failure)
    client = make_client(clock=virtual_clock)
    with pytest.raises(OutcomeUnknownError) as caught:
        await drive(virtual_clock, client.request("POST", "/ver1/deals/5/panic_sell"))
    assert route.call_count == 1
    assert caught.value.__cause__ is failure
    assert "outcome unknown" in str(caught.value)


@respx.mock
async def test_post_5xx_is_outcome_unknown_and_not_retried(
    make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.post(f"{BASE}/v2/smart_trades").respond(502)
    client = make_client(clock=virtual_clock)
    with pytest.raises(OutcomeUnknownError) as caught:
        await drive(virtual_clock, client.request("POST", "/v2/smart_trades", json={"pair": "USDT_BTC"}))
    assert route.call_count == 1
    assert caught.value.status == 502
    assert isinstance(caught.value.__cause__, ServerError)


@respx.mock
async def test_post_is_retried_when_it_never_left(make_client: MakeClient, virtual_clock: VirtualClock) -> None:
    route = respx.post(f"{BASE}/v2/smart_trades").mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json={"id": 1})]
    )
    client = make_client(clock=virtual_clock)
    assert await drive(virtual_clock, client.request("POST", "/v2/smart_trades", json={})) == {"id": 1}
    assert route.call_count == 2


@pytest.mark.parametrize("failure", [httpx.ReadTimeout("slow"), httpx.Response(503)])
@respx.mock
async def test_get_is_retried_after_timeouts_and_5xx(
    failure: Any, make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.get(f"{BASE}/ver1/deals/9/show").mock(side_effect=[failure, httpx.Response(200, json={"id": 9})])
    client = make_client(clock=virtual_clock)
    assert await drive(virtual_clock, client.request("GET", "/ver1/deals/9/show")) == {"id": 9}
    assert route.call_count == 2


@respx.mock
async def test_get_gives_up_after_max_retries_with_a_transport_error(
    make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.get(f"{BASE}/ver1/bots").mock(side_effect=httpx.ConnectError("refused"))
    client = make_client(clock=virtual_clock, max_retries=2)
    with pytest.raises(TransportError) as caught:
        await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    assert route.call_count == 3
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    with pytest.raises(TransportError):
        await drive(virtual_clock, client.with_options(max_retries=0).request("GET", "/ver1/bots"))
    assert route.call_count == 4


@respx.mock
async def test_every_attempt_is_signed_afresh_and_passes_the_limiter(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch, virtual_clock: VirtualClock
) -> None:
    policy = RateLimitPolicy(buckets=(Bucket("global", limit=1, period=10.0),))
    arrivals: list[float] = []
    payload = b"/public/api/ver1/bots?limit=5"
    expected = HmacAuth("x", SECRET).sign(payload)
    signed: list[bytes] = []
    sign = HmacAuth.sign

    def spy(self: HmacAuth, payload: bytes) -> str:
        signed.append(payload)
        return sign(self, payload)

    def answer(count: int, request: httpx.Request) -> httpx.Response:
        arrivals.append(virtual_clock())
        return httpx.Response(500 if count == 1 else 200, json=[])

    monkeypatch.setattr(HmacAuth, "sign", spy)
    route = respx.get(f"{BASE}/ver1/bots").mock(side_effect=counting(answer)[1])
    client = make_client(clock=virtual_clock, rate_limit=policy)
    await drive(virtual_clock, client.request("GET", "/ver1/bots", params={"limit": 5}))
    assert arrivals[1] - arrivals[0] >= 10.0
    assert signed == [payload, payload]
    assert [call.request.headers["Signature"] for call in route.calls] == [expected, expected]


@respx.mock
async def test_malformed_json_raises_with_status_and_body(make_client: MakeClient) -> None:
    respx.get(f"{BASE}/ver1/bots").respond(200, content=b'{"id": 1,')
    with pytest.raises(ResponseDecodeError) as caught:
        await make_client().request("GET", "/ver1/bots")
    assert caught.value.status == 200
    assert caught.value.body == b'{"id": 1,'


@respx.mock
async def test_empty_body_is_none(make_client: MakeClient) -> None:
    respx.post(f"{BASE}/ver1/bots/1/enable").respond(204)
    assert await make_client().request("POST", "/ver1/bots/1/enable") is None


@respx.mock
async def test_money_comes_back_exact(make_client: MakeClient) -> None:
    digits = "-0.00000163472257666276770396141147016987672967839686"
    respx.get(f"{BASE}/ver1/accounts/1").respond(
        content=f'{{"day_profit_btc": "{digits}", "tiny": -1.1e-19, "n": 0.4197739212602701}}'.encode()
    )
    data = await make_client().request("GET", "/ver1/accounts/1")
    assert Decimal(data["day_profit_btc"]) == Decimal(digits)
    assert data["tiny"] == Decimal("-1.1e-19")
    assert str(data["n"]) == "0.4197739212602701"


async def test_missing_credentials_fail_before_any_network(
    monkeypatch: pytest.MonkeyPatch, make_client: MakeClient
) -> None:
    for name in ("THREECOMMAS_API_KEY", "THREECOMMAS_API_SECRET", "THREECOMMAS_PRIVATE_KEY"):
        monkeypatch.delenv(name, raising=False)
    with respx.mock(assert_all_called=False) as mock:
        route = mock.get(f"{BASE}/ver1/accounts").respond(json=[])
        client = make_client(api_key=None, api_secret=None)
        with pytest.raises(MissingCredentialsError):
            await client.request("GET", "/ver1/accounts")
        assert not route.called


@respx.mock
async def test_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch, make_client: MakeClient) -> None:
    monkeypatch.setenv("THREECOMMAS_API_KEY", "env-key")
    monkeypatch.setenv("THREECOMMAS_API_SECRET", "env-secret")
    route = respx.get(f"{BASE}/ver1/accounts").respond(json=[])
    await make_client(api_key=None, api_secret=None).request("GET", "/ver1/accounts")
    assert route.calls.last.request.headers["Apikey"] == "env-key"


@respx.mock
async def test_no_secret_in_repr_errors_or_logs(
    caplog: pytest.LogCaptureFixture, make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    caplog.set_level(logging.DEBUG, logger="threecommas_async")
    respx.get(f"{BASE}/ver1/bots").respond(429, json={"error": "rate_limit"})
    respx.get(f"{BASE}/ver1/accounts").respond(418, json={"error": "banned"})
    client = make_client(clock=virtual_clock, max_retries=0)
    texts = [repr(client), repr(client.with_options(forced_mode="paper"))]
    for path in ("/ver1/bots", "/ver1/accounts"):
        with pytest.raises(APIError) as caught:
            await drive(virtual_clock, client.request("GET", path))
        texts += [str(caught.value), repr(caught.value), repr(vars(caught.value))]
    texts.append(caplog.text)
    assert "429" in caplog.text
    assert "418" in caplog.text
    for text in texts:
        assert SECRET not in text
        assert "test-api-key" not in text


async def test_snapshot_reports_buckets_waiters_and_ban(make_client: MakeClient) -> None:
    client = make_client()
    snapshot = await client.rate_limit_snapshot()
    assert snapshot is not None
    assert [b.name for b in snapshot.buckets] == ["global", "deals", "smart_trades_list"]
    assert snapshot.bucket("global").available == 100
    assert snapshot.waiters == 0
    assert snapshot.banned_for == 0.0
    assert await make_client(rate_limit=None).rate_limit_snapshot() is None


@pytest.mark.parametrize("status", [429, 418])
@respx.mock
async def test_without_a_limiter_rate_limit_answers_are_not_retried(
    status: int, make_client: MakeClient, virtual_clock: VirtualClock
) -> None:
    route = respx.get(f"{BASE}/ver1/bots").respond(status, json={"error": "rate_limit"})
    client = make_client(clock=virtual_clock, rate_limit=None)
    with pytest.raises((RateLimitError, IPBannedError)):
        await drive(virtual_clock, client.request("GET", "/ver1/bots"))
    assert route.call_count == 1


async def test_aclose_stops_the_limiter_even_with_a_user_http_client(
    make_client: MakeClient, ssl_context: ssl.SSLContext, virtual_clock: VirtualClock
) -> None:
    http = httpx.AsyncClient(verify=ssl_context)
    policy = RateLimitPolicy(buckets=(Bucket("g", limit=1, period=9.0),))
    client = make_client(clock=virtual_clock, http_client=http, rate_limit=policy)
    limiter = client.limiter
    assert limiter is not None
    await limiter.release(await limiter.acquire("GET", "/x"))
    waiter = asyncio.create_task(limiter.acquire("GET", "/x"))
    await virtual_clock.settle()
    backend = limiter.backend
    assert isinstance(backend, InMemoryBackend)
    assert backend._alarm.pending
    await client.with_options(timeout=1.0).aclose()
    assert backend._alarm.pending
    await client.aclose()
    assert not backend._alarm.pending
    assert not http.is_closed
    waiter.cancel()
    await http.aclose()


@respx.mock
async def test_requests_in_flight_are_capped_at_the_pool_size(make_client: MakeClient) -> None:
    in_flight = peak = 0
    release = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await release.wait()
        in_flight -= 1
        return httpx.Response(200, json=[])

    respx.get(f"{BASE}/ver1/bots").mock(side_effect=slow)
    client = make_client(rate_limit=None, max_in_flight=7)
    calls = asyncio.gather(*(client.request("GET", "/ver1/bots") for _ in range(50)))
    for _ in range(20):
        await asyncio.sleep(0)
    assert peak == 7
    release.set()
    assert len(await calls) == 50


def test_a_limiter_backend_without_a_policy_is_refused() -> None:
    from threecommas_async import InMemoryBackend

    with pytest.raises(ValueError, match="limiter_backend"):
        ThreeCommas("k", "s", rate_limit=None, limiter_backend=InMemoryBackend())
