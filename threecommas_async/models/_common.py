"""Small shapes shared by several entities: an amount in a currency, a strategy entry, an event."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from ._base import ResponseModel

__all__ = ["BotEvent", "BotStrategy", "CurrencyAmount"]


@attrs.define(slots=True, kw_only=True)
class CurrencyAmount(ResponseModel):
    """``{"currency": "USD", "amount": "-0.16"}``; the amount may arrive as a string or a number."""

    currency: str | None = None
    amount: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotStrategy(ResponseModel):
    """One entry of a bot's or deal's ``strategy_list`` / ``close_strategy_list`` / ``safety_strategy_list``."""

    strategy: str | None = None
    options: dict[str, Any] | None = None


@attrs.define(slots=True, kw_only=True)
class BotEvent(ResponseModel):
    """One line of a bot's or deal's event log."""

    message: str | None = None
    created_at: datetime | None = None
