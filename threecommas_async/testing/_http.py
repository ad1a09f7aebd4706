"""Plain HTTP values of the fake: the incoming request, the reply, and the documented error body."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._json import dumps

__all__ = [
    "ApiFailure",
    "IncomingRequest",
    "Reply",
    "error_reply",
    "invalid_param",
    "json_reply",
    "not_allowed",
    "not_found",
]

_JSON_HEADERS = ((b"content-type", b"application/json; charset=utf-8"),)


@attrs.frozen(slots=True)
class IncomingRequest:
    """One HTTP request as the fake saw it. ``raw_path`` is the path as sent (no query)."""

    method: str
    path: str
    raw_path: bytes
    query_string: bytes
    headers: Mapping[str, str] = attrs.field(repr=False)
    body: bytes = attrs.field(repr=False)
    client_ip: str

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@attrs.frozen(slots=True)
class Reply:
    """A complete response: status, body bytes and extra headers."""

    status: int
    body: bytes
    headers: tuple[tuple[bytes, bytes], ...] = _JSON_HEADERS

    def with_header(self, name: str, value: str) -> Reply:
        return attrs.evolve(self, headers=(*self.headers, (name.lower().encode(), value.encode())))


def json_reply(payload: Any, status: int = 200) -> Reply:
    """``payload`` written with the SDK's JSON encoder (Decimals digit for digit)."""
    return Reply(status=status, body=dumps(payload))


def error_reply(
    status: int,
    error: str,
    description: str | None = None,
    attributes: Mapping[str, Sequence[str]] | None = None,
) -> Reply:
    """The documented error body ``{error, error_description?, error_attributes?}``."""
    body: dict[str, Any] = {"error": error}
    if description is not None:
        body["error_description"] = description
    if attributes:
        body["error_attributes"] = {field: list(messages) for field, messages in attributes.items()}
    return json_reply(body, status)


class ApiFailure(Exception):
    """Raised inside the fake to answer with a documented error body."""

    def __init__(
        self,
        status: int,
        error: str,
        description: str | None = None,
        attributes: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(f"{status} {error}: {description or ''}")
        self.status = status
        self.error = error
        self.description = description
        self.attributes = attributes

    def reply(self) -> Reply:
        return error_reply(self.status, self.error, self.description, self.attributes)


def not_found(what: str) -> ApiFailure:
    return ApiFailure(404, "not_found", f"{what} not found")


def invalid_param(name: str, message: str) -> ApiFailure:
    return ApiFailure(400, "record_invalid", "Invalid parameters", {name: [message]})


def not_allowed(description: str) -> ApiFailure:
    return ApiFailure(403, "not_allowed", description)
