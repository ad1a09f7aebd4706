"""The in-memory limiter's waiter queues: a grant looks only at waiters that can run (per shape heads),
whatever the queue length, with arrival order kept across shapes."""

from __future__ import annotations

import asyncio
from typing import Any

from threecommas_async import Bucket, InMemoryBackend, VirtualClock
from threecommas_async._ratelimit import Permit


class CountingFuture(asyncio.Future[Any]):
    looks = 0

    def done(self) -> bool:
        CountingFuture.looks += 1
        return super().done()


async def test_a_release_looks_at_no_waiter_that_cannot_run() -> None:
    clock = VirtualClock()
    backend = InMemoryBackend(clock=clock, sleep=clock.sleep)
    bucket = Bucket("global", limit=1, period=10.0)
    loop = asyncio.get_running_loop()
    first = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
    original = loop.create_future
    loop.create_future = lambda: CountingFuture(loop=loop)  # type: ignore[method-assign]
    try:
        tasks = [asyncio.create_task(backend.acquire((bucket,), 1, max_ban_wait=60.0)) for _ in range(2000)]
        await clock.settle()
    finally:
        loop.create_future = original  # type: ignore[method-assign]
    CountingFuture.looks = 0
    await backend.release(first, sent=False)
    looks = CountingFuture.looks
    await clock.settle()
    assert tasks[0].done()
    assert not tasks[1].done()
    assert looks <= 10
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def test_arrival_order_holds_across_shapes_and_a_narrow_bucket_holds_only_its_own() -> None:
    clock = VirtualClock()
    backend = InMemoryBackend(clock=clock, sleep=clock.sleep)
    wide = Bucket("global", limit=3, period=10.0)
    narrow = Bucket("list", limit=1, period=10.0)
    held = [await backend.acquire((wide, narrow), 1, max_ban_wait=60.0)]
    order: list[str] = []

    async def call(name: str, buckets: tuple[Bucket, ...]) -> Permit:
        permit = await backend.acquire(buckets, 1, max_ban_wait=60.0)
        order.append(name)
        return permit

    tasks = [
        asyncio.create_task(call("list-1", (wide, narrow))),
        asyncio.create_task(call("plain-1", (wide,))),
        asyncio.create_task(call("list-2", (wide, narrow))),
        asyncio.create_task(call("plain-2", (wide,))),
        asyncio.create_task(call("plain-3", (wide,))),
    ]
    await clock.settle()
    assert order == ["plain-1", "plain-2"]
    await backend.release(held[0], sent=False)
    await clock.settle()
    assert order == ["plain-1", "plain-2", "list-1"]
    for task in tasks:
        task.cancel()
