"""An export killed with SIGKILL at 20 seeded pseudo-random moments, resumed each time, ends with exactly
the fake's rows: none lost, none doubled, every digit intact. Between kills the fake gains and finishes
deals, so resumed walks meet shifted pages.

Each run is a separate process running the command line's ``main`` (forked from a server process that
has already imported the package, so 20 runs take about as long as two cold starts).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    ForkedCli,
    add_finished_deals,
    cli_args,
    deal_requests,
    expected_finished,
    exported_lines,
    finish_an_active_deal,
    make_fake,
)

from threecommas_async import decode_json, encode_json
from threecommas_async.testing import FakeThreeCommas

KILLS = 20


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> ForkedCli:
    return ForkedCli(monkeypatch)


@pytest.fixture
def served() -> Iterator[tuple[FakeThreeCommas, str]]:
    fake = make_fake(deals=200)
    with fake.serve_in_thread() as base_url:
        yield fake, base_url


def _kill_during_run(cli: ForkedCli, argv: list[str], fake: FakeThreeCommas, rng: random.Random, log: Path) -> None:
    before = deal_requests(fake)
    process = cli.start(argv, log)
    target = before + rng.randint(1, 4)
    deadline = time.monotonic() + 10
    while deal_requests(fake) < target and process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.004))
    if process.pid is not None and process.is_alive():
        os.kill(process.pid, signal.SIGKILL)
    process.join()


def _sqlite_rows(path: Path) -> dict[int, str]:
    with sqlite3.connect(path) as db:
        return {int(row[0]): str(row[1]) for row in db.execute("SELECT id, usd_final_profit FROM deals")}


@pytest.mark.slow
@pytest.mark.parametrize(("target", "kills"), [("deals.jsonl", KILLS), ("sqlite", KILLS // 2)])
def test_export_killed_20_times_resumes_without_lost_or_doubled_rows(
    forked: ForkedCli,
    served: tuple[FakeThreeCommas, str],
    tmp_path: Path,
    target: str,
    kills: int,
) -> None:
    fake, base_url = served
    out = f"sqlite:///{tmp_path / 'deals.db'}" if target == "sqlite" else str(tmp_path / target)
    argv = cli_args("export", "deals", "--scope", "finished", "--out", out, "--page-size", "10", "--no-progress",
                    "--base-url", base_url)
    rng = random.Random(f"kill-{target}")
    for point in range(kills):
        _kill_during_run(forked, argv, fake, rng, tmp_path / "out.txt")
        if point % 4 == 1:
            add_finished_deals(fake, rng.randint(1, 12))
        if point % 5 == 2:
            finish_an_active_deal(fake)
    code, report = forked.run(argv, tmp_path / "out.txt")
    assert code == 0, report

    expected = expected_finished(fake)
    if target == "sqlite":
        profits = {deal_id: str(decode_json(row)["usd_final_profit"]) for deal_id, row in expected.items()}
        assert _sqlite_rows(tmp_path / "deals.db") == profits
        return
    lines = list(exported_lines(Path(out)))
    assert len(lines) == len(expected)
    assert dict(lines) == expected
    assert all(encode_json(decode_json(line)) == line for _, line in lines)
