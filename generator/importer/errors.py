"""The one way an import stops: a Chinese message and how to fix it, never a traceback."""

from __future__ import annotations


class ImportStop(Exception):
    """The file cannot be imported at all (unreadable, encrypted, old .xls, no header row…)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint

    def __str__(self) -> str:
        return f"错误: {self.message}" + (f" — 提示: {self.hint}" if self.hint else "")
