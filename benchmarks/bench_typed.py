"""Client CPU of one typed call, ``accounts.list()``, against raw httpx on the same transport (run by hand).

``python benchmarks/bench_typed.py [--accounts 10] [--calls 2000] [--repeats 5]``

A minimal static responder in another process (``_static_server.py``) answers every request with a list of
``--accounts`` accounts (the project's fixture ``tests/data/models/account.json``, ids varied). For each
transport, contenders run in one process, one call at a time, in alternating batches of 50 calls, and each
figure is the best of ``--repeats`` of the client process's CPU time per call (``time.process_time``; far
steadier than wall time on a shared machine):

* ``raw httpx, floats``: ``httpx.AsyncClient`` on that transport, signed by the SDK's ``HmacAuth`` as an
  httpx auth, ``response.json()`` (money as float: not what the SDK gives);
* ``raw httpx, exact``: the same, decoded with ``json.loads(parse_float=Decimal)`` (exact money, dicts): the
  like-for-like baseline;
* ``sdk, untyped``: ``client.request("GET", "/ver1/accounts")``: the SDK's send loop, limiter, signing and
  exact JSON, no models;
* ``sdk, typed``: ``client.accounts.list()``: the same plus ``Account`` models.

Transports: ``httpx`` (httpcore's pool; the SDK's default) and ``aiohttp`` (raw httpx on
``httpx_aiohttp.AiohttpTransport``; the SDK with ``http_backend="aiohttp"``). The SDK runs with its limiter
on (the default policy scaled so that it never makes a call wait: its bookkeeping is measured, not its
waits).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from threecommas_async import ThreeCommas, default_policy
from threecommas_async._auth import HmacAuth

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _static_server import StaticServerProcess

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "data" / "models" / "account.json"
KEY, SECRET = "bench-key", "bench-secret"
Call = Callable[[], Awaitable[Any]]


def accounts_body(count: int) -> bytes:
    account = json.loads(FIXTURE.read_text())
    return json.dumps([{**account, "id": account["id"] + index} for index in range(count)]).encode()


def raw_transport(backend: str) -> httpx.AsyncBaseTransport:
    if backend == "aiohttp":
        from httpx_aiohttp import AiohttpTransport

        return AiohttpTransport()
    return httpx.AsyncHTTPTransport()


async def cpu_per_call(contenders: dict[str, Call], calls: int, batch: int = 50) -> dict[str, float]:
    """Client CPU µs per call of each contender, run in alternating batches (a neighbour's burst on the
    shared machine then hits every contender alike)."""
    for call in contenders.values():
        for _ in range(20):
            await call()
    spent = dict.fromkeys(contenders, 0.0)
    for _ in range(max(calls // batch, 1)):
        for name, call in contenders.items():
            started = time.process_time()
            for _ in range(batch):
                await call()
            spent[name] += time.process_time() - started
    return {name: seconds / (max(calls // batch, 1) * batch) * 1e6 for name, seconds in spent.items()}


async def race(base_url: str, backend: str, calls: int) -> dict[str, float]:
    url = base_url + "/ver1/accounts"
    auth = HmacAuth(KEY, SECRET)
    policy = default_policy().scaled(1e-6)
    async with (
        httpx.AsyncClient(transport=raw_transport(backend)) as raw,
        ThreeCommas(KEY, SECRET, base_url=base_url, rate_limit=policy, http_backend=backend) as sdk,  # type: ignore[arg-type]
    ):

        async def raw_floats() -> None:
            (await raw.get(url, auth=auth)).json()

        async def raw_exact() -> None:
            json.loads((await raw.get(url, auth=auth)).content, parse_float=Decimal)

        async def sdk_untyped() -> None:
            await sdk.request("GET", "/ver1/accounts")

        async def sdk_typed() -> None:
            await sdk.accounts.list()

        contenders: dict[str, Call] = {
            "raw httpx, floats": raw_floats,
            "raw httpx, exact": raw_exact,
            "sdk, untyped": sdk_untyped,
            "sdk, typed": sdk_typed,
        }
        return await cpu_per_call(contenders, calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=10)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--backends", type=lambda s: s.split(","), default=["httpx", "aiohttp"])
    args = parser.parse_args()
    body = accounts_body(args.accounts)
    best: dict[tuple[str, str], float] = {}
    with StaticServerProcess(body=body) as server:
        for _ in range(args.repeats):
            for backend in args.backends:
                for name, micros in asyncio.run(race(server.base_url, backend, args.calls)).items():
                    best[backend, name] = min(micros, best.get((backend, name), float("inf")))
                print(f"  round done: {backend}", file=sys.stderr, flush=True)
    print(f"python {sys.version.split()[0]}, httpx {httpx.__version__}, {args.accounts} accounts, {len(body):,} bytes")
    print("transport  contender           CPU µs/call  vs raw exact  vs raw floats")
    for backend in args.backends:
        exact, floats = best[backend, "raw httpx, exact"], best[backend, "raw httpx, floats"]
        for (row_backend, name), micros in best.items():
            if row_backend == backend:
                print(f"{backend:<10} {name:<19} {micros:>11,.0f}  {micros / exact:>11.2f}x  {micros / floats:>12.2f}x")


if __name__ == "__main__":
    main()
