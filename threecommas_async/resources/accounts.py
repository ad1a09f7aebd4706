# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.accounts``: Connected exchange accounts: balances, transfers, deposits, volumes."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from .._endpoint import Priority
from .._pagination import AsyncPaginator
from .._resource import RawResource, Resource, raw_response
from ..models import (
    Account,
    AccountTableRow,
    AccountTransfer,
    AccountTypeToConnect,
    AccountVolume,
    ActiveTradingEntities,
    BalanceChartPoint,
    CurrencyNetworks,
    DepositData,
    DustConversion,
    LeverageOption,
    PieChartItem,
)
from ..params import Number
from . import _catalog

__all__ = ["Accounts", "AccountsWithRawResponse"]


class Accounts(Resource):
    """Connected exchange accounts: balances, transfers, deposits, volumes. Reached as ``client.accounts``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> AccountsWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return AccountsWithRawResponse(self._client)

    async def list(
        self,
        *,
        api_key: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> builtins.list[Account]:
        """List connected exchange accounts.

        ``GET /ver1/accounts``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_LIST, {
            "api_key": api_key, "page": page, "per_page": per_page,
        })

    def iterate(
        self,
        *,
        api_key: str | None = None,
        page_size: int | None = None,
        priority: Priority | None = None,
    ) -> AsyncPaginator[Account]:
        """Every row of ``accounts.list``, page by page (at most 100 per page, ``per_page``/``page``).

        ``async for row in client.accounts.iterate(...)`` walks all pages until a short one;
        ``await`` it for the first page only. ``page_size`` defaults to the maximum; ``priority`` is the
        limiter lane of the page requests (``"bulk"`` for a collector; None: the client's default)."""
        return AsyncPaginator(self._client, _catalog.ACCOUNTS_LIST, {
            "api_key": api_key,
        }, page_size=page_size, priority=priority)

    async def create(
        self,
        *,
        type: str,
        name: str,
        api_key: str | None = None,
        secret: str | None = None,
        customer_id: str | None = None,
        passphrase: str | None = None,
        types_to_create: Sequence[str] | None = None,
        address: str | None = None,
        subaccount_name: str | None = None,
    ) -> Account:
        """Connect a new exchange account.

        ``POST /ver1/accounts/new``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_CREATE, {
            "type": type, "name": name, "api_key": api_key, "secret": secret, "customer_id": customer_id,
            "passphrase": passphrase, "types_to_create": types_to_create, "address": address,
            "subaccount_name": subaccount_name,
        })

    async def transfer(
        self,
        *,
        currency: str,
        amount: Number,
        to_account_id: int,
        from_account_id: int,
    ) -> AccountTransfer:
        """Transfer a currency between two of your accounts.

        ``POST /ver1/accounts/transfer``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_TRANSFER, {
            "currency": currency, "amount": amount, "to_account_id": to_account_id,
            "from_account_id": from_account_id,
        })

    async def transfer_data(self) -> Any:
        """Get the accounts and currencies available for transfers.

        ``GET /ver1/accounts/transfer_data``: permission ACCOUNTS_READ, signed.
        Untyped, no documented response shape (the legacy markdown and swagger list the endpoint without a
        body; public clients call it, but none reads its body: Moon-Frame/3commas-js types it `any`, with a
        TODO): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_TRANSFER_DATA, {})

    async def transfer_history(
        self,
        *,
        account_id: int,
        currency: str,
        start_time: int | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> Any:
        """List past transfers of a currency for an account.

        ``GET /ver1/accounts/transfer_history``: permission ACCOUNTS_READ, signed.
        Untyped, no documented response shape: the 2024 docs page lists only an untyped `id` and an empty
        example, so not even whether the body is an array or an object; public clients call it, but none
        reads its body (Moon-Frame/3commas-js types it `any`, with a TODO): returns the decoded JSON
        (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_TRANSFER_HISTORY, {
            "account_id": account_id, "currency": currency, "start_time": start_time, "page": page,
            "per_page": per_page,
        })

    async def types_to_connect(
        self,
        *,
        type: str,
        name: str,
        api_key: str | None = None,
        secret: str | None = None,
    ) -> builtins.list[AccountTypeToConnect]:
        """List the related account types that can be connected with these credentials.

        ``GET /ver1/accounts/types_to_connect``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_TYPES_TO_CONNECT, {
            "type": type, "name": name, "api_key": api_key, "secret": secret,
        })

    async def update(
        self,
        *,
        account_id: int,
        name: str | None = None,
        api_key: str | None = None,
        secret: str | None = None,
        customer_id: str | None = None,
        passphrase: str | None = None,
        include_in_summary: bool | None = None,
        subaccount_name: str | None = None,
        address: str | None = None,
    ) -> Account:
        """Edit an exchange account's name, credentials or summary flag.

        ``POST /ver1/accounts/update``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_UPDATE, {
            "account_id": account_id, "name": name, "api_key": api_key, "secret": secret,
            "customer_id": customer_id, "passphrase": passphrase, "include_in_summary": include_in_summary,
            "subaccount_name": subaccount_name, "address": address,
        })

    async def show(self, account_id: int) -> Account:
        """Get one exchange account.

        ``GET /ver1/accounts/{account_id}``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_SHOW, {"account_id": account_id})

    async def table_data(self, account_id: int) -> builtins.list[AccountTableRow]:
        """Get the per-currency balance table of an account.

        ``POST /ver1/accounts/{account_id}/account_table_data``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_TABLE_DATA, {"account_id": account_id})

    async def active_trading_entities(self, account_id: int) -> ActiveTradingEntities:
        """Count the active bots, deals and smart trades on an account.

        ``GET /ver1/accounts/{account_id}/active_trading_entities``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_ACTIVE_TRADING_ENTITIES, {
            "account_id": account_id,
        })

    async def balance_chart_data(
        self,
        account_id: int,
        *,
        date_from: dt.datetime | str,
        date_to: dt.datetime | str | None = None,
    ) -> builtins.list[BalanceChartPoint]:
        """Get the balance history chart of an account.

        ``GET /ver1/accounts/{account_id}/balance_chart_data``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_BALANCE_CHART_DATA, {
            "account_id": account_id, "date_from": date_from, "date_to": date_to,
        })

    async def convert_dust_to_bnb(
        self,
        account_id: int,
        *,
        codes: Sequence[str] | None = None,
    ) -> DustConversion:
        """Convert small balances to BNB (Binance).

        ``POST /ver1/accounts/{account_id}/convert_dust_to_bnb``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_CONVERT_DUST_TO_BNB, {
            "account_id": account_id, "codes": codes,
        })

    async def deposit_data(
        self,
        account_id: int,
        *,
        currency: str,
        address_tag: str | None = None,
        network: str | None = None,
    ) -> DepositData:
        """Get a deposit address for a currency and network.

        ``GET /ver1/accounts/{account_id}/deposit_data``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_DEPOSIT_DATA, {
            "account_id": account_id, "currency": currency, "address_tag": address_tag, "network": network,
        })

    async def leverage_data(self, account_id: int, *, pair: str) -> builtins.list[LeverageOption]:
        """Get the leverage settings of a pair on a futures account.

        ``GET /ver1/accounts/{account_id}/leverage_data``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_LEVERAGE_DATA, {
            "account_id": account_id, "pair": pair,
        })

    async def load_balances(self, account_id: int) -> Account:
        """Refresh the balances of an account from the exchange.

        ``POST /ver1/accounts/{account_id}/load_balances``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_LOAD_BALANCES, {"account_id": account_id})

    async def networks_info(
        self,
        account_id: int,
        *,
        purpose: Literal["deposit", "withdraw"] | None = None,
    ) -> CurrencyNetworks:
        """List the deposit or withdrawal networks of an account.

        ``GET /ver1/accounts/{account_id}/networks_info``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_NETWORKS_INFO, {
            "account_id": account_id, "purpose": purpose,
        })

    async def pie_chart_data(self, account_id: int) -> builtins.list[PieChartItem]:
        """Get the balance distribution (pie chart) of an account.

        ``POST /ver1/accounts/{account_id}/pie_chart_data``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_PIE_CHART_DATA, {"account_id": account_id})

    async def remove(self, account_id: int) -> bool:
        """Disconnect an exchange account.

        ``POST /ver1/accounts/{account_id}/remove``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_REMOVE, {"account_id": account_id})

    async def rename(self, account_id: int, *, name: str) -> Account:
        """Rename an exchange account.

        ``POST /ver1/accounts/{account_id}/rename``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_RENAME, {
            "account_id": account_id, "name": name,
        })

    async def sell_all_to_btc(self, account_id: int) -> Account:
        """Sell every balance of an account to BTC.

        ``POST /ver1/accounts/{account_id}/sell_all_to_btc``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_SELL_ALL_TO_BTC, {
            "account_id": account_id,
        })

    async def sell_all_to_usd(self, account_id: int) -> Account:
        """Sell every balance of an account to USD(T).

        ``POST /ver1/accounts/{account_id}/sell_all_to_usd``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_SELL_ALL_TO_USD, {
            "account_id": account_id,
        })

    async def volume_daily(self, account_id: int, *, date: dt.date | str | None = None) -> AccountVolume:
        """Get the daily trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/daily``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_VOLUME_DAILY, {
            "account_id": account_id, "date": date,
        })

    async def volume_monthly(self, account_id: int, *, month: str | None = None) -> AccountVolume:
        """Get the monthly trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/monthly``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_VOLUME_MONTHLY, {
            "account_id": account_id, "month": month,
        })

    async def volume_total(self, account_id: int) -> AccountVolume:
        """Get the total trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/total``: permission ACCOUNTS_READ, signed."""
        return await self._client._call_endpoint(_catalog.ACCOUNTS_VOLUME_TOTAL, {"account_id": account_id})


class AccountsWithRawResponse(RawResource):
    """``client.accounts.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(Accounts.list)
    create = raw_response(Accounts.create)
    transfer = raw_response(Accounts.transfer)
    transfer_data = raw_response(Accounts.transfer_data)
    transfer_history = raw_response(Accounts.transfer_history)
    types_to_connect = raw_response(Accounts.types_to_connect)
    update = raw_response(Accounts.update)
    show = raw_response(Accounts.show)
    table_data = raw_response(Accounts.table_data)
    active_trading_entities = raw_response(Accounts.active_trading_entities)
    balance_chart_data = raw_response(Accounts.balance_chart_data)
    convert_dust_to_bnb = raw_response(Accounts.convert_dust_to_bnb)
    deposit_data = raw_response(Accounts.deposit_data)
    leverage_data = raw_response(Accounts.leverage_data)
    load_balances = raw_response(Accounts.load_balances)
    networks_info = raw_response(Accounts.networks_info)
    pie_chart_data = raw_response(Accounts.pie_chart_data)
    remove = raw_response(Accounts.remove)
    rename = raw_response(Accounts.rename)
    sell_all_to_btc = raw_response(Accounts.sell_all_to_btc)
    sell_all_to_usd = raw_response(Accounts.sell_all_to_usd)
    volume_daily = raw_response(Accounts.volume_daily)
    volume_monthly = raw_response(Accounts.volume_monthly)
    volume_total = raw_response(Accounts.volume_total)
