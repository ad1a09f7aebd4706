"""The pytest plugin under its old module name; the fixtures live in :mod:`pytest_threecommas_async`.

The ``pytest11`` entry point loads :mod:`pytest_threecommas_async` directly (outside this package, so
registering the plugin does not import the SDK). List this module in ``pytest_plugins`` only when
the entry point is disabled (``-p no:threecommas_async``).
"""

from __future__ import annotations

from pytest_threecommas_async import (
    fake_3commas,
    fake_cable,
    threecommas_client,
    threecommas_fresh_ban_gates,
    threecommas_time_scale,
)

__all__ = [
    "fake_3commas",
    "fake_cable",
    "threecommas_client",
    "threecommas_fresh_ban_gates",
    "threecommas_time_scale",
]
