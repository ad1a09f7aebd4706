"""The request pipeline of the fake and the plain ASGI application around it.

Order for every request: faults on arrival -> IP ban and rate limits (the request is counted) ->
route lookup -> API key, signature, permission -> ``Forced-Mode`` -> faults before the handler ->
handler (state change; repeated non-idempotent operations noticed) -> faults after the handler.
Every request ends up in the observer's log, including those whose connection was dropped.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

import attrs
import httpx

from ._faults import ConnectionDropped, Fault, FaultInjector, Phase
from ._http import ApiFailure, IncomingRequest, Reply, error_reply
from ._keys import FakeKey, KeyRing
from ._limits import LimitDecision, ServerRateLimiter
from ._observe import Observer, RequestRecord
from ._params import parse_params
from ._routing import HandlerRequest, RepeatCheck, Route, RouteMatch, RouteTable, route_not_found
from ._signature import accepted_payloads
from ._signature import body_joins as _body_joins
from ._state import Mode, World

__all__ = ["ABORT_EXTENSION", "BASE_PATH", "AsgiApp", "Pipeline"]

BASE_PATH = "/public/api"
ABORT_EXTENSION = "threecommas_async.fake.abort"
"""Scope extension a server can set to a callable that aborts the TCP connection."""

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_UNKNOWN_KEY = ApiFailure(401, "api_key_invalid_or_expired", "Unauthorized. Invalid or expired api key.")
_BAD_SIGNATURE = ApiFailure(401, "signature_invalid", "Provided signature is invalid")
_NO_PERMISSION = ApiFailure(403, "access_denied", "Api key doesn't have enough permissions")


@attrs.define
class _Outcome:
    """What the log record of one request will say."""

    time: float
    mode: Mode | None = None
    during_block: bool = False
    during_ban: bool = False
    block_opened: bool = False
    ban_imposed: bool = False


class Pipeline:
    """Answers :class:`IncomingRequest` objects; everything stateful lives in the components."""

    def __init__(
        self,
        *,
        clock: Callable[[], float],
        time_scale: float,
        sleep: Callable[[float], Awaitable[None]],
        keys: KeyRing,
        limiter: ServerRateLimiter,
        faults: FaultInjector,
        observer: Observer,
        world: World,
        routes: RouteTable,
        body_joins: Iterable[str],
        rng: random.Random,
    ) -> None:
        self.clock = clock
        self.time_scale = time_scale
        self.sleep = sleep
        self.keys = keys
        self.limiter = limiter
        self.faults = faults
        self.observer = observer
        self.world = world
        self.routes = routes
        self.body_joins = _body_joins(body_joins)
        self.rng = rng

    async def handle(self, request: IncomingRequest) -> Reply:
        relative = request.path[len(BASE_PATH) :] if request.path.startswith(BASE_PATH + "/") else None
        match = self.routes.match(request.method, relative) if relative is not None else None
        template = match.route.template if match is not None else None
        api_key = request.header("apikey") or None
        faults = self.faults.select(api_key, request.method, template, self.clock())
        arrived = self.clock()
        outcome = _Outcome(time=arrived)
        host = _Host(self, request)
        status: int | None = None
        try:
            reply = await self._run(request, host, match, api_key, faults, outcome)
            status = reply.status
            return reply
        finally:
            self.observer.record(
                RequestRecord(
                    time=outcome.time,
                    key=api_key,
                    client_ip=request.client_ip,
                    method=request.method,
                    path=request.path,
                    template=template,
                    status=status,
                    mode=outcome.mode,
                    faults=tuple(type(fault).__name__ for fault in faults),
                    during_block=outcome.during_block,
                    during_ban=outcome.during_ban,
                    arrived=arrived,
                    answered=self.clock(),
                    query=request.query_string.decode("latin-1"),
                ),
                block_opened=outcome.block_opened,
                ban_imposed=outcome.ban_imposed or host.ban_imposed,
            )

    async def _run(
        self,
        request: IncomingRequest,
        host: _Host,
        match: RouteMatch | None,
        api_key: str | None,
        faults: list[Fault],
        outcome: _Outcome,
    ) -> Reply:
        early = await _apply_faults(faults, Phase.ON_ARRIVAL, host, None)
        outcome.time = now = self.clock()
        if early is not None:
            return early
        template = match.route.template if match is not None else None
        known = self.keys.get(api_key) if api_key else None
        decision = self.limiter.check(
            api_key or f"ip:{request.client_ip}",
            request.client_ip,
            request.method,
            template,
            now,
            budgets=known.budgets if known is not None else None,
        )
        if not decision.admitted:
            outcome.during_block = decision.during_block
            outcome.during_ban = decision.during_ban
            outcome.block_opened = decision.status == 429 and not decision.during_block
            outcome.ban_imposed = decision.new_ban
            return self._limit_reply(decision, now)
        if match is None:
            return route_not_found(request.method, request.path).reply()
        try:
            key = self._authenticate(match.route, request, api_key)
            mode = self._mode(request, key, honor_header=not host.forced_mode_ignored)
        except ApiFailure as failure:
            return failure.reply()
        outcome.mode = mode
        early = await _apply_faults(faults, Phase.BEFORE_HANDLER, host, None)
        if early is not None:
            return early
        reply = self._invoke(match, request, key, mode)
        late = await _apply_faults(faults, Phase.AFTER_HANDLER, host, reply)
        return late if late is not None else reply

    def _authenticate(self, route: Route, request: IncomingRequest, api_key: str | None) -> FakeKey | None:
        key = self.keys.get(api_key) if api_key else None
        if not route.signed:
            return key if key is not None and key.enabled else None
        if key is None or not key.enabled:
            raise _UNKNOWN_KEY
        signature = request.header("signature")
        payloads = accepted_payloads(request.raw_path, request.query_string, request.body, self.body_joins)
        if not signature or not key.signature_matches(payloads, signature):
            raise _BAD_SIGNATURE
        if not key.allows(route.permission):
            raise _NO_PERMISSION
        return key

    def _mode(self, request: IncomingRequest, key: FakeKey | None, *, honor_header: bool) -> Mode:
        forced = request.header("forced-mode") if honor_header else None
        if forced:
            try:
                return Mode(forced.strip().lower())
            except ValueError:
                raise ApiFailure(
                    400, "invalid_forced_mode", "Forced-Mode must be paper or real", {"Forced-Mode": ["is invalid"]}
                ) from None
        if key is not None and key.default_mode is not None:
            return key.default_mode
        return self.world.mode

    def _invoke(self, match: RouteMatch, request: IncomingRequest, key: FakeKey | None, mode: Mode) -> Reply:
        route = match.route
        now = self.clock()
        done: Callable[[int], None] | None = None
        if route.repeat is not RepeatCheck.NONE:
            fingerprint: tuple[object, ...] = (mode, route.method, request.path)
            if route.repeat is RepeatCheck.SAME_BODY:
                fingerprint += (request.query_string, request.body)
            done = self.observer.check_repeat(
                fingerprint,
                now=now,
                key=key.api_key if key else None,
                method=route.method,
                path=request.path,
                mode=mode,
            )
        try:
            params = parse_params(request.query_string, request.body, request.header("content-type"))
            handler_request = HandlerRequest(
                method=route.method,
                path=request.path,
                path_params=match.path_params,
                params=params,
                world=self.world,
                book=self.world.book(mode),
                mode=mode,
                key=key,
                now=now,
                rng=self.rng,
            )
            reply = route.answer(route.handler(handler_request))
        except ApiFailure as failure:
            reply = failure.reply()
        except Exception as exc:
            reply = error_reply(500, "internal_server_error", f"The fake failed: {type(exc).__name__}: {exc}")
        if done is not None:
            done(reply.status)
        return reply

    def _limit_reply(self, decision: LimitDecision, now: float) -> Reply:
        if decision.status == 418:
            return self.banned(decision.until or now, now)
        return self.rate_limited(decision.until, now)

    def rate_limited(self, until: float | None, now: float) -> Reply:
        reply = error_reply(429, "rate_limit_exceeded", "Too many requests. Slow down and retry later.")
        return self._with_retry_after(reply, until, now)

    def banned(self, until: float, now: float) -> Reply:
        reply = error_reply(
            418, "ip_banned", "This IP is banned for repeatedly violating the rate limits and not backing off"
        )
        return self._with_retry_after(reply, until, now)

    def _with_retry_after(self, reply: Reply, until: float | None, now: float) -> Reply:
        if not self.limiter.settings.send_retry_after or until is None:
            return reply
        real_seconds = max(0.0, (until - now) * self.time_scale)
        return reply.with_header("Retry-After", f"{real_seconds:.3f}".rstrip("0").rstrip("."))


async def _apply_faults(faults: list[Fault], phase: Phase, host: _Host, reply: Reply | None) -> Reply | None:
    current = reply
    for fault in faults:
        if fault.phase is phase:
            replaced = await fault.apply(host, current)
            if phase is Phase.AFTER_HANDLER:
                current = replaced if replaced is not None else current
            elif replaced is not None:
                return replaced
    return current if phase is Phase.AFTER_HANDLER else None


class _Host:
    """The services a fault may use while it acts on one request."""

    def __init__(self, pipeline: Pipeline, request: IncomingRequest) -> None:
        self._pipeline = pipeline
        self.request = request
        self.rng = pipeline.faults.rng
        self.ban_imposed = False
        self.forced_mode_ignored = False

    def sleep(self, seconds: float) -> Awaitable[None]:
        return self._pipeline.sleep(seconds)

    def ban_client(self, seconds: float | None) -> float:
        self.ban_imposed = True
        return self._pipeline.limiter.ban(self.request.client_ip, now=self._pipeline.clock(), seconds=seconds)

    def rate_limited(self) -> Reply:
        return self._pipeline.rate_limited(None, self._pipeline.clock())

    def ignore_forced_mode(self) -> None:
        self.forced_mode_ignored = True

    def banned(self, until: float) -> Reply:
        now = self._pipeline.clock()
        return self._pipeline.banned(until, now)


class AsgiApp:
    """The fake as a plain ASGI 3 application (``http`` and ``lifespan`` scopes)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        request = await _read_request(scope, receive)
        try:
            reply = await self._pipeline.handle(request)
        except ConnectionDropped:
            abort = scope.get("extensions", {}).get(ABORT_EXTENSION)
            if abort is None:
                raise httpx.ReadError("[Errno 104] Connection reset by peer") from None
            abort()
            for _ in range(3):
                await asyncio.sleep(0)
            return
        await send(
            {
                "type": "http.response.start",
                "status": reply.status,
                "headers": [*reply.headers, (b"content-length", str(len(reply.body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": reply.body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def _read_request(scope: Scope, receive: Receive) -> IncomingRequest:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    query_string: bytes = scope.get("query_string", b"")
    raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
    raw_path = raw_path.split(b"?", 1)[0]
    headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
    client = scope.get("client")
    return IncomingRequest(
        method=scope["method"].upper(),
        path=scope["path"],
        raw_path=raw_path,
        query_string=query_string,
        headers=headers,
        body=b"".join(chunks),
        client_ip=client[0] if client else "127.0.0.1",
    )
