"""What the two lanes benchmarks (``bench_lanes.py`` in one process, ``bench_lanes_fleet.py`` through Redis)
share: their command-line arguments, and the figures read off the fake's log and the grants."""

from __future__ import annotations

import argparse
import collections
import math
from typing import Any

from threecommas_async import Lane


def add_lane_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--time-scale", type=float, default=0.1)
    parser.add_argument("--windows", type=int, default=10)
    parser.add_argument("--pollers", type=int, default=1000)
    parser.add_argument("--urgent", type=int, default=50)
    parser.add_argument("--reserve", type=int, default=5)
    parser.add_argument("--collector-tasks", type=int, default=8)


def granted_ahead(grants: list[tuple[float, int]], issued: list[float]) -> list[int]:
    """For each urgent call: the normal and bulk requests granted after it was made and before it was
    (``grants``: (time, lane) in time order, lanes as ``Lane`` or their numbers)."""
    counts = []
    for at in sorted(issued):
        granted = next((t for t, lane in grants if lane == Lane.URGENT and t >= at), math.inf)
        counts.append(sum(1 for t, lane in grants if lane != Lane.URGENT and at < t < granted))
    return counts


def server_budget(seen: dict[str, Any], windows: int, reserve: int) -> dict[str, Any]:
    """Budget figures from the fake's log (``FakeServerProcess.seen()``), over the windows after the first:
    every answer the server counted (anything but 429 and 418), and the reads against ``limit - reserve``."""
    records = list(zip(seen["arrivals"], seen["methods"], strict=True))
    first = min(at for (at, _), _ in records)
    in_steady = [(status, method) for (at, status), method in records if first + 60.0 <= at < first + 60.0 * windows]
    counted = [(status, method) for status, method in in_steady if status not in (429, 418)]
    reads = sum(1 for _, method in counted if method == "GET")
    statuses = [status for (_, status), _ in records]
    steady_windows = windows - 1
    return {
        "budget used, steady windows": f"{100 * len(counted) / (100 * steady_windows):.1f}%",
        "normal+bulk of limit - reserve": f"{100 * reads / ((100 - reserve) * steady_windows):.1f}%",
        "answers in the steady windows by status": dict(collections.Counter(status for status, _ in in_steady)),
        "429": statuses.count(429),
        "418": statuses.count(418),
    }
