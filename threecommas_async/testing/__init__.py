"""A stateful fake 3Commas API for tests and demos: ``FakeThreeCommas``.

Use it in-process (``httpx.ASGITransport(app=fake.app)``) or over real HTTP on loopback
(``async with fake.serve() as base_url``). It checks signatures and permissions, enforces the
documented per-key budgets with blocks and escalating IP bans on scalable time, keeps separate
paper and real books, injects faults, and records what it saw. Not imported by ``threecommas_async``.

Example::

    fake = FakeThreeCommas(time_scale=0.01)      # a 60 s window lasts 0.6 s
    fake.seed(seed=1, deals=200)                 # deterministic paper and real books
    key = fake.add_key(permissions={Permission.BOTS_READ})
    fake.faults.server_error(502, probability=0.1)
    async with ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport(),
                           rate_limit=default_policy().scaled(fake.time_scale)) as client:
        ...
    assert fake.counters.by_status[429] == 0 and fake.counters.repeats == 0

The pytest plugin (:mod:`threecommas_async.testing.pytest_plugin`) provides ``fake_3commas`` and
``threecommas_client`` fixtures.

Names load on first use, so importing this package (the pytest plugin does) costs next to nothing.
``RateLimiter`` and ``ServerError`` are deprecated aliases of :class:`ServerRateLimiter` and
:class:`ServerErrorFault` (renamed apart from the SDK's client limiter and exception); they go away
in the next release.
"""

from __future__ import annotations

import importlib
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import (
        BASE_PATH,
        AsgiApp,
    )
    from ._cable import (
        CableChannel,
        CableFaults,
        FakeCable,
        PushRecord,
    )
    from ._clock import (
        Clock,
        ManualClock,
        ScaledClock,
    )
    from ._fake import (
        IN_PROCESS_BASE_URL,
        FakeThreeCommas,
    )
    from ._faults import (
        Ban,
        ConnectionReset,
        Fault,
        FaultInjector,
        FaultRule,
        IgnoreForcedMode,
        Latency,
        MalformedJson,
        Phase,
        PlanLimit,
        RateLimitStorm,
        ServerErrorFault,
    )
    from ._faults import ServerErrorFault as ServerError
    from ._keys import (
        ALL_PERMISSIONS,
        FakeKey,
        KeyRing,
        Permission,
    )
    from ._limits import (
        DEFAULT_BUDGETS,
        Budget,
        FixedWindow,
        LimitDecision,
        LimitSettings,
        ServerRateLimiter,
        SlidingWindow,
        WindowCounter,
    )
    from ._limits import ServerRateLimiter as RateLimiter
    from ._observe import (
        Counters,
        Observer,
        RepeatRecord,
        RequestRecord,
    )
    from ._routing import (
        Route,
        RouteTable,
    )
    from ._signature import (
        FakeSigner,
    )
    from ._state import (
        Book,
        Mode,
        World,
    )

__all__ = [
    "ALL_PERMISSIONS",
    "BASE_PATH",
    "DEFAULT_BUDGETS",
    "IN_PROCESS_BASE_URL",
    "AsgiApp",
    "Ban",
    "Book",
    "Budget",
    "CableChannel",
    "CableFaults",
    "Clock",
    "ConnectionReset",
    "Counters",
    "FakeCable",
    "FakeKey",
    "FakeSigner",
    "FakeThreeCommas",
    "Fault",
    "FaultInjector",
    "FaultRule",
    "FixedWindow",
    "IgnoreForcedMode",
    "KeyRing",
    "Latency",
    "LimitDecision",
    "LimitSettings",
    "MalformedJson",
    "ManualClock",
    "Mode",
    "Observer",
    "Permission",
    "Phase",
    "PlanLimit",
    "PushRecord",
    "RateLimitStorm",
    "RateLimiter",
    "RepeatRecord",
    "RequestRecord",
    "Route",
    "RouteTable",
    "ScaledClock",
    "ServerError",
    "ServerErrorFault",
    "ServerRateLimiter",
    "SlidingWindow",
    "WindowCounter",
    "World",
]

_MODULES: dict[str, str] = {
    "BASE_PATH": "_app",
    "AsgiApp": "_app",
    "CableChannel": "_cable",
    "CableFaults": "_cable",
    "FakeCable": "_cable",
    "PushRecord": "_cable",
    "Clock": "_clock",
    "ManualClock": "_clock",
    "ScaledClock": "_clock",
    "IN_PROCESS_BASE_URL": "_fake",
    "FakeThreeCommas": "_fake",
    "Ban": "_faults",
    "ConnectionReset": "_faults",
    "Fault": "_faults",
    "FaultInjector": "_faults",
    "FaultRule": "_faults",
    "IgnoreForcedMode": "_faults",
    "Latency": "_faults",
    "MalformedJson": "_faults",
    "Phase": "_faults",
    "PlanLimit": "_faults",
    "RateLimitStorm": "_faults",
    "ServerErrorFault": "_faults",
    "ALL_PERMISSIONS": "_keys",
    "FakeKey": "_keys",
    "KeyRing": "_keys",
    "Permission": "_keys",
    "DEFAULT_BUDGETS": "_limits",
    "Budget": "_limits",
    "FixedWindow": "_limits",
    "LimitDecision": "_limits",
    "LimitSettings": "_limits",
    "ServerRateLimiter": "_limits",
    "SlidingWindow": "_limits",
    "WindowCounter": "_limits",
    "Counters": "_observe",
    "Observer": "_observe",
    "RepeatRecord": "_observe",
    "RequestRecord": "_observe",
    "Route": "_routing",
    "RouteTable": "_routing",
    "FakeSigner": "_signature",
    "Book": "_state",
    "Mode": "_state",
    "World": "_state",
}

_DEPRECATED: dict[str, str] = {"RateLimiter": "ServerRateLimiter", "ServerError": "ServerErrorFault"}
"""Old names, kept for one release: old name -> new name."""


def __getattr__(name: str) -> Any:
    """Load an exported name on first use; warn on a deprecated alias."""
    new_name = _DEPRECATED.get(name)
    if new_name is not None:
        warnings.warn(
            f"threecommas_async.testing.{name} is deprecated; use {new_name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return __getattr__(new_name)
    module_name = _MODULES.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
