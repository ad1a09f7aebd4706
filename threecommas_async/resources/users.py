# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.users``: The user: trading mode (paper or real), locale, key permissions."""

from __future__ import annotations

from typing import Any, Literal

from .._resource import RawResource, Resource, raw_response
from . import _catalog

__all__ = ["Users", "UsersWithRawResponse"]


class Users(Resource):
    """The user: trading mode (paper or real), locale, key permissions. Reached as ``client.users``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> UsersWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return UsersWithRawResponse(self._client)

    async def change_mode(self, *, mode: Literal["paper", "real"]) -> bool:
        """Switch the API between paper and real trading.

        ``POST /ver1/users/change_mode``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.USERS_CHANGE_MODE, {"mode": mode})

    async def current_mode(self) -> Any:
        """Get the current trading mode (paper or real).

        ``GET /ver1/users/current_mode``: permission ACCOUNTS_READ, signed.
        Untyped, no documented response shape (the legacy markdown and swagger list it without a body;
        py3cw wrappers call it, but no public client reads its body): returns the decoded JSON (Decimals
        for fractions)."""
        return await self._client._call_endpoint(_catalog.USERS_CURRENT_MODE, {})

    async def change_locale(
        self,
        *,
        locale: Literal["ru", "en", "pt", "zh", "es", "fr", "tr", "de", "it"],
    ) -> Any:
        """Change the user's interface language.

        ``PUT /ver1/users/locale``: permission not documented, signed.
        Untyped, no documented response shape (the legacy markdown and swagger list only its parameter; no
        public client reads its body): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.USERS_CHANGE_LOCALE, {"locale": locale})

    async def permissions(self) -> Any:
        """Get the permissions of the API key.

        ``GET /ver1/users/permissions_info``: permission NONE, signed.
        Untyped, no documented response shape (the legacy markdown and swagger list it without a body; no
        public client reads its body): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.USERS_PERMISSIONS, {})


class UsersWithRawResponse(RawResource):
    """``client.users.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    change_mode = raw_response(Users.change_mode)
    current_mode = raw_response(Users.current_mode)
    change_locale = raw_response(Users.change_locale)
    permissions = raw_response(Users.permissions)
