"""The generator: committed output is fresh, stale output is caught, the spec covers the reference."""

from __future__ import annotations

import importlib
import inspect
import json
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

from codegen.generate import API_DOC, GENERATED_DIR, PARAMS_MODULE, SPEC_PATH, check, generate, write
from codegen.spec import SpecError, load_spec
from threecommas_async import params
from threecommas_async.resources import BY_NAME, ENDPOINTS

ROOT = Path(__file__).resolve().parents[1]

REQUIRED_NAMES = {
    "general": ("ping", "time", "validate_credentials"),
    "accounts": ("list", "show", "create", "update", "remove"),
    "bots": (
        "list", "show", "create", "update", "delete", "enable", "disable",
        "panic_sell_all_deals", "cancel_all_deals", "start_new_deal", "stats",
    ),
    "deals": ("list", "show", "update", "cancel", "panic_sell", "add_funds", "market_orders"),
    "smart_trades": ("list", "show", "create", "update", "cancel", "close_by_market", "trades"),
    "grid_bots": ("list", "show", "create", "update", "delete", "enable", "disable", "market_orders"),
    "trades": ("list", "history", "create", "show", "cancel"),
    "users": ("change_mode", "current_mode"),
}


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A scratch repository holding the spec and the committed generated files."""
    (tmp_path / SPEC_PATH).parent.mkdir(parents=True)
    shutil.copy(ROOT / SPEC_PATH, tmp_path / SPEC_PATH)
    shutil.copytree(ROOT / GENERATED_DIR, tmp_path / GENERATED_DIR, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / API_DOC, tmp_path / API_DOC)
    (tmp_path / PARAMS_MODULE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / PARAMS_MODULE, tmp_path / PARAMS_MODULE)
    return tmp_path


def test_committed_files_are_fresh() -> None:
    assert check(ROOT) == [], "generated files are stale: run `python -m codegen`"


def test_regenerating_into_a_fresh_directory_gives_the_committed_files(tmp_path: Path) -> None:
    (tmp_path / SPEC_PATH).parent.mkdir(parents=True)
    shutil.copy(ROOT / SPEC_PATH, tmp_path / SPEC_PATH)
    written = write(tmp_path)
    assert written
    for relative in written:
        assert (tmp_path / relative).read_text() == (ROOT / relative).read_text(), relative


def test_check_reports_stale_missing_and_leftover_files(repo_copy: Path) -> None:
    assert check(repo_copy) == []
    deals = repo_copy / GENERATED_DIR / "deals.py"
    deals.write_text(deals.read_text() + "\n# hand edit\n")
    (repo_copy / GENERATED_DIR / "bots.py").unlink()
    (repo_copy / GENERATED_DIR / "handwritten.py").write_text("x = 1\n")
    problems = check(repo_copy)
    assert any("deals.py: stale" in problem for problem in problems)
    assert any("bots.py: missing" in problem for problem in problems)
    assert any("handwritten.py" in problem for problem in problems)
    write(repo_copy)
    assert check(repo_copy) == []
    assert not (repo_copy / GENERATED_DIR / "handwritten.py").exists()


def test_check_command_exits_1_when_stale(repo_copy: Path) -> None:
    command = [sys.executable, "-m", "codegen", "--check", "--root", str(repo_copy)]
    assert subprocess.run(command, cwd=ROOT, capture_output=True).returncode == 0
    spec = json.loads((repo_copy / SPEC_PATH).read_text())
    spec["endpoints"][0]["summary"] = "Changed."
    (repo_copy / SPEC_PATH).write_text(json.dumps(spec))
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "python -m codegen" in result.stderr


def test_every_generated_file_starts_with_the_do_not_edit_header() -> None:
    files = generate(load_spec(ROOT / SPEC_PATH))
    for relative, text in files.items():
        first = text.splitlines()[0]
        assert "DO NOT EDIT" in first, relative
        assert "python -m codegen" in first, relative


def test_generated_modules_compile_and_define_every_endpoint() -> None:
    spec = load_spec(ROOT / SPEC_PATH)
    files = generate(spec)
    for relative, text in files.items():
        if relative.suffix == ".py":
            compile(text, str(relative), "exec")
    for resource in spec.resources:
        module = importlib.import_module(f"threecommas_async.resources.{resource.name}")
        plain = getattr(module, resource.class_name)
        raw = getattr(module, f"{resource.class_name}WithRawResponse")
        for endpoint in spec.endpoints_of(resource.name):
            method = getattr(plain, endpoint.name)
            twin = getattr(raw, endpoint.name)
            assert inspect.iscoroutinefunction(method), endpoint.qualified_name
            assert inspect.iscoroutinefunction(twin), endpoint.qualified_name
            assert _without_self(twin) == _without_self(method), endpoint.qualified_name
            assert twin.__doc__ == method.__doc__
            assert getattr(module._catalog, endpoint.constant) is BY_NAME[endpoint.qualified_name]


def _without_self(function: Any) -> list[tuple[str, Any, Any]]:
    parameters = list(inspect.signature(function).parameters.values())[1:]
    return [(parameter.name, parameter.kind, parameter.default) for parameter in parameters]


def test_generated_calls_carry_no_cast_and_twins_are_one_line_each() -> None:
    files = generate(load_spec(ROOT / SPEC_PATH))
    resources = {path: text for path, text in files.items() if path.suffix == ".py"}
    assert [path.name for path, text in resources.items() if "cast(" in text] == ["_namespaces.py"]
    deals = resources[GENERATED_DIR / "deals.py"]
    raw_class = deals[deals.index("class DealsWithRawResponse") :]
    assert "    show = raw_response(Deals.show)\n" in raw_class
    assert "async def" not in raw_class


def _spelled(type_: Any) -> str:
    """A runtime response type as the spec writes it (``dict[str, AvailableStrategy]``)."""
    if type_ is Any or type_ is None:
        return str(type_).removeprefix("typing.")
    arguments = typing.get_args(type_)
    if not arguments:
        return str(type_.__name__)
    return f"{typing.get_origin(type_).__name__}[{', '.join(_spelled(argument) for argument in arguments)}]"


def test_endpoint_response_types_follow_the_spec() -> None:
    spec = load_spec(ROOT / SPEC_PATH)
    spelled = {name: _spelled(endpoint.response_type) for name, endpoint in BY_NAME.items()}
    assert spelled == {endpoint.qualified_name: endpoint.response for endpoint in spec.endpoints}
    assert {"bool", "None", "list[str]", "dict[str, AvailableStrategy]"} <= set(spelled.values())


def test_spec_refuses_a_paginated_endpoint_without_paging_params(tmp_path: Path) -> None:
    spec = json.loads((ROOT / SPEC_PATH).read_text())
    deals_list = next(e for e in spec["endpoints"] if (e["resource"], e["name"]) == ("deals", "list"))
    deals_list["params"] = [p for p in deals_list["params"] if p["wire"] != "offset"]
    path = tmp_path / "endpoints.json"
    path.write_text(json.dumps(spec))
    with pytest.raises(SpecError, match=r"deals\.list"):
        load_spec(path)


def test_required_method_names_exist() -> None:
    names = [f"{resource}.{name}" for resource, methods in REQUIRED_NAMES.items() for name in methods]
    missing = [name for name in names if name not in BY_NAME]
    assert missing == []


def test_catalog_has_every_endpoint_once() -> None:
    assert len(ENDPOINTS) == 113
    assert len(BY_NAME) == 113
    assert len({(endpoint.method, endpoint.path) for endpoint in ENDPOINTS}) == 113


def test_spec_covers_every_reference_endpoint(documented_endpoints: frozenset[tuple[str, str]]) -> None:
    ours = {(endpoint.method, endpoint.path) for endpoint in ENDPOINTS}
    assert ours == documented_endpoints


def test_idempotency_follows_the_rule() -> None:
    for endpoint in ENDPOINTS:
        read_post = endpoint.method == "POST" and (endpoint.permission or "").endswith("_READ")
        assert endpoint.idempotent == (endpoint.method == "GET" or read_post), endpoint.qualified_name


def _spec_with(tmp_path: Path, edit: Any) -> Path:
    spec = json.loads((ROOT / SPEC_PATH).read_text())
    edit(spec)
    path = tmp_path / "endpoints.json"
    path.write_text(json.dumps(spec))
    return path


def _param(spec: dict[str, Any], qualified: str, name: str) -> dict[str, Any]:
    resource, method = qualified.split(".")
    endpoint = next(e for e in spec["endpoints"] if (e["resource"], e["name"]) == (resource, method))
    found: dict[str, Any] = next(p for p in endpoint["params"] if p["name"] == name)
    return found


def test_params_module_is_generated_from_the_spec(tmp_path: Path) -> None:
    def add_a_field(spec: dict[str, Any]) -> None:
        units = _param(spec, "smart_trades.add_funds", "units")
        units["fields"].append({"name": "extra", "wire": "extra", "type": "number", "location": "body"})

    text = generate(load_spec(_spec_with(tmp_path, add_a_field)))[PARAMS_MODULE]
    units = text[text.index("class Units:") : text.index("class Price:")]
    assert "    extra: Decimal | None = attrs.field(default=None, converter=to_decimal)" in units
    committed = generate(load_spec(ROOT / SPEC_PATH))[PARAMS_MODULE]
    assert committed == (ROOT / PARAMS_MODULE).read_text()
    spec = load_spec(ROOT / SPEC_PATH)
    for cls in spec.params_classes:
        assert [field.name for field in attrs.fields(getattr(params, cls.name))] == [f.wire for f in cls.fields]


def test_spec_refuses_a_params_class_with_two_shapes_of_one_field(tmp_path: Path) -> None:
    def retype(spec: dict[str, Any]) -> None:
        units = _param(spec, "smart_trades.add_funds", "units")
        units["fields"][0]["type"] = "string"

    with pytest.raises(SpecError, match="Units"):
        load_spec(_spec_with(tmp_path, retype))


def test_spec_refuses_an_unlisted_params_class(tmp_path: Path) -> None:
    def unlist(spec: dict[str, Any]) -> None:
        spec["params_classes"] = [c for c in spec["params_classes"] if c["name"] != "Units"]

    with pytest.raises(SpecError, match="params_classes"):
        load_spec(_spec_with(tmp_path, unlist))


def test_spec_refuses_a_format_on_a_non_string_and_single_on_a_non_array(tmp_path: Path) -> None:
    def integer_date(spec: dict[str, Any]) -> None:
        _param(spec, "accounts.transfer_history", "start_time")["format"] = "date-time"

    with pytest.raises(SpecError, match="start_time: format"):
        load_spec(_spec_with(tmp_path, integer_date))

    def single_scalar(spec: dict[str, Any]) -> None:
        _param(spec, "deals.list", "scope")["single"] = True

    with pytest.raises(SpecError, match="only arrays take a single value"):
        load_spec(_spec_with(tmp_path, single_scalar))


def test_formatted_and_single_params_get_their_annotations() -> None:
    bots = generate(load_spec(ROOT / SPEC_PATH))[GENERATED_DIR / "bots.py"]
    assert "        from_: dt.datetime | str | None = None," in bots
    assert "        date: dt.date | str," in bots
    assert "        pairs: str | Sequence[str]," in bots
    assert "import datetime as dt" in bots
