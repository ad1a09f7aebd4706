"""``fake serve``: the fake 3Commas over HTTP (uvicorn) with seeded books, a test key and optional faults."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable, Mapping
from typing import Any

from ..testing import BASE_PATH, FakeThreeCommas, FaultInjector

__all__ = ["add_fault", "serve_fake"]

_DEFAULT_PROBABILITY = 0.1

_FAULTS: Mapping[str, Callable[[FaultInjector, str, float], object]] = {
    "500": lambda faults, _arg, p: faults.server_error(500, probability=p),
    "502": lambda faults, _arg, p: faults.server_error(502, probability=p),
    "504": lambda faults, _arg, p: faults.server_error(504, probability=p),
    "latency": lambda faults, arg, p: faults.latency(float(arg or 0.5), probability=p),
    "malformed": lambda faults, _arg, p: faults.malformed_json(probability=p),
    "storm": lambda faults, _arg, p: faults.rate_limit_storm(probability=p),
    "plan-limit": lambda faults, _arg, p: faults.plan_limit(probability=p),
}


def add_fault(faults: FaultInjector, spec: str) -> None:
    """``KIND[=ARG][:PROBABILITY]``, e.g. ``502:0.05`` or ``latency=0.3:1``."""
    kind_part, _, probability = spec.partition(":")
    kind, _, argument = kind_part.partition("=")
    make = _FAULTS.get(kind)
    if make is None:
        raise ValueError(f"unknown fault {kind!r}: one of {', '.join(_FAULTS)}")
    make(faults, argument, float(probability) if probability else _DEFAULT_PROBABILITY)


def _bind(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # so asyncio sets TCP_NODELAY
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


async def serve_fake(host: str, port: int, time_scale: float, seed: int, deals: int, faults: tuple[str, ...]) -> int:
    """Serve until interrupted."""
    import uvicorn

    fake = FakeThreeCommas(time_scale=time_scale, seed=seed)
    fake.seed(seed=seed, deals=deals)
    key = fake.add_key()
    for spec in faults:
        add_fault(fake.faults, spec)
    sock = _bind(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    base_url = f"http://{bound_host}:{bound_port}{BASE_PATH}"
    config: Any = uvicorn.Config(fake.app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    print(f"fake 3Commas on {base_url} (time scale {time_scale:g}, seed {seed}); Ctrl-C stops it", flush=True)
    print(f"export THREECOMMAS_BASE_URL={base_url}", flush=True)
    print(f"export THREECOMMAS_API_KEY={key.api_key}", flush=True)
    print(f"export THREECOMMAS_API_SECRET={key.secret}", flush=True)
    if time_scale != 1.0:
        print(f"(clients: pass --time-scale {time_scale:g} so their budget runs on the same clock)", flush=True)
    try:
        await server.serve(sockets=[sock])
    finally:
        sock.close()
    print(f"fake served {fake.counters.requests} requests", file=sys.stderr)
    return 0
