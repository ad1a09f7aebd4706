"""The runtime description of an endpoint and of one outgoing request.

``Endpoint`` and ``Param`` are what the generated catalog declares (from the project's endpoint
spec); an ``Endpoint[T]`` carries its response type, so a call through it is typed ``T`` without a
cast. ``RequestSpec`` is what the send loop consumes, whether it came from a generated
coroutine or from the low-level ``client.request(...)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

import attrs

__all__ = [
    "PRIORITIES",
    "Endpoint",
    "Pagination",
    "Param",
    "ParamFormat",
    "ParamLocation",
    "ParamType",
    "Priority",
    "RequestSpec",
]

T = TypeVar("T")

ParamType = Literal["string", "integer", "number", "boolean", "object", "array"]
ParamLocation = Literal["path", "query", "body"]
ParamFormat = Literal["date-time", "date"]
Pagination = Literal["offset", "page"]
Priority = Literal["urgent", "normal", "bulk"]
PRIORITIES: tuple[Priority, ...] = ("urgent", "normal", "bulk")


@attrs.frozen(slots=True)
class Param:
    """One documented parameter.

    ``name`` is the Python keyword (``from_``), ``wire`` the name sent (``from``). Object parameters
    list their members in ``fields``; an array of objects lists the item's members in ``fields``
    and scalar arrays name the item type in ``item_type``. A string ``format`` of ``"date-time"`` takes an
    aware ``datetime`` or an ISO 8601 string and sends UTC (``...Z``); ``"date"`` takes a ``date``.
    A ``single`` array also takes one item, sent as it is.
    """

    name: str
    wire: str
    type: ParamType
    location: ParamLocation
    required: bool = False
    enum: tuple[str | int, ...] | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    min_length: int | None = None
    max_length: int | None = None
    item_type: ParamType | None = None
    fields: tuple[Param, ...] = ()
    description: str | None = None
    format: ParamFormat | None = None
    single: bool = False


@attrs.frozen(slots=True)
class Endpoint(Generic[T]):
    """One documented endpoint: ``resource.name`` → ``method path``, answering a ``T``.

    ``response_type`` is the runtime form of ``T`` that the body is structured into (``Deal``,
    ``list[Deal]``, ``dict[str, Model]``, ``bool``, ``list[str]``, ``None`` for an endpoint without a
    body, or ``Any`` for the decoded JSON). ``idempotent`` defaults to the SDK's rule: a GET,
    or a POST that needs only a ``*_READ`` permission.
    """

    resource: str
    name: str
    method: str
    path: str
    permission: str | None
    response_type: Any = Any
    signed: bool = True
    weight: int = 1
    idempotent: bool = attrs.field()
    deprecated: bool = False
    params: tuple[Param, ...] = ()
    pagination: Pagination | None = None
    max_page_size: int | None = None

    @idempotent.default
    def _idempotent_by_rule(self) -> bool:
        return self.method == "GET" or (self.method == "POST" and (self.permission or "").endswith("_READ"))

    @property
    def qualified_name(self) -> str:
        return f"{self.resource}.{self.name}"


@attrs.frozen(slots=True)
class RequestSpec:
    """Everything the send loop needs to send, sign, limit and retry one request.

    ``path`` is concrete and relative to the base URL (``/ver1/deals/5/show``); ``template`` is the
    documented path (``/ver1/deals/{deal_id}/show``) used to pick rate-limit buckets.
    ``query`` pairs are already text. ``body`` is encoded as JSON or form by the transport.
    ``priority`` is the limiter lane asked for (``"urgent"``, ``"normal"``, ``"bulk"``; None: the client's default).
    """

    method: str
    path: str
    template: str
    query: tuple[tuple[str, str], ...] = ()
    body: Mapping[str, Any] | None = None
    signed: bool = True
    idempotent: bool = False
    weight: int | None = None
    name: str | None = None
    priority: str | None = None
