"""Credentials from arguments or the environment, turned into a signing auth without leaking them.

The secret and the private key are wrapped as soon as they arrive, and every check that can fail looks
only at which parts are present: a traceback (or a crash reporter that records frame locals) shows
``<secret>``, never the value.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._auth import BodyJoin, HmacAuth, RsaAuth, SigningAuth
from ._exceptions import MissingCredentialsError, ValidationError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

__all__ = ["Credentials"]


class Credentials:
    """An API key with its HMAC secret or RSA private key; the repr names only which parts are present."""

    __slots__ = ("_api_key", "_password", "_private_key", "_secret")

    def __init__(
        self,
        api_key: str | None,
        api_secret: str | None,
        private_key: str | bytes | RSAPrivateKey | None,
        password: bytes | None,
    ) -> None:
        self._api_key = api_key or os.environ.get("THREECOMMAS_API_KEY") or None
        if api_secret is None and private_key is None:
            api_secret = os.environ.get("THREECOMMAS_API_SECRET") or None
            if api_secret is None:
                private_key = _private_key_from_env()
        self._secret = api_secret
        self._private_key = private_key
        self._password = password

    def check(self) -> None:
        """Raise a typed error for an incomplete or contradictory set; nothing secret is in scope here."""
        _check_parts(
            has_key=self._api_key is not None,
            has_secret=self._secret is not None,
            has_private_key=self._private_key is not None,
        )

    def auth(self, body_join: BodyJoin) -> SigningAuth | None:
        """The signing auth, or None when there are no credentials at all. Call ``check`` first."""
        if self._api_key is None:
            return None
        if self._private_key is not None:
            return RsaAuth(self._api_key, self._private_key, password=self._password, body_join=body_join)
        assert self._secret is not None
        return HmacAuth(self._api_key, self._secret, body_join=body_join)

    def __repr__(self) -> str:
        parts = [name for name, value in (("key", self._api_key), ("secret", self._secret)) if value is not None]
        if self._private_key is not None:
            parts.append("private_key")
        return f"Credentials({', '.join(parts) or 'none'})"


def _check_parts(*, has_key: bool, has_secret: bool, has_private_key: bool) -> None:
    if has_secret and has_private_key:
        raise ValidationError("api_secret", "and private_key were both given: pass one (HMAC or RSA), not both")
    if not has_key and (has_secret or has_private_key):
        raise MissingCredentialsError("api_key is missing (argument or THREECOMMAS_API_KEY)")
    if has_key and not (has_secret or has_private_key):
        raise MissingCredentialsError(
            "api_secret or private_key is missing (argument, THREECOMMAS_API_SECRET or THREECOMMAS_PRIVATE_KEY)"
        )


def _private_key_from_env() -> Any:
    value = os.environ.get("THREECOMMAS_PRIVATE_KEY") or None
    if value is None or value.lstrip().startswith("-----BEGIN"):
        return value
    path = Path(value).expanduser()
    return path.read_text() if path.is_file() else value
