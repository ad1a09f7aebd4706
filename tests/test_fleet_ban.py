"""The fleet ban gate against a real redis-server: one escalation per ban event across processes,
exactly one probe for the whole fleet when the assumed ban ends (two backends stand for two processes),
and one gate for every API key of a ban scope (3Commas bans by IP)."""

from __future__ import annotations

import asyncio
import time

import pytest
from redis_server import MakeBackend, RedisServer, fleet_backends, running_redis_server  # noqa: F401 (the redis_server and make_backend fixtures)

from threecommas_async import Bucket
from threecommas_async._ratelimit import Permit
from threecommas_async._ratelimit._policy import BanRule
from threecommas_async._ratelimit._redis import RedisBackend

pytestmark = pytest.mark.redis

BUCKET = Bucket("global", limit=100, period=1.0)
RULE = BanRule(base=0.4, cap=100.0)




async def grant(backend: RedisBackend) -> Permit:
    return await backend.acquire((BUCKET,), 1, max_ban_wait=60.0)


async def test_twenty_418s_from_two_processes_are_one_ban_event(make_backend: MakeBackend) -> None:
    first, second = make_backend(), make_backend()
    permits = [await grant(first) for _ in range(10)] + [await grant(second) for _ in range(10)]
    for index, permit in enumerate(permits):
        backend = first if index < 10 else second
        await backend.release(permit, sent=True)
        assert await backend.ban(None, permit=permit, rule=RULE) <= RULE.base
    snapshot = await second.snapshot((BUCKET,))
    assert 0.0 < snapshot.banned_for <= RULE.base


async def test_one_probe_for_the_fleet_then_escalation_then_success_opens(make_backend: MakeBackend) -> None:
    first, second = make_backend(), make_backend()
    await first.ban(None, permit=await grant(first), rule=RULE)
    tasks = [asyncio.create_task(grant(backend)) for backend in (first, second, first, second)]
    await asyncio.sleep(RULE.base + 0.3)
    probes = [task for task in tasks if task.done()]
    assert len(probes) == 1
    probe = probes[0].result()
    assert probe.probe
    owner = first if tasks.index(probes[0]) % 2 == 0 else second
    await owner.release(probe, sent=True)
    assert await owner.ban(None, permit=probe, rule=RULE) == pytest.approx(2 * RULE.base, abs=0.05)
    await asyncio.sleep(2 * RULE.base + 0.3)
    probes = [task for task in tasks if task.done()]
    assert len(probes) == 2
    probe = next(task.result() for task in probes if task.result().probe and task.result() is not probe)
    owner = first if tasks.index(next(t for t in tasks if t.done() and t.result() is probe)) % 2 == 0 else second
    await owner.release(probe, sent=True)
    owner.succeeded(probe)
    await asyncio.wait_for(asyncio.gather(*tasks), 2.0)
    fresh = tasks[-1].result() if not tasks[-1].result().probe else tasks[0].result()
    assert await first.ban(None, permit=fresh, rule=RULE) == pytest.approx(RULE.base, abs=0.05)


async def test_the_fallback_wrapper_reports_the_fleet_gate_not_one_escalation_per_418(
    make_backend: MakeBackend,
) -> None:
    backend = make_backend(fallback_share=0.5)
    permits = [await grant(backend) for _ in range(10)]
    lengths = [await backend.ban(None, permit=permit, rule=RULE) for permit in permits]
    assert max(lengths) <= RULE.base
    assert (await backend.snapshot((BUCKET,))).banned_for <= RULE.base


async def test_a_418_on_one_key_stops_every_key_of_the_ban_scope_and_one_probe_goes_out(
    make_backend: MakeBackend,
) -> None:
    first, second = make_backend(api_key="user-a-key"), make_backend(api_key="user-b-key")
    elsewhere = make_backend(api_key="user-c-key", ban_scope="other-ip")
    assert first.key_prefix != second.key_prefix
    assert first.gate_key == second.gate_key != elsewhere.gate_key
    permit = await grant(first)
    await first.release(permit, sent=True)
    banned_at = time.monotonic()
    await first.ban(None, permit=permit, rule=RULE)
    await elsewhere.release(await asyncio.wait_for(grant(elsewhere), 0.2), sent=True)
    tasks = [asyncio.create_task(grant(backend)) for backend in (second, first, second, first)]
    await asyncio.sleep(RULE.base / 2)
    assert not any(task.done() for task in tasks)
    await asyncio.sleep(RULE.base / 2 + 0.3)
    probes = [task for task in tasks if task.done()]
    assert len(probes) == 1
    probe = probes[0].result()
    assert probe.probe
    assert time.monotonic() - banned_at >= RULE.base
    owner = second if tasks.index(probes[0]) % 2 == 0 else first
    await owner.release(probe, sent=True)
    owner.succeeded(probe)
    await asyncio.wait_for(asyncio.gather(*tasks), 2.0)
