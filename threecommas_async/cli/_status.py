"""A one-line live status for long commands: redrawn in place on a terminal (with ``rich``), a plain log
line every few seconds otherwise. The line is cut to the terminal width, so it never wraps.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TextIO

__all__ = ["fit", "format_duration", "live_status"]

Render = Callable[[], Awaitable[str]]


def fit(line: str, width: int) -> str:
    """``line`` cut to ``width - 1`` characters (an ellipsis marks the cut)."""
    limit = max(width - 1, 10)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def format_duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _has_rich() -> bool:
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True


async def _redraw(render: Render, live: Any, width: Callable[[], int], period: float) -> None:
    from rich.text import Text

    while True:
        live.update(Text(fit(await render(), width()), no_wrap=True, overflow="crop"))
        await asyncio.sleep(period)


async def _log(render: Render, stream: TextIO, period: float) -> None:
    next_line = time.monotonic() + period
    while True:
        await asyncio.sleep(min(0.2, period))
        if time.monotonic() >= next_line:
            print(await render(), file=stream, flush=True)
            next_line = time.monotonic() + period


@contextlib.asynccontextmanager
async def live_status(
    render: Render,
    *,
    stream: TextIO | None = None,
    enabled: bool = True,
    log_every: float = 5.0,
) -> AsyncIterator[None]:
    """Show ``render()``'s line while the block runs; the last frame is drawn once more at the end."""
    out = stream if stream is not None else sys.stderr
    if not enabled:
        yield
        return
    if not _is_terminal(out) or not _has_rich():
        task = asyncio.create_task(_log(render, out, log_every))
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            print(await render(), file=out, flush=True)
        return
    from rich.console import Console
    from rich.live import Live
    from rich.text import Text

    console = Console(file=out, highlight=False)

    def width() -> int:
        return console.width or shutil.get_terminal_size().columns

    with Live(console=console, auto_refresh=True, refresh_per_second=10, transient=False) as live:
        task = asyncio.create_task(_redraw(render, live, width, 0.1))
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            live.update(Text(fit(await render(), width()), no_wrap=True, overflow="crop"), refresh=True)
