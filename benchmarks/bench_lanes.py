"""Urgent calls under a saturated key: how long an order waits behind pollers and a collector (run by hand).

Run from the repository root::

    .venv/bin/python benchmarks/bench_lanes.py [--time-scale 0.1] [--windows 10] [--pollers 1000] [--urgent 50]

The fake serves over loopback HTTP in its own process (not sharing a GIL with the pollers), on a clock
``1/time-scale`` times faster. One client is shared
by ``--pollers`` tasks reading accounts and bots in the normal lane, one collector paging deal history in the
bulk lane with ``--collector-tasks`` pages in flight (``with_options(priority="bulk")``), and ``--urgent``
panic sells spread over the run (urgent by default, as every call that changes something). Reported, with no
reserve and with ``--reserve`` slots kept for urgent calls: the urgent waits (from the call to its answer, in
windows of 60 API seconds: median and max), the budget used over the steady windows (against ``limit`` or
``limit - reserve`` for the other lanes), the bulk collector's share of the normal+bulk grants, and 429s. The
pollers' round trip (answer time, in windows) is the yardstick for the urgent waits. Round trips are not
scaled, so a small ``--time-scale`` makes a collector that pages one request at a time spend most of the run
in its own round trips rather than waiting for the budget.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import random
import statistics
import time
from typing import Any

import attrs
from _fake_process import API_KEY, API_SECRET, FakeServerProcess
from _lanes_report import add_lane_arguments, granted_ahead, server_budget

from threecommas_async import Lane, RawResponse, ThreeCommas, ThreeCommasError, default_policy
from threecommas_async._ratelimit import Permit


async def run(args: argparse.Namespace, reserve: int) -> dict[str, Any]:
    policy = attrs.evolve(default_policy(), urgent_reserve=reserve).scaled(args.time_scale)
    period = 60.0 * args.time_scale
    duration = args.windows * period
    waits: list[float] = []
    issued: list[float] = []
    trips: list[float] = []
    collected = 0
    book = {"accounts": 10, "bots": 20, "deals": 20_000, "odd_values": False}
    with FakeServerProcess(time_scale=args.time_scale, seed=3, **book) as fake:
        seeded = fake.seen()
        accounts, bots, active = seeded["account_ids"], seeded["bot_ids"], seeded["active_deal_ids"]
        async with ThreeCommas(API_KEY, API_SECRET, base_url=fake.base_url, rate_limit=policy) as client:
            grants = _record_grants(client)
            started = time.monotonic()
            deadline = started + duration
            rng = random.Random(1)

            async def poll() -> None:
                while time.monotonic() < deadline:
                    raw: RawResponse[Any]
                    if rng.random() < 0.5:
                        raw = await client.with_raw_response.accounts.show(rng.choice(accounts))
                    else:
                        raw = await client.with_raw_response.bots.show(rng.choice(bots))
                    trips.append(raw.http_response.elapsed.total_seconds() / period)

            bulk = client.with_options(priority="bulk")
            pages = iter(range(0, 20_000, 100))

            async def collect() -> None:
                nonlocal collected
                for offset in pages:
                    if time.monotonic() >= deadline:
                        return
                    collected += len(await bulk.deals.list(scope="finished", limit=100, offset=offset))

            async def urgent(at: float, deal_id: int) -> None:
                await asyncio.sleep(at)
                sent = time.monotonic()
                issued.append(time.monotonic())
                with contextlib.suppress(ThreeCommasError):
                    await client.deals.panic_sell(deal_id)
                waits.append((time.monotonic() - sent) / period)

            spacing = (duration - 2 * period) / args.urgent
            background = [asyncio.ensure_future(poll()) for _ in range(args.pollers)]
            background += [asyncio.ensure_future(collect()) for _ in range(args.collector_tasks)]
            orders = [
                asyncio.ensure_future(urgent(period + i * spacing, active[i % len(active)])) for i in range(args.urgent)
            ]
            await asyncio.gather(*orders, return_exceptions=True)
            await asyncio.sleep(max(deadline - time.monotonic(), 0.0))
            snapshot = await client.rate_limit_snapshot()
            backend: Any = client.limiter.backend if client.limiter is not None else None
            contended = (backend._contended_bulk, backend._contended) if backend is not None else (0, 0)
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
        seen = fake.seen()
    assert snapshot is not None
    ahead = granted_ahead(grants, issued)
    limiter_waits = [wait / period for wait in _limiter_waits(grants, issued)]
    grants = snapshot.grants_by_lane
    return {
        "reserve": reserve,
        "urgent waits (windows) median / max": f"{statistics.median(waits):.3f} / {max(waits):.3f}",
        "of which waiting for the limiter, median / max": (
            f"{statistics.median(limiter_waits):.3f} / {max(limiter_waits):.3f}"
        ),
        "normal+bulk granted while an urgent waited": f"{statistics.median(ahead)} / {max(ahead)}",
        "poller round trip (windows) median / max": f"{statistics.median(trips):.3f} / {max(trips):.3f}",
        "bulk share of normal+bulk grants": f"{100 * grants['bulk'] / max(grants['bulk'] + grants['normal'], 1):.1f}%",
        "bulk share while both lanes waited": f"{100 * contended[0] / max(contended[1], 1):.1f}%",
        **server_budget(seen, args.windows, reserve),
    }


def _record_grants(client: ThreeCommas) -> list[tuple[float, Lane]]:
    """Every grant the client's limiter makes, as (monotonic time, lane)."""
    assert client.limiter is not None
    backend = client.limiter.backend
    acquire = backend.acquire
    grants: list[tuple[float, Lane]] = []

    async def recording(*args: Any, **kwargs: Any) -> Permit:
        permit = await acquire(*args, **kwargs)
        grants.append((time.monotonic(), permit.lane))
        return permit

    backend.acquire = recording  # type: ignore[method-assign]
    return grants


def _limiter_waits(grants: list[tuple[float, Lane]], issued: list[float]) -> list[float]:
    """For each urgent call: the seconds from the call to its grant (the rest of its wait is HTTP)."""
    urgent = [t for t, lane in grants if lane is Lane.URGENT]
    return [next((t for t in urgent if t >= at), math.inf) - at for at in sorted(issued)]


async def main(args: argparse.Namespace) -> None:
    for reserve in (0, args.reserve):
        result = await run(args, reserve)
        print(f"== reserve {reserve}")
        for key, value in result.items():
            print(f"  {key:42} {value}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_lane_arguments(parser)
    asyncio.run(main(parser.parse_args()))
