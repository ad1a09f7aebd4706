"""The in-memory limiter at scale, side by side in one run (run by hand:
``python benchmarks/bench_limiter.py [--quick]``).

(a) enqueue N waiting requests (one saturated bucket) against N tasks waiting on a bare
    ``asyncio.Event``: process CPU of each, and the limiter's own share (the difference);
(b) CPU per grant under saturation with 1k / 10k / 100k waiters queued (virtual clock, so only the
    limiter's and the event loop's own work is timed);
(c) budget used with 1k / 3k / 10k tasks polling one key on a scaled real clock (60 s windows run in
    0.6 s), once every task has been created and queued: grants in the steady windows (the first one
    left out) over the most the rule allows in them (``limit`` per ``period`` plus the response time).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from threecommas_async import Bucket, InMemoryBackend, VirtualClock

SATURATED = (Bucket("global", limit=1, period=3600.0),)


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def bare_event_waiters(count: int) -> float:
    event = asyncio.Event()
    started = time.process_time()
    tasks = [asyncio.create_task(event.wait()) for _ in range(count)]
    await _settle()
    spent = time.process_time() - started
    event.set()
    await asyncio.gather(*tasks)
    return spent


async def limiter_waiters(count: int) -> float:
    backend = InMemoryBackend()
    holder = await backend.acquire(SATURATED, 1, max_ban_wait=60.0)
    started = time.process_time()
    tasks = [asyncio.create_task(backend.acquire(SATURATED, 1, max_ban_wait=60.0)) for _ in range(count)]
    await _settle()
    spent = time.process_time() - started
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await backend.release(holder, sent=False)
    await backend.aclose()
    return spent


async def cpu_per_grant(waiters: int, windows: int = 20) -> float:
    clock = VirtualClock()
    backend = InMemoryBackend(clock=clock, sleep=clock.sleep)
    bucket = Bucket("global", limit=100, period=60.0)
    grants = 0

    async def call() -> None:
        nonlocal grants
        permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
        grants += 1
        await backend.release(permit, sent=True)

    tasks = [asyncio.create_task(call()) for _ in range(waiters)]
    await clock.settle()
    first = grants
    started = time.process_time()
    for _ in range(windows):
        await clock.advance(60.0)
    spent = time.process_time() - started
    granted = grants - first
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await backend.aclose()
    return spent / max(granted, 1)


async def budget_used(tasks_count: int, windows: int = 10, scale: float = 0.01) -> float:
    bucket = Bucket("global", limit=100, period=60.0 * scale)
    backend = InMemoryBackend()
    grants: list[float] = []
    stop = False

    async def poller() -> None:
        while not stop:
            permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
            grants.append(time.monotonic())
            await asyncio.sleep(0.25 * scale)
            await backend.release(permit, sent=True)

    tasks = [asyncio.create_task(poller()) for _ in range(tasks_count)]
    await _settle()
    start = time.monotonic()
    await asyncio.sleep(bucket.period * windows)
    stop = True
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await backend.aclose()
    steady_from = start + bucket.period
    steady_to = start + bucket.period * windows
    steady = sum(1 for t in grants if steady_from <= t < steady_to)
    cycle = bucket.period + 0.25 * scale
    return steady / (bucket.limit * (steady_to - steady_from) / cycle)


async def main(quick: bool) -> None:
    count = 20_000 if quick else 100_000
    bares, limiteds = [], []
    for _ in range(3):
        bares.append(await bare_event_waiters(count))
        limiteds.append(await limiter_waiters(count))
    bare, limited = statistics.median(bares), statistics.median(limiteds)
    print(
        f"(a) enqueue {count:,} waiters (median of 3, alternating): bare asyncio.Event {bare:.2f} s CPU, "
        f"limiter {limited:.2f} s CPU, the limiter's own {limited - bare:+.2f} s"
    )
    for waiters in (1_000, 10_000) if quick else (1_000, 10_000, 100_000):
        per_grant = await cpu_per_grant(waiters)
        print(f"(b) {waiters:>7,} waiters: {per_grant * 1e6:8.1f} us CPU per grant under saturation")
    for tasks_count in (1_000, 3_000) if quick else (1_000, 3_000, 10_000):
        used = await budget_used(tasks_count)
        print(f"(c) {tasks_count:>7,} tasks on one key: {used:.1%} of the budget (steady windows, 60 s at 0.01)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts")
    asyncio.run(main(parser.parse_args().quick))
