"""pytest fixtures for code that uses threecommas_async, backed by the fake 3Commas API.

Loaded automatically through the ``pytest11`` entry point ``threecommas_async``. It lives outside the
``threecommas_async`` package so that registering it imports only pytest: the SDK, httpx and the
fake load when a test first asks for one of these fixtures. Fixtures:

``threecommas_time_scale``
    How fast the fake's time runs (default ``0.01``: a 60 s window lasts 0.6 s). Override it in a
    ``conftest.py`` to change the scale for ``fake_3commas`` and ``threecommas_client``.
``fake_3commas``
    A fresh :class:`~threecommas_async.testing.FakeThreeCommas` with a seeded book (paper and real)
    and one HMAC key with every permission (``fake_3commas.default_key``).
``fake_cable``
    The fake's ActionCable server (:class:`~threecommas_async.testing.FakeCable`) over
    ``fake_3commas``, pinging every 0.05 s; ``StreamOptions(connector=fake_cable.connector())``.
``threecommas_client``
    A ready :class:`~threecommas_async.ThreeCommas` using that key, wired in-process to the fake,
    with the default rate-limit policy scaled to the fake's time. It is an async fixture: with
    pytest-asyncio in strict mode, mark the tests that use it ``@pytest.mark.asyncio`` (or set
    ``asyncio_mode = "auto"``).

Every test also starts with fresh IP-wide ban gates (``threecommas_fresh_ban_gates``, autouse): clients
share one gate per API host in a process, so without it a ban drawn in one test would hold the next.

``threecommas_async.testing.pytest_plugin`` is the same plugin under its old name, for
``pytest_plugins = [...]`` lists.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from threecommas_async import ThreeCommas
    from threecommas_async.testing import FakeCable, FakeThreeCommas

__all__ = [
    "fake_3commas",
    "fake_cable",
    "threecommas_client",
    "threecommas_fresh_ban_gates",
    "threecommas_time_scale",
]


def _async_fixture(function: Callable[..., Any]) -> Any:
    """``pytest_asyncio.fixture`` when pytest-asyncio is installed (its strict mode needs it)."""
    try:
        import pytest_asyncio
    except ImportError:  # pragma: no cover - depends on the environment
        return pytest.fixture(function)
    return pytest_asyncio.fixture(function)


@pytest.fixture(autouse=True)
def threecommas_fresh_ban_gates() -> None:
    """Forget the process-wide ban gates before the test (only if the SDK is loaded: nothing to forget
    otherwise, and the plugin imports nothing it does not need)."""
    module = sys.modules.get("threecommas_async._ratelimit._ipgate")
    if module is not None:
        module.reset_shared_ban_gates()


@pytest.fixture
def threecommas_time_scale() -> float:
    """Real seconds per API second for the fake and the client's limiter."""
    return 0.01


@pytest.fixture
def fake_3commas(threecommas_time_scale: float) -> FakeThreeCommas:
    """A fresh fake with a seeded book (seed 0) and one full-permission HMAC key."""
    from threecommas_async.testing import FakeThreeCommas

    fake = FakeThreeCommas(time_scale=threecommas_time_scale)
    fake.seed(seed=0)
    fake.add_key()
    return fake


@_async_fixture
async def threecommas_client(fake_3commas: FakeThreeCommas) -> AsyncIterator[ThreeCommas]:
    """A ``ThreeCommas`` client signing with the fake's default key, in-process, limiter scaled."""
    from threecommas_async import ThreeCommas, default_policy

    key = fake_3commas.default_key
    client = ThreeCommas(
        api_key=key.api_key,
        api_secret=key.secret,
        transport=fake_3commas.transport(),
        rate_limit=default_policy().scaled(fake_3commas.time_scale),
    )
    async with client:
        yield client


@_async_fixture
async def fake_cable(fake_3commas: FakeThreeCommas) -> AsyncIterator[FakeCable]:
    """The fake's ActionCable server for realtime streams, closed after the test."""
    from threecommas_async.testing import FakeCable

    cable = FakeCable(fake_3commas, ping_interval=0.05)
    yield cable
    await cable.aclose()
