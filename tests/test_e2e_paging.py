"""End to end: walking every page of the big lists, and the paper and real books kept apart.

The fake is seeded with a few hundred deals and smart trades; ``iterate()`` must return each row
exactly once, as many as the fake's book holds, whatever the page size, also while new deals
arrive at the front of the list during the walk.
"""

from __future__ import annotations

import pickle

import attrs
import pytest

from threecommas_async import NotFoundError, ThreeCommas
from threecommas_async.models import Deal
from threecommas_async.testing import Book, FakeThreeCommas, Mode

DEALS = 420
SMART_TRADES = 230


@pytest.fixture(scope="module")
def big_books() -> bytes:
    """Both books seeded once per module (seeding costs ~4× unpickling), pickled for a fresh copy per test."""
    fake = FakeThreeCommas()
    fake.seed(seed=20_240_501, deals=DEALS, smart_trades=SMART_TRADES, bots=6)
    return pickle.dumps([fake.book(mode) for mode in Mode])


@pytest.fixture
def big_book(fake_3commas: FakeThreeCommas, big_books: bytes) -> FakeThreeCommas:
    for seeded in pickle.loads(big_books):
        book = fake_3commas.book(seeded.mode)
        for field in attrs.fields(Book):
            setattr(book, field.name, getattr(seeded, field.name))
    return fake_3commas


@pytest.mark.parametrize("page_size", [None, 1000, 97, 50])
async def test_iterate_deals_returns_every_row_once(
    threecommas_client: ThreeCommas, big_book: FakeThreeCommas, page_size: int | None
) -> None:
    ids = [deal.id async for deal in threecommas_client.deals.iterate(page_size=page_size)]

    assert len(ids) == len(set(ids)) == DEALS
    assert set(ids) == set(big_book.book(Mode.REAL).deals)
    expected_pages = -(-DEALS // (page_size or 1000)) + (DEALS % (page_size or 1000) == 0)
    assert big_book.counters.by_template["GET /ver1/deals"] == expected_pages
    assert big_book.counters.by_status.get(429, 0) == 0


async def test_iterate_with_filters_matches_the_book(
    threecommas_client: ThreeCommas, big_book: FakeThreeCommas
) -> None:
    book = big_book.book(Mode.REAL)
    finished = [deal async for deal in threecommas_client.deals.iterate(scope="finished", page_size=60)]
    bot_id = sorted(book.bots)[1]
    of_bot = [deal.id async for deal in threecommas_client.deals.iterate(bot_id=bot_id, order_direction="ASC")]

    assert all(isinstance(deal, Deal) and deal.finished for deal in finished)
    assert {deal.id for deal in finished} == {deal_id for deal_id, deal in book.deals.items() if deal["finished?"]}
    assert of_bot == sorted(deal_id for deal_id, deal in book.deals.items() if deal["bot_id"] == bot_id)


async def test_rows_arriving_during_the_walk_cause_no_duplicates(
    threecommas_client: ThreeCommas, big_book: FakeThreeCommas
) -> None:
    book = big_book.book(Mode.REAL)
    before = set(book.deals)
    bot_id = next(iter(book.bots))
    seen: list[int] = []
    async for page in threecommas_client.deals.iterate(page_size=80).pages():
        seen.extend(deal.id for deal in page)
        if len(seen) == 80:
            for _ in range(3):
                await threecommas_client.bots.start_new_deal(bot_id, skip_open_deals_checks=True)

    assert len(book.deals) == len(before) + 3
    assert len(seen) == len(set(seen))
    assert before <= set(seen)


async def test_iterate_smart_trades_page_by_page(threecommas_client: ThreeCommas, big_book: FakeThreeCommas) -> None:
    ids = [trade.id async for trade in threecommas_client.smart_trades.iterate(page_size=25)]
    first_page = await threecommas_client.smart_trades.iterate(page_size=25)

    assert len(ids) == len(set(ids)) == SMART_TRADES
    assert set(ids) == set(big_book.book(Mode.REAL).smart_trades)
    assert [trade.id for trade in first_page] == ids[:25]
    assert big_book.counters.by_status.get(429, 0) == 0


async def test_forced_mode_reads_and_writes_the_paper_book_only(
    threecommas_client: ThreeCommas, big_book: FakeThreeCommas
) -> None:
    real_book = big_book.book(Mode.REAL)
    paper_book = big_book.book(Mode.PAPER)
    paper = threecommas_client.with_options(forced_mode="paper")

    paper_ids = {deal.id async for deal in paper.deals.iterate()}
    real_ids = {deal.id async for deal in threecommas_client.deals.iterate()}
    assert paper_ids == set(paper_book.deals)
    assert real_ids == set(real_book.deals)
    assert not paper_ids & real_ids

    target = next(deal_id for deal_id, deal in paper_book.deals.items() if not deal["finished?"])
    real_before = {deal_id: dict(deal) for deal_id, deal in real_book.deals.items()}
    sold = await paper.deals.panic_sell(target)
    assert sold.status == "panic_sold"
    assert (await paper.deals.show(target)).finished is True
    with pytest.raises(NotFoundError):
        await threecommas_client.deals.show(target)
    assert {deal_id: dict(deal) for deal_id, deal in real_book.deals.items()} == real_before

    modes = {(record.template, record.mode) for record in big_book.requests}
    assert ("/ver1/deals/{deal_id}/panic_sell", Mode.PAPER) in modes
    assert ("/ver1/deals/{deal_id}/show", Mode.REAL) in modes


async def test_client_wide_forced_mode_and_per_call_override(big_book: FakeThreeCommas) -> None:
    key = big_book.default_key
    async with ThreeCommas(
        api_key=key.api_key, api_secret=key.secret, transport=big_book.transport(), forced_mode="paper"
    ) as paper_client:
        paper_accounts = {account.id for account in await paper_client.accounts.list()}
        real_accounts = {account.id for account in await paper_client.with_options(forced_mode="real").accounts.list()}
        default_accounts = {account.id for account in await paper_client.with_options(forced_mode=None).accounts.list()}

    assert paper_accounts == set(big_book.book(Mode.PAPER).accounts)
    assert real_accounts == default_accounts == set(big_book.book(Mode.REAL).accounts)
    assert [record.mode for record in big_book.requests] == [Mode.PAPER, Mode.REAL, Mode.REAL]
