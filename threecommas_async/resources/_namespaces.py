# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``ResourceNamespaces``: the client mixin giving ``client.deals``, ``client.bots``, ...

Each namespace is created on first use (importing its module then) and cached on the client.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .._client import ThreeCommas
    from .accounts import Accounts, AccountsWithRawResponse
    from .bots import Bots, BotsWithRawResponse
    from .deals import Deals, DealsWithRawResponse
    from .general import General, GeneralWithRawResponse
    from .grid_bots import GridBots, GridBotsWithRawResponse
    from .loose_accounts import LooseAccounts, LooseAccountsWithRawResponse
    from .market_data import MarketData, MarketDataWithRawResponse
    from .marketplace import Marketplace, MarketplaceWithRawResponse
    from .mini_apps import MiniApps, MiniAppsWithRawResponse
    from .portfolios import Portfolios, PortfoliosWithRawResponse
    from .smart_trades import SmartTrades, SmartTradesWithRawResponse
    from .trades import Trades, TradesWithRawResponse
    from .users import Users, UsersWithRawResponse

__all__ = ["RawResponseNamespaces", "ResourceNamespaces"]


class ResourceNamespaces:
    """One cached property per API resource; ``ThreeCommas`` inherits it, so ``self`` is the client."""

    @functools.cached_property
    def general(self) -> General:
        """Connectivity and credentials: ping, server time, key check."""
        from .general import General

        return General(cast("ThreeCommas", self))

    @functools.cached_property
    def accounts(self) -> Accounts:
        """Connected exchange accounts: balances, transfers, deposits, volumes."""
        from .accounts import Accounts

        return Accounts(cast("ThreeCommas", self))

    @functools.cached_property
    def market_data(self) -> MarketData:
        """Markets, pairs and currency rates (unsigned)."""
        from .market_data import MarketData

        return MarketData(cast("ThreeCommas", self))

    @functools.cached_property
    def bots(self) -> Bots:
        """DCA bots: create, edit, enable, start deals, statistics."""
        from .bots import Bots

        return Bots(cast("ThreeCommas", self))

    @functools.cached_property
    def deals(self) -> Deals:
        """DCA bot deals: list, edit, cancel, panic sell, add funds, orders."""
        from .deals import Deals

        return Deals(cast("ThreeCommas", self))

    @functools.cached_property
    def grid_bots(self) -> GridBots:
        """Grid bots: create, edit, enable, orders, profits."""
        from .grid_bots import GridBots

        return GridBots(cast("ThreeCommas", self))

    @functools.cached_property
    def smart_trades(self) -> SmartTrades:
        """Smart trades (v2): position, take profit, stop loss, and their trades."""
        from .smart_trades import SmartTrades

        return SmartTrades(cast("ThreeCommas", self))

    @functools.cached_property
    def trades(self) -> Trades:
        """Simple trades: single market, limit or conditional orders."""
        from .trades import Trades

        return Trades(cast("ThreeCommas", self))

    @functools.cached_property
    def loose_accounts(self) -> LooseAccounts:
        """Loose (manual) accounts holding tokens tracked without an exchange."""
        from .loose_accounts import LooseAccounts

        return LooseAccounts(cast("ThreeCommas", self))

    @functools.cached_property
    def marketplace(self) -> Marketplace:
        """The signal and preset marketplace."""
        from .marketplace import Marketplace

        return Marketplace(cast("ThreeCommas", self))

    @functools.cached_property
    def portfolios(self) -> Portfolios:
        """Portfolios."""
        from .portfolios import Portfolios

        return Portfolios(cast("ThreeCommas", self))

    @functools.cached_property
    def users(self) -> Users:
        """The user: trading mode (paper or real), locale, key permissions."""
        from .users import Users

        return Users(cast("ThreeCommas", self))

    @functools.cached_property
    def mini_apps(self) -> MiniApps:
        """Mini-app credentials and storage."""
        from .mini_apps import MiniApps

        return MiniApps(cast("ThreeCommas", self))


class RawResponseNamespaces:
    """``client.with_raw_response``: every namespace's raw twin, each call returning a ``RawResponse``."""

    __slots__ = ("_client",)

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client

    @property
    def general(self) -> GeneralWithRawResponse:
        return self._client.general.with_raw_response

    @property
    def accounts(self) -> AccountsWithRawResponse:
        return self._client.accounts.with_raw_response

    @property
    def market_data(self) -> MarketDataWithRawResponse:
        return self._client.market_data.with_raw_response

    @property
    def bots(self) -> BotsWithRawResponse:
        return self._client.bots.with_raw_response

    @property
    def deals(self) -> DealsWithRawResponse:
        return self._client.deals.with_raw_response

    @property
    def grid_bots(self) -> GridBotsWithRawResponse:
        return self._client.grid_bots.with_raw_response

    @property
    def smart_trades(self) -> SmartTradesWithRawResponse:
        return self._client.smart_trades.with_raw_response

    @property
    def trades(self) -> TradesWithRawResponse:
        return self._client.trades.with_raw_response

    @property
    def loose_accounts(self) -> LooseAccountsWithRawResponse:
        return self._client.loose_accounts.with_raw_response

    @property
    def marketplace(self) -> MarketplaceWithRawResponse:
        return self._client.marketplace.with_raw_response

    @property
    def portfolios(self) -> PortfoliosWithRawResponse:
        return self._client.portfolios.with_raw_response

    @property
    def users(self) -> UsersWithRawResponse:
        return self._client.users.with_raw_response

    @property
    def mini_apps(self) -> MiniAppsWithRawResponse:
        return self._client.mini_apps.with_raw_response
