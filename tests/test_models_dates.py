"""ISO 8601 parsing that gives the same datetimes on Python 3.10 and 3.11+ (the portable path runs everywhere)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from threecommas_async.models import Deal, WireDatetime, structure_response, unstructure
from threecommas_async.models._values import (
    _looks_like_api_timestamp,
    portable_parse_api_timestamp,
    portable_parse_iso,
)

UTC = timezone.utc
PLUS_3 = timezone(timedelta(hours=3))

CASES = [
    ("2025-03-04T08:06:07.5+03:00", datetime(2025, 3, 4, 8, 6, 7, 500000, tzinfo=PLUS_3)),
    ("2025-03-04T05:06:07Z", datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)),
    ("2025-03-04T05:06:07z", datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)),
    ("2025-03-04T05:06:07.1234567Z", datetime(2025, 3, 4, 5, 6, 7, 123456, tzinfo=UTC)),
    ("2025-03-04T05:06:07,25Z", datetime(2025, 3, 4, 5, 6, 7, 250000, tzinfo=UTC)),
    ("2025-03-04 05:06:07.968000+00:00", datetime(2025, 3, 4, 5, 6, 7, 968000, tzinfo=UTC)),
    ("2025-03-04T08:06:07+0300", datetime(2025, 3, 4, 8, 6, 7, tzinfo=PLUS_3)),
    ("2025-03-04T08:06:07+03", datetime(2025, 3, 4, 8, 6, 7, tzinfo=PLUS_3)),
    ("2025-03-04T08:06-02:30", datetime(2025, 3, 4, 8, 6, tzinfo=timezone(-timedelta(hours=2, minutes=30)))),
    ("2021-07-08 08:08:08", datetime(2021, 7, 8, 8, 8, 8)),
    ("2025-03-04", datetime(2025, 3, 4)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_portable_parser_reads_common_spellings(text: str, expected: datetime) -> None:
    parsed = portable_parse_iso(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_parser_in_use_agrees(text: str, expected: datetime) -> None:
    deal = structure_response({"id": 1, "updated_at": text}, Deal)
    moment = deal.updated_at
    assert isinstance(moment, WireDatetime)
    assert moment == (expected if expected.tzinfo else expected.replace(tzinfo=UTC))
    assert unstructure(deal)["updated_at"] == text


@pytest.mark.parametrize("text", ["yesterday", "2025-13-01T00:00:00Z", "2025-03-04T25:00:00Z", ""])
def test_portable_parser_refuses_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        portable_parse_iso(text)


def test_portable_api_timestamp() -> None:
    assert portable_parse_api_timestamp("2024-10-24T19:57:43.635Z") == datetime(
        2024, 10, 24, 19, 57, 43, 635000, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-24T19:57:43.635Z", True),
        ("2024-W43-4T19:57:43.635Z", False),
        ("2024-10-24T24:00:00.000Z", False),
        ("2024-10-24 19:57:43.635Z", False),
        ("2024-10-24T19:57:43,635Z", False),
        ("2024-10-24T19:57:43.6350Z", False),
    ],
)
def test_only_the_api_layout_takes_the_fast_path(text: str, expected: bool) -> None:
    assert _looks_like_api_timestamp(text) is expected
