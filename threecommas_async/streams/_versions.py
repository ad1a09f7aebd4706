"""Which entity versions a stream has yielded, and REST states held back until the socket caught up.

A version is the entity's ``updated_at``. :class:`VersionTracker` lets a state through only when it
is newer than the last one yielded for that id (or, without a timestamp, when it differs), so no
version comes twice and each entity's versions come in order. :class:`Holdback` keeps the states a
gap fill read over REST until a ping shows the socket has delivered every push sent before them:
a REST state released earlier could overtake (and so hide) a push still in flight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Generic, TypeVar

__all__ = ["Holdback", "VersionTracker"]

E = TypeVar("E")
VersionOf = Callable[[E], "datetime | None"]
IdOf = Callable[[E], int]


class VersionTracker(Generic[E]):
    """The last version yielded per entity id."""

    def __init__(self, id_of: IdOf[E], version_of: VersionOf[E]) -> None:
        self._id_of = id_of
        self._version_of = version_of
        self._versions: dict[int, datetime | None] = {}
        self._unversioned: dict[int, E] = {}
        self.newest: datetime | None = None

    def __len__(self) -> int:
        return len(self._versions)

    def is_new(self, entity: E) -> bool:
        """True when ``entity`` is a version not yielded yet and newer than the last one yielded."""
        entity_id = self._id_of(entity)
        if entity_id not in self._versions:
            return True
        last = self._versions[entity_id]
        version = self._version_of(entity)
        if version is None or last is None:
            return self._unversioned.get(entity_id) != entity
        return version > last

    def record(self, entity: E) -> None:
        entity_id = self._id_of(entity)
        version = self._version_of(entity)
        self._versions[entity_id] = version
        if version is None:
            self._unversioned[entity_id] = entity
        else:
            self._unversioned.pop(entity_id, None)
            if self.newest is None or version > self.newest:
                self.newest = version

    def accept(self, entity: E) -> bool:
        """Record ``entity`` and return True if it is new (see :meth:`is_new`)."""
        if not self.is_new(entity):
            return False
        self.record(entity)
        return True


class Holdback(Generic[E]):
    """REST states waiting for the socket to pass their ``updated_at`` (the newest per id is kept)."""

    def __init__(self, id_of: IdOf[E], version_of: VersionOf[E]) -> None:
        self._id_of = id_of
        self._version_of = version_of
        self._pending: dict[int, E] = {}

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, entities: Iterable[E]) -> None:
        for entity in entities:
            entity_id = self._id_of(entity)
            held = self._pending.get(entity_id)
            if held is None or _order(self._version_of(held)) <= _order(self._version_of(entity)):
                self._pending[entity_id] = entity

    def release(self, before: datetime | None) -> list[E]:
        """The held states older than ``before`` (all of them when None), oldest first."""
        ready = [
            entity
            for entity in self._pending.values()
            if before is None or (version := self._version_of(entity)) is None or version < before
        ]
        for entity in ready:
            del self._pending[self._id_of(entity)]
        ready.sort(key=lambda entity: _order(self._version_of(entity)))
        return ready

    def clear(self) -> None:
        self._pending.clear()


def _order(version: datetime | None) -> float:
    return version.timestamp() if version is not None else float("-inf")
