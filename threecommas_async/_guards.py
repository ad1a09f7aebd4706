"""Trading guards: a client that may only read, or may only trade on the paper account.

Both are checked before any I/O. A *read* is what the SDK treats as idempotent (GET, and POSTs that need
only a ``*_READ`` permission); everything else places, cancels, changes or deletes something.

``paper_only`` sends ``Forced-Mode: paper`` with every non-read call and refuses ``forced_mode="real"``.
The server has been known to ignore that header, so where an answer names the account it went to
(``account.type`` on smart trades, ``market_code`` on accounts) a non-paper account raises
:class:`PaperModeIgnoredError`. DCA bot and deal answers carry only an ``account_id``, which cannot be
checked without another request: those are trusted to the header.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._exceptions import PaperModeIgnoredError, ReadOnlyError, RealModeRefusedError

__all__ = ["NO_GUARD", "PAPER_MARKET", "TradingGuard"]

PAPER_MARKET = "paper_trading"


@attrs.frozen(slots=True)
class TradingGuard:
    read_only: bool = False
    paper_only: bool = False

    def check(self, method: str, path: str, *, is_read: bool, forced_mode: str | None) -> None:
        """Refuse, before any I/O, a call this client may not make."""
        if is_read:
            return
        if self.read_only:
            raise ReadOnlyError(f"{method} {path} changes state, and this client is read_only")
        if self.paper_only and forced_mode == "real":
            raise RealModeRefusedError(f"{method} {path} asks for real mode, and this client is paper_only")

    def check_answer(self, method: str, path: str, data: Any) -> None:
        """Raise when a paper-only call's answer names a real account (the server ignored Forced-Mode)."""
        if not self.paper_only:
            return
        for market in _markets(data):
            if market != PAPER_MARKET:
                raise PaperModeIgnoredError(
                    f"{method} {path} was sent with Forced-Mode: paper but went to a {market!r} account; "
                    "check your real account now"
                )


def _markets(data: Any) -> list[str]:
    """The account markets an answer names: ``account.type`` (smart trades) or ``market_code`` (accounts)."""
    items = data if isinstance(data, list) else [data]
    found: list[str] = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        account = item.get("account")
        if isinstance(account, Mapping) and isinstance(account.get("type"), str):
            found.append(account["type"])
        if isinstance(item.get("market_code"), str):
            found.append(item["market_code"])
    return found


NO_GUARD = TradingGuard()
