# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``ResourceNamespaces``: the client mixin giving ``client.deals``, ``client.bots``, ...

Each namespace is created on first use (importing its module then) and cached on the client.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .._client import ThreeCommas
    from .accounts import Accounts
    from .bots import Bots
    from .deals import Deals
    from .general import General
    from .grid_bots import GridBots
    from .loose_accounts import LooseAccounts
    from .market_data import MarketData
    from .marketplace import Marketplace
    from .mini_apps import MiniApps
    from .portfolios import Portfolios
    from .smart_trades import SmartTrades
    from .trades import Trades
    from .users import Users

__all__ = ["ResourceNamespaces"]


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
