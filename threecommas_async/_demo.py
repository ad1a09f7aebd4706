"""The demo (``python -m threecommas_async demo``): a portfolio dashboard and a deal-history export
sharing one client and one budget, against the embedded fake 3Commas on scaled time.

Many tasks poll accounts, bots and active deals concurrently while a collector walks the whole
finished-deal history into a JSONL file, a trader panic-sells a few active deals, and a watcher follows
every deal change on the fake's realtime channel. A live line shows the rate-limit gauges and the stream;
the summary says how much of the budget was used, how many 429s and 418s the fake answered, and Decimal
totals.
"""

from __future__ import annotations

import asyncio
import contextlib
import decimal
import functools
import os
import random
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs
import httpx

from . import _json
from ._client import ThreeCommas
from ._ratelimit import default_policy
from .cli._status import live_status

if TYPE_CHECKING:
    from .testing import FakeThreeCommas

_BAR = 12
_FULL_USE = 97.0
"""Below this share of the budget the summary says the machine, not the limiter, held the demo back."""


@attrs.define
class _Tally:
    exported: int = 0
    done: bool = False
    events: int = 0
    sold: set[int] = attrs.field(factory=set)
    seen_closing: set[int] = attrs.field(factory=set)


def run_demo(
    *,
    windows: float = 5.0,
    time_scale: float = 0.01,
    tasks: int = 200,
    over_http: bool = False,
    progress: bool = True,
    export: Path | None = None,
    out: TextIO = sys.stdout,
) -> int:
    """Run the demo; returns the exit code (1 when the fake answered any 429 or 418, 130 on Ctrl-C).

    The deal history goes to a temporary file renamed to ``export`` at the end, so an interrupted run
    leaves the previous export as it was.
    """
    from .cli._interrupt import run_interruptible

    export_path = export or Path(tempfile.gettempdir()) / "threecommas_async-demo-deals.jsonl"
    return run_interruptible(
        _demo(windows, time_scale, tasks, over_http, progress, export_path, out),
        lambda: f"interrupted: demo stopped, {export_path} left as it was",
    )


async def _demo(
    windows: float,
    time_scale: float,
    tasks: int,
    over_http: bool,
    progress: bool,
    export_path: Path,
    out: TextIO,
) -> int:
    from .testing import FakeThreeCommas

    fake = FakeThreeCommas(time_scale=time_scale)
    fake.seed(seed=7, accounts=12, bots=30, deals=1500, smart_trades=20, grid_bots=4)
    key = fake.add_key()
    policy = default_policy().scaled(time_scale)
    period = policy.buckets[0].period
    book = fake.book()
    account_ids, bot_ids = sorted(book.accounts), sorted(book.bots)
    staging = export_path.with_name(export_path.name + ".tmp")

    async with _connection(fake, over_http) as (base_url, transport):
        client = ThreeCommas(
            key.api_key, key.secret, base_url=base_url, transport=transport, rate_limit=policy, timeout=10.0
        )
        async with client:
            tally = _Tally()
            started = time.monotonic()
            deadline = started + windows * period
            rng = random.Random(7)
            render = functools.partial(_status, client, fake, tally, started, windows * period)
            async with live_status(render, stream=out, enabled=progress, log_every=period):
                workers = [
                    asyncio.create_task(_poll(client, account_ids, bot_ids, deadline, random.Random(rng.random())))
                    for _ in range(tasks)
                ]
                workers.append(asyncio.create_task(_collect(client, staging, tally)))
                active = sorted(i for i, deal in book.deals.items() if not deal["finished?"])[:10]
                workers.append(asyncio.create_task(_trade(client, active, deadline, period, tally)))
                watcher = asyncio.create_task(_watch(client, fake, tally))
                try:
                    await asyncio.gather(*workers)
                except BaseException:
                    for worker in [*workers, watcher]:
                        worker.cancel()
                    await asyncio.gather(*workers, watcher, return_exceptions=True)
                    staging.unlink(missing_ok=True)
                    raise
                await _settle(watcher, tally)
                accounts = await asyncio.gather(*(client.accounts.show(account_id) for account_id in account_ids))
                tally.done = True
            os.replace(staging, export_path)
            elapsed = time.monotonic() - started
    return _summary(fake, accounts, tally, export_path, windows, time_scale, tasks, elapsed, out)


def _summary(
    fake: FakeThreeCommas,
    accounts: list[Any],
    tally: _Tally,
    export_path: Path,
    windows: float,
    time_scale: float,
    tasks: int,
    elapsed: float,
    out: TextIO,
) -> int:
    limit = default_policy().buckets[0].limit
    api_window = 60.0
    records = fake.requests
    first = min(r.time for r in records)
    in_run = [r for r in records if r.time < first + windows * api_window and r.status not in (418, 429)]
    budget = limit * windows
    used = 100 * len(in_run) / budget
    statuses = fake.counters.by_status
    with decimal.localcontext() as exact:
        exact.prec = 1000
        account_total = sum((a.usd_amount or Decimal(0) for a in accounts), Decimal(0))
        profit_total = Decimal(0)
        with export_path.open() as lines:
            for line in lines:
                profit_total += Decimal(_json.loads(line).get("usd_final_profit") or 0)
    book = fake.book()
    rows = [
        ("tasks/accounts/bots", f"{tasks} / {len(book.accounts)} / {len(book.bots)}"),
        ("time", f"{windows:g} windows of 60 s at scale {time_scale:g} ({elapsed:.1f} s real)"),
        ("requests answered", f"{fake.counters.requests}"),
        ("budget used (global)", f"{used:.1f}% ({len(in_run)} of {budget:g})"),
        ("most in a 60 s window", f"{fake.observer.max_in_window(api_window)} (limit {limit})"),
        ("429 responses", f"{statuses.get(429, 0)}"),
        ("418 responses", f"{statuses.get(418, 0)}"),
        ("deals exported", f"{tally.exported} finished deals -> {export_path}"),
        ("deal events (stream)", f"{tally.events}; panic sells seen live: {len(tally.seen_closing)}/{len(tally.sold)}"),
        ("account value (USD)", f"{account_total}"),
        ("deal profit (USD)", f"{profit_total}"),
    ]
    width = max(len(name) for name, _ in rows)
    print("\nthreecommas_async demo against the fake 3Commas", file=out)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}", file=out)
    if used < _FULL_USE:
        print(
            f"  note: this machine could not send requests fast enough to use the whole\n"
            f"  budget at time scale {time_scale:g} (CPU-bound, not the limiter);\n"
            f"  a larger --time-scale, such as 0.05, gives it time",
            file=out,
        )
    return 1 if statuses.get(429, 0) or statuses.get(418, 0) else 0
@contextlib.asynccontextmanager
async def _connection(
    fake: FakeThreeCommas, over_http: bool
) -> AsyncIterator[tuple[str, httpx.AsyncBaseTransport | None]]:
    from .testing import IN_PROCESS_BASE_URL

    if over_http:
        async with fake.serve() as base_url:
            yield base_url, None
    else:
        yield IN_PROCESS_BASE_URL, fake.transport()


async def _poll(
    client: ThreeCommas,
    account_ids: list[int],
    bot_ids: list[int],
    deadline: float,
    rng: random.Random,
) -> None:
    while time.monotonic() < deadline:
        choice = rng.random()
        if choice < 0.4:
            await client.accounts.show(rng.choice(account_ids))
        elif choice < 0.8:
            await client.bots.show(rng.choice(bot_ids))
        else:
            await client.deals.list(scope="active", limit=50)


async def _collect(client: ThreeCommas, path: Path, tally: _Tally) -> None:
    from .models import unstructure

    with path.open("w") as sink:
        async for deal in client.deals.iterate(scope="finished", page_size=100):
            sink.write(_json.dumps(unstructure(deal)).decode())
            sink.write("\n")
            tally.exported += 1


async def _trade(client: ThreeCommas, active: list[int], deadline: float, period: float, tally: _Tally) -> None:
    """Panic-sell an active deal every half window: calls that change state, queued among the pollers'. The
    first sale goes out whatever the time (a loaded machine may start this task late)."""
    while active:
        await asyncio.sleep(period / 2)
        deal = await client.deals.panic_sell(active.pop())
        tally.sold.add(deal.id)
        if time.monotonic() + period / 2 >= deadline:
            return


async def _watch(client: ThreeCommas, fake: FakeThreeCommas, tally: _Tally) -> None:
    """Follow every deal change on the fake's realtime channel (in memory, no budget spent)."""
    from .testing import FakeCable

    cable = FakeCable(fake)
    async with client.streams.deals(connector=cable.connector()) as stream:
        async for event in stream:
            tally.events += 1
            if event.entity.id in tally.sold:
                tally.seen_closing.add(event.entity.id)


async def _settle(watcher: asyncio.Task[None], tally: _Tally) -> None:
    """Give the stream a moment to deliver the last panic sells, then stop it."""
    for _ in range(50):
        if tally.sold <= tally.seen_closing:
            break
        await asyncio.sleep(0.02)
    watcher.cancel()
    await asyncio.gather(watcher, return_exceptions=True)


async def _status(
    client: ThreeCommas, fake: FakeThreeCommas, tally: _Tally, started: float, duration: float
) -> str:
    """The live line, at most ~78 columns; reads 100% only once the run is over."""
    snapshot = await client.rate_limit_snapshot()
    assert snapshot is not None
    bucket = snapshot.buckets[0]
    done = 1.0 if tally.done else min((time.monotonic() - started) / duration, 0.99)
    filled = int(done * _BAR)
    statuses = fake.counters.by_status
    return (
        f"[{'#' * filled}{'.' * (_BAR - filled)}] {100 * done:3.0f}% "
        f"req {fake.counters.requests:>5} free {bucket.available:>3} "
        f"wait {snapshot.waiters:>4} 429/418 {statuses.get(429, 0)}/{statuses.get(418, 0)} "
        f"exp {tally.exported:>5} ev {tally.events:>3}"
    )
