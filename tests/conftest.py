"""Shared test helpers: the reference folder beside the repo, and a client on a virtual clock."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"


@pytest.fixture
def reference() -> dict[str, Any]:
    path = REFERENCE / "3commas-endpoints.json"
    if not path.is_file():
        pytest.skip(f"reference material not found at {path}")
    return dict(json.loads(path.read_text()))
