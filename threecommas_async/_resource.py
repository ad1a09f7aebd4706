"""Base class of the generated resource namespaces (``client.deals``, ``client.bots``, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import ThreeCommas

__all__ = ["Resource"]


class Resource:
    """A group of endpoint coroutines bound to one client (or one ``with_options`` view of it)."""

    __slots__ = ("_client",)

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client
