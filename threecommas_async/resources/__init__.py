# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""The generated endpoint layer: one module per API resource, the endpoint catalog, the client mixin.

Resource modules are imported when their namespace is first used:
``general``, ``accounts``, ``market_data``, ``bots``, ``deals``, ``grid_bots``, ``smart_trades``,
``trades``, ``loose_accounts``, ``marketplace``, ``portfolios``, ``users``, ``mini_apps``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._namespaces import RawResponseNamespaces, ResourceNamespaces

if TYPE_CHECKING:
    from ._catalog import BY_NAME, ENDPOINTS

__all__ = ["BY_NAME", "ENDPOINTS", "RawResponseNamespaces", "ResourceNamespaces"]


def __getattr__(name: str) -> Any:
    """The catalog is built on first use, so importing the client stays cheap."""
    if name in ("BY_NAME", "ENDPOINTS"):
        from . import _catalog

        return getattr(_catalog, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
