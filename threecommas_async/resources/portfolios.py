# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""``client.portfolios``: Portfolios."""

from __future__ import annotations

import builtins

from .._exceptions import warn_deprecated
from .._resource import RawResource, Resource, raw_response
from ..models import Portfolio
from . import _catalog

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

        ``GET /ver1/portfolios``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.PORTFOLIOS_LIST, {
            "page": page, "per_page": per_page,
        })

    async def list_legacy(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
    ) -> builtins.list[Portfolio]:
        """List portfolios (deprecated: use portfolios.list).

        ``GET /ver1/portfolios/portfolios``: permission not documented, signed.
        Deprecated by 3Commas: calling it issues a ``DeprecatedEndpointWarning``."""
        warn_deprecated("portfolios.list_legacy", stacklevel=self._warning_stacklevel)
        return await self._client._call_endpoint(_catalog.PORTFOLIOS_LIST_LEGACY, {
            "limit": limit, "offset": offset,
        })

    async def show(self, portfolio_id: int) -> Portfolio:
        """Get one portfolio.

        ``GET /ver1/portfolios/{id}``: permission NONE, signed."""
        return await self._client._call_endpoint(_catalog.PORTFOLIOS_SHOW, {"portfolio_id": portfolio_id})


class PortfoliosWithRawResponse(RawResource):
    """``client.portfolios.with_raw_response``: every method returns a :class:`RawResponse`."""

    __slots__ = ()

    list = raw_response(Portfolios.list)
    list_legacy = raw_response(Portfolios.list_legacy)
    show = raw_response(Portfolios.show)
