"""``call``, ``limits``, ``fake serve`` and the exports of every resource, through the command line's main."""

from __future__ import annotations

import asyncio
import importlib
import io
import signal
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from threecommas_async import ThreeCommas, decode_json
from threecommas_async.cli import main
from threecommas_async.cli._call import parse_fields, write_json


def test_call_prints_json_with_every_digit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "GET", "/ver1/accounts", "--fake", "--fake-deals", "10"]) == 0
    accounts = decode_json(capsys.readouterr().out)
    assert accounts
    amounts = [account["usd_amount"] for account in accounts]
    assert any(len(str(amount).replace(".", "").replace("-", "")) > 17 for amount in amounts)


def test_call_fields_and_exact_writer() -> None:
    fields = parse_fields(("limit=5", "price:=0.1000000000000000000000001", "ids[]=1", "ids[]=2", "flag:=true"))
    assert fields == {"limit": "5", "price": Decimal("0.1000000000000000000000001"), "ids": ["1", "2"], "flag": True}
    out = io.StringIO()
    write_json({"a": [decode_json(b"1.10000000000000000000000000001")], "b": {}}, out)
    assert out.getvalue() == '{\n  "a": [\n    1.10000000000000000000000000001\n  ],\n  "b": {}\n}'
    with pytest.raises(ValueError, match="key=value"):
        parse_fields(("novalue",))


def test_call_reports_an_api_error_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "GET", "/ver1/bots/1/show", "--fake", "--fake-deals", "10"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1


def test_limits_prints_the_documented_budgets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["limits"]) == 0
    out = capsys.readouterr().out
    for expected in ("global", " 100 per 60 s", "GET /ver1/deals", "418 IP ban"):
        assert expected in out


@pytest.mark.parametrize("resource", ["bots", "grid-bots", "accounts", "smart-trades"])
def test_every_resource_exports_and_reruns_as_upserts(
    resource: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = f"sqlite:///{tmp_path / 'all.db'}"
    assert main(["export", resource, "--fake", "--fake-deals", "40", "--out", out, "--no-progress"]) == 0
    assert main(["export", resource, "--fake", "--fake-deals", "40", "--out", out, "--no-progress"]) == 0
    reports = capsys.readouterr().out.splitlines()
    table = resource.replace("-", "_")
    with sqlite3.connect(tmp_path / "all.db") as db:
        count, distinct = db.execute(f"SELECT COUNT(*), COUNT(DISTINCT id) FROM {table}").fetchone()
    assert count == distinct > 0
    assert reports[-1].endswith(f"holds {count:,} rows")
    if resource == "smart-trades":
        assert reports[-1].startswith("smart-trades: 0 new or changed rows, 1 request;")


def test_export_refuses_unknown_outputs_and_scopes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "deals", "--fake", "--out", str(tmp_path / "d.xlsx")]) == 1
    assert ".parquet" in capsys.readouterr().err
    assert main(["export", "bots", "--fake", "--scope", "finished", "--out", str(tmp_path / "b.jsonl")]) == 2


async def _bots(base_url: str, api_key: str, secret: str) -> list[object]:
    async with ThreeCommas(api_key, secret, base_url=base_url) as client:
        return list(await client.bots.list(limit=3))


def test_fake_serve_prints_base_url_and_credentials() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "threecommas_async", "fake", "serve", "--port", "0", "--time-scale", "0.01",
         "--fault", "502:0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline() for _ in range(4)]
        settings = dict(line.removeprefix("export ").strip().split("=", 1) for line in lines[1:])
        assert settings["THREECOMMAS_BASE_URL"].startswith("http://127.0.0.1:")
        bots = asyncio.run(
            _bots(settings["THREECOMMAS_BASE_URL"], settings["THREECOMMAS_API_KEY"], settings["THREECOMMAS_API_SECRET"])
        )
        assert len(bots) == 3
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=10)
    assert server.returncode == 130
    assert "Traceback" not in err


def test_example_collector_cuts_a_torn_last_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "examples"))
    collector = importlib.import_module("deal_history_collector")
    output = tmp_path / "deals.jsonl"
    assert asyncio.run(collector.main(["--fake", "--output", str(output)])) == 0
    whole = output.read_bytes()
    output.write_bytes(whole + whole.splitlines()[0][:40])
    assert asyncio.run(collector.main(["--fake", "--output", str(output)])) == 0
    assert output.read_bytes() == whole
    assert "0 deal(s) written" in capsys.readouterr().out.splitlines()[-2]


def test_a_second_export_into_the_same_output_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from threecommas_async.cli._export import exclusive, open_output
    from threecommas_async.cli._resources import RESOURCES

    out = str(tmp_path / "bots.jsonl")
    with exclusive(open_output(out, RESOURCES["bots"])):
        assert main(["export", "bots", "--fake", "--fake-deals", "10", "--out", out]) == 1
    assert "another export is writing to" in capsys.readouterr().err
    assert main(["export", "bots", "--fake", "--fake-deals", "10", "--out", out]) == 0


def test_without_the_cli_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "click", None)
    monkeypatch.delitem(sys.modules, "threecommas_async.cli._app", raising=False)
    assert main(["limits"]) == 1
    assert "pip install 'threecommas_async[cli]'" in capsys.readouterr().err


def test_full_refetches_every_row_and_the_next_run_is_incremental(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "deals.jsonl")
    base = ["export", "deals", "--fake", "--fake-deals", "60", "--scope", "finished", "--out", out]
    assert main(base) == 0
    assert main([*base, "--full"]) == 0
    assert main(base) == 0
    first, full, again = capsys.readouterr().out.splitlines()
    rows = first.split(": ")[1].split(" new")[0]
    assert full.startswith(f"deals (finished): {rows} new or changed rows")
    assert again.startswith("deals (finished): 0 new or changed rows, 1 request;")
    assert first.endswith(f"holds {rows} rows")
    assert full.endswith(f"holds {rows} rows")
