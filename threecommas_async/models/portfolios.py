"""Portfolios and loose accounts (entities from the legacy docs, which give no example responses)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import attrs

from ._base import ResponseModel

__all__ = [
    "LooseAccount",
    "Portfolio",
    "PortfolioEntry",
]


@attrs.define(slots=True, kw_only=True)
class PortfolioEntry(ResponseModel):
    """One currency of a portfolio and its target share in percent."""

    currency_code: str | None = None
    target_percentage: Decimal | None = None


@attrs.define(slots=True, kw_only=True)
class Portfolio(ResponseModel):
    """A portfolio (``GET /ver1/portfolios``, ``/ver1/portfolios/{id}``); the legacy docs type ``id`` as a string."""

    id: str | int | None = None
    name: str | None = None
    created_at: datetime | None = None
    portfolio_entries: list[PortfolioEntry] | None = None


@attrs.define(slots=True, kw_only=True)
class LooseAccount(ResponseModel):
    """A loose (manually kept) account (``POST /ver1/loose_accounts``, ``PUT /ver1/loose_accounts/{id}``)."""

    id: int
    name: str | None = None
    type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    is_deleted: bool | None = None
    is_locked: bool | None = None
