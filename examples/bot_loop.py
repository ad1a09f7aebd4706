"""A stop-loss bot loop: watch every active deal, panic-sell the ones losing more than a threshold.

    python examples/bot_loop.py                    # against the in-process fake (default)
    python examples/bot_loop.py --real             # real 3Commas, dry run: only prints what it would sell
    python examples/bot_loop.py --real --execute   # real 3Commas, really panic-sells

The unrealised result of a deal is computed with Decimal arithmetic from the amounts the API sends
(never through float). A panic sell is not idempotent: when its outcome is unknown (a 5xx, a dropped
connection) the SDK raises ``OutcomeUnknownError`` instead of retrying, and this loop re-reads the
deal to learn whether the sell went through; if it did not, the next round tries again.

Against the fake, the first panic sell is applied but answered with a 502, and the second one loses
its connection before it arrives; the fake's prices drift between rounds so new losers appear.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from _connect import Target, add_target_arguments, connect

from threecommas_async import OutcomeUnknownError, PermissionDeniedError, ThreeCommas
from threecommas_async.models import Deal
from threecommas_async.testing import FakeThreeCommas, Mode, Phase

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
PANIC_SELL = ("POST", "/ver1/deals/{deal_id}/panic_sell")


@dataclass
class Outcome:
    """What happened to one losing deal in one round."""

    deal_id: int
    pair: str
    loss_percentage: Decimal
    result: str
    realised_usd: Decimal = Decimal(0)


@dataclass
class LoopReport:
    """Everything the loop did, for the final summary."""

    rounds: int = 0
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def sold(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.result.startswith("sold")]

    @property
    def realised_usd(self) -> Decimal:
        return sum((outcome.realised_usd for outcome in self.sold), Decimal(0))


def unrealised_percentage(deal: Deal) -> Decimal | None:
    """The deal's unrealised result in percent (negative: a loss), as 3Commas reports it or from prices."""
    if deal.actual_profit_percentage is not None:
        return deal.actual_profit_percentage
    if not deal.bought_average_price or deal.current_price is None:
        return None
    change = (deal.current_price - deal.bought_average_price) / deal.bought_average_price * HUNDRED
    return -change if deal.strategy == "short" else change


async def find_losers(client: ThreeCommas, threshold: Decimal) -> list[tuple[Deal, Decimal]]:
    """Active deals whose loss is at least ``threshold`` percent, worst first."""
    losers = []
    async for deal in client.deals.iterate(scope="active"):
        result = unrealised_percentage(deal)
        if result is not None and -result >= threshold:
            losers.append((deal, -result))
    return sorted(losers, key=lambda pair: pair[1], reverse=True)


async def close(client: ThreeCommas, deal: Deal, loss: Decimal, *, execute: bool) -> Outcome:
    """Panic-sell one deal; on an unknown outcome, re-read the deal instead of sending again."""
    pair = deal.pair or "?"
    if not execute:
        return Outcome(deal.id, pair, loss, "dry run: would panic-sell")
    try:
        sold = await client.deals.panic_sell(deal.id)
    except OutcomeUnknownError as unknown:
        current = await client.deals.show(deal.id)
        if current.finished:
            cause = unknown.status or "no answer"
            realised = current.usd_final_profit or Decimal(0)
            return Outcome(deal.id, pair, loss, f"sold (confirmed by re-reading after: {cause})", realised)
        return Outcome(deal.id, pair, loss, "not applied (re-read after an unknown outcome); next round retries")
    except PermissionDeniedError:
        return Outcome(deal.id, pair, loss, "already closed elsewhere")
    return Outcome(deal.id, pair, loss, "sold", sold.usd_final_profit or Decimal(0))


async def run(target: Target, *, threshold: Decimal, rounds: int, interval: float, execute: bool) -> LoopReport:
    """Watch and sell for ``rounds`` rounds (0: forever), ``interval`` API seconds apart."""
    client = target.client
    report = LoopReport()
    market = random.Random(4)
    while rounds == 0 or report.rounds < rounds:
        report.rounds += 1
        losers = await find_losers(client, threshold)
        outcomes = await asyncio.gather(*(close(client, deal, loss, execute=execute) for deal, loss in losers))
        report.outcomes.extend(outcomes)
        print(f"round {report.rounds}: {len(losers)} deal(s) past -{threshold}%")
        for outcome in outcomes:
            loss = outcome.loss_percentage.quantize(CENT)
            print(f"  deal {outcome.deal_id} {outcome.pair:<10} -{loss}%  {outcome.result}")
        if target.fake is not None:
            drift_prices(target.fake, market)
        await asyncio.sleep(interval * target.time_scale)
    return report


def prepare_fake(fake: FakeThreeCommas) -> None:
    """A book with active deals, and two failures on the first two panic sells."""
    fake.seed(seed=7, deals=80, bots=6)
    fake.faults.server_error(502, endpoints=[PANIC_SELL], on_requests=[1], phase=Phase.AFTER_HANDLER)
    fake.faults.connection_reset(endpoints=[PANIC_SELL], on_requests=[2], phase=Phase.BEFORE_HANDLER)


def drift_prices(fake: FakeThreeCommas, market: random.Random) -> None:
    """The fake's prices do not move by themselves: nudge every active deal's price, as a market would."""
    for deal in fake.book(Mode.REAL).active_deals():
        bought = Decimal(str(deal["bought_average_price"]))
        moved = Decimal(str(deal["current_price"])) * Decimal(market.choice(("0.985", "0.995", "1.0", "1.005")))
        moved = moved.quantize(bought)
        deal["current_price"] = str(moved)
        deal["actual_profit_percentage"] = str(((moved - bought) / bought * HUNDRED).quantize(CENT))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_target_arguments(parser)
    parser.add_argument("--threshold", type=Decimal, default=Decimal("2"), help="loss in percent (default 2)")
    parser.add_argument("--rounds", type=int, default=4, help="rounds to run, 0 for forever (default 4)")
    parser.add_argument("--interval", type=float, default=30.0, help="API seconds between rounds (default 30)")
    parser.add_argument("--execute", action="store_true", help="really panic-sell on real 3Commas")
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    async with connect(args, prepare_fake=prepare_fake) as target:
        report = await run(
            target,
            threshold=args.threshold,
            rounds=args.rounds,
            interval=args.interval,
            execute=args.execute or target.fake is not None,
        )
        print(f"{len(report.sold)} deal(s) sold in {report.rounds} round(s); realised {report.realised_usd} USD")
        fake_report = target.fake_report()
        if fake_report:
            print(fake_report)
        return 0 if target.fake_is_clean() else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
