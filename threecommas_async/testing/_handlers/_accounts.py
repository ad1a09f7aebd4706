"""Exchange accounts: list, show, create, update, rename, remove, transfers, balances, market data."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._http import invalid_param, not_allowed
from .._keys import Permission
from .._payloads import EXCHANGES, PAIR_PRICES, Exchange, account_payload, exchange_for, iso, split_pair
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity, EntityKind, Mode
from ._common import by_offset, by_page, entity, numeric

__all__ = ["create_account", "routes"]

routes = RouteGroup()

_READ = Permission.ACCOUNTS_READ
_WRITE = Permission.ACCOUNTS_WRITE


def create_account(request: HandlerRequest, name: str, exchange: Exchange) -> Entity:
    book = request.book
    account = account_payload(
        request.rng,
        account_id=book.new_id(EntityKind.ACCOUNT),
        name=name,
        exchange=exchange,
        created=request.now,
        updated=request.now,
    )
    book.accounts[account["id"]] = account
    return account


def _account(request: HandlerRequest) -> Entity:
    return entity(request.book.accounts, request.path_int("account_id"), "Account")


def _exchange(market_code: str) -> Exchange:
    for exchange in EXCHANGES:
        if exchange.market_code == market_code:
            return exchange
    return Exchange(market_code, market_code.replace("_", " ").title(), market_code.title(), "spot")


@routes.get("/ver1/accounts", _READ)
def list_accounts(request: HandlerRequest) -> list[Entity]:
    accounts = sorted(request.book.accounts.values(), key=lambda account: account["id"])
    return by_page(accounts, request.params, default_per_page=100, max_per_page=100)


@routes.get("/ver1/accounts/{account_id}", _READ)
def show_account(request: HandlerRequest) -> Entity:
    return _account(request)


@routes.post("/ver1/accounts/new", _WRITE)
def new_account(request: HandlerRequest) -> Entity:
    market_code = request.params.require_text("type")
    name = request.params.require_text("name")
    if len(name) < 2:
        raise invalid_param("name", "is too short (minimum is 2 characters)")
    exchange = exchange_for(Mode.PAPER, request.rng) if request.mode is Mode.PAPER else _exchange(market_code)
    return create_account(request, name, exchange)


@routes.post("/ver1/accounts/update", _WRITE, repeat=RepeatCheck.NONE)
def update_account(request: HandlerRequest) -> Entity:
    account = entity(request.book.accounts, request.params.require_integer("account_id"), "Account")
    for field in ("name", "customer_id", "subaccount_name"):
        value = request.params.text(field)
        if value is not None:
            account[field] = value
    include = request.params.boolean("include_in_summary")
    if include is not None:
        account["include_in_summary"] = include
    account["updated_at"] = iso(request.now)
    return account


@routes.post("/ver1/accounts/{account_id}/rename", _WRITE, repeat=RepeatCheck.NONE)
def rename_account(request: HandlerRequest) -> Entity:
    account = _account(request)
    account["name"] = request.params.require_text("name")
    account["updated_at"] = iso(request.now)
    return account


@routes.post("/ver1/accounts/{account_id}/remove", _WRITE, repeat=RepeatCheck.SAME_PATH)
def remove_account(request: HandlerRequest) -> bool:
    account = _account(request)
    if any(bot["account_id"] == account["id"] and bot["is_enabled"] for bot in request.book.bots.values()):
        raise not_allowed("The account has enabled bots")
    del request.book.accounts[account["id"]]
    return True


@routes.post("/ver1/accounts/{account_id}/load_balances", _READ, repeat=RepeatCheck.NONE)
def load_balances(request: HandlerRequest) -> Entity:
    account = _account(request)
    account["updated_at"] = iso(request.now)
    return account


def _sell_all(request: HandlerRequest, currency: str) -> Entity:
    account = _account(request)
    account["updated_at"] = iso(request.now)
    account["last_fast_convert"] = {"currency": currency, "at": iso(request.now)}
    return account


@routes.post("/ver1/accounts/{account_id}/sell_all_to_btc", _WRITE, repeat=RepeatCheck.SAME_PATH)
def sell_all_to_btc(request: HandlerRequest) -> Entity:
    return _sell_all(request, "BTC")


@routes.post("/ver1/accounts/{account_id}/sell_all_to_usd", _WRITE, repeat=RepeatCheck.SAME_PATH)
def sell_all_to_usd(request: HandlerRequest) -> Entity:
    return _sell_all(request, "USD")


@routes.post("/ver1/accounts/{account_id}/convert_dust_to_bnb", _WRITE)
def convert_dust_to_bnb(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    return {"converted": [str(code) for code in request.params.sequence("codes")]}


def _balances(account: Entity) -> list[dict[str, Any]]:
    usd = numeric(account["usd_amount"])
    shares = (
        ("USDT", Decimal("0.55"), Decimal(1)),
        ("BTC", Decimal("0.3"), PAIR_PRICES["USDT_BTC"]),
        ("ETH", Decimal("0.15"), PAIR_PRICES["USDT_ETH"]),
    )
    rows = []
    for code, share, price in shares:
        usd_value = usd * share
        rows.append(
            {
                "currency_code": code,
                "currency_name": code,
                "currency_icon": f"https://3commas.io/img/coins/{code.lower()}.png",
                "percentage": str(share * 100),
                "position": str(usd_value / price),
                "equity": str(usd_value / price),
                "usd_value": str(usd_value),
                "btc_value": str(usd_value / PAIR_PRICES["USDT_BTC"]),
                "current_price_usd": str(price),
                "on_orders": "0.0",
            }
        )
    return rows


@routes.post("/ver1/accounts/{account_id}/account_table_data", _READ, repeat=RepeatCheck.NONE)
def account_table_data(request: HandlerRequest) -> list[dict[str, Any]]:
    return _balances(_account(request))


@routes.post("/ver1/accounts/{account_id}/pie_chart_data", _READ, repeat=RepeatCheck.NONE)
def pie_chart_data(request: HandlerRequest) -> list[dict[str, Any]]:
    return [
        {
            "code": row["currency_code"],
            "coinName": row["currency_name"],
            "percentage": row["percentage"],
            "amount": row["position"],
            "usd_value": row["usd_value"],
            "btc_value": row["btc_value"],
        }
        for row in _balances(_account(request))
    ]


@routes.get("/ver1/accounts/{account_id}/active_trading_entities", _READ)
def active_trading_entities(request: HandlerRequest) -> dict[str, Any]:
    account = _account(request)
    book = request.book
    return {
        "data": {
            "active_deals_count": sum(
                deal["account_id"] == account["id"] and not deal["finished?"] for deal in book.deals.values()
            ),
            "active_smart_trades_count": sum(
                trade["account"]["id"] == account["id"] and not trade["data"]["finished"]
                for trade in book.smart_trades.values()
            ),
            "active_grid_bots_count": sum(
                grid["account_id"] == account["id"] and grid["is_enabled"] for grid in book.grid_bots.values()
            ),
            "active_bots_count": sum(
                bot["account_id"] == account["id"] and bot["is_enabled"] for bot in book.bots.values()
            ),
            "active_orders_count": 0,
        }
    }


@routes.get("/ver1/accounts/{account_id}/balance_chart_data", _READ)
def balance_chart_data(request: HandlerRequest) -> list[dict[str, Any]]:
    account = _account(request)
    usd = numeric(account["usd_amount"])
    day = 86_400
    today = int(request.now) // day * day
    return [
        {
            "date": today - offset * day,
            "usd": str(usd * (1 - Decimal(offset) / 100)),
            "btc": str(usd / PAIR_PRICES["USDT_BTC"]),
        }
        for offset in range(6, -1, -1)
    ]


@routes.get("/ver1/accounts/{account_id}/deposit_data", _READ)
def deposit_data(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    currency = request.params.require_text("currency")
    return {"currency": currency, "address": "0x5be1d0a3c39e2a4f7b0c12e4b5c0d7f1e0a2b9c8", "address_tag": None}


@routes.get("/ver1/accounts/{account_id}/leverage_data", _READ)
def leverage_data(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    pair = request.params.require_text("pair")
    limits = {"min": "1.0", "max": "20.0"} if pair else {}
    return [  # type: ignore[return-value]
        {
            "code": code,
            "name": code.title(),
            "can_set_leverage_value": True,
            "available_leverage_values": [],
            "max_leverage": "20.0",
            "valid": limits,
        }
        for code in ("cross", "isolated")
    ]


@routes.get("/ver1/accounts/{account_id}/networks_info", _READ)
def networks_info(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    networks = [
        {
            "network": "ERC20",
            "network_name": "Ethereum (ERC20)",
            "withdraw_fee": "0.00042",
            "withdraw_min": "0.001",
            "default": True,
        },
        {
            "network": "TRC20",
            "network_name": "Tron (TRC20)",
            "withdraw_fee": "1.0",
            "withdraw_min": "10.0",
            "default": False,
        },
    ]
    currency = request.params.text("currency", "USDT")
    return {
        "currency": currency,
        "name": currency,
        "deposit_enable": True,
        "withdraw_enable": True,
        "network_list": networks,
    }


@routes.get("/ver1/accounts/{account_id}/volume/daily", _READ)
def volume_daily(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    return {"date": request.params.text("date", iso(request.now)[:10]), "volume": "1843.27519004"}


@routes.get("/ver1/accounts/{account_id}/volume/monthly", _READ)
def volume_monthly(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    return {"month": request.params.text("month", iso(request.now)[:7]), "volume": "40211.9385177104"}


@routes.get("/ver1/accounts/{account_id}/volume/total", _READ)
def volume_total(request: HandlerRequest) -> dict[str, Any]:
    _account(request)
    return {"volume": "518227.102938471100394"}


@routes.post("/ver1/accounts/transfer", _WRITE)
def transfer(request: HandlerRequest) -> Entity:
    params = request.params
    book = request.book
    source = entity(book.accounts, params.require_integer("from_account_id"), "Account")
    target = entity(book.accounts, params.require_integer("to_account_id"), "Account")
    quantity = params.require_decimal("amount")
    if quantity <= 0:
        raise invalid_param("amount", "must be greater than 0")
    record = {
        "id": book.new_id(EntityKind.TRANSFER),
        "currency": params.require_text("currency"),
        "amount": str(quantity),
        "from_account_id": source["id"],
        "to_account_id": target["id"],
        "status": "completed",
        "created_at": iso(request.now),
    }
    book.transfers.append(record)
    return record


@routes.get("/ver1/accounts/transfer_history", _READ)
def transfer_history(request: HandlerRequest) -> list[Entity]:
    account_id = request.params.integer("account_id")
    currency = request.params.text("currency")
    records = [
        record
        for record in reversed(request.book.transfers)
        if (account_id is None or account_id in (record["from_account_id"], record["to_account_id"]))
        and (currency is None or record["currency"] == currency)
    ]
    return by_page(records, request.params, default_per_page=10, max_per_page=100)


@routes.get("/ver1/accounts/transfer_data", _READ)
def transfer_data(request: HandlerRequest) -> dict[str, Any]:
    return {
        "accounts": [{"id": account["id"], "name": account["name"]} for account in request.book.accounts.values()],
        "currencies": ["USDT", "BTC", "ETH"],
    }


@routes.get("/ver1/accounts/types_to_connect", None)
def types_to_connect(request: HandlerRequest) -> list[dict[str, Any]]:
    return [
        {
            "name": exchange.exchange_name,
            "market_code": exchange.market_code,
            "type": exchange.market_code,
            "form_fields": {"required": ["api_key", "secret"]},
        }
        for exchange in EXCHANGES
    ]


@routes.get("/ver1/accounts/market_list", None, signed=False)
def market_list(request: HandlerRequest) -> list[dict[str, Any]]:
    return [
        {
            "market_name": exchange.exchange_name,
            "market_url": "",
            "market_icon": "",
            "market_code": exchange.market_code,
            "help_link": "",
            "required_fields": ["api_key", "secret"],
        }
        for exchange in EXCHANGES
    ]


@routes.get("/ver1/accounts/market_pairs", None, signed=False)
def market_pairs(request: HandlerRequest) -> list[str]:
    request.params.require_text("market_code")
    return sorted(PAIR_PRICES)


@routes.get("/v2/accounts/market_pairs", None, signed=False)
def market_pairs_v2(request: HandlerRequest) -> list[str]:
    request.params.require_text("market_code")
    return sorted(PAIR_PRICES)


def _rate(request: HandlerRequest) -> dict[str, Any]:
    pair = request.params.require_text("pair")
    request.params.require_text("market_code")
    last = PAIR_PRICES.get(pair)
    if last is None:
        raise invalid_param("pair", "is not supported by this market")
    exponent = last.as_tuple().exponent
    step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else -2)
    return {
        "minPrice": str(step),
        "maxPrice": str(last * 100),
        "priceStep": str(step),
        "minLotSize": "0.0001",
        "maxLotSize": "90000000.0",
        "lotStep": "0.0001",
        "minTotal": "5.0",
        "bid": str(last - step),
        "ask": str(last + step),
        "last": str(last),
        "strategy_name": None,
        "market_type": "spot",
    }


@routes.get("/ver1/accounts/currency_rates", None, signed=False)
def currency_rates(request: HandlerRequest) -> dict[str, Any]:
    return _rate(request)


@routes.get("/ver1/accounts/currency_rates_with_leverage_data", None, signed=False)
def currency_rates_with_leverage_data(request: HandlerRequest) -> dict[str, Any]:
    return {**_rate(request), "leverage": {"max": "20.0", "types": ["cross", "isolated"]}}


@routes.post("/ver1/loose_accounts", _WRITE)
def create_loose_account(request: HandlerRequest) -> Entity:
    name = request.params.require_text("name")
    account = create_account(request, name, Exchange("blockchain_wallet", "Manual", "Loose", "spot"))
    account["tokens"] = request.params.raw("tokens") or []
    return account


@routes.put("/ver1/loose_accounts/{account_id}", _WRITE)
def update_loose_account(request: HandlerRequest) -> Entity:
    account = _account(request)
    name = request.params.text("name")
    if name is not None:
        account["name"] = name
    tokens = request.params.raw("tokens")
    if tokens is not None:
        account["tokens"] = tokens
    account["updated_at"] = iso(request.now)
    return account


@routes.get("/ver1/loose_accounts/available_currencies", _READ)
def available_currencies(request: HandlerRequest) -> list[dict[str, Any]]:
    contains = (request.params.text("contains") or "").upper()
    codes = sorted({part for pair in PAIR_PRICES for part in split_pair(pair)})
    currencies = [{"id": index + 1, "code": code, "name": code} for index, code in enumerate(codes) if contains in code]
    return by_offset(currencies, request.params, default_limit=50, max_limit=1000)
