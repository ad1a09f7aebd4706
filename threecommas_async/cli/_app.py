"""The ``threecommas-async`` command group (click): ``demo``, ``export``, ``call``, ``fake serve``, ``limits``.

Each command parses its options here and hands over to the module that does the work.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .._version import __version__
from ._interrupt import run_interruptible
from ._resources import RESOURCES
from ._target import TargetOptions

__all__ = ["cli"]

F = TypeVar("F", bound=Callable[..., Any])


def _target_options(command: F) -> F:
    """``--fake``, ``--base-url``, ``--time-scale``, ``--mode``, shared by the commands that call the API."""
    decorators = [
        click.option("--fake", is_flag=True, help="Use the embedded fake 3Commas instead of the real API."),
        click.option(
            "--base-url",
            envvar="THREECOMMAS_BASE_URL",
            help="API base URL (default https://api.3commas.io/public/api; env THREECOMMAS_BASE_URL).",
        ),
        click.option(
            "--time-scale",
            type=click.FloatRange(min=0, min_open=True),
            help="Scale the rate budget's periods (for a fake served with --time-scale; 0.01 with --fake).",
        ),
        click.option("--mode", type=click.Choice(["real", "paper"]), help="Forced-Mode: the real or paper book."),
        click.option("--fake-deals", type=click.IntRange(min=0), default=1500, show_default=True,
                     help="With --fake: how many deals the fake's books hold."),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


def _options(
    fake: bool, base_url: str | None, time_scale: float | None, mode: str | None, fake_deals: int
) -> TargetOptions:
    return TargetOptions(
        fake=fake, base_url=None if fake else base_url, time_scale=time_scale, mode=mode, fake_deals=fake_deals
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="threecommas_async", message="%(prog)s %(version)s")
def cli() -> None:
    """Command line for 3Commas: export data, call any endpoint, run the fake server, show the budgets.

    Credentials come from THREECOMMAS_API_KEY with THREECOMMAS_API_SECRET (or THREECOMMAS_PRIVATE_KEY).
    """


@cli.command()
@click.option("--windows", type=click.FloatRange(min=0, min_open=True), default=5.0, show_default=True,
              help="How many 60 s rate windows to run.")
@click.option("--time-scale", type=click.FloatRange(min=0, min_open=True), default=0.01, show_default=True,
              help="Real seconds per API second (0.01 runs a 60 s window in 0.6 s).")
@click.option("--tasks", type=click.IntRange(min=1), default=200, show_default=True, help="Concurrent pollers.")
@click.option("--http", is_flag=True, help="Serve the fake over loopback HTTP (needs uvicorn).")
@click.option("--export", "export_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where the deal history goes (JSON Lines; default: a file in the temp directory).")
@click.option("--no-progress", is_flag=True, help="No live status line.")
def demo(windows: float, time_scale: float, tasks: int, http: bool, export_path: Path | None,
         no_progress: bool) -> int:
    """Poll a fake 3Commas under the documented budget while exporting its deal history."""
    from .._demo import run_demo

    return run_demo(
        windows=windows, time_scale=time_scale, tasks=tasks, over_http=http, progress=not no_progress,
        export=export_path,
    )


@cli.command()
@click.argument("resource", type=click.Choice(sorted(RESOURCES)))
@click.option("--out", "out", required=True,
              help="deals.jsonl, deals.csv, deals.parquet or sqlite:///3commas.db (rerun with the same --out to "
                   "fetch only what is new, or to resume).")
@click.option("--scope", help="deals: finished, completed, cancelled, failed, active; smart-trades: the status.")
@click.option("--page-size", type=click.IntRange(min=1), help="Rows per request (default: the endpoint maximum).")
@click.option("--progress/--no-progress", default=None, help="Live status (default: on a terminal).")
@click.option("--full", is_flag=True, help="Fetch every row again (upserted by id) instead of only what is new.")
@_target_options
def export(resource: str, out: str, scope: str | None, page_size: int | None, progress: bool | None, full: bool,
           fake: bool, base_url: str | None, time_scale: float | None, mode: str | None, fake_deals: int) -> int:
    """Export RESOURCE to JSON Lines, CSV, Parquet or SQLite, fetching only what is new since the last run."""
    from ._export_command import export_command

    spec = RESOURCES[resource]
    if scope is not None and scope not in spec.scopes:
        raise click.BadParameter(f"{resource} scopes are {', '.join(spec.scopes) or 'none'}", param_hint="--scope")
    options = _options(fake, base_url, time_scale, mode, fake_deals)
    return export_command(spec, scope, out, page_size, full, progress, options)


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("method", type=click.Choice(["GET", "POST", "PUT", "PATCH", "DELETE"], case_sensitive=False))
@click.argument("path")
@click.argument("fields", nargs=-1)
@click.option("--unsigned", is_flag=True, help="Send without signing (public endpoints).")
@_target_options
def call(method: str, path: str, fields: tuple[str, ...], unsigned: bool, fake: bool, base_url: str | None,
         time_scale: float | None, mode: str | None, fake_deals: int) -> int:
    """Call any endpoint and print its JSON with every digit: call GET /ver1/bots limit=5.

    FIELDS are key=value (a string) or key:=JSON (a number, true, null, a list...); they go to the
    query string for GET and DELETE and to the JSON body otherwise.
    """
    from ._call import call_command

    options = _options(fake, base_url, time_scale, mode, fake_deals)
    return call_command(method.upper(), path, fields, not unsigned, options)


@cli.group()
def fake() -> None:
    """The fake 3Commas server."""


@fake.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8080, show_default=True,
              help="0 picks a free port.")
@click.option("--time-scale", type=click.FloatRange(min=0, min_open=True), default=1.0, show_default=True,
              help="Real seconds per API second: 0.01 makes a 60 s window last 0.6 s.")
@click.option("--seed", type=int, default=7, show_default=True, help="Seed of the fake's books.")
@click.option("--deals", type=click.IntRange(min=0), default=500, show_default=True, help="Deals per book.")
@click.option("--fault", "faults", multiple=True, metavar="KIND[:P]",
              help="Inject a fault with probability P (default 0.1): 500, 502, 504, latency=SECONDS, "
                   "malformed, storm, plan-limit. Repeatable.")
def fake_serve(host: str, port: int, time_scale: float, seed: int, deals: int, faults: tuple[str, ...]) -> int:
    """Serve the fake 3Commas over HTTP for bots in any language; prints its base URL and credentials."""
    from ._fake_serve import serve_fake

    return run_interruptible(serve_fake(host, port, time_scale, seed, deals, faults), lambda: "fake server stopped")


@cli.command()
@click.option("--redis", "redis_url", help="Also show a fleet's current use of the budget from this Redis.")
@click.option("--api-key", envvar="THREECOMMAS_API_KEY", help="The fleet's API key (env THREECOMMAS_API_KEY).")
@click.option("--namespace", help="The fleet's namespace, if it set one.")
def limits(redis_url: str | None, api_key: str | None, namespace: str | None) -> int:
    """Print the documented rate budgets (and a fleet's live use with --redis)."""
    from ._limits import fleet_snapshot, print_policy

    print_policy(sys.stdout)
    if redis_url is None:
        return 0
    if not api_key:
        raise click.UsageError("--redis needs the fleet's API key (--api-key or THREECOMMAS_API_KEY)")
    return asyncio.run(fleet_snapshot(redis_url, api_key, namespace, sys.stdout))
