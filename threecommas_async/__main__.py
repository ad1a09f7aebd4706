"""Command line: ``python -m threecommas_async --version`` and ``python -m threecommas_async demo``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._version import __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="threecommas-async", description=__doc__)
    parser.add_argument("--version", action="version", version=f"threecommas_async {__version__}")
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="poll a fake 3Commas under the documented budget on scaled time")
    demo.add_argument("--windows", type=float, default=5.0, help="how many rate-limit windows to run")
    demo.add_argument("--time-scale", type=float, default=0.01, help="0.01 runs a 60 s window in 0.6 s")
    demo.add_argument("--tasks", type=int, default=200, help="concurrent polling tasks")
    demo.add_argument("--http", action="store_true", help="serve the fake over loopback HTTP (needs uvicorn)")
    demo.add_argument("--no-progress", action="store_true", help="no live progress line")
    args = parser.parse_args(argv)
    if args.command == "demo":
        from ._demo import run_demo

        return run_demo(
            windows=args.windows,
            time_scale=args.time_scale,
            tasks=args.tasks,
            over_http=args.http,
            progress=not args.no_progress,
        )
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
