"""RawResponse: a parsed result together with the httpx.Response it came from."""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs
import httpx

__all__ = ["RawResponse"]

T = TypeVar("T")


@attrs.frozen(slots=True)
class RawResponse(Generic[T]):
    """The parsed result of a call plus the HTTP response (status, headers, raw body)."""

    http_response: httpx.Response = attrs.field(repr=False)
    parsed: T

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers
