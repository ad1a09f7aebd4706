"""Realtime deal and smart-trade updates over 3Commas' ActionCable WebSocket, with REST gap fill and polling.

``Streams(client).deals()`` (the client exposes it as ``client.streams``) is an async iterator and
context manager yielding :class:`StreamEvent` objects: the typed ``Deal``/``SmartTrade`` and the
:class:`Source` it came from. See :class:`Stream` for what is guaranteed across disconnects.

The stream (``wss://ws.3commas.io/websocket``, ``DealsChannel``/``SmartTradesChannel``) was
documented from 2021 to mid-2024 and is no longer in the current docs; when the socket cannot be
had the same iterator polls REST under the client's limiter and goes back to the socket when it
returns. Needs the ``streams`` extra (``websockets``).
"""

from ._errors import RejectReason, StreamAuthError, StreamError, StreamProtocolError
from ._kinds import DEALS, SMART_TRADES, StreamKind
from ._protocol import DEFAULT_URL, Identifier, channel_signature, make_identifier, subscribe_frame
from ._socket import CableSocket, Connector, SocketClosed, SocketUnavailable, websocket_connector
from ._stream import DealStream, SmartTradeStream, Stream, Streams
from ._types import Source, StreamEvent, StreamMode, StreamOptions, StreamStats

__all__ = [
    "DEALS",
    "DEFAULT_URL",
    "SMART_TRADES",
    "CableSocket",
    "Connector",
    "DealStream",
    "Identifier",
    "RejectReason",
    "SmartTradeStream",
    "SocketClosed",
    "SocketUnavailable",
    "Source",
    "Stream",
    "StreamAuthError",
    "StreamError",
    "StreamEvent",
    "StreamKind",
    "StreamMode",
    "StreamOptions",
    "StreamProtocolError",
    "StreamStats",
    "Streams",
    "channel_signature",
    "make_identifier",
    "subscribe_frame",
    "websocket_connector",
]
