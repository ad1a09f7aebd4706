"""Markets and numbers the payload builders share: exchanges, pair prices, timestamps, amounts."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from decimal import ROUND_DOWN, Decimal

import attrs

from .._state import Mode

__all__ = [
    "EXCHANGES",
    "PAIR_PRICES",
    "PAPER_EXCHANGE",
    "Exchange",
    "amount",
    "exchange_for",
    "iso",
    "jitter",
    "long_amount",
    "price_places",
    "split_pair",
]


@attrs.frozen(slots=True)
class Exchange:
    market_code: str
    exchange_name: str
    pretty_display_type: str
    market_type: str


EXCHANGES: tuple[Exchange, ...] = (
    Exchange("binance", "Binance Spot", "Binance", "spot"),
    Exchange("bybit_spot", "Bybit Spot", "BybitSpot", "spot"),
    Exchange("kucoin", "KuCoin Spot", "Kucoin", "spot"),
    Exchange("okex", "OKX Spot", "Okex", "spot"),
    Exchange("binance_futures", "Binance Futures USDT-M", "BinanceFutures", "futures"),
)
PAPER_EXCHANGE = Exchange("paper_trading", "Paper trading", "PaperTrading", "spot")

PAIR_PRICES: dict[str, Decimal] = {
    "USDT_BTC": Decimal("67412.35"),
    "USDT_ETH": Decimal("3318.72"),
    "USDT_SOL": Decimal("148.615"),
    "USDT_ADA": Decimal("0.4518"),
    "USDT_XRP": Decimal("0.6203"),
    "USDT_DOGE": Decimal("0.12473"),
    "USDT_LINK": Decimal("14.218"),
    "BTC_ETH": Decimal("0.04921"),
    "USDC_AVAX": Decimal("27.84"),
}


def iso(timestamp: float) -> str:
    """``2024-10-24T19:57:43.635Z``: ISO 8601, milliseconds, UTC."""
    moment = datetime.fromtimestamp(timestamp, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def long_amount(rng: random.Random, whole_digits: int, fraction_digits: int, *, negative: bool = False) -> str:
    """A decimal string with many digits, e.g. ``"33.41938674385577012455593960354579615351317609077582"``."""
    whole = str(rng.randrange(10 ** (whole_digits - 1), 10**whole_digits)) if whole_digits > 0 else "0"
    fraction = "".join(str(rng.randrange(10)) for _ in range(fraction_digits - 1)) + str(rng.randrange(1, 10))
    return f"{'-' if negative else ''}{whole}.{fraction}"


def amount(value: Decimal, places: int) -> str:
    """``value`` cut to ``places`` decimals, as a string."""
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN))


def jitter(rng: random.Random, value: Decimal, spread: float, places: int) -> Decimal:
    factor = Decimal(str(round(1 + rng.uniform(-spread, spread), 6)))
    return (value * factor).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def split_pair(pair: str) -> tuple[str, str]:
    quote, _, base = pair.partition("_")
    return quote, base


def price_places(price: Decimal) -> int:
    return 2 if price >= 100 else 4 if price >= 1 else 6


def exchange_for(mode: Mode, rng: random.Random) -> Exchange:
    """The paper exchange for the paper book, a random real exchange otherwise."""
    return PAPER_EXCHANGE if mode is Mode.PAPER else rng.choice(EXCHANGES)
