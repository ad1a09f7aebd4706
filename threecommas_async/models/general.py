"""Connectivity checks: ``GET /ver1/ping`` and ``GET /ver1/time``."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import ResponseModel

__all__ = ["Ping", "ServerTime"]


@attrs.define(slots=True, kw_only=True)
class Ping(ResponseModel):
    """``{"pong": "pong"}``."""

    pong: Any = None


@attrs.define(slots=True, kw_only=True)
class ServerTime(ResponseModel):
    """``{"server_time": 1727871936}``: the server clock in epoch seconds."""

    server_time: int | None = None
