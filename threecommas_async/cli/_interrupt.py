"""Ctrl-C for the long commands: the first SIGINT cancels the running work (the request in flight
included), the command saves what it committed, prints one line and exits 130; no traceback."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

__all__ = ["EXIT_INTERRUPTED", "run_interruptible"]

T = TypeVar("T")
EXIT_INTERRUPTED = 130


class _Interrupted(Exception):
    pass


async def _guarded(work: Coroutine[Any, Any, T]) -> T:
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    interrupted = False

    def on_sigint() -> None:
        nonlocal interrupted
        interrupted = True
        task.cancel()
        loop.remove_signal_handler(signal.SIGINT)

    loop.add_signal_handler(signal.SIGINT, on_sigint)
    try:
        return await work
    except asyncio.CancelledError:
        if interrupted:
            raise _Interrupted from None
        raise
    finally:
        loop.remove_signal_handler(signal.SIGINT)


def run_interruptible(work: Coroutine[Any, Any, int], message: Callable[[], str]) -> int:
    """Run ``work`` to its exit code; on Ctrl-C print ``message()`` to stderr and return 130."""
    try:
        return asyncio.run(_guarded(work))
    except (_Interrupted, KeyboardInterrupt):
        print(message(), file=sys.stderr, flush=True)
        return EXIT_INTERRUPTED
