# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.mini_apps``: Mini-app credentials and storage."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._resource import RawResource, Resource, raw_response
from . import _catalog

__all__ = ["MiniApps", "MiniAppsWithRawResponse"]


class MiniApps(Resource):
    """Mini-app credentials and storage. Reached as ``client.mini_apps``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> MiniAppsWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return MiniAppsWithRawResponse(self._client)

    async def credentials(self, *, token: str) -> Any:
        """Exchange a mini-app token for credentials.

        ``GET /ver1/mini_apps/credentials``: permission not documented, signed.
        Untyped, no documented response shape (listed only in the legacy swagger, without a body; no public
        client calls it): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.MINI_APPS_CREDENTIALS, {"token": token})

    async def read_storage(self, *, key: str) -> Any:
        """Read a value from the mini-app storage.

        ``GET /ver1/mini_apps/storage``: permission not documented, signed.
        Untyped, no documented response shape (listed only in the legacy swagger, without a body; no public
        client calls it): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.MINI_APPS_READ_STORAGE, {"key": key})

    async def write_storage(self, *, key: str, data: Mapping[str, Any]) -> Any:
        """Write a value to the mini-app storage.

        ``POST /ver1/mini_apps/storage``: permission not documented, signed.
        Untyped, no documented response shape (listed only in the legacy swagger, without a body; no public
        client calls it): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.MINI_APPS_WRITE_STORAGE, {"key": key, "data": data})


class MiniAppsWithRawResponse(RawResource):
    """``client.mini_apps.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    credentials = raw_response(MiniApps.credentials)
    read_storage = raw_response(MiniApps.read_storage)
    write_storage = raw_response(MiniApps.write_storage)
