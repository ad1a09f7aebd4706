"""A minimal static HTTP/1.1 responder in a child process, for benchmarks where the fake would be the bottleneck.

Every request gets the same small JSON body over keep-alive connections (plain asyncio protocol, no framework:
tens of thousands of answers per second on one core, far above what one client process can send). It can
record each request's arrival (``time.monotonic()``, system-wide on Linux, so comparable with the parent's
clock) and ``Apikey`` header, so a benchmark can replay the fake's per-key sliding-window rule offline.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import socket
import time
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

BODY = b'[{"id":1,"usd_amount":"32.94603614574163795274108884401249103264815794282912"}]'


def response_for(body: bytes) -> bytes:
    head = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + str(len(body)).encode()
    return head + b"\r\n\r\n" + body


class _Responder(asyncio.Protocol):
    def __init__(self, log: list[tuple[float, bytes]] | None, response: bytes) -> None:
        self._log = log
        self._response = response
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        answers = []
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = self._buffer[:end]
            length, key = _length_and_key(head)
            if len(self._buffer) < end + 4 + length:
                break
            self._buffer = self._buffer[end + 4 + length :]
            if self._log is not None:
                self._log.append((time.monotonic(), key))
            answers.append(self._response)
        if answers and self._transport is not None:
            self._transport.write(b"".join(answers))


def _length_and_key(head: bytes) -> tuple[int, bytes]:
    length, key = 0, b""
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        lowered = name.strip().lower()
        if lowered == b"content-length":
            length = int(value)
        elif lowered == b"apikey":
            key = value.strip()
    return length, key


async def _main(conn: Connection, record: bool, body: bytes) -> None:
    log: list[tuple[float, bytes]] | None = [] if record else None
    response = response_for(body)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Responder(log, response), "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    conn.send(f"http://127.0.0.1:{port}/public/api")
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command == "seen":
            conn.send([(t, key.decode()) for t, key in (log or [])])
        elif command == "reset":
            if log is not None:
                log.clear()
            conn.send("reset")
        elif command == "stop":
            server.close()
            conn.send("stopped")
            return


def _serve(conn: Connection, record: bool, body: bytes) -> None:
    asyncio.run(_main(conn, record, body))


class StaticServerProcess:
    """``with StaticServerProcess(record=True) as server:`` -> ``server.base_url``, ``server.seen()``.

    Every request is answered with ``body`` (a JSON document).
    """

    def __init__(self, *, record: bool = False, body: bytes = BODY) -> None:
        self._record = record
        self._body = body
        self._conn: Connection | None = None
        self._process: Any = None
        self.base_url = ""

    def __enter__(self) -> StaticServerProcess:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self._record, self._body), daemon=True)
        self._process.start()
        if not parent.poll(30):
            raise RuntimeError("the static server process did not start")
        self.base_url = parent.recv()
        self._conn = parent
        return self

    def _ask(self, command: str) -> Any:
        assert self._conn is not None
        self._conn.send(command)
        return self._conn.recv()

    def seen(self) -> list[tuple[float, str]]:
        """Every request since the last reset: (arrival ``time.monotonic()``, ``Apikey`` header)."""
        return list(self._ask("seen"))

    def reset(self) -> None:
        self._ask("reset")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self._ask("stop")
        finally:
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()
