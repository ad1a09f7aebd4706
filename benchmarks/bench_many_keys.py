"""Many API keys in one process: how many keys one process keeps at >= 99% of each key's budget with 0 × 429.

``python benchmarks/bench_many_keys.py --keys 100,200,300 --time-scale 0.25`` runs, for each key count and
each setup, ``--tasks-per-key`` tasks per key hammering ``GET /ver1/bots`` through that key's client under
``default_policy().scaled(time_scale)`` (all endpoints 100 per 60 s × scale: at 0.25, 100 per 15 s, so one
key asks 6.7 req/s and N keys ask N × 6.7 req/s, the rate of 4 × N keys at the real 60 s window).

The server is the minimal static responder of ``_static_server.py`` in another process (the fake under
uvicorn tops out below the rates measured here; ``bench_transport.py --server fake`` shows its ceiling). It
logs each request's arrival and key; the fake's rule (a key's request is refused when 100 of its requests
arrived in the trailing window) is replayed offline on that log, so ``429`` counts what the fake would
have refused. ``fill`` is admitted / budget over the steady windows (the first window, the start burst,
excluded), per key: the table shows the worst key and the mean. A setup passes at ``min fill >= 99%`` and
0 × 429. ``cpu`` is the client process's CPU share (1.0 = one core): what limits a failing setup (below 1.0
while failing: the process was starved by its neighbours on a shared machine). ``µs/req`` is client CPU per
request sent, and ``keys/core@60s`` = 1 s / (µs/req × 100/60 req/s): the keys one free core would carry at
the real window.

Setups: ``today`` = one ``ThreeCommas`` per key sharing one default ``httpx.AsyncClient()`` (the way to share
a pool before ``ClientPool``; a caller's client is used with its whole httpx client path);
``pool-httpx`` and ``pool-aiohttp`` = ``ClientPool(http_backend=...)``, whose clients send straight to the
transport (aiohttp directly on ``pool-aiohttp``). Figures: ``README-many-keys.md``.
``--memory`` adds the memory of an idle client (tracemalloc, 1,000 clients in a ``ClientPool``).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import os
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx

from threecommas_async import ClientPool, ThreeCommas, default_policy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _static_server import StaticServerProcess

LIMIT, PERIOD = 100, 60.0
Clients = Callable[[list[str]], contextlib.AbstractAsyncContextManager[list[ThreeCommas]]]


def _keys(count: int) -> list[str]:
    return [f"bench-key-{i:05d}" for i in range(count)]


def today(base_url: str, scale: float, cap: int) -> Clients:
    @contextlib.asynccontextmanager
    async def clients(keys: list[str]) -> AsyncIterator[list[ThreeCommas]]:
        async with httpx.AsyncClient() as http:
            made = [
                ThreeCommas(
                    key, "secret", base_url=base_url, rate_limit=default_policy().scaled(scale), http_client=http
                )
                for key in keys
            ]
            yield made
            await asyncio.gather(*(client.aclose() for client in made))

    return clients


def pooled(backend: str, base_url: str, scale: float, cap: int) -> Clients:
    @contextlib.asynccontextmanager
    async def clients(keys: list[str]) -> AsyncIterator[list[ThreeCommas]]:
        policy = default_policy().scaled(scale)
        async with ClientPool(http_backend=backend, max_in_flight=cap, base_url=base_url, rate_limit=policy) as pool:  # type: ignore[arg-type]
            yield [pool.client(key, "secret") for key in keys]

    return clients


async def hammer(clients: Clients, keys: list[str], tasks_per_key: int, seconds: float) -> dict[str, float]:
    errors = 0

    async def loop(client: ThreeCommas, stop_at: float) -> None:
        nonlocal errors
        while time.monotonic() < stop_at:
            try:
                await client.request("GET", "/ver1/bots")
            except Exception:
                errors += 1

    async with clients(keys) as made:
        started, cpu = time.monotonic(), time.process_time()
        stop_at = started + seconds
        tasks = [asyncio.create_task(loop(client, stop_at)) for client in made for _ in range(tasks_per_key)]
        await asyncio.sleep(seconds)
        cpu_share = (time.process_time() - cpu) / (time.monotonic() - started)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return {"started": started, "cpu": cpu_share, "errors": errors}


def replay(arrivals: list[tuple[float, str]], started: float, period: float, windows: int) -> dict[str, float]:
    """The fake's per-key sliding-window rule on the arrival log: refused count and steady fill per key."""
    by_key: dict[str, list[float]] = defaultdict(list)
    for t, key in sorted(arrivals):
        by_key[key].append(t)
    refused, fills = 0, []
    steady_from, end = started + period, started + period * windows
    for times in by_key.values():
        admitted: list[float] = []
        for t in times:
            if len(admitted) - bisect.bisect_right(admitted, t - period) >= LIMIT:
                refused += 1
            else:
                admitted.append(t)
        steady = bisect.bisect_left(admitted, end) - bisect.bisect_left(admitted, steady_from)
        fills.append(steady / (LIMIT * (windows - 1)))
    return {
        "refused_429": refused,
        "min_fill": min(fills, default=0.0),
        "mean_fill": sum(fills) / len(fills) if fills else 0.0,
        "keys_seen": len(by_key),
        "sent": len(arrivals),
    }


def idle_memory(count: int) -> float:
    """Bytes allocated per idle ``ThreeCommas`` made by a ``ClientPool`` (tracemalloc)."""

    async def measure() -> float:
        async with ClientPool(rate_limit=default_policy()) as pool:
            pool.client("warm-up", "secret")
            tracemalloc.start()
            before = tracemalloc.take_snapshot()
            for key in _keys(count):
                pool.client(key, "secret")
            after = tracemalloc.take_snapshot()
            tracemalloc.stop()
            return sum(stat.size_diff for stat in after.compare_to(before, "filename")) / count

    return asyncio.run(measure())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", type=lambda s: [int(x) for x in s.split(",")], default=[100, 200, 300])
    parser.add_argument("--setups", type=lambda s: s.split(","), default=["today", "pool-httpx", "pool-aiohttp"])
    parser.add_argument("--time-scale", type=float, default=0.25)
    parser.add_argument("--windows", type=int, default=3, help="windows per run; the first is not scored")
    parser.add_argument("--tasks-per-key", type=int, default=2)
    parser.add_argument(
        "--max-in-flight", type=lambda s: [int(x) for x in s.split(",")], default=[100], help="pool caps to compare"
    )
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    period = PERIOD * args.time_scale
    rows: list[dict[str, Any]] = []
    with StaticServerProcess(record=True) as server:
        for count in args.keys:
            for setup, cap in [(setup, cap) for setup in args.setups for cap in args.max_in_flight]:
                if setup == "today" and cap != args.max_in_flight[0]:
                    continue
                clients = (
                    today(server.base_url, args.time_scale, cap)
                    if setup == "today"
                    else pooled(setup.removeprefix("pool-"), server.base_url, args.time_scale, cap)
                )
                server.reset()
                run = asyncio.run(hammer(clients, _keys(count), args.tasks_per_key, period * args.windows))
                scored = replay(server.seen(), run["started"], period, args.windows)
                label = setup if setup == "today" else f"{setup}/{cap}"
                row = {"setup": label, "keys": count, "asked_req_s": count * LIMIT / period, **run, **scored}
                row["cpu_us_per_req"] = run["cpu"] * period * args.windows / max(scored["sent"], 1) * 1e6
                row["keys_per_core_60s"] = 1e6 / row["cpu_us_per_req"] / (LIMIT / PERIOD)
                row["passed"] = scored["refused_429"] == 0 and scored["min_fill"] >= 0.99
                rows.append(row)
                print(_line(row), file=sys.stderr, flush=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, httpx {httpx.__version__}, window {period:g} s")
    print("setup/cap         keys  asked req/s  min fill  mean fill  429  errors  cpu   µs/req  keys/core@60s  pass")
    for row in rows:
        print(_line(row))
    if args.memory:
        print(f"idle client: {idle_memory(1000) / 1024:,.1f} KiB each (1,000 clients in a ClientPool, tracemalloc)")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(rows, out, indent=1)


def _line(row: dict[str, Any]) -> str:
    return (
        f"{row['setup']:<17} {row['keys']:>4}  {row['asked_req_s']:>11,.0f}  {row['min_fill']:>8.1%}  "
        f"{row['mean_fill']:>9.1%}  {row['refused_429']:>3}  {row['errors']:>6}  {row['cpu']:.2f}  "
        f"{row['cpu_us_per_req']:>6,.0f}  {row['keys_per_core_60s']:>13,.0f}  "
        f"{'yes' if row['passed'] else 'no'}"
    )


if __name__ == "__main__":
    main()
