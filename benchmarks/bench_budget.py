"""Rate-budget use against peers, and per-request overhead, side by side in one run (run by hand).

Run from the repository root (py3cw is optional: ``.venv/bin/pip install py3cw``)::

    .venv/bin/python benchmarks/bench_budget.py [--windows 5] [--time-scale 0.025] [--sdk-extra-scale 0.1]
        [--tasks 1000] [--threads 100] [--overhead-requests 1000] [--overhead-concurrency 100,1]
        [--repeats 2] [--workloads bots,mix] [--skip-peers] [--json out.json]

Everything talks HTTP over loopback to the fake 3Commas server (``FakeThreeCommas`` under uvicorn) in
a child process, a fresh one per run, so the fake's CPU is not the client's and no ban carries over.
The fake enforces the documented budgets in a sliding window on scaled time: ``--time-scale 0.025``
makes the 100 requests / 60 s budget 100 / 1.5 s, and its 300 s block, 120 s ban and so on shrink alike.

Part 1, budget use. For ``--windows`` windows of 60 API seconds, one workload hammers the fake:

* ``threecommas_async``: ``--tasks`` asyncio tasks sharing one ``ThreeCommas`` client with the default
  policy scaled to the fake's clock (``default_policy().scaled(time_scale)``), calling typed endpoints;
* ``py3cw``: ``--threads`` threads, each with its own ``Py3CW`` (sync, requests) pointed at the fake;
* ``httpx, no limiter``: ``--tasks`` asyncio tasks sharing one ``httpx.AsyncClient`` signing with
  ``HmacAuth``, sending as fast as answers come back (at most 100 in flight, the pool size: with 1,000
  requests queued in httpcore's pool, httpx itself stalls, see ``POOL_SIZE``).

Workloads: ``bots`` (``GET /ver1/bots``) and ``mix`` (bots, deals list, deal show, smart-trades list,
accounts; every one of them counts toward the 100 / 60 s all-endpoints budget). Reported from the
arrivals the fake logged, on its clock, from the start of the run:

* ``admitted``: requests answered 200 within the W windows; ``share`` = admitted / (100 x W);
* ``fill``: the mean, over every sliding window [t, t + 60 s) inside the run, of admitted-in-window / 100
  (free of the quantisation of waves); ``steady``: the same leaving out the first window;
* ``max/60s``: the most admitted arrivals in any 60 s window (the fake refuses the 101st);
* ``429``, ``418``: answers the fake gave; ``sent``: all requests that reached it;
* ``rtt p50`` / ``mean``: round trip of a request in real milliseconds (threecommas_async only, from a
  timing transport: pool wait, send, answer, body). A slot is held one round trip longer than the
  window, so the long-run share is about P / (P + rtt), with the round trip *not* scaled: at 1.5 s
  windows a 20 ms round trip costs 1.3 %, against real 3Commas (60 s) a 200 ms one costs 0.3 %.

``--sdk-extra-scale`` adds one threecommas_async run of the bots workload at a slower scale (0.1: 6 s
windows), where the same round trip weighs four times less.

Part 2, overhead. With the fake's budgets off and the client's limiter off (``rate_limit=None``), tasks
(``--overhead-concurrency``: 100, then 1) send ``--overhead-requests`` ``GET /ver1/bots`` each way:
raw ``httpx`` (``HmacAuth`` + ``json``), ``ThreeCommas.request`` (exact JSON, no models),
``client.bots.list()`` (typed models), and the typed call with a limiter whose budget never binds.
Reported per request: wall time, client CPU time (this process only; the fake runs elsewhere) and the
ratio to raw httpx. Best of ``--repeats``.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import collections
import contextlib
import importlib.util
import itertools
import json
import os
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from _fake_process import API_KEY, API_SECRET, FakeServerProcess

from threecommas_async import (
    Bucket,
    HmacAuth,
    RateLimitPolicy,
    ThreeCommas,
    ThreeCommasError,
    default_policy,
)

LIMIT = 100
PERIOD = 60.0
POOL_SIZE = 100
"""httpx's default pool size. More requests than connections waiting in httpcore's pool slow it to a crawl
(its request-to-connection assignment scans every waiter for every connection: encode/httpcore#1035), so
the plain httpx loop caps requests in flight at the pool size with a semaphore: not a rate limiter."""
WORKLOADS = ("bots", "mix")


@dataclass
class Run:
    """One client hammering one fresh fake: what the fake saw, and what the client noticed."""

    client: str
    workload: str
    concurrency: str
    start: float
    windows: int
    arrivals: list[tuple[float, int | None]]
    bans_imposed: int
    client_errors: collections.Counter[str] = field(default_factory=collections.Counter)
    round_trips: list[float] = field(default_factory=list)
    time_scale: float = 1.0


# ---------------------------------------------------------------------------------------------- figures


def _fill(admitted: list[float], start: float, end: float) -> float:
    """Mean over window starts t in [start, end - PERIOD] of admitted arrivals in [t, t + PERIOD), / LIMIT."""
    last = end - PERIOD
    if last <= start:
        return float("nan")
    covered = sum(max(min(a, last) - max(a - PERIOD, start), 0.0) for a in admitted if a >= start)
    return covered / (last - start) / LIMIT


def _most_in_window(times: list[float]) -> int:
    return max((bisect.bisect_left(times, t + PERIOD) - i for i, t in enumerate(times)), default=0)


def figures(run: Run) -> dict[str, Any]:
    end = run.start + run.windows * PERIOD
    admitted = sorted(t for t, status in run.arrivals if status == 200)
    statuses = collections.Counter(status for _, status in run.arrivals)
    in_run = [t for t in admitted if run.start <= t < end]
    row: dict[str, Any] = {
        "client": run.client,
        "workload": run.workload,
        "concurrency": run.concurrency,
        "admitted": len(in_run),
        "share": len(in_run) / (LIMIT * run.windows),
        "fill": _fill(admitted, run.start, end),
        "steady": _fill(admitted, run.start + PERIOD, end),
        "max_per_60s": _most_in_window(admitted),
        "429": statuses.get(429, 0),
        "418": statuses.get(418, 0),
        "sent": len(run.arrivals),
        "bans": run.bans_imposed,
        "client_errors": dict(run.client_errors),
        "time_scale": run.time_scale,
    }
    if run.round_trips:
        ordered = sorted(run.round_trips)
        row["rtt_p50_ms"] = 1000 * ordered[len(ordered) // 2]
        row["rtt_mean_ms"] = 1000 * sum(ordered) / len(ordered)
    return row


# ---------------------------------------------------------------------------------------------- clients


class TimingTransport(httpx.AsyncBaseTransport):
    """Wraps a transport and records each round trip, body included (as ``AsyncClient.send`` reads it)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner
        self.round_trips: list[float] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        response = await self._inner.handle_async_request(request)
        await response.aread()
        self.round_trips.append(time.perf_counter() - started)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


def sdk_calls(client: ThreeCommas, workload: str, deal_ids: Sequence[int]) -> list[Callable[[], Awaitable[Any]]]:
    if workload == "bots":
        return [client.bots.list]
    deals = itertools.cycle(deal_ids)
    return [
        client.bots.list,
        lambda: client.deals.list(limit=20),
        lambda: client.deals.show(next(deals)),
        lambda: client.smart_trades.list(per_page=10),
        client.accounts.list,
    ]


def raw_requests(workload: str, deal_ids: Sequence[int]) -> list[tuple[str, dict[str, Any]]]:
    if workload == "bots":
        return [("/ver1/bots", {})]
    return [
        ("/ver1/bots", {}),
        ("/ver1/deals", {"limit": 20}),
        (f"/ver1/deals/{deal_ids[0]}/show", {}),
        ("/v2/smart_trades", {"per_page": 10}),
        ("/ver1/accounts", {}),
    ]


async def _hammer(worker: Callable[[int], Coroutine[Any, Any, None]], tasks: int, seconds: float) -> None:
    running = [asyncio.create_task(worker(index)) for index in range(tasks)]
    await asyncio.sleep(seconds)
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)


async def run_sdk(fake: FakeServerProcess, workload: str, tasks: int, windows: int, deal_ids: list[int]) -> Run:
    """The pool is the one ThreeCommas builds by default (100 connections, 20 kept alive), timed."""
    limits = httpx.Limits(max_connections=POOL_SIZE, max_keepalive_connections=20)
    timing = TimingTransport(httpx.AsyncHTTPTransport(limits=limits))
    errors: collections.Counter[str] = collections.Counter()
    async with ThreeCommas(
        API_KEY,
        API_SECRET,
        base_url=fake.base_url,
        rate_limit=default_policy().scaled(fake.time_scale),
        transport=timing,
        timeout=60.0,
    ) as client:
        calls = sdk_calls(client, workload, deal_ids)

        async def worker(index: int) -> None:
            call = calls[index % len(calls)]
            while True:
                try:
                    await call()
                except ThreeCommasError as error:
                    errors[type(error).__name__] += 1

        start = fake.now()
        await _hammer(worker, tasks, windows * PERIOD * fake.time_scale)
    seen = fake.seen()
    return Run(
        "threecommas_async",
        workload,
        f"{tasks} tasks",
        start,
        windows,
        seen["arrivals"],
        seen["bans_imposed"],
        errors,
        timing.round_trips,
        fake.time_scale,
    )


async def run_httpx(fake: FakeServerProcess, workload: str, tasks: int, windows: int, deal_ids: list[int]) -> Run:
    errors: collections.Counter[str] = collections.Counter()
    requests = raw_requests(workload, deal_ids)
    in_flight = asyncio.Semaphore(POOL_SIZE)
    async with httpx.AsyncClient(base_url=fake.base_url, auth=HmacAuth(API_KEY, API_SECRET), timeout=60.0) as http:

        async def worker(index: int) -> None:
            path, params = requests[index % len(requests)]
            while True:
                try:
                    async with in_flight:
                        response = await http.get(path, params=params)
                    if response.status_code == 200:
                        json.loads(response.content)
                except httpx.HTTPError as error:
                    errors[type(error).__name__] += 1

        start = fake.now()
        await _hammer(worker, tasks, windows * PERIOD * fake.time_scale)
    seen = fake.seen()
    return Run(
        "httpx, no limiter",
        workload,
        f"{tasks} tasks",
        start,
        windows,
        seen["arrivals"],
        seen["bans_imposed"],
        errors,
        [],
        fake.time_scale,
    )


def run_py3cw(fake: FakeServerProcess, workload: str, threads: int, windows: int, deal_ids: list[int]) -> Run:
    import py3cw.request as py3cw_request  # type: ignore[import-untyped]

    py3cw_request.API_URL = fake.base_url.removesuffix("/public/api")
    calls: list[dict[str, Any]] = [{"entity": "bots", "action": ""}]
    if workload == "mix":
        calls += [
            {"entity": "deals", "action": "", "payload": {"limit": 20}},
            {"entity": "deals", "action": "show", "action_id": str(deal_ids[0])},
            {"entity": "smart_trades_v2", "action": "", "payload": {"per_page": 10}},
            {"entity": "accounts", "action": ""},
        ]
    errors: collections.Counter[str] = collections.Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + windows * PERIOD * fake.time_scale

    def worker(index: int) -> None:
        client = py3cw_request.Py3CW(key=API_KEY, secret=API_SECRET)
        call = calls[index % len(calls)]
        while time.monotonic() < deadline:
            error, _ = client.request(**call)
            if error:
                with lock:
                    errors[f"status {error.get('status_code')}"] += 1

    start = fake.now()
    pool = [threading.Thread(target=worker, args=(index,), daemon=True) for index in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    seen = fake.seen()
    return Run(
        "py3cw (threads)",
        workload,
        f"{threads} threads",
        start,
        windows,
        seen["arrivals"],
        seen["bans_imposed"],
        errors,
        [],
        fake.time_scale,
    )


# ---------------------------------------------------------------------------------------------- overhead


async def _timed(concurrency: int, total: int, call: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) per call, ``total`` calls from ``concurrency`` tasks."""
    queue = iter(range(total))

    async def worker() -> None:
        for _ in queue:
            await call()

    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return (time.perf_counter() - wall) / total, (time.process_time() - cpu) / total


@contextlib.asynccontextmanager
async def _raw_httpx(base_url: str, limits: httpx.Limits) -> AsyncIterator[Callable[[], Awaitable[Any]]]:
    async with httpx.AsyncClient(base_url=base_url, auth=HmacAuth(API_KEY, API_SECRET), limits=limits) as raw:

        async def call() -> Any:
            response = await raw.get("/ver1/bots")
            response.raise_for_status()
            return json.loads(response.content)

        yield call


@contextlib.asynccontextmanager
async def _sdk(
    base_url: str, limits: httpx.Limits, policy: RateLimitPolicy | None, typed: bool
) -> AsyncIterator[Callable[[], Awaitable[Any]]]:
    async with ThreeCommas(
        API_KEY, API_SECRET, base_url=base_url, rate_limit=policy, http_client=httpx.AsyncClient(limits=limits)
    ) as client:
        if typed:
            yield client.bots.list
        else:

            async def call() -> Any:
                return await client.request("GET", "/ver1/bots")

            yield call
        if client.limiter is not None:
            await client.limiter.aclose()


async def overhead(base_url: str, total: int, repeats: int, concurrency: int = 100) -> list[dict[str, Any]]:
    """Per-request cost of each variant, each pass on a fresh client warmed up just before it (the fake's
    uvicorn closes connections idle for 5 s, and a pool reopening its connections skews the figures)."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    never_binding = RateLimitPolicy(buckets=(Bucket("global", limit=10**9, period=60.0),))
    variants: list[tuple[str, Callable[[], contextlib.AbstractAsyncContextManager[Callable[[], Awaitable[Any]]]]]] = [
        ("raw httpx + HmacAuth + json", lambda: _raw_httpx(base_url, limits)),
        ("ThreeCommas.request (limiter off)", lambda: _sdk(base_url, limits, None, typed=False)),
        ("client.bots.list() typed (limiter off)", lambda: _sdk(base_url, limits, None, typed=True)),
        ("client.bots.list() typed + limiter", lambda: _sdk(base_url, limits, never_binding, typed=True)),
    ]
    best: dict[str, tuple[float, float]] = {}
    for _ in range(repeats):
        for name, open_call in variants:
            async with open_call() as call:
                await _timed(concurrency, 2 * concurrency, call)
                wall, cpu = await _timed(concurrency, total, call)
            previous = best.get(name)
            best[name] = (min(wall, previous[0]), min(cpu, previous[1])) if previous else (wall, cpu)
    raw_wall, raw_cpu = best[variants[0][0]]
    return [
        {
            "variant": name,
            "concurrency": concurrency,
            "wall_us": wall * 1e6,
            "cpu_us": cpu * 1e6,
            "wall_ratio": wall / raw_wall,
            "cpu_ratio": cpu / raw_cpu,
        }
        for name, (wall, cpu) in best.items()
    ]


# ---------------------------------------------------------------------------------------------- main


def _percent(value: float) -> str:
    """``value`` as a percentage, or "-" when the run was too short to measure it."""
    return "-" if value != value else f"{value:.1%}"


def _print_budget_table(rows: list[dict[str, Any]], windows: int) -> None:
    print(f"\nBudget use: {windows} windows of 60 API s, limit {LIMIT} per window (one API key, one IP)")
    header = (
        f"{'client':<18} {'workload':<8} {'concurrency':<12} {'window':>7} {'admitted':>8} {'share':>7} {'fill':>7} "
        f"{'steady':>7} {'max/60s':>7} {'429':>6} {'418':>6} {'sent':>7} {'rtt p50':>7} {'mean ms':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        p50 = f"{row['rtt_p50_ms']:.1f}" if "rtt_p50_ms" in row else "-"
        mean = f"{row['rtt_mean_ms']:.1f}" if "rtt_mean_ms" in row else "-"
        window = f"{60 * row['time_scale']:g}s"
        print(
            f"{row['client']:<18} {row['workload']:<8} {row['concurrency']:<12} {window:>7} {row['admitted']:>8} "
            f"{row['share']:>7.1%} {_percent(row['fill']):>7} {_percent(row['steady']):>7} {row['max_per_60s']:>7} "
            f"{row['429']:>6} {row['418']:>6} {row['sent']:>7} {p50:>7} {mean:>7}"
        )
        if row["client_errors"]:
            print(f"{'':<18} client-side errors: {row['client_errors']}")


def _print_overhead_table(rows: list[dict[str, Any]], total: int) -> None:
    print(f"\nOverhead: GET /ver1/bots, {total} requests per pass, best of the passes, fake budgets off")
    header = f"{'variant':<40} {'conc':>4} {'wall us/req':>11} {'cpu us/req':>10} {'wall ratio':>10} {'cpu ratio':>9}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row['variant']:<40} {row['concurrency']:>4} {row['wall_us']:>11.0f} {row['cpu_us']:>10.0f} "
            f"{row['wall_ratio']:>10.2f} {row['cpu_ratio']:>9.2f}"
        )


def _budget_runs(args: argparse.Namespace, have_py3cw: bool) -> list[tuple[float, Callable[..., Run]]]:
    """(time scale, runner taking the fake and the deal ids) for every budget run, in order."""
    runs: list[tuple[float, Callable[..., Run]]] = []
    for workload in args.workloads.split(","):
        runs.append(
            (args.time_scale, lambda f, ids, w=workload: asyncio.run(run_sdk(f, w, args.tasks, args.windows, ids)))
        )
        if args.skip_peers:
            continue
        if have_py3cw:
            runs.append((args.time_scale, lambda f, ids, w=workload: run_py3cw(f, w, args.threads, args.windows, ids)))
        runs.append(
            (args.time_scale, lambda f, ids, w=workload: asyncio.run(run_httpx(f, w, args.tasks, args.windows, ids)))
        )
    if args.sdk_extra_scale:
        runs.append(
            (args.sdk_extra_scale, lambda f, ids: asyncio.run(run_sdk(f, "bots", args.tasks, args.windows, ids)))
        )
    return runs


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--windows", type=int, default=5)
    parser.add_argument("--time-scale", type=float, default=0.025, help="real s per API s (0.025: 60 s -> 1.5 s)")
    parser.add_argument(
        "--sdk-extra-scale", type=float, default=0.1, help="one more threecommas_async bots run at this scale (0: none)"
    )
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=100)
    parser.add_argument("--overhead-requests", type=int, default=1000)
    parser.add_argument("--overhead-concurrency", default="100,1")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    have_py3cw = importlib.util.find_spec("py3cw") is not None
    if not have_py3cw:
        print("py3cw not installed (pip install py3cw): its rows are skipped")

    rows: list[dict[str, Any]] = []
    for time_scale, runner in _budget_runs(args, have_py3cw):
        with FakeServerProcess(time_scale=time_scale) as fake:
            row = figures(runner(fake, fake.seen()["deal_ids"]))
        rows.append(row)
        print(
            f"  done: {row['client']} / {row['workload']} / {60 * time_scale:g}s windows: "
            f"admitted {row['admitted']}, 429 {row['429']}, 418 {row['418']}",
            flush=True,
        )

    overhead_rows: list[dict[str, Any]] = []
    with FakeServerProcess(time_scale=args.time_scale, budgets=False) as fake:
        for concurrency in (int(value) for value in args.overhead_concurrency.split(",") if value):
            overhead_rows += asyncio.run(overhead(fake.base_url, args.overhead_requests, args.repeats, concurrency))

    print(f"\npython {sys.version.split()[0]}, {os.cpu_count()} cores, httpx {httpx.__version__}")
    print("command: " + " ".join([Path(sys.executable).name, *sys.argv]))
    _print_budget_table(rows, args.windows)
    _print_overhead_table(overhead_rows, args.overhead_requests)
    if args.json:
        args.json.write_text(json.dumps({"budget": rows, "overhead": overhead_rows}, indent=2))


if __name__ == "__main__":
    main()
