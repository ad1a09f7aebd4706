"""The export's paging core: pages shifted by new rows give no duplicate and no gap; the walk stops at
the previous watermark; the checkpoint survives a JSON round trip."""

from __future__ import annotations

from typing import Any

import pytest

from threecommas_async import decode_json, encode_json
from threecommas_async.cli._walk import Checkpoint, UnorderedPageError, WalkState, take_page


def _row(row_id: int, second: int) -> dict[str, Any]:
    return {"id": row_id, "updated_at": f"2025-01-01T00:{second // 60:02d}:{second % 60:02d}.000Z"}


def _newest_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: (row["updated_at"], row["id"]), reverse=True)


def _time(row: Any) -> str | None:
    return str(row["updated_at"])


def _walk(rows: list[dict[str, Any]], size: int, state: WalkState, watermark: str | None = None,
          known: tuple[int, ...] = ()) -> tuple[list[int], WalkState]:
    """Walk to the end; ``rows`` may be changed between pages by the caller through ``state``."""
    taken: list[int] = []
    while not state.done:
        page = _newest_first(rows)[state.index * size : (state.index + 1) * size]
        outcome = take_page(page, size, state, _time, watermark, list(known))
        taken += [int(row["id"]) for row in outcome.rows]
        state = outcome.state
    return taken, state


def test_rows_arriving_during_the_walk_neither_double_nor_hide_older_rows() -> None:
    rows = [_row(row_id, second=row_id) for row_id in range(1, 26)]
    first = take_page(_newest_first(rows)[:10], 10, WalkState(), _time, None, [])
    rows += [_row(100 + n, second=1000 + n) for n in range(3)]  # three new rows at the front
    rows[0] = _row(1, second=2000)  # the oldest row changes: it moves to the front too
    taken, state = _walk(rows, 10, first.state)
    walked = [int(row["id"]) for row in first.rows] + taken
    assert len(walked) == len(set(walked))
    assert set(walked) == set(range(2, 26))  # row 1 and the new rows changed after the walk began
    later, _ = _walk(rows, 10, WalkState(), Checkpoint("k", walk=state).finished().watermark,
                     tuple(Checkpoint("k", walk=state).finished().watermark_ids))
    assert set(later) == {1, 100, 101, 102}


def test_a_rerun_stops_at_the_watermark_and_skips_rows_it_has() -> None:
    rows = [_row(row_id, second=row_id // 2) for row_id in range(1, 41)]  # pairs share a second
    taken, state = _walk(rows, 7, WalkState())
    assert sorted(taken) == list(range(1, 41))
    done = Checkpoint("k", walk=state).finished()
    rows.append(_row(41, second=20))  # same second as the watermark rows 40
    again, rerun = _walk(rows, 7, WalkState(), done.watermark, tuple(done.watermark_ids))
    assert again == [41]
    assert rerun.pages == 1


def test_checkpoint_round_trips_through_json() -> None:
    state = WalkState(page_size=5, index=3, cursor_time="2025-01-01T00:00:01Z", cursor_ids=[4], rows=15, pages=3)
    saved = Checkpoint("deals:finished:default", watermark="2025-01-01T00:00:09Z", watermark_ids=[9], walk=state)
    assert Checkpoint.from_json(decode_json(encode_json(saved.to_json()))) == saved


def test_a_page_out_of_order_stops_the_walk() -> None:
    rows = [_row(1, second=5), _row(2, second=9)]
    with pytest.raises(UnorderedPageError, match="--full"):
        take_page(rows, 10, WalkState(), _time, None, [])
