"""What test modules import from the fixture layer: the factories' types, test credentials, the project's
own data files under ``tests/data/`` and ``drive`` for code that waits on a virtual clock.

The fixtures themselves live in ``conftest.py``; this module holds only what a test needs by name.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from threecommas_async import ThreeCommas, VirtualClock
    from threecommas_async.testing import FakeThreeCommas

__all__ = [
    "DATA",
    "TEST_API_KEY",
    "TEST_SECRET",
    "MakeClient",
    "MakeFake",
    "SigningVector",
    "documented_endpoints",
    "drive",
    "signing_vectors",
]

DATA = Path(__file__).resolve().parent / "data"
TEST_API_KEY = "test-api-key"
TEST_SECRET = "s3cr3t-hmac-value-for-tests"
T = TypeVar("T")


@dataclass(frozen=True)
class SigningVector:
    """A documented HMAC example: ``signature`` is HMAC-SHA256(``secret``, ``payload``) in lowercase hex."""

    name: str
    secret: str
    payload: str
    signature: str
    sent_as: str


def signing_vectors() -> dict[str, SigningVector]:
    """The documented signing vectors by name (``form_or_query``, ``json_body``)."""
    data = json.loads((DATA / "signing_vectors.json").read_text())
    return {entry["name"]: SigningVector(**entry) for entry in data["vectors"]}


def documented_endpoints() -> frozenset[tuple[str, str]]:
    """Every documented ``(METHOD, path template)`` pair."""
    data = json.loads((DATA / "documented_endpoints.json").read_text())
    return frozenset((method, path) for method, path in data["endpoints"])


class MakeFake(Protocol):
    """Builds a ``FakeThreeCommas`` with seeded books: ``seed`` seeds the books, ``fake_seed`` the fake itself
    (its key ring, fault and handler randomness).

    Keyword arguments named like ``FakeThreeCommas.seed``'s sizes (``deals=20``...) size the books; the
    rest go to the constructor. Without ``clock`` or ``time_scale`` the fake runs on a ``ManualClock``.
    """

    def __call__(self, *, seed: int = 0, fake_seed: int = 0, **options: Any) -> FakeThreeCommas: ...


class MakeClient(Protocol):
    """Builds a ``ThreeCommas`` that is closed when the test ends.

    With ``fake``: signed with the fake's default key (added if it has none), wired in-process, limiter
    scaled to the fake's time. Without: test credentials and a real HTTP transport on the session's SSL
    context (for respx). ``clock`` sets both ``clock`` and ``sleep``; other keywords go to ``ThreeCommas``.
    """

    def __call__(
        self, fake: FakeThreeCommas | None = None, *, clock: VirtualClock | None = None, **options: Any
    ) -> ThreeCommas: ...


async def drive(clock: VirtualClock, work: Awaitable[T], *, max_rounds: int = 10_000) -> T:
    """Await ``work`` while moving ``clock`` from deadline to deadline, so sleeps on it end at once."""
    task = asyncio.ensure_future(work)
    for _ in range(max_rounds):
        if task.done():
            break
        await clock.run()
        await asyncio.sleep(0)
    return await task
