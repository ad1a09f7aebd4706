"""Builders of realistic entity payloads, shaped like the documented examples, with generated values.

Amounts are mostly JSON strings, some with 40+ significant digits, and a few are JSON numbers
(:class:`~threecommas_async._json.JsonNumber`), including one in exponent notation, as the real API
sends them. Every builder takes a seeded :class:`random.Random`, so a seed gives the same book.
"""

from __future__ import annotations

from ._accounts import account_payload
from ._bots import bot_payload, deal_payload
from ._grids_and_trades import grid_bot_payload, simple_trade_payload, simple_trade_status
from ._market import (
    EXCHANGES,
    PAIR_PRICES,
    PAPER_EXCHANGE,
    Exchange,
    amount,
    exchange_for,
    iso,
    jitter,
    long_amount,
    price_places,
    split_pair,
)
from ._smart_trades import smart_trade_payload, smart_trade_sub_trades

__all__ = [
    "EXCHANGES",
    "PAIR_PRICES",
    "PAPER_EXCHANGE",
    "Exchange",
    "account_payload",
    "amount",
    "bot_payload",
    "deal_payload",
    "exchange_for",
    "grid_bot_payload",
    "iso",
    "jitter",
    "long_amount",
    "price_places",
    "simple_trade_payload",
    "simple_trade_status",
    "smart_trade_payload",
    "smart_trade_sub_trades",
    "split_pair",
]
