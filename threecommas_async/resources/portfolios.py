# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.portfolios``: Portfolios."""

from __future__ import annotations

import builtins
from typing import cast

from .._exceptions import warn_deprecated
from .._resource import Resource
from .._response import RawResponse
from ..models import Portfolio
from ._catalog import PORTFOLIOS_LIST, PORTFOLIOS_LIST_LEGACY, PORTFOLIOS_SHOW

__all__ = ["Portfolios", "PortfoliosWithRawResponse"]


class Portfolios(Resource):
    """Portfolios. Reached as ``client.portfolios``."""

    __slots__ = ()

    @property
    def with_raw_response(self) -> PortfoliosWithRawResponse:
        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""
        return PortfoliosWithRawResponse(self._client)

    async def list(self, *, page: int | None = None, per_page: int | None = None) -> builtins.list[Portfolio]:
        """List portfolios.

        ``GET /ver1/portfolios``: permission NONE, signed.
        """
        return cast(
            "builtins.list[Portfolio]",
            await self._client._call_endpoint(
                PORTFOLIOS_LIST,
                {"page": page, "per_page": per_page},
                builtins.list[Portfolio],
            ),
        )

    async def list_legacy(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> builtins.list[Portfolio]:
        """List portfolios (deprecated: use portfolios.list).

        ``GET /ver1/portfolios/portfolios``: permission not documented, signed.
        Deprecated by 3Commas: calling it issues a ``DeprecatedEndpointWarning``.
        """
        warn_deprecated("portfolios.list_legacy")
        return cast(
            "builtins.list[Portfolio]",
            await self._client._call_endpoint(
                PORTFOLIOS_LIST_LEGACY,
                {"limit": limit, "offset": offset},
                builtins.list[Portfolio],
            ),
        )

    async def show(self, portfolio_id: int) -> Portfolio:
        """Get one portfolio.

        ``GET /ver1/portfolios/{id}``: permission NONE, signed.
        """
        return cast(
            "Portfolio",
            await self._client._call_endpoint(PORTFOLIOS_SHOW, {"portfolio_id": portfolio_id}, Portfolio),
        )


class PortfoliosWithRawResponse(Resource):
    """``client.portfolios.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    async def list(
        self,
        *,
        page: int | None = None,
        per_page: int | None = None,
    ) -> RawResponse[builtins.list[Portfolio]]:
        """List portfolios.

        ``GET /ver1/portfolios``: permission NONE, signed.
        """
        return cast(
            "RawResponse[builtins.list[Portfolio]]",
            await self._client._call_endpoint_raw(
                PORTFOLIOS_LIST,
                {"page": page, "per_page": per_page},
                builtins.list[Portfolio],
            ),
        )

    async def list_legacy(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> RawResponse[builtins.list[Portfolio]]:
        """List portfolios (deprecated: use portfolios.list).

        ``GET /ver1/portfolios/portfolios``: permission not documented, signed.
        Deprecated by 3Commas: calling it issues a ``DeprecatedEndpointWarning``.
        """
        warn_deprecated("portfolios.list_legacy")
        return cast(
            "RawResponse[builtins.list[Portfolio]]",
            await self._client._call_endpoint_raw(
                PORTFOLIOS_LIST_LEGACY,
                {"limit": limit, "offset": offset},
                builtins.list[Portfolio],
            ),
        )

    async def show(self, portfolio_id: int) -> RawResponse[Portfolio]:
        """Get one portfolio.

        ``GET /ver1/portfolios/{id}``: permission NONE, signed.
        """
        return cast(
            "RawResponse[Portfolio]",
            await self._client._call_endpoint_raw(PORTFOLIOS_SHOW, {"portfolio_id": portfolio_id}, Portfolio),
        )
