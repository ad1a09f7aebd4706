# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.general``: Connectivity and credentials: ping, server time, key check."""

from __future__ import annotations

from typing import Any, cast

from .._resource import Resource
from .._response import RawResponse
from ..models import Ping, ServerTime
from ._catalog import GENERAL_PING, GENERAL_TIME, GENERAL_VALIDATE_CREDENTIALS

__all__ = ["General", "GeneralWithRawResponse"]


class General(Resource):
    """Connectivity and credentials: ping, server time, key check. Reached as ``client.general``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> GeneralWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return GeneralWithRawResponse(self._client)

    async def ping(self) -> Ping:
        """Check that the API answers.

        ``GET /ver1/ping``: permission NONE, unsigned.
        """
        return cast("Ping", await self._client._call_endpoint(GENERAL_PING, {}, Ping))

    async def time(self) -> ServerTime:
        """Get the server time (epoch seconds).

        ``GET /ver1/time``: permission NONE, unsigned.
        """
        return cast("ServerTime", await self._client._call_endpoint(GENERAL_TIME, {}, ServerTime))

    async def validate_credentials(self) -> Any:
        """Check that the API key and signature are accepted.

        ``GET /ver1/validate``: permission NONE, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(GENERAL_VALIDATE_CREDENTIALS, {}, Any)


class GeneralWithRawResponse(Resource):
    """``client.general.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    async def ping(self) -> RawResponse[Ping]:
        """Check that the API answers.

        ``GET /ver1/ping``: permission NONE, unsigned.
        """
        return cast("RawResponse[Ping]", await self._client._call_endpoint_raw(GENERAL_PING, {}, Ping))

    async def time(self) -> RawResponse[ServerTime]:
        """Get the server time (epoch seconds).

        ``GET /ver1/time``: permission NONE, unsigned.
        """
        return cast(
            "RawResponse[ServerTime]",
            await self._client._call_endpoint_raw(GENERAL_TIME, {}, ServerTime),
        )

    async def validate_credentials(self) -> RawResponse[Any]:
        """Check that the API key and signature are accepted.

        ``GET /ver1/validate``: permission NONE, signed.
        """
        return await self._client._call_endpoint_raw(GENERAL_VALIDATE_CREDENTIALS, {}, Any)
