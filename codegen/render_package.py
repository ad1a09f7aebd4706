"""Renders ``resources/_namespaces.py`` (the client mixin) and ``resources/__init__.py``."""

from __future__ import annotations

import textwrap

from .spec import Spec

__all__ = ["render_init", "render_namespaces"]


def render_namespaces(spec: Spec, header: str) -> str:
    lines = [
        header,
        '"""``ResourceNamespaces``: the client mixin giving ``client.deals``, ``client.bots``, ...',
        "",
        "Each namespace is created on first use (importing its module then) and cached on the client.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import functools",
        "from typing import TYPE_CHECKING, cast",
        "",
        "if TYPE_CHECKING:",
        "    from .._client import ThreeCommas",
    ]
    ordered = sorted(spec.resources, key=lambda resource: resource.name)
    lines += [
        f"    from .{resource.name} import {resource.class_name}, {resource.class_name}WithRawResponse"
        for resource in ordered
    ]
    lines += [
        "",
        '__all__ = ["RawResponseNamespaces", "ResourceNamespaces"]',
        "",
        "",
        "class ResourceNamespaces:",
        '    """One cached property per API resource; ``ThreeCommas`` inherits it, so ``self`` is the client."""',
    ]
    for resource in spec.resources:
        lines += [
            "",
            "    @functools.cached_property",
            f"    def {resource.name}(self) -> {resource.class_name}:",
            f'        """{resource.summary}"""',
            f"        from .{resource.name} import {resource.class_name}",
            "",
            f'        return {resource.class_name}(cast("ThreeCommas", self))',
        ]
    lines += [
        "",
        "",
        "class RawResponseNamespaces:",
        '    """``client.with_raw_response``: every namespace\'s raw twin, each call returning a ``RawResponse``."""',
        "",
        '    __slots__ = ("_client",)',
        "",
        "    def __init__(self, client: ThreeCommas) -> None:",
        "        self._client = client",
    ]
    for resource in spec.resources:
        raw = f"{resource.class_name}WithRawResponse"
        lines += [
            "",
            "    @property",
            f"    def {resource.name}(self) -> {raw}:",
            f"        return self._client.{resource.name}.with_raw_response",
        ]
    return "\n".join(lines) + "\n"


def render_init(spec: Spec, header: str) -> str:
    modules = textwrap.fill(
        ", ".join(f"``{resource.name}``" for resource in spec.resources), width=100, break_on_hyphens=False
    )
    return "\n".join(
        [
            header,
            '"""The generated endpoint layer: one module per API resource, the endpoint catalog, the client mixin.',
            "",
            "Resource modules are imported when their namespace is first used:",
            modules + ".",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "from typing import TYPE_CHECKING, Any",
            "",
            "from ._namespaces import RawResponseNamespaces, ResourceNamespaces",
            "",
            "if TYPE_CHECKING:",
            "    from ._catalog import BY_NAME, ENDPOINTS",
            "",
            '__all__ = ["BY_NAME", "ENDPOINTS", "RawResponseNamespaces", "ResourceNamespaces"]',
            "",
            "",
            "def __getattr__(name: str) -> Any:",
            '    """The catalog is built on first use, so importing the client stays cheap."""',
            '    if name in ("BY_NAME", "ENDPOINTS"):',
            "        from . import _catalog",
            "",
            "        return getattr(_catalog, name)",
            '    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
            "",
        ]
    )
