"""The Parquet output of ``export`` (``--out deals.parquet``; the ``parquet`` extra: pyarrow).

``id`` is an int64 column; every other field is a string column holding the exact text CSV holds
(amounts digit for digit, ``true``/``false``, nested values as JSON), null when absent. Staging,
checkpoint and atomic replacement work as for the other files (see ``_files``); the merge streams the
old file batch by batch, so memory does not grow with its size.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ._files import StagedFile, cell, read_json_lines

__all__ = ["ParquetFile"]

_BATCH = 5000


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.compute
        import pyarrow.parquet
    except ImportError as exc:
        raise ValueError("Parquet output needs pyarrow: pip install 'threecommas_async[parquet]'") from exc
    return pa


class ParquetFile(StagedFile):
    """Rows in a Parquet file: ``id`` int64, every other field its exact text."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._pa = _pyarrow()

    def _columns(self) -> list[str]:
        columns: list[str] = ["id"]
        if self.path.exists():
            columns += [name for name in self._pa.parquet.read_schema(self.path).names if name != "id"]
        known = set(columns)
        for row in read_json_lines(self.part):
            for name in row:
                if name not in known:
                    known.add(name)
                    columns.append(name)
        return columns

    def _staged_batches(self, columns: list[str]) -> Iterator[Any]:
        rows = read_json_lines(self.part)
        while chunk := list(islice(rows, _BATCH)):
            data: dict[str, list[Any]] = {"id": [int(row["id"]) for row in chunk]}
            for name in columns[1:]:
                data[name] = [cell(row[name]) if row.get(name) is not None else None for row in chunk]
            yield data

    def _old_batches(self, columns: list[str]) -> Iterator[Any]:
        pa = self._pa
        if not self.path.exists():
            return
        replaced = pa.array(sorted(self._staged_ids()), type=pa.int64())
        for batch in pa.parquet.ParquetFile(self.path).iter_batches(batch_size=_BATCH):
            table = pa.Table.from_batches([batch])
            table = table.filter(pa.compute.invert(pa.compute.is_in(table["id"], value_set=replaced)))
            yield {name: table[name] if name in table.column_names else [None] * table.num_rows for name in columns}

    def _write_merged(self, temporary: Path) -> None:
        pa = self._pa
        columns = self._columns()
        schema = pa.schema([("id", pa.int64())] + [(name, pa.string()) for name in columns[1:]])
        with pa.parquet.ParquetWriter(temporary, schema) as writer:
            for data in self._old_batches(columns):
                writer.write_table(pa.table(data, schema=schema))
            for data in self._staged_batches(columns):
                writer.write_table(pa.table(data, schema=schema))
        fd = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def count_rows(self) -> int:
        return int(self._pa.parquet.ParquetFile(self.path).metadata.num_rows)
