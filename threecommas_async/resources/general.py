# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.general``: Connectivity and credentials: ping, server time, key check."""

from __future__ import annotations

from .._resource import RawResource, Resource, raw_response
from ..models import CredentialsValidity, Ping, ServerTime
from . import _catalog

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

        ``GET /ver1/ping``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.GENERAL_PING, {})

    async def time(self) -> ServerTime:
        """Get the server time (epoch seconds).

        ``GET /ver1/time``: permission NONE, unsigned."""
        return await self._client._call_endpoint(_catalog.GENERAL_TIME, {})

    async def validate_credentials(self) -> CredentialsValidity:
        """Check that the API key and signature are accepted.

        ``GET /ver1/validate``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.GENERAL_VALIDATE_CREDENTIALS, {})


class GeneralWithRawResponse(RawResource):
    """``client.general.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    ping = raw_response(General.ping)
    time = raw_response(General.time)
    validate_credentials = raw_response(General.validate_credentials)
