"""The target of a forked command-line run (kept apart from ``cli_support`` so a child imports nothing
heavy: the server it is forked from has imported the command line already)."""

from __future__ import annotations

import contextlib
import sys

from threecommas_async.cli import main


def main_in_child(argv: list[str], output: str) -> None:
    """The command line's main with stdout to ``output``; exits with its exit code."""
    with open(output, "w") as sink, contextlib.redirect_stdout(sink):
        code = main(argv)
    sys.exit(code)
