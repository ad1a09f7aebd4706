"""The user's settings: trading mode (paper or real), interface locale and the API key's permissions.

``change_mode`` answers a bare ``true``, as real clients read the live server.
"""

from __future__ import annotations

from typing import Any

from .._keys import Permission
from .._routing import HandlerRequest, RepeatCheck, RouteGroup
from .._state import Mode

__all__ = ["routes"]

routes = RouteGroup()


@routes.post("/ver1/users/change_mode", Permission.ACCOUNTS_WRITE, repeat=RepeatCheck.NONE)
def change_mode(request: HandlerRequest) -> bool:
    request.world.mode = Mode(request.params.require_text("mode", choices=("paper", "real")))
    return True


@routes.get("/ver1/users/current_mode", Permission.ACCOUNTS_READ)
def current_mode(request: HandlerRequest) -> dict[str, Any]:
    return {"mode": request.mode.value}


@routes.put("/ver1/users/locale", None)
def change_locale(request: HandlerRequest) -> dict[str, Any]:
    locale = request.params.require_text("locale")
    request.world.locale = locale
    return {"locale": locale}


@routes.get("/ver1/users/permissions_info", None)
def permissions_info(request: HandlerRequest) -> dict[str, Any]:
    granted = {permission.value for permission in request.key.permissions} if request.key else set()
    return {
        "permissions": {permission.value: permission.value in granted for permission in Permission},
        "security": "SIGNED",
    }
