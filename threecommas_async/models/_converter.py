"""The one cattrs converter: ``configure_converter`` + ``make_converter`` (cattrs preconf style).

Hooks are registered leaf first — Decimal, datetime and strict scalars, then JSON arrays and
objects, ``X | None`` and scalar unions, then the response models — so composite hooks generated
later find the leaf hooks. ``detailed_validation`` is off: the first error is raised as it is (with a
note naming the model and JSON key) instead of being collected into an exception group, which is
markedly faster.

cattrs is imported on first use, not when ``threecommas_async.models`` is imported; the default
converter behind :func:`structure_response` and :func:`unstructure` is created on first call and
generates each model's functions the first time that model is seen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import cattrs

__all__ = ["configure_converter", "make_converter", "structure_response", "unstructure"]

_default: cattrs.Converter | None = None
_strict: cattrs.Converter | None = None


def configure_converter(converter: cattrs.Converter, *, forbid_extra_keys: bool = False, strict: bool = False) -> None:
    """Teach ``converter`` the SDK's amounts, timestamps, strict scalars and response models.

    With ``forbid_extra_keys`` a response key no model declares raises
    :class:`cattrs.errors.ForbiddenExtraKeysError` instead of landing in ``extra``. Without ``strict``
    a value that does not fit its field is recorded in the model's ``field_errors`` (the attribute
    holds None); with it, the first such value raises.
    """
    from . import _collection_hooks, _model_hooks, _scalar_hooks

    _scalar_hooks.register_scalar_hooks(converter)
    converter.register_structure_hook_factory(_collection_hooks.is_list, _collection_hooks.strict_list_hook)
    converter.register_structure_hook_factory(_collection_hooks.is_dict, _collection_hooks.strict_dict_hook)
    converter.register_structure_hook_factory(_collection_hooks.is_fixed_tuple, _collection_hooks.strict_tuple_hook)
    converter.register_structure_hook_factory(_scalar_hooks.is_optional, _scalar_hooks.optional_structure_hook)
    converter.register_unstructure_hook_factory(_scalar_hooks.is_optional, _scalar_hooks.optional_unstructure_hook)
    converter.register_structure_hook_factory(_scalar_hooks.is_scalar_union, _scalar_hooks.scalar_union_structure_hook)
    converter.register_unstructure_hook_factory(
        _scalar_hooks.is_scalar_union, _scalar_hooks.scalar_union_unstructure_hook
    )
    converter.register_structure_hook_factory(
        _model_hooks.is_model, _model_hooks.model_structure_factory(forbid_extra_keys, strict=strict)
    )
    converter.register_unstructure_hook_factory(_model_hooks.is_model, _model_hooks.model_unstructure_factory)


def make_converter(*, forbid_extra_keys: bool = False, strict: bool = False) -> cattrs.Converter:
    """A new converter configured by :func:`configure_converter`.

    Heterogeneous tuples unstructure to lists, as they came from JSON arrays.
    """
    import cattrs

    converter = cattrs.Converter(
        detailed_validation=False,
        forbid_extra_keys=forbid_extra_keys,
        unstruct_collection_overrides={tuple: list},
    )
    configure_converter(converter, forbid_extra_keys=forbid_extra_keys, strict=strict)
    return converter


def _default_converter() -> cattrs.Converter:
    global _default
    if _default is None:
        _default = make_converter()
    return _default


def _strict_converter() -> cattrs.Converter:
    global _strict
    if _strict is None:
        _strict = make_converter(strict=True)
    return _strict


def structure_response(data: Any, cast_to: Any, *, strict: bool = False) -> Any:
    """Turn decoded JSON into ``cast_to``: a model class, ``list[Model]``, ``dict``, or Any/object.

    ``Any`` and ``object`` return ``data`` unchanged; ``dict`` and ``list`` check the JSON type and
    return it unchanged. A field whose value does not fit holds None and is listed in its model's
    ``field_errors`` (with the raw value), so one odd value never fails a row or a page; with
    ``strict=True`` it raises instead. Either way a missing or mistyped entity id, or a body of the
    wrong JSON type, raises (TypeError, ValueError, KeyError, cattrs errors, ...); the client reports
    that as ``ResponseValidationError``.
    """
    if cast_to is Any or cast_to is object:
        return data
    if cast_to is dict or cast_to is list:
        if type(data) is not cast_to:
            raise TypeError(f"expected a JSON {'object' if cast_to is dict else 'array'}, got {type(data).__name__}")
        return data
    converter = _strict_converter() if strict else _default_converter()
    return converter.structure(data, cast_to)


def unstructure(obj: Any) -> Any:
    """Models back to JSON-ready data: the same keys and values that were structured."""
    return _default_converter().unstructure(obj)
