"""Response models (attrs classes) and the cattrs converter that builds them from decoded JSON.

* Every amount, price, volume, percentage and coefficient is a :class:`~decimal.Decimal` with
  exactly the digits sent. A JSON string gives a plain Decimal (or a :class:`WireDecimal`, whose
  ``str()`` is the text as sent, when that text is not the canonical spelling, e.g. ``"1.5e-05"``);
  a JSON number gives a :class:`~threecommas_async.JsonNumber`, written back as a number.
* Timestamps are timezone-aware datetimes. The API's ``2024-10-24T19:57:43.635Z`` gives a plain
  UTC datetime written back in that format; other spellings give a :class:`WireDatetime` that
  remembers them. Epoch-second fields (simple trades) are read from and written back as integers.
* JSON keys that are not Python names map to clean attributes (``"finished?"`` → ``finished``).
* Every model keeps unknown keys in ``extra`` and notes absent keys in ``absent_keys``, so
  ``unstructure(structure_response(data, Model)) == data``.
* No value poisons a page: ``"NaN"``, ``"Infinity"``, ``"-Infinity"`` (strings or JSON constants)
  become Decimal special values, and a value that does not fit its field leaves the attribute None
  and is kept, with the reason, in the model's ``field_errors`` (``structure_response(...,
  strict=True)`` raises instead). A missing or mistyped entity id always raises.
* Fields the API may omit or send as null are ``X | None = None``; only entity ids are required.
* Counters the API sends as strings (``"grids_quantity": "81"``) are Decimals like any numeric text.

``structure_response(data, cast_to)`` and ``unstructure(obj)`` use one lazily built converter;
``make_converter(forbid_extra_keys=True)`` builds a strict one that rejects unknown keys.
"""

from ._base import FieldError, ResponseModel, epoch_seconds, numeric_strings, wire_name
from ._common import BotEvent, BotStrategy, CurrencyAmount, SafetyStep
from ._converter import configure_converter, make_converter, structure_response, unstructure
from ._values import WireDatetime, WireDecimal
from .account_data import (
    AccountTableRow,
    AccountTransfer,
    AccountTypeToConnect,
    AccountVolume,
    ActiveTradingEntities,
    ActiveTradingEntityCounts,
    BalanceChartPoint,
    CurrencyNetworks,
    DepositData,
    DustConversion,
    DustTransfer,
    LeverageOption,
    LeverageRange,
    Network,
    PieChartItem,
)
from .accounts import Account
from .bots import (
    AvailableStrategy,
    Bot,
    BotCopyResult,
    BotDayProfit,
    BotDayProfitAmount,
    BotDealsStats,
    BotProfitByDay,
    BotProfitsInUsd,
    BotStats,
    BotStatsByDate,
    PairsBlacklist,
)
from .deals import (
    Deal,
    DealAddFundsInfo,
    DealBuyStep,
    DealCryptoWidget,
    DealCryptoWidgetMark,
    DealTakeProfitStep,
    MarketOrder,
)
from .general import CredentialsValidity, Ping, ServerTime
from .grid_bots import (
    CurrencyQuantity,
    GridBot,
    GridBotBalances,
    GridBotMarketOrders,
    GridBotProfit,
    GridBotRequiredBalances,
    GridLine,
)
from .market_data import (
    CurrencyRates,
    Market,
    MarketFormField,
    MarketFormFields,
    MarketLimits,
)
from .marketplace import MarketplaceBot, MarketplaceBotProfit, MarketplaceItemRef, MarketplacePresets
from .portfolios import (
    LooseAccount,
    Portfolio,
    PortfolioEntry,
)
from .smart_trades import (
    SmartTrade,
    SmartTradeAccount,
    SmartTradeConditional,
    SmartTradeCurrentPrice,
    SmartTradeData,
    SmartTradeLeverage,
    SmartTradeMargin,
    SmartTradeMarketClose,
    SmartTradePosition,
    SmartTradePrice,
    SmartTradeProfit,
    SmartTradeReduceFunds,
    SmartTradeReduceFundsInfo,
    SmartTradeReduceFundsStep,
    SmartTradeStatus,
    SmartTradeStepData,
    SmartTradeStopLoss,
    SmartTradeTakeProfit,
    SmartTradeTakeProfitStep,
    SmartTradeTimeout,
    SmartTradeTrade,
    SmartTradeTrailing,
    SmartTradeValue,
)
from .trades import (
    SimpleTrade,
    SimpleTradeConditional,
    SimpleTradeConditionalPrice,
    SimpleTradeData,
    SimpleTradeEnvelope,
    SimpleTradeFilled,
    SimpleTradeLeverage,
    SimpleTradeList,
    SimpleTradeOrder,
    SimpleTradeStatus,
    SimpleTradeTimeout,
    SimpleTradeTrailing,
    SimpleTradeValue,
)

__all__ = [
    "Account",
    "AccountTableRow",
    "AccountTransfer",
    "AccountTypeToConnect",
    "AccountVolume",
    "ActiveTradingEntities",
    "ActiveTradingEntityCounts",
    "AvailableStrategy",
    "BalanceChartPoint",
    "Bot",
    "BotCopyResult",
    "BotDayProfit",
    "BotDayProfitAmount",
    "BotDealsStats",
    "BotEvent",
    "BotProfitByDay",
    "BotProfitsInUsd",
    "BotStats",
    "BotStatsByDate",
    "BotStrategy",
    "CredentialsValidity",
    "CurrencyAmount",
    "CurrencyNetworks",
    "CurrencyQuantity",
    "CurrencyRates",
    "Deal",
    "DealAddFundsInfo",
    "DealBuyStep",
    "DealCryptoWidget",
    "DealCryptoWidgetMark",
    "DealTakeProfitStep",
    "DepositData",
    "DustConversion",
    "DustTransfer",
    "FieldError",
    "GridBot",
    "GridBotBalances",
    "GridBotMarketOrders",
    "GridBotProfit",
    "GridBotRequiredBalances",
    "GridLine",
    "LeverageOption",
    "LeverageRange",
    "LooseAccount",
    "Market",
    "MarketFormField",
    "MarketFormFields",
    "MarketLimits",
    "MarketOrder",
    "MarketplaceBot",
    "MarketplaceBotProfit",
    "MarketplaceItemRef",
    "MarketplacePresets",
    "Network",
    "PairsBlacklist",
    "PieChartItem",
    "Ping",
    "Portfolio",
    "PortfolioEntry",
    "ResponseModel",
    "SafetyStep",
    "ServerTime",
    "SimpleTrade",
    "SimpleTradeConditional",
    "SimpleTradeConditionalPrice",
    "SimpleTradeData",
    "SimpleTradeEnvelope",
    "SimpleTradeFilled",
    "SimpleTradeLeverage",
    "SimpleTradeList",
    "SimpleTradeOrder",
    "SimpleTradeStatus",
    "SimpleTradeTimeout",
    "SimpleTradeTrailing",
    "SimpleTradeValue",
    "SmartTrade",
    "SmartTradeAccount",
    "SmartTradeConditional",
    "SmartTradeCurrentPrice",
    "SmartTradeData",
    "SmartTradeLeverage",
    "SmartTradeMargin",
    "SmartTradeMarketClose",
    "SmartTradePosition",
    "SmartTradePrice",
    "SmartTradeProfit",
    "SmartTradeReduceFunds",
    "SmartTradeReduceFundsInfo",
    "SmartTradeReduceFundsStep",
    "SmartTradeStatus",
    "SmartTradeStepData",
    "SmartTradeStopLoss",
    "SmartTradeTakeProfit",
    "SmartTradeTakeProfitStep",
    "SmartTradeTimeout",
    "SmartTradeTrade",
    "SmartTradeTrailing",
    "SmartTradeValue",
    "WireDatetime",
    "WireDecimal",
    "configure_converter",
    "epoch_seconds",
    "make_converter",
    "numeric_strings",
    "structure_response",
    "unstructure",
    "wire_name",
]
