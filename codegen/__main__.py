"""``python -m codegen [--check] [--root DIR]``: regenerate, or verify, the generated files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .generate import COMMAND, check, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if generated files are stale")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: cwd)")
    args = parser.parse_args(argv)
    root: Path = args.root
    if args.check:
        problems = check(root)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"generated files are out of date: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    for path in write(root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
