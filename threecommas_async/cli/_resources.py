"""What ``export`` can export: each resource's list endpoint, its paging, its scopes, and how its rows
are ordered by update time (deals and smart trades, fetched incrementally) or not (fetched whole)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["RESOURCES", "Paging", "Resource"]


@attrs.frozen
class Paging:
    """``limit``/``offset`` (``offset=True``) or ``page``/``per_page`` paging, at most ``maximum`` rows a page."""

    maximum: int
    offset: bool = True

    def params(self, index: int, size: int) -> dict[str, int]:
        if self.offset:
            return {"limit": size, "offset": index * size}
        return {"page": index + 1, "per_page": size}


def _deal_updated_at(row: Mapping[str, Any]) -> str | None:
    value = row.get("updated_at")
    return str(value) if value is not None else None


def _smart_trade_updated_at(row: Mapping[str, Any]) -> str | None:
    data = row.get("data")
    value = data.get("updated_at") if isinstance(data, Mapping) else None
    return str(value) if value is not None else None


@attrs.frozen
class Resource:
    """One exportable list endpoint. ``newest_first`` are the query parameters that list rows by
    ``updated_at`` descending; None means the resource is small and fetched whole on every run."""

    name: str
    path: str
    paging: Paging
    scope_param: str | None = None
    scopes: tuple[str, ...] = ()
    whole_scopes: tuple[str, ...] = ()
    newest_first: Mapping[str, str] | None = None
    oldest_first: Mapping[str, str] | None = None
    updated_at: Any = None

    def incremental(self, scope: str | None) -> bool:
        return self.newest_first is not None and scope not in self.whole_scopes

    def scope_params(self, scope: str | None) -> dict[str, str]:
        return {self.scope_param: scope} if scope and self.scope_param else {}


RESOURCES: dict[str, Resource] = {
    resource.name: resource
    for resource in (
        Resource(
            "deals",
            "/ver1/deals",
            Paging(1000),
            scope_param="scope",
            scopes=("finished", "completed", "cancelled", "failed", "active"),
            whole_scopes=("active",),
            newest_first={"order": "updated_at", "order_direction": "DESC"},
            oldest_first={"order": "updated_at", "order_direction": "ASC"},
            updated_at=_deal_updated_at,
        ),
        Resource(
            "smart-trades",
            "/v2/smart_trades",
            Paging(100, offset=False),
            scope_param="status",
            scopes=("finished", "successfully_finished", "cancelled", "failed", "active"),
            whole_scopes=("active",),
            newest_first={"order_by": "updated_at", "order_direction": "DESC"},
            oldest_first={"order_by": "updated_at", "order_direction": "ASC"},
            updated_at=_smart_trade_updated_at,
        ),
        Resource("bots", "/ver1/bots", Paging(100)),
        Resource("grid-bots", "/ver1/grid_bots", Paging(1000)),
        Resource("accounts", "/ver1/accounts", Paging(100, offset=False)),
    )
}
