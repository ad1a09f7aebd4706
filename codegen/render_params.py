"""Renders ``threecommas_async/params.py``: one attrs class per ``params_classes`` entry of the spec."""

from __future__ import annotations

from .literals import literal
from .spec import Spec, SpecParam, SpecParamsClass

__all__ = ["render_params"]

_MODULE_DOC = '''"""Typed request parameters for the nested objects endpoints take.

Attribute names are the wire names. Amounts are stored as Decimal: pass a Decimal, an int or a
numeric string (a float is accepted and converted through its ``repr``, ``0.1`` → ``Decimal("0.1")``).
Attributes left None are not sent. Every attribute is optional here; which ones an endpoint requires
is checked when it is called. Wherever one of these classes is accepted, a plain dict with the same
keys is accepted too. The classes and their fields come from the endpoint spec.
"""'''

_AMOUNT = "attrs.field(default=None, converter=to_decimal)"
_AMOUNTS = "attrs.field(default=None, converter=to_decimals)"


def render_params(spec: Spec, header: str) -> str:
    names = sorted(["Number", *(cls.name for cls in spec.params_classes)])
    lines = [
        header,
        _MODULE_DOC,
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from decimal import Decimal",
        "from typing import Any, Literal",
        "",
        "import attrs",
        "",
        "from ._param_fields import Number, named_amounts, to_decimal, to_decimals",
        "",
        "__all__ = [",
        *(f"    {literal(name)}," for name in names),
        "]",
    ]
    for cls in spec.params_classes:
        lines += ["", "", *_class_lines(cls)]
    return "\n".join(lines) + "\n"


def _class_lines(cls: SpecParamsClass) -> list[str]:
    amounts = any(field.type == "number" or field.item_type == "number" for field in cls.fields)
    options = "kw_only=True, field_transformer=named_amounts" if amounts else "kw_only=True"
    decorator = f"@attrs.frozen({options})"
    lines = [decorator, f"class {cls.name}:", f'    """{cls.summary}"""', ""]
    return lines + [f"    {field.wire}: {_field(field)}" for field in cls.fields]


def _field(field: SpecParam) -> str:
    if field.type == "number":
        return f"Decimal | None = {_AMOUNT}"
    if field.type == "array" and field.item_type == "number":
        return f"tuple[Decimal, ...] | None = {_AMOUNTS}"
    if field.type == "array":
        return f"Sequence[{_item(field, field.item_type)}] | None = None"
    return f"{_item(field, field.type)} | None = None"


def _item(field: SpecParam, kind: str | None) -> str:
    if kind == "object":
        return f"{field.params_class} | Mapping[str, Any]" if field.params_class else "Mapping[str, Any]"
    if kind == "string" and field.enum is not None:
        return f"Literal[{', '.join(literal(value) for value in field.enum)}]"
    return {"string": "str", "integer": "int", "boolean": "bool"}[str(kind)]
