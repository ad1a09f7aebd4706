"""Faults and bans against the fake over loopback HTTP (run by hand; prints a table).

Run from the repository root::

    .venv/bin/python benchmarks/bench_faults.py [--time-scale 0.01] [--reads 1000] [--orders 200] [--seed 7]

Part 1, faults. The fake answers 10% of every method's requests with a 5xx *after* applying them (the
client cannot know the outcome) and resets 5% of connections before handling them. One client sends
``--reads`` reads (bots list, deal show, accounts) and ``--orders`` order-type calls (bot enable and
disable, which change state and are not idempotent) from 100 tasks. Reported: reads completed, order
calls that succeeded, ``OutcomeUnknownError`` raised, operations the fake saw applied twice
(duplicates: must be 0), and requests that reached the fake during a block window or a ban (must be 0).

Part 2, one ban event. 50 requests are in flight (the fake holds each for 2 s on arrival) when the
fake bans the IP for 120 s on the first of them: all 50 come back 418. Reported: what is left of the ban
the client assumed once all 50 are in (at most the base 120 s, not 120 * 2^49), requests sent while the
client held its gate closed, and how long after the assumed ban traffic was flowing again.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections import Counter
from typing import Any

from threecommas_async import (
    IPBannedError,
    OutcomeUnknownError,
    ThreeCommas,
    ThreeCommasError,
    default_policy,
)
from threecommas_async.testing import FakeThreeCommas, Phase

KEY, SECRET = "bench-faults-key-0123456789", "bench-faults-secret-9876543210"


def make_fake(time_scale: float, seed: int) -> FakeThreeCommas:
    fake = FakeThreeCommas(time_scale=time_scale, seed=seed)
    fake.seed(seed=seed, deals=100, smart_trades=10)
    fake.add_key(KEY, SECRET)
    return fake


def make_client(base_url: str, time_scale: float, **kwargs: Any) -> ThreeCommas:
    return ThreeCommas(KEY, SECRET, base_url=base_url, rate_limit=default_policy().scaled(time_scale), **kwargs)


async def fault_run(base_url: str, fake: FakeThreeCommas, args: argparse.Namespace) -> dict[str, Any]:
    fake.faults.server_error(500, 502, 504, phase=Phase.AFTER_HANDLER, probability=0.10)
    fake.faults.connection_reset(phase=Phase.BEFORE_HANDLER, probability=0.05)
    outcomes: Counter[str] = Counter()
    rng = random.Random(args.seed)
    async with make_client(base_url, args.time_scale, max_retries=5) as client:
        bots = [bot.id for bot in await client.bots.list(limit=20)]
        deals = [deal.id for deal in await client.deals.list(limit=50)]
        jobs: list[tuple[str, Any]] = []
        for _ in range(args.reads):
            kind = rng.choice(("bots", "deal", "accounts"))
            if kind == "bots":
                jobs.append(("read", lambda: client.bots.list(limit=10)))
            elif kind == "deal":
                deal = rng.choice(deals)
                jobs.append(("read", lambda d=deal: client.deals.show(d)))
            else:
                jobs.append(("read", lambda: client.accounts.list()))
        for _ in range(args.orders):
            bot = rng.choice(bots)
            if rng.random() < 0.5:
                jobs.append(("order", lambda b=bot: client.bots.enable(b)))
            else:
                jobs.append(("order", lambda b=bot: client.bots.disable(b)))
        rng.shuffle(jobs)
        queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        for job in jobs:
            queue.put_nowait(job)
        fake.reset_observations()

        async def worker() -> None:
            while not queue.empty():
                kind, call = queue.get_nowait()
                try:
                    await call()
                    outcomes[f"{kind} ok"] += 1
                except OutcomeUnknownError:
                    outcomes[f"{kind} outcome unknown"] += 1
                except ThreeCommasError as error:
                    outcomes[f"{kind} {type(error).__name__}"] += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(100)))
        elapsed = time.perf_counter() - started
    counters = fake.counters
    return {
        "outcomes": dict(outcomes),
        "duplicates": counters.repeats,
        "sent into block": counters.during_block,
        "sent into ban": counters.during_ban,
        "429": counters.by_status.get(429, 0),
        "418": counters.by_status.get(418, 0),
        "seconds": round(elapsed, 2),
    }


async def ban_run(base_url: str, fake: FakeThreeCommas, args: argparse.Namespace) -> dict[str, Any]:
    fake.faults.latency(2.0, phase=Phase.ON_ARRIVAL, times=50)
    fake.faults.ban(120.0, on_requests=[1])
    client = make_client(base_url, args.time_scale, max_retries=0)
    async with client:
        results = await asyncio.gather(*(client.bots.list(limit=1) for _ in range(50)), return_exceptions=True)
        banned = sum(isinstance(result, IPBannedError) for result in results)
        snapshot = await client.rate_limit_snapshot()
        assert snapshot is not None
        assumed = snapshot.banned_for / args.time_scale
        fake.reset_observations()
        ban_over = time.perf_counter() + snapshot.banned_for
        resumed_after: float | None = None
        for _ in range(200):
            try:
                await client.with_options(max_retries=3).bots.list(limit=1)
            except ThreeCommasError:
                await asyncio.sleep(args.time_scale)
                continue
            resumed_after = (time.perf_counter() - ban_over) / args.time_scale
            break
    counters = fake.counters
    return {
        "418 answers for one ban": banned,
        "assumed ban left after the 50th 418 (API s, base 120)": round(assumed, 1),
        "sent during the gate": counters.during_ban,
        "traffic resumed (API s after the assumed ban)": None if resumed_after is None else round(resumed_after, 1),
    }


async def main(args: argparse.Namespace) -> None:
    for name, run in (("faults", fault_run), ("one ban event", ban_run)):
        fake = make_fake(args.time_scale, args.seed)
        with fake.serve_in_thread(log_level="error") as base_url:
            result = await run(base_url, fake, args)
        print(f"== {name}")
        for key, value in result.items():
            print(f"  {key:54} {value}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--time-scale", type=float, default=0.01)
    parser.add_argument("--reads", type=int, default=1000)
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    asyncio.run(main(parser.parse_args()))
