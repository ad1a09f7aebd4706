"""The loop behind one stream: connect, subscribe, read pushes, notice death, reconnect, fill gaps, poll.

It runs as one task and puts events on a queue; everything that touches the version tracker runs
on the event loop between awaits, so a push and a gap-fill state never interleave mid-update.

Server time comes from ActionCable's pings. It bounds the REST window after an outage (anything
lost happened after the last ping received, less ``push_lag``) and tells when a REST state may be
released: once a ping newer than its ``updated_at`` (plus ``push_lag``) has arrived, every push
sent before it has been read, so the REST state cannot overtake one.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from .._exceptions import AuthenticationError, PermissionDeniedError, ThreeCommasError
from ..models import Deal, SmartTrade, structure_response
from ._errors import RejectReason, StreamAuthError, StreamProtocolError
from ._kinds import StreamKind
from ._protocol import (
    Confirmed,
    Disconnect,
    Frame,
    Identifier,
    Ping,
    Push,
    Rejected,
    Welcome,
    parse_frame,
    subscribe_frame,
)
from ._socket import CableSocket, Connector, SocketClosed, SocketUnavailable
from ._types import Source, StreamEvent, StreamMode, StreamOptions, StreamStats
from ._versions import Holdback, VersionTracker

if TYPE_CHECKING:
    from .._client import ThreeCommas

__all__ = ["Engine"]

E = TypeVar("E", Deal, SmartTrade)
_log = logging.getLogger("threecommas_async.streams")
_FILL_RETRY = 1.0


class _Rejected(Exception):
    """The server refused our subscription (or said it will not take us back)."""


@attrs.define
class _Gap:
    """A stretch without a subscription whose changes REST has not delivered yet.

    ``since`` is fixed when the gap opens (None: no server time known yet), so pings on the next
    connection cannot move the window past changes made during the outage.
    """

    since: datetime | None


class Engine(Generic[E]):
    """Connection state and the task that drives it; :class:`Stream` is the public face."""

    def __init__(
        self,
        client: ThreeCommas,
        kind: StreamKind[E],
        identifier: Identifier,
        options: StreamOptions,
        connector: Connector,
    ) -> None:
        self._client = client
        self._kind: StreamKind[E] = kind
        self._identifier = identifier
        self._options = options
        self._connector = connector
        self._clock = options.clock
        self._sleep = options.sleep
        self.queue: asyncio.Queue[StreamEvent[E] | BaseException | None] = asyncio.Queue()
        """Events, then an exception that ends the stream, or None once it is closed."""
        self.mode = StreamMode.CONNECTING
        self.stats = StreamStats()
        self._tracker: VersionTracker[E] = VersionTracker(lambda entity: entity.id, kind.version_of)
        self._held: Holdback[E] = Holdback(lambda entity: entity.id, kind.version_of)
        self.last_ping: datetime | None = None
        self._gap: _Gap | None = None
        self._started = False
        self._key_checked = False
        self._deadline = 0.0
        self._next_poll = float("-inf")

    # -- the outer loop -------------------------------------------------------------------------

    async def run(self) -> None:
        failures = 0
        try:
            while True:
                confirmed = await self._attempt()
                failures = 0 if confirmed else failures + 1
                delay = self._options.backoff(failures)
                if failures >= self._options.poll_after_failures:
                    await self._poll_until(self._clock() + delay)
                else:
                    self.mode = StreamMode.CONNECTING
                    await self._sleep(delay)
        except Exception as exc:
            self.queue.put_nowait(exc)
        finally:
            self.mode = StreamMode.CLOSED

    async def _attempt(self) -> bool:
        """One connection, from opening to its end; True if the subscription was confirmed."""
        self.stats.connects += 1
        try:
            socket = await self._connector(self._options.url)
        except SocketUnavailable as exc:
            _log.info("%s: socket unavailable (%s)", self._kind.channel, exc)
            return False
        confirmed = False
        self._deadline = self._clock() + self._options.dead_after
        watchdog = asyncio.ensure_future(self._watchdog(socket))
        filler: asyncio.Future[None] | None = None
        try:
            await self._handshake(socket)
            confirmed = True
            filler = self._on_confirmed()
            await self._pump(socket)
        except (SocketClosed, StreamProtocolError) as exc:
            _log.info("%s: connection ended (%s)", self._kind.channel, type(exc).__name__)
        except _Rejected:
            self.stats.rejected += 1
            await self._check_key()
        finally:
            for task in (watchdog, filler):
                if task is not None:
                    task.cancel()
            socket.abort()
        if confirmed and self._gap is None:
            self._gap = _Gap(self._watermark())
        return confirmed

    # -- one connection ---------------------------------------------------------------------------

    async def _handshake(self, socket: CableSocket) -> None:
        while not isinstance(await self._frame(socket), Welcome):
            pass
        await socket.send(subscribe_frame(self._identifier))
        while True:
            frame = await self._frame(socket)
            if isinstance(frame, Confirmed) and frame.ours:
                return
            if isinstance(frame, Rejected) and frame.ours:
                raise _Rejected
            if isinstance(frame, Disconnect):
                raise _Rejected if not frame.reconnect else SocketClosed("server disconnect")

    def _on_confirmed(self) -> asyncio.Future[None] | None:
        self.stats.confirmed += 1
        self.mode = StreamMode.SOCKET
        _log.info("%s: subscribed", self._kind.channel)
        first = not self._started
        self._started = True
        if first and not self._options.snapshot:
            return None
        return asyncio.ensure_future(self._gap_fill(snapshot=first))

    async def _pump(self, socket: CableSocket) -> None:
        while True:
            self._deadline = self._clock() + self._options.dead_after
            frame = await self._frame(socket)
            if isinstance(frame, Push) and frame.ours:
                self._on_push(frame)
            elif isinstance(frame, Disconnect) or (isinstance(frame, Rejected) and frame.ours):
                raise SocketClosed("server disconnect")

    async def _frame(self, socket: CableSocket) -> Frame | None:
        frame = parse_frame(await socket.recv(), self._identifier)
        if isinstance(frame, Ping):
            self._on_ping(frame)
        return frame

    def _on_ping(self, ping: Ping) -> None:
        moment = datetime.fromtimestamp(ping.server_time, tz=timezone.utc)
        if self.last_ping is None or moment > self.last_ping:
            self.last_ping = moment
        self._release(Source.GAP_FILL)

    def _on_push(self, push: Push) -> None:
        self.stats.pushes += 1
        try:
            entity = structure_response(push.payload, self._kind.model)
        except Exception:
            _log.warning("%s: skipped an update that does not fit %s", self._kind.channel, self._kind.model.__name__)
            return
        self._emit(entity, Source.SOCKET)

    async def _watchdog(self, socket: CableSocket) -> None:
        """Aborts the socket when no frame arrived by the deadline (set by the handshake and pump)."""
        while (remaining := self._deadline - self._clock()) > 0:
            await self._sleep(remaining)
        self.stats.dead += 1
        _log.info("%s: no frame for %.1f s, connection is dead", self._kind.channel, self._options.dead_after)
        socket.abort()

    async def _check_key(self) -> None:
        """After the first rejection, one signed read tells bad credentials or permission from the rest."""
        if self._key_checked:
            return
        self._key_checked = True
        try:
            await self._kind.probe(self._client)
        except AuthenticationError as exc:
            raise StreamAuthError(self._kind.channel, RejectReason.BAD_CREDENTIALS, self._kind.permission) from exc
        except PermissionDeniedError as exc:
            raise StreamAuthError(self._kind.channel, RejectReason.MISSING_PERMISSION, self._kind.permission) from exc
        except ThreeCommasError as exc:
            _log.warning("%s: key check failed (%s); will retry and poll", self._kind.channel, type(exc).__name__)

    # -- REST: gap fill and polling ---------------------------------------------------------------

    def _watermark(self) -> datetime | None:
        """Server time before which nothing can have been missed (the last ping or newest state, less slack)."""
        known = [moment for moment in (self.last_ping, self._tracker.newest) if moment is not None]
        if not known:
            return None
        return max(known) - timedelta(seconds=self._options.push_lag + 1.0)

    def _gap_since(self) -> datetime | None:
        return self._gap.since if self._gap is not None else self._watermark()

    async def _gap_fill(self, *, snapshot: bool) -> None:
        """Read what changed since the gap opened (or, for a snapshot, what is active), retrying until it works."""
        since = self._gap_since()
        while True:
            try:
                if snapshot:
                    entities = await self._kind.active_now(self._client)
                else:
                    entities = await self._kind.changed_since(self._client, since)
                break
            except (AuthenticationError, PermissionDeniedError) as exc:
                self.queue.put_nowait(self._auth_error(exc))
                return
            except ThreeCommasError as exc:
                _log.warning("%s: gap fill failed (%s), retrying", self._kind.channel, type(exc).__name__)
                await self._sleep(_FILL_RETRY)
        self.stats.gap_fills += 1
        self._gap = None
        self._held.add(entities)
        self._release(Source.GAP_FILL)

    def _release(self, source: Source, *, release_all: bool = False) -> None:
        if release_all:
            ready = self._held.release(None)
        elif self.last_ping is None:
            return
        else:
            ready = self._held.release(self.last_ping - timedelta(seconds=self._options.push_lag))
        for entity in ready:
            self._emit(entity, source)

    async def _poll_until(self, deadline: float) -> None:
        """Poll REST every ``poll_interval`` until ``deadline``, when the socket is tried again."""
        if self.mode is not StreamMode.POLLING:
            _log.info("%s: socket unavailable, polling every %s s", self._kind.channel, self._options.poll_interval)
        self.mode = StreamMode.POLLING
        while True:
            if self._clock() >= self._next_poll:
                await self._poll()
                self._next_poll = self._clock() + self._options.poll_interval
            wake = min(self._next_poll, deadline)
            if wake > self._clock():
                await self._sleep(wake - self._clock())
            if self._clock() >= deadline:
                return

    async def _poll(self) -> None:
        first = not self._started
        try:
            if first and self._options.snapshot:
                entities = await self._kind.active_now(self._client)
            else:
                entities = await self._kind.changed_since(self._client, self._gap_since())
        except (AuthenticationError, PermissionDeniedError) as exc:
            raise self._auth_error(exc) from exc
        except ThreeCommasError as exc:
            _log.warning("%s: poll failed (%s)", self._kind.channel, type(exc).__name__)
            return
        self.stats.polls += 1
        self._started = True
        if first and not self._options.snapshot:
            for entity in entities:
                self._tracker.accept(entity)
        else:
            self._held.add(entities)
            self._release(Source.POLLING, release_all=True)
        self._gap = _Gap(self._watermark())

    def _auth_error(self, exc: AuthenticationError | PermissionDeniedError) -> StreamAuthError:
        bad_key = isinstance(exc, AuthenticationError)
        reason = RejectReason.BAD_CREDENTIALS if bad_key else RejectReason.MISSING_PERMISSION
        error = StreamAuthError(self._kind.channel, reason, self._kind.permission)
        error.__cause__ = exc
        return error

    def _emit(self, entity: E, source: Source) -> None:
        if self._tracker.accept(entity):
            self.stats.yielded += 1
            self.queue.put_nowait(StreamEvent(entity, source))
        else:
            self.stats.dropped_stale += 1
