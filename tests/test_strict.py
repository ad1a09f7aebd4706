"""One odd value never loses a page by default; ``strict=True`` (per client or per view) raises instead."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from threecommas_async import ResponseValidationError, ThreeCommas, VirtualClock

DEAL = json.loads((Path(__file__).parent / "data" / "models" / "deal.json").read_text())


def page_with_one_odd_value() -> list[dict[str, Any]]:
    odd = {**DEAL, "id": 2, "bot_id": "not-a-number"}
    return [DEAL, odd]


def client_for(**kwargs: Any) -> ThreeCommas:
    clock = VirtualClock()
    body = json.dumps(page_with_one_odd_value()).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    return ThreeCommas("strict-key", "strict-secret", transport=transport, clock=clock, sleep=clock.sleep, **kwargs)


async def test_an_odd_value_is_kept_raw_and_the_page_survives() -> None:
    deals = await client_for().deals.list()
    assert len(deals) == 2
    assert deals[1].bot_id is None
    assert "bot_id" in deals[1].field_errors
    assert not deals[0].field_errors


async def test_strict_client_raises_with_status_and_body() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        await client_for(strict=True).deals.list()
    assert caught.value.status == 200
    assert b"not-a-number" in caught.value.body


async def test_strict_per_view() -> None:
    client = client_for()
    with pytest.raises(ResponseValidationError):
        await client.with_options(strict=True).deals.list()
    assert len(await client.deals.list()) == 2
