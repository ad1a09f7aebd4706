"""How every example gets its client: the in-process fake 3Commas (``--fake``, the default) or the real API.

With ``--real`` the client reads ``THREECOMMAS_API_KEY`` and ``THREECOMMAS_API_SECRET`` (or
``THREECOMMAS_PRIVATE_KEY``) from the environment and uses the documented rate budgets as they are.
With ``--fake`` a seeded :class:`~threecommas_async.testing.FakeThreeCommas` answers in-process and
its clock runs 100 times faster than real time; the client's limiter is scaled the same way, so a
run that needs several minutes of rate budget against the real API takes seconds.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from threecommas_async import ThreeCommas, default_policy
from threecommas_async.testing import FakeThreeCommas

FAKE_TIME_SCALE = 0.01
"""Real seconds per API second on the fake: a 60 s rate window lasts 0.6 s."""


@dataclass
class Target:
    """The client an example works with and, against the fake, the fake itself."""

    client: ThreeCommas
    fake: FakeThreeCommas | None

    @property
    def time_scale(self) -> float:
        """Real seconds per API second: 1 against real 3Commas, ``FAKE_TIME_SCALE`` against the fake."""
        return self.fake.time_scale if self.fake is not None else 1.0

    def fake_report(self) -> str | None:
        """What the fake saw, in one line (None against real 3Commas)."""
        if self.fake is None:
            return None
        counters = self.fake.counters
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(counters.by_status.items()))
        return (
            f"fake 3Commas saw {counters.requests} requests ({statuses}; "
            f"connections dropped: {counters.connections_dropped}); "
            f"429s: {counters.by_status.get(429, 0)}, 418s: {counters.by_status.get(418, 0)}, "
            f"writes applied twice: {counters.repeats}"
        )

    def fake_is_clean(self) -> bool:
        """True against real 3Commas; against the fake, True when no 429/418 and no write arrived twice."""
        if self.fake is None:
            return True
        counters = self.fake.counters
        return not (counters.by_status.get(429) or counters.by_status.get(418) or counters.repeats)


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """``--fake`` (default) or ``--real``, and the fake's seed."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--fake", dest="fake", action="store_true", default=True, help="run against the fake (default)")
    group.add_argument("--real", dest="fake", action="store_false", help="run against api.3commas.io (env credentials)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the fake's book (default 7)")


@contextlib.asynccontextmanager
async def connect(
    args: argparse.Namespace,
    *,
    prepare_fake: Callable[[FakeThreeCommas], None] | None = None,
) -> AsyncIterator[Target]:
    """Open the client (and the fake, seeded by ``prepare_fake``) for the duration of the block."""
    if not args.fake:
        async with ThreeCommas() as client:
            yield Target(client, None)
        return
    fake = FakeThreeCommas(time_scale=FAKE_TIME_SCALE, seed=args.seed)
    key = fake.add_key()
    if prepare_fake is not None:
        prepare_fake(fake)
    async with ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=fake.transport(),
        rate_limit=default_policy().scaled(fake.time_scale),
    ) as client:
        yield Target(client, fake)
