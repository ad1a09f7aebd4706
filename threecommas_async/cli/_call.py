"""``call METHOD PATH [key=value ...]``: any endpoint through the client (limiter, signing, retries), the
answer printed as JSON with every digit (numbers are never read as floats)."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from .. import ThreeCommasError, decode_json, encode_json
from ._interrupt import run_interruptible
from ._target import TargetOptions, open_target

__all__ = ["call_command", "parse_fields", "write_json"]

_QUERY_METHODS = frozenset({"GET", "DELETE"})


def parse_fields(fields: tuple[str, ...]) -> dict[str, Any]:
    """``key=value`` is a string, ``key:=JSON`` a JSON value (exact numbers); ``key[]=v`` repeats build a list."""
    values: dict[str, Any] = {}
    for field in fields:
        name, typed, raw = _split(field)
        value = decode_json(raw) if typed else raw
        if name.endswith("[]"):
            values.setdefault(name[:-2], []).append(value)
        else:
            values[name] = value
    return values


def _split(field: str) -> tuple[str, bool, str]:
    typed_at = field.find(":=")
    plain_at = field.find("=")
    if typed_at != -1 and typed_at < plain_at:
        return field[:typed_at], True, field[typed_at + 2 :]
    if plain_at <= 0:
        raise ValueError(f"expected key=value or key:=JSON, got {field!r}")
    return field[:plain_at], False, field[plain_at + 1 :]


def write_json(value: Any, out: TextIO, indent: str = "") -> None:
    """``value`` as indented JSON; scalars written by the SDK's exact encoder."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        out.write("{\n")
        for position, (key, item) in enumerate(value.items()):
            out.write(f"{inner}{encode_json(key).decode()}: ")
            write_json(item, out, inner)
            out.write(",\n" if position < len(value) - 1 else "\n")
        out.write(indent + "}")
    elif isinstance(value, list) and value:
        out.write("[\n")
        for position, item in enumerate(value):
            out.write(inner)
            write_json(item, out, inner)
            out.write(",\n" if position < len(value) - 1 else "\n")
        out.write(indent + "]")
    else:
        out.write(encode_json(value).decode())


async def _call(method: str, path: str, values: dict[str, Any], signed: bool, options: TargetOptions) -> int:
    async with open_target(options) as target:
        query = method in _QUERY_METHODS
        result = await target.client.request(
            method, path, params=values if query else None, json=None if query or not values else values, signed=signed
        )
    write_json(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


def call_command(method: str, path: str, fields: tuple[str, ...], signed: bool, options: TargetOptions) -> int:
    try:
        values = parse_fields(fields)
        return run_interruptible(_call(method, path, values, signed, options), lambda: "interrupted")
    except (ThreeCommasError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
