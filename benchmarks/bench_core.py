"""Core figures, side by side in one run (run by hand: ``python benchmarks/bench_core.py``).

(a) per-request overhead of ``ThreeCommas.request`` (signing, send loop, decoding; limiting off) against
    raw ``httpx.AsyncClient.get`` on a loopback uvicorn server in another process, sequential and at
    concurrency 100, for both HTTP backends (``http_backend="aiohttp"`` against raw ``aiohttp``), and with
    an in-process ``httpx.MockTransport`` (no network: the SDK's own cost);
(b) the limiter's cost per uncontended acquire+release;
(c) the CPU time the process uses while 1,000 tasks wait 10 s for budget (goal: near zero).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import sys
import time
from typing import Any

import httpx

from threecommas_async import Bucket, RateLimiter, RateLimitPolicy, ThreeCommas, default_policy

BODY = json.dumps([{"id": i, "usd_amount": "32.94603614574163795274108884401249103264815794282912"} for i in range(3)])


async def _app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": BODY.encode()})


def _serve(port: int) -> None:
    import uvicorn

    uvicorn.run(_app, host="127.0.0.1", port=port, log_level="error", access_log=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _wait_up(url: str) -> None:
    async with httpx.AsyncClient() as http:
        for _ in range(200):
            try:
                await http.get(url)
                return
            except httpx.TransportError:
                await asyncio.sleep(0.05)
    raise RuntimeError("server did not start")


async def _timed(concurrency: int, total: int, call: Any) -> float:
    queue = iter(range(total))

    async def worker() -> None:
        for _ in queue:
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return (time.perf_counter() - started) / total


async def overhead(port: int, total: int, repeats: int) -> dict[str, float]:
    base = f"http://127.0.0.1:{port}/public/api"
    await _wait_up(base + "/ver1/ping")
    results: dict[str, float] = {}
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    async with (
        httpx.AsyncClient(limits=limits) as raw,
        ThreeCommas(
            "bench-key", "bench-secret", base_url=base, rate_limit=None, http_client=httpx.AsyncClient(limits=limits)
        ) as client,
    ):

        async def raw_call() -> None:
            response = await raw.get(base + "/ver1/bots", params={"limit": 3})
            response.json()

        async def sdk_call() -> None:
            await client.request("GET", "/ver1/bots", params={"limit": 3})

        for concurrency in (1, 100):
            raw_times, sdk_times = [], []
            for _ in range(repeats):
                raw_times.append(await _timed(concurrency, total, raw_call))
                sdk_times.append(await _timed(concurrency, total, sdk_call))
            results[f"raw_httpx_c{concurrency}_us"] = min(raw_times) * 1e6
            results[f"sdk_c{concurrency}_us"] = min(sdk_times) * 1e6
            results[f"ratio_c{concurrency}"] = min(sdk_times) / min(raw_times)
    results.update(await overhead_aiohttp(base, total, repeats))
    return results


async def overhead_aiohttp(base: str, total: int, repeats: int) -> dict[str, float]:
    import aiohttp

    results: dict[str, float] = {}
    async with (
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as raw,
        ThreeCommas("bench-key", "bench-secret", base_url=base, rate_limit=None, http_backend="aiohttp") as client,
    ):

        async def raw_call() -> None:
            async with raw.get(base + "/ver1/bots", params={"limit": 3}) as response:
                await response.json(content_type=None)

        async def sdk_call() -> None:
            await client.request("GET", "/ver1/bots", params={"limit": 3})

        for concurrency in (1, 100):
            raw_times, sdk_times = [], []
            for _ in range(repeats):
                raw_times.append(await _timed(concurrency, total, raw_call))
                sdk_times.append(await _timed(concurrency, total, sdk_call))
            results[f"raw_aiohttp_c{concurrency}_us"] = min(raw_times) * 1e6
            results[f"sdk_aiohttp_c{concurrency}_us"] = min(sdk_times) * 1e6
            results[f"ratio_aiohttp_c{concurrency}"] = min(sdk_times) / min(raw_times)
    return results


async def in_process(total: int, repeats: int) -> dict[str, float]:
    body = BODY.encode()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    url = "https://api.3commas.io/public/api/ver1/bots"
    raw_times, sdk_times = [], []
    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(answer)) as raw,
        ThreeCommas("bench-key", "bench-secret", rate_limit=None, transport=httpx.MockTransport(answer)) as client,
    ):

        async def raw_call() -> None:
            (await raw.get(url, params={"limit": 3})).json()

        async def sdk_call() -> None:
            await client.request("GET", "/ver1/bots", params={"limit": 3})

        for _ in range(repeats):
            raw_times.append(await _timed(1, total, raw_call))
            sdk_times.append(await _timed(1, total, sdk_call))
    return {
        "in_process_raw_us": min(raw_times) * 1e6,
        "in_process_sdk_us": min(sdk_times) * 1e6,
        "in_process_added_us": (min(sdk_times) - min(raw_times)) * 1e6,
    }


async def acquire_cost(rounds: int) -> float:
    limiter = RateLimiter(default_policy())
    start = time.perf_counter()
    for _ in range(rounds):
        permit = await limiter.acquire("GET", "/ver1/bots")
        await limiter.release(permit, sent=False)
    return (time.perf_counter() - start) / rounds


async def idle_cpu(waiters: int, seconds: float) -> dict[str, float]:
    policy = RateLimitPolicy(buckets=(Bucket("global", limit=10, period=seconds + 5.0),))
    limiter = RateLimiter(policy)
    for _ in range(10):
        await limiter.release(await limiter.acquire("GET", "/x"))
    tasks = [asyncio.create_task(limiter.acquire("GET", "/x")) for _ in range(waiters)]
    await asyncio.sleep(0.1)
    cpu_before, wall_before = time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    cpu_used, wall = time.process_time() - cpu_before, time.perf_counter() - wall_before
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {"waiters": waiters, "wall_s": wall, "cpu_ms": cpu_used * 1e3, "cpu_share": cpu_used / wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--wait-seconds", type=float, default=10.0)
    args = parser.parse_args()
    port = _free_port()
    server = multiprocessing.get_context("spawn").Process(target=_serve, args=(port,), daemon=True)
    server.start()
    try:
        figures = asyncio.run(overhead(port, args.requests, args.repeats))
    finally:
        server.terminate()
        server.join()
    figures.update(asyncio.run(in_process(args.requests, args.repeats)))
    acquire_runs = [asyncio.run(acquire_cost(100_000)) for _ in range(3)]
    figures["acquire_release_us"] = min(acquire_runs) * 1e6
    figures.update({f"idle_{k}": v for k, v in asyncio.run(idle_cpu(1000, args.wait_seconds)).items()})
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, httpx {httpx.__version__}")
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value:,.3f}")
    print(json.dumps({k: round(v, 4) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
