"""The suite's one fixture layer: factories for fakes and clients, the usual fake/key/client trio, one
SSL context for the session, a virtual clock, and the project's own reference facts from ``tests/data/``.

A module sizes its fake with a marker instead of re-declaring fixtures::

    pytestmark = pytest.mark.fake(seed=8, deals=20, smart_trades=5, repeat_window=30.0)

Types and helpers the tests import by name are in ``support.py``.
"""

from __future__ import annotations

import inspect
import os
import ssl
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from support import (
    TEST_API_KEY,
    TEST_SECRET,
    MakeClient,
    MakeFake,
    SigningVector,
    documented_endpoints,
    signing_vectors,
)

from threecommas_async import ThreeCommas, VirtualClock, default_policy
from threecommas_async.testing import FakeKey, FakeThreeCommas, ManualClock

_BOOK_SIZES = frozenset(inspect.signature(FakeThreeCommas.seed).parameters) - {"self", "seed"}
_SKIPPED: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        _SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """On CI (a fresh clone with every test dependency and redis-server installed) a skip is a failure."""
    if _SKIPPED and os.environ.get("CI") and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _SKIPPED and os.environ.get("CI"):
        listed = ", ".join(_SKIPPED)
        terminalreporter.write_line(f"CI: {len(_SKIPPED)} skipped test(s) fail the run: {listed}", red=True)


@pytest.fixture(scope="session")
def ssl_context() -> ssl.SSLContext:
    """One verifying SSL context for every client that needs a real transport (a new one costs ~100 ms)."""
    return httpx.create_ssl_context()


@pytest.fixture
def virtual_clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture(scope="session", name="signing_vectors")
def signing_vectors_fixture() -> dict[str, SigningVector]:
    return signing_vectors()


@pytest.fixture(scope="session", name="documented_endpoints")
def documented_endpoints_fixture() -> frozenset[tuple[str, str]]:
    return documented_endpoints()


@pytest.fixture
def make_fake() -> MakeFake:
    def make(*, seed: int = 0, fake_seed: int = 0, **options: Any) -> FakeThreeCommas:
        sizes = {name: options.pop(name) for name in _BOOK_SIZES & options.keys()}
        if "clock" not in options and "time_scale" not in options:
            options["clock"] = ManualClock()
        fake = FakeThreeCommas(seed=fake_seed, **options)
        fake.seed(seed=seed, **sizes)
        return fake

    return make


@pytest.fixture
async def make_client(ssl_context: ssl.SSLContext) -> AsyncIterator[MakeClient]:
    made: list[ThreeCommas] = []

    def make(fake: FakeThreeCommas | None = None, *, clock: VirtualClock | None = None, **options: Any) -> ThreeCommas:
        if clock is not None:
            options.update(clock=clock, sleep=clock.sleep)
        if fake is not None:
            key = _key_of(fake)
            options.setdefault("api_key", key.api_key)
            options.setdefault("api_secret", key.secret)
            options.setdefault("rate_limit", default_policy().scaled(fake.time_scale))
            if "http_client" not in options and "base_url" not in options:
                options.setdefault("transport", fake.transport())
        else:
            options.setdefault("api_key", TEST_API_KEY)
            options.setdefault("api_secret", TEST_SECRET)
        if "http_client" not in options:
            options.setdefault("transport", httpx.AsyncHTTPTransport(verify=ssl_context))
        client = ThreeCommas(**options)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()


def _key_of(fake: FakeThreeCommas) -> FakeKey:
    try:
        return fake.default_key
    except LookupError:
        return fake.add_key()


@pytest.fixture
def fake(request: pytest.FixtureRequest, make_fake: MakeFake) -> FakeThreeCommas:
    """A seeded fake on a ManualClock with one full-permission HMAC key (``fake.default_key``), sized by the
    closest ``pytest.mark.fake(...)`` (default: seed 0, ``FakeThreeCommas.seed``'s default sizes)."""
    marker = request.node.get_closest_marker("fake")
    fake = make_fake(**(marker.kwargs if marker else {}))
    fake.add_key()
    return fake


@pytest.fixture
def key(fake: FakeThreeCommas) -> FakeKey:
    """``fake``'s default key."""
    return fake.default_key


@pytest.fixture
async def client(fake: FakeThreeCommas, key: FakeKey) -> AsyncIterator[httpx.AsyncClient]:
    """A plain ``httpx.AsyncClient`` wired in-process to ``fake``, signing with ``key``."""
    async with fake.http_client(key) as http:
        yield http
