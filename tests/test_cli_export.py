"""``threecommas-async export`` through the real entry point against the fake served on loopback."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    LONG_DIGITS,
    ForkedCli,
    add_finished_deals,
    cli_args,
    cli_env,
    deal_requests,
    expected_finished,
    exported_lines,
    make_fake,
    run_cli,
)

from threecommas_async.testing import FakeThreeCommas

PAGE = 20


@pytest.fixture
def served() -> Iterator[tuple[FakeThreeCommas, str]]:
    fake = make_fake()
    with fake.serve_in_thread() as base_url:
        yield fake, base_url


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> ForkedCli:
    return ForkedCli(monkeypatch)


def _args(out: str, base_url: str) -> list[str]:
    return cli_args("export", "deals", "--scope", "finished", "--out", out, "--page-size", str(PAGE),
                    "--base-url", base_url)


def _export(out: str, base_url: str) -> str:
    """A run of ``python -m threecommas_async`` (a cold interpreter, as a user starts it)."""
    done = run_cli(_args(out, base_url), cli_env(base_url))
    assert done.returncode == 0, done.stderr
    return done.stdout


def _export_forked(cli: ForkedCli, out: str, base_url: str, log: Path) -> str:
    code, report = cli.run(_args(out, base_url), log)
    assert code == 0, report
    return report


def test_rerun_after_50_new_deals_fetches_only_the_new_pages(
    served: tuple[FakeThreeCommas, str], tmp_path: Path
) -> None:
    fake, base_url = served
    out = tmp_path / "deals.jsonl"
    _export(str(out), base_url)
    assert dict(exported_lines(out)) == expected_finished(fake)

    before = len(fake.requests)
    new_ids = add_finished_deals(fake, 50)
    report = _export(str(out), base_url)

    assert deal_requests(fake, before) == math.ceil((50 + 1) / PAGE)
    assert "50 new or changed rows" in report
    lines = list(exported_lines(out))
    assert len(lines) == len({deal_id for deal_id, _ in lines})
    assert dict(lines) == expected_finished(fake)
    assert set(new_ids) <= {deal_id for deal_id, _ in lines}
    assert LONG_DIGITS.encode() in out.read_bytes()


def test_sqlite_export_keeps_every_digit_as_text_and_upserts(
    served: tuple[FakeThreeCommas, str], forked: ForkedCli, tmp_path: Path
) -> None:
    fake, base_url = served
    database = tmp_path / "3commas.db"
    log = tmp_path / "out.txt"
    _export_forked(forked, f"sqlite:///{database}", base_url, log)
    changed = next(deal for deal in fake.book().deals.values() if deal["finished?"])
    changed["updated_at"] = "2099-01-01T00:00:00.000Z"
    changed["note"] = "changed"
    _export_forked(forked, f"sqlite:///{database}", base_url, log)

    with sqlite3.connect(database) as db:
        rows = db.execute('SELECT id, usd_final_profit, typeof(usd_final_profit), note FROM deals').fetchall()
    finished = {deal_id for deal_id, deal in fake.book().deals.items() if deal["finished?"]}
    assert {row[0] for row in rows} == finished
    assert len(rows) == len(finished)
    assert (LONG_DIGITS, "text") in {(row[1], row[2]) for row in rows}
    assert {row[3] for row in rows if row[0] == changed["id"]} == {"changed"}


def test_csv_export_and_a_torn_jsonl_line_from_an_old_crash(
    served: tuple[FakeThreeCommas, str], forked: ForkedCli, tmp_path: Path
) -> None:
    fake, base_url = served
    log = tmp_path / "out.txt"
    csv_out = tmp_path / "deals.csv"
    _export_forked(forked, str(csv_out), base_url, log)
    assert LONG_DIGITS in csv_out.read_text()

    jsonl = tmp_path / "old.jsonl"
    first_deal = next(iter(expected_finished(fake).values()))
    jsonl.write_bytes(first_deal + b"\n" + first_deal[: len(first_deal) // 2])
    _export_forked(forked, str(jsonl), base_url, log)
    assert dict(exported_lines(jsonl)) == expected_finished(fake)


def test_parquet_export_keeps_every_digit_and_upserts(
    served: tuple[FakeThreeCommas, str], forked: ForkedCli, tmp_path: Path
) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    fake, base_url = served
    out = tmp_path / "deals.parquet"
    log = tmp_path / "out.txt"
    _export_forked(forked, str(out), base_url, log)
    add_finished_deals(fake, 5)
    changed = next(deal for deal in fake.book().deals.values() if deal["finished?"])
    changed.update(updated_at="2099-01-01T00:00:00.000Z", note="changed")
    _export_forked(forked, str(out), base_url, log)

    table = parquet.read_table(out)
    notes = dict(zip(table["id"].to_pylist(), table["note"].to_pylist(), strict=True))
    assert notes[changed["id"]] == "changed"
    ids = table["id"].to_pylist()
    assert len(ids) == len(set(ids))
    assert set(ids) == set(expected_finished(fake))
    assert LONG_DIGITS in table["usd_final_profit"].to_pylist()
