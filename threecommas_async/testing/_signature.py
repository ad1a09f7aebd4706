"""The fake's own signature rule, written from the documented payload; it shares no code with the SDK's signing.

3Commas signs ``<full path incl. /public/api>?<query string><raw body>`` over the bytes as sent:

- query (with or without a body): ``path?query`` followed by the body;
- a body and no query: ``path?body`` (the documented test vectors), or ``path`` + body, the docs'
  alternative join (accepted too unless the fake is told to be strict);
- neither: the bare path.

HMAC keys sign with lowercase hex HMAC-SHA256 (key = the secret); self-generated RSA keys sign with
RSASSA-PKCS1-v1_5 over SHA-256, Base64. :class:`FakeSigner` is a tiny ``httpx.Auth`` built on the
same rule, used by :meth:`FakeThreeCommas.http_client` so the fake can be driven without the SDK.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

__all__ = ["BODY_JOINS", "FakeSigner", "accepted_payloads", "body_joins", "hmac_hex", "rsa_verifies"]

BODY_JOINS: tuple[str, ...] = ("?", "")
"""The two documented ways to join the path and a body when there is no query: ``?`` and nothing."""


def body_joins(values: Iterable[str]) -> tuple[str, ...]:
    """Validated, de-duplicated body joins (each ``"?"`` or ``""``)."""
    joins: list[str] = []
    for value in values:
        if value not in BODY_JOINS:
            raise ValueError(f"a body join is '?' or '', not {value!r}")
        if value not in joins:
            joins.append(value)
    if not joins:
        raise ValueError("accept at least one body join")
    return tuple(joins)


def accepted_payloads(path: bytes, query: bytes, body: bytes, joins: Iterable[str] = BODY_JOINS) -> list[bytes]:
    """Every payload a client may have signed for a request to ``path`` with ``query`` and ``body``."""
    if query:
        return [path + b"?" + query + body]
    if not body:
        return [path]
    return [path + join.encode() + body for join in joins]


def hmac_hex(secret: str, payload: bytes) -> str:
    """Lowercase hex HMAC-SHA256 of ``payload`` keyed with ``secret``."""
    return hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()


def rsa_verifies(public_key: RSAPublicKey, payload: bytes, signature: str) -> bool:
    """True when ``signature`` (Base64) is an RSASSA-PKCS1-v1_5 / SHA-256 signature of ``payload``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    try:
        raw = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    try:
        public_key.verify(raw, payload, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False
    return True


class FakeSigner(httpx.Auth):
    """Signs requests with an HMAC key by the fake's rule (``path?body`` for body-only requests)."""

    requires_request_body = True

    def __init__(self, api_key: str, secret: str) -> None:
        self.api_key = api_key
        self._secret = secret

    def __repr__(self) -> str:
        return f"FakeSigner(api_key={self.api_key[:4]}...)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        path, _, query = request.url.raw_path.partition(b"?")
        payload = accepted_payloads(path, query, request.content, ("?",))[0]
        request.headers["Apikey"] = self.api_key
        request.headers["Signature"] = hmac_hex(self._secret, payload)
        yield request
