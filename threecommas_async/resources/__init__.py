# DO NOT EDIT: generated from spec/endpoints.json by `python -m codegen`.
"""The generated endpoint layer: one module per API resource, the endpoint catalog, the client mixin.

Resource modules are imported when their namespace is first used:
``general``, ``accounts``, ``market_data``, ``bots``, ``deals``, ``grid_bots``, ``smart_trades``,
``trades``, ``loose_accounts``, ``marketplace``, ``portfolios``, ``users``, ``mini_apps``.
"""

from ._catalog import BY_NAME, ENDPOINTS
from ._namespaces import ResourceNamespaces

__all__ = ["BY_NAME", "ENDPOINTS", "ResourceNamespaces"]
