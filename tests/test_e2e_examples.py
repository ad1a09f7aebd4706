"""Smoke test of the examples: each one's ``main`` runs to completion against the in-process fake."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from threecommas_async import ThreeCommas
from threecommas_async._json import dumps, loads
from threecommas_async.testing import FakeThreeCommas, Mode

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


Loader = Callable[[str], ModuleType]


@pytest.fixture
def example(monkeypatch: pytest.MonkeyPatch) -> Loader:
    """Imports an example module by name, with ``examples/`` on the path as when run as a script."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    return importlib.import_module


async def test_bot_loop(example: Loader, capsys: pytest.CaptureFixture[str]) -> None:
    bot_loop = example("bot_loop")

    status = await bot_loop.main(["--fake", "--rounds", "3", "--interval", "5"])

    out = capsys.readouterr().out
    assert status == 0
    assert "sold (confirmed by re-reading after: 502)" in out
    assert "not applied (re-read after an unknown outcome); next round retries" in out
    assert "round 3:" in out
    assert "429s: 0, 418s: 0, writes applied twice: 0" in out


async def test_bot_loop_dry_run_sells_nothing(example: Loader) -> None:
    bot_loop = example("bot_loop")
    connect = example("_connect")
    fake = FakeThreeCommas()
    key = fake.add_key()
    bot_loop.prepare_fake(fake)
    async with ThreeCommas(api_key=key.api_key, api_secret=key.secret, transport=fake.transport()) as client:
        report = await bot_loop.run(
            connect.Target(client, None), threshold=Decimal("2"), rounds=1, interval=0, execute=False
        )

    assert report.outcomes
    assert all(outcome.result.startswith("dry run") for outcome in report.outcomes)
    assert fake.counters.by_template["POST /ver1/deals/{deal_id}/panic_sell"] == 0


async def test_portfolio_poller(example: Loader, capsys: pytest.CaptureFixture[str]) -> None:
    poller = example("portfolio_poller")

    status = await poller.main(["--fake", "--rounds", "1"])

    out = capsys.readouterr().out
    assert status == 0
    assert "real    6 accounts" in out
    assert "paper   6 accounts" in out
    assert "429s: 0, 418s: 0" in out


async def test_deal_history_collector_writes_every_finished_deal_exactly(
    example: Loader, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    collector = example("deal_history_collector")
    output = tmp_path / "deals.jsonl"
    fakes: list[FakeThreeCommas] = []
    prepare_fake = collector.prepare_fake

    def prepare_and_keep(fake: FakeThreeCommas) -> None:
        prepare_fake(fake)
        fakes.append(fake)

    monkeypatch.setattr(collector, "prepare_fake", prepare_and_keep)

    first = await collector.main(["--fake", "--output", str(output)])
    again = await collector.main(["--fake", "--output", str(output), "--raw"])
    first_book, second_book = (fake.book(Mode.REAL).deals for fake in fakes)
    expected = {deal_id: loads(dumps(deal)) for deal_id, deal in first_book.items() if deal["finished?"]}

    out = capsys.readouterr().out
    assert first == again == 0
    assert second_book == first_book
    rows = [loads(line) for line in output.read_bytes().splitlines()]
    assert len(rows) == len(expected)
    assert {row["id"]: row for row in rows} == expected
    assert f"{len(expected)} deal(s) written" in out
    assert f"0 deal(s) written to {output}, {len(expected)} already there" in out
