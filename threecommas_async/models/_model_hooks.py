"""cattrs hook factories for :class:`ResponseModel` subclasses.

Structuring uses a function generated per model (cattrs style, compiled once, cached by the
converter) that is tuned for API responses, where most of the ~100 fields of a deal are
``X | None`` leaves:

* the instance is created with ``object.__new__`` and its slots are filled directly (no ``**kwargs``
  dict, no keyword matching against ~100 ``__init__`` parameters);
* ``str`` / ``int`` / ``bool`` fields are type-checked inline, and so is the usual amount (a
  canonical decimal string); timestamps call one leaf function; nested models, lists and dicts call
  the converter's own hook for their type;
* there are two bodies: when the object has as many keys as the model declares (the usual case)
  fields are read with ``o[key]``; if every read succeeds the keys are exactly the declared ones and
  ``extra`` is empty. Otherwise (a missing key, or any error) the general body runs: unknown keys go
  to ``extra``, declared-but-absent keys to ``absent_keys``, and fields are read with ``o.get(key)``;
* an error carries a note naming the model and JSON key (found from the failing line, so the
  happy path pays nothing for it);
* lenient (the default): when any field fails, the object is structured again field by field; a
  field whose value does not fit holds None and its raw value and reason go to ``field_errors``.
  A required field (an entity id) that is missing or does not fit still raises, and so does a
  ``KeyError`` from a nested model's missing id. With ``strict`` the first error is raised.

This is only valid for plain slotted, non-frozen attrs classes without validators, converters or
``on_setattr`` hooks — which the generator checks. Unstructuring uses cattrs'
``make_dict_unstructure_fn`` (renames, epoch fields, bookkeeping fields omitted), then leaves absent
keys out again and merges ``extra`` back.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from types import TracebackType
from typing import Any, get_args

import attrs
import cattrs
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_unstructure_fn, override

from ._base import EPOCH_SECONDS, NO_FIELD_ERRORS, NUMERIC_STRINGS, WIRE_NAME, FieldError, ResponseModel
from ._scalar_hooks import SCALAR_TYPES, is_optional, unstructure_epoch_or_none
from ._values import (
    datetime_from_epoch,
    datetime_from_wire,
    decimal_from_wire,
    numeric_strings_from_wire,
    numeric_strings_to_wire,
)

__all__ = ["is_model", "model_structure_factory", "model_unstructure_factory", "wire_fields", "wire_keys"]

StructureHook = Callable[[Any, Any], Any]

_BOOKKEEPING = ("extra", "absent_keys", "field_errors")
_REASON_LIMIT = 200
_ALWAYS_RAISED = (KeyError, ForbiddenExtraKeysError)
_NO_KEYS: frozenset[str] = frozenset()
_NONE_TYPE = type(None)
_LEAF_FUNCTIONS: dict[Any, str] = {Decimal: "__decimal", datetime: "__datetime"}


def is_model(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, ResponseModel)


def _declared_fields(model: type[ResponseModel]) -> list[attrs.Attribute[Any]]:
    return [field for field in attrs.fields(model) if field.name not in _BOOKKEEPING]


def wire_fields(model: type[ResponseModel]) -> dict[str, attrs.Attribute[Any]]:
    """Map each declared JSON key of ``model`` to its (type-resolved) attrs field."""
    attrs.resolve_types(model)
    return {field.metadata.get(WIRE_NAME, field.name): field for field in _declared_fields(model)}


def wire_keys(model: type[ResponseModel]) -> dict[str, str]:
    """Map each declared JSON key of ``model`` to its attribute name."""
    return {field.metadata.get(WIRE_NAME, field.name): field.name for field in _declared_fields(model)}


def _check_plain_slotted(model: type[ResponseModel]) -> None:
    problems = []
    if "__slots__" not in model.__dict__:
        problems.append("not slotted")
    if model.__setattr__ is not object.__setattr__:
        problems.append("has a custom __setattr__ (frozen, or on_setattr hooks)")
    for field in attrs.fields(model):
        if field.validator is not None or field.converter is not None or not field.init:
            problems.append(f"field {field.name!r} has a validator/converter or init=False")
    if problems:
        raise TypeError(f"{model.__qualname__} cannot be a response model: {'; '.join(problems)}")


class _Source:
    """The lines of one generated structure function, and which JSON key each line handles."""

    def __init__(self, model: type[ResponseModel], converter: cattrs.Converter) -> None:
        self.model = model
        self.converter = converter
        self.lines: list[str] = []
        self.key_of_line: dict[int, str] = {}
        self.namespace: dict[str, Any] = {
            "__new": object.__new__,
            "__cl": model,
            "__Decimal": Decimal,
            "__decimal": decimal_from_wire,
            "__datetime": datetime_from_wire,
            "__epoch": datetime_from_epoch,
            "__numeric_strings": numeric_strings_from_wire,
            "__wrong_type": _wrong_type,
            "__no_keys": _NO_KEYS,
            "__no_errors": NO_FIELD_ERRORS,
        }

    def add(self, line: str, key: str | None = None) -> None:
        self.lines.append(line)
        if key is not None:
            self.key_of_line[len(self.lines)] = key

    def fields(self, indent: str, *, all_keys_present: bool, strict: bool) -> None:
        """Lines that fill ``i`` from ``o``, guarded for errors.

        With all keys present an error only leaves this body (the general one below decides); in the
        general body it is raised with a note (``strict``) or handed to the lenient path.
        """
        self.add(f"{indent}try:")
        for index, field in enumerate(_declared_fields(self.model)):
            self._field(field, index, indent + "  ", all_keys_present=all_keys_present)
        if all_keys_present:
            self.add(f"{indent}  i.extra = {{}}")
            self.add(f"{indent}  i.absent_keys = __no_keys")
            self.add(f"{indent}  i.field_errors = __no_errors")
            self.add(f"{indent}  return i")
            self.add(f"{indent}except Exception:")
            self.add(f"{indent}  pass")
        elif strict:
            self.add(f"{indent}except Exception as e:")
            self.add(f"{indent}  __annotate(e)")
            self.add(f"{indent}  raise")
        else:
            self.add(f"{indent}except Exception:")
            self.add(f"{indent}  return __lenient(o)")

    def _field(self, field: attrs.Attribute[Any], index: int, indent: str, *, all_keys_present: bool) -> None:
        key = field.metadata.get(WIRE_NAME, field.name)
        target = f"i.{field.name}"
        value_type = field.type
        nullable = is_optional(value_type)
        if nullable:
            value_type = next(member for member in get_args(value_type) if member is not _NONE_TYPE)
        if field.default is not attrs.NOTHING and field.default is not None:
            raise TypeError(f"{self.model.__qualname__}.{field.name}: optional fields must default to None")

        def line(text: str) -> None:
            self.add(indent + text, key)

        required = field.default is attrs.NOTHING
        line(f"v = o[{key!r}]" if required or all_keys_present else f"v = g({key!r})")
        absent_ok = nullable or not required
        none_guard = "None if v is None else " if absent_ok else ""
        leaf = _leaf_function(field, value_type)

        if value_type is Decimal and leaf == "__decimal":
            line("if v.__class__ is str:")
            line("  d = __Decimal(v)")
            line(f"  {target} = d if str(d) == v and d.is_finite() else __decimal(v)")
            line("else:")
            line(f"  {target} = {none_guard}__decimal(v)")
        elif leaf is not None:
            line(f"{target} = {none_guard}{leaf}(v)")
        elif value_type in SCALAR_TYPES:
            scalar = f"__scalar_{index}"
            self.namespace[scalar] = value_type
            none_check = "v is None or " if absent_ok else ""
            line(f"if not ({none_check}v.__class__ is {scalar}): __wrong_type(v, {scalar})")
            line(f"{target} = v")
        elif value_type is Any:
            line(f"{target} = v")
        else:
            hook, hook_type = f"__hook_{index}", f"__type_{index}"
            self.namespace[hook] = self.converter.get_structure_hook(value_type)
            self.namespace[hook_type] = value_type
            line(f"{target} = {none_guard}{hook}(v, {hook_type})")


def model_structure_factory(
    forbid_extra_keys: bool, *, strict: bool = False
) -> Callable[[Any, cattrs.Converter], StructureHook]:
    """The factory of structure hooks for response models (see the module docstring)."""

    def structure_hook_for(model: type[ResponseModel], converter: cattrs.Converter) -> StructureHook:
        _check_plain_slotted(model)
        attrs.resolve_types(model)
        known = frozenset(wire_keys(model))
        source = _Source(model, converter)
        key_differences = _key_differences_handler(model, known, forbid_extra_keys)
        source.namespace.update(
            __known=known,
            __known_count=len(known),
            __key_differences=key_differences,
            __lenient=_lenient_structurer(model, converter, key_differences),
        )
        name = f"structure_{model.__name__}"
        source.add(f"def {name}(o, _=None):")
        source.add("  if o.__class__ is not dict:")
        source.add("    __wrong_type(o, dict)")
        source.add("  i = __new(__cl)")
        source.add("  if len(o) == __known_count:")
        source.fields("    ", all_keys_present=True, strict=strict)
        source.add("  extra, absent = __key_differences(o)")
        source.add("  g = o.get")
        source.fields("  ", all_keys_present=False, strict=strict)
        source.add("  i.extra = extra")
        source.add("  i.absent_keys = absent")
        source.add("  i.field_errors = __no_errors")
        source.add("  return i")
        source.namespace["__annotate"] = _annotator(model, source.key_of_line)
        filename = f"<threecommas_async generated {name} {model.__module__}.{model.__qualname__}>"
        text = "\n".join(source.lines)
        linecache.cache[filename] = (len(text), None, [line + "\n" for line in source.lines], filename)
        exec(compile(text, filename, "exec"), source.namespace)
        structure: StructureHook = source.namespace[name]
        return structure

    return structure_hook_for


def _key_differences_handler(
    model: type[ResponseModel], known: frozenset[str], forbid_extra_keys: bool
) -> Callable[[dict[str, Any]], tuple[dict[str, Any], frozenset[str]]]:
    known_count = len(known)

    def key_differences(data: dict[str, Any]) -> tuple[dict[str, Any], frozenset[str]]:
        """The unknown keys with their values, and the declared keys that are absent."""
        unknown = data.keys() - known
        if unknown and forbid_extra_keys:
            raise ForbiddenExtraKeysError(f"{model.__name__} does not model {sorted(unknown)}", model, unknown)
        extra = {key: value for key, value in data.items() if key in unknown} if unknown else {}
        absent = _NO_KEYS if len(data) - len(unknown) == known_count else known.difference(data)
        return extra, absent

    return key_differences


def _leaf_function(field: attrs.Attribute[Any], value_type: Any) -> str | None:
    if field.metadata.get(EPOCH_SECONDS):
        return "__epoch"
    if field.metadata.get(NUMERIC_STRINGS):
        return "__numeric_strings"
    return _LEAF_FUNCTIONS.get(value_type)


def _field_structurer(field: attrs.Attribute[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """One field's value from JSON, as the generated code would do it (used by the lenient path)."""
    if field.metadata.get(EPOCH_SECONDS):
        return lambda value: None if value is None else datetime_from_epoch(value)
    if field.metadata.get(NUMERIC_STRINGS):
        return lambda value: None if value is None else numeric_strings_from_wire(value)
    if field.type is Any:
        return lambda value: value
    hook, type_ = converter.get_structure_hook(field.type), field.type
    return lambda value: hook(value, type_)


def _lenient_structurer(
    model: type[ResponseModel],
    converter: cattrs.Converter,
    key_differences: Callable[[dict[str, Any]], tuple[dict[str, Any], frozenset[str]]],
) -> Callable[[dict[str, Any]], ResponseModel]:
    plan = [
        (field.metadata.get(WIRE_NAME, field.name), field.name, field.default is attrs.NOTHING, field)
        for field in _declared_fields(model)
    ]
    structurers: dict[str, Callable[[Any], Any]] = {}

    def structure_leniently(data: dict[str, Any]) -> ResponseModel:
        """Field by field: a value that does not fit is recorded in ``field_errors``, not raised."""
        extra, absent = key_differences(data)
        instance = object.__new__(model)
        errors: dict[str, FieldError] = {}
        for key, name, required, field in plan:
            if key not in data:
                if required:
                    raise _noted(KeyError(key), model, key)
                object.__setattr__(instance, name, None)
                continue
            value = data[key]
            structure = structurers.get(name) or structurers.setdefault(name, _field_structurer(field, converter))
            try:
                object.__setattr__(instance, name, structure(value))
            except Exception as error:
                if required or isinstance(error, _ALWAYS_RAISED):
                    _noted(error, model, key)
                    raise
                object.__setattr__(instance, name, None)
                errors[key] = FieldError(value, f"{type(error).__name__}: {error}"[:_REASON_LIMIT])
        instance.extra = extra
        instance.absent_keys = absent
        instance.field_errors = errors or NO_FIELD_ERRORS
        return instance

    return structure_leniently


def _noted(error: BaseException, model: type[ResponseModel], key: str) -> BaseException:
    setattr(error, "__notes__", [*getattr(error, "__notes__", ()), f"while structuring {model.__name__}[{key!r}]"])  # noqa: B010
    return error


def _annotator(model: type[ResponseModel], key_of_line: dict[int, str]) -> Callable[[BaseException], None]:
    def annotate(error: BaseException) -> None:
        traceback: TracebackType | None = error.__traceback__
        key = key_of_line.get(traceback.tb_lineno) if traceback is not None else None
        where = f"{model.__name__}[{key!r}]" if key is not None else model.__name__
        setattr(error, "__notes__", [*getattr(error, "__notes__", ()), f"while structuring {where}"])  # noqa: B010

    return annotate


def _wrong_type(value: Any, expected: type) -> None:
    raise TypeError(f"expected {expected.__name__}, got {type(value).__name__}: {value!r}")


def _unstructure_overrides(model: type[ResponseModel]) -> dict[str, Any]:
    overrides = {name: override(omit=True) for name in _BOOKKEEPING}
    for field in _declared_fields(model):
        rename = field.metadata.get(WIRE_NAME)
        if field.metadata.get(EPOCH_SECONDS):
            overrides[field.name] = override(rename=rename, unstruct_hook=unstructure_epoch_or_none)
        elif field.metadata.get(NUMERIC_STRINGS):
            overrides[field.name] = override(rename=rename, unstruct_hook=numeric_strings_to_wire)
        elif rename is not None:
            overrides[field.name] = override(rename=rename)
    return overrides


def model_unstructure_factory(model: type[ResponseModel], converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Unstructure hook for a response model: the JSON object it was built from."""
    dump = make_dict_unstructure_fn(model, converter, **_unstructure_overrides(model))

    def unstructure_model(instance: ResponseModel) -> dict[str, Any]:
        data: dict[str, Any] = dump(instance)
        for key in instance.absent_keys:
            if key in data and data[key] is None:
                del data[key]
        for key, error in instance.field_errors.items():
            data[key] = error.value
        if instance.extra:
            data.update(instance.extra)
        return data

    return unstructure_model
