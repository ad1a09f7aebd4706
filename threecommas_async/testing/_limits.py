"""Server-side rate limiting like the real API: budgets per API key, block windows, escalating IP bans.

A :class:`Budget` is data: ``limit`` arrivals per ``period`` API seconds for the endpoints it matches;
going over answers 429 and blocks that budget for the key for ``block`` seconds. Every request that
arrives while a matching budget is blocked is a *violation* and gets 429; ``violations_to_ban``
violations within one block ban the client IP (418) for ``ban_initial`` seconds, doubling with every
new ban of that IP up to ``ban_max``. Arrivals are counted in a sliding window by default (the
strictest server a client can meet); :class:`FixedWindow` counts per aligned period instead.
A request matching several budgets must fit all of them, and is counted in all of them. A key may
carry its own budgets (another plan); bans stay per IP, so one ban stops every key behind that IP.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable
from typing import Protocol

import attrs

__all__ = [
    "DEFAULT_BUDGETS",
    "Budget",
    "FixedWindow",
    "LimitDecision",
    "LimitSettings",
    "ServerRateLimiter",
    "SlidingWindow",
    "WindowCounter",
]

EndpointRef = tuple[str, str]


def _optional_endpoints(values: Iterable[EndpointRef] | None) -> frozenset[EndpointRef] | None:
    return None if values is None else _endpoints(values)


def _endpoints(values: Iterable[EndpointRef]) -> frozenset[EndpointRef]:
    return frozenset((method.upper(), template) for method, template in values)


def _budgets(values: Iterable[Budget]) -> tuple[Budget, ...]:
    return tuple(values)


@attrs.frozen(slots=True)
class Budget:
    """``limit`` requests per ``period`` seconds per API key; exceeding blocks for ``block`` seconds.

    ``endpoints`` lists the ``(METHOD, template)`` pairs counted, None meaning every request;
    ``exclude`` takes pairs out of an every-request budget.
    """

    name: str
    limit: int
    period: float
    block: float
    endpoints: frozenset[EndpointRef] | None = attrs.field(default=None, converter=_optional_endpoints)
    exclude: frozenset[EndpointRef] = attrs.field(default=frozenset(), converter=_endpoints)

    def applies_to(self, method: str, template: str | None) -> bool:
        ref = (method.upper(), template or "")
        if self.endpoints is None:
            return ref not in self.exclude
        return ref in self.endpoints

    def scaled(self, factor: float) -> Budget:
        """The same budget with period and block multiplied by ``factor``."""
        return attrs.evolve(self, period=self.period * factor, block=self.block * factor)


DEFAULT_BUDGETS: tuple[Budget, ...] = (
    Budget("all_endpoints", limit=100, period=60.0, block=300.0),
    Budget(
        "deals",
        limit=120,
        period=60.0,
        block=60.0,
        endpoints=frozenset({("GET", "/ver1/deals"), ("GET", "/ver1/deals/{deal_id}/show")}),
    ),
    Budget(
        "smart_trades_list",
        limit=40,
        period=10.0,
        block=10.0,
        endpoints=frozenset({("GET", "/v2/smart_trades")}),
    ),
)
"""The documented budgets. Deal and smart-trade reads also count toward the all-endpoints budget."""


class WindowCounter(Protocol):
    """Counts admitted arrivals of one key in one budget."""

    def count(self, now: float) -> int: ...

    def record(self, now: float) -> None: ...


class SlidingWindow:
    """Arrivals in the last ``period`` seconds, at any instant (a sliding log)."""

    def __init__(self, period: float) -> None:
        self._period = period
        self._arrivals: deque[float] = deque()

    def count(self, now: float) -> int:
        horizon = now - self._period
        while self._arrivals and self._arrivals[0] <= horizon:
            self._arrivals.popleft()
        return len(self._arrivals)

    def record(self, now: float) -> None:
        self._arrivals.append(now)


class FixedWindow:
    """Arrivals since the start of the current period, periods aligned to multiples of ``period``."""

    def __init__(self, period: float) -> None:
        self._period = period
        self._window = -1
        self._count = 0

    def count(self, now: float) -> int:
        window = math.floor(now / self._period)
        if window != self._window:
            self._window = window
            self._count = 0
        return self._count

    def record(self, now: float) -> None:
        self.count(now)
        self._count += 1


@attrs.frozen(slots=True)
class LimitSettings:
    """How the fake limits: the budgets, the window kind, and the ban policy (API seconds)."""

    budgets: tuple[Budget, ...] = attrs.field(default=DEFAULT_BUDGETS, converter=_budgets)
    window: Callable[[float], WindowCounter] = SlidingWindow
    violations_to_ban: int = 3
    ban_initial: float = 120.0
    ban_max: float = 259_200.0
    send_retry_after: bool = False


@attrs.frozen(slots=True)
class LimitDecision:
    """What the limiter says about one arrival: ``status`` 200 (go on), 429 or 418.

    ``until`` is when the block or ban ends; ``during_block`` / ``during_ban`` say the request
    arrived while one was already in force; ``new_ban`` says this request caused a ban.
    """

    status: int
    until: float | None = None
    budget: str | None = None
    during_block: bool = False
    during_ban: bool = False
    new_ban: bool = False

    @property
    def admitted(self) -> bool:
        return self.status == 200


_ADMITTED = LimitDecision(200)


@attrs.define(slots=True)
class _BudgetState:
    counter: WindowCounter
    blocked_until: float = -math.inf
    violations: int = 0


@attrs.define(slots=True)
class _BanState:
    until: float = -math.inf
    count: int = 0


class ServerRateLimiter:
    """The server side of rate limiting: per-key budget state and per-IP bans.

    ``settings`` may be replaced at any time. Named apart from the SDK's client-side ``RateLimiter``.
    """

    def __init__(self, settings: LimitSettings | None = None) -> None:
        self._settings = settings or LimitSettings()
        self._states: dict[tuple[str, str], _BudgetState] = {}
        self._bans: dict[str, _BanState] = {}

    @property
    def settings(self) -> LimitSettings:
        return self._settings

    @settings.setter
    def settings(self, settings: LimitSettings) -> None:
        self._settings = settings
        self._states.clear()

    @property
    def budgets(self) -> tuple[Budget, ...]:
        return self._settings.budgets

    @budgets.setter
    def budgets(self, budgets: Iterable[Budget]) -> None:
        self.settings = attrs.evolve(self._settings, budgets=tuple(budgets))

    def reset(self) -> None:
        """Forget every count, block, ban and ban history."""
        self._states.clear()
        self._bans.clear()

    def check(
        self,
        identity: str,
        ip: str,
        method: str,
        template: str | None,
        now: float,
        budgets: Iterable[Budget] | None = None,
    ) -> LimitDecision:
        """Decide about one arrival and count it when admitted.

        Budgets are per ``identity`` (an API key): ``budgets`` replaces the settings' budgets for this
        one (a key on another plan). Bans are per ``ip``, whatever the key: one ban stops every key.
        """
        ban = self._bans.get(ip)
        if ban is not None and ban.until > now:
            return LimitDecision(418, until=ban.until, during_ban=True)
        matching = [
            (budget, self._state(identity, budget))
            for budget in (self._settings.budgets if budgets is None else budgets)
            if budget.applies_to(method, template)
        ]
        blocked = [(budget, state) for budget, state in matching if state.blocked_until > now]
        if blocked:
            return self._violation(ip, blocked, now)
        exceeded = [(budget, state) for budget, state in matching if state.counter.count(now) >= budget.limit]
        if exceeded:
            for budget, state in exceeded:
                state.blocked_until = now + budget.block
                state.violations = 0
            budget, state = max(exceeded, key=lambda pair: pair[1].blocked_until)
            return LimitDecision(429, until=state.blocked_until, budget=budget.name)
        for _, state in matching:
            state.counter.record(now)
        return _ADMITTED

    def _violation(self, ip: str, blocked: list[tuple[Budget, _BudgetState]], now: float) -> LimitDecision:
        for _, state in blocked:
            state.violations += 1
        budget, state = max(blocked, key=lambda pair: pair[1].blocked_until)
        if max(state.violations for _, state in blocked) >= self._settings.violations_to_ban:
            for _, blocked_state in blocked:
                blocked_state.violations = 0
            until = self.ban(ip, now=now)
            return LimitDecision(418, until=until, budget=budget.name, during_block=True, new_ban=True)
        return LimitDecision(429, until=state.blocked_until, budget=budget.name, during_block=True)

    def ban(self, ip: str, *, now: float, seconds: float | None = None) -> float:
        """Ban ``ip`` from ``now``: for ``seconds``, or the next escalation step. Returns the end."""
        state = self._bans.setdefault(ip, _BanState())
        if seconds is None:
            seconds = min(self._settings.ban_initial * 2**state.count, self._settings.ban_max)
        state.count += 1
        state.until = max(state.until, now + seconds)
        return state.until

    def unban(self, ip: str) -> None:
        """Lift a ban now; the ban history (escalation) is kept."""
        state = self._bans.get(ip)
        if state is not None:
            state.until = -math.inf

    def ban_until(self, ip: str) -> float | None:
        state = self._bans.get(ip)
        return None if state is None or state.until == -math.inf else state.until

    def ban_count(self, ip: str) -> int:
        state = self._bans.get(ip)
        return 0 if state is None else state.count

    def blocked_until(self, identity: str, budget: str) -> float | None:
        state = self._states.get((identity, budget))
        return None if state is None or state.blocked_until == -math.inf else state.blocked_until

    def _state(self, identity: str, budget: Budget) -> _BudgetState:
        key = (identity, budget.name)
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = _BudgetState(self._settings.window(budget.period))
        return state
