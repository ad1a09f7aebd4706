"""The SQLite output of ``export`` (``--out sqlite:///path.db``): one table per resource, upsert by id.

Each top-level field is a column. Amounts are stored as TEXT, the exact decimal text 3Commas sent, so
every digit survives (``CAST(x AS REAL)`` or Python's ``Decimal`` when you compute); integers and
booleans as INTEGER, nested objects and lists as JSON text. New fields add columns. Each page's rows and
the checkpoint (table ``threecommas_export_state``) are written in one transaction, so a run killed at
any moment resumes from the last committed page.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import decode_json, encode_json
from ._walk import Checkpoint

__all__ = ["SqliteDatabase"]

Row = dict[str, Any]
_STATE = "threecommas_export_state"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(value: Any) -> Any:
    if value is None or isinstance(value, (str, int)):
        return int(value) if isinstance(value, bool) else value
    if isinstance(value, Decimal):
        return str(value)
    return encode_json(value).decode()


class SqliteDatabase:
    """Rows of one resource in table ``table`` of the database at ``path``."""

    def __init__(self, path: Path, table: str) -> None:
        self.path = path
        self.table = table
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {_STATE} (key TEXT PRIMARY KEY, state TEXT NOT NULL)")
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {_quote(table)} (id INTEGER PRIMARY KEY)")
        self._columns = self._table_columns()

    def describe(self) -> str:
        return f"sqlite:///{self.path} (table {self.table})"

    def lock_path(self) -> Path:
        return self.path.with_name(f"{self.path.name}.{self.table}.lock")

    def _table_columns(self) -> set[str]:
        return {str(row[1]) for row in self._db.execute(f"PRAGMA table_info({_quote(self.table)})")}

    def load_checkpoint(self, key: str) -> Checkpoint | None:
        found = self._db.execute(f"SELECT state FROM {_STATE} WHERE key = ?", (key,)).fetchone()
        return Checkpoint.from_json(decode_json(found[0])) if found else None

    def begin(self, checkpoint: Checkpoint) -> None:
        """Nothing to repair: an uncommitted page was rolled back by SQLite."""

    def commit(self, rows: list[Row], checkpoint: Checkpoint) -> Checkpoint:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._upsert(rows)
            self._save(checkpoint)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        return checkpoint

    def _upsert(self, rows: list[Row]) -> None:
        for name in {name for row in rows for name in row} - self._columns:
            self._db.execute(f"ALTER TABLE {_quote(self.table)} ADD COLUMN {_quote(name)}")
            self._columns.add(name)
        by_shape: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for row in rows:
            by_shape.setdefault(tuple(row), []).append(tuple(_value(v) for v in row.values()))
        for names, values in by_shape.items():
            columns = ", ".join(_quote(n) for n in names)
            marks = ", ".join("?" for _ in names)
            updates = ", ".join(f"{_quote(n)} = excluded.{_quote(n)}" for n in names if n != "id") or "id = id"
            self._db.executemany(
                f"INSERT INTO {_quote(self.table)} ({columns}) VALUES ({marks}) "
                f"ON CONFLICT(id) DO UPDATE SET {updates}",
                values,
            )

    def _save(self, checkpoint: Checkpoint) -> None:
        self._db.execute(
            f"INSERT INTO {_STATE} (key, state) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET state = excluded.state",
            (checkpoint.key, encode_json(checkpoint.to_json()).decode()),
        )

    def finish(self, checkpoint: Checkpoint) -> Checkpoint:
        done = checkpoint.finished()
        done.rows_total = self.count_rows()
        self._db.execute("BEGIN IMMEDIATE")
        self._save(done)
        self._db.execute("COMMIT")
        return done

    def count_rows(self) -> int:
        return int(self._db.execute(f"SELECT COUNT(*) FROM {_quote(self.table)}").fetchone()[0])

    def close(self) -> None:
        self._db.close()
