"""Export benchmark: ``threecommas-async export deals`` of 100,000 finished deals from the fake.

    python benchmarks/bench_export.py                 # 100,000 and 10,000 deals, JSON Lines and SQLite
    python benchmarks/bench_export.py --rows 20000    # a quicker look

The fake runs in its own process (serving HTTP on loopback, no GIL shared with the exporter), its book
filled with ``--rows`` finished deals of distinct update times. The exporter is the real command line in
a subprocess, measured with ``wait4`` (wall time, CPU time, peak RSS). Figures:

- requests: what the exporter sent to ``GET /ver1/deals`` against the pages needed
  (``ceil(rows / 1000)``, plus one empty page when the last one is full): the ratio shows the overhead
  (one request probes the oldest deal, for the progress line's ETA).
- time: the run in API seconds (wall time / time scale) against the budget's lower bound, pages needed ÷
  pages per window (100 per 60 s, the global bucket) × 60 s. The first window's 100 requests are free at
  start, so a run that only waits for the budget lands slightly *under* 1.0 when the pages fit in one
  window and tends to 1.0 as they grow.
- the time scale is picked from the fake's own speed (a warm-up request): the fake must serve a window's
  100 pages of 1000 deals within the window, otherwise the fake, not the budget, would be measured.
- memory: the exporter's peak RSS at 10,000 and at 100,000 rows (it streams pages; the JSON Lines
  merge of a first run is a rename, the SQLite output is upserts).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

API_KEY = "bench-export-key"
API_SECRET = "bench-export-secret"
PAGE = 1000
WINDOW = 60.0
PAGES_PER_WINDOW = 100


def _iso(moment: float) -> str:
    value = datetime.fromtimestamp(moment, tz=timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _fill(fake: Any, rows: int) -> None:
    """``rows`` finished deals: shallow copies of seeded ones, each with its own id and update time."""
    from threecommas_async.testing import Mode

    fake.seed(seed=5, deals=400, bots=10, accounts=3, smart_trades=1, grid_bots=1, modes=(Mode.REAL,))
    deals = fake.book().deals
    templates = [deal for deal in deals.values() if deal["finished?"]]
    deals.clear()
    start = time.time() - 10 * rows
    for n in range(rows):
        moment = _iso(start + 10 * n)
        deal = dict(templates[n % len(templates)])
        deal.update(id=3_000_000_000 + n, created_at=moment, updated_at=moment, closed_at=moment)
        deals[deal["id"]] = deal


def _serve(conn: Connection, rows: int, time_scale: float) -> None:
    from threecommas_async.testing import FakeThreeCommas

    fake = FakeThreeCommas(time_scale=time_scale)
    _fill(fake, rows)
    fake.add_key(API_KEY, API_SECRET)
    with fake.serve_in_thread(log_level="error") as base_url:
        conn.send(base_url)
        while conn.recv() != "stop":
            statuses = [record.status for record in fake.requests if record.path.endswith("/ver1/deals")]
            conn.send((len(statuses), sum(1 for s in statuses if s in (418, 429))))
        conn.send("stopped")


class FakeProcess:
    def __init__(self, rows: int, time_scale: float) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, rows, time_scale), daemon=True)
        self._process.start()
        self.base_url: str = self._conn.recv()

    def deal_requests(self) -> tuple[int, int]:
        self._conn.send("count")
        answer: tuple[int, int] = self._conn.recv()
        return answer

    def stop(self) -> None:
        self._conn.send("stop")
        self._conn.recv()
        self._process.join(10)


async def _timed_page(base_url: str) -> float:
    from threecommas_async import ThreeCommas

    params = {"scope": "finished", "limit": PAGE, "order": "updated_at", "order_direction": "DESC"}
    async with ThreeCommas(API_KEY, API_SECRET, base_url=base_url, rate_limit=None) as client:
        await client.request("GET", "/ver1/deals", params=params)
        started = time.perf_counter()
        await client.request("GET", "/ver1/deals", params=params)
        return time.perf_counter() - started


def _page_seconds(rows: int) -> float:
    """How long one page of 1000 deals out of ``rows`` takes (fake and client; a warm-up request)."""
    fake = FakeProcess(rows, 1.0)
    try:
        return asyncio.run(_timed_page(fake.base_url))
    finally:
        fake.stop()


def _env(base_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREECOMMAS_")}
    env.update(THREECOMMAS_BASE_URL=base_url, THREECOMMAS_API_KEY=API_KEY, THREECOMMAS_API_SECRET=API_SECRET)
    return env


def _export(rows: int, out: str, time_scale: float) -> dict[str, float]:
    fake = FakeProcess(rows, time_scale)
    command = [sys.executable, "-m", "threecommas_async", "export", "deals", "--scope", "finished", "--out", out,
               "--no-progress", "--time-scale", str(time_scale)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=_env(fake.base_url), stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    requests, refused = fake.deal_requests()
    fake.stop()
    if process.returncode != 0:
        raise SystemExit(f"export failed with exit code {process.returncode}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "requests": requests,
        "refused": refused,
    }


def _report(rows: int, kind: str, time_scale: float, result: dict[str, float]) -> None:
    pages = math.ceil(rows / PAGE) + (1 if rows % PAGE == 0 else 0)
    api_seconds = result["wall"] / time_scale
    bound = pages / PAGES_PER_WINDOW * WINDOW
    print(
        f"{rows:>7,} deals  {kind:<6} requests {result['requests']:>4.0f} / {pages} needed "
        f"({result['requests'] / pages:.2f}x)  time {api_seconds:6.1f} API s / {bound:.1f} s bound "
        f"({api_seconds / bound:.2f}x)  exporter CPU {1000 * result['cpu'] / result['requests']:.0f} ms/request  "
        f"peak RSS {result['rss_mb']:.0f} MB  429/418 {result['refused']:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 10_000])
    parser.add_argument("--time-scale", type=float, help="default: picked from the fake's speed")
    args = parser.parse_args()
    for rows in args.rows:
        page_seconds = _page_seconds(rows)
        time_scale = args.time_scale or max(0.01, 1.5 * page_seconds * PAGES_PER_WINDOW / WINDOW)
        print(f"{rows:,} deals: the fake serves a page of 1000 in {page_seconds:.2f} s; time scale {time_scale:.2f}")
        with tempfile.TemporaryDirectory() as folder:
            for kind, out in (("jsonl", f"{folder}/deals.jsonl"), ("sqlite", f"sqlite:///{folder}/deals.db")):
                _report(rows, kind, time_scale, _export(rows, out, time_scale))
                if kind == "jsonl":
                    with Path(out).open("rb") as lines:
                        assert sum(1 for _ in lines) == rows


if __name__ == "__main__":
    main()
