"""Rate-limit policy as data: buckets (limit per period, block after a 429), which endpoints each covers,
the weight of each endpoint, and how 418 bans are assumed to escalate.

Endpoint patterns are ``"METHOD /path/{param}"`` (``{param}`` matches one path segment, ``*`` anything),
``"METHOD *"`` or ``"*"``. They match documented templates and concrete paths alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

__all__ = ["BanRule", "Bucket", "RateLimitPolicy", "default_policy"]


def _segment_regex(part: str) -> str:
    if part == "*":
        return ".*"
    if part.startswith("{") and part.endswith("}"):
        return "[^/]+"
    return re.escape(part)


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    if pattern == "*":
        return re.compile(r"^[A-Z]+ .*$")
    method, _, path = pattern.partition(" ")
    if not path:
        raise ValueError(f"endpoint pattern {pattern!r} must look like 'GET /ver1/deals' or '*'")
    method_re = "[A-Z]+" if method == "*" else re.escape(method.upper())
    if path == "*":
        path_re = ".*"
    else:
        path_re = "".join(_segment_regex(part) for part in re.split(r"(\{[^/{}]+\}|\*)", path) if part)
    return re.compile(f"^{method_re} {path_re}$")


def _bucket_tuple(value: Iterable[Bucket]) -> tuple[Bucket, ...]:
    return tuple(value)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen(slots=True)
class Bucket:
    """At most ``limit`` weight in any ``period`` seconds over the matching endpoints.

    ``block_seconds`` is how long the server refuses the key after this bucket is exceeded (a 429).
    """

    name: str
    limit: int = attrs.field(validator=attrs.validators.gt(0))
    period: float = attrs.field(validator=attrs.validators.gt(0))
    block_seconds: float = attrs.field(default=0.0, validator=attrs.validators.ge(0))
    endpoints: tuple[str, ...] = attrs.field(default=("*",), converter=_str_tuple)
    _regexes: tuple[re.Pattern[str], ...] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_regexes", tuple(_pattern_regex(p) for p in self.endpoints))

    def covers(self, method: str, path: str) -> bool:
        key = f"{method.upper()} {path}"
        return any(regex.match(key) for regex in self._regexes)

    def scaled(self, factor: float) -> Bucket:
        return attrs.evolve(self, period=self.period * factor, block_seconds=self.block_seconds * factor)


@attrs.frozen(slots=True)
class BanRule:
    """How long a ban is assumed to last without Retry-After: ``base * 2**level``, at most ``cap``."""

    base: float = 120.0
    cap: float = 259_200.0

    def length(self, level: int) -> float:
        return min(self.base * 2.0 ** min(level, 64), self.cap)


def _freeze_weights(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


@attrs.frozen(slots=True)
class RateLimitPolicy:
    """Buckets plus per-endpoint weights (pattern -> weight; unlisted endpoints weigh ``default_weight``).

    ``ban_seconds`` is the ban length assumed after a 418 without Retry-After; each further ban event
    before a successful response doubles it, up to ``ban_max_seconds`` (see ``_gate``). ``urgent_reserve``
    slots of every bucket are left to urgent requests (orders, cancels, panic sells): the normal and bulk
    lanes use at most ``limit - urgent_reserve``, so an urgent call goes out at once even when pollers
    keep the window full. Off (0) by default.
    """

    buckets: tuple[Bucket, ...] = attrs.field(converter=_bucket_tuple)
    weights: Mapping[str, int] = attrs.field(factory=dict, converter=_freeze_weights, hash=False)
    default_weight: int = 1
    ban_seconds: float = 120.0
    ban_max_seconds: float = 259_200.0
    urgent_reserve: int = 0
    _weight_regexes: tuple[tuple[re.Pattern[str], int], ...] = attrs.field(init=False, repr=False, eq=False, hash=False)
    _cached_resolve: Callable[[str, str], tuple[tuple[Bucket, ...], int]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        names = [bucket.name for bucket in self.buckets]
        if len(set(names)) != len(names):
            raise ValueError(f"bucket names must be unique: {names}")
        smallest = min((bucket.limit for bucket in self.buckets), default=1)
        if not 0 <= self.urgent_reserve < smallest:
            raise ValueError(f"urgent_reserve must be >= 0 and below the smallest bucket limit ({smallest})")
        regexes = tuple((_pattern_regex(p), w) for p, w in self.weights.items())
        object.__setattr__(self, "_weight_regexes", regexes)
        object.__setattr__(self, "_cached_resolve", functools.lru_cache(maxsize=4096)(self._resolve))

    @property
    def ban_rule(self) -> BanRule:
        return BanRule(self.ban_seconds, self.ban_max_seconds)

    def resolve(self, method: str, path: str) -> tuple[tuple[Bucket, ...], int]:
        """The buckets a request falls in and its weight (cached per method and path)."""
        return self._cached_resolve(method, path)

    def _resolve(self, method: str, path: str) -> tuple[tuple[Bucket, ...], int]:
        buckets = tuple(b for b in self.buckets if b.covers(method, path))
        key = f"{method.upper()} {path}"
        weight = next((w for regex, w in self._weight_regexes if regex.match(key)), self.default_weight)
        return buckets, weight

    def scaled(self, factor: float) -> RateLimitPolicy:
        """The same policy on a clock running ``1/factor`` times faster (``0.01``: 60 s becomes 0.6 s)."""
        return attrs.evolve(
            self,
            buckets=tuple(b.scaled(factor) for b in self.buckets),
            ban_seconds=self.ban_seconds * factor,
            ban_max_seconds=self.ban_max_seconds * factor,
        )


def default_policy() -> RateLimitPolicy:
    """The documented budgets of one API key.

    All endpoints together 100 / 60 s (300 s block); ``GET /ver1/deals`` and ``GET /ver1/deals/{id}/show``
    120 / 60 s (60 s block); the smart-trades list 40 / 10 s (10 s block). The limits page writes the
    smart-trades path as ``/ver1/smart_trades`` while the documented list is ``/v2/smart_trades``; both
    are covered. Every endpoint weighs 1 (the legacy docs' only published weight).
    """
    return RateLimitPolicy(
        buckets=(
            Bucket("global", limit=100, period=60.0, block_seconds=300.0, endpoints=("*",)),
            Bucket(
                "deals",
                limit=120,
                period=60.0,
                block_seconds=60.0,
                endpoints=("GET /ver1/deals", "GET /ver1/deals/{deal_id}/show"),
            ),
            Bucket(
                "smart_trades_list",
                limit=40,
                period=10.0,
                block_seconds=10.0,
                endpoints=("GET /v2/smart_trades", "GET /ver1/smart_trades"),
            ),
        )
    )
