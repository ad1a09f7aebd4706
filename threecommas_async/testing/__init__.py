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
"""

from __future__ import annotations

from ._app import BASE_PATH, AsgiApp
from ._cable import CableChannel, CableFaults, FakeCable, PushRecord
from ._clock import Clock, ManualClock, ScaledClock
from ._fake import IN_PROCESS_BASE_URL, FakeThreeCommas
from ._faults import (
    Ban,
    ConnectionReset,
    Fault,
    FaultInjector,
    FaultRule,
    Latency,
    MalformedJson,
    Phase,
    PlanLimit,
    RateLimitStorm,
    ServerError,
)
from ._keys import ALL_PERMISSIONS, FakeKey, KeyRing, Permission
from ._limits import (
    DEFAULT_BUDGETS,
    Budget,
    FixedWindow,
    LimitDecision,
    LimitSettings,
    RateLimiter,
    SlidingWindow,
    WindowCounter,
)
from ._observe import Counters, Observer, RepeatRecord, RequestRecord
from ._routing import Route, RouteTable
from ._state import Book, Mode, World

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
    "FakeThreeCommas",
    "Fault",
    "FaultInjector",
    "FaultRule",
    "FixedWindow",
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
    "SlidingWindow",
    "WindowCounter",
    "World",
]
