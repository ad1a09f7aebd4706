"""Errors a stream raises to its consumer. None of them quotes a frame, identifier or signature."""

from __future__ import annotations

import enum

from .._exceptions import ThreeCommasError

__all__ = ["RejectReason", "StreamAuthError", "StreamError", "StreamProtocolError"]


class StreamError(ThreeCommasError):
    """A realtime stream failed and will not recover by itself."""


class StreamProtocolError(StreamError):
    """The server sent a frame this client cannot read (treated as a dead connection, then retried)."""


class RejectReason(enum.Enum):
    """Why the key check after a rejected subscription failed."""

    BAD_CREDENTIALS = "bad_credentials"
    MISSING_PERMISSION = "missing_permission"


class StreamAuthError(StreamError):
    """The subscription was rejected and a signed REST call confirmed the key cannot read the channel.

    ``reason`` tells a bad key or signature from a key without the channel's permission; the REST
    error is the ``__cause__``.
    """

    def __init__(self, channel: str, reason: RejectReason, permission: str) -> None:
        self.channel = channel
        self.reason = reason
        self.permission = permission
        detail = (
            "the API key or its signature is not accepted"
            if reason is RejectReason.BAD_CREDENTIALS
            else f"the API key lacks the {permission} permission"
        )
        super().__init__(f"{channel} subscription rejected: {detail}")
