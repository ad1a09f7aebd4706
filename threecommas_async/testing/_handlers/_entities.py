"""Settings that bots and deals share: leverage types, custom safety steps, the funds a bot needs."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._http import invalid_param
from .._params import Params, to_decimal
from .._state import Entity

__all__ = ["LEVERAGE_TYPES", "custom_safety_steps", "required_amount"]

LEVERAGE_TYPES = ("custom", "cross", "not_specified", "isolated")
"""Every real bot and deal reports ``not_specified``; the legacy docs list all four."""


def custom_safety_steps(params: Params) -> list[Entity]:
    """``custom_safety_steps`` as a list of ``{deviation, size}`` amounts (``editable`` kept if given)."""
    raw = params.raw("custom_safety_steps")
    if not isinstance(raw, list):
        raise invalid_param("custom_safety_steps", "must be an array")
    steps: list[Entity] = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise invalid_param("custom_safety_steps", "each step must be an object")
        step: Entity = {
            "deviation": str(to_decimal(item.get("deviation"), "custom_safety_steps")),
            "size": str(to_decimal(item.get("size"), "custom_safety_steps")),
        }
        if "editable" in item:
            step["editable"] = Params(item).boolean("editable")
        steps.append(step)
    return steps


def required_amount(bot: Mapping[str, Any]) -> Decimal:
    """Funds for ``max_active_deals`` deals of base order plus every safety order (martingale volumes)."""
    safety = Decimal(str(bot["safety_order_volume"]))
    scale = Decimal(str(bot["martingale_volume_coefficient"]))
    per_deal = Decimal(str(bot["base_order_volume"]))
    for _ in range(int(bot["max_safety_orders"])):
        per_deal += safety
        safety *= scale
    return per_deal * int(bot["max_active_deals"])
