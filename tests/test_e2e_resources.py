"""End to end: every resource namespace of ``ThreeCommas`` against the stateful fake, in-process.

Each test drives one resource through its main coroutines with the plugin fixtures (a seeded fake,
a client with the default policy scaled to the fake's time), checks that the results are typed models
with Decimal amounts, and that every change is visible on the next read, in the fake's book as well
as through the SDK.
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from typing import Any

import pytest

from threecommas_async import (
    DeprecatedEndpointWarning,
    NotFoundError,
    PermissionDeniedError,
    ThreeCommas,
)
from threecommas_async.models import (
    Account,
    AccountTransfer,
    AvailableStrategy,
    Bot,
    BotProfitByDay,
    BotStats,
    BotStatsByDate,
    CredentialsValidity,
    Deal,
    GridBot,
    GridBotMarketOrders,
    MarketOrder,
    MarketplacePresets,
    Ping,
    ServerTime,
    SimpleTradeEnvelope,
    SmartTrade,
    SmartTradeTrade,
)
from threecommas_async.params import (
    LooseAccountTokens,
    Position,
    Price,
    Timeout,
    TradeConditional,
    TradeOrder,
    TradeTrailing,
    Units,
)
from threecommas_async.testing import FakeThreeCommas, Mode

STRATEGY = [{"strategy": "nonstop", "options": {}}]


def _real(fake: FakeThreeCommas) -> Any:
    return fake.book(Mode.REAL)


def _active_deal_ids(fake: FakeThreeCommas) -> list[int]:
    return [deal_id for deal_id, deal in _real(fake).deals.items() if not deal["finished?"]]


@pytest.fixture(autouse=True)
def _no_error_answers(fake_3commas: FakeThreeCommas) -> Any:
    yield
    assert fake_3commas.counters.by_status.get(429, 0) == 0
    assert fake_3commas.counters.by_status.get(418, 0) == 0
    assert fake_3commas.counters.repeats == 0


async def test_general(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    pong = await threecommas_client.general.ping()
    server_time = await threecommas_client.general.time()
    validated = await threecommas_client.general.validate_credentials()

    assert isinstance(pong, Ping)
    assert pong.pong == "pong"
    assert isinstance(server_time, ServerTime)
    assert server_time.server_time is not None
    assert abs(server_time.server_time - fake_3commas.now()) < 3_600
    assert validated == CredentialsValidity(valid=True)
    assert [record.template for record in fake_3commas.requests] == ["/ver1/ping", "/ver1/time", "/ver1/validate"]
    assert fake_3commas.requests[-1].key == fake_3commas.default_key.api_key


async def test_accounts(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    accounts = await client.accounts.list()
    assert sorted(account.id for account in accounts) == sorted(book.accounts)
    assert all(isinstance(account, Account) for account in accounts)
    assert all(isinstance(account.usd_amount, Decimal) for account in accounts)
    first = accounts[0]
    assert first.usd_amount == Decimal(book.accounts[first.id]["usd_amount"])

    created = await client.accounts.create(type="binance", name="E2E spot")
    assert isinstance(created, Account)
    assert created.id in book.accounts
    assert created.id in {account.id async for account in client.accounts.iterate()}

    renamed = await client.accounts.rename(created.id, name="E2E spot renamed")
    assert renamed.name == "E2E spot renamed"
    assert (await client.accounts.show(created.id)).name == "E2E spot renamed"
    updated = await client.accounts.update(account_id=created.id, name="E2E again", include_in_summary=False)
    assert updated.name == "E2E again"
    assert book.accounts[created.id]["include_in_summary"] is False

    loaded = await client.accounts.load_balances(first.id)
    assert isinstance(loaded, Account)
    table = await client.accounts.table_data(first.id)
    assert {row.currency_code for row in table} == {"USDT", "BTC", "ETH"}
    assert first.usd_amount is not None
    assert abs(sum(row.usd_value or Decimal(0) for row in table) - first.usd_amount) < Decimal("1e-20")
    pie = await client.accounts.pie_chart_data(first.id)
    assert [slice_.code for slice_ in pie] == [row.currency_code for row in table]
    entities = await client.accounts.active_trading_entities(first.id)
    expected_active = sum(not deal["finished?"] and deal["account_id"] == first.id for deal in book.deals.values())
    assert entities.data is not None
    assert entities.data.active_deals_count == expected_active
    assert len(await client.accounts.balance_chart_data(first.id, date_from="2024-05-01")) == 7
    assert (await client.accounts.deposit_data(first.id, currency="USDT")).extra["currency"] == "USDT"
    assert [option.code for option in await client.accounts.leverage_data(first.id, pair="USDT_BTC")] == [
        "cross",
        "isolated",
    ]
    networks = (await client.accounts.networks_info(first.id)).network_list
    assert networks is not None
    assert networks[0].withdraw_fee == Decimal("0.00042")
    assert Decimal((await client.accounts.volume_daily(first.id)).extra["volume"]) > 0
    assert Decimal((await client.accounts.volume_monthly(first.id)).extra["volume"]) > 0
    assert Decimal((await client.accounts.volume_total(first.id)).extra["volume"]) > 0
    assert (await client.accounts.sell_all_to_btc(first.id)).extra["last_fast_convert"]["currency"] == "BTC"
    assert (await client.accounts.sell_all_to_usd(first.id)).extra["last_fast_convert"]["currency"] == "USD"
    assert (await client.accounts.convert_dust_to_bnb(first.id, codes=["DOGE"])).extra["converted"] == ["DOGE"]
    assert await client.accounts.types_to_connect(type="binance", name="x")
    assert {row["id"] for row in (await client.accounts.transfer_data())["accounts"]} == set(book.accounts)

    transfer = await client.accounts.transfer(
        currency="USDT", amount=Decimal("12.345678901234567890"), from_account_id=first.id, to_account_id=created.id
    )
    assert isinstance(transfer, AccountTransfer)
    assert transfer.extra["amount"] == "12.345678901234567890"
    history = await client.accounts.transfer_history(account_id=created.id, currency="USDT")
    assert [row["id"] for row in history] == [transfer.id]

    assert await client.accounts.remove(created.id) is True
    assert created.id not in book.accounts
    with pytest.raises(NotFoundError):
        await client.accounts.show(created.id)


async def test_market_data_needs_no_credentials(fake_3commas: FakeThreeCommas) -> None:
    async with ThreeCommas(transport=fake_3commas.transport()) as anonymous:
        pairs = await anonymous.market_data.pairs(market_code="binance")
        pairs_v1 = await anonymous.market_data.pairs_v1(market_code="binance")
        rates = await anonymous.market_data.currency_rates(pair="USDT_BTC", market_code="binance")
        leveraged = await anonymous.market_data.currency_rates_with_leverage(market_code="binance", pair="USDT_ETH")
        markets = await anonymous.market_data.markets()

    assert pairs == pairs_v1
    assert "USDT_BTC" in pairs_v1
    assert rates.bid is not None
    assert rates.last is not None
    assert rates.ask is not None
    assert rates.bid < rates.last < rates.ask
    assert leveraged.extra["leverage"]["types"] == ["cross", "isolated"]
    assert "binance" in {market.market_code for market in markets}
    assert all(record.key is None for record in fake_3commas.requests)


async def test_bots(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    bots = await client.bots.list()
    assert sorted(bot.id for bot in bots) == sorted(book.bots)
    assert all(isinstance(bot, Bot) and isinstance(bot.take_profit, Decimal) for bot in bots)
    assert [bot.id async for bot in client.bots.iterate(page_size=1)] == [bot.id for bot in bots]
    account_id = next(iter(book.accounts))

    created = await client.bots.create(
        name="E2E ladder",
        account_id=account_id,
        pairs="USDT_BTC",
        base_order_volume=Decimal("15.5"),
        strategy_list=STRATEGY,
        take_profit_type="total",
        take_profit=Decimal("1.25"),
        safety_order_step_percentage=Decimal("2.5"),
        safety_order_volume=Decimal("20"),
        max_safety_orders=4,
        active_safety_orders_count=2,
        martingale_volume_coefficient=Decimal("1.05"),
        martingale_step_coefficient=Decimal("1.1"),
        max_active_deals=3,
    )
    assert isinstance(created, Bot)
    assert created.take_profit == Decimal("1.25")
    assert created.is_enabled is False
    assert (await client.bots.show(created.id)).name == "E2E ladder"

    updated = await client.bots.update(
        created.id,
        name="E2E ladder v2",
        pairs="USDT_BTC",
        take_profit=Decimal("1.75"),
        base_order_volume=Decimal("15.5"),
        safety_order_volume=Decimal("20"),
        martingale_volume_coefficient=Decimal("1.05"),
        martingale_step_coefficient=Decimal("1.1"),
        max_safety_orders=5,
        active_safety_orders_count=2,
        safety_order_step_percentage=Decimal("2.5"),
        take_profit_type="total",
        strategy_list=STRATEGY,
    )
    assert updated.take_profit == Decimal("1.75")
    shown = await client.bots.show(created.id)
    assert (shown.name, shown.max_safety_orders) == ("E2E ladder v2", 5)

    assert (await client.bots.enable(created.id)).is_enabled is True
    assert (await client.bots.show(created.id)).is_enabled is True
    deals = [
        await client.bots.start_new_deal(created.id, pair="USDT_BTC"),
        await client.bots.start_new_deal(created.id, skip_open_deals_checks=True),
    ]
    assert all(isinstance(deal, Deal) and deal.bot_id == created.id for deal in deals)
    listed = await client.deals.list(bot_id=created.id, scope="active")
    assert {deal.id for deal in listed} == {deal.id for deal in deals}
    assert (await client.bots.show(created.id)).active_deals_count == 2

    await client.bots.panic_sell_all_deals(created.id)
    assert {deal.status for deal in await client.deals.list(bot_id=created.id)} == {"panic_sold"}
    await client.bots.start_new_deal(created.id, only_for_enabled=True)
    await client.bots.cancel_all_deals(created.id)
    assert await client.deals.list(bot_id=created.id, scope="active") == []

    stats = await client.bots.deals_stats(created.id)
    assert (stats.panic_sold, stats.active) == (2, 0)
    assert isinstance(await client.bots.profit_by_day(created.id), BotProfitByDay)
    overall = await client.bots.stats(account_id=account_id)
    assert isinstance(overall, BotStats)
    assert isinstance(await client.bots.stats_by_date(date="2024-05-01"), BotStatsByDate)
    strategies = await client.bots.strategies()
    assert {"manual", "rsi"} <= set(strategies)
    assert all(isinstance(strategy, AvailableStrategy) for strategy in strategies.values())
    assert strategies["rsi"].strategy_type == "indicator"
    trade_info = await client.bots.account_trade_info(account_id=account_id)
    assert trade_info.available_for_trade_balances is not None
    assert trade_info.ticker is not None
    assert trade_info.ticker["USDT_BTC"].last is not None
    sell_info = await client.bots.account_trade_info_smart_sell(account_id=account_id)
    assert sell_info.available_for_sell_balances == trade_info.available_for_trade_balances
    await client.bots.update_pairs_blacklist(pairs="USDT_DOGE,USDT_XRP")
    assert (await client.bots.pairs_blacklist()).pairs == ["USDT_DOGE", "USDT_XRP"]

    copy = await client.bots.copy(created.id, name="E2E copy", secret="shared-secret")
    assert copy.bot_id != created.id
    assert (await client.bots.show(copy.bot_id)).name == "E2E copy"

    with pytest.raises(PermissionDeniedError):
        await client.bots.delete(created.id)
    assert (await client.bots.disable(created.id)).is_enabled is False
    assert await client.bots.delete(created.id) is True
    with pytest.raises(NotFoundError):
        await client.bots.show(created.id)


async def test_deals(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    active = _active_deal_ids(fake_3commas)
    assert len(active) >= 4
    deal = await client.deals.show(active[0])
    assert isinstance(deal, Deal)
    assert deal.finished is False
    for field in ("bought_amount", "bought_volume", "current_price", "actual_profit", "take_profit_price"):
        value = getattr(deal, field)
        assert isinstance(value, Decimal), field
        assert value == Decimal(str(book.deals[deal.id][field])), field

    listed = await client.deals.list(scope="active", limit=1000)
    assert {row.id for row in listed} == set(active)
    finished = await client.deals.list(scope="finished", limit=1000)
    assert finished
    assert all(row.finished for row in finished)

    updated = await client.deals.update(active[0], take_profit=Decimal("2.35"), max_safety_orders=7, note="e2e")
    assert updated.take_profit == Decimal("2.35")
    assert (await client.deals.show(active[0])).max_safety_orders == 7
    assert (await client.deals.update_max_safety_orders(active[0], max_safety_orders=9)).max_safety_orders == 9
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        moved = await client.deals.update_tp(active[0], new_take_profit_percentage=Decimal("3.1"))
    assert any(issubclass(warning.category, DeprecatedEndpointWarning) for warning in caught)
    assert moved.take_profit == Decimal("3.1")

    before = (await client.deals.show(active[0])).bought_amount
    assert before is not None
    funding = await client.deals.data_for_adding_funds(active[0])
    assert funding.extra["deal_id"] == active[0]
    await client.deals.add_funds(active[0], quantity=Decimal("0.0125"), is_market=True, rate=Decimal("1"))
    assert (await client.deals.show(active[0])).bought_amount == before + Decimal("0.0125")
    orders = await client.deals.market_orders(active[0])
    assert all(isinstance(order, MarketOrder) and isinstance(order.quantity, Decimal) for order in orders)
    assert all(isinstance(order, MarketOrder) for order in await client.deals.cancel_order(active[0], order_id=1))

    stepped = next(deal_id for deal_id in active[1:] if book.deals[deal_id]["take_profit_steps"])
    step = book.deals[stepped]["take_profit_steps"][0]
    await client.deals.panic_sell_step(stepped, trade_id=step["trade_id"])
    assert book.deals[stepped]["take_profit_steps"][0]["status"] == "Panic sold"

    sold = await client.deals.panic_sell(active[0])
    assert (sold.status, sold.finished) == ("panic_sold", True)
    assert (await client.deals.show(active[0])).status == "panic_sold"
    cancelled = await client.deals.cancel(active[1])
    assert cancelled.status == "cancelled"
    with pytest.raises(PermissionDeniedError):
        await client.deals.cancel(active[1])
    assert [(repeat.path, repeat.status) for repeat in fake_3commas.repeats] == [
        (f"/public/api/ver1/deals/{active[1]}/cancel", 403)
    ]
    fake_3commas.reset_observations()

    smart_trade = await client.deals.convert_to_smart_trade(active[2], stop_bot=False)
    assert smart_trade.id in book.smart_trades
    assert book.deals[active[2]]["finished?"] is True
    assert {row.id for row in await client.deals.list(scope="active", limit=1000)} == set(active[3:])


async def test_grid_bots(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    grids = await client.grid_bots.list()
    assert sorted(grid.id for grid in grids) == sorted(book.grid_bots)
    assert all(isinstance(grid, GridBot) and isinstance(grid.upper_price, Decimal) for grid in grids)
    assert sorted([grid.id async for grid in client.grid_bots.iterate(page_size=2)]) == sorted(book.grid_bots)
    account_id = next(iter(book.accounts))

    created = await client.grid_bots.create(
        account_id=account_id,
        pair="USDT_ETH",
        upper_price=Decimal("3900.5"),
        lower_price=Decimal("2700.25"),
        grids_quantity=20,
        quantity_per_grid=Decimal("0.015"),
        name="E2E grid",
    )
    assert isinstance(created, GridBot)
    assert (created.upper_price, created.lower_price) == (Decimal("3900.5"), Decimal("2700.25"))
    assert (await client.grid_bots.show(created.id)).name == "E2E grid"

    updated = await client.grid_bots.update(
        created.id,
        upper_price=Decimal("4000"),
        lower_price=Decimal("2800"),
        grids_quantity=30,
        quantity_per_grid=Decimal("0.02"),
    )
    assert updated.grids_quantity == Decimal(30)
    assert (await client.grid_bots.show(created.id)).upper_price == Decimal("4000")

    assert (await client.grid_bots.disable(created.id)).is_enabled is False
    orders = await client.grid_bots.market_orders(created.id)
    assert isinstance(orders, GridBotMarketOrders)
    assert orders.grid_lines_orders
    assert all(order.status_string == "Cancelled" for order in orders.grid_lines_orders)
    assert (await client.grid_bots.enable(created.id)).is_enabled is True
    events = await client.grid_bots.events(created.id, page=1, per_page=10)
    assert [event.message for event in events][:2] == ["Grid bot started", "Grid bot stopped"]

    await client.grid_bots.set_note(created.id, note="watch the lower bound")
    assert book.grid_bots[created.id]["note"] == "watch the lower bound"
    assert isinstance(await client.grid_bots.profits(created.id), list)
    balances = await client.grid_bots.required_balances(created.id)
    required = balances.required_balance
    assert required is not None
    assert required.quote is not None
    assert required.base is not None
    assert {required.quote.currency, required.base.currency} == {"USDT", "ETH"}

    await client.grid_bots.delete(created.id)
    with pytest.raises(NotFoundError):
        await client.grid_bots.show(created.id)


async def test_smart_trades(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    listed = [trade async for trade in client.smart_trades.iterate(page_size=7)]
    assert sorted(trade.id for trade in listed) == sorted(book.smart_trades)
    assert all(isinstance(trade, SmartTrade) for trade in listed)
    account_id = next(iter(book.accounts))

    created = await client.smart_trades.create(
        account_id=account_id,
        pair="USDT_BTC",
        position=Position(type="buy", order_type="limit", units=Units(value="0.0042"), price=Price(value="58000.5")),
        note="e2e",
    )
    assert isinstance(created, SmartTrade)
    assert created.position is not None
    assert created.position.units is not None
    assert created.position.units.value == Decimal("0.0042")
    shown = await client.smart_trades.show(created.id)
    assert shown.note == "e2e"

    updated = await client.smart_trades.update(created.id, position={"units": {"value": "0.005"}})
    assert updated.position is not None
    assert updated.position.units is not None
    assert updated.position.units.value == Decimal("0.005")
    added = await client.smart_trades.add_funds(
        created.id, order_type="market", units=Units(value="0.001"), price=Price(value="58000.5")
    )
    assert added.position is not None
    assert added.position.units is not None
    assert added.position.units.value == Decimal("0.006")
    reduced = await client.smart_trades.reduce_funds(
        created.id, order_type="market", units=Units(value="0.002"), price=Price(value="58000.5")
    )
    assert reduced.position is not None
    assert reduced.position.units is not None
    assert reduced.position.units.value == Decimal("0.004")
    info = await client.smart_trades.reduce_funds_info(created.id)
    assert info.max_reduce_funds_amount == Decimal("0.004")
    noted = await client.smart_trades.set_note(created.id, note="e2e note")
    assert noted.note == "e2e note"

    started = await client.smart_trades.force_start(created.id)
    assert started.status is not None
    assert started.status.type == "waiting_targets"
    processed = await client.smart_trades.force_process(created.id)
    assert processed.id == created.id
    sub_trades = await client.smart_trades.trades(created.id)
    assert all(isinstance(trade, SmartTradeTrade) for trade in sub_trades)
    closed = await client.smart_trades.close_by_market(created.id)
    assert closed.status is not None
    assert closed.status.type == "panic_sold"
    assert (await client.smart_trades.show(created.id)).status.type == "panic_sold"  # type: ignore[union-attr]

    waiting = next(
        trade_id
        for trade_id, trade in book.smart_trades.items()
        if trade["status"]["type"] in ("waiting_position", "waiting_targets")
    )
    cancelled = await client.smart_trades.cancel(waiting)
    assert cancelled.status is not None
    assert cancelled.status.type == "cancelled"
    assert (await client.smart_trades.show(waiting)).status.type == "cancelled"  # type: ignore[union-attr]

    with_subs = next(
        (trade_id, sub)
        for trade_id, subs in book.smart_trade_trades.items()
        for sub in subs
        if sub["cancelable"] and trade_id != waiting
    )
    answer = await client.smart_trades.cancel_trade(with_subs[0], with_subs[1]["id"])
    assert isinstance(answer, SmartTrade)
    assert next(sub for sub in book.smart_trade_trades[with_subs[0]] if sub["id"] == with_subs[1]["id"])["status"] == (
        "cancelled"
    )
    open_sub = next(
        (trade_id, sub)
        for trade_id, subs in book.smart_trade_trades.items()
        for sub in subs
        if sub["status"] not in ("finished", "cancelled")
    )
    closed_sub = await client.smart_trades.close_trade_by_market(open_sub[0], open_sub[1]["id"])
    assert isinstance(closed_sub, SmartTrade)
    assert next(sub for sub in book.smart_trade_trades[open_sub[0]] if sub["id"] == open_sub[1]["id"])["status"] == (
        "finished"
    )


async def test_trades(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    account_id = next(iter(book.accounts))
    active_before = await client.trades.list(limit=1000)
    history_before = await client.trades.history(limit=1000)
    assert len(active_before.trades or []) + len(history_before.trades or []) == len(book.trades)

    envelope = await client.trades.create(
        account_id=account_id,
        pair="USDT_ETH",
        order=TradeOrder(type="limit", side="buy"),
        units=Units(value="0.25"),
        price=Price(value="3012.75"),
        conditional=TradeConditional(enabled=False),
        trailing=TradeTrailing(enabled=False),
        timeout=Timeout(enabled=False),
    )
    assert isinstance(envelope, SimpleTradeEnvelope)
    trade = envelope.trade
    assert trade.units is not None
    assert trade.units.value == Decimal("0.25")
    assert trade.price is not None
    assert trade.price.value == Decimal("3012.75")
    assert (await client.trades.show(trade.uuid)).trade.uuid == trade.uuid
    assert trade.uuid in {row.uuid for row in (await client.trades.list(limit=1000)).trades or []}

    cancelled = await client.trades.cancel(trade.uuid)
    assert cancelled.trade.status is not None
    assert cancelled.trade.status.value == "cancelled"
    assert trade.uuid in {row.uuid for row in (await client.trades.history(limit=1000)).trades or []}
    assert trade.uuid not in {row.uuid for row in (await client.trades.list(limit=1000)).trades or []}


async def test_loose_accounts(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    client = threecommas_client
    book = _real(fake_3commas)
    currencies = await client.loose_accounts.available_currencies(contains="US")
    assert {row["code"] for row in currencies} >= {"USDT", "USDC"}

    created = await client.loose_accounts.create(
        name="Cold wallet",
        tokens=LooseAccountTokens(code=["BTC", "ETH"], amount=(Decimal("0.50000001"), Decimal("3.25"))),
    )
    assert created.id in book.accounts
    assert created.name == "Cold wallet"
    updated = await client.loose_accounts.update(
        created.id, name="Cold wallet 2", tokens={"code": ["BTC"], "amount": [Decimal("0.75")]}
    )
    assert updated.name == "Cold wallet 2"
    assert (await client.accounts.show(created.id)).name == "Cold wallet 2"


async def test_marketplace(threecommas_client: ThreeCommas) -> None:
    items = await threecommas_client.marketplace.items(limit=2)
    assert len(items) == 2
    presets = await threecommas_client.marketplace.presets()
    assert isinstance(presets, MarketplacePresets)
    assert presets.bots is not None
    assert ({preset.id for preset in presets.bots}, presets.total, presets.page) == ({9001, 9002}, 2, 1)
    signals = await threecommas_client.marketplace.signals(items[0].id, limit=3)
    assert len(signals) == 3
    with pytest.raises(NotFoundError):
        await threecommas_client.marketplace.signals(1)


async def test_portfolios(threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas) -> None:
    portfolios = await threecommas_client.portfolios.list()
    assert [row.id for row in portfolios] == sorted(_real(fake_3commas).portfolios)
    assert portfolios[0].id is not None
    shown = await threecommas_client.portfolios.show(int(portfolios[0].id))
    assert shown == portfolios[0]
    assert isinstance(shown.extra["usd_amount"], str)
    with pytest.warns(DeprecatedEndpointWarning):
        legacy = await threecommas_client.portfolios.list_legacy()
    assert legacy == portfolios


async def test_users_mode_switch_changes_the_book(
    threecommas_client: ThreeCommas, fake_3commas: FakeThreeCommas
) -> None:
    client = threecommas_client
    assert (await client.users.current_mode())["mode"] == "real"
    permissions = await client.users.permissions()
    assert all(permissions["permissions"].values())

    assert await client.users.change_mode(mode="paper") is True
    assert (await client.users.current_mode())["mode"] == "paper"
    paper_ids = {deal.id for deal in await client.deals.list(limit=1000)}
    assert paper_ids == set(fake_3commas.book(Mode.PAPER).deals)
    real_view = client.with_options(forced_mode="real")
    assert {deal.id for deal in await real_view.deals.list(limit=1000)} == set(_real(fake_3commas).deals)

    assert (await client.users.change_locale(locale="de"))["locale"] == "de"
    assert fake_3commas.world.locale == "de"


async def test_mini_apps(threecommas_client: ThreeCommas) -> None:
    assert (await threecommas_client.mini_apps.credentials(token="app-token"))["valid"] is True
    assert (await threecommas_client.mini_apps.read_storage(key="layout"))["data"] is None
    payload = {"columns": ["pair", "profit"], "threshold": Decimal("0.125")}
    await threecommas_client.mini_apps.write_storage(key="layout", data=payload)
    stored = await threecommas_client.mini_apps.read_storage(key="layout")
    assert stored["data"] == payload


def test_every_resource_is_covered() -> None:
    from threecommas_async.resources._namespaces import ResourceNamespaces

    namespaces = {name for name in dir(ResourceNamespaces) if not name.startswith("_")}
    tested = {
        "general",
        "accounts",
        "market_data",
        "bots",
        "deals",
        "grid_bots",
        "smart_trades",
        "trades",
        "loose_accounts",
        "marketplace",
        "portfolios",
        "users",
        "mini_apps",
    }
    assert namespaces == tested
