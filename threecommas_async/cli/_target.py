"""The client a command talks through: the real API (``THREECOMMAS_*`` credentials, an optional base URL)
or, with ``--fake``, a seeded fake 3Commas in this process on scaled time."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import attrs

from .. import RateLimitPolicy, ThreeCommas, default_policy

if TYPE_CHECKING:
    from ..testing import FakeThreeCommas

__all__ = ["Target", "TargetOptions", "open_target"]

FAKE_TIME_SCALE = 0.01


@attrs.frozen
class TargetOptions:
    """Where to connect. ``time_scale`` scales the rate budget (None: 1, or 0.01 with ``fake``)."""

    fake: bool = False
    base_url: str | None = None
    time_scale: float | None = None
    mode: str | None = None
    seed: int = 7
    fake_deals: int = 1500

    @property
    def scale(self) -> float:
        if self.time_scale is not None:
            return self.time_scale
        return FAKE_TIME_SCALE if self.fake else 1.0

    def policy(self) -> RateLimitPolicy:
        policy = default_policy()
        return policy if self.scale == 1.0 else policy.scaled(self.scale)


@attrs.frozen
class Target:
    client: ThreeCommas
    policy: RateLimitPolicy
    fake: FakeThreeCommas | None

    def describe(self) -> str:
        return "the embedded fake 3Commas" if self.fake is not None else self.client.base_url


@contextlib.asynccontextmanager
async def open_target(options: TargetOptions) -> AsyncIterator[Target]:
    """An open client for ``options`` (and the fake, when asked for), closed when the block ends."""
    policy = options.policy()
    settings: dict[str, Any] = {"rate_limit": policy, "forced_mode": options.mode}
    fake = None
    if options.fake:
        from ..testing import IN_PROCESS_BASE_URL, FakeThreeCommas

        fake = FakeThreeCommas(time_scale=options.scale, seed=options.seed)
        fake.seed(seed=options.seed, deals=options.fake_deals, bots=30, smart_trades=120, grid_bots=6, accounts=6)
        key = fake.add_key()
        settings.update(
            api_key=key.api_key, api_secret=key.secret, base_url=IN_PROCESS_BASE_URL, transport=fake.transport()
        )
    else:
        base_url = options.base_url or os.environ.get("THREECOMMAS_BASE_URL")
        if base_url:
            settings["base_url"] = base_url
    async with ThreeCommas(**settings) as client:
        yield Target(client, policy, fake)
