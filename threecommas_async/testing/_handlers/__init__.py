"""The fake's handlers, one module per resource, and the route table built from all of them."""

from __future__ import annotations

from .._routing import Route, RouteTable
from . import (
    _accounts,
    _bots,
    _catalogs,
    _deals,
    _general,
    _grid_bots,
    _marketplace,
    _smart_trades,
    _trade_info,
    _trades,
    _users,
)

__all__ = ["all_routes", "build_route_table"]


def all_routes() -> list[Route]:
    modules = (
        _general,
        _users,
        _accounts,
        _bots,
        _trade_info,
        _catalogs,
        _marketplace,
        _deals,
        _grid_bots,
        _smart_trades,
        _trades,
    )
    return [route for module in modules for route in module.routes]


def build_route_table() -> RouteTable:
    return RouteTable(all_routes())
