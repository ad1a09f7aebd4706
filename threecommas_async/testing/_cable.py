"""``FakeCable``: the fake's ActionCable server for ``DealsChannel`` and ``SmartTradesChannel``.

It greets, pings with the fake's clock, checks each subscription's identifier (a JSON *string*;
an object is never answered) and signatures over ``/deals`` / ``/smart_trades`` with the fake's
keys and permissions, and pushes whole entities when the book changes: after every API request
that changed one (through the fake's observer), on :meth:`FakeCable.sync`, or explicitly with
:meth:`FakeCable.push_deal` / :meth:`FakeCable.update_deal`. Faults: refuse connections, skip the
welcome, stop pinging, reject subscriptions, delay frames or subscription answers, drop connections.

Reach it in-process (``StreamOptions(connector=cable.connector())``) or over loopback
(``async with cable.serve() as url``). ``delivered`` lists every push written to a confirmed
subscription, for tests that check nothing was lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import attrs

from .. import _json
from ..streams._socket import CableSocket, Connector, SocketClosed, SocketUnavailable
from ._cable_transport import Peer, memory_pair, serve_websockets
from ._fake import FakeThreeCommas
from ._handlers._common import epoch_of
from ._keys import Permission
from ._observe import RequestRecord
from ._payloads import iso
from ._state import Entity, Mode

__all__ = ["CableChannel", "CableFaults", "FakeCable", "PushRecord"]


class CableChannel(enum.Enum):
    """A channel: its name, the path its signature covers, the permission it needs."""

    DEALS = ("DealsChannel", "/deals", Permission.BOTS_READ)
    SMART_TRADES = ("SmartTradesChannel", "/smart_trades", Permission.SMART_TRADES_READ)

    @property
    def wire_name(self) -> str:
        return self.value[0]

    @property
    def path(self) -> str:
        return self.value[1]

    @property
    def permission(self) -> Permission:
        return self.value[2]


_BY_NAME = {channel.wire_name: channel for channel in CableChannel}


def _updated_at(channel: CableChannel, entity: Entity) -> str:
    return str(entity["updated_at"] if channel is CableChannel.DEALS else entity["data"]["updated_at"])


@attrs.define
class CableFaults:
    """Switches for misbehaviour; change them at any time."""

    refuse_connections: bool = False
    no_welcome: bool = False
    stop_pinging: bool = False
    reject_subscriptions: int = 0
    """Reject this many coming subscribe commands (``-1``: all of them)."""
    frame_delay: float = 0.0
    """Seconds (real, through the cable's ``sleep``) before each frame goes out, order kept."""
    subscribe_delay: float = 0.0
    """Seconds before a subscribe command is answered (pings keep coming meanwhile)."""


@attrs.frozen
class PushRecord:
    """One push written to a confirmed subscription."""

    channel: CableChannel
    entity_id: int
    updated_at: str
    connection: int


class _Connection:
    """One client connection: its subscriptions, an ordered outbox, a pinger."""

    def __init__(self, cable: FakeCable, peer: Peer, number: int) -> None:
        self.cable = cable
        self.peer = peer
        self.number = number
        self.subscriptions: dict[str, CableChannel] = {}
        self.outbox: asyncio.Queue[tuple[str, PushRecord | None]] = asyncio.Queue()

    def enqueue(self, frame: dict[str, Any], record: PushRecord | None = None) -> None:
        self.outbox.put_nowait((_json.dumps(frame).decode(), record))

    async def run(self) -> None:
        tasks = [asyncio.ensure_future(self._write()), asyncio.ensure_future(self._ping())]
        if not self.cable.faults.no_welcome:
            self.enqueue({"type": "welcome"})
        try:
            while True:
                await self._command(await self.peer.recv())
        except SocketClosed:
            pass
        finally:
            for task in tasks:
                task.cancel()
            self.peer.abort()

    async def _write(self) -> None:
        while True:
            text, record = await self.outbox.get()
            if self.cable.faults.frame_delay > 0:
                await self.cable.sleep(self.cable.faults.frame_delay)
            try:
                await self.peer.send(text)
            except SocketClosed:
                return
            if record is not None:
                self.cable.delivered.append(record)

    async def _ping(self) -> None:
        while True:
            await self.cable.sleep(self.cable.ping_interval)
            if not self.cable.faults.stop_pinging:
                self.enqueue({"type": "ping", "message": int(self.cable.fake.now())})

    async def _command(self, text: str | bytes) -> None:
        try:
            data = json.loads(text)
        except ValueError:
            return
        if not isinstance(data, dict) or data.get("command") != "subscribe":
            return
        identifier = data.get("identifier")
        if not isinstance(identifier, str):
            return
        if self.cable.faults.subscribe_delay > 0:
            await self.cable.sleep(self.cable.faults.subscribe_delay)
        channel = self.cable.verify(identifier)
        if channel is None or self.cable.take_rejection():
            self.cable.rejected += 1
            self.enqueue({"identifier": identifier, "type": "reject_subscription"})
            return
        self.subscriptions[identifier] = channel
        self.cable.confirmed += 1
        self.enqueue({"identifier": identifier, "type": "confirm_subscription"})

    def push(self, channel: CableChannel, entity: Entity) -> None:
        for identifier, subscribed in self.subscriptions.items():
            if subscribed is channel:
                record = PushRecord(channel, int(entity["id"]), _updated_at(channel, entity), self.number)
                self.enqueue({"identifier": identifier, "message": entity}, record)


class FakeCable:
    """The ActionCable side of a :class:`FakeThreeCommas`; streams the book of ``mode``.

    ``ping_interval`` is in real seconds (ActionCable: 3); ``sleep`` replaces ``asyncio.sleep``
    for pings and frame delays.
    """

    def __init__(
        self,
        fake: FakeThreeCommas,
        *,
        ping_interval: float = 3.0,
        mode: Mode | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.fake = fake
        self.ping_interval = ping_interval
        self.mode = mode if mode is not None else fake.world.mode
        self.sleep = sleep
        self.faults = CableFaults()
        self.delivered: list[PushRecord] = []
        self.connections_opened = 0
        self.confirmed = 0
        self.rejected = 0
        self._connections: set[_Connection] = set()
        self._tasks: set[asyncio.Future[None]] = set()
        self._seen: dict[tuple[CableChannel, int], str] = {}
        self._remember_book()
        fake.observer.listeners.append(self._after_request)

    def __repr__(self) -> str:
        return f"FakeCable(connections={len(self._connections)}, mode={self.mode.value})"

    @property
    def connections(self) -> int:
        return len(self._connections)

    # -- serving ----------------------------------------------------------------------------------

    def connector(self) -> Connector:
        """An in-process :data:`~threecommas_async.streams.Connector` for ``StreamOptions``."""

        async def open_socket(url: str) -> CableSocket:
            if self.faults.refuse_connections:
                raise SocketUnavailable("connection refused")
            client, server = memory_pair()
            self._spawn(self._serve(server))
            return client

        return open_socket

    @contextlib.asynccontextmanager
    async def serve(self) -> AsyncIterator[str]:
        """Serve over WebSockets on 127.0.0.1 (free port); yields the ``ws://`` URL."""
        async with serve_websockets(self._serve, lambda: self.faults.refuse_connections) as url:
            try:
                yield url
            finally:
                self.drop_connections()

    async def _serve(self, peer: Peer) -> None:
        self.connections_opened += 1
        connection = _Connection(self, peer, self.connections_opened)
        self._connections.add(connection)
        try:
            await connection.run()
        finally:
            self._connections.discard(connection)

    def _spawn(self, coroutine: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def aclose(self) -> None:
        """Stop pushing, drop every connection and wait for their tasks."""
        if self._after_request in self.fake.observer.listeners:
            self.fake.observer.listeners.remove(self._after_request)
        self.drop_connections()
        for task in list(self._tasks):
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def drop_connections(self) -> None:
        """Abort every open connection now (no closing handshake), as a network failure would."""
        for connection in list(self._connections):
            connection.peer.abort()
        self._connections.clear()

    # -- subscriptions ------------------------------------------------------------------------------

    def verify(self, identifier: str) -> CableChannel | None:
        """The channel of a well-formed identifier whose every user signs and may read it, else None."""
        try:
            data = json.loads(identifier)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        name = data.get("channel")
        channel = _BY_NAME.get(name) if isinstance(name, str) else None
        users = data.get("users")
        if channel is None or not isinstance(users, list) or not users:
            return None
        return channel if all(self._user_ok(user, channel) for user in users) else None

    def _user_ok(self, user: object, channel: CableChannel) -> bool:
        if not isinstance(user, dict):
            return False
        api_key, signature = user.get("api_key"), user.get("signature")
        if not isinstance(api_key, str) or not isinstance(signature, str):
            return False
        key = self.fake.keys.get(api_key)
        return (
            key is not None
            and key.enabled
            and key.signature_matches([channel.path.encode()], signature)
            and key.allows(channel.permission)
        )

    def take_rejection(self) -> bool:
        if self.faults.reject_subscriptions == 0:
            return False
        if self.faults.reject_subscriptions > 0:
            self.faults.reject_subscriptions -= 1
        return True

    # -- pushing ------------------------------------------------------------------------------------

    def push_deal(self, deal: Entity) -> None:
        """Push ``deal`` (as it is now) to every ``DealsChannel`` subscription."""
        self._push(CableChannel.DEALS, deal)

    def push_smart_trade(self, smart_trade: Entity) -> None:
        """Push ``smart_trade`` (as it is now) to every ``SmartTradesChannel`` subscription."""
        self._push(CableChannel.SMART_TRADES, smart_trade)

    def update_deal(self, deal_id: int, **fields: Any) -> Entity:
        """Change a deal of the book, move its ``updated_at`` forward (strictly), and push it."""
        deal = self.fake.book(self.mode).deals[deal_id]
        deal.update(fields)
        deal["updated_at"] = self._next_stamp(deal["updated_at"])
        self._push(CableChannel.DEALS, deal)
        return deal

    def update_smart_trade(self, smart_trade_id: int, **fields: Any) -> Entity:
        """Change a smart trade of the book, move its ``data.updated_at`` forward, and push it."""
        smart_trade = self.fake.book(self.mode).smart_trades[smart_trade_id]
        smart_trade.update(fields)
        smart_trade["data"]["updated_at"] = self._next_stamp(smart_trade["data"]["updated_at"])
        self._push(CableChannel.SMART_TRADES, smart_trade)
        return smart_trade

    def sync(self) -> int:
        """Push every entity of the book whose ``updated_at`` moved since it was last pushed or seen."""
        book = self.fake.book(self.mode)
        changed = 0
        for channel, entities in ((CableChannel.DEALS, book.deals), (CableChannel.SMART_TRADES, book.smart_trades)):
            for entity in entities.values():
                if self._seen.get((channel, int(entity["id"]))) != _updated_at(channel, entity):
                    self._push(channel, entity)
                    changed += 1
        return changed

    def _push(self, channel: CableChannel, entity: Entity) -> None:
        self._seen[(channel, int(entity["id"]))] = _updated_at(channel, entity)
        for connection in list(self._connections):
            connection.push(channel, entity)

    def _next_stamp(self, previous: str | None) -> str:
        now = self.fake.now()
        before = epoch_of(previous)
        return iso(now if before is None else max(now, before + 0.0015))

    def _remember_book(self) -> None:
        book = self.fake.book(self.mode)
        for channel, entities in ((CableChannel.DEALS, book.deals), (CableChannel.SMART_TRADES, book.smart_trades)):
            for entity in entities.values():
                self._seen[(channel, int(entity["id"]))] = _updated_at(channel, entity)

    def _after_request(self, record: RequestRecord) -> None:
        if record.method != "GET" and record.status is not None and 200 <= record.status < 300:
            self.sync()
