"""Fake 3Commas server: signatures (HMAC, RSA), API keys, permissions, unsigned endpoints, error bodies."""

from __future__ import annotations

import base64
import hashlib
import hmac

import httpx
import pytest
from support import SigningVector

from threecommas_async._auth import RsaAuth
from threecommas_async._json import loads
from threecommas_async.testing import IN_PROCESS_BASE_URL, FakeThreeCommas, ManualClock, Permission

pytestmark = pytest.mark.fake(seed=11, deals=12, smart_trades=4)


def _raw_client(fake: FakeThreeCommas) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=fake.transport(), base_url=IN_PROCESS_BASE_URL)


def _sign(secret: str, payload: bytes) -> str:
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


async def test_valid_hmac_signature_is_accepted(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    async with fake.http_client(key) as client:
        response = await client.get("/ver1/deals", params={"limit": 3})
    assert response.status_code == 200
    assert len(loads(response.content)) == 3


async def test_hmac_signature_is_case_insensitive(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    assert key.secret is not None
    signature = _sign(key.secret, b"/public/api/ver1/accounts").upper()
    async with _raw_client(fake) as client:
        response = await client.get("/ver1/accounts", headers={"Apikey": key.api_key, "Signature": signature})
    assert response.status_code == 200


async def test_wrong_signature_is_401_signature_invalid(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    async with fake.http_client(key) as client:
        good = await client.get("/ver1/accounts")
    async with _raw_client(fake) as client:
        response = await client.get(
            "/ver1/accounts", headers={"Apikey": key.api_key, "Signature": _sign("not the secret", b"x")}
        )
        missing = await client.get("/ver1/accounts", headers={"Apikey": key.api_key})
    assert good.status_code == 200
    for bad in (response, missing):
        assert bad.status_code == 401
        assert loads(bad.content) == {
            "error": "signature_invalid",
            "error_description": "Provided signature is invalid",
        }


async def test_signature_covers_query_and_body(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    assert key.secret is not None
    signed_for_other_query = _sign(key.secret, b"/public/api/ver1/deals?limit=5")
    async with _raw_client(fake) as client:
        response = await client.get(
            "/ver1/deals", params={"limit": 6}, headers={"Apikey": key.api_key, "Signature": signed_for_other_query}
        )
    assert response.status_code == 401


async def test_unknown_or_missing_api_key_is_401(fake: FakeThreeCommas) -> None:
    fake.add_key()
    async with _raw_client(fake) as client:
        unknown = await client.get("/ver1/accounts", headers={"Apikey": "nope", "Signature": "00"})
        missing = await client.get("/ver1/accounts")
    for response in (unknown, missing):
        assert response.status_code == 401
        assert loads(response.content)["error"] == "api_key_invalid_or_expired"


async def test_unsigned_endpoints_need_no_headers(fake: FakeThreeCommas) -> None:
    async with _raw_client(fake) as client:
        ping = await client.get("/ver1/ping")
        time = await client.get("/ver1/time")
        pairs = await client.get("/ver1/accounts/market_pairs", params={"market_code": "binance"})
    assert loads(ping.content) == {"pong": "pong"}
    assert loads(time.content) == {"server_time": int(fake.now())}
    assert isinstance(loads(time.content)["server_time"], int)
    assert pairs.status_code == 200


async def test_missing_permission_is_403_access_denied(fake: FakeThreeCommas) -> None:
    reader = fake.add_key(permissions={Permission.BOTS_READ, "accounts_read"})
    async with fake.http_client(reader) as client:
        allowed = await client.get("/ver1/bots")
        accounts = await client.get("/ver1/accounts")
        denied = await client.post("/ver1/bots/create_bot", json={"name": "x"})
        smart = await client.get("/v2/smart_trades")
    assert allowed.status_code == 200
    assert accounts.status_code == 200
    for response in (denied, smart):
        assert response.status_code == 403
        body = loads(response.content)
        assert body["error"] == "access_denied"
        assert isinstance(body["error_description"], str)


async def test_signed_endpoint_without_permission_needs_only_a_valid_signature(fake: FakeThreeCommas) -> None:
    key = fake.add_key(permissions=())
    async with fake.http_client(key) as client:
        response = await client.get("/ver1/validate")
    assert response.status_code == 200


async def test_json_body_signs_path_question_mark_body(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    account_id = next(iter(fake.book().accounts))
    async with fake.http_client(key) as client:
        response = await client.post("/ver1/accounts/update", json={"account_id": account_id, "name": "Renamed"})
    assert response.status_code == 201
    assert loads(response.content)["name"] == "Renamed"


async def test_body_only_request_may_join_with_or_without_question_mark(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    assert key.secret is not None
    strict = FakeThreeCommas(clock=ManualClock(), body_joins=("?",))
    strict.seed(seed=11, deals=1, smart_trades=0)
    strict.add_key(key.api_key, key.secret)
    body = b'{"mode": "paper"}'
    path = b"/public/api/ver1/users/change_mode"
    statuses: dict[str, list[int]] = {}
    for name, payload in (("question mark", path + b"?" + body), ("plain", path + body)):
        headers = {"Apikey": key.api_key, "Signature": _sign(key.secret, payload), "Content-Type": "application/json"}
        for server in (fake, strict):
            async with _raw_client(server) as client:
                response = await client.post("/ver1/users/change_mode", content=body, headers=headers)
            statuses.setdefault(name, []).append(response.status_code)
    assert statuses == {"question mark": [201, 201], "plain": [201, 401]}


async def test_form_body_and_query_are_both_signed(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    assert key.secret is not None
    body = b"mode=paper"
    signature = _sign(key.secret, b"/public/api/ver1/users/change_mode?" + body)
    async with _raw_client(fake) as client:
        response = await client.post(
            "/ver1/users/change_mode",
            content=body,
            headers={
                "Apikey": key.api_key,
                "Signature": signature,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
    assert response.status_code == 201
    assert loads(response.content) is True
    assert fake.world.mode.value == "paper"


async def test_documented_signing_vectors_are_accepted(
    fake: FakeThreeCommas, signing_vectors: dict[str, SigningVector]
) -> None:
    vectors = [signing_vectors["form_or_query"], signing_vectors["json_body"]]
    key = fake.add_key("documented-key", vectors[0].secret)
    async with _raw_client(fake) as client:
        query = await client.post(
            "/ver1/users/change_mode?mode=paper",
            headers={"Apikey": key.api_key, "Signature": vectors[0].signature},
        )
        body = await client.post(
            "/ver1/users/change_mode",
            content=b'{"mode": "paper"}',
            headers={
                "Apikey": key.api_key,
                "Signature": vectors[1].signature,
                "Content-Type": "application/json",
            },
        )
    assert query.status_code == 201
    assert body.status_code == 201


async def test_rsa_signatures_are_verified(fake: FakeThreeCommas) -> None:
    rsa = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key = fake.add_rsa_key(private_key.public_key(), permissions={Permission.BOTS_READ})
    async with fake.http_client(auth=RsaAuth(key.api_key, private_key)) as client:
        good = await client.get("/ver1/bots", params={"limit": 2})
    async with fake.http_client(auth=RsaAuth(key.api_key, other_key)) as client:
        bad = await client.get("/ver1/bots")
    mangled = base64.b64encode(b"\x00" * 256).decode()
    async with _raw_client(fake) as client:
        garbage = await client.get("/ver1/bots", headers={"Apikey": key.api_key, "Signature": mangled})
        not_base64 = await client.get("/ver1/bots", headers={"Apikey": key.api_key, "Signature": "%%%"})
    assert good.status_code == 200
    for response in (bad, garbage, not_base64):
        assert response.status_code == 401
        assert loads(response.content)["error"] == "signature_invalid"


async def test_key_secret_is_not_in_repr(fake: FakeThreeCommas) -> None:
    key = fake.add_key(secret="super-secret-value")
    assert "super-secret-value" not in repr(key)


async def test_disabled_key_is_refused(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    key.enabled = False
    async with fake.http_client(key) as client:
        response = await client.get("/ver1/accounts")
    assert response.status_code == 401


async def test_unknown_route_is_404_with_error_body(fake: FakeThreeCommas) -> None:
    key = fake.add_key()
    async with fake.http_client(key) as client:
        unknown = await client.get("/ver1/nothing_here")
        wrong_method = await client.delete("/ver1/deals")
    async with httpx.AsyncClient(transport=fake.transport(), base_url="http://fake") as client:
        outside = await client.get("/elsewhere")
    for response in (unknown, wrong_method, outside):
        assert response.status_code == 404
        assert loads(response.content)["error"] == "not_found"
