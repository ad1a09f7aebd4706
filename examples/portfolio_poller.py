"""A portfolio poller: every account and every bot, polled concurrently through one shared client.

    python examples/portfolio_poller.py            # against the in-process fake (default)
    python examples/portfolio_poller.py --real     # real 3Commas (env credentials), read-only

Each round fires one task per account and per bot, for the real and the paper book at once
(``client.with_options(forced_mode="paper")`` is a view sharing the same connections and rate
limiter). Nobody paces the tasks: the client's limiter lets them through as fast as the rate budget
allows and never past it. Totals are exact Decimal sums of the amounts the API sent: 3Commas sends
amounts with up to 50 significant digits, more than Decimal's default 28, so the sums run in a
wider context (with the default one they would be rounded to 28 digits).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext

from _connect import Target, add_target_arguments, connect

from threecommas_async import ThreeCommas
from threecommas_async.models import Account, Bot
from threecommas_async.testing import FakeThreeCommas

ZERO = Decimal(0)
EXACT = Context(prec=200)


def exact_sum(values: Iterable[Decimal | None]) -> Decimal:
    """The sum of ``values`` (None counts as 0) without rounding to the default 28 digits."""
    with localcontext(EXACT):
        return sum((value or ZERO for value in values), ZERO)


@dataclass(frozen=True)
class AccountView:
    account: Account
    active_deals: int
    enabled_bots: int


@dataclass(frozen=True)
class BotView:
    bot: Bot
    completed_usd_profit: Decimal
    active_usd_profit: Decimal


@dataclass(frozen=True)
class BookSnapshot:
    """One book (real or paper) at one moment."""

    mode: str
    accounts: list[AccountView]
    bots: list[BotView]

    @property
    def balance_usd(self) -> Decimal:
        return exact_sum(view.account.usd_amount for view in self.accounts)

    @property
    def day_profit_usd(self) -> Decimal:
        return exact_sum(view.account.day_profit_usd for view in self.accounts)

    @property
    def completed_usd_profit(self) -> Decimal:
        return exact_sum(view.completed_usd_profit for view in self.bots)

    @property
    def active_usd_profit(self) -> Decimal:
        return exact_sum(view.active_usd_profit for view in self.bots)


async def account_view(client: ThreeCommas, account_id: int) -> AccountView:
    account, entities = await asyncio.gather(
        client.accounts.show(account_id), client.accounts.active_trading_entities(account_id)
    )
    counts = entities.data
    active_deals = counts.active_deals_count if counts is not None else None
    active_bots = counts.active_bots_count if counts is not None else None
    return AccountView(account, active_deals or 0, active_bots or 0)


async def bot_view(client: ThreeCommas, bot_id: int) -> BotView:
    bot, stats = await asyncio.gather(client.bots.show(bot_id), client.bots.deals_stats(bot_id))
    return BotView(
        bot,
        stats.completed_deals_usd_profit or Decimal(0),
        stats.active_deals_usd_profit or Decimal(0),
    )


async def poll_book(client: ThreeCommas, mode: str) -> BookSnapshot:
    accounts, bots = await asyncio.gather(client.accounts.list(), _all_bots(client))
    account_views, bot_views = await asyncio.gather(
        asyncio.gather(*(account_view(client, account.id) for account in accounts)),
        asyncio.gather(*(bot_view(client, bot.id) for bot in bots)),
    )
    return BookSnapshot(mode, list(account_views), list(bot_views))


async def _all_bots(client: ThreeCommas) -> list[Bot]:
    return [bot async for bot in client.bots.iterate()]


def print_snapshot(snapshot: BookSnapshot) -> None:
    print(
        f"  {snapshot.mode:<5} {len(snapshot.accounts):>3} accounts  balance {snapshot.balance_usd} USD  "
        f"(today {snapshot.day_profit_usd})"
    )
    print(
        f"  {'':<5} {len(snapshot.bots):>3} bots      completed deals {snapshot.completed_usd_profit} USD  "
        f"active deals {snapshot.active_usd_profit} USD"
    )


async def run(target: Target, *, rounds: int, interval: float, modes: Sequence[str]) -> list[BookSnapshot]:
    client = target.client
    views = {mode: client.with_options(forced_mode=mode) for mode in modes}
    snapshots: list[BookSnapshot] = []
    for index in range(rounds):
        loop = asyncio.get_running_loop()
        started = loop.time()
        taken = await asyncio.gather(*(poll_book(view, mode) for mode, view in views.items()))
        print(f"round {index + 1} ({loop.time() - started:.2f}s real):")
        for snapshot in taken:
            print_snapshot(snapshot)
        snapshots.extend(taken)
        if index + 1 < rounds:
            await asyncio.sleep(interval * target.time_scale)
    limits = await client.rate_limit_snapshot()
    if limits is not None:
        used = ", ".join(f"{bucket.name} {bucket.used}/{bucket.limit}" for bucket in limits.buckets)
        print(f"rate budget in use at the end: {used}")
    return snapshots


def prepare_fake(fake: FakeThreeCommas) -> None:
    fake.seed(seed=11, accounts=6, bots=20, deals=240)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_target_arguments(parser)
    parser.add_argument("--rounds", type=int, default=2, help="polling rounds (default 2)")
    parser.add_argument("--interval", type=float, default=60.0, help="API seconds between rounds (default 60)")
    parser.add_argument("--modes", default="real,paper", help="books to poll: real, paper or both (default both)")
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    if not set(modes) <= {"real", "paper"}:
        raise SystemExit("--modes takes real, paper or real,paper")
    async with connect(args, prepare_fake=prepare_fake) as target:
        await run(target, rounds=args.rounds, interval=args.interval, modes=modes)
        fake_report = target.fake_report()
        if fake_report:
            print(fake_report)
        return 0 if target.fake_is_clean() else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
