"""Urgent calls under a saturated key shared by several processes through Redis (run by hand).

Run from the repository root::

    .venv/bin/python benchmarks/bench_lanes_fleet.py [--processes 4] [--time-scale 0.1] [--windows 10]
                                                      [--pollers 1000] [--urgent 50] [--reserve 5]

``bench_lanes.py`` with the limiter in Redis: the fake serves over loopback HTTP in its own process, on a
clock ``1/time-scale`` times faster; a throwaway ``redis-server`` (from PATH) holds the budget. Each of
``--processes`` worker processes runs one client with ``limiter_backend=RedisBackend(...)`` and the scaled
default policy: ``--pollers`` normal-lane pollers in all (split evenly), the bulk collector (in process 0,
``--collector-tasks`` pages in flight) and the ``--urgent`` panic sells, spread over the run and dealt
round robin to the processes. Workers start together once every one is ready. Reported, with no reserve
and with ``--reserve``: the urgent waits (call to answer, in windows of 60 API seconds: median and max;
and of them the wait for the limiter's grant),
the normal+bulk grants made anywhere in the fleet while an urgent call waited, the pollers' round trip,
the budget used over the steady windows (against ``limit`` or ``limit - reserve`` for the other lanes),
the bulk share (of all normal+bulk grants, and of those made while both lanes waited: the fleet's own
counters in Redis), 429s, Redis round trips and commands per grant, and the workers' CPU per grant.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import attrs
from _fake_process import API_KEY, API_SECRET, FakeServerProcess
from _lanes_report import add_lane_arguments, granted_ahead, server_budget
from bench_fleet import _redis_commands, _redis_server

REPO = Path(__file__).resolve().parents[1]


async def _worker(config: dict[str, Any]) -> dict[str, Any]:
    from threecommas_async import Lane, RawResponse, ThreeCommas, ThreeCommasError, default_policy
    from threecommas_async._ratelimit import Permit
    from threecommas_async._ratelimit._redis import RedisBackend

    index, processes, period = config["index"], config["processes"], config["period"]
    policy = attrs.evolve(default_policy(), urgent_reserve=config["reserve"]).scaled(config["time_scale"])
    backend = RedisBackend.from_url(
        config["redis_url"], api_key=API_KEY, namespace=config["namespace"], trust_fresh_start=True
    )
    grants: list[tuple[float, int]] = []
    limiter_waits: list[float] = []
    acquire = backend.acquire

    async def recording(*args: Any, **kwargs: Any) -> Permit:
        asked = time.monotonic()
        permit = await acquire(*args, **kwargs)
        grants.append((time.monotonic(), int(permit.lane)))
        if permit.lane is Lane.URGENT:
            limiter_waits.append((time.monotonic() - asked) / period)
        return permit

    backend.acquire = recording  # type: ignore[method-assign]
    waits: list[float] = []
    issued: list[float] = []
    trips: list[float] = []
    async with ThreeCommas(
        API_KEY, API_SECRET, base_url=config["base_url"], rate_limit=policy, limiter_backend=backend
    ) as client:
        await backend.snapshot(policy.buckets[:1])
        signals = Path(config["signals"])
        (signals / f"ready-{index}").touch()
        for _ in range(12_000):
            if (signals / "go").exists():
                break
            await asyncio.sleep(0.005)
        started = float((signals / "go").read_text())
        deadline = started + config["windows"] * period
        rng = random.Random(index)

        async def poll() -> None:
            while time.monotonic() < deadline:
                raw: RawResponse[Any]
                if rng.random() < 0.5:
                    raw = await client.with_raw_response.accounts.show(rng.choice(config["accounts"]))
                else:
                    raw = await client.with_raw_response.bots.show(rng.choice(config["bots"]))
                trips.append(raw.http_response.elapsed.total_seconds() / period)

        bulk = client.with_options(priority="bulk")
        pages = iter(range(0, 20_000, 100))

        async def collect() -> None:
            for offset in pages:
                if time.monotonic() >= deadline:
                    return
                await bulk.deals.list(scope="finished", limit=100, offset=offset)

        async def urgent(at: float, deal_id: int) -> None:
            await asyncio.sleep(max(at - time.monotonic(), 0.0))
            sent = time.monotonic()
            issued.append(sent)
            with contextlib.suppress(ThreeCommasError):
                await client.deals.panic_sell(deal_id)
            waits.append((time.monotonic() - sent) / period)

        await asyncio.sleep(max(started - time.monotonic(), 0.0))
        cpu_started = time.process_time()
        spacing = (config["windows"] - 2) * period / config["urgent"]
        share = config["pollers"] // processes + (index < config["pollers"] % processes)
        background = [asyncio.ensure_future(poll()) for _ in range(share)]
        background += [asyncio.ensure_future(collect()) for _ in range(config["collector_tasks"] if index == 0 else 0)]
        active = config["active"]
        orders = [
            asyncio.ensure_future(urgent(started + period + i * spacing, active[i % len(active)]))
            for i in range(config["urgent"])
            if i % processes == index
        ]
        await asyncio.gather(*orders, return_exceptions=True)
        await asyncio.sleep(max(deadline - time.monotonic(), 0.0))
        cpu = time.process_time() - cpu_started
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
    stats = backend.stats
    return {
        "waits": waits,
        "limiter_waits": limiter_waits,
        "issued": issued,
        "trips": trips,
        "grants": grants,
        "cpu": cpu,
        "steps": stats.steps,
        "fleet_grants": stats.grants,
        "by_lane": stats.grants_by_lane,
    }


def _contended(redis_url: str, namespace: str) -> tuple[int, int]:
    """The fleet's counters of normal+bulk grants made while both lanes waited, and of them bulk's."""
    import redis

    from threecommas_async._ratelimit._fleet_options import fleet_key_prefix

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    try:
        share = client.hget(fleet_key_prefix(API_KEY, namespace) + "q", "share") or "0|0"
    finally:
        client.close()
    n, _, b = share.partition("|")
    return int(n), int(b)


def _start(config: dict[str, Any], processes: int, signals: Path) -> list[subprocess.Popen[bytes]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", json.dumps({**config, "index": index})],
            stdout=subprocess.PIPE,
            env=env,
            cwd=REPO,
        )
        for index in range(processes)
    ]
    for _ in range(6000):
        if all((signals / f"ready-{i}").exists() for i in range(processes)):
            break
        time.sleep(0.01)
    (signals / "go.tmp").write_text(repr(time.monotonic() + 0.5))
    (signals / "go.tmp").rename(signals / "go")
    return workers


def run(args: argparse.Namespace, redis_url: str, reserve: int) -> dict[str, Any]:
    period = 60.0 * args.time_scale
    book = {"accounts": 10, "bots": 20, "deals": 20_000, "odd_values": False}
    namespace = f"lanes-{uuid.uuid4().hex[:8]}"
    with FakeServerProcess(time_scale=args.time_scale, seed=3, **book) as fake, tempfile.TemporaryDirectory() as tmp:
        seeded = fake.seen()
        config = {
            "redis_url": redis_url,
            "base_url": fake.base_url,
            "namespace": namespace,
            "processes": args.processes,
            "time_scale": args.time_scale,
            "period": period,
            "windows": args.windows,
            "pollers": args.pollers,
            "urgent": args.urgent,
            "collector_tasks": args.collector_tasks,
            "reserve": reserve,
            "signals": tmp,
            "accounts": seeded["account_ids"],
            "bots": seeded["bot_ids"],
            "active": seeded["active_deal_ids"],
        }
        commands_before = _redis_commands(redis_url)
        results = []
        for worker in _start(config, args.processes, Path(tmp)):
            out, _ = worker.communicate(timeout=args.windows * period + 120)
            if worker.returncode != 0:
                raise SystemExit(f"worker failed with exit code {worker.returncode}")
            results.append(json.loads(out))
        commands = _redis_commands(redis_url) - commands_before
        contended = _contended(redis_url, namespace)
        seen = fake.seen()
    return _report(args, reserve, results, seen, commands, contended)


def _report(
    args: argparse.Namespace,
    reserve: int,
    results: list[dict[str, Any]],
    seen: dict[str, Any],
    commands: int,
    contended: tuple[int, int],
) -> dict[str, Any]:
    waits = [w for r in results for w in r["waits"]]
    limiter_waits = [w for r in results for w in r["limiter_waits"]]
    trips = [t for r in results for t in r["trips"]]
    grants = sorted((t, lane) for r in results for t, lane in r["grants"])
    ahead = granted_ahead(grants, [t for r in results for t in r["issued"]])
    by_lane = [sum(r["by_lane"][lane] for r in results) for lane in range(3)]
    fleet_grants = sum(r["fleet_grants"] for r in results)
    return {
        "reserve": reserve,
        "urgent waits (windows) median / max": f"{statistics.median(waits):.3f} / {max(waits):.3f}",
        "of which waiting for the limiter": f"{statistics.median(limiter_waits):.3f} / {max(limiter_waits):.3f}",
        "normal+bulk granted while an urgent waited": f"{statistics.median(ahead)} / {max(ahead)}",
        "poller round trip (windows) median / max": f"{statistics.median(trips):.3f} / {max(trips):.3f}",
        "grants urgent / normal / bulk": " / ".join(str(n) for n in by_lane),
        "bulk share of normal+bulk grants": f"{100 * by_lane[2] / max(by_lane[1] + by_lane[2], 1):.1f}%",
        "bulk share while both lanes waited": f"{100 * contended[1] / max(contended[0], 1):.1f}% of {contended[0]}",
        **server_budget(seen, args.windows, reserve),
        "Redis round trips / grant": f"{sum(r['steps'] for r in results) / max(fleet_grants, 1):.3f}",
        "Redis commands / grant": f"{commands / max(fleet_grants, 1):.2f}",
        "worker CPU ms / grant (whole process)": f"{1000 * sum(r['cpu'] for r in results) / max(fleet_grants, 1):.2f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=4)
    add_lane_arguments(parser)
    parser.add_argument("--redis-url")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        json.dump(asyncio.run(_worker(json.loads(args.worker))), sys.stdout)
        return
    with contextlib.ExitStack() as stack:
        redis_url = args.redis_url or stack.enter_context(_redis_server())
        for reserve in (0, args.reserve):
            result = run(args, redis_url, reserve)
            print(f"== {args.processes} processes through Redis, reserve {reserve}", flush=True)
            for key, value in result.items():
                print(f"  {key:42} {value}", flush=True)


if __name__ == "__main__":
    main()
