"""Four OS processes, a hundred tasks each, one Redis budget: never over the limit in any window, and a
429 seen by one process stops the others.

Run as a script (``python tests/test_fleet_processes.py workers ...``) this file imports the package once
and forks the four worker processes (one cold start instead of four); every process stamps events with
``time.monotonic()``, one clock for the whole host, and writes its result to ``result-N.json``.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import os
import random
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import pytest
from redis_server import RedisServer, running_redis_server  # noqa: F401 (the redis_server fixture)

REPO = Path(__file__).resolve().parents[1]
PROCESSES = 4
TASKS = 100
CALLS_PER_TASK = 2
LIMIT = 100
PERIOD = 0.3
BLOCK_SECONDS = 0.3


async def _worker(url: str, namespace: str, index: int, signal_dir: Path) -> dict[str, Any]:
    from threecommas_async import Bucket
    from threecommas_async._ratelimit._redis import RedisBackend

    bucket = Bucket("global", limit=LIMIT, period=PERIOD, block_seconds=BLOCK_SECONDS)
    backend = RedisBackend.from_url(url, api_key="fleet-process-test-key", namespace=namespace, trust_fresh_start=True)
    rng = random.Random(index)
    calls: list[tuple[float, float]] = []

    async def task() -> None:
        for _ in range(CALLS_PER_TASK):
            permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
            sent = time.monotonic()
            await asyncio.sleep(rng.uniform(0.0005, 0.02))
            answered = time.monotonic()
            await backend.release(permit, sent=True)
            calls.append((sent, answered))

    (signal_dir / f"ready-{index}").touch()
    await _wait_for_files([signal_dir / f"ready-{i}" for i in range(PROCESSES)])
    await asyncio.gather(*(task() for _ in range(TASKS)))
    budget_stats = {"steps": backend.stats.steps, "grants": backend.stats.grants}

    block: dict[str, float] = {}
    marker = signal_dir / "blocked"
    (signal_dir / f"done-{index}").touch()
    if index == 0:
        await _wait_for_files([signal_dir / f"done-{i}" for i in range(PROCESSES)])
        await asyncio.sleep(PERIOD + 0.1)
        block["before"] = time.monotonic()
        await backend.block((bucket,), BLOCK_SECONDS)
        block["after"] = time.monotonic()
        marker.write_text(json.dumps(block))
    else:
        await _wait_for_files([marker])
        block["asked"] = time.monotonic()
        permit = await backend.acquire((bucket,), 1, max_ban_wait=60.0)
        block["granted"] = time.monotonic()
        await backend.release(permit, sent=True)
    await backend.aclose()
    return {"calls": calls, "block": block, "stats": budget_stats}


async def _wait_for_files(paths: list[Path], timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.01)):
        if all(path.exists() for path in paths):
            return
        await asyncio.sleep(0.01)
    raise TimeoutError(f"gave up waiting for {paths}")


def _max_overlap(intervals: list[tuple[float, float]]) -> int:
    events = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    level = peak = 0
    for _, delta in events:
        level += delta
        peak = max(peak, level)
    return peak


def _max_in_window(times: list[float], period: float) -> int:
    ordered = sorted(times)
    return max((bisect.bisect_left(ordered, t + period) - i for i, t in enumerate(ordered)), default=0)


@pytest.mark.redis
@pytest.mark.slow
def test_four_processes_never_exceed_the_shared_budget_and_share_a_429(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    namespace = f"procs{os.getpid()}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    launcher = subprocess.run(
        [sys.executable, __file__, "workers", redis_server.url, namespace, str(tmp_path)],
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=50,
    )
    assert launcher.returncode == 0, launcher.stderr.decode(errors="replace")
    results = [json.loads((tmp_path / f"result-{i}.json").read_text()) for i in range(PROCESSES)]

    calls = [tuple(call) for result in results for call in result["calls"]]
    assert len(calls) == PROCESSES * TASKS * CALLS_PER_TASK
    # A slot is held at least from the send until PERIOD after the answer: never more than LIMIT at once.
    assert _max_overlap([(sent, answered + PERIOD) for sent, answered in calls]) <= LIMIT
    assert _max_in_window([sent for sent, _ in calls], PERIOD) <= LIMIT
    assert _max_in_window([answered for _, answered in calls], PERIOD) <= LIMIT
    # The budget was spent, not wasted: 800 calls need 7 full periods after the first; allow slack.
    first = min(sent for sent, _ in calls)
    last = max(sent for sent, _ in calls)
    assert last - first < (len(calls) / LIMIT) * (PERIOD + 0.1)

    # Round robin: while every process waits, each gets about a quarter of the grants (the first wave
    # goes to whoever asked first).
    finished = [max(sent for sent, _ in result["calls"]) for result in results]
    contended = (first + 1.5 * PERIOD, min(finished) - 0.5 * PERIOD)
    shares = [sum(1 for sent, _ in result["calls"] if contended[0] <= sent < contended[1]) for result in results]
    if contended[1] - contended[0] >= 2 * PERIOD:
        assert min(shares) >= 0.6 * sum(shares) / PROCESSES, shares
        assert max(shares) <= 1.4 * sum(shares) / PROCESSES, shares

    blocker = results[0]["block"]
    for other in results[1:]:
        granted = other["block"]["granted"]
        assert other["block"]["asked"] < blocker["before"] + BLOCK_SECONDS
        assert granted >= blocker["before"] + BLOCK_SECONDS
        assert granted <= blocker["after"] + BLOCK_SECONDS + 0.5, (blocker, [r["block"] for r in results[1:]])

    steps = sum(result["stats"]["steps"] for result in results)
    grants = sum(result["stats"]["grants"] for result in results)
    assert grants == len(calls)
    assert steps <= grants
    print(f"calls={len(calls)} span={last - first:.3f}s steps/grant={steps / grants:.3f} shares={shares}")


def _fork_workers(url: str, namespace: str, signal_dir: Path) -> int:
    """Fork the worker processes from this single-threaded launcher; the worst exit status."""
    import threecommas_async._ratelimit._redis  # noqa: F401 (imported once, before the forks)

    children = []
    for index in range(PROCESSES):
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                result = asyncio.run(_worker(url, namespace, index, signal_dir))
                (signal_dir / f"result-{index}.json").write_text(json.dumps(result))
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                sys.stderr.flush()
                os._exit(status)
        children.append(pid)
    return max(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children)


if __name__ == "__main__" and len(sys.argv) == 5 and sys.argv[1] == "workers":
    sys.exit(_fork_workers(sys.argv[2], sys.argv[3], Path(sys.argv[4])))
