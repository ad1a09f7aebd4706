"""The fake's signature check stands on its own: hand-signed requests, wrong payloads refused, SDK signing ignored."""

from __future__ import annotations

import ast
import base64
import hashlib
import hmac
import json
from pathlib import Path

import httpx
import pytest

import threecommas_async
from threecommas_async import ThreeCommas
from threecommas_async.testing import IN_PROCESS_BASE_URL, FakeKey, FakeThreeCommas, ManualClock
from threecommas_async.testing._signature import hmac_hex

TESTING_PACKAGE = Path(threecommas_async.__file__).parent / "testing"
DATA = Path(__file__).parent / "data"
PATH = b"/public/api/ver1/deals"
CHANGE_MODE = b"/public/api/ver1/users/change_mode"


pytestmark = pytest.mark.fake(seed=3, deals=6, smart_trades=1)


@pytest.fixture
def key(fake: FakeThreeCommas) -> FakeKey:
    return fake.add_key("hand-key", "hand-secret")


def _hex(payload: bytes) -> str:
    return hmac.new(b"hand-secret", payload, hashlib.sha256).hexdigest()


async def _get(fake: FakeThreeCommas, url: str, signature: str) -> int:
    async with httpx.AsyncClient(transport=fake.transport(), base_url=IN_PROCESS_BASE_URL) as client:
        response = await client.get(url, headers={"Apikey": "hand-key", "Signature": signature})
    return response.status_code


async def _post(fake: FakeThreeCommas, url: str, body: bytes, signature: str) -> int:
    headers = {"Apikey": "hand-key", "Signature": signature, "Content-Type": "application/json"}
    async with httpx.AsyncClient(transport=fake.transport(), base_url=IN_PROCESS_BASE_URL) as client:
        response = await client.post(url, content=body, headers=headers)
    return response.status_code


@pytest.mark.usefixtures("key")
async def test_query_is_signed_in_the_order_sent(fake: FakeThreeCommas) -> None:
    url = "/ver1/deals?limit=2&offset=1"
    assert await _get(fake, url, _hex(PATH + b"?limit=2&offset=1")) == 200
    assert await _get(fake, url, _hex(PATH + b"?offset=1&limit=2")) == 401
    assert await _get(fake, url, _hex(PATH)) == 401
    assert await _get(fake, url, _hex(b"/ver1/deals?limit=2&offset=1")) == 401


@pytest.mark.usefixtures("key")
async def test_body_is_signed_as_sent(fake: FakeThreeCommas) -> None:
    body = b'{"mode":"paper"}'
    assert await _post(fake, "/ver1/users/change_mode", body, _hex(CHANGE_MODE + b"?" + body)) == 201
    for other in (b'{"mode": "paper"}', b'{"mode":"real"}', b""):
        assert await _post(fake, "/ver1/users/change_mode", body, _hex(CHANGE_MODE + b"?" + other)) == 401
    assert await _post(fake, "/ver1/users/change_mode", body, _hex(CHANGE_MODE + b"?" + body + b"\n")) == 401


@pytest.mark.usefixtures("key")
async def test_query_and_body_sign_path_query_then_body(fake: FakeThreeCommas) -> None:
    body = b'{"mode":"paper"}'
    url = "/ver1/users/change_mode?x=1"
    assert await _post(fake, url, body, _hex(CHANGE_MODE + b"?x=1" + body)) == 201
    assert await _post(fake, url, body, _hex(CHANGE_MODE + b"?x=1?" + body)) == 401
    assert await _post(fake, url, body, _hex(CHANGE_MODE + b"?" + body)) == 401


@pytest.mark.usefixtures("key")
async def test_bare_path_when_there_is_neither_query_nor_body(fake: FakeThreeCommas) -> None:
    assert await _get(fake, "/ver1/accounts", _hex(b"/public/api/ver1/accounts")) == 200
    assert await _get(fake, "/ver1/accounts", _hex(b"/public/api/ver1/accounts?")) == 401


async def test_rsa_signature_over_another_payload_is_refused(fake: FakeThreeCommas) -> None:
    rsa = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    fake.add_rsa_key(private_key.public_key(), "hand-key")

    def sign(payload: bytes) -> str:
        return base64.b64encode(private_key.sign(payload, padding.PKCS1v15(), hashes.SHA256())).decode()

    url = "/ver1/deals?limit=2&offset=1"
    assert await _get(fake, url, sign(PATH + b"?limit=2&offset=1")) == 200
    assert await _get(fake, url, sign(PATH + b"?offset=1&limit=2")) == 401


async def test_the_fake_does_not_follow_the_sdk_signing_rule(
    fake: FakeThreeCommas, key: FakeKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threecommas_async._auth as sdk_auth

    monkeypatch.setattr(sdk_auth, "signature_payload", lambda raw_path, body, **_: raw_path.partition(b"?")[0])
    assert await _get(fake, "/ver1/deals?limit=2", _hex(PATH + b"?limit=2")) == 200
    async with ThreeCommas(
        api_key=key.api_key, api_secret="hand-secret", transport=fake.transport(), max_retries=0
    ) as client:
        with pytest.raises(threecommas_async.AuthenticationError):
            await client.request("GET", "/ver1/deals", params={"limit": 2})


def test_no_module_of_the_fake_imports_the_sdk_signing_code() -> None:
    offenders = []
    for source in sorted(TESTING_PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_auth"):
                offenders.append(f"{source.name}: from {node.module}")
            if isinstance(node, ast.ImportFrom) and any(alias.name == "signature_payload" for alias in node.names):
                offenders.append(f"{source.name}: signature_payload")
    assert offenders == []


async def test_documented_signing_vectors_are_accepted() -> None:
    vectors = {item["name"]: item for item in json.loads((DATA / "signing_vectors.json").read_text())["vectors"]}
    fake = FakeThreeCommas(clock=ManualClock())
    fake.add_key("documented-key", vectors["json_body"]["secret"])
    query, json_body = vectors["form_or_query"], vectors["json_body"]
    assert hmac_hex(query["secret"], query["payload"].encode()) == query["signature"]
    async with httpx.AsyncClient(transport=fake.transport(), base_url=IN_PROCESS_BASE_URL) as client:
        as_query = await client.post(
            "/ver1/users/change_mode?mode=paper", headers={"Apikey": "documented-key", "Signature": query["signature"]}
        )
        as_form = await client.post(
            "/ver1/users/change_mode",
            content=b"mode=paper",
            headers={
                "Apikey": "documented-key",
                "Signature": query["signature"],
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        as_json = await client.post(
            "/ver1/users/change_mode",
            content=b'{"mode": "paper"}',
            headers={
                "Apikey": "documented-key",
                "Signature": json_body["signature"],
                "Content-Type": "application/json",
            },
        )
    assert [as_query.status_code, as_form.status_code, as_json.status_code] == [201, 201, 201]
