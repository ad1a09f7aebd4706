# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""Every documented 3Commas endpoint as an ``Endpoint`` constant (from ``.._endpoint``).

``ENDPOINTS`` lists them in spec order; ``BY_NAME`` finds one by ``"resource.method"`` (``"deals.list"``).
Paths keep the documented ``{wire_name}`` placeholders; parameters map Python names to wire names.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .._endpoint import Endpoint, Param
from ..models import (
    Account,
    AccountSmartSellInfo,
    AccountTableRow,
    AccountTradeInfo,
    AccountTransfer,
    AccountTypeToConnect,
    AccountVolume,
    ActiveTradingEntities,
    AvailableStrategy,
    BalanceChartPoint,
    Bot,
    BotCopyResult,
    BotDealsStats,
    BotEvent,
    BotProfitByDay,
    BotStats,
    BotStatsByDate,
    CredentialsValidity,
    CurrencyNetworks,
    CurrencyRates,
    Deal,
    DealAddFundsInfo,
    DepositData,
    DustConversion,
    GridBot,
    GridBotMarketOrders,
    GridBotProfit,
    GridBotRequiredBalances,
    LeverageOption,
    LooseAccount,
    Market,
    MarketOrder,
    MarketplaceItem,
    MarketplacePresets,
    MarketplaceSignal,
    PairsBlacklist,
    PieChartItem,
    Ping,
    Portfolio,
    ServerTime,
    SimpleTradeEnvelope,
    SimpleTradeList,
    SmartTrade,
    SmartTradeReduceFundsInfo,
    SmartTradeTrade,
)

__all__ = ["BY_NAME", "ENDPOINTS"]


GENERAL_PING: Endpoint[Ping] = Endpoint("general", "ping", "GET", "/ver1/ping", "NONE", Ping, signed=False)

GENERAL_TIME: Endpoint[ServerTime] = Endpoint(
    "general", "time", "GET", "/ver1/time", "NONE", ServerTime, signed=False,
)

GENERAL_VALIDATE_CREDENTIALS: Endpoint[CredentialsValidity] = Endpoint(
    "general", "validate_credentials", "GET", "/ver1/validate", "NONE", CredentialsValidity,
)

ACCOUNTS_LIST: Endpoint[list[Account]] = Endpoint(
    "accounts", "list", "GET", "/ver1/accounts", "ACCOUNTS_READ", list[Account], pagination="page",
    max_page_size=100,
    params=(
        Param("api_key", "api_key", "string", "query"),
        Param("page", "page", "integer", "query", minimum=Decimal("1")),
        Param("per_page", "per_page", "integer", "query", minimum=Decimal("1"), maximum=Decimal("100")),
    ),
)

ACCOUNTS_CREATE: Endpoint[Account] = Endpoint(
    "accounts", "create", "POST", "/ver1/accounts/new", "ACCOUNTS_WRITE", Account,
    params=(
        Param("type", "type", "string", "body", required=True),
        Param("name", "name", "string", "body", required=True),
        Param("api_key", "api_key", "string", "body"),
        Param("secret", "secret", "string", "body"),
        Param("customer_id", "customer_id", "string", "body"),
        Param("passphrase", "passphrase", "string", "body"),
        Param("types_to_create", "types_to_create", "array", "body", item_type="string"),
        Param("address", "address", "string", "body"),
        Param("subaccount_name", "subaccount_name", "string", "body"),
    ),
)

ACCOUNTS_TRANSFER: Endpoint[AccountTransfer] = Endpoint(
    "accounts", "transfer", "POST", "/ver1/accounts/transfer", "ACCOUNTS_WRITE", AccountTransfer,
    params=(
        Param("currency", "currency", "string", "body", required=True),
        Param("amount", "amount", "number", "body", required=True),
        Param("to_account_id", "to_account_id", "integer", "body", required=True, minimum=Decimal("1")),
        Param("from_account_id", "from_account_id", "integer", "body", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_TRANSFER_DATA: Endpoint[Any] = Endpoint(
    "accounts", "transfer_data", "GET", "/ver1/accounts/transfer_data", "ACCOUNTS_READ", Any,
)

ACCOUNTS_TRANSFER_HISTORY: Endpoint[Any] = Endpoint(
    "accounts", "transfer_history", "GET", "/ver1/accounts/transfer_history", "ACCOUNTS_READ", Any,
    params=(
        Param("account_id", "account_id", "integer", "query", required=True, minimum=Decimal("1")),
        Param("currency", "currency", "string", "query", required=True),
        Param("start_time", "start_time", "integer", "query"),
        Param("page", "page", "integer", "query", minimum=Decimal("1")),
        Param("per_page", "per_page", "integer", "query", minimum=Decimal("1")),
    ),
)

ACCOUNTS_TYPES_TO_CONNECT: Endpoint[list[AccountTypeToConnect]] = Endpoint(
    "accounts", "types_to_connect", "GET", "/ver1/accounts/types_to_connect", "NONE",
    list[AccountTypeToConnect],
    params=(
        Param("type", "type", "string", "query", required=True),
        Param("name", "name", "string", "query", required=True),
        Param("api_key", "api_key", "string", "query"),
        Param("secret", "secret", "string", "query"),
    ),
)

ACCOUNTS_UPDATE: Endpoint[Account] = Endpoint(
    "accounts", "update", "POST", "/ver1/accounts/update", "ACCOUNTS_WRITE", Account,
    params=(
        Param("account_id", "account_id", "integer", "body", required=True, minimum=Decimal("1")),
        Param("name", "name", "string", "body"),
        Param("api_key", "api_key", "string", "body"),
        Param("secret", "secret", "string", "body"),
        Param("customer_id", "customer_id", "string", "body"),
        Param("passphrase", "passphrase", "string", "body"),
        Param("include_in_summary", "include_in_summary", "boolean", "body"),
        Param("subaccount_name", "subaccount_name", "string", "body"),
        Param("address", "address", "string", "body"),
    ),
)

ACCOUNTS_SHOW: Endpoint[Account] = Endpoint(
    "accounts", "show", "GET", "/ver1/accounts/{account_id}", "ACCOUNTS_READ", Account,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_TABLE_DATA: Endpoint[list[AccountTableRow]] = Endpoint(
    "accounts", "table_data", "POST", "/ver1/accounts/{account_id}/account_table_data", "ACCOUNTS_READ",
    list[AccountTableRow],
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_ACTIVE_TRADING_ENTITIES: Endpoint[ActiveTradingEntities] = Endpoint(
    "accounts", "active_trading_entities", "GET", "/ver1/accounts/{account_id}/active_trading_entities",
    "ACCOUNTS_READ", ActiveTradingEntities,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_BALANCE_CHART_DATA: Endpoint[list[BalanceChartPoint]] = Endpoint(
    "accounts", "balance_chart_data", "GET", "/ver1/accounts/{account_id}/balance_chart_data",
    "ACCOUNTS_READ", list[BalanceChartPoint],
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("date_from", "date_from", "string", "query", required=True, format="date-time"),
        Param("date_to", "date_to", "string", "query", format="date-time"),
    ),
)

ACCOUNTS_CONVERT_DUST_TO_BNB: Endpoint[DustConversion] = Endpoint(
    "accounts", "convert_dust_to_bnb", "POST", "/ver1/accounts/{account_id}/convert_dust_to_bnb",
    "ACCOUNTS_WRITE", DustConversion,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("codes", "codes", "array", "body", item_type="string"),
    ),
)

ACCOUNTS_DEPOSIT_DATA: Endpoint[DepositData] = Endpoint(
    "accounts", "deposit_data", "GET", "/ver1/accounts/{account_id}/deposit_data", "ACCOUNTS_READ",
    DepositData,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("currency", "currency", "string", "query", required=True),
        Param("address_tag", "address_tag", "string", "query"),
        Param("network", "network", "string", "query"),
    ),
)

ACCOUNTS_LEVERAGE_DATA: Endpoint[list[LeverageOption]] = Endpoint(
    "accounts", "leverage_data", "GET", "/ver1/accounts/{account_id}/leverage_data", "ACCOUNTS_READ",
    list[LeverageOption],
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("pair", "pair", "string", "query", required=True),
    ),
)

ACCOUNTS_LOAD_BALANCES: Endpoint[Account] = Endpoint(
    "accounts", "load_balances", "POST", "/ver1/accounts/{account_id}/load_balances", "ACCOUNTS_READ",
    Account,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_NETWORKS_INFO: Endpoint[CurrencyNetworks] = Endpoint(
    "accounts", "networks_info", "GET", "/ver1/accounts/{account_id}/networks_info", "ACCOUNTS_READ",
    CurrencyNetworks,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("purpose", "purpose", "string", "query", enum=("deposit", "withdraw")),
    ),
)

ACCOUNTS_PIE_CHART_DATA: Endpoint[list[PieChartItem]] = Endpoint(
    "accounts", "pie_chart_data", "POST", "/ver1/accounts/{account_id}/pie_chart_data", "ACCOUNTS_READ",
    list[PieChartItem],
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_REMOVE: Endpoint[bool] = Endpoint(
    "accounts", "remove", "POST", "/ver1/accounts/{account_id}/remove", "ACCOUNTS_WRITE", bool,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_RENAME: Endpoint[Account] = Endpoint(
    "accounts", "rename", "POST", "/ver1/accounts/{account_id}/rename", "ACCOUNTS_WRITE", Account,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("name", "name", "string", "body", required=True),
    ),
)

ACCOUNTS_SELL_ALL_TO_BTC: Endpoint[Account] = Endpoint(
    "accounts", "sell_all_to_btc", "POST", "/ver1/accounts/{account_id}/sell_all_to_btc", "ACCOUNTS_WRITE",
    Account,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_SELL_ALL_TO_USD: Endpoint[Account] = Endpoint(
    "accounts", "sell_all_to_usd", "POST", "/ver1/accounts/{account_id}/sell_all_to_usd", "ACCOUNTS_WRITE",
    Account,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

ACCOUNTS_VOLUME_DAILY: Endpoint[AccountVolume] = Endpoint(
    "accounts", "volume_daily", "GET", "/ver1/accounts/{account_id}/volume/daily", "ACCOUNTS_READ",
    AccountVolume,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("date", "date", "string", "query", format="date"),
    ),
)

ACCOUNTS_VOLUME_MONTHLY: Endpoint[AccountVolume] = Endpoint(
    "accounts", "volume_monthly", "GET", "/ver1/accounts/{account_id}/volume/monthly", "ACCOUNTS_READ",
    AccountVolume,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("month", "month", "string", "query"),
    ),
)

ACCOUNTS_VOLUME_TOTAL: Endpoint[AccountVolume] = Endpoint(
    "accounts", "volume_total", "GET", "/ver1/accounts/{account_id}/volume/total", "ACCOUNTS_READ",
    AccountVolume,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

MARKET_DATA_PAIRS: Endpoint[list[str]] = Endpoint(
    "market_data", "pairs", "GET", "/v2/accounts/market_pairs", "NONE", list[str], signed=False,
    params=(
        Param("market_code", "market_code", "string", "query"),
    ),
)

MARKET_DATA_CURRENCY_RATES: Endpoint[CurrencyRates] = Endpoint(
    "market_data", "currency_rates", "GET", "/ver1/accounts/currency_rates", "NONE", CurrencyRates,
    signed=False,
    params=(
        Param("market_code", "market_code", "string", "query"),
        Param("pair", "pair", "string", "query", required=True),
        Param("limit_type", "limit_type", "string", "query", enum=("bot", "smart_trade")),
        Param("pretty_display_type", "pretty_display_type", "string", "query"),
    ),
)

MARKET_DATA_CURRENCY_RATES_WITH_LEVERAGE: Endpoint[CurrencyRates] = Endpoint(
    "market_data", "currency_rates_with_leverage", "GET", "/ver1/accounts/currency_rates_with_leverage_data",
    "NONE", CurrencyRates, signed=False,
    params=(
        Param("market_code", "market_code", "string", "query", required=True),
        Param("pair", "pair", "string", "query", required=True),
    ),
)

MARKET_DATA_MARKETS: Endpoint[list[Market]] = Endpoint(
    "market_data", "markets", "GET", "/ver1/accounts/market_list", "NONE", list[Market], signed=False,
)

MARKET_DATA_PAIRS_V1: Endpoint[list[str]] = Endpoint(
    "market_data", "pairs_v1", "GET", "/ver1/accounts/market_pairs", "NONE", list[str], signed=False,
    params=(
        Param("market_code", "market_code", "string", "query"),
        Param("pretty_display_type", "pretty_display_type", "string", "query"),
    ),
)

BOTS_LIST: Endpoint[list[Bot]] = Endpoint(
    "bots", "list", "GET", "/ver1/bots", "BOTS_READ", list[Bot], pagination="offset", max_page_size=100,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("strategy", "strategy", "string", "query", enum=("long", "short")),
        Param("order_direction", "order_direction", "string", "query", enum=("ASC", "DESC", "asc", "desc")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1"), maximum=Decimal("100")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
        Param("from_", "from", "string", "query", format="date-time"),
        Param("scope", "scope", "string", "query", enum=("enabled", "disabled")),
        Param("sort_by", "sort_by", "string", "query", enum=("created_at", "updated_at", "profit")),
        Param("quote", "quote", "string", "query"),
        Param("sort_direction", "sort_direction", "string", "query", enum=("asc", "desc")),
        Param("form_type", "form_type", "string", "query", enum=("gordon", "advanced")),
    ),
)

BOTS_ACCOUNT_TRADE_INFO: Endpoint[AccountTradeInfo] = Endpoint(
    "bots", "account_trade_info", "GET", "/ver1/bots/account_trade_info", "NONE", AccountTradeInfo,
    params=(
        Param("account_id", "account_id", "integer", "query", required=True, minimum=Decimal("1")),
    ),
)

BOTS_ACCOUNT_TRADE_INFO_SMART_SELL: Endpoint[AccountSmartSellInfo] = Endpoint(
    "bots", "account_trade_info_smart_sell", "GET", "/ver1/bots/account_trade_info_smart_sell", "NONE",
    AccountSmartSellInfo,
    params=(
        Param("account_id", "account_id", "integer", "query", required=True, minimum=Decimal("1")),
    ),
)

BOTS_CREATE: Endpoint[Bot] = Endpoint(
    "bots", "create", "POST", "/ver1/bots/create_bot", "BOTS_WRITE", Bot,
    params=(
        Param("name", "name", "string", "body", required=True),
        Param("account_id", "account_id", "integer", "body", required=True, minimum=Decimal("1")),
        Param("pairs", "pairs", "array", "body", required=True, item_type="string", single=True),
        Param("max_active_deals", "max_active_deals", "integer", "body",
            minimum=Decimal("1"),
            maximum=Decimal("199"),
        ),
        Param("strategy", "strategy", "string", "body", enum=("short", "long")),
        Param("profit_currency", "profit_currency", "string", "body",
            enum=("base_currency", "quote_currency"),
        ),
        Param("base_order_volume_type", "base_order_volume_type", "string", "body",
            enum=("quote_currency", "base_currency", "percent"),
        ),
        Param("base_order_volume", "base_order_volume", "number", "body", required=True),
        Param("start_order_type", "start_order_type", "string", "body", enum=("limit", "market")),
        Param("strategy_list", "strategy_list", "array", "body", required=True, item_type="object"),
        Param("leverage_type", "leverage_type", "string", "body",
            enum=("custom", "cross", "not_specified", "isolated"),
        ),
        Param("leverage_custom_value", "leverage_custom_value", "number", "body"),
        Param("trailing_enabled", "trailing_enabled", "boolean", "body"),
        Param("trailing_deviation", "trailing_deviation", "number", "body"),
        Param("take_profit_type", "take_profit_type", "string", "body",
            required=True,
            enum=("base", "total"),
        ),
        Param("take_profit", "take_profit", "number", "body", required=True),
        Param("take_profit_steps", "take_profit_steps", "array", "body", item_type="object"),
        Param("close_strategy_list", "close_strategy_list", "array", "body", item_type="object"),
        Param("min_profit_type", "min_profit_type", "string", "body",
            enum=("base_order_volume", "total_bought_volume"),
        ),
        Param("min_profit_percentage", "min_profit_percentage", "number", "body"),
        Param("reinvesting_percentage", "reinvesting_percentage", "number", "body",
            minimum=Decimal("0"),
            maximum=Decimal("100"),
        ),
        Param("stop_loss_percentage", "stop_loss_percentage", "number", "body"),
        Param("stop_loss_type", "stop_loss_type", "string", "body",
            enum=("stop_loss", "stop_loss_and_disable_bot"),
        ),
        Param("tsl_enabled", "tsl_enabled", "boolean", "body"),
        Param("sl_to_breakeven_enabled", "sl_to_breakeven_enabled", "boolean", "body"),
        Param("sl_to_breakeven_data", "sl_to_breakeven_data", "object", "body"),
        Param("stop_loss_timeout_enabled", "stop_loss_timeout_enabled", "boolean", "body"),
        Param("stop_loss_timeout_in_seconds", "stop_loss_timeout_in_seconds", "integer", "body"),
        Param("risk_reduction_percentage", "risk_reduction_percentage", "number", "body"),
        Param("safety_order_step_percentage", "safety_order_step_percentage", "number", "body",
            required=True,
        ),
        Param("safety_order_volume_type", "safety_order_volume_type", "string", "body",
            enum=("quote_currency", "base_currency", "percent", "xbt"),
        ),
        Param("safety_order_volume", "safety_order_volume", "number", "body", required=True),
        Param("safety_strategy_list", "safety_strategy_list", "array", "body", item_type="object"),
        Param("max_safety_orders", "max_safety_orders", "integer", "body",
            required=True,
            minimum=Decimal("0"),
            maximum=Decimal("200"),
        ),
        Param("active_safety_orders_count", "active_safety_orders_count", "integer", "body", required=True),
        Param("martingale_volume_coefficient", "martingale_volume_coefficient", "number", "body",
            required=True,
            minimum=Decimal("0.1"),
            maximum=Decimal("10"),
        ),
        Param("martingale_step_coefficient", "martingale_step_coefficient", "number", "body",
            required=True,
            minimum=Decimal("0.1"),
            maximum=Decimal("10"),
        ),
        Param("custom_safety_steps", "custom_safety_steps", "array", "body",
            item_type="object",
            fields=(
                Param("deviation", "deviation", "number", "body",
                    minimum=Decimal("-100"),
                    maximum=Decimal("10000"),
                ),
                Param("size", "size", "number", "body"),
            ),
        ),
        Param("min_volume_btc_24h", "min_volume_btc_24h", "number", "body"),
        Param("min_price", "min_price", "number", "body"),
        Param("max_price", "max_price", "number", "body"),
        Param("deal_start_delay_seconds", "deal_start_delay_seconds", "integer", "body"),
        Param("cooldown", "cooldown", "number", "body", minimum=Decimal("0"), maximum=Decimal("2592000")),
        Param("disable_after_deals_count", "disable_after_deals_count", "integer", "body"),
        Param("allowed_deals_on_same_pair", "allowed_deals_on_same_pair", "integer", "body"),
        Param("min_price_percentage", "min_price_percentage", "number", "body"),
        Param("max_price_percentage", "max_price_percentage", "number", "body"),
        Param("close_deals_timeout", "close_deals_timeout", "integer", "body", minimum=Decimal("60")),
        Param("btc_price_limit", "btc_price_limit", "number", "body"),
    ),
)

BOTS_PAIRS_BLACKLIST: Endpoint[PairsBlacklist] = Endpoint(
    "bots", "pairs_blacklist", "GET", "/ver1/bots/pairs_black_list", "BOTS_READ", PairsBlacklist,
)

BOTS_STATS: Endpoint[BotStats] = Endpoint(
    "bots", "stats", "GET", "/ver1/bots/stats", "BOTS_READ", BotStats,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("bot_id", "bot_id", "integer", "query", minimum=Decimal("1")),
    ),
)

BOTS_STATS_BY_DATE: Endpoint[BotStatsByDate] = Endpoint(
    "bots", "stats_by_date", "GET", "/ver1/bots/stats_by_date", "BOTS_READ", BotStatsByDate,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("bot_id", "bot_id", "integer", "query", minimum=Decimal("1")),
        Param("date", "date", "string", "query", required=True, format="date"),
    ),
)

BOTS_STRATEGIES: Endpoint[dict[str, AvailableStrategy]] = Endpoint(
    "bots", "strategies", "GET", "/ver1/bots/strategy_list", "BOTS_READ", dict[str, AvailableStrategy],
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("type", "type", "string", "query", enum=("long", "short")),
        Param("strategy", "strategy", "string", "query", enum=("simple", "composite")),
    ),
)

BOTS_UPDATE_PAIRS_BLACKLIST: Endpoint[PairsBlacklist] = Endpoint(
    "bots", "update_pairs_blacklist", "POST", "/ver1/bots/update_pairs_black_list", "BOTS_WRITE",
    PairsBlacklist,
    params=(
        Param("pairs", "pairs", "string", "body", required=True),
    ),
)

BOTS_CANCEL_ALL_DEALS: Endpoint[Bot] = Endpoint(
    "bots", "cancel_all_deals", "POST", "/ver1/bots/{bot_id}/cancel_all_deals", "BOTS_WRITE", Bot,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

BOTS_COPY: Endpoint[BotCopyResult] = Endpoint(
    "bots", "copy", "POST", "/ver1/bots/{bot_id}/copy_and_create", "BOTS_WRITE", BotCopyResult,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("name", "name", "string", "body", required=True),
        Param("secret", "secret", "string", "body", required=True),
        Param("amount", "amount", "number", "body"),
    ),
)

BOTS_DEALS_STATS: Endpoint[BotDealsStats] = Endpoint(
    "bots", "deals_stats", "GET", "/ver1/bots/{bot_id}/deals_stats", "BOTS_READ", BotDealsStats,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

BOTS_DELETE: Endpoint[bool] = Endpoint(
    "bots", "delete", "POST", "/ver1/bots/{bot_id}/delete", "BOTS_WRITE", bool,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

BOTS_DISABLE: Endpoint[Bot] = Endpoint(
    "bots", "disable", "POST", "/ver1/bots/{bot_id}/disable", "BOTS_WRITE", Bot,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

BOTS_ENABLE: Endpoint[Bot] = Endpoint(
    "bots", "enable", "POST", "/ver1/bots/{bot_id}/enable", "BOTS_WRITE", Bot,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

BOTS_PANIC_SELL_ALL_DEALS: Endpoint[Bot] = Endpoint(
    "bots", "panic_sell_all_deals", "POST", "/ver1/bots/{bot_id}/panic_sell_all_deals", "BOTS_WRITE", Bot,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

BOTS_PROFIT_BY_DAY: Endpoint[BotProfitByDay] = Endpoint(
    "bots", "profit_by_day", "GET", "/ver1/bots/{bot_id}/profit_by_day", "BOTS_READ", BotProfitByDay,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("days", "days", "integer", "query"),
    ),
)

BOTS_SHOW: Endpoint[Bot] = Endpoint(
    "bots", "show", "GET", "/ver1/bots/{bot_id}/show", "BOTS_READ", Bot,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("include_events", "include_events", "boolean", "query"),
    ),
)

BOTS_START_NEW_DEAL: Endpoint[Deal] = Endpoint(
    "bots", "start_new_deal", "POST", "/ver1/bots/{bot_id}/start_new_deal", "BOTS_WRITE", Deal,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("pair", "pair", "string", "body"),
        Param("skip_signal_checks", "skip_signal_checks", "boolean", "body"),
        Param("skip_open_deals_checks", "skip_open_deals_checks", "boolean", "body"),
        Param("only_for_enabled", "only_for_enabled", "boolean", "body"),
    ),
)

BOTS_UPDATE: Endpoint[Bot] = Endpoint(
    "bots", "update", "PATCH", "/ver1/bots/{bot_id}/update", "BOTS_WRITE", Bot,
    params=(
        Param("bot_id", "bot_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("name", "name", "string", "body", required=True),
        Param("pairs", "pairs", "array", "body", required=True, item_type="string", single=True),
        Param("take_profit", "take_profit", "number", "body", required=True),
        Param("max_active_deals", "max_active_deals", "integer", "body",
            minimum=Decimal("1"),
            maximum=Decimal("199"),
        ),
        Param("base_order_volume_type", "base_order_volume_type", "string", "body",
            enum=("quote_currency", "base_currency", "percent"),
        ),
        Param("base_order_volume", "base_order_volume", "number", "body", required=True),
        Param("take_profit_steps", "take_profit_steps", "array", "body", item_type="object"),
        Param("safety_order_volume", "safety_order_volume", "number", "body", required=True),
        Param("safety_order_volume_type", "safety_order_volume_type", "string", "body",
            enum=("quote_currency", "base_currency", "percent", "xbt"),
        ),
        Param("martingale_volume_coefficient", "martingale_volume_coefficient", "number", "body",
            required=True,
            minimum=Decimal("0.1"),
            maximum=Decimal("10"),
        ),
        Param("martingale_step_coefficient", "martingale_step_coefficient", "number", "body",
            required=True,
            minimum=Decimal("0.1"),
            maximum=Decimal("10"),
        ),
        Param("custom_safety_steps", "custom_safety_steps", "array", "body",
            item_type="object",
            fields=(
                Param("deviation", "deviation", "number", "body",
                    minimum=Decimal("-100"),
                    maximum=Decimal("10000"),
                ),
                Param("size", "size", "number", "body"),
            ),
        ),
        Param("max_safety_orders", "max_safety_orders", "integer", "body",
            required=True,
            minimum=Decimal("0"),
            maximum=Decimal("200"),
        ),
        Param("active_safety_orders_count", "active_safety_orders_count", "integer", "body", required=True),
        Param("stop_loss_percentage", "stop_loss_percentage", "number", "body"),
        Param("sl_to_breakeven_enabled", "sl_to_breakeven_enabled", "boolean", "body"),
        Param("sl_to_breakeven_data", "sl_to_breakeven_data", "object", "body"),
        Param("cooldown", "cooldown", "number", "body", minimum=Decimal("0"), maximum=Decimal("2592000")),
        Param("trailing_enabled", "trailing_enabled", "boolean", "body"),
        Param("trailing_deviation", "trailing_deviation", "number", "body"),
        Param("safety_order_step_percentage", "safety_order_step_percentage", "number", "body",
            required=True,
        ),
        Param("take_profit_type", "take_profit_type", "string", "body",
            required=True,
            enum=("base", "total"),
        ),
        Param("strategy_list", "strategy_list", "array", "body", required=True, item_type="object"),
        Param("leverage_type", "leverage_type", "string", "body",
            enum=("custom", "cross", "not_specified", "isolated"),
        ),
        Param("leverage_custom_value", "leverage_custom_value", "number", "body"),
        Param("stop_loss_timeout_enabled", "stop_loss_timeout_enabled", "boolean", "body"),
        Param("stop_loss_timeout_in_seconds", "stop_loss_timeout_in_seconds", "integer", "body"),
        Param("tsl_enabled", "tsl_enabled", "boolean", "body"),
        Param("min_volume_btc_24h", "min_volume_btc_24h", "number", "body"),
        Param("deal_start_delay_seconds", "deal_start_delay_seconds", "integer", "body"),
        Param("profit_currency", "profit_currency", "string", "body",
            enum=("base_currency", "quote_currency"),
        ),
        Param("start_order_type", "start_order_type", "string", "body", enum=("limit", "market")),
        Param("stop_loss_type", "stop_loss_type", "string", "body",
            enum=("stop_loss", "stop_loss_and_disable_bot"),
        ),
        Param("disable_after_deals_count", "disable_after_deals_count", "integer", "body"),
        Param("allowed_deals_on_same_pair", "allowed_deals_on_same_pair", "integer", "body"),
        Param("min_profit_percentage", "min_profit_percentage", "number", "body"),
        Param("min_profit_type", "min_profit_type", "string", "body",
            enum=("base_order_volume", "total_bought_volume"),
        ),
        Param("close_strategy_list", "close_strategy_list", "array", "body", item_type="object"),
        Param("risk_reduction_percentage", "risk_reduction_percentage", "number", "body"),
        Param("reinvesting_percentage", "reinvesting_percentage", "number", "body",
            minimum=Decimal("0"),
            maximum=Decimal("100"),
        ),
        Param("min_price_percentage", "min_price_percentage", "number", "body"),
        Param("max_price_percentage", "max_price_percentage", "number", "body"),
        Param("close_deals_timeout", "close_deals_timeout", "integer", "body", minimum=Decimal("60")),
        Param("btc_price_limit", "btc_price_limit", "number", "body"),
        Param("min_price", "min_price", "number", "body"),
        Param("max_price", "max_price", "number", "body"),
    ),
)

DEALS_LIST: Endpoint[list[Deal]] = Endpoint(
    "deals", "list", "GET", "/ver1/deals", "BOTS_READ", list[Deal], pagination="offset", max_page_size=1000,
    params=(
        Param("bot_id", "bot_id", "integer", "query", minimum=Decimal("1")),
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1"), maximum=Decimal("1000")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
        Param("from_", "from", "string", "query", format="date-time"),
        Param("to", "to", "string", "query", format="date-time"),
        Param("scope", "scope", "string", "query",
            enum=("active", "finished", "completed", "cancelled", "failed"),
        ),
        Param("order", "order", "string", "query",
            enum=("created_at", "updated_at", "closed_at", "profit", "profit_percentage"),
        ),
        Param("order_direction", "order_direction", "string", "query", enum=("ASC", "DESC", "asc", "desc")),
        Param("base", "base", "string", "query"),
        Param("quote", "quote", "string", "query"),
        Param("note", "note", "string", "query"),
    ),
)

DEALS_ADD_FUNDS: Endpoint[MarketOrder] = Endpoint(
    "deals", "add_funds", "POST", "/ver1/deals/{deal_id}/add_funds", "BOTS_WRITE", MarketOrder,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("quantity", "quantity", "number", "body", required=True),
        Param("is_market", "is_market", "boolean", "body", required=True),
        Param("response_type", "response_type", "string", "body", enum=("deal", "market_order", "empty")),
        Param("rate", "rate", "number", "body", required=True),
    ),
)

DEALS_CANCEL: Endpoint[Deal] = Endpoint(
    "deals", "cancel", "POST", "/ver1/deals/{deal_id}/cancel", "BOTS_WRITE", Deal,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

DEALS_CANCEL_ORDER: Endpoint[list[MarketOrder]] = Endpoint(
    "deals", "cancel_order", "POST", "/ver1/deals/{deal_id}/cancel_order", "BOTS_WRITE", list[MarketOrder],
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("order_id", "order_id", "integer", "body", required=True, minimum=Decimal("1")),
    ),
)

DEALS_CONVERT_TO_SMART_TRADE: Endpoint[SmartTrade] = Endpoint(
    "deals", "convert_to_smart_trade", "POST", "/ver1/deals/{deal_id}/convert_to_smart_trade",
    "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("stop_bot", "stop_bot", "boolean", "body"),
    ),
)

DEALS_DATA_FOR_ADDING_FUNDS: Endpoint[DealAddFundsInfo] = Endpoint(
    "deals", "data_for_adding_funds", "GET", "/ver1/deals/{deal_id}/data_for_adding_funds", "BOTS_READ",
    DealAddFundsInfo,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

DEALS_MARKET_ORDERS: Endpoint[list[MarketOrder]] = Endpoint(
    "deals", "market_orders", "GET", "/ver1/deals/{deal_id}/market_orders", "BOTS_READ", list[MarketOrder],
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

DEALS_PANIC_SELL: Endpoint[Deal] = Endpoint(
    "deals", "panic_sell", "POST", "/ver1/deals/{deal_id}/panic_sell", "BOTS_WRITE", Deal,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

DEALS_PANIC_SELL_STEP: Endpoint[Deal] = Endpoint(
    "deals", "panic_sell_step", "POST", "/ver1/deals/{deal_id}/panic_sell_step", "BOTS_WRITE", Deal,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("trade_id", "trade_id", "integer", "body", required=True, minimum=Decimal("1")),
    ),
)

DEALS_SHOW: Endpoint[Deal] = Endpoint(
    "deals", "show", "GET", "/ver1/deals/{deal_id}/show", "BOTS_READ", Deal,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

DEALS_UPDATE: Endpoint[Deal] = Endpoint(
    "deals", "update", "PATCH", "/ver1/deals/{deal_id}/update_deal", "BOTS_WRITE", Deal,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("take_profit", "take_profit", "number", "body"),
        Param("take_profit_steps", "take_profit_steps", "array", "body", item_type="object"),
        Param("profit_currency", "profit_currency", "string", "body",
            enum=("quote_currency", "base_currency"),
        ),
        Param("take_profit_type", "take_profit_type", "string", "body", enum=("base", "total")),
        Param("trailing_enabled", "trailing_enabled", "boolean", "body"),
        Param("sl_to_breakeven_enabled", "sl_to_breakeven_enabled", "boolean", "body"),
        Param("sl_to_breakeven_data", "sl_to_breakeven_data", "object", "body"),
        Param("max_safety_orders", "max_safety_orders", "integer", "body",
            minimum=Decimal("0"),
            maximum=Decimal("200"),
        ),
        Param("active_safety_orders_count", "active_safety_orders_count", "integer", "body"),
        Param("custom_safety_steps", "custom_safety_steps", "array", "body",
            item_type="object",
            fields=(
                Param("deviation", "deviation", "number", "body",
                    minimum=Decimal("-100"),
                    maximum=Decimal("10000"),
                ),
                Param("size", "size", "number", "body"),
                Param("editable", "editable", "boolean", "body"),
            ),
        ),
        Param("stop_loss_percentage", "stop_loss_percentage", "number", "body"),
        Param("stop_loss_timeout_enabled", "stop_loss_timeout_enabled", "boolean", "body"),
        Param("stop_loss_timeout_in_seconds", "stop_loss_timeout_in_seconds", "integer", "body"),
        Param("tsl_enabled", "tsl_enabled", "boolean", "body"),
        Param("stop_loss_type", "stop_loss_type", "string", "body",
            enum=("stop_loss", "stop_loss_and_disable_bot"),
        ),
        Param("close_timeout", "close_timeout", "integer", "body", minimum=Decimal("60")),
        Param("note", "note", "string", "body"),
        Param("min_profit_percentage", "min_profit_percentage", "number", "body"),
        Param("trailing_deviation", "trailing_deviation", "number", "body"),
    ),
)

DEALS_UPDATE_MAX_SAFETY_ORDERS: Endpoint[Deal] = Endpoint(
    "deals", "update_max_safety_orders", "POST", "/ver1/deals/{deal_id}/update_max_safety_orders",
    "BOTS_WRITE", Deal,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("max_safety_orders", "max_safety_orders", "integer", "body", required=True),
    ),
)

DEALS_UPDATE_TP: Endpoint[Deal] = Endpoint(
    "deals", "update_tp", "POST", "/ver1/deals/{deal_id}/update_tp", "BOTS_WRITE", Deal, deprecated=True,
    params=(
        Param("deal_id", "deal_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("new_take_profit_percentage", "new_take_profit_percentage", "number", "body", required=True),
    ),
)

GRID_BOTS_LIST: Endpoint[list[GridBot]] = Endpoint(
    "grid_bots", "list", "GET", "/ver1/grid_bots", "BOTS_READ", list[GridBot], pagination="offset",
    max_page_size=1000,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("state", "state", "string", "query", enum=("enabled", "disabled")),
        Param("sort_by", "sort_by", "string", "query",
            enum=("current_profit", "profit", "bot_id", "pair", "created_at", "updated_at", "name"),
        ),
        Param("sort_direction", "sort_direction", "string", "query", enum=("ASC", "DESC")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1"), maximum=Decimal("1000")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
        Param("from_", "from", "string", "query", format="date-time"),
        Param("base", "base", "string", "query"),
        Param("quote", "quote", "string", "query"),
        Param("account_ids", "account_ids", "array", "query",
            minimum=Decimal("1"),
            item_type="integer",
            single=True,
        ),
        Param("account_types", "account_types", "string", "query"),
    ),
)

GRID_BOTS_CREATE: Endpoint[GridBot] = Endpoint(
    "grid_bots", "create", "POST", "/ver1/grid_bots/manual", "BOTS_WRITE", GridBot,
    params=(
        Param("name", "name", "string", "body"),
        Param("account_id", "account_id", "integer", "body", required=True, minimum=Decimal("1")),
        Param("pair", "pair", "string", "body", required=True),
        Param("upper_price", "upper_price", "number", "body", required=True),
        Param("lower_price", "lower_price", "number", "body", required=True),
        Param("grids_quantity", "grids_quantity", "number", "body", required=True),
        Param("grid_type", "grid_type", "string", "body", enum=("geometric", "arithmetic")),
        Param("quantity_per_grid", "quantity_per_grid", "number", "body", required=True),
        Param("order_currency_type", "order_currency_type", "string", "body", enum=("base", "quote")),
        Param("profit_currency_type", "profit_currency_type", "string", "body", enum=("base", "quote")),
        Param("upper_stop_loss_enabled", "upper_stop_loss_enabled", "boolean", "body"),
        Param("upper_stop_loss_action", "upper_stop_loss_action", "string", "body",
            enum=("stop_bot", "stop_bot_and_buy", "stop_bot_and_close_position"),
        ),
        Param("upper_stop_loss_price", "upper_stop_loss_price", "number", "body"),
        Param("lower_stop_loss_enabled", "lower_stop_loss_enabled", "boolean", "body"),
        Param("lower_stop_loss_action", "lower_stop_loss_action", "string", "body",
            enum=("stop_bot", "stop_bot_and_sell", "stop_bot_and_close_position"),
        ),
        Param("lower_stop_loss_price", "lower_stop_loss_price", "number", "body"),
        Param("leverage_type", "leverage_type", "string", "body",
            enum=("cross", "isolated", "not_specified"),
        ),
        Param("leverage_custom_value", "leverage_custom_value", "number", "body"),
        Param("mode", "mode", "string", "body", enum=("reversal", "long", "short")),
        Param("max_active_sell_lines", "max_active_sell_lines", "integer", "body"),
        Param("trailing_up_enabled", "trailing_up_enabled", "boolean", "body"),
        Param("trailing_down_enabled", "trailing_down_enabled", "boolean", "body"),
        Param("expansion_down_enabled", "expansion_down_enabled", "boolean", "body"),
        Param("expansion_down_stop_price", "expansion_down_stop_price", "number", "body"),
        Param("expansion_up_enabled", "expansion_up_enabled", "boolean", "body"),
        Param("expansion_up_stop_price", "expansion_up_stop_price", "number", "body"),
        Param("ignore_warnings", "ignore_warnings", "boolean", "body"),
        Param("note", "note", "string", "body"),
        Param("max_active_buy_lines", "max_active_buy_lines", "integer", "body"),
    ),
)

GRID_BOTS_DELETE: Endpoint[None] = Endpoint(
    "grid_bots", "delete", "DELETE", "/ver1/grid_bots/{id}", "BOTS_WRITE", None,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

GRID_BOTS_SHOW: Endpoint[GridBot] = Endpoint(
    "grid_bots", "show", "GET", "/ver1/grid_bots/{id}", "BOTS_READ", GridBot,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

GRID_BOTS_DISABLE: Endpoint[GridBot] = Endpoint(
    "grid_bots", "disable", "POST", "/ver1/grid_bots/{id}/disable", "BOTS_WRITE", GridBot,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

GRID_BOTS_ENABLE: Endpoint[GridBot] = Endpoint(
    "grid_bots", "enable", "POST", "/ver1/grid_bots/{id}/enable", "BOTS_WRITE", GridBot,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

GRID_BOTS_EVENTS: Endpoint[list[BotEvent]] = Endpoint(
    "grid_bots", "events", "GET", "/ver1/grid_bots/{id}/events", "BOTS_READ", list[BotEvent],
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("page", "page", "integer", "query", required=True, minimum=Decimal("1")),
        Param("per_page", "per_page", "integer", "query",
            required=True,
            minimum=Decimal("1"),
            maximum=Decimal("100"),
        ),
    ),
)

GRID_BOTS_UPDATE: Endpoint[GridBot] = Endpoint(
    "grid_bots", "update", "PATCH", "/ver1/grid_bots/{id}/manual", "BOTS_WRITE", GridBot,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("name", "name", "string", "body"),
        Param("upper_price", "upper_price", "number", "body", required=True),
        Param("lower_price", "lower_price", "number", "body", required=True),
        Param("grids_quantity", "grids_quantity", "number", "body", required=True),
        Param("grid_type", "grid_type", "string", "body", enum=("geometric", "arithmetic")),
        Param("quantity_per_grid", "quantity_per_grid", "number", "body", required=True),
        Param("upper_stop_loss_enabled", "upper_stop_loss_enabled", "boolean", "body"),
        Param("upper_stop_loss_action", "upper_stop_loss_action", "string", "body",
            enum=("stop_bot", "stop_bot_and_buy", "stop_bot_and_close_position"),
        ),
        Param("upper_stop_loss_price", "upper_stop_loss_price", "number", "body"),
        Param("lower_stop_loss_enabled", "lower_stop_loss_enabled", "boolean", "body"),
        Param("lower_stop_loss_action", "lower_stop_loss_action", "string", "body",
            enum=("stop_bot", "stop_bot_and_sell", "stop_bot_and_close_position"),
        ),
        Param("lower_stop_loss_price", "lower_stop_loss_price", "number", "body"),
        Param("leverage_type", "leverage_type", "string", "body",
            enum=("cross", "isolated", "not_specified"),
        ),
        Param("leverage_custom_value", "leverage_custom_value", "number", "body"),
        Param("max_active_sell_lines", "max_active_sell_lines", "integer", "body"),
        Param("trailing_up_enabled", "trailing_up_enabled", "boolean", "body"),
        Param("trailing_down_enabled", "trailing_down_enabled", "boolean", "body"),
        Param("expansion_down_enabled", "expansion_down_enabled", "boolean", "body"),
        Param("expansion_down_stop_price", "expansion_down_stop_price", "number", "body"),
        Param("expansion_up_enabled", "expansion_up_enabled", "boolean", "body"),
        Param("expansion_up_stop_price", "expansion_up_stop_price", "number", "body"),
        Param("ignore_warnings", "ignore_warnings", "boolean", "body"),
        Param("note", "note", "string", "body"),
        Param("max_active_buy_lines", "max_active_buy_lines", "integer", "body"),
    ),
)

GRID_BOTS_MARKET_ORDERS: Endpoint[GridBotMarketOrders] = Endpoint(
    "grid_bots", "market_orders", "GET", "/ver1/grid_bots/{id}/market_orders", "BOTS_READ",
    GridBotMarketOrders,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1"), maximum=Decimal("1000")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
    ),
)

GRID_BOTS_SET_NOTE: Endpoint[GridBot] = Endpoint(
    "grid_bots", "set_note", "POST", "/ver1/grid_bots/{id}/note", "BOTS_WRITE", GridBot,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("note", "note", "string", "body", min_length=1, max_length=300),
    ),
)

GRID_BOTS_PROFITS: Endpoint[list[GridBotProfit]] = Endpoint(
    "grid_bots", "profits", "GET", "/ver1/grid_bots/{id}/profits", "BOTS_READ", list[GridBotProfit],
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("from_", "from", "string", "query", format="date-time"),
        Param("to", "to", "string", "query", format="date-time"),
    ),
)

GRID_BOTS_REQUIRED_BALANCES: Endpoint[GridBotRequiredBalances] = Endpoint(
    "grid_bots", "required_balances", "GET", "/ver1/grid_bots/{id}/required_balances", "BOTS_READ",
    GridBotRequiredBalances,
    params=(
        Param("grid_bot_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_LIST: Endpoint[list[SmartTrade]] = Endpoint(
    "smart_trades", "list", "GET", "/v2/smart_trades", "SMART_TRADES_READ", list[SmartTrade],
    pagination="page", max_page_size=100,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("pair", "pair", "string", "query"),
        Param("type", "type", "string", "query",
            enum=("simple_buy", "simple_sell", "smart_sell", "smart_trade", "smart_cover", "smart_buy"),
        ),
        Param("page", "page", "integer", "query", minimum=Decimal("1")),
        Param("per_page", "per_page", "integer", "query", minimum=Decimal("1"), maximum=Decimal("100")),
        Param("status", "status", "string", "query",
            enum=("all", "active", "finished", "successfully_finished", "cancelled", "failed"),
        ),
        Param("order_by", "order_by", "string", "query",
            enum=("created_at", "updated_at", "closed_at", "status", "profit", "profit_percentage"),
        ),
        Param("order_direction", "order_direction", "string", "query", enum=("ASC", "DESC", "asc", "desc")),
        Param("from_", "from", "string", "query", format="date-time"),
        Param("to", "to", "string", "query", format="date-time"),
        Param("base", "base", "string", "query"),
        Param("quote", "quote", "string", "query"),
    ),
)

SMART_TRADES_CREATE: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "create", "POST", "/v2/smart_trades", "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("account_id", "account_id", "integer", "body", required=True, minimum=Decimal("1")),
        Param("pair", "pair", "string", "body", required=True),
        Param("instant", "instant", "boolean", "body"),
        Param("skip_enter_step", "skip_enter_step", "boolean", "body"),
        Param("leverage", "leverage", "object", "body",
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("type", "type", "string", "body", enum=("cross", "isolated")),
                Param("value", "value", "integer", "body"),
            ),
        ),
        Param("position", "position", "object", "body",
            fields=(
                Param("type", "type", "string", "body", required=True, enum=("buy", "sell")),
                Param("order_type", "order_type", "string", "body",
                    required=True,
                    enum=("market", "limit", "conditional"),
                ),
                Param("units", "units", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body", required=True),
                    ),
                ),
                Param("price", "price", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body", required=True),
                    ),
                ),
                Param("conditional", "conditional", "object", "body",
                    fields=(
                        Param("order_type", "order_type", "string", "body", enum=("market", "limit")),
                        Param("price", "price", "object", "body",
                            fields=(
                                Param("type", "type", "string", "body", enum=("bid", "ask", "last")),
                                Param("value", "value", "number", "body"),
                            ),
                        ),
                        Param("trailing", "trailing", "object", "body",
                            fields=(
                                Param("enabled", "enabled", "boolean", "body"),
                                Param("percent", "percent", "number", "body"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Param("take_profit", "take_profit", "object", "body",
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("steps", "steps", "array", "body",
                    item_type="object",
                    fields=(
                        Param("order_type", "order_type", "string", "body", enum=("market", "limit")),
                        Param("volume", "volume", "number", "body"),
                        Param("price", "price", "object", "body",
                            fields=(
                                Param("type", "type", "string", "body", enum=("bid", "ask", "last")),
                                Param("value", "value", "number", "body"),
                                Param("percent", "percent", "number", "body"),
                            ),
                        ),
                        Param("trailing", "trailing", "object", "body",
                            fields=(
                                Param("enabled", "enabled", "boolean", "body"),
                                Param("percent", "percent", "number", "body",
                                    minimum=Decimal("0.01"),
                                    maximum=Decimal("100"),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Param("stop_loss", "stop_loss", "object", "body",
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("breakeven", "breakeven", "boolean", "body"),
                Param("order_type", "order_type", "string", "body", required=True, enum=("market", "limit")),
                Param("price", "price", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body"),
                    ),
                ),
                Param("conditional", "conditional", "object", "body",
                    fields=(
                        Param("price", "price", "object", "body",
                            fields=(
                                Param("type", "type", "string", "body", enum=("bid", "ask", "last")),
                                Param("value", "value", "number", "body"),
                                Param("percent", "percent", "number", "body"),
                            ),
                        ),
                        Param("trailing", "trailing", "object", "body",
                            fields=(
                                Param("enabled", "enabled", "boolean", "body"),
                            ),
                        ),
                    ),
                ),
                Param("timeout", "timeout", "object", "body",
                    fields=(
                        Param("enabled", "enabled", "boolean", "body"),
                        Param("value", "value", "integer", "body"),
                    ),
                ),
            ),
        ),
        Param("note", "note", "string", "body", min_length=1, max_length=300),
    ),
)

SMART_TRADES_CANCEL: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "cancel", "DELETE", "/v2/smart_trades/{id}", "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_SHOW: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "show", "GET", "/v2/smart_trades/{id}", "SMART_TRADES_READ", SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_UPDATE: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "update", "PATCH", "/v2/smart_trades/{id}", "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("leverage", "leverage", "object", "body",
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("type", "type", "string", "body", enum=("cross", "isolated")),
                Param("value", "value", "integer", "body"),
            ),
        ),
        Param("position", "position", "object", "body",
            fields=(
                Param("units", "units", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body"),
                    ),
                ),
                Param("price", "price", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body"),
                    ),
                ),
                Param("conditional", "conditional", "object", "body",
                    fields=(
                        Param("order_type", "order_type", "string", "body", enum=("market", "limit")),
                        Param("price", "price", "object", "body",
                            fields=(
                                Param("type", "type", "string", "body", enum=("bid", "ask", "last")),
                                Param("value", "value", "number", "body"),
                            ),
                        ),
                        Param("trailing", "trailing", "object", "body",
                            fields=(
                                Param("enabled", "enabled", "boolean", "body"),
                                Param("percent", "percent", "number", "body"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Param("take_profit", "take_profit", "object", "body",
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("steps", "steps", "array", "body",
                    item_type="object",
                    fields=(
                        Param("order_type", "order_type", "string", "body", enum=("market", "limit")),
                        Param("volume", "volume", "number", "body"),
                        Param("price", "price", "object", "body",
                            fields=(
                                Param("type", "type", "string", "body", enum=("bid", "ask", "last")),
                                Param("value", "value", "number", "body"),
                                Param("percent", "percent", "number", "body"),
                            ),
                        ),
                        Param("trailing", "trailing", "object", "body",
                            fields=(
                                Param("enabled", "enabled", "boolean", "body"),
                                Param("percent", "percent", "number", "body",
                                    minimum=Decimal("0.01"),
                                    maximum=Decimal("100"),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Param("stop_loss", "stop_loss", "object", "body",
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("breakeven", "breakeven", "boolean", "body"),
                Param("order_type", "order_type", "string", "body", required=True, enum=("market", "limit")),
                Param("price", "price", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body"),
                    ),
                ),
                Param("conditional", "conditional", "object", "body",
                    fields=(
                        Param("price", "price", "object", "body",
                            fields=(
                                Param("type", "type", "string", "body", enum=("bid", "ask", "last")),
                                Param("value", "value", "number", "body"),
                                Param("percent", "percent", "number", "body"),
                            ),
                        ),
                        Param("trailing", "trailing", "object", "body",
                            fields=(
                                Param("enabled", "enabled", "boolean", "body"),
                            ),
                        ),
                    ),
                ),
                Param("timeout", "timeout", "object", "body",
                    fields=(
                        Param("enabled", "enabled", "boolean", "body"),
                        Param("value", "value", "integer", "body"),
                    ),
                ),
            ),
        ),
    ),
)

SMART_TRADES_ADD_FUNDS: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "add_funds", "POST", "/v2/smart_trades/{id}/add_funds", "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("order_type", "order_type", "string", "body", required=True, enum=("market", "limit")),
        Param("units", "units", "object", "body",
            required=True,
            fields=(
                Param("value", "value", "number", "body", required=True),
            ),
        ),
        Param("price", "price", "object", "body",
            required=True,
            fields=(
                Param("value", "value", "number", "body", required=True),
            ),
        ),
    ),
)

SMART_TRADES_CLOSE_BY_MARKET: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "close_by_market", "POST", "/v2/smart_trades/{id}/close_by_market", "SMART_TRADES_WRITE",
    SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_FORCE_PROCESS: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "force_process", "POST", "/v2/smart_trades/{id}/force_process", "SMART_TRADES_WRITE",
    SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_FORCE_START: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "force_start", "POST", "/v2/smart_trades/{id}/force_start", "SMART_TRADES_WRITE",
    SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_REDUCE_FUNDS: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "reduce_funds", "POST", "/v2/smart_trades/{id}/reduce_funds", "SMART_TRADES_WRITE",
    SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("order_type", "order_type", "string", "body", required=True, enum=("market", "limit")),
        Param("units", "units", "object", "body",
            required=True,
            fields=(
                Param("value", "value", "number", "body", required=True),
            ),
        ),
        Param("price", "price", "object", "body",
            required=True,
            fields=(
                Param("value", "value", "number", "body", required=True),
            ),
        ),
    ),
)

SMART_TRADES_REDUCE_FUNDS_INFO: Endpoint[SmartTradeReduceFundsInfo] = Endpoint(
    "smart_trades", "reduce_funds_info", "GET", "/v2/smart_trades/{id}/reduce_funds_info",
    "SMART_TRADES_WRITE", SmartTradeReduceFundsInfo,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_SET_NOTE: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "set_note", "POST", "/v2/smart_trades/{id}/set_note", "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("smart_trade_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("note", "note", "string", "body", required=True, min_length=1, max_length=300),
    ),
)

SMART_TRADES_TRADES: Endpoint[list[SmartTradeTrade]] = Endpoint(
    "smart_trades", "trades", "GET", "/v2/smart_trades/{smart_trade_id}/trades", "SMART_TRADES_READ",
    list[SmartTradeTrade],
    params=(
        Param("smart_trade_id", "smart_trade_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_CANCEL_TRADE: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "cancel_trade", "DELETE", "/v2/smart_trades/{smart_trade_id}/trades/{trade_id}",
    "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("smart_trade_id", "smart_trade_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("trade_id", "trade_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

SMART_TRADES_CLOSE_TRADE_BY_MARKET: Endpoint[SmartTrade] = Endpoint(
    "smart_trades", "close_trade_by_market", "POST",
    "/v2/smart_trades/{smart_trade_id}/trades/{trade_id}/close_by_market", "SMART_TRADES_WRITE", SmartTrade,
    params=(
        Param("smart_trade_id", "smart_trade_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("trade_id", "trade_id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

TRADES_LIST: Endpoint[SimpleTradeList] = Endpoint(
    "trades", "list", "GET", "/ver1/trades", "SMART_TRADES_READ", SimpleTradeList,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("pair", "pair", "string", "query"),
        Param("order_by", "order_by", "string", "query", enum=("pair", "created_at")),
        Param("order_direction", "order_direction", "string", "query", enum=("asc", "desc", "ASC", "DESC")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
    ),
)

TRADES_CREATE: Endpoint[SimpleTradeEnvelope] = Endpoint(
    "trades", "create", "POST", "/ver1/trades", "SMART_TRADES_WRITE", SimpleTradeEnvelope,
    params=(
        Param("account_id", "account_id", "integer", "body", required=True, minimum=Decimal("1")),
        Param("pair", "pair", "string", "body", required=True),
        Param("order", "order", "object", "body",
            required=True,
            fields=(
                Param("type", "type", "string", "body", required=True, enum=("market", "limit")),
                Param("side", "side", "string", "body", required=True, enum=("buy", "sell")),
                Param("strategy", "strategy", "string", "body", enum=("gtc", "ioc", "fok", "post_only")),
                Param("position_side", "position_side", "string", "body", enum=("both", "long", "short")),
                Param("reduce_only", "reduce_only", "boolean", "body"),
            ),
        ),
        Param("units", "units", "object", "body",
            required=True,
            fields=(
                Param("value", "value", "number", "body", required=True),
            ),
        ),
        Param("price", "price", "object", "body",
            fields=(
                Param("value", "value", "number", "body", required=True),
            ),
        ),
        Param("conditional", "conditional", "object", "body",
            required=True,
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("value", "value", "string", "body",
                    enum=("less", "less_or_equal", "greater", "greater_or_equal"),
                ),
                Param("price", "price", "object", "body",
                    fields=(
                        Param("value", "value", "number", "body", required=True),
                        Param("type", "type", "string", "body", required=True, enum=("bid", "ask", "last")),
                    ),
                ),
            ),
        ),
        Param("trailing", "trailing", "object", "body",
            required=True,
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("value", "value", "number", "body"),
                Param("percent", "percent", "number", "body"),
            ),
        ),
        Param("timeout", "timeout", "object", "body",
            required=True,
            fields=(
                Param("enabled", "enabled", "boolean", "body", required=True),
                Param("value", "value", "integer", "body"),
            ),
        ),
        Param("leverage", "leverage", "object", "body",
            fields=(
                Param("type", "type", "string", "body", enum=("isolated", "cross")),
            ),
        ),
    ),
)

TRADES_HISTORY: Endpoint[SimpleTradeList] = Endpoint(
    "trades", "history", "GET", "/ver1/trades/history", "SMART_TRADES_READ", SimpleTradeList,
    params=(
        Param("account_id", "account_id", "integer", "query", minimum=Decimal("1")),
        Param("pair", "pair", "string", "query"),
        Param("order_by", "order_by", "string", "query", enum=("pair", "created_at", "closed_at")),
        Param("order_direction", "order_direction", "string", "query", enum=("asc", "desc", "ASC", "DESC")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
    ),
)

TRADES_SHOW: Endpoint[SimpleTradeEnvelope] = Endpoint(
    "trades", "show", "GET", "/ver1/trades/{uuid}", "SMART_TRADES_READ", SimpleTradeEnvelope,
    params=(
        Param("uuid", "uuid", "string", "path", required=True),
    ),
)

TRADES_CANCEL: Endpoint[SimpleTradeEnvelope] = Endpoint(
    "trades", "cancel", "POST", "/ver1/trades/{uuid}/cancel", "SMART_TRADES_WRITE", SimpleTradeEnvelope,
    params=(
        Param("uuid", "uuid", "string", "path", required=True),
    ),
)

LOOSE_ACCOUNTS_CREATE: Endpoint[LooseAccount] = Endpoint(
    "loose_accounts", "create", "POST", "/ver1/loose_accounts", "ACCOUNTS_WRITE", LooseAccount,
    params=(
        Param("name", "name", "string", "body", required=True),
        Param("tokens", "tokens", "object", "body",
            required=True,
            fields=(
                Param("code", "code", "array", "body", required=True, item_type="string"),
                Param("amount", "amount", "array", "body", required=True, item_type="number"),
            ),
        ),
        Param("include_in_summary", "include_in_summary", "boolean", "body"),
    ),
)

LOOSE_ACCOUNTS_AVAILABLE_CURRENCIES: Endpoint[Any] = Endpoint(
    "loose_accounts", "available_currencies", "GET", "/ver1/loose_accounts/available_currencies",
    "ACCOUNTS_READ", Any,
    params=(
        Param("contains", "contains", "string", "query"),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
    ),
)

LOOSE_ACCOUNTS_UPDATE: Endpoint[LooseAccount] = Endpoint(
    "loose_accounts", "update", "PUT", "/ver1/loose_accounts/{account_id}", "ACCOUNTS_WRITE", LooseAccount,
    params=(
        Param("account_id", "account_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("name", "name", "string", "body"),
        Param("tokens", "tokens", "object", "body",
            required=True,
            fields=(
                Param("code", "code", "array", "body", required=True, item_type="string"),
                Param("amount", "amount", "array", "body", required=True, item_type="number"),
            ),
        ),
        Param("include_in_summary", "include_in_summary", "boolean", "body"),
    ),
)

MARKETPLACE_ITEMS: Endpoint[list[MarketplaceItem]] = Endpoint(
    "marketplace", "items", "GET", "/ver1/marketplace/items", "NONE", list[MarketplaceItem], signed=False,
    params=(
        Param("limit", "limit", "integer", "query", minimum=Decimal("1")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
        Param("scope", "scope", "string", "query", enum=("all", "paid", "free")),
        Param("order", "order", "string", "query", enum=("subscribers", "name", "newest")),
        Param("locale", "locale", "string", "query",
            enum=("en", "ru", "zh", "zh-CN", "es", "pt", "ko", "fr", "cs", "tr", "de", "it"),
        ),
    ),
)

MARKETPLACE_PRESETS: Endpoint[MarketplacePresets] = Endpoint(
    "marketplace", "presets", "GET", "/ver1/marketplace/presets", "NONE", MarketplacePresets,
    params=(
        Param("profit_per_day_from", "profit_per_day_from", "number", "query"),
        Param("profit_per_day_to", "profit_per_day_to", "number", "query"),
        Param("profit_per_month_from", "profit_per_month_from", "number", "query"),
        Param("profit_per_month_to", "profit_per_month_to", "number", "query"),
        Param("account_types", "account_types", "array", "query", item_type="string"),
        Param("markets", "markets", "array", "query", item_type="string"),
        Param("with_all_market_pairs", "with_all_market_pairs", "boolean", "query"),
        Param("pairs", "pairs", "array", "query", item_type="string"),
        Param("days_running_from", "days_running_from", "integer", "query"),
        Param("days_running_to", "days_running_to", "integer", "query"),
        Param("deal_start_conditions", "deal_start_conditions", "array", "query", item_type="string"),
        Param("bot_type", "bot_type", "string", "query"),
        Param("bot_strategy", "bot_strategy", "string", "query"),
        Param("cmc", "cmc", "string", "query"),
        Param("sort_by", "sort_by", "string", "query"),
        Param("sort_direction", "sort_direction", "string", "query", enum=("asc", "desc")),
        Param("page", "page", "integer", "query", minimum=Decimal("1")),
        Param("per_page", "per_page", "integer", "query", minimum=Decimal("1")),
    ),
)

MARKETPLACE_SIGNALS: Endpoint[list[MarketplaceSignal]] = Endpoint(
    "marketplace", "signals", "GET", "/ver1/marketplace/{item_id}/signals", "NONE", list[MarketplaceSignal],
    signed=False,
    params=(
        Param("item_id", "item_id", "integer", "path", required=True, minimum=Decimal("1")),
        Param("limit", "limit", "integer", "query", minimum=Decimal("1")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
        Param("order", "order", "string", "query", enum=("pair", "exchange", "signal_type", "date")),
        Param("order_direction", "order_direction", "string", "query", enum=("asc", "desc", "ASC", "DESC")),
        Param("locale", "locale", "string", "query",
            enum=("en", "ru", "zh", "zh-CN", "es", "pt", "ko", "fr", "cs", "tr", "de", "it"),
        ),
    ),
)

PORTFOLIOS_LIST: Endpoint[list[Portfolio]] = Endpoint(
    "portfolios", "list", "GET", "/ver1/portfolios", "NONE", list[Portfolio],
    params=(
        Param("page", "page", "integer", "query", minimum=Decimal("1")),
        Param("per_page", "per_page", "integer", "query", minimum=Decimal("1")),
    ),
)

PORTFOLIOS_LIST_LEGACY: Endpoint[list[Portfolio]] = Endpoint(
    "portfolios", "list_legacy", "GET", "/ver1/portfolios/portfolios", None, list[Portfolio], deprecated=True,
    params=(
        Param("limit", "limit", "integer", "query", minimum=Decimal("1")),
        Param("offset", "offset", "integer", "query", minimum=Decimal("0")),
    ),
)

PORTFOLIOS_SHOW: Endpoint[Portfolio] = Endpoint(
    "portfolios", "show", "GET", "/ver1/portfolios/{id}", "NONE", Portfolio,
    params=(
        Param("portfolio_id", "id", "integer", "path", required=True, minimum=Decimal("1")),
    ),
)

USERS_CHANGE_MODE: Endpoint[bool] = Endpoint(
    "users", "change_mode", "POST", "/ver1/users/change_mode", "ACCOUNTS_WRITE", bool,
    params=(
        Param("mode", "mode", "string", "body", required=True, enum=("paper", "real")),
    ),
)

USERS_CURRENT_MODE: Endpoint[Any] = Endpoint(
    "users", "current_mode", "GET", "/ver1/users/current_mode", "ACCOUNTS_READ", Any,
)

USERS_CHANGE_LOCALE: Endpoint[Any] = Endpoint(
    "users", "change_locale", "PUT", "/ver1/users/locale", None, Any,
    params=(
        Param("locale", "locale", "string", "body",
            required=True,
            enum=("ru", "en", "pt", "zh", "es", "fr", "tr", "de", "it"),
        ),
    ),
)

USERS_PERMISSIONS: Endpoint[Any] = Endpoint(
    "users", "permissions", "GET", "/ver1/users/permissions_info", "NONE", Any,
)

MINI_APPS_CREDENTIALS: Endpoint[Any] = Endpoint(
    "mini_apps", "credentials", "GET", "/ver1/mini_apps/credentials", None, Any,
    params=(
        Param("token", "token", "string", "query", required=True),
    ),
)

MINI_APPS_READ_STORAGE: Endpoint[Any] = Endpoint(
    "mini_apps", "read_storage", "GET", "/ver1/mini_apps/storage", None, Any,
    params=(
        Param("key", "key", "string", "query", required=True),
    ),
)

MINI_APPS_WRITE_STORAGE: Endpoint[Any] = Endpoint(
    "mini_apps", "write_storage", "POST", "/ver1/mini_apps/storage", None, Any,
    params=(
        Param("key", "key", "string", "body", required=True),
        Param("data", "data", "object", "body", required=True),
    ),
)

ENDPOINTS: tuple[Endpoint[Any], ...] = (
    GENERAL_PING, GENERAL_TIME, GENERAL_VALIDATE_CREDENTIALS, ACCOUNTS_LIST, ACCOUNTS_CREATE,
    ACCOUNTS_TRANSFER, ACCOUNTS_TRANSFER_DATA, ACCOUNTS_TRANSFER_HISTORY, ACCOUNTS_TYPES_TO_CONNECT,
    ACCOUNTS_UPDATE, ACCOUNTS_SHOW, ACCOUNTS_TABLE_DATA, ACCOUNTS_ACTIVE_TRADING_ENTITIES,
    ACCOUNTS_BALANCE_CHART_DATA, ACCOUNTS_CONVERT_DUST_TO_BNB, ACCOUNTS_DEPOSIT_DATA, ACCOUNTS_LEVERAGE_DATA,
    ACCOUNTS_LOAD_BALANCES, ACCOUNTS_NETWORKS_INFO, ACCOUNTS_PIE_CHART_DATA, ACCOUNTS_REMOVE, ACCOUNTS_RENAME,
    ACCOUNTS_SELL_ALL_TO_BTC, ACCOUNTS_SELL_ALL_TO_USD, ACCOUNTS_VOLUME_DAILY, ACCOUNTS_VOLUME_MONTHLY,
    ACCOUNTS_VOLUME_TOTAL, MARKET_DATA_PAIRS, MARKET_DATA_CURRENCY_RATES,
    MARKET_DATA_CURRENCY_RATES_WITH_LEVERAGE, MARKET_DATA_MARKETS, MARKET_DATA_PAIRS_V1, BOTS_LIST,
    BOTS_ACCOUNT_TRADE_INFO, BOTS_ACCOUNT_TRADE_INFO_SMART_SELL, BOTS_CREATE, BOTS_PAIRS_BLACKLIST,
    BOTS_STATS, BOTS_STATS_BY_DATE, BOTS_STRATEGIES, BOTS_UPDATE_PAIRS_BLACKLIST, BOTS_CANCEL_ALL_DEALS,
    BOTS_COPY, BOTS_DEALS_STATS, BOTS_DELETE, BOTS_DISABLE, BOTS_ENABLE, BOTS_PANIC_SELL_ALL_DEALS,
    BOTS_PROFIT_BY_DAY, BOTS_SHOW, BOTS_START_NEW_DEAL, BOTS_UPDATE, DEALS_LIST, DEALS_ADD_FUNDS,
    DEALS_CANCEL, DEALS_CANCEL_ORDER, DEALS_CONVERT_TO_SMART_TRADE, DEALS_DATA_FOR_ADDING_FUNDS,
    DEALS_MARKET_ORDERS, DEALS_PANIC_SELL, DEALS_PANIC_SELL_STEP, DEALS_SHOW, DEALS_UPDATE,
    DEALS_UPDATE_MAX_SAFETY_ORDERS, DEALS_UPDATE_TP, GRID_BOTS_LIST, GRID_BOTS_CREATE, GRID_BOTS_DELETE,
    GRID_BOTS_SHOW, GRID_BOTS_DISABLE, GRID_BOTS_ENABLE, GRID_BOTS_EVENTS, GRID_BOTS_UPDATE,
    GRID_BOTS_MARKET_ORDERS, GRID_BOTS_SET_NOTE, GRID_BOTS_PROFITS, GRID_BOTS_REQUIRED_BALANCES,
    SMART_TRADES_LIST, SMART_TRADES_CREATE, SMART_TRADES_CANCEL, SMART_TRADES_SHOW, SMART_TRADES_UPDATE,
    SMART_TRADES_ADD_FUNDS, SMART_TRADES_CLOSE_BY_MARKET, SMART_TRADES_FORCE_PROCESS,
    SMART_TRADES_FORCE_START, SMART_TRADES_REDUCE_FUNDS, SMART_TRADES_REDUCE_FUNDS_INFO,
    SMART_TRADES_SET_NOTE, SMART_TRADES_TRADES, SMART_TRADES_CANCEL_TRADE, SMART_TRADES_CLOSE_TRADE_BY_MARKET,
    TRADES_LIST, TRADES_CREATE, TRADES_HISTORY, TRADES_SHOW, TRADES_CANCEL, LOOSE_ACCOUNTS_CREATE,
    LOOSE_ACCOUNTS_AVAILABLE_CURRENCIES, LOOSE_ACCOUNTS_UPDATE, MARKETPLACE_ITEMS, MARKETPLACE_PRESETS,
    MARKETPLACE_SIGNALS, PORTFOLIOS_LIST, PORTFOLIOS_LIST_LEGACY, PORTFOLIOS_SHOW, USERS_CHANGE_MODE,
    USERS_CURRENT_MODE, USERS_CHANGE_LOCALE, USERS_PERMISSIONS, MINI_APPS_CREDENTIALS, MINI_APPS_READ_STORAGE,
    MINI_APPS_WRITE_STORAGE,
)

BY_NAME: dict[str, Endpoint[Any]] = {endpoint.qualified_name: endpoint for endpoint in ENDPOINTS}
