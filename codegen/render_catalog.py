"""Renders ``threecommas_async/resources/_catalog.py``: every endpoint as an ``Endpoint`` constant."""

from __future__ import annotations

from .layout import LINE_LIMIT, fill, wrap
from .literals import decimal_literal, literal
from .spec import Spec, SpecEndpoint, SpecParam

__all__ = ["render_catalog"]

_MODULE_DOC = '''"""Every documented 3Commas endpoint as an ``Endpoint`` constant (from ``.._endpoint``).

``ENDPOINTS`` lists them in spec order; ``BY_NAME`` finds one by ``"resource.method"`` (``"deals.list"``).
Paths keep the documented ``{wire_name}`` placeholders; parameters map Python names to wire names.
"""'''


def render_catalog(spec: Spec, header: str) -> str:
    models = sorted({endpoint.response_model for endpoint in spec.endpoints if endpoint.response_model})
    lines = [header, _MODULE_DOC, "", "from __future__ import annotations", ""]
    if _uses_decimal(spec):
        lines += ["from decimal import Decimal"]
    lines += ["from typing import Any", "", "from .._endpoint import Endpoint, Param"]
    if models:
        lines += ["from ..models import (", *(f"    {model}," for model in models), ")"]
    lines += ["", '__all__ = ["BY_NAME", "ENDPOINTS"]', ""]
    for endpoint in spec.endpoints:
        lines += ["", *_endpoint_lines(endpoint)]
    lines += ["", "ENDPOINTS: tuple[Endpoint[Any], ...] = (", *wrap([e.constant for e in spec.endpoints], 4), ")"]
    lines += [
        "",
        "BY_NAME: dict[str, Endpoint[Any]] = {endpoint.qualified_name: endpoint for endpoint in ENDPOINTS}",
        "",
    ]
    return "\n".join(lines)


def _endpoint_lines(endpoint: SpecEndpoint) -> list[str]:
    """``NAME: Endpoint[Response] = Endpoint(...)``; attributes equal to ``Endpoint``'s defaults are left out."""
    response = endpoint.response
    head = (endpoint.resource, endpoint.name, endpoint.method, endpoint.path, endpoint.permission)
    items = [*(literal(value) for value in head), response]
    if not endpoint.signed:
        items.append("signed=False")
    if endpoint.weight != 1:
        items.append(f"weight={endpoint.weight}")
    if endpoint.idempotent != _idempotent_by_rule(endpoint):
        items.append(f"idempotent={literal(endpoint.idempotent)}")
    if endpoint.deprecated:
        items.append("deprecated=True")
    if endpoint.pagination is not None:
        items += [f"pagination={literal(endpoint.pagination)}", f"max_page_size={literal(endpoint.max_page_size)}"]
    prefix = f"{endpoint.constant}: Endpoint[{response}] = Endpoint("
    if not endpoint.params:
        return fill(items, 0, prefix, ")")
    lines = [prefix, *wrap(items, 4), "    params=("]
    for param in endpoint.params:
        lines += _param_lines(param, indent=8)
    return [*lines, "    ),", ")"]


def _idempotent_by_rule(endpoint: SpecEndpoint) -> bool:
    """The default ``Endpoint.idempotent`` computes: GET, or a POST needing only a ``*_READ`` permission."""
    read_post = endpoint.method == "POST" and (endpoint.permission or "").endswith("_READ")
    return endpoint.method == "GET" or read_post


def _param_lines(param: SpecParam, indent: int) -> list[str]:
    pad = " " * indent
    positional = (param.name, param.wire, param.type, param.location)
    head = f"Param({', '.join(literal(value) for value in positional)}"
    extras = _param_extras(param)
    one_line = f"{pad}{head}{''.join(', ' + extra for extra in extras)}),"
    if not param.fields and len(one_line) <= LINE_LIMIT:
        return [one_line]
    lines = [f"{pad}{head},"]
    lines += [f"{pad}    {extra}," for extra in extras]
    if param.fields:
        lines.append(f"{pad}    fields=(")
        for field in param.fields:
            lines += _param_lines(field, indent + 8)
        lines.append(f"{pad}    ),")
    lines.append(f"{pad}),")
    return lines


def _param_extras(param: SpecParam) -> list[str]:
    extras: list[str] = []
    if param.required:
        extras.append("required=True")
    if param.enum is not None:
        values = ", ".join(literal(value) for value in param.enum)
        extras.append(f"enum=({values}{',' if len(param.enum) == 1 else ''})")
    if param.minimum is not None:
        extras.append(f"minimum={decimal_literal(param.minimum)}")
    if param.maximum is not None:
        extras.append(f"maximum={decimal_literal(param.maximum)}")
    if param.min_length is not None:
        extras.append(f"min_length={literal(param.min_length)}")
    if param.max_length is not None:
        extras.append(f"max_length={literal(param.max_length)}")
    if param.item_type is not None:
        extras.append(f"item_type={literal(param.item_type)}")
    if param.format is not None:
        extras.append(f"format={literal(param.format)}")
    if param.single:
        extras.append("single=True")
    return extras


def _uses_decimal(spec: Spec) -> bool:
    def walk(params: tuple[SpecParam, ...]) -> bool:
        return any(
            param.minimum is not None or param.maximum is not None or walk(param.fields) for param in params
        )

    return any(walk(endpoint.params) for endpoint in spec.endpoints)
