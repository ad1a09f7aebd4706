"""cattrs structure hooks for JSON arrays and objects that accept only arrays and objects.

cattrs' defaults iterate whatever they are given, so ``{}`` would become ``[]`` and ``"ab"`` would
become ``["a", "b"]``. These hooks take a JSON array (``list``) for ``list[X]`` and ``tuple[X, Y]``
(of exactly that length) and a JSON object (``dict``) for ``dict[str, X]``, and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_args, get_origin

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "is_dict",
    "is_fixed_tuple",
    "is_list",
    "strict_dict_hook",
    "strict_list_hook",
    "strict_tuple_hook",
]

StructureHook = Callable[[Any, Any], Any]


def is_list(type_: Any) -> bool:
    return type_ is list or get_origin(type_) is list


def is_dict(type_: Any) -> bool:
    return type_ is dict or get_origin(type_) is dict


def is_fixed_tuple(type_: Any) -> bool:
    arguments = get_args(type_)
    return get_origin(type_) is tuple and bool(arguments) and Ellipsis not in arguments


def _not_a(kind: str, value: Any) -> TypeError:
    return TypeError(f"expected a JSON {kind}, got {type(value).__name__}: {value!r}")


def strict_list_hook(type_: Any, converter: cattrs.Converter) -> StructureHook:
    """``list[X]`` from a JSON array, each item through X's hook."""
    (item_type,) = get_args(type_) or (Any,)
    if item_type is Any:

        def structure_any_list(value: Any, _: Any) -> list[Any]:
            if value.__class__ is not list:
                raise _not_a("array", value)
            return list(value)

        return structure_any_list
    structure_item = converter.get_structure_hook(item_type)

    def structure_list(value: Any, _: Any) -> list[Any]:
        if value.__class__ is not list:
            raise _not_a("array", value)
        return [structure_item(item, item_type) for item in value]

    return structure_list


def strict_tuple_hook(type_: Any, converter: cattrs.Converter) -> StructureHook:
    """``tuple[X, Y, ...]`` from a JSON array of exactly that many items."""
    item_types = get_args(type_)
    hooks = [(converter.get_structure_hook(item_type), item_type) for item_type in item_types]

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if value.__class__ is not list or len(value) != len(hooks):
            raise TypeError(f"expected a JSON array of {len(hooks)} items, got {value!r}")
        return tuple(hook(item, item_type) for (hook, item_type), item in zip(hooks, value, strict=True))

    return structure_tuple


def strict_dict_hook(type_: Any, converter: cattrs.Converter) -> StructureHook:
    """``dict[str, X]`` from a JSON object, each value through X's hook."""
    arguments = get_args(type_)
    value_type = arguments[1] if arguments else Any
    if value_type is Any:

        def structure_any_dict(value: Any, _: Any) -> dict[str, Any]:
            if value.__class__ is not dict:
                raise _not_a("object", value)
            return dict(value)

        return structure_any_dict
    structure_value = converter.get_structure_hook(value_type)

    def structure_dict(value: Any, _: Any) -> dict[str, Any]:
        if value.__class__ is not dict:
            raise _not_a("object", value)
        return {key: structure_value(item, value_type) for key, item in value.items()}

    return structure_dict
