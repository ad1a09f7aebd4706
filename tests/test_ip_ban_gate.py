"""One ban gate per IP: clients of different keys on one API host stop together on a 418 and resume
after one probe; a client can have a gate of its own; the pytest plugin gives each test fresh gates."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from threecommas_async import InMemoryBackend, IPBanGate, IPBannedError, ThreeCommas, VirtualClock, default_policy
from threecommas_async._ratelimit import Bucket, shared_ban_gate
from threecommas_async._ratelimit._ipgate import reset_shared_ban_gates
from threecommas_async.testing import FakeKey, FakeThreeCommas, ManualClock

pytest_plugins = ["pytester"]

BUCKETS = (Bucket("all", limit=100, period=60.0),)


async def _spin(times: int = 30) -> None:
    for _ in range(times):
        await asyncio.sleep(0)


def _pair(clock: VirtualClock, gate: IPBanGate | None = None) -> tuple[InMemoryBackend, InMemoryBackend]:
    shared = gate if gate is not None else IPBanGate()
    return (
        InMemoryBackend(clock=clock, sleep=clock.sleep, ban_gate=shared),
        InMemoryBackend(clock=clock, sleep=clock.sleep, ban_gate=shared),
    )


async def test_a_ban_on_one_backend_holds_the_waiters_of_another_until_the_gate_opens() -> None:
    clock = VirtualClock()
    first, second = _pair(clock)
    drew = await first.acquire(BUCKETS, 1, max_ban_wait=300.0)
    await first.release(drew, sent=True)
    assert await first.ban(30.0, permit=drew) == 30.0
    waiting = asyncio.ensure_future(second.acquire(BUCKETS, 1, max_ban_wait=300.0))
    await _spin()
    assert not waiting.done()
    await clock.advance(29.9)
    await _spin()
    assert not waiting.done()
    await clock.advance(0.2)
    await _spin()
    probe = waiting.result()
    assert probe.probe
    assert (await second.snapshot(BUCKETS)).banned_for == 0.0
    await first.aclose()
    await second.aclose()


async def test_the_half_open_probe_goes_out_from_one_backend_only_and_its_success_frees_all() -> None:
    clock = VirtualClock()
    first, second = _pair(clock)
    await first.ban(10.0)
    waiters = [
        asyncio.ensure_future(backend.acquire(BUCKETS, 1, max_ban_wait=300.0))
        for backend in (first, second, first, second)
    ]
    await clock.advance(10.5)
    await _spin()
    granted = [task for task in waiters if task.done()]
    assert len(granted) == 1
    probe = granted[0].result()
    assert probe.probe
    owner = first if granted[0] in (waiters[0], waiters[2]) else second
    await owner.release(probe, sent=True)
    owner.succeeded(probe)
    await _spin()
    assert all(task.done() for task in waiters)
    assert not any(task.result().probe for task in waiters if task is not granted[0])
    await first.aclose()
    await second.aclose()


async def test_a_probe_that_ends_without_a_verdict_lets_the_other_backend_probe() -> None:
    clock = VirtualClock()
    first, second = _pair(clock)
    await first.ban(10.0)
    await clock.advance(10.5)
    probe = await first.acquire(BUCKETS, 1, max_ban_wait=300.0)
    assert probe.probe
    other = asyncio.ensure_future(second.acquire(BUCKETS, 1, max_ban_wait=300.0))
    await _spin()
    assert not other.done()
    await first.release(probe, sent=False)
    await _spin()
    assert other.result().probe
    await first.aclose()
    await second.aclose()


async def test_a_ban_longer_than_a_waiter_allows_fails_the_waiters_of_every_backend_sharing_the_gate() -> None:
    clock = VirtualClock()
    first, second = _pair(clock)
    held = [await second.acquire(BUCKETS, 100, max_ban_wait=300.0)]
    patient = asyncio.ensure_future(second.acquire(BUCKETS, 1, max_ban_wait=300.0))
    impatient = asyncio.ensure_future(second.acquire(BUCKETS, 1, max_ban_wait=5.0))
    await _spin()
    await first.ban(60.0)
    await _spin()
    with pytest.raises(IPBannedError):
        impatient.result()
    assert not patient.done()
    patient.cancel()
    await second.release(held[0], sent=False)
    await first.aclose()
    await second.aclose()


async def test_backends_with_gates_of_their_own_do_not_share_a_ban() -> None:
    clock = VirtualClock()
    first = InMemoryBackend(clock=clock, sleep=clock.sleep)
    second = InMemoryBackend(clock=clock, sleep=clock.sleep)
    await first.ban(30.0)
    permit = await asyncio.wait_for(second.acquire(BUCKETS, 1, max_ban_wait=300.0), 1.0)
    assert not permit.probe
    await first.aclose()
    await second.aclose()


def test_clients_share_the_gate_of_their_host_and_port_per_clock() -> None:
    clock = VirtualClock()
    here = shared_ban_gate("https://api.3commas.io/public/api", clock)
    assert shared_ban_gate("https://api.3commas.io/other", clock) is here
    assert shared_ban_gate("https://api.3commas.io:8443/public/api", clock) is not here
    assert shared_ban_gate("https://api.3commas.io/public/api", VirtualClock()) is not here
    reset_shared_ban_gates()
    assert shared_ban_gate("https://api.3commas.io/public/api", clock) is not here


# Through the fake: two keys on one IP, one client each.

pytestmark = pytest.mark.fake(seed=2, deals=3, smart_trades=1)


def _client(fake: FakeThreeCommas, key: FakeKey, clock: ManualClock, **options: object) -> ThreeCommas:
    return ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=fake.transport(),
        rate_limit=default_policy(),
        clock=clock,
        sleep=clock.sleep,
        **options,  # type: ignore[arg-type]
    )


async def _run_until(clock: ManualClock, tasks: list[asyncio.Future[object]], step: float = 1.0) -> None:
    for _ in range(400):
        await _spin()
        if all(task.done() for task in tasks):
            return
        clock.advance(step)
    raise AssertionError("the calls did not finish")


def _calls(client: ThreeCommas, count: int) -> list[asyncio.Future[object]]:
    call: Callable[[], Awaitable[object]] = lambda: client.request("GET", "/ver1/accounts")  # noqa: E731
    return [asyncio.ensure_future(call()) for _ in range(count)]


async def test_one_418_stops_the_client_of_every_other_key_until_the_gate_opens(fake: FakeThreeCommas) -> None:
    clock = fake.clock
    assert isinstance(clock, ManualClock)
    noisy_key, quiet_key = fake.add_key(), fake.add_key()
    async with _client(fake, noisy_key, clock) as noisy, _client(fake, quiet_key, clock) as quiet:
        fake.ban_ip(50.0)
        first = _calls(noisy, 1)
        await _spin()
        assert fake.counters.during_ban_by_key == {noisy_key.api_key: 1}
        later = _calls(quiet, 5) + _calls(noisy, 2)
        await _run_until(clock, [*first, *later])
    assert fake.counters.during_ban_by_key == {noisy_key.api_key: 1}
    assert fake.counters.by_status == {418: 1, 200: 8}


async def test_a_client_with_a_gate_of_its_own_sends_into_the_ban(fake: FakeThreeCommas) -> None:
    clock = fake.clock
    assert isinstance(clock, ManualClock)
    noisy_key, loner_key = fake.add_key(), fake.add_key()
    async with _client(fake, noisy_key, clock) as noisy, _client(
        fake, loner_key, clock, ban_gate=IPBanGate()
    ) as loner:
        fake.ban_ip(50.0)
        first = _calls(noisy, 1)
        await _spin()
        second = _calls(loner, 1)
        await _run_until(clock, [*first, *second])
    assert fake.counters.during_ban_by_key == {noisy_key.api_key: 1, loner_key.api_key: 1}


def test_a_ban_gate_with_a_fleet_backend_is_refused() -> None:
    from threecommas_async import ValidationError

    clock = VirtualClock()
    with pytest.raises(ValidationError, match="ban_gate"):
        ThreeCommas(limiter_backend=InMemoryBackend(clock=clock), ban_gate=IPBanGate(), clock=clock)


def test_the_pytest_plugin_gives_each_test_fresh_shared_gates(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(
        """
        from threecommas_async._clock import system_clock
        from threecommas_async._ratelimit import shared_ban_gate
        from threecommas_async._ratelimit._policy import BanRule

        URL = "https://api.3commas.io/public/api"

        def test_a_ban():
            shared_ban_gate(URL, system_clock).state.ban(None, 600.0, BanRule(), system_clock())

        def test_no_ban_leaks_in():
            assert shared_ban_gate(URL, system_clock).state.open
        """
    )
    pytester.runpytest_inprocess("-p", "no:randomly", "-q").assert_outcomes(passed=2)
