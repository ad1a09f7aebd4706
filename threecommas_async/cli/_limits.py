"""``limits``: the documented budgets, and a fleet's live use of them from Redis."""

from __future__ import annotations

from typing import TextIO

from .. import LimiterSnapshot, RateLimitPolicy, default_policy

__all__ = ["fleet_snapshot", "print_policy"]


def print_policy(out: TextIO, policy: RateLimitPolicy | None = None) -> None:
    policy = policy or default_policy()
    print("Rate budgets per API key (documented):", file=out)
    for bucket in policy.buckets:
        endpoints = ", ".join(bucket.endpoints)
        print(
            f"  {bucket.name:<18} {bucket.limit:>4} per {bucket.period:g} s, a 429 blocks {bucket.block_seconds:g} s"
            f"  [{endpoints}]",
            file=out,
        )
    print(
        f"  repeated 429s: 418 IP ban, {policy.ban_seconds:g} s doubling up to {policy.ban_max_seconds / 86400:g} days",
        file=out,
    )


def print_snapshot(snapshot: LimiterSnapshot, out: TextIO) -> None:
    print("Fleet now:", file=out)
    for bucket in snapshot.buckets:
        blocked = f", blocked {bucket.blocked_for:.0f} s" if bucket.blocked_for > 0 else ""
        print(
            f"  {bucket.name:<18} used {bucket.used:>4}/{bucket.limit}, in flight {bucket.in_flight}, "
            f"free {bucket.available}{blocked}",
            file=out,
        )
    banned = f"banned for {snapshot.banned_for:.0f} s" if snapshot.banned_for > 0 else "not banned"
    print(f"  waiters {snapshot.waiters}, {banned}", file=out)


async def fleet_snapshot(url: str, api_key: str, namespace: str | None, out: TextIO) -> int:
    from .. import RedisBackend

    backend = RedisBackend.from_url(url, api_key=api_key, namespace=namespace)
    try:
        snapshot = await backend.snapshot(default_policy().buckets)
    finally:
        await backend.aclose()
    print_snapshot(snapshot, out)
    return 0
