"""Renders ``api.md``: every endpoint coroutine with its HTTP call, parameters, permission and response."""

from __future__ import annotations

from collections.abc import Iterator

from .spec import Spec, SpecEndpoint, SpecParam, SpecResource

__all__ = ["render_api_doc"]

UNTYPED = "untyped ⚠"
UNTYPED_SEARCH = (
    "Where the docs show no response shape, an endpoint is typed from what public clients of the live API read "
    "(cited in its notes). For the endpoints below, neither the docs nor those clients give one; searched: "
    "3Commas.Net, 3CommasSharp, 3commas-js, 3commas-typescript, ozum/3commas, 3commas-rs, 3commas-sdk-go and "
    "3commas-mock, 3cpm, py3cw and the bots built on it (3commas-cyber-bots, 3commas-tools), and the docs' issue "
    "tracker."
)

_INTRO = """\
# API reference

Every documented 3Commas endpoint is a coroutine on a resource namespace of `ThreeCommas`:
`await client.deals.list(scope="active")`, `await client.bots.show(bot_id)`. Path parameters are
positional, everything else is keyword-only; `None` means "not sent". Arguments are validated before
any request is made (`ValidationError` names the parameter). Amounts (`Number`) accept `Decimal`, `int`
or a numeric `str`; a `float` is accepted and converted through its `repr`; amounts beyond 1E±40 are
refused. Date-time filters take an aware `datetime` or ISO 8601 text and are sent as UTC
(`2025-08-04T17:07:14Z`); a naive `datetime` or an epoch number is refused. Date parameters take a
`datetime.date` (or `YYYY-MM-DD`). Offsets are ≥ 0, page sizes, pages and ids ≥ 1; a path parameter
cannot be empty, `.` or `..`. Nested objects accept the classes in `threecommas_async.params` or plain
dicts with the same keys; in the parameter tables a nested row marked required is required whenever
its parent object is sent.

Every resource also has `with_raw_response` (same methods, returning `RawResponse[T]` with the HTTP
status and headers), and list endpoints that page have `iterate(...)` returning an `AsyncPaginator`
(`async for row in ...` over all pages; `await` for the first page; `priority="bulk"` puts its page
requests in the limiter's bulk lane).

Returns are the response models of `threecommas_async.models` (a model, a `list` of models or a `dict`
of them keyed by name), `bool` for a bare `true`/`false`, `list[str]`, or `None` where the docs give no
body (the answer stays readable through `with_raw_response`). A value that does not fit its model field
never fails the call: the attribute is None and the raw value is in the model's `field_errors`
(`strict=True` raises instead); a body of another JSON type than the declared one raises
`ResponseValidationError`. Returns marked **{untyped}** give the decoded JSON (dicts and lists, fractions
as `Decimal`); [Untyped responses](#untyped-responses) says why for each.
""".replace("{untyped}", UNTYPED)


def render_api_doc(spec: Spec, header: str) -> str:
    lines = [header, _INTRO, "## Resources", ""]
    for resource in spec.resources:
        count = len(spec.endpoints_of(resource.name))
        lines.append(f"- [`client.{resource.name}`](#client{resource.name}) ({count}): {resource.summary}")
    lines += ["", *_untyped_section(spec)]
    for resource in spec.resources:
        lines += ["", *_resource_section(spec, resource)]
    return "\n".join(lines) + "\n"


def _untyped_section(spec: Spec) -> list[str]:
    untyped = [endpoint for endpoint in spec.endpoints if endpoint.response == "Any"]
    typed = len(spec.endpoints) - len(untyped)
    lines = [
        "## Untyped responses",
        "",
        UNTYPED_SEARCH,
        "",
        f"{typed} of {len(spec.endpoints)} endpoints return a typed value; these {len(untyped)} return decoded JSON:",
        "",
        "| Method | HTTP | Why untyped |",
        "|---|---|---|",
    ]
    for endpoint in untyped:
        reason = _escape(endpoint.untyped_reason or "")
        lines.append(f"| `{endpoint.qualified_name}` | `{endpoint.method} {endpoint.path}` | {reason} |")
    return lines


def _resource_section(spec: Spec, resource: SpecResource) -> list[str]:
    endpoints = spec.endpoints_of(resource.name)
    lines = [
        f"## client.{resource.name}",
        "",
        f"`{resource.class_name}`: {resource.summary}",
        "",
        "| Method | HTTP | Permission | Signed | Returns |",
        "|---|---|---|---|---|",
    ]
    for endpoint in endpoints:
        name = f"`{endpoint.name}`" + (" (deprecated)" if endpoint.deprecated else "")
        lines.append(
            f"| {name} | `{endpoint.method} {endpoint.path}` | {endpoint.permission or 'not documented'} "
            f"| {'yes' if endpoint.signed else 'no'} | {_returns(endpoint)} |"
        )
    for endpoint in endpoints:
        lines += ["", *_endpoint_section(endpoint)]
    return lines


def _endpoint_section(endpoint: SpecEndpoint) -> list[str]:
    facts = [
        f"`{endpoint.method} {endpoint.path}`",
        f"permission {endpoint.permission or 'not documented'}",
        "signed" if endpoint.signed else "unsigned",
        f"weight {endpoint.weight}",
        "idempotent (retried)" if endpoint.idempotent else "not idempotent (never retried after sending)",
    ]
    lines = [f"### {endpoint.qualified_name}", "", " · ".join(facts), "", endpoint.summary]
    if endpoint.deprecated:
        lines += ["", "**Deprecated** by 3Commas: calling it issues a `DeprecatedEndpointWarning`."]
    if endpoint.pagination is not None:
        size, position = ("limit", "offset") if endpoint.pagination == "offset" else ("per_page", "page")
        iterate = "iterate" if endpoint.name == "list" else f"iterate_{endpoint.name}"
        lines += [
            "",
            f"Paginated by `{size}`/`{position}` (at most {endpoint.max_page_size} per page): "
            f"`client.{endpoint.resource}.{iterate}(..., page_size=None)` walks every page.",
        ]
    if endpoint.params:
        lines += [
            "",
            "| Parameter | Wire name | In | Type | Required | Constraints | Server default |",
            "|---|---|---|---|---|---|---|",
        ]
        lines += [_param_row(path, param) for path, param in _flatten(endpoint.params)]
    lines += ["", f"Returns: {_returns(endpoint)}"]
    if endpoint.untyped_reason:
        lines[-1] += f" ({_escape(endpoint.untyped_reason)})"
    if endpoint.notes:
        lines += ["", "Notes (where the docs disagree, what was chosen):", ""]
        lines += [f"- {_escape(note)}" for note in endpoint.notes]
    return lines


_FORMAT_KINDS = {
    "date-time": "date-time (aware `datetime` or ISO 8601 `str`, sent as UTC `...Z`)",
    "date": "date (`date` or `YYYY-MM-DD`)",
}


def _flatten(params: tuple[SpecParam, ...], prefix: str = "") -> Iterator[tuple[str, SpecParam]]:
    for param in params:
        name = param.name if not prefix else f"{prefix}.{param.wire}"
        yield name, param
        child_prefix = f"{name}[]" if param.type == "array" else name
        yield from _flatten(param.fields, child_prefix)


def _param_row(path: str, param: SpecParam) -> str:
    kind = param.type if param.type != "array" else f"array of {param.item_type}"
    if param.type == "number":
        kind = "Number"
    if param.format is not None:
        kind = _FORMAT_KINDS[param.format]
    if param.single:
        kind += " (or one value)"
    if param.params_class:
        kind += f" (`{param.params_class}`)"
    constraints: list[str] = []
    if param.enum is not None:
        constraints.append("one of " + ", ".join(f"`{value}`" for value in param.enum))
    if param.minimum is not None:
        constraints.append(f"≥ {param.minimum}")
    if param.maximum is not None:
        constraints.append(f"≤ {param.maximum}")
    if param.min_length is not None:
        constraints.append(f"length ≥ {param.min_length}")
    if param.max_length is not None:
        constraints.append(f"length ≤ {param.max_length}")
    if param.description:
        constraints.append(param.description)
    default = "" if param.default is None else f"`{_default_text(param.default)}`"
    required = "yes" if param.required else ""
    return (
        f"| `{path}` | `{param.wire}` | {param.location} | {kind} | {required} "
        f"| {_escape('; '.join(constraints))} | {default} |"
    )


def _default_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _returns(endpoint: SpecEndpoint) -> str:
    if endpoint.response == "Any":
        return f"**{UNTYPED}**"
    if endpoint.response == "None":
        return "`None` (no body)"
    return f"`{endpoint.response}`"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")
