"""The ``threecommas-async`` command line (the ``cli`` extra: click and rich).

``main()`` is the console script and ``python -m threecommas_async``; without the extra it says how to
install it. Commands live in ``_app``; each one's work is in its own module.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]

PROG = "threecommas-async"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        import click

        from ._app import cli
    except ImportError as exc:
        print(
            f"{PROG}: the command line needs the cli extra ({exc.name} is missing): "
            "pip install 'threecommas_async[cli]'",
            file=sys.stderr,
        )
        return 1
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name=PROG, standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        print("interrupted", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0
