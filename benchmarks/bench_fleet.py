"""Fleet mode: 1, 2, 4 and 8 OS processes share one API key's budget through Redis (run by hand).

Run from the repository root::

    .venv/bin/python benchmarks/bench_fleet.py [--processes 1,2,4,8] [--duration 10] [--tasks 50]
                                               [--time-scale 0.016667] [--redis-url redis://...]

The fake 3Commas server (``threecommas_async.testing.FakeThreeCommas``) serves real HTTP on loopback
from a thread of this process and enforces the documented budgets in a sliding window on scaled time
(``--time-scale 1/60``: the 100 requests / 60 s budget becomes 100 / 1 s). A fresh fake key per run
gives each run a fresh budget. Without ``--redis-url`` a throwaway ``redis-server`` (from PATH) is
started on a free port, with no persistence.

Every worker process runs ``--tasks`` tasks that call ``GET /ver1/bots`` through a ``ThreeCommas``
client with ``limiter_backend=RedisBackend(...)`` and the scaled default policy, from a common start
time for ``--duration`` seconds plus one period. Reported per run:

* budget used, two ways, from the arrivals the fake answered 200 (on its own clock): "in D", the count in
  ``--duration`` seconds from the first arrival over limit x duration / period (quantized by the waves
  of the budget), and "fill", the mean share of the limit used over every sliding window of the run;
  plus the most arrivals the fake saw in any sliding window (must not pass 100);
* 429s the fake answered (goal: zero);
* Redis round trips per granted request: pump steps (grants, denials, releases, blocks; every step is
  one EVALSHA) / grants, summed over the processes; of them, the steps that asked for budget (with or
  without releases riding along), the asks that got nothing, and the steps that only wrote (releases
  whose linger ended before any ask came);
* Redis commands per granted request (``INFO commandstats`` before and after the run: every command
  Redis executed, the scripts' own included) and client CPU per granted request (process CPU of the
  workers during the run, the SDK's HTTP work included, over the requests they completed).

``--limiter-only`` leaves HTTP out: each task acquires through the ``RedisBackend`` directly, holds the
grant ``--latency`` seconds and releases it (sent), so the workers' CPU per grant is the limiter's own
(pump, step encoding, redis-py, waiters) plus asyncio's task switching, and the budget used is counted
from the grants' times.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PATH = "/ver1/bots"


async def _limiter_only(backend: Any, policy: Any, config: dict[str, Any]) -> dict[str, Any]:
    """The tasks without HTTP: acquire, hold ``latency`` seconds, release (sent). The process's CPU is then
    the limiter's own (the pump, redis-py, the waiters) plus asyncio's task switching for the sleeps."""
    buckets, weight = policy.resolve("GET", PATH)
    stop_at = config["start_at"] + config["duration"] + config["tail"]
    grants: list[float] = []

    async def task() -> None:
        while time.monotonic() < stop_at:
            permit = await backend.acquire(buckets, weight, max_ban_wait=60.0)
            grants.append(time.monotonic())
            await asyncio.sleep(config["latency"])
            await backend.release(permit, sent=True)

    await asyncio.sleep(max(config["start_at"] - time.monotonic(), 0.0))
    cpu_started = time.process_time()
    await asyncio.gather(*(task() for _ in range(config["tasks"])))
    cpu = time.process_time() - cpu_started
    await backend.aclose()
    return {"cpu": cpu, "granted": len(grants), "rate_limited": 0, "arrivals": grants, **_stats(backend)}


def _stats(backend: Any) -> dict[str, int]:
    stats = backend.stats
    return {
        "steps": stats.steps,
        "ask_steps": stats.ask_steps,
        "denied_steps": stats.denied_steps,
        "write_only_steps": stats.write_only_steps,
        "grants": stats.grants,
    }


async def _worker(config: dict[str, Any]) -> dict[str, Any]:
    from threecommas_async import RateLimitError, ThreeCommas, default_policy
    from threecommas_async._ratelimit._redis import RedisBackend

    policy = default_policy().scaled(config["time_scale"])
    backend = RedisBackend.from_url(
        config["redis_url"], api_key=config["api_key"], namespace=config["namespace"], trust_fresh_start=True
    )
    if config["limiter_only"]:
        return await _limiter_only(backend, policy, config)
    start_at: float = config["start_at"]
    stop_at = start_at + config["duration"] + config["tail"]
    granted = 0
    rate_limited = 0
    async with ThreeCommas(
        api_key=config["api_key"],
        api_secret=config["api_secret"],
        base_url=config["base_url"],
        rate_limit=policy,
        limiter_backend=backend,
        max_retries=0,
    ) as client:

        async def task() -> None:
            nonlocal granted, rate_limited
            while time.monotonic() < stop_at:
                try:
                    await client.request("GET", PATH)
                except RateLimitError:
                    rate_limited += 1
                else:
                    granted += 1

        await asyncio.sleep(max(start_at - time.monotonic(), 0.0))
        cpu_started = time.process_time()
        await asyncio.gather(*(task() for _ in range(config["tasks"])))
        cpu = time.process_time() - cpu_started
    return {"cpu": cpu, "granted": granted, "rate_limited": rate_limited, **_stats(backend)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _redis_server() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server not found on PATH (apt-get install -y redis-server) and no --redis-url given")
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="bench-fleet-redis-") as directory:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=directory,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        break
                time.sleep(0.02)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(5)


def _redis_commands(redis_url: str) -> int:
    """Commands Redis has executed (scripts' own commands included), from INFO commandstats."""
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        stats = client.info("commandstats")
    finally:
        client.close()
    return sum(int(row["calls"]) for name, row in stats.items() if name != "cmdstat_info")


def _mean_window_fill(arrivals: list[float], period: float, start: float, duration: float, limit: int = 100) -> float:
    """The mean over every window [t, t + period) with start <= t <= start + duration - period of
    (arrivals in it) / limit: the share of the sliding-window budget used, free of wave quantization."""
    last = start + duration - period
    covered = sum(max(min(a, last) - max(a - period, start), 0.0) for a in arrivals)
    return covered / (last - start) / limit


def _most_in_window(times: list[float], period: float) -> int:
    return max((bisect.bisect_left(times, t + period) - i for i, t in enumerate(times)), default=0)


def _run(fake: Any, base_url: str, redis_url: str, processes: int, args: argparse.Namespace) -> dict[str, Any]:
    key = fake.add_key()
    fake.reset_observations()
    policy_period = 60.0 * args.time_scale
    config = {
        "limiter_only": args.limiter_only,
        "latency": args.latency,
        "redis_url": redis_url,
        "base_url": base_url,
        "api_key": key.api_key,
        "api_secret": key.secret,
        "namespace": f"bench-{uuid.uuid4().hex[:8]}",
        "time_scale": args.time_scale,
        "tasks": args.tasks,
        "duration": args.duration,
        "tail": policy_period,
        "start_at": time.monotonic() + 2.0 + 0.1 * processes,
    }
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", json.dumps(config)],
            stdout=subprocess.PIPE,
            env=env,
            cwd=REPO,
        )
        for _ in range(processes)
    ]
    commands_before = _redis_commands(redis_url)
    results = []
    for worker in workers:
        out, _ = worker.communicate(timeout=args.duration + 60)
        if worker.returncode != 0:
            raise SystemExit(f"worker failed with exit code {worker.returncode}")
        results.append(json.loads(out))
    if args.limiter_only:
        arrivals = sorted(t for r in results for t in r["arrivals"])
    else:
        arrivals = sorted(r.time * args.time_scale for r in fake.requests if r.key == key.api_key and r.status == 200)
    window_start = arrivals[0] if arrivals else 0.0
    granted = sum(1 for t in arrivals if t < window_start + args.duration)
    budget = 100 * args.duration / policy_period
    steps = sum(r["steps"] for r in results)
    ask_steps = sum(r["ask_steps"] for r in results)
    denied = sum(r["denied_steps"] for r in results)
    write_only = sum(r["write_only_steps"] for r in results)
    grants = sum(r["grants"] for r in results)
    commands = _redis_commands(redis_url) - commands_before
    return {
        "commands_per_grant": commands / grants if grants else float("nan"),
        "cpu_ms_per_grant": 1000.0 * sum(r["cpu"] for r in results) / max(sum(r["granted"] for r in results), 1),
        "processes": processes,
        "tasks": processes * args.tasks,
        "granted": granted,
        "budget": budget,
        "used": granted / budget,
        "window_fill": _mean_window_fill(arrivals, policy_period, window_start, args.duration),
        "steady_fill": _mean_window_fill(
            arrivals, policy_period, window_start + args.warmup, args.duration - args.warmup
        ),
        "429s_seen_by_clients": sum(r["rate_limited"] for r in results),
        "429s_answered_by_fake": fake.counters.by_status.get(429, 0),
        "200s_answered_by_fake": fake.counters.by_status.get(200, 0),
        "round_trips_per_grant": steps / grants if grants else float("nan"),
        "ask_round_trips_per_grant": ask_steps / grants if grants else float("nan"),
        "denied_per_grant": denied / grants if grants else float("nan"),
        "write_only_per_grant": write_only / grants if grants else float("nan"),
        "most_in_any_window": _most_in_window(arrivals, policy_period),
        "per_process": [r["granted"] for r in results],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", default="1,2,4,8")
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds left out of the steady-state fill")
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--time-scale", type=float, default=1 / 60)
    parser.add_argument("--redis-url")
    parser.add_argument(
        "--limiter-only",
        action="store_true",
        help="no HTTP: tasks acquire, hold --latency seconds and release; CPU per grant is the limiter's own",
    )
    parser.add_argument("--latency", type=float, default=0.005, help="seconds a grant is held with --limiter-only")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        json.dump(asyncio.run(_worker(json.loads(args.worker))), sys.stdout)
        return

    from threecommas_async.testing import FakeThreeCommas

    fake = FakeThreeCommas(time_scale=args.time_scale)
    fake.seed(seed=11, bots=3)
    counts = [int(n) for n in args.processes.split(",")]
    with contextlib.ExitStack() as stack:
        redis_url = args.redis_url or stack.enter_context(_redis_server())
        base_url = stack.enter_context(fake.serve_in_thread())
        print(
            f"budget 100 / {60.0 * args.time_scale:.3f}s, {args.duration:.0f}s per run, "
            f"{args.tasks} tasks per process, fake at {base_url}"
        )
        print(
            f"{'procs':>5} {'tasks':>5} {'in D':>6} {'fill':>6} {'steady':>6} {'max/win':>7} {'429s':>4} "
            f"{'rt/grant':>8} {'ask/grant':>9} {'denied/grant':>12} {'write-only/grant':>16} "
            f"{'cmds/grant':>10} {'cpu ms/grant':>12}  per process"
        )
        for processes in counts:
            row = _run(fake, base_url, redis_url, processes, args)
            print(
                f"{row['processes']:>5} {row['tasks']:>5} {row['used']:>6.1%} {row['window_fill']:>6.1%} "
                f"{row['steady_fill']:>6.1%} {row['most_in_any_window']:>7} {row['429s_answered_by_fake']:>4} "
                f"{row['round_trips_per_grant']:>8.3f} {row['ask_round_trips_per_grant']:>9.3f} "
                f"{row['denied_per_grant']:>12.3f} {row['write_only_per_grant']:>16.3f} "
                f"{row['commands_per_grant']:>10.1f} {row['cpu_ms_per_grant']:>12.2f}  {row['per_process']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
