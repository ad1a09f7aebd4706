"""Reading ``spec/endpoints.json`` into typed records, refusing anything the generator cannot render."""

from __future__ import annotations

import json
import keyword
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

__all__ = ["Spec", "SpecEndpoint", "SpecError", "SpecParam", "SpecParamsClass", "SpecResource", "load_spec"]

FORMATS = frozenset({"date-time", "date"})
PARAM_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array"})
LOCATIONS = frozenset({"path", "query", "body"})
PAGINATION_STYLES = frozenset({"offset", "page"})
HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*\Z")
_PATH_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
PAGING_FLOORS = {"offset": 0, "limit": 1, "page": 1, "per_page": 1}
"""Integer parameters that must carry a ``minimum`` at least this (ids, ``*_id``, ``*_ids``: 1)."""
_MODEL = r"[A-Z][A-Za-z0-9]*"
_RESPONSE = re.compile(rf"(Any|None|bool|list\[str\]|{_MODEL}|list\[{_MODEL}\]|dict\[str, {_MODEL}\])\Z")
"""The response shapes: untyped JSON, no body, ``true``/``false``, strings, a model, and lists or maps of models."""
_WRAPPED_MODEL = re.compile(rf"(?:list\[|dict\[str, )?({_MODEL})\]?\Z")


class SpecError(ValueError):
    """The spec file does not describe endpoints the generator can render."""


@attrs.frozen
class SpecParam:
    name: str
    wire: str
    type: str
    location: str
    required: bool
    enum: tuple[str | int, ...] | None
    minimum: Decimal | None
    maximum: Decimal | None
    min_length: int | None
    max_length: int | None
    item_type: str | None
    fields: tuple[SpecParam, ...]
    params_class: str | None
    default: Any
    description: str | None
    format: str | None = None
    single: bool = False


@attrs.frozen
class SpecEndpoint:
    resource: str
    name: str
    operation: str
    summary: str
    method: str
    path: str
    permission: str | None
    signed: bool
    weight: int
    idempotent: bool
    deprecated: bool
    pagination: str | None
    max_page_size: int | None
    response: str
    params: tuple[SpecParam, ...]
    notes: tuple[str, ...]
    untyped_reason: str | None = None

    @property
    def qualified_name(self) -> str:
        return f"{self.resource}.{self.name}"

    @property
    def constant(self) -> str:
        return f"{self.resource}_{self.name}".upper()

    @property
    def response_model(self) -> str | None:
        """The model class in the response (``Deal`` for ``list[Deal]``), or None when it names none."""
        match = _WRAPPED_MODEL.match(self.response)
        return match.group(1) if match and self.response not in ("Any", "None") else None


@attrs.frozen
class SpecResource:
    name: str
    summary: str

    @property
    def class_name(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("_"))


@attrs.frozen
class SpecParamsClass:
    """A ``threecommas_async.params`` class: its fields are the union of every object parameter naming it."""

    name: str
    summary: str
    fields: tuple[SpecParam, ...]


@attrs.frozen
class Spec:
    base_url: str
    resources: tuple[SpecResource, ...]
    endpoints: tuple[SpecEndpoint, ...]
    params_classes: tuple[SpecParamsClass, ...] = ()

    def endpoints_of(self, resource: str) -> tuple[SpecEndpoint, ...]:
        return tuple(endpoint for endpoint in self.endpoints if endpoint.resource == resource)


def load_spec(path: Path) -> Spec:
    """Parse and check the spec; numbers with a fraction become Decimal."""
    raw = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    resources = tuple(
        SpecResource(name=_identifier(item["name"], "resources"), summary=item["summary"])
        for item in raw["resources"]
    )
    resource_names = {resource.name for resource in resources}
    endpoints = tuple(_endpoint(entry) for entry in raw["endpoints"])
    seen: set[str] = set()
    for endpoint in endpoints:
        where = endpoint.qualified_name
        if where in seen:
            raise SpecError(f"{where}: defined twice")
        seen.add(where)
        if endpoint.resource not in resource_names:
            raise SpecError(f"{where}: resource {endpoint.resource!r} is not listed in 'resources'")
    params_classes = _params_classes(raw.get("params_classes", ()), endpoints)
    return Spec(base_url=raw["base_url"], resources=resources, endpoints=endpoints, params_classes=params_classes)


def _params_classes(entries: list[dict[str, Any]], endpoints: tuple[SpecEndpoint, ...]) -> tuple[SpecParamsClass, ...]:
    """Each listed class with the fields of every parameter that names it (the fullest occurrence's order first)."""
    uses: dict[str, list[SpecParam]] = {}

    def collect(params: tuple[SpecParam, ...]) -> None:
        for param in params:
            if param.params_class is not None:
                uses.setdefault(param.params_class, []).append(param)
            collect(param.fields)

    for endpoint in endpoints:
        collect(endpoint.params)
    listed = [entry["name"] for entry in entries]
    if sorted(listed) != sorted(uses):
        raise SpecError(f"params_classes {sorted(listed)} do not match the classes parameters name {sorted(uses)}")
    return tuple(
        SpecParamsClass(name=entry["name"], summary=entry["summary"], fields=_union(entry["name"], uses[entry["name"]]))
        for entry in entries
    )


def _union(name: str, occurrences: list[SpecParam]) -> tuple[SpecParam, ...]:
    fields: dict[str, SpecParam] = {}
    for occurrence in sorted(occurrences, key=lambda param: -len(param.fields)):
        for field in occurrence.fields:
            known = fields.setdefault(field.wire, field)
            if _shape(known) != _shape(field):
                raise SpecError(f"params class {name}: field {field.wire!r} has two shapes")
    return tuple(fields.values())


def _shape(param: SpecParam) -> tuple[object, ...]:
    return (param.name, param.type, param.item_type, param.enum, param.params_class)


def _endpoint(entry: dict[str, Any]) -> SpecEndpoint:
    where = f"{entry.get('resource')}.{entry.get('name')}"
    pagination = entry.get("pagination")
    endpoint = SpecEndpoint(
        resource=_identifier(entry["resource"], where),
        name=_identifier(entry["name"], where),
        operation=entry["operation"],
        summary=entry["summary"],
        method=entry["method"],
        path=entry["path"],
        permission=entry.get("permission"),
        signed=bool(entry["signed"]),
        weight=int(entry["weight"]),
        idempotent=bool(entry["idempotent"]),
        deprecated=bool(entry.get("deprecated", False)),
        pagination=pagination["style"] if pagination else None,
        max_page_size=_optional_int(pagination.get("max_page_size")) if pagination else None,
        response=entry["response"],
        params=tuple(_param(item, where) for item in entry.get("params", ())),
        notes=tuple(entry.get("notes", ())),
        untyped_reason=entry.get("untyped_reason"),
    )
    _check_endpoint(endpoint, where)
    return endpoint


def _check_endpoint(endpoint: SpecEndpoint, where: str) -> None:
    if endpoint.method not in HTTP_METHODS:
        raise SpecError(f"{where}: unknown HTTP method {endpoint.method!r}")
    if not _RESPONSE.match(endpoint.response):
        raise SpecError(
            f"{where}: response {endpoint.response!r} is not one of Any, None, bool, list[str], "
            "Model, list[Model], dict[str, Model]"
        )
    if (endpoint.response == "Any") != bool(endpoint.untyped_reason):
        raise SpecError(f"{where}: an 'untyped_reason' is needed exactly when the response is Any")
    if endpoint.pagination is not None:
        if endpoint.pagination not in PAGINATION_STYLES:
            raise SpecError(f"{where}: unknown pagination style {endpoint.pagination!r}")
        if not endpoint.response.startswith("list[") or endpoint.response_model is None:
            raise SpecError(f"{where}: a paginated endpoint must return list[Model]")
        wires = {param.wire for param in endpoint.params}
        needed = {"limit", "offset"} if endpoint.pagination == "offset" else {"page", "per_page"}
        if not needed <= wires:
            raise SpecError(f"{where}: {endpoint.pagination} pagination needs params {sorted(needed)}")
    path_fields = _PATH_FIELD.findall(endpoint.path)
    path_params = [param.wire for param in endpoint.params if param.location == "path"]
    if sorted(path_fields) != sorted(path_params):
        raise SpecError(f"{where}: path fields {path_fields} do not match path params {path_params}")
    names = [param.name for param in endpoint.params]
    if len(set(names)) != len(names):
        raise SpecError(f"{where}: duplicate parameter names")
    _check_floors(endpoint.params, where)
    reserved = {"self", "page_size", "priority"}
    for param in endpoint.params:
        if param.name in reserved:
            raise SpecError(f"{where}: parameter name {param.name!r} is reserved")


def _check_floors(params: tuple[SpecParam, ...], where: str) -> None:
    """Offsets, sizes, pages and ids are bounded client-side: the spec must say so for every endpoint."""
    for param in params:
        floor = _required_floor(param)
        if floor is not None and (param.minimum is None or param.minimum < floor):
            raise SpecError(f"{where}.{param.name}: needs a minimum of at least {floor}")
        _check_floors(param.fields, where)


def _required_floor(param: SpecParam) -> int | None:
    """The lowest ``minimum`` an integer parameter may declare, or None when no rule applies."""
    kind = param.item_type if param.type == "array" else param.type
    if kind != "integer":
        return None
    if param.wire in PAGING_FLOORS:
        return PAGING_FLOORS[param.wire]
    if param.wire == "id" or param.wire.endswith(("_id", "_ids")):
        return 1
    return None


def _param(entry: dict[str, Any], where: str) -> SpecParam:
    name = _identifier(entry["name"], where)
    if keyword.iskeyword(name):
        raise SpecError(f"{where}: parameter {name!r} is a Python keyword; give it a trailing underscore")
    param = SpecParam(
        name=name,
        wire=entry["wire"],
        type=entry["type"],
        location=entry["location"],
        required=bool(entry.get("required", False)),
        enum=tuple(entry["enum"]) if entry.get("enum") else None,
        minimum=_optional_decimal(entry.get("minimum")),
        maximum=_optional_decimal(entry.get("maximum")),
        min_length=_optional_int(entry.get("min_length")),
        max_length=_optional_int(entry.get("max_length")),
        item_type=entry.get("item_type"),
        fields=tuple(_param(item, f"{where}.{name}") for item in entry.get("fields", ())),
        params_class=entry.get("params_class"),
        default=entry.get("default"),
        description=entry.get("description"),
        format=entry.get("format"),
        single=bool(entry.get("single", False)),
    )
    if param.format is not None and (param.type != "string" or param.format not in FORMATS):
        raise SpecError(f"{where}.{name}: format {param.format!r} needs type string and one of {sorted(FORMATS)}")
    if param.single and param.type != "array":
        raise SpecError(f"{where}.{name}: only arrays take a single value")
    if param.type not in PARAM_TYPES:
        raise SpecError(f"{where}.{name}: unknown type {param.type!r}")
    if param.location not in LOCATIONS:
        raise SpecError(f"{where}.{name}: unknown location {param.location!r}")
    if param.type == "array" and param.item_type not in PARAM_TYPES - {"array"}:
        raise SpecError(f"{where}.{name}: arrays need an item_type (not array)")
    if param.fields and not (param.type == "object" or param.item_type == "object"):
        raise SpecError(f"{where}.{name}: only objects and arrays of objects have fields")
    return param


def _identifier(value: str, where: str) -> str:
    if not _IDENTIFIER.match(value):
        raise SpecError(f"{where}: {value!r} is not a lower_case identifier")
    return value


def _optional_decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise SpecError(f"range bound {value!r} is not a number")
    return Decimal(value)


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)
