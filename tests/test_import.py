"""Importing the package stays cheap: heavy or optional parts load on first use (checked by module, not time)."""

from __future__ import annotations

import json
import subprocess
import sys

LAZY = [
    "threecommas_async.testing",
    "threecommas_async.models",
    "threecommas_async.resources._catalog",
    "threecommas_async.resources.deals",
    "threecommas_async._ratelimit._redis",
    "threecommas_async._validation",
    "redis",
    "cryptography",
    "uvicorn",
    "threecommas_async.streams",
    "threecommas_async.cli",
    "websockets",
]


def test_import_loads_no_lazy_part() -> None:
    code = f"import sys, json, threecommas_async; print(json.dumps([m for m in {LAZY!r} if m in sys.modules]))"
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert loaded == []


def test_lazy_names_resolve() -> None:
    import threecommas_async
    from threecommas_async._ratelimit import fleet_key_prefix

    assert threecommas_async.RedisBackend.__name__ == "RedisBackend"
    assert threecommas_async.FleetStats.__name__ == "FleetStats"
    assert "api-key" not in fleet_key_prefix("api-key")
