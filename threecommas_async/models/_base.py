"""The base of every response model and the two field markers the converter understands.

Every model keeps the keys it does not model in ``extra`` and the modelled keys the response left
out in ``absent_keys``, so that unstructuring gives back the JSON object that came in.
Field metadata ``wire_name("finished?")`` maps a JSON key that is not a Python name to a clean
attribute; ``epoch_seconds()`` marks a timestamp the API sends as integer seconds::

    finished: bool | None = attrs.field(default=None, metadata=wire_name("finished?"))
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["EPOCH_SECONDS", "WIRE_NAME", "ResponseModel", "epoch_seconds", "wire_name"]

WIRE_NAME = "threecommas_async.wire_name"
EPOCH_SECONDS = "threecommas_async.epoch_seconds"

_NO_KEYS: frozenset[str] = frozenset()


@attrs.define(slots=True, kw_only=True)
class ResponseModel:
    """Base class of the response models.

    ``extra`` holds every JSON key the model does not declare, with its decoded value;
    ``absent_keys`` names declared keys the response did not contain (their attributes hold the
    default), so they are left out again when the model is unstructured.
    """

    extra: dict[str, Any] = attrs.field(factory=dict)
    absent_keys: frozenset[str] = attrs.field(default=_NO_KEYS, repr=False, eq=False)


def wire_name(name: str) -> dict[str, Any]:
    """Field metadata: the JSON key is ``name`` (e.g. ``"finished?"``), not the attribute name."""
    return {WIRE_NAME: name}


def epoch_seconds() -> dict[str, Any]:
    """Field metadata: a timestamp the API sends as integer epoch seconds."""
    return {EPOCH_SECONDS: True}
