"""Response shapes in the spec: the ones it accepts, the reason every untyped endpoint must give, and api.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from codegen.generate import API_DOC, GENERATED_DIR, SPEC_PATH, generate
from codegen.spec import SpecError, load_spec

ROOT = Path(__file__).resolve().parents[1]


def _spec_with(tmp_path: Path, qualified: str, **changes: Any) -> Path:
    spec = json.loads((ROOT / SPEC_PATH).read_text())
    resource, name = qualified.split(".")
    endpoint = next(e for e in spec["endpoints"] if (e["resource"], e["name"]) == (resource, name))
    for key, value in changes.items():
        if value is None:
            endpoint.pop(key, None)
        else:
            endpoint[key] = value
    path = tmp_path / "endpoints.json"
    path.write_text(json.dumps(spec))
    return path


@pytest.mark.parametrize("response", ["list[int]", "dict[int, Deal]", "dict[str, str]", "set[Deal]", "Deal | None"])
def test_spec_refuses_a_response_shape_it_cannot_render(tmp_path: Path, response: str) -> None:
    with pytest.raises(SpecError, match=r"deals\.show: response"):
        load_spec(_spec_with(tmp_path, "deals.show", response=response))


def test_spec_needs_a_reason_exactly_for_untyped_endpoints(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"users\.current_mode: an 'untyped_reason'"):
        load_spec(_spec_with(tmp_path, "users.current_mode", untyped_reason=None))
    with pytest.raises(SpecError, match=r"deals\.show: an 'untyped_reason'"):
        load_spec(_spec_with(tmp_path, "deals.show", untyped_reason="not needed"))


def test_spec_refuses_a_paginated_endpoint_returning_strings(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="must return list"):
        load_spec(_spec_with(tmp_path, "deals.list", response="list[str]"))


def test_every_shape_renders_its_annotation() -> None:
    files = generate(load_spec(ROOT / SPEC_PATH))
    bots = files[GENERATED_DIR / "bots.py"]
    assert "    async def delete(self, bot_id: int) -> bool:\n" in bots
    assert ") -> builtins.dict[str, AvailableStrategy]:\n" in bots
    assert "    async def delete(self, grid_bot_id: int) -> None:\n" in files[GENERATED_DIR / "grid_bots.py"]
    assert ") -> builtins.list[str]:\n" in files[GENERATED_DIR / "market_data.py"]
    assert "from typing import" not in files[GENERATED_DIR / "general.py"]


def test_api_doc_lists_every_untyped_endpoint_with_its_reason() -> None:
    spec = load_spec(ROOT / SPEC_PATH)
    doc = generate(spec)[API_DOC]
    section = doc[doc.index("## Untyped responses") : doc.index("## client.")]
    untyped = [endpoint for endpoint in spec.endpoints if endpoint.response == "Any"]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert len(rows) == len(untyped)
    for endpoint, row in zip(untyped, rows, strict=True):
        assert row.startswith(f"| `{endpoint.qualified_name}` | `{endpoint.method} {endpoint.path}` | ")
        assert endpoint.untyped_reason is not None
        assert endpoint.untyped_reason in row
        assert f"Returns: **untyped ⚠** ({endpoint.untyped_reason})" in doc
    assert f"{len(spec.endpoints) - len(untyped)} of {len(spec.endpoints)} endpoints return a typed value" in section
    assert "Returns: `None` (no body)" in doc
