"""The base of every response model, the record of a field that did not fit, and the field markers.

Every model keeps the keys it does not model in ``extra``, the modelled keys the response left out in
``absent_keys``, and each modelled key whose value did not fit the field's type in ``field_errors``
(the attribute then holds None), so that unstructuring gives back the JSON object that came in.
Field metadata ``wire_name("finished?")`` maps a JSON key that is not a Python name to a clean
attribute; ``epoch_seconds()`` marks a timestamp the API sends as integer seconds;
``numeric_strings()`` marks a free-form JSON object whose numeric strings are amounts::

    finished: bool | None = attrs.field(default=None, metadata=wire_name("finished?"))
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

__all__ = [
    "EPOCH_SECONDS",
    "NO_FIELD_ERRORS",
    "NUMERIC_STRINGS",
    "WIRE_NAME",
    "FieldError",
    "ResponseModel",
    "epoch_seconds",
    "numeric_strings",
    "wire_name",
]

WIRE_NAME = "threecommas_async.wire_name"
EPOCH_SECONDS = "threecommas_async.epoch_seconds"
NUMERIC_STRINGS = "threecommas_async.numeric_strings"

_NO_KEYS: frozenset[str] = frozenset()


@attrs.frozen(slots=True)
class FieldError:
    """A modelled field whose JSON value did not fit its type: the raw ``value`` and the ``reason``."""

    value: Any
    reason: str


NO_FIELD_ERRORS: Mapping[str, FieldError] = MappingProxyType({})


@attrs.define(slots=True, kw_only=True)
class ResponseModel:
    """Base class of the response models.

    ``extra`` holds every JSON key the model does not declare, with its decoded value;
    ``absent_keys`` names declared keys the response did not contain (their attributes hold the
    default), so they are left out again when the model is unstructured; ``field_errors`` maps each
    declared JSON key whose value did not fit to a :class:`FieldError` (the attribute holds None and
    unstructuring writes the raw value back). It is empty unless something did not fit.
    """

    extra: dict[str, Any] = attrs.field(factory=dict)
    absent_keys: frozenset[str] = attrs.field(default=_NO_KEYS, repr=False, eq=False)
    field_errors: Mapping[str, FieldError] = attrs.field(default=NO_FIELD_ERRORS)


def wire_name(name: str) -> dict[str, Any]:
    """Field metadata: the JSON key is ``name`` (e.g. ``"finished?"``), not the attribute name."""
    return {WIRE_NAME: name}


def epoch_seconds() -> dict[str, Any]:
    """Field metadata: a timestamp the API sends as integer epoch seconds."""
    return {EPOCH_SECONDS: True}


def numeric_strings() -> dict[str, Any]:
    """Field metadata: a JSON object whose values that are decimal strings become Decimals."""
    return {NUMERIC_STRINGS: True}
