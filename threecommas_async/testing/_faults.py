"""Fault injection: latency, 5xx, dropped connections, 429 storms, bans, broken JSON, plan limits.

A fault is applied in one :class:`Phase` of the request: on arrival (before the rate limiter counts
it), before the handler (nothing changed yet), or after the handler (the state changed, so the
client cannot know the outcome). A :class:`FaultRule` says which requests a fault hits: by API key,
by endpoint, on given request numbers, within a time window, at most N times, with a probability
drawn from the injector's seeded RNG. Which rules fire is decided once, when the request arrives.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Protocol, TypedDict

import attrs

from ._http import IncomingRequest, Reply, error_reply

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = [
    "Ban",
    "ConnectionDropped",
    "ConnectionReset",
    "Fault",
    "FaultInjector",
    "FaultRule",
    "IgnoreForcedMode",
    "Latency",
    "MalformedJson",
    "Phase",
    "PlanLimit",
    "RateLimitStorm",
    "RuleOptions",
    "ServerErrorFault",
]

EndpointRef = tuple[str, str]


class RuleOptions(TypedDict, total=False):
    """Which requests a rule hits; see :meth:`FaultInjector.add`."""

    key: str | None
    endpoints: Iterable[EndpointRef] | None
    probability: float
    on_requests: Iterable[int] | None
    times: int | None
    delay: float
    duration: float | None


class Phase(enum.Enum):
    """When a fault acts on a request."""

    ON_ARRIVAL = "on_arrival"
    BEFORE_HANDLER = "before_handler"
    AFTER_HANDLER = "after_handler"


class ConnectionDropped(Exception):
    """Raised inside the fake to drop the connection without an answer."""


class FaultHost(Protocol):
    """What a fault may use: the request, the RNG, a (scaled) sleep, and the ban list."""

    request: IncomingRequest
    rng: random.Random

    def sleep(self, seconds: float) -> Awaitable[None]: ...

    def ban_client(self, seconds: float | None) -> float: ...

    def rate_limited(self) -> Reply: ...

    def banned(self, until: float) -> Reply: ...

    def ignore_forced_mode(self) -> None: ...


class Fault(Protocol):
    """Something that goes wrong with a request. ``reply`` is None before the handler ran.

    Return a reply to answer with it (and skip what follows), or None to carry on.
    """

    @property
    def phase(self) -> Phase: ...

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None: ...


@attrs.frozen(slots=True)
class IgnoreForcedMode:
    """The server ignores ``Forced-Mode`` (it has happened): the request uses the key's or the user's mode."""

    phase: Phase = Phase.ON_ARRIVAL

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        host.ignore_forced_mode()
        return None


@attrs.frozen(slots=True)
class Latency:
    """Delay by ``seconds`` (API seconds, scaled like every other duration) plus up to ``jitter``."""

    seconds: float
    jitter: float = 0.0
    phase: Phase = Phase.BEFORE_HANDLER

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        await host.sleep(self.seconds + (host.rng.uniform(0, self.jitter) if self.jitter else 0.0))
        return reply


def _gateway_page(title: str) -> bytes:
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n"
    ).encode()


_GATEWAY_PAGES = {502: _gateway_page("502 Bad Gateway"), 504: _gateway_page("504 Gateway Time-out")}


@attrs.frozen(slots=True)
class ServerErrorFault:
    """Answer with one of ``statuses`` (picked by the RNG). 502/504 come as a gateway's HTML page.

    ``phase=AFTER_HANDLER`` models a server that applied the request and then failed to answer.
    """

    statuses: tuple[int, ...] = (500, 502, 504)
    phase: Phase = Phase.BEFORE_HANDLER
    html_gateway_pages: bool = True

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        status = host.rng.choice(self.statuses)
        page = _GATEWAY_PAGES.get(status)
        if page is not None and self.html_gateway_pages:
            return Reply(status, page, ((b"content-type", b"text/html"),))
        return error_reply(status, "internal_server_error", "Something went wrong on our side")


@attrs.frozen(slots=True)
class ConnectionReset:
    """Drop the connection without answering. ``phase=AFTER_HANDLER``: after the state changed."""

    phase: Phase = Phase.BEFORE_HANDLER

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        raise ConnectionDropped("connection reset by the fake 3Commas server")


@attrs.frozen(slots=True)
class RateLimitStorm:
    """Answer 429 as the rate limiter would, whatever the budgets say."""

    phase: Phase = Phase.BEFORE_HANDLER

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        return host.rate_limited()


@attrs.frozen(slots=True)
class Ban:
    """Ban the client IP now (for ``seconds``, or the next escalation step) and answer 418."""

    seconds: float | None = None
    phase: Phase = Phase.BEFORE_HANDLER

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        return host.banned(host.ban_client(self.seconds))


@attrs.frozen(slots=True)
class MalformedJson:
    """Cut the handler's JSON body short (keeping status and content type)."""

    @property
    def phase(self) -> Phase:
        return Phase.AFTER_HANDLER

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        if reply is None:
            return None
        body = reply.body[: max(1, len(reply.body) // 2)] if len(reply.body) > 2 else b'{"id": 1, "pair": "USDT_'
        return attrs.evolve(reply, body=body)


@attrs.frozen(slots=True)
class PlanLimit:
    """Answer 429 meaning the subscription plan does not allow the call (not a rate limit)."""

    description: str = "This feature is not available with your current subscription plan"
    phase: Phase = Phase.BEFORE_HANDLER

    async def apply(self, host: FaultHost, reply: Reply | None) -> Reply | None:
        return error_reply(429, "access_denied", self.description)


@attrs.define(eq=False)
class FaultRule:
    """Which requests ``fault`` hits. All given conditions must hold; then ``probability`` decides.

    ``on_requests`` are 1-based numbers among the requests the other filters let through;
    ``active_from`` / ``active_until`` are API times; ``times`` caps how often the rule fires.
    """

    fault: Fault
    key: str | None = None
    endpoints: frozenset[EndpointRef] | None = None
    probability: float = 1.0
    on_requests: frozenset[int] | None = None
    times: int | None = None
    active_from: float | None = None
    active_until: float | None = None
    seen: int = 0
    fired: int = 0

    def decide(self, key: str | None, method: str, template: str | None, now: float, rng: random.Random) -> bool:
        if self.key is not None and key != self.key:
            return False
        if self.endpoints is not None and (method.upper(), template or "") not in self.endpoints:
            return False
        if self.active_from is not None and now < self.active_from:
            return False
        if self.active_until is not None and now >= self.active_until:
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        self.seen += 1
        if self.on_requests is not None and self.seen not in self.on_requests:
            return False
        if self.probability < 1.0 and rng.random() >= self.probability:
            return False
        self.fired += 1
        return True


class FaultInjector:
    """The fault rules of one fake, in the order they were added."""

    def __init__(self, *, clock: Callable[[], float], seed: int = 0) -> None:
        self._clock = clock
        self.rng = random.Random(seed)
        self.rules: list[FaultRule] = []

    def add(
        self,
        fault: Fault,
        *,
        key: str | None = None,
        endpoints: Iterable[EndpointRef] | None = None,
        probability: float = 1.0,
        on_requests: Iterable[int] | None = None,
        times: int | None = None,
        delay: float = 0.0,
        duration: float | None = None,
    ) -> FaultRule:
        """Add a rule. ``delay`` and ``duration`` (API seconds from now) bound when it is active."""
        if not 0.0 <= probability <= 1.0:
            raise ValueError("probability must be within [0, 1]")
        now = self._clock()
        rule = FaultRule(
            fault=fault,
            key=key,
            endpoints=None if endpoints is None else frozenset((method.upper(), path) for method, path in endpoints),
            probability=probability,
            on_requests=None if on_requests is None else frozenset(on_requests),
            times=times,
            active_from=now + delay if delay else None,
            active_until=None if duration is None else now + delay + duration,
        )
        self.rules.append(rule)
        return rule

    def remove(self, rule: FaultRule) -> None:
        if rule in self.rules:
            self.rules.remove(rule)

    def clear(self) -> None:
        self.rules.clear()

    def select(self, key: str | None, method: str, template: str | None, now: float) -> list[Fault]:
        """The faults that hit this request (every rule is asked, so counts stay per rule)."""
        return [rule.fault for rule in self.rules if rule.decide(key, method, template, now, self.rng)]

    def ignore_forced_mode(self, **when: Unpack[RuleOptions]) -> FaultRule:
        """Requests act on the key's or the user's mode whatever their ``Forced-Mode`` header says."""
        return self.add(IgnoreForcedMode(), **when)

    def latency(
        self, seconds: float, *, jitter: float = 0.0, phase: Phase = Phase.BEFORE_HANDLER, **when: Unpack[RuleOptions]
    ) -> FaultRule:
        return self.add(Latency(seconds, jitter, phase), **when)

    def server_error(
        self, *statuses: int, phase: Phase = Phase.BEFORE_HANDLER, **when: Unpack[RuleOptions]
    ) -> FaultRule:
        return self.add(ServerErrorFault(tuple(statuses) or (500, 502, 504), phase), **when)

    def connection_reset(self, *, phase: Phase = Phase.BEFORE_HANDLER, **when: Unpack[RuleOptions]) -> FaultRule:
        return self.add(ConnectionReset(phase), **when)

    def rate_limit_storm(self, **when: Unpack[RuleOptions]) -> FaultRule:
        return self.add(RateLimitStorm(), **when)

    def ban(self, seconds: float | None = None, **when: Unpack[RuleOptions]) -> FaultRule:
        return self.add(Ban(seconds), **when)

    def malformed_json(self, **when: Unpack[RuleOptions]) -> FaultRule:
        return self.add(MalformedJson(), **when)

    def plan_limit(self, **when: Unpack[RuleOptions]) -> FaultRule:
        return self.add(PlanLimit(), **when)
