"""Walking list endpoints page by page: ``AsyncPaginator`` over a sans-I/O paging core.

The core is pure: :class:`PageCursor` says which paging arguments to send next (``limit``/``offset`` or
``page``/``per_page``) and whether the walk is over (a short page ends it), :func:`fresh_rows` drops rows
already seen. Deduplication by ``id`` (or ``uuid``) matters because list endpoints are newest-first: rows
created during the walk push older ones to later offsets, so the next page repeats rows already
returned. Rows deleted during the walk can shift rows the other way and out of reach; only a cursor API
could prevent that, and 3Commas has none.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Hashable, Iterable, Mapping
from typing import Any, Generic, Protocol, TypeVar

import attrs

from ._endpoint import Endpoint, Pagination, Priority
from ._exceptions import ValidationError
from ._validation import check_priority

__all__ = ["AsyncPaginator", "PageCursor", "fresh_rows", "page_size_for", "row_key"]

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 100
MAX_REPEATED_PAGES = 3
"""Full pages in a row that bring nothing new before the walk stops (a server ignoring the offset)."""
_KEY_FIELDS = ("id", "uuid")


class _EndpointCaller(Protocol):
    async def _call_endpoint(
        self, endpoint: Endpoint[T], arguments: Mapping[str, Any], *, priority: str | None = None
    ) -> T: ...


@attrs.frozen
class PageCursor:
    """Which page to ask for next. ``index`` counts pages from 0."""

    style: Pagination
    page_size: int
    index: int = 0

    def arguments(self) -> dict[str, int]:
        """The paging arguments of this page, by Python parameter name."""
        if self.style == "offset":
            return {"limit": self.page_size, "offset": self.index * self.page_size}
        return {"page": self.index + 1, "per_page": self.page_size}

    def advance(self, rows_received: int) -> PageCursor | None:
        """The cursor of the next page, or None when this page (``rows_received`` long) was the last."""
        if rows_received < self.page_size:
            return None
        return attrs.evolve(self, index=self.index + 1)


def page_size_for(endpoint: Endpoint[Any], requested: int | None) -> int:
    """The page size to use: the endpoint maximum by default, and never above it."""
    maximum = endpoint.max_page_size
    if requested is None:
        return maximum or DEFAULT_PAGE_SIZE
    if isinstance(requested, bool) or not isinstance(requested, int) or requested < 1:
        raise ValidationError(
            "page_size", f"expected a positive integer, got {requested!r}", endpoint=endpoint.qualified_name
        )
    return min(requested, maximum) if maximum else requested


def row_key(row: Any) -> Hashable | None:
    """The identity of a row (its ``id``, else its ``uuid``), or None when it has neither."""
    for name in _KEY_FIELDS:
        value = row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)
        if value is not None and isinstance(value, Hashable):
            return (name, value)
    return None


def fresh_rows(rows: Iterable[T], seen: set[Hashable]) -> list[T]:
    """The rows whose key is not in ``seen`` (which is updated); rows without a key are kept."""
    fresh: list[T] = []
    for row in rows:
        key = row_key(row)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        fresh.append(row)
    return fresh


class AsyncPaginator(Generic[T]):
    """Every row of a paginated list endpoint.

    ``async for row in paginator`` walks all pages until a short page; ``paginator.pages()``
    yields each page (a list, duplicates removed); ``await paginator`` returns the first page.
    Each walk starts from the first page again. ``priority`` is the limiter lane of every page request
    (``"urgent"``, ``"normal"``, ``"bulk"``; None: the client's default). ``MAX_REPEATED_PAGES`` full
    pages in a row that bring nothing new also end the walk (a server ignoring the offset must not make
    it loop forever; a page repeated because a whole page of new rows arrived at the front is skipped).
    """

    def __init__(
        self,
        client: _EndpointCaller,
        endpoint: Endpoint[list[T]],
        arguments: Mapping[str, Any],
        *,
        page_size: int | None = None,
        priority: Priority | None = None,
    ) -> None:
        if endpoint.pagination is None:
            raise ValueError(f"{endpoint.qualified_name} is not paginated")
        self._priority = check_priority(priority, endpoint)
        self._client = client
        self._endpoint = endpoint
        self._arguments = dict(arguments)
        self._first = PageCursor(endpoint.pagination, page_size_for(endpoint, page_size))

    @property
    def page_size(self) -> int:
        return self._first.page_size

    async def pages(self) -> AsyncIterator[list[T]]:
        """Each page in turn, rows already returned by an earlier page removed; empty pages skipped."""
        seen: set[Hashable] = set()
        repeated = 0
        cursor: PageCursor | None = self._first
        while cursor is not None:
            rows = await self._fetch(cursor)
            fresh = fresh_rows(rows, seen)
            if fresh:
                repeated = 0
                yield fresh
            elif rows:
                repeated += 1
                if repeated >= MAX_REPEATED_PAGES:
                    return
            cursor = cursor.advance(len(rows))

    async def _items(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for row in page:
                yield row

    def __aiter__(self) -> AsyncIterator[T]:
        return self._items()

    def __await__(self) -> Generator[Any, None, list[T]]:
        return self._first_page().__await__()

    async def _first_page(self) -> list[T]:
        return fresh_rows(await self._fetch(self._first), set())

    async def _fetch(self, cursor: PageCursor) -> list[T]:
        arguments = {**self._arguments, **cursor.arguments()}
        rows = await self._client._call_endpoint(self._endpoint, arguments, priority=self._priority)
        if not isinstance(rows, list):
            raise TypeError(f"{self._endpoint.qualified_name} returned {type(rows).__name__}, not a list")
        return rows

    def __repr__(self) -> str:
        return f"AsyncPaginator({self._endpoint.qualified_name}, page_size={self.page_size})"
