"""Helpers for the command-line tests: a fake 3Commas served on loopback, the CLI as a subprocess, and
the rows an export should hold."""

from __future__ import annotations

import copy
import multiprocessing
import multiprocessing.process
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from cli_child import main_in_child

from threecommas_async import decode_json, encode_json
from threecommas_async.testing import FakeThreeCommas

TIME_SCALE = 0.001
API_KEY = "cli-test-key"
API_SECRET = "cli-test-secret"
LONG_DIGITS = "0.41977392126027012455593960354579615351317609077582"


def make_fake(deals: int = 240, seed: int = 11) -> FakeThreeCommas:
    """A small seeded fake on fast time, with a few amounts that need every digit."""
    fake = FakeThreeCommas(time_scale=TIME_SCALE, seed=seed)
    fake.seed(seed=seed, deals=deals, bots=6, accounts=2, smart_trades=30, grid_bots=3)
    fake.add_key(API_KEY, API_SECRET)
    finished = [deal for deal in fake.book().deals.values() if deal["finished?"]]
    finished[0]["usd_final_profit"] = LONG_DIGITS
    finished[1]["final_profit"] = Decimal("-1.2345678901234567890123456789012345678901E-19")
    return fake


def cli_env(base_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THREECOMMAS_")}
    env.update(THREECOMMAS_BASE_URL=base_url, THREECOMMAS_API_KEY=API_KEY, THREECOMMAS_API_SECRET=API_SECRET)
    return env


def cli_args(*args: str) -> list[str]:
    return [*args, "--time-scale", str(TIME_SCALE)]


def run_cli(args: Sequence[str], env: dict[str, str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """``python -m threecommas_async ARGS`` to completion."""
    return subprocess.run(
        [sys.executable, "-m", "threecommas_async", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def stamp(moment: float) -> str:
    value = datetime.fromtimestamp(moment, tz=timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def add_finished_deals(fake: FakeThreeCommas, count: int) -> list[int]:
    """``count`` new finished deals, updated now (copies of a seeded one with new ids)."""
    deals = fake.book().deals
    template = next(deal for deal in deals.values() if deal["finished?"])
    first = max(deals) + 1
    now = fake.now()
    for offset in range(count):
        deal = copy.deepcopy(template)
        moment = stamp(now + offset)
        deal.update(id=first + offset, created_at=moment, updated_at=moment, closed_at=moment)
        deals[first + offset] = deal
    return list(range(first, first + count))


def finish_an_active_deal(fake: FakeThreeCommas) -> int | None:
    """Finish one active deal now (it joins the finished scope with a new ``updated_at``)."""
    active = [deal for deal in fake.book().deals.values() if not deal["finished?"]]
    if not active:
        return None
    deal = active[0]
    moment = stamp(fake.now())
    deal.update({"finished?": True, "status": "completed", "closed_at": moment, "updated_at": moment})
    return int(deal["id"])


def expected_finished(fake: FakeThreeCommas) -> dict[int, bytes]:
    """Every finished deal of the fake, as the exporter writes it."""
    return {
        deal_id: encode_json(decode_json(encode_json(deal)))
        for deal_id, deal in fake.book().deals.items()
        if deal["finished?"]
    }


def exported_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as lines:
        for line in lines:
            row: dict[str, Any] = decode_json(line)
            yield int(row["id"]), line.rstrip(b"\n")


def deal_requests(fake: FakeThreeCommas, since: int = 0) -> int:
    return sum(1 for record in fake.requests[since:] if record.path.endswith("/ver1/deals"))


class ForkedCli:
    """Runs of the command line's ``main`` in child processes forked from a server that has imported the
    package already (a run starts in milliseconds instead of a cold interpreter's half second)."""

    def __init__(self, monkeypatch: Any) -> None:
        monkeypatch.setenv("THREECOMMAS_API_KEY", API_KEY)
        monkeypatch.setenv("THREECOMMAS_API_SECRET", API_SECRET)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(
            ["threecommas_async.cli._app", "threecommas_async.cli._export_command", "httpcore",
             "anyio._backends._asyncio"]
        )

    def start(self, argv: Sequence[str], output: Path) -> multiprocessing.process.BaseProcess:
        process = self.context.Process(target=main_in_child, args=(list(argv), str(output)))
        process.start()
        return process

    def run(self, argv: Sequence[str], output: Path, timeout: float = 30) -> tuple[int | None, str]:
        """Run to the end; the exit code and what it printed."""
        process = self.start(argv, output)
        process.join(timeout)
        return process.exitcode, output.read_text() if output.exists() else ""
