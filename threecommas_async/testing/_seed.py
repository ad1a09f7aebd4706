"""A deterministic starting book: accounts, bots with deals, smart trades, grid bots, simple trades.

The same seed and sizes always give the same entities, ids and amounts (``random.Random(seed)``);
timestamps start from a fixed date, not from the clock, so seeded books compare equal across runs.
"""

from __future__ import annotations

import random
from decimal import Decimal

import attrs

from ._handlers._common import refresh_bot
from ._payloads import (
    PAIR_PRICES,
    account_payload,
    bot_payload,
    deal_payload,
    exchange_for,
    grid_bot_payload,
    iso,
    simple_trade_payload,
    smart_trade_payload,
    smart_trade_sub_trades,
)
from ._state import Book, Entity, EntityKind, Mode

__all__ = ["SEED_START", "SeedSizes", "add_odd_values", "seed_book"]

SEED_START = 1_714_521_600.0
"""2024-05-01T00:00:00Z: the first seeded timestamp."""

_DEAL_STATUSES = (
    ("bought", 22),
    ("base_order_placed", 4),
    ("completed", 52),
    ("cancelled", 8),
    ("panic_sold", 5),
    ("failed", 3),
    ("stop_loss_finished", 6),
)
_ACTIVE_DEAL_STATUSES = frozenset({"bought", "base_order_placed"})
_SMART_TRADE_STATUSES = (
    ("waiting_position", 3),
    ("waiting_targets", 3),
    ("finished", 5),
    ("cancelled", 2),
    ("failed", 1),
    ("panic_sold", 1),
)
_BOT_NAMES = ("Steady DCA", "Night owl", "Dip catcher", "Ladder", "Trend rider", "Quiet hours", "Scalper", "Slow grind")


@attrs.frozen(slots=True)
class SeedSizes:
    """How many entities of each kind a seeded book gets."""

    accounts: int = 2
    bots: int = 4
    deals: int = 60
    smart_trades: int = 25
    grid_bots: int = 3
    trades: int = 8
    portfolios: int = 1


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in table], weights=[weight for _, weight in table])[0]


def seed_book(book: Book, sizes: SeedSizes, seed: int, *, odd_values: bool = False) -> None:
    """Replace ``book``'s content with a deterministic one for ``seed``.

    ``odd_values`` adds what real bodies have carried: ``"NaN"`` fills in some deals' ``buy_steps``
    and ``"Infinity"`` in an account's percentage field (see :func:`add_odd_values`).
    """
    if sizes.accounts < 1 and (sizes.bots or sizes.deals or sizes.smart_trades or sizes.grid_bots or sizes.trades):
        raise ValueError("seeding entities needs at least one account")
    book.clear()
    seeder = _Seeder(book, random.Random(f"{seed}:{book.mode.value}"))
    accounts = seeder.accounts(sizes.accounts)
    bots = seeder.bots(sizes.bots, accounts)
    if bots:
        seeder.deals(sizes.deals, bots)
    seeder.smart_trades(sizes.smart_trades, accounts)
    seeder.grid_bots(sizes.grid_bots, accounts)
    seeder.trades(sizes.trades, accounts)
    if odd_values:
        add_odd_values(book)
    seeder.portfolios(sizes.portfolios, accounts)


class _Seeder:
    """Adds entities to one book in a fixed order, each one a little later than the one before."""

    def __init__(self, book: Book, rng: random.Random) -> None:
        self.book = book
        self.rng = rng
        self.moment = SEED_START
        self.pairs = sorted(PAIR_PRICES)

    def accounts(self, count: int) -> list[Entity]:
        book, rng = self.book, self.rng
        accounts = []
        for index in range(count):
            exchange = exchange_for(book.mode, rng)
            account_id = book.new_id(EntityKind.ACCOUNT)
            paper = book.mode is Mode.PAPER
            name = f"Paper Account {account_id}" if paper else f"{exchange.exchange_name} #{index + 1}"
            account = account_payload(
                rng,
                account_id=account_id,
                name=name,
                exchange=exchange,
                created=self.moment,
                updated=self.moment + 86_400 * 30,
            )
            book.accounts[account_id] = account
            accounts.append(account)
            self.moment += rng.uniform(3_600, 86_400)
        return accounts

    def bots(self, count: int, accounts: list[Entity]) -> list[Entity]:
        book, rng = self.book, self.rng
        bots = []
        for index in range(count):
            account = rng.choice(accounts)
            bot_pairs = rng.sample(self.pairs, rng.choice((1, 1, 2, 3)))
            bot = bot_payload(
                rng,
                bot_id=book.new_id(EntityKind.BOT),
                account=account,
                name=f"{_BOT_NAMES[index % len(_BOT_NAMES)]} {bot_pairs[0].split('_')[1]}",
                pairs=bot_pairs,
                strategy=rng.choice(("long", "long", "short")),
                enabled=rng.random() < 0.7,
                created=self.moment,
            )
            if index == 1:
                bot["custom_safety_steps"] = _custom_steps(bot)
            book.bots[bot["id"]] = bot
            bots.append(bot)
            self.moment += rng.uniform(600, 7_200)
        return bots

    def deals(self, count: int, bots: list[Entity]) -> None:
        book, rng = self.book, self.rng
        for _ in range(count):
            bot = rng.choice(bots)
            status = _weighted(rng, _DEAL_STATUSES)
            duration = rng.uniform(900, 6 * 86_400)
            deal_id = book.new_id(EntityKind.DEAL)
            deal = deal_payload(
                rng,
                deal_id=deal_id,
                bot=bot,
                account=book.accounts[bot["account_id"]],
                pair=rng.choice(bot["pairs"]),
                status=status,
                created=self.moment,
                closed=None if status in _ACTIVE_DEAL_STATUSES else self.moment + duration,
                trade_ids=[book.new_id(EntityKind.SUB_TRADE) for _ in range(rng.choice((0, 1, 2)))],
            )
            if rng.random() < 0.15:
                deal["note"] = rng.choice(("manual check", "rebalance", "news spike"))
            book.deals[deal_id] = deal
            self.moment += rng.uniform(300, 14_400)
        for bot in bots:
            refresh_bot(book, bot)

    def smart_trades(self, count: int, accounts: list[Entity]) -> None:
        book, rng = self.book, self.rng
        for _ in range(count):
            account = rng.choice(accounts)
            smart_trade_id = book.new_id(EntityKind.SMART_TRADE)
            step_ids = [book.new_id(EntityKind.SUB_TRADE) for _ in range(rng.choice((0, 1, 1, 2)))]
            smart_trade = smart_trade_payload(
                rng,
                smart_trade_id=smart_trade_id,
                account=account,
                pair=rng.choice(self.pairs),
                status=_weighted(rng, _SMART_TRADE_STATUSES),
                created=self.moment,
                position_type=rng.choice(("buy", "buy", "sell")),
                order_type=rng.choice(("limit", "market")),
                take_profit_step_ids=step_ids,
                note=rng.choice(("", "", "Place for your note.")),
            )
            if smart_trade["data"]["finished"]:
                smart_trade["data"]["closed_at"] = iso(self.moment + rng.uniform(600, 86_400))
            book.smart_trades[smart_trade_id] = smart_trade
            book.smart_trade_trades[smart_trade_id] = smart_trade_sub_trades(
                smart_trade, [book.new_id(EntityKind.SUB_TRADE), *step_ids]
            )
            self.moment += rng.uniform(300, 7_200)

    def grid_bots(self, count: int, accounts: list[Entity]) -> None:
        book, rng = self.book, self.rng
        for index in range(count):
            account = rng.choice(accounts)
            grids = rng.choice((20, 40, 81))
            pair = rng.choice(self.pairs)
            grid_bot = grid_bot_payload(
                rng,
                grid_bot_id=book.new_id(EntityKind.GRID_BOT),
                account=account,
                name=f"{pair.split('_')[1]}/{pair.split('_')[0]} grid {index + 1}",
                pair=pair,
                enabled=rng.random() < 0.6,
                created=self.moment,
                grids=grids,
                line_ids=[book.new_id(EntityKind.SUB_TRADE) for _ in range(6)],
            )
            book.grid_bots[grid_bot["id"]] = grid_bot
            book.grid_bot_events[grid_bot["id"]] = [
                {"id": book.new_id(EntityKind.EVENT), "message": "Grid bot started", "created_at": iso(self.moment)}
            ]
            self.moment += rng.uniform(600, 20_000)

    def trades(self, count: int, accounts: list[Entity]) -> None:
        rng = self.rng
        for _ in range(count):
            pair = rng.choice(self.pairs)
            order_type = rng.choice(("market", "limit"))
            price = None if order_type == "market" else PAIR_PRICES[pair] * Decimal("0.97")
            trade = simple_trade_payload(
                rng,
                account_id=rng.choice(accounts)["id"],
                pair=pair,
                created=self.moment,
                order_type=order_type,
                side=rng.choice(("buy", "sell")),
                units=(Decimal(rng.randint(15, 250)) / PAIR_PRICES[pair]).quantize(Decimal("1e-4")),
                price=price,
                finished=order_type == "market",
            )
            self.book.trades[trade["uuid"]] = {"trade": trade}
            self.moment += rng.uniform(300, 3_600)

    def portfolios(self, count: int, accounts: list[Entity]) -> None:
        for index in range(count):
            portfolio_id = self.book.new_id(EntityKind.PORTFOLIO)
            self.book.portfolios[portfolio_id] = {
                "id": portfolio_id,
                "name": f"Core portfolio {index + 1}",
                "account_ids": [account["id"] for account in accounts],
                "created_at": iso(SEED_START),
                "usd_amount": "1873.54210938447102934718820047",
            }


def _custom_steps(bot: Entity) -> list[Entity]:
    """Custom safety steps from a bot's own step and volume (no RNG draw, so books stay the same)."""
    step = Decimal(bot["safety_order_step_percentage"])
    volume = Decimal(bot["safety_order_volume"])
    return [{"deviation": str(step * n), "size": str(volume * n)} for n in (1, 2, 3)]


def add_odd_values(book: Book) -> None:
    """Values seen in published real bodies: ``"NaN"`` filled amounts, ``"Infinity"`` percentages.

    Every tenth deal (the 4th, 14th, ...) gets ``buy_steps`` with one ``"filled": "NaN"``; the first
    account reports ``"Infinity"`` as its ``btc_profit_percentage``.
    """
    for index, deal in enumerate(book.deals.values()):
        if index % 10 == 3:
            deal["buy_steps"] = [
                {"price": deal["bought_average_price"], "filled": "100.0"},
                {"price": deal["stop_loss_price"], "filled": "NaN"},
            ]
    for account in list(book.accounts.values())[:1]:
        account["btc_profit_percentage"] = "Infinity"
