"""``export RESOURCE``: list rows page by page into a file or a SQLite database, incrementally and
resumably. Deals and smart trades are walked newest-updated first and stop at the previous run's
watermark (see ``_walk``); bots, grid bots, accounts and active deals are small and fetched whole.
Every page is committed with its checkpoint, so Ctrl-C or a kill loses at most the page in flight.
"""

from __future__ import annotations

import contextlib
import fcntl
import inspect
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol

import attrs

from .. import ThreeCommas
from ._files import CsvFile, JsonLinesFile
from ._resources import Resource
from ._sqlite import SqliteDatabase
from ._status import format_duration
from ._target import Target
from ._walk import Checkpoint, WalkState, instant, take_page

__all__ = ["Exporter", "Output", "exclusive", "open_output"]

Row = dict[str, Any]
SQLITE_PREFIX = "sqlite:///"


class Output(Protocol):
    def describe(self) -> str: ...
    def lock_path(self) -> Path: ...
    def load_checkpoint(self, key: str) -> Checkpoint | None: ...
    def begin(self, checkpoint: Checkpoint) -> None: ...
    def commit(self, rows: list[Row], checkpoint: Checkpoint) -> Checkpoint: ...
    def finish(self, checkpoint: Checkpoint) -> Checkpoint: ...
    def count_rows(self) -> int: ...
    def close(self) -> None: ...


_FILE_FORMATS: Mapping[str, type[JsonLinesFile] | type[CsvFile]] = {
    ".jsonl": JsonLinesFile,
    ".ndjson": JsonLinesFile,
    ".csv": CsvFile,
}


def open_output(target: str, resource: Resource) -> Output:
    """``sqlite:///path.db``, ``*.jsonl`` / ``*.ndjson``, ``*.csv`` or ``*.parquet``."""
    if target.startswith(SQLITE_PREFIX):
        return SqliteDatabase(Path(target[len(SQLITE_PREFIX) :]), resource.name.replace("-", "_"))
    path = Path(target)
    if path.suffix.lower() == ".parquet":
        from ._parquet import ParquetFile

        return ParquetFile(path)
    kind = _FILE_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"unknown output {target!r}: use a .jsonl, .ndjson, .csv or .parquet file, or sqlite:///PATH")
    return kind(path)


@contextlib.contextmanager
def exclusive(output: Output) -> Iterator[None]:
    """Hold the output's lock file for the block; a second export into the same output fails at once."""
    with output.lock_path().open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ValueError(f"another export is writing to {output.describe()}") from None
        yield


def _request_options(client: ThreeCommas) -> dict[str, Any]:
    """``priority="bulk"`` where the SDK has priority lanes, so an export yields to interactive calls."""
    return {"priority": "bulk"} if "priority" in inspect.signature(client.request).parameters else {}


@attrs.define
class Exporter:
    """One export run of ``resource`` (``scope``) from ``target`` into ``output``."""

    target: Target
    resource: Resource
    scope: str | None
    output: Output
    page_size: int | None = None
    full: bool = False
    pages: int = 0
    rows: int = 0
    checkpoint: Checkpoint | None = None
    bottom_time: str | None = None
    started: float = attrs.Factory(time.monotonic)

    @property
    def key(self) -> str:
        mode = self.target.client.options.forced_mode or "default"
        return f"{self.resource.name}:{self.scope or 'all'}:{mode}"

    def _size(self) -> int:
        return min(self.page_size or self.resource.paging.maximum, self.resource.paging.maximum)

    async def _fetch(self, index: int, size: int, order: Mapping[str, str] | None) -> list[Row]:
        params: dict[str, Any] = {**self.resource.scope_params(self.scope), **(order or {})}
        params.update(self.resource.paging.params(index, size))
        client = self.target.client
        rows = await client.request("GET", self.resource.path, params=params, **_request_options(client))
        self.pages += 1
        return list(rows or ())

    async def run(self) -> Checkpoint:
        """Fetch what is new, commit page by page, merge; returns the finished checkpoint."""
        checkpoint = self.output.load_checkpoint(self.key) or Checkpoint(self.key)
        if self.full or not self.resource.incremental(self.scope):
            self.checkpoint = checkpoint
            await self._walk_whole(checkpoint)
            self.checkpoint = self.output.finish(checkpoint)
            return self.checkpoint
        resumed = checkpoint.walk is not None
        self.checkpoint = checkpoint
        await self._walk_newest_first(checkpoint)
        self.checkpoint = self.output.finish(checkpoint)
        if resumed:
            # The resumed walk shows the data as of its first run; one more pass brings it up to now.
            self.checkpoint = checkpoint = attrs.evolve(self.checkpoint)
            await self._walk_newest_first(checkpoint)
            self.checkpoint = self.output.finish(checkpoint)
        return self.checkpoint

    async def _walk_whole(self, checkpoint: Checkpoint) -> None:
        """Every page, rows upserted by id; for an incremental resource it also sets the watermark."""
        walk = checkpoint.walk = WalkState(page_size=self._size())
        order = self.resource.newest_first if self.resource.incremental(self.scope) else None
        self.output.begin(checkpoint)
        seen: set[int] = set()
        while not walk.done:
            rows = await self._fetch(walk.index, walk.page_size, order)
            fresh = [row for row in rows if int(row["id"]) not in seen]
            if order is not None and walk.top_time is None and rows:
                top = self.resource.updated_at(rows[0])
                ids = [int(row["id"]) for row in rows if self.resource.updated_at(row) == top]
                walk = attrs.evolve(walk, top_time=top, top_ids=ids)
            seen.update(int(row["id"]) for row in fresh)
            walk = checkpoint.walk = attrs.evolve(
                walk,
                index=walk.index + 1,
                rows=walk.rows + len(fresh),
                pages=walk.pages + 1,
                done=len(rows) < walk.page_size or not fresh,
            )
            self.output.commit(fresh, checkpoint)
            self.rows += len(fresh)

    async def _walk_newest_first(self, checkpoint: Checkpoint) -> None:
        if checkpoint.walk is None:
            checkpoint.walk = WalkState(page_size=self._size())
        self.output.begin(checkpoint)
        if checkpoint.watermark is None and not checkpoint.walk.done:
            await self._probe_oldest()
        while not checkpoint.walk.done:
            walk = checkpoint.walk
            rows = await self._fetch(walk.index, walk.page_size, self.resource.newest_first)
            outcome = take_page(
                rows,
                walk.page_size,
                walk,
                self.resource.updated_at,
                checkpoint.watermark,
                checkpoint.watermark_ids,
            )
            checkpoint.walk = outcome.state
            self.output.commit(outcome.rows, checkpoint)
            self.rows += len(outcome.rows)

    async def _probe_oldest(self) -> None:
        """One request for the oldest row, so the progress line can estimate how far the walk has to go."""
        oldest = await self._fetch(0, 1, self.resource.oldest_first)
        if oldest:
            self.bottom_time = self.resource.updated_at(oldest[0])

    def fraction(self) -> float | None:
        """How far the walk has come, by update time (None when unknown)."""
        walk = self.checkpoint.walk if self.checkpoint is not None else None
        if walk is None:
            return 1.0 if self.checkpoint is not None and self.pages else None
        if walk.done:
            return 1.0
        bottom = self.checkpoint.watermark if self.checkpoint is not None and self.checkpoint.watermark else None
        bottom = bottom or self.bottom_time
        if walk.top_time is None or walk.cursor_time is None or bottom is None:
            return None
        span = (instant(walk.top_time) - instant(bottom)).total_seconds()
        done = (instant(walk.top_time) - instant(walk.cursor_time)).total_seconds()
        return min(max(done / span, 0.0), 0.999) if span > 0 else None

    def pages_per_second(self) -> float:
        buckets, weight = self.target.policy.resolve("GET", self.resource.path)
        return min((b.limit / weight / b.period for b in buckets), default=float("inf"))

    def eta(self) -> str:
        """Time left: the longer of what the budget still needs and what the pace so far needs."""
        fraction = self.fraction()
        walk = self.checkpoint.walk if self.checkpoint is not None else None
        if fraction == 1.0:
            return "0s"
        if fraction is None or walk is None or fraction <= 0 or not self.pages:
            return "--"
        remaining = walk.pages * (1 - fraction) / fraction
        elapsed = time.monotonic() - self.started
        buckets, _ = self.target.policy.resolve("GET", self.resource.path)
        free_at_start = min((bucket.limit for bucket in buckets), default=0)
        budget_left = max(0.0, self.pages + remaining - free_at_start) / self.pages_per_second() - elapsed
        pace_left = remaining * elapsed / self.pages
        return format_duration(max(budget_left, pace_left))
