"""JSON Lines and CSV outputs of ``export``: rows staged page by page, merged into the file atomically.

Each committed page is appended to ``OUT.part`` (JSON Lines) and then the checkpoint
``OUT.checkpoint.json`` records the walk and the staged length (written to a temporary file and renamed).
Pages are not fsynced (a killed process loses nothing the kernel has; a power cut may cost the last pages,
which the next run fetches again); the merged output is fsynced before it is renamed into place.
On the next start anything past that length (a page that was not committed, a torn last line) is cut
off, so a run killed at any moment resumes without a lost or doubled row. When the walk is done, the
staged rows replace their older versions (upsert by ``id``) in a new copy of the output that is renamed
over the old one; a crash during the merge repeats it, which gives the same file.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from .. import decode_json, encode_json
from ._walk import Checkpoint, WalkState

__all__ = ["CsvFile", "JsonLinesFile", "StagedFile", "cell", "read_json_lines"]

Row = dict[str, Any]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(temporary: Path, target: Path) -> None:
    os.replace(temporary, target)
    _fsync_dir(target)


def read_json_lines(path: Path) -> Iterator[Row]:
    """The rows of a JSON Lines file; a torn last line (no newline, not JSON) left by a crash is skipped."""
    with path.open("rb") as lines:
        for line in lines:
            if not line.strip():
                continue
            try:
                yield decode_json(line)
            except ValueError:
                if line.endswith(b"\n"):
                    raise
                return


class StagedFile:
    """What both file formats share: the staging file, the checkpoint beside the output, the merge."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part")
        self.checkpoint_path = path.with_name(path.name + ".checkpoint.json")
        self._sink: io.BufferedWriter | None = None

    def describe(self) -> str:
        return str(self.path)

    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def load_checkpoint(self, key: str) -> Checkpoint | None:
        if not self.checkpoint_path.exists():
            return None
        saved = Checkpoint.from_json(decode_json(self.checkpoint_path.read_bytes()))
        if saved.key != key:
            raise ValueError(f"{self.path} holds the export {saved.key!r}, not {key!r}: write to another file")
        return saved

    def begin(self, checkpoint: Checkpoint) -> None:
        """Cut the staging file back to what the checkpoint committed and open it for appending.

        A staging file shorter than committed (possible only after a power cut, since pages are not
        fsynced) restarts the walk: the next run refetches it.
        """
        walk = checkpoint.walk
        length = walk.part_bytes if walk is not None else 0
        with self.part.open("ab") as part:
            if part.tell() < length and walk is not None:
                checkpoint.walk = WalkState(page_size=walk.page_size)
                length = 0
            part.truncate(length)
        self._sink = self.part.open("ab")

    def commit(self, rows: list[Row], checkpoint: Checkpoint) -> Checkpoint:
        """Stage ``rows`` durably, then save ``checkpoint`` (with the new staged length)."""
        if self._sink is None or checkpoint.walk is None:
            raise RuntimeError("commit() before begin()")
        if rows:
            self._sink.write(b"".join(encode_json(row) + b"\n" for row in rows))
            self._sink.flush()
        checkpoint.walk.part_bytes = self._sink.tell()
        self._save(checkpoint, durable=False)
        return checkpoint

    def _save(self, checkpoint: Checkpoint, *, durable: bool = True) -> None:
        temporary = self.checkpoint_path.with_name(self.checkpoint_path.name + ".tmp")
        with temporary.open("wb") as out:
            out.write(encode_json(checkpoint.to_json()))
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if durable:
            _replace(temporary, self.checkpoint_path)
        else:
            os.replace(temporary, self.checkpoint_path)

    def finish(self, checkpoint: Checkpoint) -> Checkpoint:
        """Merge the staged rows into the output, then save the finished checkpoint."""
        if self._sink is not None:
            self._sink.close()
            self._sink = None
        staged = checkpoint.walk.rows if checkpoint.walk is not None else 0
        if staged or not self.path.exists():
            temporary = self.path.with_name(self.path.name + ".tmp")
            self._write_merged(temporary)
            _replace(temporary, self.path)
        done = checkpoint.finished()
        done.rows_total = self.count_rows()
        self._save(done)
        self.part.unlink(missing_ok=True)
        return done

    def close(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None

    def _staged_ids(self) -> set[int]:
        return {int(row["id"]) for row in read_json_lines(self.part)}

    def _write_merged(self, temporary: Path) -> None:
        """Write the output with the staged rows merged in to ``temporary`` (fsynced)."""
        with temporary.open("w", encoding="utf-8", newline="") as out:
            self._merge(out)
            out.flush()
            os.fsync(out.fileno())

    def _merge(self, out: TextIO) -> None:
        raise NotImplementedError

    def count_rows(self) -> int:
        raise NotImplementedError


class JsonLinesFile(StagedFile):
    """One JSON object per line, as 3Commas sent it: strings stay strings, numbers keep every digit."""

    def _merge(self, out: TextIO) -> None:
        if self.path.exists() and self.path.stat().st_size:
            replaced = self._staged_ids()
            for row in read_json_lines(self.path):
                if int(row["id"]) not in replaced:
                    out.write(encode_json(row).decode() + "\n")
        with self.part.open("r", encoding="utf-8") as staged:
            for line in staged:
                out.write(line)

    def count_rows(self) -> int:
        with self.path.open("rb") as lines:
            return sum(1 for line in lines if line.strip())


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, Decimal)):
        return str(value)
    return encode_json(value).decode()


class CsvFile(StagedFile):
    """One row per line, one column per top-level field; amounts as their exact decimal text, nested
    values as JSON text. New fields add columns at the end."""

    def _merge(self, out: TextIO) -> None:
        with contextlib.ExitStack() as stack:
            columns: list[str] = []
            old_rows: Iterable[dict[str, str]] = ()
            if self.path.exists() and self.path.stat().st_size:
                reader = csv.DictReader(stack.enter_context(self.path.open("r", encoding="utf-8", newline="")))
                columns, old_rows = list(reader.fieldnames or ()), reader
            self._write(out, columns, old_rows)

    def _write(self, out: TextIO, columns: list[str], old_rows: Iterable[dict[str, str]]) -> None:
        known = set(columns)
        for row in read_json_lines(self.part):
            for name in row:
                if name not in known:
                    known.add(name)
                    columns.append(name)
        writer = csv.DictWriter(out, fieldnames=columns, restval="", lineterminator="\n")
        writer.writeheader()
        replaced = self._staged_ids() if self.path.exists() else set()
        for old in old_rows:
            if int(old["id"]) not in replaced:
                writer.writerow(old)
        for row in read_json_lines(self.part):
            writer.writerow({name: cell(value) for name, value in row.items()})

    def count_rows(self) -> int:
        with self.path.open("r", encoding="utf-8", newline="") as handle:
            return sum(1 for _ in csv.DictReader(handle))
