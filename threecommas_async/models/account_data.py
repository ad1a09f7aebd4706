"""Account side data: networks, deposits, balance charts, table and pie rows, volumes, dust, leverage, transfers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import attrs

from ._base import ResponseModel, epoch_seconds, wire_name
from ._common import CurrencyAmount

__all__ = [
    "AccountTableRow",
    "AccountTransfer",
    "AccountTypeToConnect",
    "AccountVolume",
    "ActiveTradingEntities",
    "ActiveTradingEntityCounts",
    "BalanceChartPoint",
    "CurrencyNetworks",
    "DepositData",
    "DustConversion",
    "DustTransfer",
    "LeverageOption",
    "LeverageRange",
    "Network",
    "PieChartItem",
]


@attrs.define(slots=True, kw_only=True)
class Network(ResponseModel):
    """One deposit/withdrawal network of a currency, with its fees, limits and address rules."""

    network: str | None = None
    network_name: str | None = None
    network_url: str | None = None
    default: bool | None = None
    deposit_enable: bool | None = None
    withdraw_enable: bool | None = None
    deposit_tip: str | None = None
    withdraw_tip: str | None = None
    special_tip: str | None = None
    address_regexp: str | None = None
    memo_regexp: str | None = None
    label: str | None = None
    require_address_tag: bool | None = None
    withdraw_fee: Decimal | None = None
    withdraw_min: Decimal | None = None
    withdraw_max: Decimal | None = attrs.field(default=None, metadata=wire_name("withdrawMax"))
    withdraw_multiple: Decimal | None = attrs.field(default=None, metadata=wire_name("withdrawMultiple"))


@attrs.define(slots=True, kw_only=True)
class CurrencyNetworks(ResponseModel):
    """``GET /ver1/accounts/{account_id}/networks_info``: a currency and its networks."""

    currency: str | None = None
    name: str | None = None
    deposit_enable: bool | None = None
    withdraw_enable: bool | None = None
    network_list: list[Network] | None = None


@attrs.define(slots=True, kw_only=True)
class DepositData(ResponseModel):
    """``GET /ver1/accounts/{account_id}/deposit_data``: where to deposit and what is there."""

    address: str | None = None
    address_tag: str | None = None
    available_balance: Decimal | None = None
    in_orders: Decimal | None = None
    total_balance: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class PieChartItem(ResponseModel):
    """One currency of ``POST /ver1/accounts/{account_id}/pie_chart_data``."""

    code: str | None = None
    coinmarketcapid: str | None = None
    name: str | None = None
    y: Decimal | None = None
    percentage: Decimal | None = None
    amount: Decimal | None = None
    btc_value: Decimal | None = None
    usd_value: Decimal | None = None
    primary_display_currency: CurrencyAmount | None = None
    account_id: int | None = None


@attrs.define(slots=True, kw_only=True)
class AccountTableRow(ResponseModel):
    """One currency of ``POST /ver1/accounts/{account_id}/account_table_data``."""

    account_id: int | None = None
    currency_code: str | None = None
    currency_name: str | None = None
    currency_icon: str | None = None
    currency_slug: str | None = None
    is_wallet: bool | None = None
    position_type: int | None = None
    percentage: Decimal | None = None
    position: Decimal | None = None
    position_available: Decimal | None = None
    borrowed: Decimal | None = None
    on_orders: Decimal | None = None
    on_orders_with_leverage: Decimal | None = None
    on_orders_long: Decimal | None = None
    on_orders_short: Decimal | None = None
    equity: Decimal | None = None
    current_price: Decimal | None = None
    current_price_usd: Decimal | None = None
    day_change_percent: Decimal | None = None
    day_change_percent_btc: Decimal | None = None
    day_change_percent_usd: Decimal | None = None
    btc_value: Decimal | None = None
    usd_value: Decimal | None = None
    available_long: Decimal | None = None
    available_short: Decimal | None = None
    available_with_leverage_long: Decimal | None = None
    available_with_leverage_short: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BalanceChartPoint(ResponseModel):
    """One day of ``GET /ver1/accounts/{account_id}/balance_chart_data`` (``date`` in epoch seconds)."""

    date: datetime | None = attrs.field(default=None, metadata=epoch_seconds())
    usd: Decimal | None = None
    btc: Decimal | None = None
    btc_deposit_amount: Decimal | None = None
    usd_deposit_amount: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class DustTransfer(ResponseModel):
    """One converted coin (Binance's camelCase keys; ``operate_time`` in epoch milliseconds)."""

    tran_id: int | None = attrs.field(default=None, metadata=wire_name("tranId"))
    from_asset: str | None = attrs.field(default=None, metadata=wire_name("fromAsset"))
    amount: Decimal | None = None
    transfered_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("transferedAmount"))
    service_charge_amount: Decimal | None = attrs.field(default=None, metadata=wire_name("serviceChargeAmount"))
    operate_time: int | None = attrs.field(default=None, metadata=wire_name("operateTime"))


@attrs.define(slots=True, kw_only=True)
class DustConversion(ResponseModel):
    """``POST /ver1/accounts/{account_id}/convert_dust_to_bnb``."""

    total_transfered: Decimal | None = attrs.field(default=None, metadata=wire_name("totalTransfered"))
    total_service_charge: Decimal | None = attrs.field(default=None, metadata=wire_name("totalServiceCharge"))
    transfer_result: list[DustTransfer] | None = attrs.field(default=None, metadata=wire_name("transferResult"))


@attrs.define(slots=True, kw_only=True)
class AccountVolume(ResponseModel):
    """Trading volume of an account: per day (``utc_date``), per month (``utc_month``) or in total."""

    utc_date: str | None = None
    utc_month: str | None = None
    volume_btc: Decimal | None = None
    volume_usd: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class AccountTypeToConnect(ResponseModel):
    """One row of ``GET /ver1/accounts/types_to_connect``."""

    type: str | None = None
    connected: bool | None = None
    available: bool | None = None
    unified: bool | None = None


@attrs.define(slots=True, kw_only=True)
class ActiveTradingEntityCounts(ResponseModel):
    """How many bots, deals, smart trades, orders and grid bots are active on the account."""

    active_bots_count: int | None = None
    active_deals_count: int | None = None
    active_smart_trades_count: int | None = None
    active_orders_count: int | None = None
    active_grid_bots_count: int | None = None


@attrs.define(slots=True, kw_only=True)
class ActiveTradingEntities(ResponseModel):
    """``GET /ver1/accounts/{account_id}/active_trading_entities``: ``{"data": {...counts}}``."""

    data: ActiveTradingEntityCounts | None = None


@attrs.define(slots=True, kw_only=True)
class LeverageRange(ResponseModel):
    """The leverage values allowed (``{}`` when leverage cannot be set)."""

    min: Decimal | None = None
    max: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class LeverageOption(ResponseModel):
    """One leverage type of an account or pair (``cross``, ``isolated``, ...) and its limits."""

    code: str | None = None
    name: str | None = None
    can_set_leverage_value: bool | None = None
    available_leverage_values: list[Decimal] | None = None
    max_leverage: Decimal | None = None
    valid: LeverageRange | None = None


@attrs.define(slots=True, kw_only=True)
class AccountTransfer(ResponseModel):
    """``POST /ver1/accounts/transfer``: the transfer's ``id`` (the only documented field; the rest is in ``extra``)."""

    id: int | None = None
