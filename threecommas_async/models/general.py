"""Connectivity and credential checks: ``GET /ver1/ping``, ``GET /ver1/time`` and ``GET /ver1/validate``."""

from __future__ import annotations

from typing import Any

import attrs

from ._base import ResponseModel

__all__ = ["CredentialsValidity", "Ping", "ServerTime"]


@attrs.define(slots=True, kw_only=True)
class Ping(ResponseModel):
    """``{"pong": "pong"}``."""

    pong: Any = None


@attrs.define(slots=True, kw_only=True)
class ServerTime(ResponseModel):
    """``{"server_time": 1727871936}``: the server clock in epoch seconds."""

    server_time: int | None = None


@attrs.define(slots=True, kw_only=True)
class CredentialsValidity(ResponseModel):
    """``{"valid": true}``: the API key and signature were accepted (a rejected key is a 401 instead)."""

    valid: bool | None = None
