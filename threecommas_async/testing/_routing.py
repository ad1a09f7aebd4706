"""Routes of the fake: documented path templates, their security, and the handler that answers.

Templates like ``/ver1/deals/{deal_id}/show`` match one path segment per ``{name}``; when several
templates match a path (``/ver1/accounts/transfer_data`` and ``/ver1/accounts/{account_id}``), the
one with literal segments further left wins, as a router with static routes first would pick.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ._http import ApiFailure, Reply, json_reply, not_found
from ._keys import FakeKey, Permission
from ._params import Params
from ._state import Book, Mode, World

__all__ = ["HandlerRequest", "RepeatCheck", "Route", "RouteGroup", "RouteMatch", "RouteTable"]


class RepeatCheck(enum.Enum):
    """How an operation is recognised when it arrives again after being applied.

    ``SAME_PATH``: any second request to the same path (cancel, panic sell, delete of one entity).
    ``SAME_BODY``: the same path with the same query and body (create, add funds, transfer).
    ``NONE``: repeating is harmless (reads, enable, disable, updates to a given value).
    """

    NONE = "none"
    SAME_PATH = "same_path"
    SAME_BODY = "same_body"


@attrs.frozen(slots=True)
class HandlerRequest:
    """What a handler gets: parameters, the book of the request's mode, and the fake's services."""

    method: str
    path: str
    path_params: Mapping[str, str]
    params: Params
    world: World
    book: Book
    mode: Mode
    key: FakeKey | None
    now: float
    rng: random.Random

    def path_int(self, name: str) -> int:
        value = self.path_params[name]
        if not value.isdigit():
            raise not_found("Record")
        return int(value)

    def path_text(self, name: str) -> str:
        return self.path_params[name]


Handler = Callable[[HandlerRequest], Any]
"""Returns a JSON-able payload (answered with the route's status) or a complete :class:`Reply`."""


@attrs.frozen(slots=True)
class Route:
    """One documented endpoint the fake answers."""

    method: str
    template: str
    handler: Handler = attrs.field(repr=False)
    permission: Permission | None
    signed: bool = True
    repeat: RepeatCheck = RepeatCheck.NONE
    status: int = 200
    segments: tuple[str, ...] = attrs.field(init=False, repr=False)

    @segments.default
    def _split(self) -> tuple[str, ...]:
        return tuple(self.template.strip("/").split("/"))

    def match(self, parts: tuple[str, ...]) -> dict[str, str] | None:
        if len(parts) != len(self.segments):
            return None
        found: dict[str, str] = {}
        for segment, part in zip(self.segments, parts, strict=True):
            if segment.startswith("{"):
                if not part:
                    return None
                found[segment[1:-1]] = part
            elif segment != part:
                return None
        return found

    @property
    def specificity(self) -> tuple[bool, ...]:
        return tuple(not segment.startswith("{") for segment in self.segments)

    def answer(self, payload: Any) -> Reply:
        """The handler's result as a reply: a :class:`Reply` as is, anything else as JSON with ``status``."""
        return payload if isinstance(payload, Reply) else json_reply(payload, self.status)


@attrs.frozen(slots=True)
class RouteMatch:
    route: Route
    path_params: Mapping[str, str]


class RouteGroup:
    """Collects routes declared with decorators in one handler module."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def __iter__(self) -> Iterator[Route]:
        return iter(self.routes)

    def get(self, template: str, permission: Permission | None, *, signed: bool = True) -> Callable[[Handler], Handler]:
        return self._add("GET", template, permission, signed, RepeatCheck.NONE)

    def post(
        self,
        template: str,
        permission: Permission | None,
        *,
        repeat: RepeatCheck = RepeatCheck.SAME_BODY,
        signed: bool = True,
    ) -> Callable[[Handler], Handler]:
        return self._add("POST", template, permission, signed, repeat, status=201)

    def patch(self, template: str, permission: Permission | None) -> Callable[[Handler], Handler]:
        return self._add("PATCH", template, permission, True, RepeatCheck.NONE)

    def put(self, template: str, permission: Permission | None) -> Callable[[Handler], Handler]:
        return self._add("PUT", template, permission, True, RepeatCheck.NONE)

    def delete(
        self, template: str, permission: Permission | None, *, repeat: RepeatCheck = RepeatCheck.SAME_PATH
    ) -> Callable[[Handler], Handler]:
        return self._add("DELETE", template, permission, True, repeat)

    def _add(
        self,
        method: str,
        template: str,
        permission: Permission | None,
        signed: bool,
        repeat: RepeatCheck,
        *,
        status: int = 200,
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(method, template, handler, permission, signed, repeat, status))
            return handler

        return register


class RouteTable:
    """All routes, looked up by method and concrete path (relative to ``/public/api``)."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self._by_length: dict[int, list[Route]] = {}
        self._routes: dict[tuple[str, str], Route] = {}
        for route in routes:
            key = (route.method, route.template)
            if key in self._routes:
                raise ValueError(f"duplicate route {route.method} {route.template}")
            self._routes[key] = route
            self._by_length.setdefault(len(route.segments), []).append(route)
        for candidates in self._by_length.values():
            candidates.sort(key=lambda route: route.specificity, reverse=True)

    def __iter__(self) -> Iterator[Route]:
        return iter(self._routes.values())

    def __len__(self) -> int:
        return len(self._routes)

    def get(self, method: str, template: str) -> Route | None:
        return self._routes.get((method.upper(), template))

    def match(self, method: str, path: str) -> RouteMatch | None:
        parts = tuple(path.strip("/").split("/"))
        method = method.upper()
        for route in self._by_length.get(len(parts), ()):
            if route.method != method:
                continue
            found = route.match(parts)
            if found is not None:
                return RouteMatch(route, found)
        return None


def route_not_found(method: str, path: str) -> ApiFailure:
    return ApiFailure(404, "not_found", f"No route matches {method} {path}")
