"""threecommas_async: an asyncio SDK for the 3Commas API.

A transport that spends the rate budget fully and never overshoots, exact Decimal money, typed
endpoint coroutines, typed errors, and a fake 3Commas server (``threecommas_async.testing``).
"""

from typing import TYPE_CHECKING, Any

from ._auth import HmacAuth, RsaAuth, SigningAuth, signature_payload
from ._client import DEFAULT_BASE_URL, ThreeCommas
from ._clock import VirtualClock
from ._exceptions import (
    APIError,
    AuthenticationError,
    BadRequestError,
    DeprecatedEndpointWarning,
    IPBannedError,
    MissingCredentialsError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    PlanLimitError,
    RateLimitError,
    RateLimiterUnavailableError,
    ResponseDecodeError,
    ResponseValidationError,
    ServerError,
    ThreeCommasError,
    TransportError,
    UnprocessableError,
    ValidationError,
)
from ._json import JsonNumber
from ._json import dumps as encode_json
from ._json import loads as decode_json
from ._pool import ClientPool, shared_http_client
from ._ratelimit import (
    Bucket,
    BucketSnapshot,
    FallbackBackend,
    InMemoryBackend,
    IPBanGate,
    Lane,
    LimiterBackend,
    LimiterSnapshot,
    RateLimiter,
    RateLimitPolicy,
    default_policy,
)
from ._response import RawResponse
from ._sender import RequestOptions
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "Bucket",
    "BucketSnapshot",
    "ClientPool",
    "DeprecatedEndpointWarning",
    "FallbackBackend",
    "FleetOptions",
    "FleetStats",
    "HmacAuth",
    "IPBanGate",
    "IPBannedError",
    "InMemoryBackend",
    "JsonNumber",
    "Lane",
    "LimiterBackend",
    "LimiterSnapshot",
    "MissingCredentialsError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "PlanLimitError",
    "RateLimitError",
    "RateLimitPolicy",
    "RateLimiter",
    "RateLimiterUnavailableError",
    "RawResponse",
    "RedisBackend",
    "RequestOptions",
    "ResponseDecodeError",
    "ResponseValidationError",
    "RsaAuth",
    "ServerError",
    "SigningAuth",
    "ThreeCommas",
    "ThreeCommasError",
    "TransportError",
    "UnprocessableError",
    "ValidationError",
    "VirtualClock",
    "__version__",
    "decode_json",
    "default_policy",
    "encode_json",
    "shared_http_client",
    "signature_payload",
]

if TYPE_CHECKING:
    from ._ratelimit import FleetOptions, FleetStats, RedisBackend

_FLEET_NAMES = ("FleetOptions", "FleetStats", "RedisBackend")


def __getattr__(name: str) -> Any:
    """Fleet mode (``RedisBackend``, ``FleetOptions``, ``FleetStats``) loads on first use."""
    if name in _FLEET_NAMES:
        from . import _ratelimit

        return getattr(_ratelimit, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
