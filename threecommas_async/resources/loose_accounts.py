# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.loose_accounts``: Loose (manual) accounts holding tokens tracked without an exchange."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._resource import RawResource, Resource, raw_response
from ..models import LooseAccount
from ..params import LooseAccountTokens
from . import _catalog

__all__ = ["LooseAccounts", "LooseAccountsWithRawResponse"]


class LooseAccounts(Resource):
    """Loose (manual) accounts holding tokens tracked without an exchange. Reached as ``client.loose_accounts``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> LooseAccountsWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return LooseAccountsWithRawResponse(self._client)

    async def create(
        self,
        *,
        name: str,
        tokens: LooseAccountTokens | Mapping[str, Any],
        include_in_summary: bool | None = None,
    ) -> LooseAccount:
        """Create a manual (loose) account holding the given tokens.

        ``POST /ver1/loose_accounts``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.LOOSE_ACCOUNTS_CREATE, {
            "name": name, "tokens": tokens, "include_in_summary": include_in_summary,
        })

    async def available_currencies(
        self,
        *,
        contains: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> Any:
        """List the currencies a loose account can hold.

        ``GET /ver1/loose_accounts/available_currencies``: permission ACCOUNTS_READ, signed.
        Untyped, no documented response shape (the legacy markdown and swagger list only its parameters; no
        public client reads its body): returns the decoded JSON (Decimals for fractions)."""
        return await self._client._call_endpoint(_catalog.LOOSE_ACCOUNTS_AVAILABLE_CURRENCIES, {
            "contains": contains, "limit": limit, "offset": offset,
        })

    async def update(
        self,
        account_id: int,
        *,
        tokens: LooseAccountTokens | Mapping[str, Any],
        name: str | None = None,
        include_in_summary: bool | None = None,
    ) -> LooseAccount:
        """Edit a loose account's name, tokens or summary flag.

        ``PUT /ver1/loose_accounts/{account_id}``: permission ACCOUNTS_WRITE, signed."""
        return await self._client._call_endpoint(_catalog.LOOSE_ACCOUNTS_UPDATE, {
            "account_id": account_id, "tokens": tokens, "name": name,
            "include_in_summary": include_in_summary,
        })


class LooseAccountsWithRawResponse(RawResource):
    """``client.loose_accounts.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    create = raw_response(LooseAccounts.create)
    available_currencies = raw_response(LooseAccounts.available_currencies)
    update = raw_response(LooseAccounts.update)
