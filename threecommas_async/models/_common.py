"""Small shapes shared by several entities: an amount in a currency, a strategy entry, an event, a safety step."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from ._base import ResponseModel, numeric_strings

__all__ = ["BotEvent", "BotStrategy", "CurrencyAmount", "SafetyStep"]


@attrs.define(slots=True, kw_only=True)
class CurrencyAmount(ResponseModel):
    """``{"currency": "USD", "amount": "-0.16"}``; the amount may arrive as a string or a number."""

    currency: str | None = None
    amount: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class BotStrategy(ResponseModel):
    """One entry of a bot's or deal's ``strategy_list`` / ``close_strategy_list`` / ``safety_strategy_list``.

    ``options`` is free-form (``{"time": "5m", "points": "30"}``); its decimal strings become exact
    Decimals (``Decimal("30")``) and are written back as the same strings, other values stay as sent.
    """

    strategy: str | None = None
    options: dict[str, Any] | None = attrs.field(default=None, metadata=numeric_strings())


@attrs.define(slots=True, kw_only=True)
class BotEvent(ResponseModel):
    """One line of a bot's or deal's event log."""

    message: str | None = None
    created_at: datetime | None = None


@attrs.define(slots=True, kw_only=True)
class SafetyStep(ResponseModel):
    """One custom safety order of a bot or deal (``custom_safety_steps``): price ``deviation`` (percent)
    and ``size``; ``editable`` tells whether a deal's step may still be changed."""

    deviation: Decimal | None = None
    size: Decimal | None = None
    editable: bool | None = None
