"""Rate limiting: policy data, the limiter, and its backends (in-memory; Redis for a fleet in ``_redis``)."""

from ._backend import BucketSnapshot, LimiterBackend, LimiterSnapshot, Permit
from ._limiter import RateLimiter
from ._memory import InMemoryBackend
from ._policy import Bucket, RateLimitPolicy, default_policy
from ._redis import FleetStats, RedisBackend, fleet_key_prefix

__all__ = [
    "Bucket",
    "BucketSnapshot",
    "FleetStats",
    "InMemoryBackend",
    "LimiterBackend",
    "LimiterSnapshot",
    "Permit",
    "RateLimitPolicy",
    "RateLimiter",
    "RedisBackend",
    "default_policy",
    "fleet_key_prefix",
]
