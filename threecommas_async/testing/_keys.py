"""API keys the fake accepts: permissions, default mode, and signature checks (HMAC and RSA)."""

from __future__ import annotations

import enum
import hmac
import random
import string
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._signature import hmac_hex, rsa_verifies

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

    from ._limits import Budget
    from ._state import Mode

__all__ = ["ALL_PERMISSIONS", "FakeKey", "KeyRing", "Permission"]

_KEY_ALPHABET = string.ascii_letters + string.digits


class Permission(enum.Enum):
    """The documented API-key permissions."""

    BOTS_READ = "BOTS_READ"
    BOTS_WRITE = "BOTS_WRITE"
    ACCOUNTS_READ = "ACCOUNTS_READ"
    ACCOUNTS_WRITE = "ACCOUNTS_WRITE"
    SMART_TRADES_READ = "SMART_TRADES_READ"
    SMART_TRADES_WRITE = "SMART_TRADES_WRITE"


ALL_PERMISSIONS: frozenset[Permission] = frozenset(Permission)


def _permissions(values: Iterable[Permission | str]) -> frozenset[Permission]:
    return frozenset(value if isinstance(value, Permission) else Permission[value.upper()] for value in values)


@attrs.define(eq=False)
class FakeKey:
    """One API key registered with the fake. Exactly one of ``secret`` / ``public_key`` is set."""

    api_key: str
    secret: str | None = attrs.field(repr=False)
    public_key: RSAPublicKey | None = attrs.field(repr=False)
    permissions: frozenset[Permission]
    default_mode: Mode | None = None
    enabled: bool = True
    budgets: tuple[Budget, ...] | None = None
    """This key's own budgets (another plan); None: the fake's :class:`LimitSettings` budgets."""

    def allows(self, permission: Permission | None) -> bool:
        return permission is None or permission in self.permissions

    def signature_matches(self, payloads: Iterable[bytes], signature: str) -> bool:
        """True when ``signature`` signs any of ``payloads`` (one per accepted body join)."""
        return any(self._matches(payload, signature) for payload in payloads)

    def _matches(self, payload: bytes, signature: str) -> bool:
        if self.secret is not None:
            return hmac.compare_digest(hmac_hex(self.secret, payload), signature.strip().lower())
        if self.public_key is not None:
            return rsa_verifies(self.public_key, payload, signature)
        return False


class KeyRing:
    """The API keys the fake knows, by key string. New keys and secrets come from a seeded RNG."""

    def __init__(self, *, seed: int = 0) -> None:
        self._keys: dict[str, FakeKey] = {}
        self._rng = random.Random(seed)

    def __iter__(self) -> Iterator[FakeKey]:
        return iter(list(self._keys.values()))

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, api_key: str) -> FakeKey | None:
        return self._keys.get(api_key)

    def remove(self, api_key: str) -> None:
        self._keys.pop(api_key, None)

    def add_hmac(
        self,
        api_key: str | None = None,
        secret: str | None = None,
        *,
        permissions: Iterable[Permission | str] = ALL_PERMISSIONS,
        default_mode: Mode | None = None,
    ) -> FakeKey:
        """Register a system-generated key (HMAC-SHA256 signatures)."""
        key = FakeKey(
            api_key=api_key or self._token(),
            secret=secret or self._token(),
            public_key=None,
            permissions=_permissions(permissions),
            default_mode=default_mode,
        )
        return self._register(key)

    def add_rsa(
        self,
        public_key: str | bytes | Any,
        api_key: str | None = None,
        *,
        permissions: Iterable[Permission | str] = ALL_PERMISSIONS,
        default_mode: Mode | None = None,
    ) -> FakeKey:
        """Register a self-generated RSA key: ``public_key`` is a PEM, or a cryptography public or private key."""
        key = FakeKey(
            api_key=api_key or self._token(),
            secret=None,
            public_key=_load_public_key(public_key),
            permissions=_permissions(permissions),
            default_mode=default_mode,
        )
        return self._register(key)

    def _register(self, key: FakeKey) -> FakeKey:
        if key.api_key in self._keys:
            raise ValueError("this api_key is already registered")
        self._keys[key.api_key] = key
        return key

    def _token(self) -> str:
        return "".join(self._rng.choice(_KEY_ALPHABET) for _ in range(64))


def _load_public_key(value: str | bytes | Any) -> RSAPublicKey:
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("RSA keys need the 'cryptography' package") from exc
    if isinstance(value, (str, bytes)):
        data = value.encode() if isinstance(value, str) else value
        loaded: Any = serialization.load_pem_public_key(data)
    elif isinstance(value, rsa.RSAPrivateKey):
        loaded = value.public_key()
    else:
        loaded = value
    if not isinstance(loaded, rsa.RSAPublicKey):
        raise ValueError("public_key is not an RSA public key")
    return loaded
