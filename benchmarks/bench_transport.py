"""Throughput over in-flight caps × HTTP backends × concurrency, side by side in one run (run by hand).

``python benchmarks/bench_transport.py`` starts a server in another process (``--server static``: the minimal
responder of ``_static_server.py``, default; ``--server fake``: ``FakeThreeCommas`` under uvicorn with its
budgets off) and measures, for each backend (``httpx``: httpcore's pool; ``aiohttp``: httpx-aiohttp), each
concurrency (tasks sharing one client) and each ``max_in_flight`` cap, the SDK's ``client.request`` with
limiting off: requests per second (wall) and client CPU per request. Raw ``httpx.AsyncClient`` and raw
``aiohttp.ClientSession`` rows (pool of 100) frame it. Rounds are interleaved (``--repeats``) and the best
of them is kept, so a neighbour's burst on the shared CPU hurts every cell alike.

``--sniffio`` adds the before/after of making ``sniffio`` importable: with it hidden (an import hook that
repeats the failed path search httpcore pays when it is not installed) and shown, alternated in one run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.machinery
import json
import os
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import httpx

from threecommas_async import ThreeCommas

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fake_process import API_KEY, API_SECRET, FakeServerProcess
from _static_server import StaticServerProcess

Call = Callable[[], Awaitable[Any]]


class _HideSniffio:
    """A meta-path finder that makes ``import sniffio`` fail after the same path search as a missing module."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname == "sniffio":
            importlib.machinery.PathFinder.find_spec("sniffio_not_installed", path)
            raise ModuleNotFoundError("No module named 'sniffio'", name="sniffio")
        return None


@contextlib.contextmanager
def sniffio_hidden() -> Iterator[None]:
    saved = sys.modules.pop("sniffio", None)
    finder = _HideSniffio()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        if saved is not None:
            sys.modules["sniffio"] = saved


async def timed(concurrency: int, total: int, call: Call) -> tuple[float, float]:
    """(requests per second, client CPU µs per request) for ``total`` calls from ``concurrency`` tasks."""
    queue = iter(range(total))

    async def worker() -> None:
        for _ in queue:
            await call()

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return total / wall, cpu / total * 1e6


def sdk_client(base_url: str, backend: str, cap: int) -> ThreeCommas:
    return ThreeCommas(
        API_KEY, API_SECRET, base_url=base_url, rate_limit=None, http_backend=backend, max_in_flight=cap  # type: ignore[arg-type]
    )


async def sdk_cell(base_url: str, backend: str, cap: int, concurrency: int, total: int) -> tuple[float, float]:
    async with sdk_client(base_url, backend, cap) as client:

        async def call() -> None:
            await client.request("GET", "/ver1/bots", params={"limit": 3})

        await timed(min(concurrency, cap), cap * 2, call)
        return await timed(concurrency, total, call)


async def raw_httpx_cell(base_url: str, concurrency: int, total: int) -> tuple[float, float]:
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=100, max_keepalive_connections=100)) as http:

        async def call() -> None:
            (await http.get(base_url + "/ver1/bots", params={"limit": 3})).json()

        await timed(min(concurrency, 100), 200, call)
        return await timed(concurrency, total, call)


async def raw_aiohttp_cell(base_url: str, concurrency: int, total: int) -> tuple[float, float]:
    import aiohttp

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=100)) as session:

        async def call() -> None:
            async with session.get(base_url + "/ver1/bots", params={"limit": 3}) as response:
                await response.json(content_type=None)

        await timed(min(concurrency, 100), 200, call)
        return await timed(concurrency, total, call)


def cells(args: argparse.Namespace) -> list[tuple[str, Callable[[str], Awaitable[tuple[float, float]]]]]:
    out: list[tuple[str, Callable[[str], Awaitable[tuple[float, float]]]]] = []
    n = args.requests
    for concurrency in args.concurrency:
        out.append((f"raw httpx      c={concurrency:<5} pool=100", lambda u, c=concurrency: raw_httpx_cell(u, c, n)))
        out.append((f"raw aiohttp    c={concurrency:<5} pool=100", lambda u, c=concurrency: raw_aiohttp_cell(u, c, n)))
        for backend in args.backends:
            for cap in args.caps if concurrency > 1 else [max(args.caps)]:
                out.append(
                    (
                        f"sdk {backend:<10} c={concurrency:<5} cap={cap}",
                        lambda u, b=backend, c=concurrency, k=cap: sdk_cell(u, b, k, c, n),
                    )
                )
    return out


async def sniffio_cells(base_url: str, total: int) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    for hidden in (True, False):
        with sniffio_hidden() if hidden else contextlib.nullcontext():
            tag = "no sniffio" if hidden else "sniffio"
            results[f"raw httpx   c=1   {tag}"] = await raw_httpx_cell(base_url, 1, total)
            results[f"sdk httpx   c=1   {tag}"] = await sdk_cell(base_url, "httpx", 16, 1, total)
            results[f"sdk httpx   c=100 cap=16 {tag}"] = await sdk_cell(base_url, "httpx", 16, 100, total)
    return results


def best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return max(r[0] for r in runs), min(r[1] for r in runs)


def run(args: argparse.Namespace, base_url: str) -> dict[str, tuple[float, float]]:
    table = cells(args)
    runs: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.repeats):
        for name, cell in table:
            runs.setdefault(name, []).append(asyncio.run(cell(base_url)))  # type: ignore[arg-type]
            print(f"  {name}: {runs[name][-1][0]:,.0f} req/s", file=sys.stderr, flush=True)
        if args.sniffio:
            for name, figure in asyncio.run(sniffio_cells(base_url, args.requests)).items():
                runs.setdefault(name, []).append(figure)
    return {name: best(figures) for name, figures in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", choices=("static", "fake"), default="static")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--caps", type=lambda s: [int(x) for x in s.split(",")], default=[1, 4, 8, 16, 32, 100])
    parser.add_argument("--concurrency", type=lambda s: [int(x) for x in s.split(",")], default=[1, 100, 1000])
    parser.add_argument("--backends", type=lambda s: s.split(","), default=["httpx", "aiohttp"])
    parser.add_argument("--sniffio", action="store_true")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    server: Any = StaticServerProcess() if args.server == "static" else FakeServerProcess(time_scale=1.0, budgets=False)
    with server:
        figures = run(args, server.base_url)
    import aiohttp
    import httpcore

    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, httpx {httpx.__version__}, "
        f"httpcore {httpcore.__version__}, aiohttp {aiohttp.__version__}, server {args.server}, "
        f"{args.requests} requests per cell, best of {args.repeats}"
    )
    width = max(map(len, figures))
    for name, (rate, cpu) in figures.items():
        print(f"{name:<{width}}  {rate:>8,.0f} req/s  {cpu:>7,.0f} µs CPU/req")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({name: {"req_s": r, "cpu_us": c} for name, (r, c) in figures.items()}, out, indent=1)


if __name__ == "__main__":
    main()
