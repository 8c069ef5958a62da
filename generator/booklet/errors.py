"""The one error the booklet raises: what went wrong, in Chinese, and how to fix it."""

from __future__ import annotations


class BookletError(Exception):
    """A booklet that cannot be made. `str(err)` is "message — 提示: hint", ready to print."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} — 提示: {hint}" if hint else message)
