"""Signing: the documented vectors, the payload rules, RSA, and secrets kept out of reprs."""

from __future__ import annotations

import base64

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from support import SigningVector

from threecommas_async import HmacAuth, RsaAuth, _json, signature_payload


def signed_headers(auth: httpx.Auth, request: httpx.Request) -> httpx.Headers:
    flow = auth.sync_auth_flow(request)
    return next(flow).headers


def test_both_documented_vectors(signing_vectors: dict[str, SigningVector]) -> None:
    assert len(signing_vectors) == 2
    for vector in signing_vectors.values():
        auth = HmacAuth("key", vector.secret)
        assert auth.sign(vector.payload.encode()) == vector.signature


def test_vectors_end_to_end_query_form_and_json(signing_vectors: dict[str, SigningVector]) -> None:
    query_vector, json_vector = signing_vectors["form_or_query"], signing_vectors["json_body"]
    auth = HmacAuth("key", query_vector.secret)
    url = "https://api.3commas.io/public/api/ver1/users/change_mode"
    as_query = httpx.Request("POST", url, params={"mode": "paper"})
    as_form = httpx.Request("POST", url, content=b"mode=paper")
    as_json = httpx.Request("POST", url, content=_json.dumps({"mode": "paper"}))
    assert signed_headers(auth, as_query)["Signature"] == query_vector.signature
    assert signed_headers(auth, as_form)["Signature"] == query_vector.signature
    assert signed_headers(auth, as_json)["Signature"] == json_vector.signature


def test_payload_join_rules() -> None:
    assert signature_payload(b"/public/api/ver1/x", b"") == b"/public/api/ver1/x"
    assert signature_payload(b"/public/api/ver1/x", b"", body_join="") == b"/public/api/ver1/x"
    assert signature_payload(b"/public/api/ver1/x", b"{}") == b"/public/api/ver1/x?{}"
    assert signature_payload(b"/public/api/ver1/x?a=1", b"{}") == b"/public/api/ver1/x?a=1{}"
    assert signature_payload(b"/public/api/ver1/x", b"{}", body_join="") == b"/public/api/ver1/x{}"
    assert signature_payload(b"/public/api/ver1/x?a=1", b"{}", body_join="") == b"/public/api/ver1/x?a=1{}"


def test_rsa_signature_verifies_with_the_public_key() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    auth = RsaAuth("rsa-key", pem.decode())
    request = httpx.Request("GET", "https://api.3commas.io/public/api/ver1/accounts", params={"a": "1"})
    headers = signed_headers(auth, request)
    signature = base64.b64decode(headers["Signature"])
    key.public_key().verify(
        signature, b"/public/api/ver1/accounts?a=1", padding.PKCS1v15(), hashes.SHA256()
    )
    assert headers["Apikey"] == "rsa-key"
    assert "PRIVATE" not in repr(auth)


def test_rsa_rejects_garbage_without_echoing_it() -> None:
    with pytest.raises(ValueError, match="PEM") as caught:
        RsaAuth("k", "-----BEGIN PRIVATE KEY-----\nnot-a-key-SECRETSTUFF\n-----END PRIVATE KEY-----")
    assert "SECRETSTUFF" not in str(caught.value)
    assert caught.value.__cause__ is None


def test_repr_hides_the_secret() -> None:
    auth = HmacAuth("abcdefghijkl", "super-secret-value")
    assert "super-secret-value" not in repr(auth)
    assert "abcdefghijkl" not in repr(auth)
    assert "super-secret-value" not in str(vars(auth))
