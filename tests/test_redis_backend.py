"""RedisBackend against a real redis-server on loopback: two backends stand for two processes.

Covers the shared budget, the release rules, block windows and the ban gate across processes, fairness
between processes, key hygiene (prefix, expiry), failing closed, and the opt-in local fallback.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis
import respx
from redis_server import FLEET_API_KEY as API_KEY
from redis_server import MakeBackend, RedisServer, fleet_backends, free_port, running_redis_server  # noqa: F401 (the redis_server and make_backend fixtures)

from threecommas_async import (
    Bucket,
    IPBannedError,
    RateLimiter,
    RateLimiterUnavailableError,
    RateLimitPolicy,
    ThreeCommas,
)
from threecommas_async._ratelimit import LimiterBackend, _fleet_step
from threecommas_async._ratelimit._fleet_step import StepReply
from threecommas_async._ratelimit._redis import RedisBackend, fleet_key_prefix

pytestmark = pytest.mark.redis





@pytest.fixture
async def raw_redis(redis_server: RedisServer) -> AsyncIterator[aioredis.Redis]:
    client = aioredis.Redis.from_url(redis_server.url, decode_responses=True)
    yield client
    await client.aclose()


async def tickets(raw_redis: aioredis.Redis, backend: RedisBackend) -> list[str]:
    """The queue places (tickets) in the budget's hash."""
    return [str(field) for field in await raw_redis.hkeys(backend.key_prefix + "q") if str(field).startswith("t:")]


async def hold(backend: RedisBackend, bucket: Bucket, count: int) -> list[Any]:
    return [await backend.acquire((bucket,), 1, max_ban_wait=60.0) for _ in range(count)]


async def timed_acquire(backend: RedisBackend, buckets: tuple[Bucket, ...], **kwargs: Any) -> float:
    started = time.monotonic()
    permit = await backend.acquire(buckets, kwargs.pop("weight", 1), max_ban_wait=kwargs.pop("max_ban_wait", 60.0))
    await backend.release(permit, sent=True)
    return time.monotonic() - started


async def test_redis_backend_is_a_limiter_backend(make_backend: MakeBackend) -> None:
    assert isinstance(make_backend(), LimiterBackend)


async def test_two_processes_share_one_budget(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=5, period=0.3)
    first, second = make_backend(), make_backend()
    held = await hold(first, bucket, 3) + await hold(second, bucket, 2)
    snapshot = await first.snapshot((bucket,))
    assert snapshot.bucket("global").used == 5
    assert snapshot.bucket("global").in_flight == 5
    assert snapshot.bucket("global").available == 0

    late = asyncio.create_task(second.acquire((bucket,), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.1)
    assert not late.done()
    released_at = time.monotonic()
    for permit in held[:3]:
        await first.release(permit, sent=True)
    permit = await late
    assert time.monotonic() - released_at >= 0.3 - 0.01
    await second.release(permit, sent=True)
    for permit in held[3:]:
        await second.release(permit, sent=True)


async def test_slot_lingers_one_period_after_release_not_after_grant(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=1, period=0.2)
    first, second = make_backend(), make_backend()
    permit = await first.acquire((bucket,), 1, max_ban_wait=60.0)
    await asyncio.sleep(0.15)
    released_at = time.monotonic()
    await first.release(permit, sent=True)
    await timed_acquire(second, (bucket,))
    assert time.monotonic() - released_at >= 0.2 - 0.01


async def test_unsent_release_frees_the_slot_at_once(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=1, period=30.0)
    first, second = make_backend(), make_backend()
    permit = await first.acquire((bucket,), 1, max_ban_wait=60.0)
    waiter = asyncio.create_task(first.acquire((bucket,), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.05)
    await first.release(permit, sent=False)
    again = await asyncio.wait_for(waiter, 1.0)
    await first.release(again, sent=False)
    assert (await second.snapshot((bucket,))).bucket("global").used == 0


async def test_weight_counts_in_every_bucket_of_the_request(make_backend: MakeBackend) -> None:
    wide = Bucket("global", limit=10, period=30.0)
    narrow = Bucket("narrow", limit=4, period=30.0, endpoints=("GET /narrow",))
    backend = make_backend()
    permit = await backend.acquire((wide, narrow), 3, max_ban_wait=60.0)
    snapshot = await backend.snapshot((wide, narrow))
    assert snapshot.bucket("global").used == 3
    assert snapshot.bucket("narrow").used == 3
    with pytest.raises(ValueError, match="exceeds the limit"):
        await backend.acquire((wide, narrow), 5, max_ban_wait=60.0)
    await backend.release(permit, sent=False)


async def test_waiter_on_a_narrow_bucket_does_not_hold_up_other_processes(make_backend: MakeBackend) -> None:
    wide = Bucket("global", limit=100, period=30.0)
    narrow = Bucket("narrow", limit=1, period=30.0, endpoints=("GET /narrow",))
    first, second = make_backend(), make_backend()
    held = await first.acquire((wide, narrow), 1, max_ban_wait=60.0)
    stuck = asyncio.create_task(first.acquire((wide, narrow), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.05)
    other = await asyncio.wait_for(second.acquire((wide,), 1, max_ban_wait=60.0), 1.0)
    assert not stuck.done()
    stuck.cancel()
    for backend, permit in ((first, held), (second, other)):
        await backend.release(permit, sent=False)


async def test_429_in_one_process_blocks_every_process(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=100, period=1.0, block_seconds=300.0)
    first, second = make_backend(), make_backend()
    blocked_at = time.monotonic()
    await first.block((bucket,), 0.5)
    snapshot = await second.snapshot((bucket,))
    assert 0.3 < snapshot.bucket("global").blocked_for <= 0.5
    await timed_acquire(second, (bucket,))
    assert time.monotonic() - blocked_at >= 0.5 - 0.01


async def test_rate_limited_through_the_limiter_uses_the_bucket_block(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=100, period=1.0, block_seconds=0.4)
    policy = RateLimitPolicy(buckets=(bucket,))
    first = RateLimiter(policy, make_backend())
    second = RateLimiter(policy, make_backend())
    permit = await first.acquire("GET", "/ver1/bots")
    await first.release(permit)
    blocked_at = time.monotonic()
    assert await first.rate_limited(permit, retry_after=None) == 0.4
    await second.release(await second.acquire("GET", "/ver1/bots"))
    assert time.monotonic() - blocked_at >= 0.4 - 0.01


async def test_ban_in_one_process_closes_the_gate_for_every_process(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=100, period=1.0)
    first, second = make_backend(), make_backend()
    banned_at = time.monotonic()
    await first.ban(0.5)
    with pytest.raises(IPBannedError) as caught:
        await second.acquire((bucket,), 1, max_ban_wait=0.1)
    assert caught.value.local
    assert caught.value.retry_at is not None
    with pytest.raises(IPBannedError):
        await first.acquire((bucket,), 1, max_ban_wait=0.1)
    assert (await second.snapshot((bucket,))).banned_for > 0.3
    await timed_acquire(second, (bucket,), max_ban_wait=5.0)
    assert time.monotonic() - banned_at >= 0.5 - 0.01


async def test_long_ban_fails_local_waiters_that_will_not_wait_that_long(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=1, period=30.0)
    backend = make_backend()
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    impatient = asyncio.create_task(backend.acquire((bucket,), 1, max_ban_wait=1.0))
    await asyncio.sleep(0.05)
    await backend.ban(10.0)
    with pytest.raises(IPBannedError):
        await impatient
    await backend.release(permit, sent=False)


async def test_processes_take_turns_and_a_newcomer_is_not_starved(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=2, period=0.125)
    busy, newcomer = make_backend(), make_backend()
    order: list[str] = []

    async def call(backend: RedisBackend, label: str) -> None:
        permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
        order.append(label)
        await backend.release(permit, sent=True)

    crowd = [asyncio.create_task(call(busy, "busy")) for _ in range(16)]
    await asyncio.sleep(0.05)
    late = [asyncio.create_task(call(newcomer, "new")) for _ in range(4)]
    await asyncio.gather(*crowd, *late)
    first_new = order.index("new")
    last_new = len(order) - 1 - order[::-1].index("new")
    assert first_new <= 4
    assert last_new - first_new <= 8, order


async def test_heavy_request_is_not_starved_by_light_ones_from_other_processes(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=4, period=0.15)
    heavy_process, light_process = make_backend(), make_backend()
    held = await hold(light_process, bucket, 3)
    order: list[str] = []

    async def call(backend: RedisBackend, weight: int, label: str) -> None:
        permit = await backend.acquire((bucket,), weight, max_ban_wait=60.0)
        order.append(label)
        await backend.release(permit, sent=True)

    heavy = asyncio.create_task(call(heavy_process, 4, "heavy"))
    await asyncio.sleep(0.05)
    light = [asyncio.create_task(call(light_process, 1, f"light{i}")) for i in range(6)]
    await asyncio.sleep(0.05)
    for permit in held:
        await light_process.release(permit, sent=True)
    await asyncio.gather(heavy, *light)
    assert order[0] == "heavy"


async def test_cancelled_waiter_leaves_no_trace(make_backend: MakeBackend, raw_redis: aioredis.Redis) -> None:
    bucket = Bucket("global", limit=1, period=0.3)
    first, second = make_backend(), make_backend()
    permit = await first.acquire((bucket,), 1, max_ban_wait=60.0)
    cancelled = asyncio.create_task(second.acquire((bucket,), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.05)
    assert len(await tickets(raw_redis, second)) == 1
    cancelled.cancel()
    await asyncio.sleep(0.05)
    assert await tickets(raw_redis, second) == []
    await first.release(permit, sent=True)
    await timed_acquire(first, (bucket,))
    assert (await first.snapshot((bucket,))).bucket("global").used == 1


async def test_dead_process_ticket_and_slots_expire(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=1, period=0.2)
    crashed = make_backend(max_in_flight=0.3, ticket_grace=0.2)
    survivor = make_backend()
    await crashed.acquire((bucket,), 1, max_ban_wait=60.0)
    orphan = asyncio.create_task(crashed.acquire((bucket,), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.05)
    assert crashed._pump._pump_task is not None
    crashed._pump._pump_task.cancel()
    orphan.cancel()
    started = time.monotonic()
    await asyncio.wait_for(timed_acquire(survivor, (bucket,)), 3.0)
    assert time.monotonic() - started >= 0.2


async def test_keys_carry_a_hash_of_the_api_key_never_the_key(
    make_backend: MakeBackend, raw_redis: aioredis.Redis
) -> None:
    bucket = Bucket("global", limit=3, period=0.5, block_seconds=1.0)
    backend = make_backend(namespace="acct-7")
    assert backend.key_prefix == fleet_key_prefix(API_KEY, "acct-7")
    assert backend.key_prefix.startswith("threecommas:acct-7:{")
    assert API_KEY not in repr(backend)
    permits = await hold(backend, bucket, 3)
    waiter = asyncio.create_task(backend.acquire((bucket,), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.05)
    await backend.block((bucket,), 0.2)
    await backend.ban(0.1)
    keys = [key async for key in raw_redis.scan_iter("*")]
    mine = [key for key in keys if key.startswith(backend.key_prefix)]
    assert {key.removeprefix(backend.key_prefix) for key in mine} == {"s:global", "q"}
    for key in keys:
        assert API_KEY not in key
        assert API_KEY[:12] not in key
    waiter.cancel()
    for permit in permits:
        await backend.release(permit, sent=True)
    assert fleet_key_prefix(API_KEY) != fleet_key_prefix(API_KEY + "x")
    with pytest.raises(ValueError):
        fleet_key_prefix(API_KEY, "bad{tag}")


async def test_every_key_expires_and_an_abandoned_fleet_leaves_nothing(
    make_backend: MakeBackend, raw_redis: aioredis.Redis, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_fleet_step, "KEY_MARGIN_MS", 200.0)  # every key's pad past its use: 1 s by default
    bucket = Bucket("global", limit=2, period=0.2, block_seconds=0.3)
    backend = make_backend(max_in_flight=0.3, ticket_grace=0.2, epoch_ttl=0.5)
    permits = await hold(backend, bucket, 2)
    waiter = asyncio.create_task(backend.acquire((bucket,), 1, max_ban_wait=60.0))
    await asyncio.sleep(0.05)
    await backend.block((bucket,), 0.3)
    await backend.ban(0.2)
    await backend.release(permits[0], sent=True)
    keys = [key async for key in raw_redis.scan_iter(backend.key_prefix + "*")]
    assert {key.removeprefix(backend.key_prefix) for key in keys} >= {"s:global", "q"}
    for key in keys:
        ttl = await raw_redis.pttl(key)
        assert 0 < ttl <= 2_000, (key, ttl)
    waiter.cancel()
    assert backend._pump._pump_task is not None
    backend._pump._pump_task.cancel()
    for _ in range(60):
        await asyncio.sleep(0.1)
        if not [key async for key in raw_redis.scan_iter(backend.key_prefix + "*")]:
            break
    assert [key async for key in raw_redis.scan_iter(backend.key_prefix + "*")] == []


async def test_one_step_per_granted_request_in_steady_state(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=20, period=0.125)
    backend = make_backend()

    async def call() -> None:
        permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
        await asyncio.sleep(0.002)
        await backend.release(permit, sent=True)

    await asyncio.gather(*(call() for _ in range(120)))
    stats = backend.stats
    assert stats.grants == 120
    assert stats.ask_steps - stats.denied_steps <= stats.grants
    assert stats.denied_steps <= 12
    assert stats.write_only_steps <= 12
    assert stats.steps <= stats.grants


class ManualClock:
    """The backend's local clock, moved by the test; Redis keeps its own (real) clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def redis_ms(raw_redis: aioredis.Redis) -> float:
    seconds, micros = await raw_redis.time()
    return seconds * 1000.0 + micros / 1000.0


async def test_released_slot_frees_a_period_after_the_release_not_after_the_write(
    make_backend: MakeBackend, raw_redis: aioredis.Redis
) -> None:
    bucket = Bucket("global", limit=5, period=60.0)
    clock = ManualClock()
    backend = make_backend(clock=clock, release_linger=30.0)
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    member = permit.token.member
    await backend.release(permit, sent=True)
    assert backend.stats.write_steps == 0
    clock.now += 20.0
    before = await redis_ms(raw_redis)
    await backend.snapshot((bucket,))
    after = await redis_ms(raw_redis)
    assert backend.stats.write_steps == 1
    frees = await raw_redis.zscore(backend.key_prefix + "s:global", member)
    assert frees is not None
    assert before - 20_000.0 + 60_000.0 - 1.0 <= frees <= after - 20_000.0 + 60_000.0 + 1.0


async def test_release_written_more_than_a_period_late_frees_the_slot_at_once(
    make_backend: MakeBackend, raw_redis: aioredis.Redis
) -> None:
    bucket = Bucket("global", limit=1, period=2.0)
    clock = ManualClock()
    backend = make_backend(clock=clock, release_linger=30.0)
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    await backend.release(permit, sent=True)
    clock.now += 2.5
    snapshot = await backend.snapshot((bucket,))
    assert snapshot.bucket("global").used == 0
    assert await raw_redis.zcard(backend.key_prefix + "s:global") == 0


async def test_release_age_is_capped_at_the_lease(make_backend: MakeBackend, raw_redis: aioredis.Redis) -> None:
    bucket = Bucket("global", limit=1, period=60.0)
    clock = ManualClock()
    backend = make_backend(clock=clock, max_in_flight=5.0, release_linger=30.0)
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    await backend.release(permit, sent=True)
    clock.now += 40.0
    before = await redis_ms(raw_redis)
    await backend.snapshot((bucket,))
    frees = await raw_redis.zscore(backend.key_prefix + "s:global", permit.token.member)
    assert frees is not None
    assert frees >= before - 5_000.0 + 60_000.0 - 1.0


async def test_lingering_release_is_written_without_any_further_call(
    make_backend: MakeBackend, raw_redis: aioredis.Redis
) -> None:
    bucket = Bucket("global", limit=5, period=30.0)
    backend = make_backend(release_linger=0.05)
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    steps = backend.stats.steps
    in_flight_after = await redis_ms(raw_redis) + 30_000.0
    await backend.release(permit, sent=True)
    assert backend.stats.steps == steps
    assert (await raw_redis.zscore(backend.key_prefix + "s:global", permit.token.member) or 0) > in_flight_after
    for _ in range(200):
        if backend.stats.write_only_steps:
            break
        await asyncio.sleep(0.01)
    assert backend.stats.write_only_steps == 1
    assert backend.stats.steps == steps + 1
    frees = await raw_redis.zscore(backend.key_prefix + "s:global", permit.token.member)
    assert frees is not None
    assert frees <= await redis_ms(raw_redis) + 30_000.0


async def test_a_step_carries_releases_and_asks_together(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=5, period=30.0)
    backend = make_backend(release_linger=10.0)
    sent_steps: list[dict[str, Any]] = []
    call = backend._pump._call

    async def recording_call(step: dict[str, Any]) -> StepReply:
        sent_steps.append(step)
        return await call(step)

    backend._pump._call = recording_call  # type: ignore[method-assign]
    first = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    await backend.release(first, sent=True)
    second = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    assert len(sent_steps) == 2
    carried = sent_steps[1]
    assert [row[0] for row in carried["r"]] == [first.token.member]
    assert [row[2] for row in carried["q"]] == [second.token.member]
    assert backend.stats.write_steps == 1
    assert backend.stats.write_only_steps == 0
    snapshot = await backend.snapshot((bucket,))
    assert snapshot.bucket("global").used == 2
    assert snapshot.bucket("global").in_flight == 1
    await backend.release(second, sent=False)


async def test_aclose_writes_lingering_releases(make_backend: MakeBackend, raw_redis: aioredis.Redis) -> None:
    bucket = Bucket("global", limit=5, period=30.0)
    backend = make_backend(release_linger=10.0)
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    await backend.release(permit, sent=True)
    await backend.aclose()
    frees = await raw_redis.zscore(backend.key_prefix + "s:global", permit.token.member)
    assert frees is not None
    assert frees <= await redis_ms(raw_redis) + 30_000.0


async def test_waiters_sleep_until_the_wait_instead_of_polling(make_backend: MakeBackend) -> None:
    bucket = Bucket("global", limit=100, period=1.0)
    backend = make_backend()
    await backend.block((bucket,), 0.5)
    before = backend.stats.steps
    waiters = [asyncio.create_task(backend.acquire((bucket,), 1, max_ban_wait=60.0)) for _ in range(500)]
    await asyncio.sleep(0.4)
    assert backend.stats.steps - before <= 2
    assert not any(waiter.done() for waiter in waiters)
    permits = await asyncio.wait_for(asyncio.gather(*waiters[:100]), 2.0)
    for waiter in waiters[100:]:
        waiter.cancel()
    for permit in permits:
        await backend.release(permit, sent=False)


async def test_works_on_a_client_the_caller_owns(redis_server: RedisServer) -> None:
    client = aioredis.Redis.from_url(redis_server.url, decode_responses=True)
    bucket = Bucket("global", limit=2, period=1.0)
    backend = RedisBackend(client, api_key=API_KEY, namespace=f"own{uuid.uuid4().hex[:6]}", trust_fresh_start=True)
    permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    assert (await backend.snapshot((bucket,))).bucket("global").in_flight == 1
    await backend.release(permit, sent=True)
    await backend.aclose()
    assert await client.ping()
    await client.aclose()


def test_missing_redis_package_gives_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis.asyncio", None)
    with pytest.raises(ImportError, match=r"threecommas_async\[redis\]"):
        RedisBackend.from_url("redis://127.0.0.1:1/0", api_key=API_KEY)


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="fallback_share"):
        RedisBackend.from_url("redis://127.0.0.1:1/0", api_key=API_KEY, fallback_share=1.5)
    with pytest.raises(ValueError, match="api_key"):
        RedisBackend.from_url("redis://127.0.0.1:1/0", api_key="")
    with pytest.raises(ValueError, match="release_linger"):
        RedisBackend.from_url("redis://127.0.0.1:1/0", api_key=API_KEY, release_linger=-1.0)


async def test_redis_down_fails_closed_and_sends_nothing() -> None:
    backend = RedisBackend.from_url(f"redis://127.0.0.1:{free_port()}/0", api_key=API_KEY)
    async with respx.mock(base_url="https://api.3commas.io/public/api", assert_all_called=False) as router:
        route = router.get("/ver1/bots").mock(return_value=httpx.Response(200, json=[]))
        async with ThreeCommas(api_key=API_KEY, api_secret="s3cret", limiter_backend=backend) as client:
            with pytest.raises(RateLimiterUnavailableError) as caught:
                await client.request("GET", "/ver1/bots")
            with pytest.raises(RateLimiterUnavailableError):
                await backend.snapshot((Bucket("global", limit=1, period=1.0),))
        assert not route.called
    assert "s3cret" not in str(caught.value)
    assert API_KEY not in str(caught.value)


async def test_redis_outage_mid_run_fails_closed_then_recovers(make_backend: MakeBackend, tmp_path: Any) -> None:
    server = RedisServer(_redis_binary(), tmp_path)
    server.start()
    bucket = Bucket("global", limit=5, period=0.2)
    backend = make_backend(url=server.url)
    try:
        await timed_acquire(backend, (bucket,))
        server.stop()
        with pytest.raises(RateLimiterUnavailableError):
            await backend.acquire((bucket,), 1, max_ban_wait=60.0)
        server.start()
        await timed_acquire(backend, (bucket,))
    finally:
        server.stop()


async def test_fallback_share_limits_the_process_while_redis_is_down(
    make_backend: MakeBackend, tmp_path: Any, raw_redis: aioredis.Redis
) -> None:
    server = RedisServer(_redis_binary(), tmp_path)
    server.start()
    bucket = Bucket("global", limit=8, period=0.3)
    backend = make_backend(url=server.url, fallback_share=0.25, probe_interval=0.1)
    try:
        await timed_acquire(backend, (bucket,))
        assert not backend.local_mode
        server.stop()
        local = [await backend.acquire((bucket,), 1, max_ban_wait=60.0) for _ in range(2)]
        assert backend.local_mode
        assert backend.stats.local_grants == 2
        third = asyncio.create_task(backend.acquire((bucket,), 1, max_ban_wait=60.0))
        await asyncio.sleep(0.1)
        assert not third.done()
        snapshot = await backend.snapshot((bucket,))
        assert snapshot.bucket("global").limit == 2
        await backend.release(local[0], sent=True)
        await asyncio.wait_for(third, 2.0)
        await backend.release(third.result(), sent=True)

        server.start()
        await asyncio.sleep(0.15)
        restarted = time.monotonic()
        permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
        assert time.monotonic() - restarted >= bucket.period - 0.02
        assert not backend.local_mode
        shared = await backend.snapshot((bucket,))
        assert shared.bucket("global").limit == 8
        assert shared.bucket("global").in_flight == 2
        await backend.release(local[1], sent=True)
        await backend.release(permit, sent=True)
        assert (await backend.snapshot((bucket,))).bucket("global").in_flight == 0
    finally:
        server.stop()


def _redis_binary() -> str:
    binary = shutil.which("redis-server")
    assert binary is not None
    return binary
