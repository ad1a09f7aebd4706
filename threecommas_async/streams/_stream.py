"""``Stream``: the async iterator users hold, and ``Streams``, the factory behind ``client.streams``."""

from __future__ import annotations

import asyncio
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .._exceptions import MissingCredentialsError
from ..models import Deal, SmartTrade
from ._engine import Engine
from ._kinds import DEALS, SMART_TRADES, StreamKind
from ._protocol import make_identifier
from ._socket import websocket_connector
from ._types import StreamEvent, StreamMode, StreamOptions, StreamStats

if TYPE_CHECKING:
    from .._client import ThreeCommas

__all__ = ["DealStream", "SmartTradeStream", "Stream", "Streams"]

E = TypeVar("E", Deal, SmartTrade)


class Stream(Generic[E]):
    """Realtime updates of one channel, as ``StreamEvent`` objects; use it with ``async with``/``async for``.

    ``async with client.streams.deals() as deals: async for event in deals: ...``; ``event.entity``
    is the typed model (exact Decimals), ``event.source`` says socket, gap fill or polling.

    Guarantee, per entity id, with ``updated_at`` as the version:

    * every update pushed while the subscription is confirmed is yielded exactly once. (REST states
      read by a gap fill are held until a ping shows the pushes sent before them have arrived, so
      they cannot overtake one; only a push the server sends more than ``push_lag`` after its
      ``updated_at`` could then be skipped as older than what was already yielded);
    * after any outage (reconnect, or a stretch of polling) the latest state of every entity that
      changed during it is yielded, read over REST (active ones, and those finished since the last
      state seen). States an entity went through *during* the outage cannot be recovered: REST only
      knows the latest;
    * no version is yielded twice, and an entity's versions come in increasing ``updated_at`` order.

    The stream starts at its first confirmed subscription (or first poll); ``snapshot=True`` yields
    the active entities first. The window of a gap fill is bounded with the server time of the last
    ping; if the first connection is lost before its first ping (within ~3 s of starting) there is no
    such bound, and the gap fill yields every active entity and the newest finished ones.

    It ends only when closed, or with :class:`StreamAuthError` when the key cannot read the channel.
    Events wait in an unbounded queue for a slow consumer.
    """

    def __init__(self, client: ThreeCommas, kind: StreamKind[E], options: StreamOptions) -> None:
        auth = client._sender.auth
        if auth is None:
            raise MissingCredentialsError(f"{kind.channel} needs an API key with {kind.permission}")
        self._kind: StreamKind[E] = kind
        connector = options.connector if options.connector is not None else websocket_connector()
        identifier = make_identifier(kind.channel, [auth], kind.path)
        self._engine: Engine[E] = Engine(client, kind, identifier, options, connector)
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def channel(self) -> str:
        return self._kind.channel

    @property
    def mode(self) -> StreamMode:
        """Connecting, on the socket, polling, or closed."""
        return StreamMode.CLOSED if self._closed else self._engine.mode

    @property
    def server_time(self) -> datetime | None:
        """The server's clock as of the last ping received (None before the first)."""
        return self._engine.last_ping

    @property
    def stats(self) -> StreamStats:
        return self._engine.stats

    def start(self) -> None:
        """Start connecting now (``async with`` and the first ``async for`` do it too)."""
        if self._closed:
            raise RuntimeError("the stream is closed")
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._engine.run(), name=f"stream-{self.channel}")

    async def aclose(self) -> None:
        """Stop the connection and the background task; the iterator then ends."""
        self._closed = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        self._engine.queue.put_nowait(None)

    async def __aenter__(self) -> Stream[E]:
        self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __aiter__(self) -> Stream[E]:
        return self

    async def __anext__(self) -> StreamEvent[E]:
        if self._closed:
            raise StopAsyncIteration
        self.start()
        item = await self._engine.queue.get()
        if item is None:
            self._engine.queue.put_nowait(None)
            raise StopAsyncIteration
        if isinstance(item, BaseException):
            await self.aclose()
            raise item
        return item

    def __repr__(self) -> str:
        return f"<Stream {self.channel} mode={self.mode.value}>"


DealStream = Stream[Deal]
SmartTradeStream = Stream[SmartTrade]


class Streams:
    """Opens realtime streams for a client: ``Streams(client).deals()``; the client exposes it as ``client.streams``.

    ``options`` are the defaults for every stream it opens; keyword arguments to :meth:`deals` and
    :meth:`smart_trades` override single fields (``poll_interval=30``, ``snapshot=True``, ...).
    Needs the ``streams`` extra (``websockets``) unless a ``connector`` is given.
    """

    def __init__(self, client: ThreeCommas, options: StreamOptions | None = None) -> None:
        self._client = client
        self.options = options if options is not None else StreamOptions()

    def deals(self, **overrides: Any) -> Stream[Deal]:
        """Deal updates (``DealsChannel``, needs BOTS_READ)."""
        return Stream(self._client, DEALS, attrs.evolve(self.options, **overrides))

    def smart_trades(self, **overrides: Any) -> Stream[SmartTrade]:
        """SmartTrade updates (``SmartTradesChannel``, needs SMART_TRADES_READ)."""
        return Stream(self._client, SMART_TRADES, attrs.evolve(self.options, **overrides))

    def __repr__(self) -> str:
        return f"Streams(url={self.options.url!r})"
