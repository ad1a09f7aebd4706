"""What the fake saw: a request log, counters, and non-idempotent operations that arrived twice.

Tests assert on these instead of on timing: how many requests hit a block or a ban, which statuses
were answered, whether a create/cancel/panic-sell was applied and then arrived again, and the most
arrivals any key ever had in one sliding window.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable

import attrs

from ._state import Mode

__all__ = ["Counters", "Observer", "RepeatRecord", "RequestRecord"]


@attrs.frozen(slots=True)
class RequestRecord:
    """One request: key, route, answer, and its times in API seconds. ``status`` None: connection dropped.

    ``arrived`` is when it reached the fake, ``time`` when the rate limiter counted it (later only by
    an on-arrival latency fault), ``answered`` when the reply was ready. ``query`` is the raw query.
    """

    time: float
    key: str | None
    client_ip: str
    method: str
    path: str
    template: str | None
    status: int | None
    mode: Mode | None = None
    faults: tuple[str, ...] = ()
    during_block: bool = False
    during_ban: bool = False
    arrived: float | None = None
    answered: float | None = None
    query: str = ""


@attrs.frozen(slots=True)
class RepeatRecord:
    """A non-idempotent operation that reached the handler again after it had been applied."""

    time: float
    first_time: float
    key: str | None
    method: str
    path: str
    mode: Mode
    status: int


@attrs.define
class Counters:
    """Running totals since the fake started or since :meth:`Observer.reset`."""

    requests: int = 0
    by_status: Counter[int] = attrs.Factory(Counter)
    by_key: Counter[str] = attrs.Factory(Counter)
    by_template: Counter[str] = attrs.Factory(Counter)
    during_block: int = 0
    during_block_by_key: Counter[str] = attrs.Factory(Counter)
    during_ban: int = 0
    during_ban_by_key: Counter[str] = attrs.Factory(Counter)
    blocks_opened: int = 0
    bans_imposed: int = 0
    repeats: int = 0
    connections_dropped: int = 0
    faults: Counter[str] = attrs.Factory(Counter)


class Observer:
    """Keeps the request log, the counters and the record of applied non-idempotent operations."""

    def __init__(self, *, repeat_window: float = 60.0) -> None:
        self.repeat_window = repeat_window
        self.requests: list[RequestRecord] = []
        self.repeats: list[RepeatRecord] = []
        self.counters = Counters()
        self._applied: dict[tuple[object, ...], float] = {}
        self.listeners: list[Callable[[RequestRecord], None]] = []
        """Called with every record (the stream fake pushes what a request changed)."""

    def reset(self) -> None:
        self.requests.clear()
        self.repeats.clear()
        self.counters = Counters()
        self._applied.clear()

    def record(self, record: RequestRecord, *, block_opened: bool = False, ban_imposed: bool = False) -> None:
        self.requests.append(record)
        counters = self.counters
        counters.requests += 1
        if record.status is None:
            counters.connections_dropped += 1
        else:
            counters.by_status[record.status] += 1
        if record.key is not None:
            counters.by_key[record.key] += 1
        if record.template is not None:
            counters.by_template[f"{record.method} {record.template}"] += 1
        if record.during_block:
            counters.during_block += 1
            if record.key is not None:
                counters.during_block_by_key[record.key] += 1
        if record.during_ban:
            counters.during_ban += 1
            if record.key is not None:
                counters.during_ban_by_key[record.key] += 1
        counters.blocks_opened += block_opened
        counters.bans_imposed += ban_imposed
        for name in record.faults:
            counters.faults[name] += 1
        for listener in self.listeners:
            listener(record)

    def check_repeat(
        self, fingerprint: tuple[object, ...], *, now: float, key: str | None, method: str, path: str, mode: Mode
    ) -> Callable[[int], None]:
        """Call before the handler; call the result with the status once the handler answered."""
        first = self._applied.get(fingerprint)
        repeated = first is not None and now - first <= self.repeat_window

        def done(status: int) -> None:
            if repeated and first is not None:
                self.repeats.append(RepeatRecord(now, first, key, method, path, mode, status))
                self.counters.repeats += 1
            if 200 <= status < 300:
                self._applied[fingerprint] = now

        return done

    def max_in_window(
        self,
        period: float,
        *,
        key: str | None = None,
        templates: Iterable[tuple[str, str]] | None = None,
        admitted_only: bool = False,
    ) -> int:
        """The most requests (of ``key``, to ``templates``) that arrived within any ``period`` seconds."""
        wanted = None if templates is None else {(method.upper(), template) for method, template in templates}
        times = sorted(
            record.time
            for record in self.requests
            if (key is None or record.key == key)
            and (wanted is None or (record.method, record.template or "") in wanted)
            and not (admitted_only and record.status in (418, 429))
        )
        best = 0
        for index, start in enumerate(times):
            end = bisect.bisect_left(times, start + period, lo=index)
            best = max(best, end - index)
        return best

    def records(
        self, *, key: str | None = None, path: str | None = None, template: str | None = None
    ) -> list[RequestRecord]:
        """The logged requests of ``key`` / to ``path`` / matching ``template``, in arrival order."""
        return [
            record
            for record in self.requests
            if (key is None or record.key == key)
            and (path is None or record.path == path)
            and (template is None or record.template == template)
        ]

    def statuses(self) -> list[int | None]:
        return [record.status for record in self.requests]
