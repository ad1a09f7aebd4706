"""Rate limiting: policy data, the limiter, and its backends (in-memory; Redis for a fleet in ``_redis``).

The Redis backend is imported on first use, so processes that never share a budget do not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._backend import BucketSnapshot, Lane, LimiterBackend, LimiterSnapshot, Permit
from ._fallback import FallbackBackend
from ._ipgate import IPBanGate, shared_ban_gate
from ._limiter import Attempt, Outcome, RateLimiter
from ._memory import InMemoryBackend
from ._policy import Bucket, RateLimitPolicy, default_policy

__all__ = [
    "Attempt",
    "Bucket",
    "BucketSnapshot",
    "FallbackBackend",
    "FleetOptions",
    "FleetStats",
    "IPBanGate",
    "InMemoryBackend",
    "Lane",
    "LimiterBackend",
    "LimiterSnapshot",
    "Outcome",
    "Permit",
    "RateLimitPolicy",
    "RateLimiter",
    "RedisBackend",
    "default_policy",
    "fleet_key_prefix",
    "shared_ban_gate",
]

_FLEET_NAMES = frozenset({"FleetOptions", "FleetStats", "RedisBackend", "fleet_key_prefix"})

if TYPE_CHECKING:
    from ._redis import FleetOptions, FleetStats, RedisBackend, fleet_key_prefix


def __getattr__(name: str) -> Any:
    if name in _FLEET_NAMES:
        from . import _redis

        return getattr(_redis, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
