"""A throwaway redis-server on loopback for the fleet tests: free port, temp dir, no persistence.

The module-scoped ``redis_server`` fixture (import ``running_redis_server`` to get it) yields a running
:class:`RedisServer`; ``make_backend`` (import ``fleet_backends``) makes ``RedisBackend`` objects on it, in a
namespace of the test's own, closed after the test. Tests are skipped with a clear reason when no
``redis-server`` binary is on PATH or it cannot start. A server can be stopped and started again on the same
port to simulate an outage.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from threecommas_async._ratelimit._redis import RedisBackend

__all__ = ["FLEET_API_KEY", "MakeBackend", "RedisServer", "fleet_backends", "free_port", "running_redis_server"]

FLEET_API_KEY = "fleet-test-key-5f1c9e"
MakeBackend = Callable[..., RedisBackend]

_INSTALL_HINT = "install it (e.g. apt-get install -y redis-server) to run the Redis fleet tests"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """One redis-server process bound to 127.0.0.1 on ``port``, with its files in ``directory``."""

    def __init__(self, binary: str, directory: Path, port: int | None = None) -> None:
        self.binary = binary
        self.directory = directory
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 5.0) -> None:
        if self.running:
            return
        self._process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.directory,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                error = self._process.stderr.read().decode(errors="replace") if self._process.stderr else ""
                raise RuntimeError(f"redis-server exited with {self._process.returncode}: {error.strip()}")
            if self._answers_ping():
                return
            time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"redis-server did not answer on port {self.port} within {timeout}s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()

    def _answers_ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False


@pytest.fixture(scope="module", name="redis_server")
def running_redis_server() -> Iterator[RedisServer]:
    """A redis-server for the whole test module (import this function to get the ``redis_server`` fixture)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(f"redis-server not found on PATH; {_INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="threecommas-redis-") as directory:
        server = _started(binary, Path(directory))
        try:
            yield server
        finally:
            server.stop()


def _started(binary: str, directory: Path, attempts: int = 3) -> RedisServer:
    """A started server; a port taken between ``free_port`` and the bind (parallel workers) means a new port."""
    error: Exception | None = None
    for _ in range(attempts):
        server = RedisServer(binary, directory)
        try:
            server.start()
        except (OSError, RuntimeError) as exc:
            error = exc
        else:
            return server
    pytest.skip(f"redis-server could not start ({error}); {_INSTALL_HINT}")


@pytest.fixture(name="make_backend")
async def fleet_backends(redis_server: RedisServer) -> AsyncIterator[MakeBackend]:
    """``make_backend(**options)``: a ``RedisBackend`` on ``redis_server`` (or ``url=``), by default with
    ``FLEET_API_KEY``, the test's own namespace and ``trust_fresh_start=True``; each is closed after the test."""
    namespace = f"t{uuid.uuid4().hex[:8]}"
    made: list[RedisBackend] = []

    def make(**options: Any) -> RedisBackend:
        url = options.pop("url", redis_server.url)
        defaults = {"api_key": FLEET_API_KEY, "namespace": namespace, "trust_fresh_start": True}
        backend = RedisBackend.from_url(url, **{**defaults, **options})
        made.append(backend)
        return backend

    yield make
    for backend in made:
        await backend.aclose()
