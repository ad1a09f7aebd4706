# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.accounts``: Connected exchange accounts: balances, transfers, deposits, volumes."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Any, Literal, cast

from .._pagination import AsyncPaginator
from .._resource import Resource
from .._response import RawResponse
from ..models import (
    Account,
    AccountTableRow,
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
from ._catalog import (
    ACCOUNTS_ACTIVE_TRADING_ENTITIES,
    ACCOUNTS_BALANCE_CHART_DATA,
    ACCOUNTS_CONVERT_DUST_TO_BNB,
    ACCOUNTS_CREATE,
    ACCOUNTS_DEPOSIT_DATA,
    ACCOUNTS_LEVERAGE_DATA,
    ACCOUNTS_LIST,
    ACCOUNTS_LOAD_BALANCES,
    ACCOUNTS_NETWORKS_INFO,
    ACCOUNTS_PIE_CHART_DATA,
    ACCOUNTS_REMOVE,
    ACCOUNTS_RENAME,
    ACCOUNTS_SELL_ALL_TO_BTC,
    ACCOUNTS_SELL_ALL_TO_USD,
    ACCOUNTS_SHOW,
    ACCOUNTS_TABLE_DATA,
    ACCOUNTS_TRANSFER,
    ACCOUNTS_TRANSFER_DATA,
    ACCOUNTS_TRANSFER_HISTORY,
    ACCOUNTS_TYPES_TO_CONNECT,
    ACCOUNTS_UPDATE,
    ACCOUNTS_VOLUME_DAILY,
    ACCOUNTS_VOLUME_MONTHLY,
    ACCOUNTS_VOLUME_TOTAL,
)

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

        ``GET /ver1/accounts``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "builtins.list[Account]",
            await self._client._call_endpoint(
                ACCOUNTS_LIST,
                {"api_key": api_key, "page": page, "per_page": per_page},
                builtins.list[Account],
            ),
        )

    def iterate(self, *, api_key: str | None = None, page_size: int | None = None) -> AsyncPaginator[Account]:
        """Every row of ``accounts.list``, page by page (at most 100 per page, ``per_page``/``page``).

        ``async for row in client.accounts.iterate(...)`` walks all pages until a short one;
        ``await`` it for the first page only. ``page_size`` defaults to the maximum.
        """
        return AsyncPaginator(self._client, ACCOUNTS_LIST, {"api_key": api_key}, Account, page_size=page_size)

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

        ``POST /ver1/accounts/new``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(
                ACCOUNTS_CREATE,
                {
                    "type": type,
                    "name": name,
                    "api_key": api_key,
                    "secret": secret,
                    "customer_id": customer_id,
                    "passphrase": passphrase,
                    "types_to_create": types_to_create,
                    "address": address,
                    "subaccount_name": subaccount_name,
                },
                Account,
            ),
        )

    async def transfer(
        self,
        *,
        currency: str,
        amount: Number,
        to_account_id: int,
        from_account_id: int,
    ) -> Any:
        """Transfer a currency between two of your accounts.

        ``POST /ver1/accounts/transfer``: permission ACCOUNTS_WRITE, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(
            ACCOUNTS_TRANSFER,
            {
                "currency": currency,
                "amount": amount,
                "to_account_id": to_account_id,
                "from_account_id": from_account_id,
            },
            Any,
        )

    async def transfer_data(self) -> Any:
        """Get the accounts and currencies available for transfers.

        ``GET /ver1/accounts/transfer_data``: permission ACCOUNTS_READ, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(ACCOUNTS_TRANSFER_DATA, {}, Any)

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
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(
            ACCOUNTS_TRANSFER_HISTORY,
            {
                "account_id": account_id,
                "currency": currency,
                "start_time": start_time,
                "page": page,
                "per_page": per_page,
            },
            Any,
        )

    async def types_to_connect(
        self,
        *,
        type: str,
        name: str,
        api_key: str | None = None,
        secret: str | None = None,
    ) -> builtins.list[AccountTypeToConnect]:
        """List the related account types that can be connected with these credentials.

        ``GET /ver1/accounts/types_to_connect``: permission NONE, signed.
        """
        return cast(
            "builtins.list[AccountTypeToConnect]",
            await self._client._call_endpoint(
                ACCOUNTS_TYPES_TO_CONNECT,
                {"type": type, "name": name, "api_key": api_key, "secret": secret},
                builtins.list[AccountTypeToConnect],
            ),
        )

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

        ``POST /ver1/accounts/update``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(
                ACCOUNTS_UPDATE,
                {
                    "account_id": account_id,
                    "name": name,
                    "api_key": api_key,
                    "secret": secret,
                    "customer_id": customer_id,
                    "passphrase": passphrase,
                    "include_in_summary": include_in_summary,
                    "subaccount_name": subaccount_name,
                    "address": address,
                },
                Account,
            ),
        )

    async def show(self, account_id: int) -> Account:
        """Get one exchange account.

        ``GET /ver1/accounts/{account_id}``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(ACCOUNTS_SHOW, {"account_id": account_id}, Account),
        )

    async def table_data(self, account_id: int) -> builtins.list[AccountTableRow]:
        """Get the per-currency balance table of an account.

        ``POST /ver1/accounts/{account_id}/account_table_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "builtins.list[AccountTableRow]",
            await self._client._call_endpoint(
                ACCOUNTS_TABLE_DATA,
                {"account_id": account_id},
                builtins.list[AccountTableRow],
            ),
        )

    async def active_trading_entities(self, account_id: int) -> ActiveTradingEntities:
        """Count the active bots, deals and smart trades on an account.

        ``GET /ver1/accounts/{account_id}/active_trading_entities``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "ActiveTradingEntities",
            await self._client._call_endpoint(
                ACCOUNTS_ACTIVE_TRADING_ENTITIES,
                {"account_id": account_id},
                ActiveTradingEntities,
            ),
        )

    async def balance_chart_data(
        self,
        account_id: int,
        *,
        date_from: str,
        date_to: str | None = None,
    ) -> builtins.list[BalanceChartPoint]:
        """Get the balance history chart of an account.

        ``GET /ver1/accounts/{account_id}/balance_chart_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "builtins.list[BalanceChartPoint]",
            await self._client._call_endpoint(
                ACCOUNTS_BALANCE_CHART_DATA,
                {"account_id": account_id, "date_from": date_from, "date_to": date_to},
                builtins.list[BalanceChartPoint],
            ),
        )

    async def convert_dust_to_bnb(
        self,
        account_id: int,
        *,
        codes: Sequence[str] | None = None,
    ) -> DustConversion:
        """Convert small balances to BNB (Binance).

        ``POST /ver1/accounts/{account_id}/convert_dust_to_bnb``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "DustConversion",
            await self._client._call_endpoint(
                ACCOUNTS_CONVERT_DUST_TO_BNB,
                {"account_id": account_id, "codes": codes},
                DustConversion,
            ),
        )

    async def deposit_data(
        self,
        account_id: int,
        *,
        currency: str,
        address_tag: str | None = None,
        network: str | None = None,
    ) -> DepositData:
        """Get a deposit address for a currency and network.

        ``GET /ver1/accounts/{account_id}/deposit_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "DepositData",
            await self._client._call_endpoint(
                ACCOUNTS_DEPOSIT_DATA,
                {
                    "account_id": account_id,
                    "currency": currency,
                    "address_tag": address_tag,
                    "network": network,
                },
                DepositData,
            ),
        )

    async def leverage_data(self, account_id: int, *, pair: str) -> builtins.list[LeverageOption]:
        """Get the leverage settings of a pair on a futures account.

        ``GET /ver1/accounts/{account_id}/leverage_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "builtins.list[LeverageOption]",
            await self._client._call_endpoint(
                ACCOUNTS_LEVERAGE_DATA,
                {"account_id": account_id, "pair": pair},
                builtins.list[LeverageOption],
            ),
        )

    async def load_balances(self, account_id: int) -> Account:
        """Refresh the balances of an account from the exchange.

        ``POST /ver1/accounts/{account_id}/load_balances``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(ACCOUNTS_LOAD_BALANCES, {"account_id": account_id}, Account),
        )

    async def networks_info(
        self,
        account_id: int,
        *,
        purpose: Literal["deposit", "withdraw"] | None = None,
    ) -> CurrencyNetworks:
        """List the deposit or withdrawal networks of an account.

        ``GET /ver1/accounts/{account_id}/networks_info``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "CurrencyNetworks",
            await self._client._call_endpoint(
                ACCOUNTS_NETWORKS_INFO,
                {"account_id": account_id, "purpose": purpose},
                CurrencyNetworks,
            ),
        )

    async def pie_chart_data(self, account_id: int) -> builtins.list[PieChartItem]:
        """Get the balance distribution (pie chart) of an account.

        ``POST /ver1/accounts/{account_id}/pie_chart_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "builtins.list[PieChartItem]",
            await self._client._call_endpoint(
                ACCOUNTS_PIE_CHART_DATA,
                {"account_id": account_id},
                builtins.list[PieChartItem],
            ),
        )

    async def remove(self, account_id: int) -> Any:
        """Disconnect an exchange account.

        ``POST /ver1/accounts/{account_id}/remove``: permission ACCOUNTS_WRITE, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(ACCOUNTS_REMOVE, {"account_id": account_id}, Any)

    async def rename(self, account_id: int, *, name: str) -> Account:
        """Rename an exchange account.

        ``POST /ver1/accounts/{account_id}/rename``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(
                ACCOUNTS_RENAME,
                {"account_id": account_id, "name": name},
                Account,
            ),
        )

    async def sell_all_to_btc(self, account_id: int) -> Account:
        """Sell every balance of an account to BTC.

        ``POST /ver1/accounts/{account_id}/sell_all_to_btc``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(ACCOUNTS_SELL_ALL_TO_BTC, {"account_id": account_id}, Account),
        )

    async def sell_all_to_usd(self, account_id: int) -> Account:
        """Sell every balance of an account to USD(T).

        ``POST /ver1/accounts/{account_id}/sell_all_to_usd``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "Account",
            await self._client._call_endpoint(ACCOUNTS_SELL_ALL_TO_USD, {"account_id": account_id}, Account),
        )

    async def volume_daily(self, account_id: int, *, date: str | None = None) -> AccountVolume:
        """Get the daily trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/daily``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "AccountVolume",
            await self._client._call_endpoint(
                ACCOUNTS_VOLUME_DAILY,
                {"account_id": account_id, "date": date},
                AccountVolume,
            ),
        )

    async def volume_monthly(self, account_id: int, *, month: str | None = None) -> AccountVolume:
        """Get the monthly trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/monthly``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "AccountVolume",
            await self._client._call_endpoint(
                ACCOUNTS_VOLUME_MONTHLY,
                {"account_id": account_id, "month": month},
                AccountVolume,
            ),
        )

    async def volume_total(self, account_id: int) -> AccountVolume:
        """Get the total trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/total``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "AccountVolume",
            await self._client._call_endpoint(
                ACCOUNTS_VOLUME_TOTAL,
                {"account_id": account_id},
                AccountVolume,
            ),
        )


class AccountsWithRawResponse(Resource):
    """``client.accounts.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    async def list(
        self,
        *,
        api_key: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> RawResponse[builtins.list[Account]]:
        """List connected exchange accounts.

        ``GET /ver1/accounts``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[builtins.list[Account]]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_LIST,
                {"api_key": api_key, "page": page, "per_page": per_page},
                builtins.list[Account],
            ),
        )

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
    ) -> RawResponse[Account]:
        """Connect a new exchange account.

        ``POST /ver1/accounts/new``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_CREATE,
                {
                    "type": type,
                    "name": name,
                    "api_key": api_key,
                    "secret": secret,
                    "customer_id": customer_id,
                    "passphrase": passphrase,
                    "types_to_create": types_to_create,
                    "address": address,
                    "subaccount_name": subaccount_name,
                },
                Account,
            ),
        )

    async def transfer(
        self,
        *,
        currency: str,
        amount: Number,
        to_account_id: int,
        from_account_id: int,
    ) -> RawResponse[Any]:
        """Transfer a currency between two of your accounts.

        ``POST /ver1/accounts/transfer``: permission ACCOUNTS_WRITE, signed.
        """
        return await self._client._call_endpoint_raw(
            ACCOUNTS_TRANSFER,
            {
                "currency": currency,
                "amount": amount,
                "to_account_id": to_account_id,
                "from_account_id": from_account_id,
            },
            Any,
        )

    async def transfer_data(self) -> RawResponse[Any]:
        """Get the accounts and currencies available for transfers.

        ``GET /ver1/accounts/transfer_data``: permission ACCOUNTS_READ, signed.
        """
        return await self._client._call_endpoint_raw(ACCOUNTS_TRANSFER_DATA, {}, Any)

    async def transfer_history(
        self,
        *,
        account_id: int,
        currency: str,
        start_time: int | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> RawResponse[Any]:
        """List past transfers of a currency for an account.

        ``GET /ver1/accounts/transfer_history``: permission ACCOUNTS_READ, signed.
        """
        return await self._client._call_endpoint_raw(
            ACCOUNTS_TRANSFER_HISTORY,
            {
                "account_id": account_id,
                "currency": currency,
                "start_time": start_time,
                "page": page,
                "per_page": per_page,
            },
            Any,
        )

    async def types_to_connect(
        self,
        *,
        type: str,
        name: str,
        api_key: str | None = None,
        secret: str | None = None,
    ) -> RawResponse[builtins.list[AccountTypeToConnect]]:
        """List the related account types that can be connected with these credentials.

        ``GET /ver1/accounts/types_to_connect``: permission NONE, signed.
        """
        return cast(
            "RawResponse[builtins.list[AccountTypeToConnect]]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_TYPES_TO_CONNECT,
                {"type": type, "name": name, "api_key": api_key, "secret": secret},
                builtins.list[AccountTypeToConnect],
            ),
        )

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
    ) -> RawResponse[Account]:
        """Edit an exchange account's name, credentials or summary flag.

        ``POST /ver1/accounts/update``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_UPDATE,
                {
                    "account_id": account_id,
                    "name": name,
                    "api_key": api_key,
                    "secret": secret,
                    "customer_id": customer_id,
                    "passphrase": passphrase,
                    "include_in_summary": include_in_summary,
                    "subaccount_name": subaccount_name,
                    "address": address,
                },
                Account,
            ),
        )

    async def show(self, account_id: int) -> RawResponse[Account]:
        """Get one exchange account.

        ``GET /ver1/accounts/{account_id}``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(ACCOUNTS_SHOW, {"account_id": account_id}, Account),
        )

    async def table_data(self, account_id: int) -> RawResponse[builtins.list[AccountTableRow]]:
        """Get the per-currency balance table of an account.

        ``POST /ver1/accounts/{account_id}/account_table_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[builtins.list[AccountTableRow]]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_TABLE_DATA,
                {"account_id": account_id},
                builtins.list[AccountTableRow],
            ),
        )

    async def active_trading_entities(self, account_id: int) -> RawResponse[ActiveTradingEntities]:
        """Count the active bots, deals and smart trades on an account.

        ``GET /ver1/accounts/{account_id}/active_trading_entities``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[ActiveTradingEntities]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_ACTIVE_TRADING_ENTITIES,
                {"account_id": account_id},
                ActiveTradingEntities,
            ),
        )

    async def balance_chart_data(
        self,
        account_id: int,
        *,
        date_from: str,
        date_to: str | None = None,
    ) -> RawResponse[builtins.list[BalanceChartPoint]]:
        """Get the balance history chart of an account.

        ``GET /ver1/accounts/{account_id}/balance_chart_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[builtins.list[BalanceChartPoint]]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_BALANCE_CHART_DATA,
                {"account_id": account_id, "date_from": date_from, "date_to": date_to},
                builtins.list[BalanceChartPoint],
            ),
        )

    async def convert_dust_to_bnb(
        self,
        account_id: int,
        *,
        codes: Sequence[str] | None = None,
    ) -> RawResponse[DustConversion]:
        """Convert small balances to BNB (Binance).

        ``POST /ver1/accounts/{account_id}/convert_dust_to_bnb``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "RawResponse[DustConversion]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_CONVERT_DUST_TO_BNB,
                {"account_id": account_id, "codes": codes},
                DustConversion,
            ),
        )

    async def deposit_data(
        self,
        account_id: int,
        *,
        currency: str,
        address_tag: str | None = None,
        network: str | None = None,
    ) -> RawResponse[DepositData]:
        """Get a deposit address for a currency and network.

        ``GET /ver1/accounts/{account_id}/deposit_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[DepositData]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_DEPOSIT_DATA,
                {
                    "account_id": account_id,
                    "currency": currency,
                    "address_tag": address_tag,
                    "network": network,
                },
                DepositData,
            ),
        )

    async def leverage_data(
        self,
        account_id: int,
        *,
        pair: str,
    ) -> RawResponse[builtins.list[LeverageOption]]:
        """Get the leverage settings of a pair on a futures account.

        ``GET /ver1/accounts/{account_id}/leverage_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[builtins.list[LeverageOption]]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_LEVERAGE_DATA,
                {"account_id": account_id, "pair": pair},
                builtins.list[LeverageOption],
            ),
        )

    async def load_balances(self, account_id: int) -> RawResponse[Account]:
        """Refresh the balances of an account from the exchange.

        ``POST /ver1/accounts/{account_id}/load_balances``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_LOAD_BALANCES,
                {"account_id": account_id},
                Account,
            ),
        )

    async def networks_info(
        self,
        account_id: int,
        *,
        purpose: Literal["deposit", "withdraw"] | None = None,
    ) -> RawResponse[CurrencyNetworks]:
        """List the deposit or withdrawal networks of an account.

        ``GET /ver1/accounts/{account_id}/networks_info``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[CurrencyNetworks]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_NETWORKS_INFO,
                {"account_id": account_id, "purpose": purpose},
                CurrencyNetworks,
            ),
        )

    async def pie_chart_data(self, account_id: int) -> RawResponse[builtins.list[PieChartItem]]:
        """Get the balance distribution (pie chart) of an account.

        ``POST /ver1/accounts/{account_id}/pie_chart_data``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[builtins.list[PieChartItem]]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_PIE_CHART_DATA,
                {"account_id": account_id},
                builtins.list[PieChartItem],
            ),
        )

    async def remove(self, account_id: int) -> RawResponse[Any]:
        """Disconnect an exchange account.

        ``POST /ver1/accounts/{account_id}/remove``: permission ACCOUNTS_WRITE, signed.
        """
        return await self._client._call_endpoint_raw(ACCOUNTS_REMOVE, {"account_id": account_id}, Any)

    async def rename(self, account_id: int, *, name: str) -> RawResponse[Account]:
        """Rename an exchange account.

        ``POST /ver1/accounts/{account_id}/rename``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_RENAME,
                {"account_id": account_id, "name": name},
                Account,
            ),
        )

    async def sell_all_to_btc(self, account_id: int) -> RawResponse[Account]:
        """Sell every balance of an account to BTC.

        ``POST /ver1/accounts/{account_id}/sell_all_to_btc``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_SELL_ALL_TO_BTC,
                {"account_id": account_id},
                Account,
            ),
        )

    async def sell_all_to_usd(self, account_id: int) -> RawResponse[Account]:
        """Sell every balance of an account to USD(T).

        ``POST /ver1/accounts/{account_id}/sell_all_to_usd``: permission ACCOUNTS_WRITE, signed.
        """
        return cast(
            "RawResponse[Account]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_SELL_ALL_TO_USD,
                {"account_id": account_id},
                Account,
            ),
        )

    async def volume_daily(self, account_id: int, *, date: str | None = None) -> RawResponse[AccountVolume]:
        """Get the daily trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/daily``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[AccountVolume]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_VOLUME_DAILY,
                {"account_id": account_id, "date": date},
                AccountVolume,
            ),
        )

    async def volume_monthly(
        self,
        account_id: int,
        *,
        month: str | None = None,
    ) -> RawResponse[AccountVolume]:
        """Get the monthly trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/monthly``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[AccountVolume]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_VOLUME_MONTHLY,
                {"account_id": account_id, "month": month},
                AccountVolume,
            ),
        )

    async def volume_total(self, account_id: int) -> RawResponse[AccountVolume]:
        """Get the total trading volume of an account.

        ``GET /ver1/accounts/{account_id}/volume/total``: permission ACCOUNTS_READ, signed.
        """
        return cast(
            "RawResponse[AccountVolume]",
            await self._client._call_endpoint_raw(
                ACCOUNTS_VOLUME_TOTAL,
                {"account_id": account_id},
                AccountVolume,
            ),
        )
