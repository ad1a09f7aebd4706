"""Stream figures, side by side in one run (run by hand: ``python benchmarks/bench_streams.py``).

(a) latency from the fake's push to user code (``async for`` body), p50/p99, over a loopback
    WebSocket (``websockets`` on 127.0.0.1, fake and client in this process and event loop) and over
    the in-memory connector (no network: the stream's own cost); pushes one at a time, so this is
    latency, not throughput. The clock starts after the fake encoded the frame;
(b) the REST budget one gap fill spends after a reconnect (requests through the limiter, out of
    3Commas' 100 per minute), for books of different sizes and outage churn.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import random
import statistics
import time
from collections.abc import Callable

from threecommas_async import ThreeCommas, default_policy
from threecommas_async.models import Deal
from threecommas_async.streams import Stream, StreamMode, StreamOptions, Streams
from threecommas_async.testing import FakeCable, FakeThreeCommas


def _fake(deals: int, active: int) -> FakeThreeCommas:
    fake = FakeThreeCommas(time_scale=0.001)
    fake.seed(seed=7, deals=deals, smart_trades=0)
    for index, deal in enumerate(fake.book().deals.values()):
        finished = index >= active
        deal.update({"finished?": finished, "status": "completed" if finished else "bought"})
    fake.add_key()
    return fake


def _client(fake: FakeThreeCommas) -> ThreeCommas:
    key = fake.default_key
    return ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=fake.transport(),
        rate_limit=default_policy().scaled(fake.time_scale),
    )


async def _until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.001)):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise RuntimeError("timed out")


async def _latencies(pushes: int, loopback: bool) -> list[float]:
    fake = _fake(deals=50, active=50)
    cable = FakeCable(fake, ping_interval=3.0)
    deal_ids = list(fake.book().deals)
    received = asyncio.Event()
    samples: list[float] = []
    started = 0.0

    async def run(options: StreamOptions) -> None:
        nonlocal started
        async with _client(fake) as client, Streams(client, options).deals() as stream:
            await _until(lambda: stream.mode is StreamMode.SOCKET)

            async def consume() -> None:
                async for _event in stream:
                    samples.append(time.perf_counter() - started)
                    received.set()

            consumer = asyncio.ensure_future(consume())
            for index in range(pushes):
                received.clear()
                cable.update_deal(deal_ids[index % len(deal_ids)], note=f"push {index}")
                started = time.perf_counter()
                await received.wait()
            consumer.cancel()

    if loopback:
        async with cable.serve() as url:
            await run(StreamOptions(url=url))
    else:
        await run(StreamOptions(connector=cable.connector()))
    await cable.aclose()
    return samples


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _filled_more(stream: Stream[Deal], fills: int) -> bool:
    return stream.stats.gap_fills > fills


async def _gap_fill_cost(active: int, finished: int, churn: int, reconnects: int) -> tuple[float, float]:
    """Requests and milliseconds per reconnect; ``churn`` deals change while each outage lasts."""
    fake = _fake(deals=active + finished, active=active)
    cable = FakeCable(fake, ping_interval=0.005)
    rng = random.Random(3)
    ids = list(fake.book().deals)
    options = StreamOptions(connector=cable.connector(), backoff_initial=0.001, backoff_max=0.002, rng=rng)
    async with _client(fake) as client, Streams(client, options).deals() as stream:
        await _until(lambda: stream.server_time is not None)
        fake.reset_observations()
        spent = 0.0
        for round_number in range(reconnects):
            await asyncio.sleep(0.02)
            fills = stream.stats.gap_fills
            cable.drop_connections()
            for deal_id in rng.sample(ids, churn):
                cable.update_deal(deal_id, note=f"outage {round_number}")
            began = time.perf_counter()
            await _until(functools.partial(_filled_more, stream, fills))
            spent += time.perf_counter() - began
        requests = fake.counters.requests
    await cable.aclose()
    return requests / reconnects, 1000 * spent / reconnects


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pushes", type=int, default=2000)
    parser.add_argument("--reconnects", type=int, default=20)
    args = parser.parse_args()

    print(f"(a) push -> user code, {args.pushes} pushes one at a time")
    print("| path | p50 ms | p99 ms | mean ms |")
    print("|---|---|---|---|")
    for name, loopback in (("loopback WebSocket", True), ("in-memory connector", False)):
        samples = await _latencies(args.pushes, loopback)
        print(
            f"| {name} | {1000 * statistics.median(samples):.3f} | {1000 * _percentile(samples, 0.99):.3f} "
            f"| {1000 * statistics.fmean(samples):.3f} |"
        )

    print(f"\n(b) gap fill per reconnect, mean of {args.reconnects} reconnects")
    print("| active deals | finished deals | changed per outage | requests | ms (in-process fake) |")
    print("|---|---|---|---|---|")
    for active, finished, churn in ((50, 500, 5), (500, 2000, 50), (1500, 2000, 300)):
        requests, milliseconds = await _gap_fill_cost(active, finished, churn, args.reconnects)
        print(f"| {active} | {finished} | {churn} | {requests:.2f} | {milliseconds:.1f} |")


if __name__ == "__main__":
    asyncio.run(main())
