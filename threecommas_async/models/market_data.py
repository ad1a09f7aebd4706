"""Market data: supported markets, currency rates and trading limits (camelCase keys map to snake_case), and the
per-account trading info DCA and smart-sell bots start from (balances and a ticker per pair)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ._base import ResponseModel, wire_name
from .account_data import LeverageOption

__all__ = [
    "AccountSmartSellInfo",
    "AccountTradeInfo",
    "CurrencyRates",
    "Market",
    "MarketFormField",
    "MarketFormFields",
    "MarketLimits",
]


@attrs.define(slots=True, kw_only=True)
class MarketFormField(ResponseModel):
    """A field the connection form asks for (``api_key``, ``secret``, ...)."""

    field: str | None = None
    localized_name: str | None = None


@attrs.define(slots=True, kw_only=True)
class MarketFormFields(ResponseModel):
    """The required and optional fields to connect an account on a market."""

    required: list[MarketFormField] | None = None
    optional: list[MarketFormField] | None = None


@attrs.define(slots=True, kw_only=True)
class Market(ResponseModel):
    """One row of ``GET /ver1/accounts/market_list``: an exchange 3Commas connects to."""

    market_name: str | None = None
    market_code: str | None = None
    market_url: str | None = None
    market_icon: str | None = None
    help_link: str | None = None
    form_fields: MarketFormFields | None = None
    available_connection_flows: list[str] | None = None
    third_party_allowed: bool | None = None
    trusted_ips: list[str] | None = None
    trusted_ips_input_type: str | None = None
    fast_connect_action_name: str | None = None


@attrs.define(slots=True, kw_only=True)
class MarketLimits(ResponseModel):
    """Price and lot limits of a pair (the ``limits`` of ``GET /ver1/deals/{deal_id}/data_for_adding_funds``)."""

    min_price: Decimal | None = attrs.field(default=None, metadata=wire_name("minPrice"))
    max_price: Decimal | None = attrs.field(default=None, metadata=wire_name("maxPrice"))
    price_step: Decimal | None = attrs.field(default=None, metadata=wire_name("priceStep"))
    price_multiplier_down: Decimal | None = attrs.field(default=None, metadata=wire_name("priceMultiplierDown"))
    price_multiplier_up: Decimal | None = attrs.field(default=None, metadata=wire_name("priceMultiplierUp"))
    min_lot_size: Decimal | None = attrs.field(default=None, metadata=wire_name("minLotSize"))
    max_lot_size: Decimal | None = attrs.field(default=None, metadata=wire_name("maxLotSize"))
    lot_step: Decimal | None = attrs.field(default=None, metadata=wire_name("lotStep"))
    min_total: Decimal | None = attrs.field(default=None, metadata=wire_name("minTotal"))
    max_market_buy_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("maxMarketBuyAmount"))
    max_market_sell_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("maxMarketSellAmount"))
    min_market_buy_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("minMarketBuyAmount"))
    min_market_sell_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("minMarketSellAmount"))
    market_buy_min_total: Decimal | None = attrs.field(default=None, metadata=wire_name("marketBuyMinTotal"))


@attrs.define(slots=True, kw_only=True)
class CurrencyRates(ResponseModel):
    """``GET /ver1/accounts/currency_rates`` (and ``..._with_leverage_data``, which adds ``leverage_data``)."""

    last: Decimal | None = None
    bid: Decimal | None = None
    ask: Decimal | None = None
    orderbook_ask: Decimal | None = None
    orderbook_bid: Decimal | None = None
    orderbook_last: Decimal | None = None
    orderbook_price_currency: str | None = None
    strategy_name: str | None = None
    contract_strategy_name: str | None = None
    instrument_kind: str | None = attrs.field(default=None, metadata=wire_name("instrumentKind"))
    min_price: Decimal | None = attrs.field(default=None, metadata=wire_name("minPrice"))
    max_price: Decimal | None = attrs.field(default=None, metadata=wire_name("maxPrice"))
    price_step: Decimal | None = attrs.field(default=None, metadata=wire_name("priceStep"))
    min_lot_size: Decimal | None = attrs.field(default=None, metadata=wire_name("minLotSize"))
    max_lot_size: Decimal | None = attrs.field(default=None, metadata=wire_name("maxLotSize"))
    lot_step: Decimal | None = attrs.field(default=None, metadata=wire_name("lotStep"))
    min_total: Decimal | None = attrs.field(default=None, metadata=wire_name("minTotal"))
    max_total: Decimal | None = attrs.field(default=None, metadata=wire_name("maxTotal"))
    min_market_total: Decimal | None = attrs.field(default=None, metadata=wire_name("minMarketTotal"))
    max_market_buy_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("maxMarketBuyAmount"))
    max_market_sell_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("maxMarketSellAmount"))
    min_market_buy_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("minMarketBuyAmount"))
    min_market_sell_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("minMarketSellAmount"))
    bid_multiplier_down: Decimal | None = attrs.field(default=None, metadata=wire_name("bidMultiplierDown"))
    bid_multiplier_up: Decimal | None = attrs.field(default=None, metadata=wire_name("bidMultiplierUp"))
    ask_multiplier_down: Decimal | None = attrs.field(default=None, metadata=wire_name("askMultiplierDown"))
    ask_multiplier_up: Decimal | None = attrs.field(default=None, metadata=wire_name("askMultiplierUp"))
    leverage_data: list[LeverageOption] | None = None


@attrs.define(slots=True, kw_only=True)
class AccountTradeInfo(ResponseModel):
    """``GET /ver1/bots/account_trade_info``: what an account can trade with DCA bots.

    ``available_for_trade_balances`` maps a currency code to the amount free for trading; ``ticker`` maps a
    pair to its rates and limits (the fields of ``currency_rates``; the exchange symbol, ``name``, is in
    ``extra``).
    """

    available_for_trade_balances: dict[str, Decimal] | None = None
    ticker: dict[str, CurrencyRates] | None = None


@attrs.define(slots=True, kw_only=True)
class AccountSmartSellInfo(ResponseModel):
    """``GET /ver1/bots/account_trade_info_smart_sell``: ``available_for_sell_balances`` (currency code to
    amount) and a ``ticker`` per pair, as in :class:`AccountTradeInfo`."""

    available_for_sell_balances: dict[str, Decimal] | None = None
    ticker: dict[str, CurrencyRates] | None = None
