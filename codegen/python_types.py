"""The Python annotation of each spec parameter, and the names a module must import for it."""

from __future__ import annotations

import attrs

from .literals import literal
from .spec import SpecParam

__all__ = ["Imports", "annotation"]


@attrs.define
class Imports:
    """Names a generated module uses, grouped by where they come from."""

    typing: set[str] = attrs.field(factory=set)
    abc: set[str] = attrs.field(factory=set)
    params: set[str] = attrs.field(factory=set)
    models: set[str] = attrs.field(factory=set)
    datetime: bool = False


def annotation(param: SpecParam, imports: Imports) -> str:
    """The annotation of ``param`` without ``| None`` (optional parameters add it)."""
    if param.type == "array":
        imports.abc.add("Sequence")
        item = _object_annotation(param, imports) if param.item_type == "object" else _scalar(param, imports)
        return f"{item} | Sequence[{item}]" if param.single else f"Sequence[{item}]"
    if param.format is not None:
        imports.datetime = True
        return "dt.datetime | str" if param.format == "date-time" else "dt.date | str"
    if param.type == "object":
        return _object_annotation(param, imports)
    return _scalar(param, imports)


def _object_annotation(param: SpecParam, imports: Imports) -> str:
    imports.abc.add("Mapping")
    imports.typing.add("Any")
    if param.params_class is None:
        return "Mapping[str, Any]"
    imports.params.add(param.params_class)
    return f"{param.params_class} | Mapping[str, Any]"


def _scalar(param: SpecParam, imports: Imports) -> str:
    kind = param.item_type if param.type == "array" else param.type
    if kind == "string" and param.enum is not None and param.type != "array":
        imports.typing.add("Literal")
        return f"Literal[{', '.join(literal(value) for value in param.enum)}]"
    if kind == "number":
        imports.params.add("Number")
        return "Number"
    return {"string": "str", "integer": "int", "boolean": "bool"}[str(kind)]
