"""The one error the media package raises: what is wrong with which file, and how to fix it."""

from __future__ import annotations

from pathlib import Path


class MediaError(Exception):
    """A media file the pipeline cannot use.

    `message` says in Chinese what is wrong and always names the file; `hint` says how to fix it.
    `incomplete` marks a file that stops part-way (a copy that was interrupted): `check` reports it
    under its own code. `str(err)` is the message followed by the hint, so a plain `print(err)` is
    already helpful. Picklable, so worker processes can hand it back to the parent.
    """

    def __init__(self, path: Path | str, message: str, hint: str = "", incomplete: bool = False) -> None:
        self.path = Path(path)
        self.message = message
        self.hint = hint
        self.incomplete = incomplete
        super().__init__(f"{message}。{hint}" if hint else message)

    def __reduce__(self):
        return MediaError, (str(self.path), self.message, self.hint, self.incomplete)
