"""Bad answers and misuse: every failure typed, bounded and picklable; nothing sent where it must not be."""

from __future__ import annotations

import asyncio
import pickle
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from threecommas_async import (
    APIError,
    IPBannedError,
    MissingCredentialsError,
    OutcomeUnknownError,
    PlanLimitError,
    RateLimitError,
    ResponseDecodeError,
    ResponseValidationError,
    ServerError,
    ThreeCommas,
    ThreeCommasError,
    TransportError,
    ValidationError,
    VirtualClock,
    default_policy,
)
from threecommas_async._exceptions import ClientClosedError, EventLoopError, RedirectError, error_for_status

SECRET = "reliability-secret-value-0123456789"
Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler, clock: VirtualClock | None = None, **kwargs: Any) -> ThreeCommas:
    clock = clock or VirtualClock()
    kwargs.setdefault("rate_limit", default_policy())
    return ThreeCommas(
        "reliability-key", SECRET, transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep, **kwargs
    )


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


async def test_deeply_nested_success_body_is_a_decode_error() -> None:
    client = client_for(lambda request: httpx.Response(200, content=deep_json(100_000)))
    with pytest.raises(ResponseDecodeError) as caught:
        await client.request("GET", "/ver1/accounts")
    assert caught.value.status == 200
    assert len(caught.value.body) == 200_000


async def test_deeply_nested_429_still_reaches_the_limiter() -> None:
    clock = VirtualClock()
    client = client_for(lambda request: httpx.Response(429, content=deep_json(100_000)), clock, max_retries=0)
    with pytest.raises(RateLimitError):
        await client.request("GET", "/ver1/accounts")
    snapshot = await client.rate_limit_snapshot()
    assert snapshot is not None
    assert snapshot.bucket("global").blocked_for > 0


async def test_deeply_nested_418_still_closes_the_ban_gate() -> None:
    client = client_for(lambda request: httpx.Response(418, content=deep_json(100_000)), max_retries=0)
    with pytest.raises(IPBannedError):
        await client.request("GET", "/ver1/accounts")
    snapshot = await client.rate_limit_snapshot()
    assert snapshot is not None
    assert snapshot.banned_for > 0


async def test_deeply_nested_5xx_to_an_order_is_outcome_unknown() -> None:
    client = client_for(lambda request: httpx.Response(502, content=deep_json(100_000)))
    with pytest.raises(OutcomeUnknownError):
        await client.deals.panic_sell(7)


async def test_a_body_that_is_not_utf8_is_a_decode_error() -> None:
    client = client_for(lambda request: httpx.Response(200, content=b'{"a": "\xff\xfe"}'))
    with pytest.raises(ResponseDecodeError, match=r"not UTF-8|malformed"):
        await client.request("GET", "/ver1/accounts")


async def test_error_messages_are_bounded_and_the_body_stays_reachable() -> None:
    body = b'{"id": "' + b"x" * 5_000_000 + b'"}'
    client = client_for(lambda request: httpx.Response(200, content=body))
    with pytest.raises(ResponseValidationError) as caught:
        await client.accounts.show(1)
    assert len(str(caught.value)) < 5_000
    assert caught.value.body == body
    huge = error_for_status(status=400, method="GET", path="/x", body=b"", payload={"error": "e" * 1_000_000})
    assert len(str(huge)) < 5_000
    assert huge.error == "e" * 1_000_000


ERRORS: list[ThreeCommasError] = [
    error_for_status(status=404, method="GET", path="/p", body=b'{"error":"not_found"}', payload={"error": "x"}),
    error_for_status(status=429, method="GET", path="/p", body=b"{}", payload={}),
    error_for_status(status=418, method="GET", path="/p", body=b"", payload=None),
    error_for_status(status=503, method="GET", path="/p", body=b"down", payload=None),
    ValidationError("limit", "must be >= 1", endpoint="deals.list"),
    ResponseDecodeError("bad", status=200, body=b"{", method="GET", path="/p"),
    ResponseValidationError("bad", status=200, body=b"[]", method="GET", path="/p"),
    TransportError("ReadTimeout", method="GET", path="/p"),
    OutcomeUnknownError("timeout", method="POST", path="/p", status=None),
    MissingCredentialsError("no key"),
    ClientClosedError("closed"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_pickle_with_their_fields(error: ThreeCommasError) -> None:
    if isinstance(error, APIError):
        error.retry_after = 12.5
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_redirects_raise_and_are_not_followed(status: int) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, headers={"Location": "https://elsewhere.example/steal"})

    client = client_for(handler)
    with pytest.raises(RedirectError) as caught:
        await client.request("POST", "/ver1/bots/1/enable")
    assert caught.value.location == "https://elsewhere.example/steal"
    assert len(seen) == 1


@pytest.mark.parametrize("path", ["/ver1/trades/..", "/ver1/trades/.", "ver1/../ver1/bots", "/ver1/./bots?x=1"])
async def test_request_refuses_dot_segments(path: str) -> None:
    client = client_for(lambda request: pytest.fail("sent"))
    with pytest.raises(ValidationError, match="segment"):
        await client.request("GET", path)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("The request type 'read' is not available with your current subscription plan. Upgrade it.", True),
        ("Too many requests. See the explanation in the docs", False),
        ("Rate limit exceeded; a planned maintenance is coming", False),
        ("Your plan allows 100 requests per minute; slow down", False),
    ],
)
async def test_plan_limit_is_told_by_the_real_phrase(text: str, plan: bool) -> None:
    error = error_for_status(status=429, method="GET", path="/p", body=b"", payload={"error": text})
    assert isinstance(error, PlanLimitError) is plan
    assert isinstance(error, RateLimitError) is not plan


async def test_a_closed_client_raises_a_typed_error() -> None:
    client = client_for(lambda request: httpx.Response(200, json=[]))
    await client.aclose()
    with pytest.raises(ClientClosedError, match="closed"):
        await client.request("GET", "/ver1/accounts")


def test_a_second_event_loop_raises_a_typed_error_naming_the_fix() -> None:
    client = client_for(lambda request: httpx.Response(200, json=[]))
    asyncio.run(client.request("GET", "/ver1/accounts"))
    with pytest.raises(EventLoopError, match="one client per event loop"):
        asyncio.run(client.request("GET", "/ver1/accounts"))


def test_a_key_without_a_secret_is_missing_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("THREECOMMAS_API_KEY", "THREECOMMAS_API_SECRET", "THREECOMMAS_PRIVATE_KEY"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(MissingCredentialsError):
        ThreeCommas("just-a-key")
    with pytest.raises(MissingCredentialsError):
        ThreeCommas(api_secret=SECRET)
    with pytest.raises(ValidationError):
        ThreeCommas("k", SECRET, private_key="-----BEGIN RSA PRIVATE KEY-----")


def _frame_locals(error: BaseException) -> str:
    seen: list[str] = []
    current: BaseException | None = error
    while current is not None:
        for frame, _ in traceback.walk_tb(current.__traceback__):
            if "threecommas_async" in frame.f_code.co_filename and "tests" not in frame.f_code.co_filename:
                seen.extend(repr(value) for value in frame.f_locals.values())
        current = current.__cause__ or current.__context__
    return "\n".join(seen)


PEM_BODY = "TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFD"


def test_constructor_errors_keep_no_secret_in_frame_locals() -> None:
    with pytest.raises(MissingCredentialsError) as missing:
        ThreeCommas(api_secret=SECRET)
    assert SECRET not in _frame_locals(missing.value)
    pem = f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY}\n-----END PRIVATE KEY-----\n"
    with pytest.raises(ValidationError) as unreadable:
        ThreeCommas("rsa-key", private_key=pem)
    assert PEM_BODY not in _frame_locals(unreadable.value)
    assert PEM_BODY not in str(unreadable.value)


def test_repr_works_on_a_half_built_client() -> None:
    half = object.__new__(ThreeCommas)
    assert "ThreeCommas" in repr(half)


async def test_server_error_on_a_read_is_retried_then_raised() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503, json={"error": "down"})

    clock = VirtualClock()
    client = client_for(handler, clock, max_retries=2)
    task = asyncio.ensure_future(client.request("GET", "/ver1/accounts"))
    while not task.done():
        await clock.run()
        await asyncio.sleep(0)
    with pytest.raises(ServerError):
        await task
    assert len(calls) == 3

