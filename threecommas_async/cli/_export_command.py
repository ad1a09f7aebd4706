"""Running ``export``: open the target and the output, show the status line, report, handle Ctrl-C."""

from __future__ import annotations

import sys

from .. import ThreeCommasError
from ._export import Exporter, Output, exclusive, open_output
from ._interrupt import run_interruptible
from ._resources import Resource
from ._status import live_status
from ._target import TargetOptions, open_target

__all__ = ["export_command", "status_line"]

_BAR = 10


def _bar(fraction: float | None) -> str:
    if fraction is None:
        return ""
    filled = round(fraction * _BAR)
    return "[" + "#" * filled + "." * (_BAR - filled) + f"] {100 * fraction:3.0f}%  "


async def status_line(exporter: Exporter) -> str:
    """``deals 12,000 rows 12 pages  budget 87/100  [####......]  40%  ETA 1m10s`` (at most ~76 columns)."""
    snapshot = await exporter.target.client.rate_limit_snapshot()
    budget = ""
    if snapshot is not None and snapshot.buckets:
        bucket = snapshot.buckets[0]
        budget = f"budget {bucket.used + bucket.in_flight}/{bucket.limit}  "
    return (
        f"{exporter.resource.name} {exporter.rows:,} rows {exporter.pages:,} pages  {budget}"
        f"{_bar(exporter.fraction())}ETA {exporter.eta()}"
    )


class _Run:
    """One export command run; remembers enough to report on Ctrl-C."""

    def __init__(self, resource: Resource, scope: str | None, out: str, page_size: int | None, full: bool) -> None:
        self.resource = resource
        self.scope = scope
        self.out = out
        self.page_size = page_size
        self.full = full
        self.exporter: Exporter | None = None

    def interrupted(self) -> str:
        rows = self.exporter.rows if self.exporter is not None else 0
        return f"interrupted: {rows:,} rows kept; run the same command to resume"

    async def main(self, options: TargetOptions, progress: bool | None) -> int:
        output: Output = open_output(self.out, self.resource)
        try:
            with exclusive(output):
                async with open_target(options) as target:
                    exporter = self.exporter = Exporter(
                        target, self.resource, self.scope, output, self.page_size, self.full
                    )
                    show = progress if progress is not None else sys.stderr.isatty()
                    async with live_status(lambda: status_line(exporter), enabled=show):
                        done = await exporter.run()
        finally:
            output.close()
        scope = f" ({self.scope})" if self.scope else ""
        print(
            f"{self.resource.name}{scope}: {exporter.rows:,} new or changed rows, "
            f"{exporter.pages:,} request{'' if exporter.pages == 1 else 's'}; "
            f"{output.describe()} holds {done.rows_total:,} rows"
        )
        return 0


def export_command(
    resource: Resource,
    scope: str | None,
    out: str,
    page_size: int | None,
    full: bool,
    progress: bool | None,
    options: TargetOptions,
) -> int:
    run = _Run(resource, scope, out, page_size, full)
    try:
        return run_interruptible(run.main(options, progress), run.interrupted)
    except (ThreeCommasError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
