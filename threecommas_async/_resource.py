"""Base classes of the generated resource namespaces (``client.deals``, ``client.bots``, ...).

A generated method is one call, ``self._client._call_endpoint(ENDPOINT, arguments)``, typed by the
endpoint. Its ``with_raw_response`` twin is declared with :func:`raw_response`, one line per method: the
twin runs the same method body against :class:`_RawCalls`, whose ``_call_endpoint`` is the client's
``_call_endpoint_raw``, so validation, deprecation warnings and docstrings are shared, not copied.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar, cast

from ._endpoint import Endpoint
from ._response import RawResponse

if TYPE_CHECKING:
    from ._client import ThreeCommas

__all__ = ["RawResource", "Resource", "raw_response"]

T = TypeVar("T")
P = ParamSpec("P")


class Resource:
    """A group of endpoint coroutines bound to one client (or one ``with_options`` view of it)."""

    __slots__ = ("_client",)
    _warning_stacklevel = 3
    """Where a deprecation warning points: the caller of the endpoint coroutine."""

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client


class _RawCalls:
    """Stands in for the client inside a raw twin: each endpoint call returns a ``RawResponse``."""

    __slots__ = ("_client",)

    def __init__(self, client: ThreeCommas) -> None:
        self._client = client

    async def _call_endpoint(self, endpoint: Endpoint[T], arguments: Mapping[str, Any]) -> RawResponse[T]:
        return await self._client._call_endpoint_raw(endpoint, arguments)


class RawResource:
    """Base of the ``*WithRawResponse`` twins: the same methods, each returning a :class:`RawResponse`."""

    __slots__ = ("_client",)
    _warning_stacklevel = 4
    """One frame deeper than :class:`Resource`: the twin's wrapper sits between the method and its caller."""

    def __init__(self, client: ThreeCommas) -> None:
        self._client = _RawCalls(client)


def raw_response(
    method: Callable[Concatenate[Any, P], Coroutine[Any, Any, T]],
) -> Callable[Concatenate[RawResource, P], Coroutine[Any, Any, RawResponse[T]]]:
    """The raw twin of a generated resource method: same parameters, returns ``RawResponse[T]``."""

    async def call(self: RawResource, /, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        result: Any = await method(self, *args, **kwargs)
        return cast("RawResponse[T]", result)

    functools.update_wrapper(call, method)
    return call
