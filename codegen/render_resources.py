"""Renders one ``threecommas_async/resources/<resource>.py`` module: the typed endpoint coroutines."""

from __future__ import annotations

import textwrap

import attrs

from .layout import LINE_LIMIT, fill_dict
from .literals import literal
from .python_types import Imports, annotation
from .spec import Spec, SpecEndpoint, SpecParam, SpecResource

__all__ = ["render_resource"]

_PAGING_WIRES = {"offset": ("limit", "offset"), "page": ("per_page", "page")}
"""Per pagination style: the page-size parameter and the position parameter (both left out of iterate)."""


@attrs.frozen
class _Signature:
    """A method's parameters as source lines, and the argument dict passed to the core."""

    parameters: tuple[str, ...]
    arguments: tuple[str, ...]


def render_resource(spec: Spec, resource: SpecResource, header: str) -> str:
    endpoints = spec.endpoints_of(resource.name)
    imports = Imports()
    plain: list[list[str]] = []
    for endpoint in endpoints:
        plain.append(_method(endpoint, imports))
        if endpoint.pagination is not None:
            plain.append(_iterator(endpoint, imports))
    paginated = any(endpoint.pagination is not None for endpoint in endpoints)
    cls = resource.class_name
    raw_cls = f"{cls}WithRawResponse"
    body = [
        "",
        "",
        f"class {cls}(Resource):",
        f'    """{resource.summary} Reached as ``client.{resource.name}``."""',
        "",
        "    __slots__ = ()",
        "",
        "    @property",
        f"    def with_raw_response(self) -> {raw_cls}:",
        '        """The same methods, each returning a :class:`RawResponse` (status, headers, parsed result)."""',
        f"        return {raw_cls}(self._client)",
    ]
    for method in plain:
        body += ["", *method]
    body += [
        "",
        "",
        f"class {raw_cls}(RawResource):",
        f'    """``client.{resource.name}.with_raw_response``: every method returns a :class:`RawResponse`."""',
        "",
        "    __slots__ = ()",
        "",
        *(f"    {endpoint.name} = raw_response({cls}.{endpoint.name})" for endpoint in endpoints),
    ]
    head = [
        header,
        f'"""``client.{resource.name}``: {resource.summary}"""',
        "",
        "from __future__ import annotations",
        "",
        *_import_lines(imports, endpoints, paginated=paginated),
        "",
        f'__all__ = ["{cls}", "{raw_cls}"]',
    ]
    return "\n".join(head + body) + "\n"


def _method(endpoint: SpecEndpoint, imports: Imports) -> list[str]:
    signature = _signature(endpoint.params, imports, skip=())
    returns = _result_type(endpoint, imports)
    call = f"await self._client._call_endpoint(_catalog.{endpoint.constant}, "
    lines = _def("async def", endpoint.name, signature.parameters, returns)
    lines += _docstring(endpoint)
    if endpoint.deprecated:
        name = literal(endpoint.qualified_name)
        lines.append(f"        warn_deprecated({name}, stacklevel=self._warning_stacklevel)")
    return lines + fill_dict(signature.arguments, 8, prefix=f"return {call}", suffix=")")


def _iterator(endpoint: SpecEndpoint, imports: Imports) -> list[str]:
    item = endpoint.response_model
    if endpoint.pagination is None or item is None:
        raise ValueError(f"{endpoint.qualified_name} is not a paginated list endpoint")
    size_wire, position_wire = _PAGING_WIRES[endpoint.pagination]
    signature = _signature(endpoint.params, imports, skip=(size_wire, position_wire))
    parameters = (*signature.parameters, "page_size: int | None = None", "priority: Priority | None = None")
    if "*" not in parameters:
        parameters = ("*", *parameters)
    name = "iterate" if endpoint.name == "list" else f"iterate_{endpoint.name}"
    lines = _def("def", name, parameters, f"AsyncPaginator[{item}]")
    per_page = f"at most {endpoint.max_page_size} per page" if endpoint.max_page_size else "paged"
    lines += [
        f'        """Every row of ``{endpoint.qualified_name}``, page by page ({per_page}, '
        f'``{size_wire}``/``{position_wire}``).',
        "",
        f"        ``async for row in client.{endpoint.resource}.{name}(...)`` walks all pages until a short one;",
        "        ``await`` it for the first page only. ``page_size`` defaults to the maximum; ``priority`` is the",
        '        limiter lane of the page requests (``"bulk"`` for a collector; None: the client\'s default)."""',
    ]
    call = f"AsyncPaginator(self._client, _catalog.{endpoint.constant}, "
    suffix = ", page_size=page_size, priority=priority)"
    return lines + fill_dict(signature.arguments, 8, prefix=f"return {call}", suffix=suffix)


def _signature(params: tuple[SpecParam, ...], imports: Imports, *, skip: tuple[str, ...]) -> _Signature:
    path = [param for param in params if param.location == "path"]
    rest = [param for param in params if param.location != "path" and param.wire not in skip]
    required = [param for param in rest if param.required]
    optional = [param for param in rest if not param.required]
    parameters = [f"{param.name}: {annotation(param, imports)}" for param in path]
    if required or optional:
        parameters.append("*")
    parameters += [f"{param.name}: {annotation(param, imports)}" for param in required]
    parameters += [f"{param.name}: {annotation(param, imports)} | None = None" for param in optional]
    arguments = tuple(param.name for param in (*path, *required, *optional))
    return _Signature(parameters=tuple(parameters), arguments=arguments)


def _def(keyword: str, name: str, parameters: tuple[str, ...] | list[str], returns: str) -> list[str]:
    one_line = f"    {keyword} {name}(self{''.join(', ' + item for item in parameters)}) -> {returns}:"
    if len(one_line) <= LINE_LIMIT:
        return [one_line]
    return [
        f"    {keyword} {name}(",
        "        self,",
        *(f"        {item}," for item in parameters),
        f"    ) -> {returns}:",
    ]


def _docstring(endpoint: SpecEndpoint) -> list[str]:
    permission = f"permission {endpoint.permission}" if endpoint.permission else "permission not documented"
    security = "signed" if endpoint.signed else "unsigned"
    lines = [
        f'        """{endpoint.summary}',
        "",
        f"        ``{endpoint.method} {endpoint.path}``: {permission}, {security}.",
    ]
    if endpoint.deprecated:
        lines.append("        Deprecated by 3Commas: calling it issues a ``DeprecatedEndpointWarning``.")
    if endpoint.response == "Any":
        text = f"Untyped, {endpoint.untyped_reason}: returns the decoded JSON (Decimals for fractions)."
        lines += textwrap.wrap(text, LINE_LIMIT - 3, initial_indent=" " * 8, subsequent_indent=" " * 8)
    elif endpoint.response == "None":
        lines.append("        The docs give no response body: returns None (``with_raw_response`` keeps the answer).")
    lines[-1] += '"""'
    return lines


def _result_type(endpoint: SpecEndpoint, imports: Imports) -> str:
    """The return annotation; ``builtins.`` because a resource may have a method named ``list``."""
    if endpoint.response == "Any":
        imports.typing.add("Any")
    if endpoint.response_model is not None:
        imports.models.add(endpoint.response_model)
    return f"builtins.{endpoint.response}" if _is_generic(endpoint) else endpoint.response


def _is_generic(endpoint: SpecEndpoint) -> bool:
    return endpoint.response.startswith(("list[", "dict["))


def _import_lines(imports: Imports, endpoints: tuple[SpecEndpoint, ...], *, paginated: bool) -> list[str]:
    lines: list[str] = []
    if any(_is_generic(endpoint) for endpoint in endpoints):
        lines.append("import builtins")
    if imports.datetime:
        lines.append("import datetime as dt")
    if imports.abc:
        lines.append(_from("collections.abc", imports.abc))
    if imports.typing:
        lines.append(_from("typing", imports.typing))
    if lines:
        lines.append("")
    if paginated:
        lines.append(_from(".._endpoint", {"Priority"}))
    if any(endpoint.deprecated for endpoint in endpoints):
        lines.append(_from(".._exceptions", {"warn_deprecated"}))
    if paginated:
        lines.append(_from(".._pagination", {"AsyncPaginator"}))
    lines.append(_from(".._resource", {"RawResource", "Resource", "raw_response"}))
    if imports.models:
        lines.append(_from("..models", imports.models))
    if imports.params:
        lines.append(_from("..params", imports.params))
    lines.append("from . import _catalog")
    return lines


def _from(module: str, names: set[str]) -> str:
    ordered = sorted(names, key=_isort_key)
    line = f"from {module} import {', '.join(ordered)}"
    if len(line) <= LINE_LIMIT:
        return line
    return "\n".join([f"from {module} import (", *(f"    {name}," for name in ordered), ")"])


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's isort order: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)
