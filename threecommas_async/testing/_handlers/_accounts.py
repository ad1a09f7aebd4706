"""Exchange accounts: list, show, create, update, rename, remove, balance refresh and sell-all, transfers between
accounts, and loose (manually kept) accounts."""

from __future__ import annotations

from typing import Any

from .._http import invalid_param, not_allowed
from .._keys import Permission
from .._payloads import EXCHANGES, PAIR_PRICES, Exchange, account_payload, exchange_for, iso, split_pair
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Entity, EntityKind, Mode
from ._common import by_offset, by_page, entity

__all__ = ["account_of", "create_account", "routes"]

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


def account_of(request: HandlerRequest) -> Entity:
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
    return account_of(request)


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
    account = account_of(request)
    account["name"] = request.params.require_text("name")
    account["updated_at"] = iso(request.now)
    return account


@routes.post("/ver1/accounts/{account_id}/remove", _WRITE, repeat=RepeatCheck.SAME_PATH)
def remove_account(request: HandlerRequest) -> bool:
    account = account_of(request)
    if any(bot["account_id"] == account["id"] and bot["is_enabled"] for bot in request.book.bots.values()):
        raise not_allowed("The account has enabled bots")
    del request.book.accounts[account["id"]]
    return True


@routes.post("/ver1/accounts/{account_id}/load_balances", _READ, repeat=RepeatCheck.NONE)
def load_balances(request: HandlerRequest) -> Entity:
    account = account_of(request)
    account["updated_at"] = iso(request.now)
    return account


def _sell_all(request: HandlerRequest, currency: str) -> Entity:
    account = account_of(request)
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
    account_of(request)
    return {"converted": [str(code) for code in request.params.sequence("codes")]}


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


@routes.post("/ver1/loose_accounts", _WRITE)
def create_loose_account(request: HandlerRequest) -> Entity:
    name = request.params.require_text("name")
    account = create_account(request, name, Exchange("blockchain_wallet", "Manual", "Loose", "spot"))
    account["tokens"] = request.params.raw("tokens") or []
    return account


@routes.put("/ver1/loose_accounts/{account_id}", _WRITE)
def update_loose_account(request: HandlerRequest) -> Entity:
    account = account_of(request)
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
