"""The export's paging core, free of I/O: which page to ask for next, which rows of a page are new, and
the checkpoint that makes a walk resumable.

An incremental walk lists rows newest-updated first (``updated_at`` descending). Rows that change while
the walk runs move to the front, so rows still ahead of the walk only ever move to later offsets: the
walk may see a row twice (dropped: it sorts at or before the last row taken) but never skips one. The
walk stops at the first row older than the previous run's watermark (the newest ``updated_at`` it saw);
rows changed during the walk are newer than this run's watermark and are taken by the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from itertools import pairwise
from typing import Any

import attrs

__all__ = ["Checkpoint", "PageOutcome", "UnorderedPageError", "WalkState", "instant", "take_page"]

Row = dict[str, Any]
TimeOf = Callable[[Mapping[str, Any]], "str | None"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def instant(text: str | None) -> datetime:
    """An ISO 8601 time (``Z`` allowed, naive means UTC); missing or unreadable sorts oldest."""
    if not text:
        return _EPOCH
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return _EPOCH
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


@attrs.define
class WalkState:
    """Where an unfinished walk stands; saved with every page it commits."""

    page_size: int = 0
    index: int = 0
    cursor_time: str | None = None
    cursor_ids: list[int] = attrs.Factory(list)
    top_time: str | None = None
    top_ids: list[int] = attrs.Factory(list)
    rows: int = 0
    pages: int = 0
    done: bool = False
    part_bytes: int = 0


@attrs.define
class Checkpoint:
    """What an export remembers between runs: the watermark and the walk in progress, if any."""

    key: str
    watermark: str | None = None
    watermark_ids: list[int] = attrs.Factory(list)
    walk: WalkState | None = None
    rows_total: int = 0

    def to_json(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Checkpoint:
        walk = data.get("walk")
        return cls(
            key=str(data["key"]),
            watermark=data.get("watermark"),
            watermark_ids=[int(i) for i in data.get("watermark_ids", ())],
            walk=WalkState(**walk) if walk else None,
            rows_total=int(data.get("rows_total", 0)),
        )

    def finished(self) -> Checkpoint:
        """The checkpoint after the walk's rows are all in the output: the walk's top is the new watermark."""
        walk = self.walk
        if walk is None or walk.top_time is None:
            return attrs.evolve(self, walk=None)
        if self.watermark is not None and instant(walk.top_time) == instant(self.watermark):
            ids = sorted(set(self.watermark_ids) | set(walk.top_ids))
        else:
            ids = sorted(walk.top_ids)
        return attrs.evolve(self, watermark=walk.top_time, watermark_ids=ids, walk=None)


class UnorderedPageError(ValueError):
    """The server did not list rows newest-updated first, so an incremental walk cannot trust its order."""


def _check_order(rows: Sequence[Row], time_of: TimeOf) -> None:
    moments = [instant(time_of(row)) for row in rows]
    if any(later > earlier for earlier, later in pairwise(moments)):
        raise UnorderedPageError(
            "the server did not list rows newest-updated first; rerun with --full to fetch everything"
        )


@attrs.frozen
class PageOutcome:
    """The rows of one page to write, and the walk state to commit with them."""

    rows: list[Row]
    state: WalkState


def _seen(moment: datetime, row_id: int, cursor: datetime | None, cursor_ids: Sequence[int]) -> bool:
    if cursor is None:
        return False
    return moment > cursor or (moment == cursor and row_id in cursor_ids)


def take_page(
    rows: Sequence[Row],
    page_size: int,
    state: WalkState,
    time_of: TimeOf,
    watermark: str | None,
    watermark_ids: Sequence[int],
) -> PageOutcome:
    """Decide one page of a newest-first walk: the rows not written before, and the next state."""
    _check_order(rows, time_of)
    cursor = instant(state.cursor_time) if state.cursor_time is not None else None
    cursor_time, cursor_ids = state.cursor_time, list(state.cursor_ids)
    top_time, top_ids = state.top_time, list(state.top_ids)
    floor = instant(watermark) if watermark is not None else None
    fresh: list[Row] = []
    reached_floor = False
    for row in rows:
        text, row_id = time_of(row), int(row["id"])
        moment = instant(text)
        if floor is not None and moment < floor:
            reached_floor = True
            break
        if _seen(moment, row_id, cursor, state.cursor_ids):
            continue
        if top_time is None:
            top_time = text
        if moment == instant(top_time):
            top_ids.append(row_id)
        if cursor_time is not None and moment == instant(cursor_time):
            cursor_ids.append(row_id)
        else:
            cursor_time, cursor_ids = text, [row_id]
        if floor is not None and moment == floor and row_id in watermark_ids:
            continue
        fresh.append(row)
    done = reached_floor or len(rows) < page_size
    next_state = attrs.evolve(
        state,
        index=state.index + 1,
        cursor_time=cursor_time,
        cursor_ids=cursor_ids,
        top_time=top_time,
        top_ids=top_ids,
        rows=state.rows + len(fresh),
        pages=state.pages + 1,
        done=done,
    )
    return PageOutcome(fresh, next_state)
