"""``python -m threecommas_async``: the same command line as ``threecommas-async`` (see ``threecommas_async.cli``)."""

from __future__ import annotations

import sys

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
