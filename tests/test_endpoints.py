"""Every endpoint in the catalog, called through its generated coroutine with every parameter filled.

For each one the request must use the documented method and path, put each parameter where the
endpoint says (path, query string or JSON body, under its wire name), and carry a correct HMAC
``Signature`` exactly when the endpoint is signed.
"""

from __future__ import annotations

import importlib
import inspect
import typing
import warnings
from decimal import Decimal
from typing import Any

import attrs
import httpx
import pytest
import respx
from support import MakeClient, SigningVector

from threecommas_async import DeprecatedEndpointWarning, HmacAuth, RawResponse, ThreeCommas, signature_payload
from threecommas_async._endpoint import Endpoint, Param
from threecommas_async._json import loads
from threecommas_async._resource import Resource
from threecommas_async._wire import flatten_pairs
from threecommas_async.models._model_hooks import is_model, wire_fields
from threecommas_async.resources import ENDPOINTS

BASE_URL = "https://api.3commas.io/public/api"
API_KEY = "tc-test-key"
API_SECRET = "tc-test-secret"


def sample(param: Param) -> Any:
    """A valid value for ``param`` (as passed by the caller), within its enum, range and length."""
    if param.location == "path":
        return 4242 if param.type == "integer" else "trade-7f3a"
    if param.format is not None:
        return "2025-08-04T17:07:14Z" if param.format == "date-time" else "2025-08-04"
    if param.type == "array":
        if param.fields or param.item_type == "object":
            return [_sample_object(param.fields)]
        return [_sample_scalar(param, param.item_type or "string"), _sample_scalar(param, param.item_type or "string")]
    if param.type == "object":
        return _sample_object(param.fields)
    return _sample_scalar(param, param.type)


def _sample_object(fields: tuple[Param, ...]) -> dict[str, Any]:
    if not fields:
        return {"strategy": "rsi", "options": {"period": 14, "level": Decimal("28.5")}}
    return {field.wire: sample(field) for field in fields}


def _sample_scalar(param: Param, kind: str) -> Any:
    if param.enum:
        return param.enum[-1]
    if kind == "boolean":
        return True
    if kind == "integer":
        return int(param.minimum) if param.minimum is not None else 17
    if kind == "number":
        if param.minimum is not None and param.minimum > Decimal("3.75"):
            return str(param.minimum)
        if param.maximum is not None and param.maximum < Decimal("3.75"):
            return str(param.maximum)
        return "3.75"
    return "sample-" + param.wire if param.min_length is None else "n" * param.min_length


def wire_value(value: Any) -> Any:
    """What the caller's value looks like once validated: numeric strings become Decimals."""
    if isinstance(value, dict):
        return {key: wire_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [wire_value(item) for item in value]
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():
        return Decimal(value)
    return value


def _minimal_body(model: Any) -> dict[str, Any]:
    """The model's required keys only (entity ids, envelopes), each with a value of its type."""
    samples: dict[Any, Any] = {int: 1, str: "trade-7f3a"}
    body = {}
    for key, field in wire_fields(model).items():
        if field.default is attrs.NOTHING:
            body[key] = _minimal_body(field.type) if is_model(field.type) else samples[field.type]
    return body


def response_body(endpoint: Endpoint[Any]) -> Any:
    returns = typing.get_type_hints(_method(endpoint))["return"]
    if returns is bool:
        return True
    if typing.get_origin(returns) is list:
        item = _body_of(typing.get_args(returns)[0])
        return [item, item]
    if typing.get_origin(returns) is dict:
        return {"first": _body_of(typing.get_args(returns)[1])}
    return _body_of(returns)


def _body_of(returns: Any) -> Any:
    if returns is str:
        return "USDT_BTC"
    return _minimal_body(returns) if is_model(returns) else {"id": 1}


def resource_class(resource: str) -> type[Resource]:
    module = importlib.import_module(f"threecommas_async.resources.{resource}")
    return next(
        value
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, Resource)
        and value.__module__ == module.__name__
        and not name.endswith("WithRawResponse")
    )


def _method(endpoint: Endpoint[Any]) -> Any:
    return getattr(resource_class(endpoint.resource), endpoint.name)


def call_arguments(endpoint: Endpoint[Any]) -> tuple[list[Any], dict[str, Any]]:
    positional = [sample(param) for param in endpoint.params if param.location == "path"]
    keywords = {param.name: sample(param) for param in endpoint.params if param.location != "path"}
    return positional, keywords


@pytest.fixture
def client(make_client: MakeClient) -> ThreeCommas:
    return make_client(api_key=API_KEY, api_secret=API_SECRET, rate_limit=None, max_retries=0)


def _expected_path(endpoint: Endpoint[Any], positional: list[Any]) -> str:
    path = endpoint.path
    path_params = [param for param in endpoint.params if param.location == "path"]
    for param, value in zip(path_params, positional, strict=True):
        path = path.replace("{" + param.wire + "}", str(value))
    return path


def _ids(endpoint: Endpoint[Any]) -> str:
    return endpoint.qualified_name


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
async def test_endpoint_sends_the_documented_request(client: ThreeCommas, endpoint: Endpoint[Any]) -> None:
    positional, keywords = call_arguments(endpoint)
    path = _expected_path(endpoint, positional)
    with respx.mock(base_url=BASE_URL) as router:
        route = router.route(method=endpoint.method, path=path).mock(
            return_value=httpx.Response(200, json=response_body(endpoint))
        )
        method = getattr(getattr(client, endpoint.resource), endpoint.name)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await method(*positional, **keywords)
    assert route.call_count == 1
    request = route.calls.last.request
    deprecations = [w for w in caught if issubclass(w.category, DeprecatedEndpointWarning)]
    assert len(deprecations) == (1 if endpoint.deprecated else 0)
    assert all(warning.filename == __file__ for warning in deprecations), "warning must point at the caller"

    query_params = {p.name: p for p in endpoint.params if p.location == "query"}
    body_params = {p.name: p for p in endpoint.params if p.location == "body"}
    expected_query = flatten_pairs({query_params[name].wire: wire_value(keywords[name]) for name in query_params})
    assert sorted(request.url.params.multi_items()) == sorted(expected_query)

    if body_params:
        sent = loads(request.content)
        assert sent == {body_params[name].wire: wire_value(keywords[name]) for name in body_params}
        assert request.headers["content-type"].startswith("application/json")
    else:
        assert request.content == b""

    if endpoint.signed:
        payload = signature_payload(request.url.raw_path, request.content)
        assert request.headers["Signature"] == HmacAuth(API_KEY, API_SECRET).sign(payload)
        assert request.headers["Apikey"] == API_KEY
    else:
        assert "Signature" not in request.headers
        assert "Apikey" not in request.headers


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
async def test_raw_response_variant(client: ThreeCommas, endpoint: Endpoint[Any]) -> None:
    positional, keywords = call_arguments(endpoint)
    path = _expected_path(endpoint, positional)
    with respx.mock(base_url=BASE_URL) as router:
        router.route(method=endpoint.method, path=path).mock(
            return_value=httpx.Response(201, json=response_body(endpoint), headers={"X-Trace": "abc"})
        )
        raw_namespace = getattr(client, endpoint.resource).with_raw_response
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecatedEndpointWarning)
            result = await getattr(raw_namespace, endpoint.name)(*positional, **keywords)
    assert isinstance(result, RawResponse)
    assert result.status_code == 201
    assert result.headers["X-Trace"] == "abc"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=_ids)
def test_signature_matches_the_catalog(endpoint: Endpoint[Any]) -> None:
    method = _method(endpoint)
    signature = inspect.signature(method)
    parameters = list(signature.parameters.values())[1:]
    path_names = [param.name for param in endpoint.params if param.location == "path"]
    positional = [p.name for p in parameters if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    assert positional == path_names
    keyword_only = {p.name: p for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}
    for param in endpoint.params:
        if param.location == "path":
            continue
        declared = keyword_only[param.name]
        if param.required:
            assert declared.default is inspect.Parameter.empty, param.name
        else:
            assert declared.default is None, param.name
    assert len(keyword_only) == len([p for p in endpoint.params if p.location != "path"])
    assert method.__doc__ is not None
    assert f"{endpoint.method} {endpoint.path}" in method.__doc__


def test_namespaces_are_cached_and_bound_to_views(make_client: MakeClient) -> None:
    client = make_client(api_key=API_KEY, api_secret=API_SECRET, rate_limit=None)
    assert client.deals is client.deals
    paper = client.with_options(forced_mode="paper")
    assert paper.deals is not client.deals
    assert paper.deals._client is paper


async def test_change_mode_signs_like_the_documented_vector(
    make_client: MakeClient, signing_vectors: dict[str, SigningVector]
) -> None:
    vector = signing_vectors["json_body"]
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/ver1/users/change_mode").mock(return_value=httpx.Response(200, json=True))
        client = make_client(api_key="doc-key", api_secret=vector.secret, rate_limit=None)
        await client.users.change_mode(mode="paper")
    request = route.calls.last.request
    assert request.url.raw_path + b"?" + request.content == vector.payload.encode()
    assert request.headers["Signature"] == vector.signature


def test_iterate_exists_exactly_for_paginated_endpoints() -> None:
    for endpoint in ENDPOINTS:
        has_iterate = endpoint.name == "list" and hasattr(resource_class(endpoint.resource), "iterate")
        assert has_iterate == (endpoint.pagination is not None), endpoint.qualified_name
