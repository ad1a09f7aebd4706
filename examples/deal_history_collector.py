"""A deal history collector: every finished deal, page by page, appended to a JSON Lines file.

    python examples/deal_history_collector.py --output deals.jsonl          # the fake (default)
    python examples/deal_history_collector.py --real --output deals.jsonl   # real 3Commas (env credentials)

``client.deals.iterate(scope="finished")`` walks all pages (newest first, duplicates dropped when new
deals push rows to later pages). Each deal is written as the JSON object 3Commas sent, digit for
digit: the model is unstructured back to its wire form and encoded by the SDK's exact JSON encoder,
so no amount passes through float. Run it again and it appends only the deals it has not written
yet; a last line torn by an interrupted run is cut off first. ``--raw`` writes the decoded JSON without
building models (faster for big histories).

For real collection use the command line instead: ``threecommas-async export deals --scope finished
--out deals.jsonl`` is incremental (a rerun fetches only new or changed deals), resumable after a kill,
writes atomically, shows progress, and also writes CSV and SQLite. This example shows the SDK calls.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator, Sequence
from decimal import Context, Decimal, localcontext
from pathlib import Path
from typing import Any

from _connect import Target, add_target_arguments, connect

from threecommas_async import decode_json as loads
from threecommas_async import encode_json as dumps
from threecommas_async.models import unstructure
from threecommas_async.testing import FakeThreeCommas

EXACT = Context(prec=200)


def ids_already_written(path: Path) -> set[int]:
    """The ids in ``path``; a torn last line (no newline) left by an interrupted run is cut off."""
    if not path.exists():
        return set()
    ids: set[int] = set()
    complete = 0
    with path.open("rb") as lines:
        for line in lines:
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            if line.strip():
                ids.add(int(loads(line)["id"]))
    if complete < path.stat().st_size:
        with path.open("r+b") as torn:
            torn.truncate(complete)
    return ids


async def finished_deals(target: Target, *, raw: bool, page_size: int | None, mode: str) -> AsyncIterator[Any]:
    """Every finished deal: a JSON-ready dict (``raw``) or a Deal model unstructured to one."""
    client = target.client.with_options(forced_mode=mode)
    if raw:
        offset = 0
        limit = page_size or 1000
        while True:
            page = await client.request(
                "GET", "/ver1/deals", params={"scope": "finished", "limit": limit, "offset": offset}
            )
            for row in page:
                yield row
            if len(page) < limit:
                return
            offset += limit
    async for deal in client.deals.iterate(scope="finished", page_size=page_size):
        yield unstructure(deal)


async def collect(target: Target, output: Path, *, raw: bool, page_size: int | None, mode: str) -> tuple[int, int]:
    """Append the deals not yet in ``output``; returns (written, skipped)."""
    known = ids_already_written(output)
    written = skipped = 0
    profit = Decimal(0)
    with output.open("ab") as sink:
        async for row in finished_deals(target, raw=raw, page_size=page_size, mode=mode):
            if row["id"] in known:
                skipped += 1
                continue
            known.add(row["id"])
            sink.write(dumps(row) + b"\n")
            written += 1
            with localcontext(EXACT):
                profit += Decimal(str(row.get("usd_final_profit") or 0))
    print(f"{written} deal(s) written to {output}, {skipped} already there; their profit: {profit} USD")
    return written, skipped


def prepare_fake(fake: FakeThreeCommas) -> None:
    fake.seed(seed=3, deals=700, bots=8)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_target_arguments(parser)
    parser.add_argument("--output", type=Path, default=Path("deals.jsonl"), help="JSON Lines file (appended)")
    parser.add_argument("--mode", choices=("real", "paper"), default="real", help="which book (default real)")
    parser.add_argument("--page-size", type=int, default=250, help="deals per request, at most 1000 (default 250)")
    parser.add_argument("--raw", action="store_true", help="write the decoded JSON without building models")
    return parser.parse_args(argv)


async def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    async with connect(args, prepare_fake=prepare_fake) as target:
        await collect(target, args.output, raw=args.raw, page_size=args.page_size, mode=args.mode)
        fake_report = target.fake_report()
        if fake_report:
            print(fake_report)
        return 0 if target.fake_is_clean() else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
