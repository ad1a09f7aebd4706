# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.users``: The user: trading mode (paper or real), locale, key permissions."""

from __future__ import annotations

from typing import Any, Literal

from .._resource import Resource
from .._response import RawResponse
from ._catalog import USERS_CHANGE_LOCALE, USERS_CHANGE_MODE, USERS_CURRENT_MODE, USERS_PERMISSIONS

__all__ = ["Users", "UsersWithRawResponse"]


class Users(Resource):
    """The user: trading mode (paper or real), locale, key permissions. Reached as ``client.users``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> UsersWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return UsersWithRawResponse(self._client)

    async def change_mode(self, *, mode: Literal["paper", "real"]) -> Any:
        """Switch the API between paper and real trading.

        ``POST /ver1/users/change_mode``: permission ACCOUNTS_WRITE, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(USERS_CHANGE_MODE, {"mode": mode}, Any)

    async def current_mode(self) -> Any:
        """Get the current trading mode (paper or real).

        ``GET /ver1/users/current_mode``: permission ACCOUNTS_READ, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(USERS_CURRENT_MODE, {}, Any)

    async def change_locale(
        self,
        *,
        locale: Literal["ru", "en", "pt", "zh", "es", "fr", "tr", "de", "it"],
    ) -> Any:
        """Change the user's interface language.

        ``PUT /ver1/users/locale``: permission not documented, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(USERS_CHANGE_LOCALE, {"locale": locale}, Any)

    async def permissions(self) -> Any:
        """Get the permissions of the API key.

        ``GET /ver1/users/permissions_info``: permission NONE, signed.
        The docs give no response shape: returns the decoded JSON (Decimals for fractions).
        """
        return await self._client._call_endpoint(USERS_PERMISSIONS, {}, Any)


class UsersWithRawResponse(Resource):
    """``client.users.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    async def change_mode(self, *, mode: Literal["paper", "real"]) -> RawResponse[Any]:
        """Switch the API between paper and real trading.

        ``POST /ver1/users/change_mode``: permission ACCOUNTS_WRITE, signed.
        """
        return await self._client._call_endpoint_raw(USERS_CHANGE_MODE, {"mode": mode}, Any)

    async def current_mode(self) -> RawResponse[Any]:
        """Get the current trading mode (paper or real).

        ``GET /ver1/users/current_mode``: permission ACCOUNTS_READ, signed.
        """
        return await self._client._call_endpoint_raw(USERS_CURRENT_MODE, {}, Any)

    async def change_locale(
        self,
        *,
        locale: Literal["ru", "en", "pt", "zh", "es", "fr", "tr", "de", "it"],
    ) -> RawResponse[Any]:
        """Change the user's interface language.

        ``PUT /ver1/users/locale``: permission not documented, signed.
        """
        return await self._client._call_endpoint_raw(USERS_CHANGE_LOCALE, {"locale": locale}, Any)

    async def permissions(self) -> RawResponse[Any]:
        """Get the permissions of the API key.

        ``GET /ver1/users/permissions_info``: permission NONE, signed.
        """
        return await self._client._call_endpoint_raw(USERS_PERMISSIONS, {}, Any)
