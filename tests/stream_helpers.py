"""Helpers shared by the stream tests: wait for a condition, for a stream mode, for the next event."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from threecommas_async.models import Deal, SmartTrade
from threecommas_async.streams import Stream, StreamEvent, StreamMode

E = TypeVar("E", Deal, SmartTrade)


async def until(condition: Callable[[], bool], timeout: float = 3.0, step: float = 0.002) -> None:
    """Wait (real time) until ``condition()`` holds; fail after ``timeout`` seconds."""
    for _ in range(int(timeout / step) + 1):
        if condition():
            return
        await asyncio.sleep(step)
    raise AssertionError(f"condition not met within {timeout} s")


async def wait_for_mode(stream: Stream[E], mode: StreamMode, timeout: float = 3.0) -> None:
    await until(lambda: stream.mode is mode, timeout)


async def next_event(stream: Stream[E], timeout: float = 3.0) -> StreamEvent[E]:
    return await asyncio.wait_for(stream.__anext__(), timeout)
