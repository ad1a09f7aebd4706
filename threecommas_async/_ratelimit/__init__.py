"""Rate limiting: policy data, the limiter, and its backends (in-memory here; Redis in ``_redis``)."""

from ._backend import BucketSnapshot, LimiterBackend, LimiterSnapshot, Permit
from ._limiter import RateLimiter
from ._memory import InMemoryBackend
from ._policy import Bucket, RateLimitPolicy, default_policy

__all__ = [
    "Bucket",
    "BucketSnapshot",
    "InMemoryBackend",
    "LimiterBackend",
    "LimiterSnapshot",
    "Permit",
    "RateLimitPolicy",
    "RateLimiter",
    "default_policy",
]
