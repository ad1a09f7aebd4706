"""The fleet's one Redis call: the step script (``_fleet.lua``) run on a budget's keys and its ban scope's
gate, and what an unreachable Redis turns into.

A step is one ``EVALSHA`` (redis-py loads the script on the first ``NOSCRIPT``). KEYS are the budget's
hash (its tickets and shared state) and the ban scope's gate; both carry the ban scope's ``{hash tag}``,
so on Redis Cluster the step routes to one slot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._exceptions import RateLimiterUnavailableError
from ._fleet_step import StepReply, encode_step, script_source

if TYPE_CHECKING:
    from redis.asyncio import Redis
    from redis.commands.core import AsyncScript

__all__ = ["ScriptLink", "SharedSlot", "Unreachable", "unavailable", "unreachable"]


@attrs.frozen(slots=True)
class SharedSlot:
    """A permit's token: the slot's member in the budget's sorted sets."""

    member: str


class Unreachable(Exception):
    """Redis did not answer a step; the Redis error is ``__cause__``."""


def unreachable(cause: BaseException | None) -> Unreachable:
    error = Unreachable()
    error.__cause__ = cause
    return error


def unavailable(cause: BaseException | None) -> RateLimiterUnavailableError:
    error = RateLimiterUnavailableError(
        f"the shared rate limiter (Redis) cannot be reached ({type(cause).__name__}); nothing was sent"
    )
    error.__cause__ = cause
    return error


class ScriptLink:
    """Runs steps for the budget under ``prefix`` whose ban gate is ``gate_key``."""

    def __init__(self, redis: Redis, *, prefix: str, gate_key: str, errors: tuple[type[BaseException], ...]) -> None:
        self._redis = redis
        self.prefix = prefix
        self.gate_key = gate_key
        self.errors = errors
        self._script: AsyncScript | None = None

    async def call(self, step: dict[str, Any]) -> StepReply:
        """One round trip; raises :class:`Unreachable` when Redis does not answer."""
        if self._script is None:
            self._script = self._redis.register_script(script_source())
        try:
            raw = await self._script(keys=[self.prefix + "q", self.gate_key], args=[self.prefix, encode_step(step)])
        except self.errors as exc:
            raise Unreachable() from exc
        return StepReply.parse(raw)

    async def reachable(self) -> bool:
        try:
            await self._redis.ping()
        except self.errors:
            return False
        return True
