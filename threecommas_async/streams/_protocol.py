"""The ActionCable wire protocol of 3Commas' realtime stream, as pure functions and frame types.

A subscription's identifier is a JSON *string* naming the channel and the signed key(s); the server
echoes it in every frame. Because its signature is static and reusable, the identifier is kept in a
:class:`Identifier` whose repr hides it, and parsed frames never carry it: they only say whether
the frame was addressed to our identifier.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from .. import _json
from .._auth import SigningAuth
from ._errors import StreamProtocolError

__all__ = [
    "DEFAULT_URL",
    "Confirmed",
    "Disconnect",
    "Frame",
    "Identifier",
    "Ping",
    "Push",
    "Rejected",
    "Welcome",
    "channel_signature",
    "make_identifier",
    "parse_frame",
    "subscribe_frame",
]

DEFAULT_URL: Final = "wss://ws.3commas.io/websocket"


def channel_signature(auth: SigningAuth, path: str) -> str:
    """The stream signature for a channel path (``/deals``): HMAC hex or Base64 RSA, like REST signing."""
    return auth.sign(path.encode())


class Identifier:
    """A subscription identifier (JSON text with the key's signature); its repr never shows it."""

    __slots__ = ("_wire", "channel")

    def __init__(self, channel: str, wire: str) -> None:
        self.channel = channel
        self._wire = wire

    @property
    def wire(self) -> str:
        return self._wire

    def __repr__(self) -> str:
        return f"<Identifier {self.channel}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Identifier) and other._wire == self._wire

    def __hash__(self) -> int:
        return hash(self._wire)


def make_identifier(channel: str, auths: list[SigningAuth], path: str) -> Identifier:
    """The identifier for ``channel`` with one signed entry per key in ``users``."""
    users = [{"api_key": auth.api_key, "signature": channel_signature(auth, path)} for auth in auths]
    return Identifier(channel, json.dumps({"channel": channel, "users": users}, separators=(",", ":")))


def subscribe_frame(identifier: Identifier) -> str:
    """The subscribe command; the identifier goes as a string (an object is never confirmed)."""
    return json.dumps({"command": "subscribe", "identifier": identifier.wire}, separators=(",", ":"))


@attrs.frozen
class Welcome:
    """The server greets a new connection."""


@attrs.frozen
class Ping:
    """Heartbeat every ~3 s carrying the server's clock (unix seconds)."""

    server_time: float


@attrs.frozen
class Confirmed:
    """A subscription was accepted (``ours``: it is the one this stream sent)."""

    ours: bool


@attrs.frozen
class Rejected:
    """A subscription was refused. ActionCable gives no reason."""

    ours: bool


@attrs.frozen
class Disconnect:
    """The server is closing the connection (``reconnect`` False: it will refuse again)."""

    reason: str | None
    reconnect: bool


@attrs.frozen
class Push:
    """An update for a subscription: the whole entity as decoded JSON (Decimals for fractions)."""

    ours: bool
    payload: Mapping[str, Any]


Frame = Welcome | Ping | Confirmed | Rejected | Disconnect | Push


def _ping(data: Mapping[str, Any], ours: bool) -> Frame:
    message = data.get("message")
    if isinstance(message, bool) or not isinstance(message, (int, float)):
        raise StreamProtocolError("ping frame without a server time")
    return Ping(float(message))


def _disconnect(data: Mapping[str, Any], ours: bool) -> Frame:
    reason = data.get("reason")
    return Disconnect(reason if isinstance(reason, str) else None, data.get("reconnect") is not False)


_TYPED: Mapping[str, Callable[[Mapping[str, Any], bool], Frame]] = {
    "welcome": lambda data, ours: Welcome(),
    "ping": _ping,
    "confirm_subscription": lambda data, ours: Confirmed(ours),
    "reject_subscription": lambda data, ours: Rejected(ours),
    "disconnect": _disconnect,
}


def parse_frame(text: str | bytes, identifier: Identifier) -> Frame | None:
    """One frame from the server, or None for a frame type this client does not know.

    Errors never quote the frame: it may hold the identifier and its signature.
    """
    try:
        data = _json.loads(text)
    except ValueError:
        raise StreamProtocolError(f"malformed frame ({len(text)} bytes)") from None
    if not isinstance(data, dict):
        raise StreamProtocolError("frame is not a JSON object")
    ours = data.get("identifier") == identifier.wire
    kind = data.get("type")
    if kind is None:
        message = data.get("message")
        if not isinstance(message, dict):
            raise StreamProtocolError("update frame without an object message")
        return Push(ours, message)
    parse = _TYPED.get(kind) if isinstance(kind, str) else None
    return parse(data, ours) if parse is not None else None
